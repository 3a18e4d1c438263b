/** Requests for an extra session (Central Bedfordshire's agreement, clause 1): words for their states, loading them. */
import { api, type Schemas } from '../../api/client';
import type { TagColour } from '../../components/govuk';
import { call, type Result } from '../agreements/agreements';

export type SessionRequest = Schemas['SessionRequest'];
export type SessionRequestStatus = Schemas['SessionRequestStatus'];

export const REQUEST_STATUS_TEXT: Record<SessionRequestStatus, { text: string; colour: TagColour }> = {
  REQUESTED: { text: 'Waiting for an answer', colour: 'blue' },
  BOOKED: { text: 'Booked', colour: 'green' },
  DECLINED: { text: 'Declined', colour: 'grey' },
};

export const requestHref = (id: string) => `/session-requests/${encodeURIComponent(id)}`;
export const NEW_REQUEST_HREF = '/session-requests/new';

/** The requests the signed-in person may see, newest first (one page is plenty for a home page). */
export function loadRequests(signal?: AbortSignal): Promise<Result<Schemas['SessionRequestPage']>> {
  return call(api.GET('/api/v1/session-requests', { params: { query: { limit: 50 } }, signal }));
}

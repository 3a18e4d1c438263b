/** The session record the record page's tests build: session s-1's record, its agenda template and the page opened on it. */
import type { Schemas } from '../../api/client';
import { TOKENS } from '../../test/fixtures';
import { json, mockApi, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { POLICY, PROFILE } from '../agreements/agreementFixtures';
import { session } from '../sessions/sessionFixtures';

/** A free-text item of the session agenda. */
export const agendaItem = (position: number, key: string, section: string, label: string, required = false): Schemas['TemplateItem'] => ({
  key,
  position,
  section,
  label,
  answerType: 'FREE_TEXT',
  required,
});

/** The shipped profile plus a session agenda template, id tpl-agenda, of these items. */
export const profileWithAgenda = (items: Schemas['TemplateItem'][], title = 'Agenda') => ({
  ...PROFILE,
  templates: [...PROFILE.templates, { id: 'tpl-agenda', kind: 'SESSION_AGENDA', version: 1, title, source: '', items }],
});

/** Session s-1's record on tpl-agenda: a draft with nothing written, no actions and nothing missing. */
export function record(overrides: Partial<Schemas['SessionRecord']> = {}): Schemas['SessionRecord'] {
  return {
    sessionId: 's-1',
    status: 'DRAFT',
    templateId: 'tpl-agenda',
    entries: [],
    personalIssuesDiscussed: false,
    confidentialNotesWithheld: false,
    actionReviews: [],
    openActions: [],
    notes: [],
    signatures: [],
    missing: [],
    version: 1,
    updatedAt: '2026-01-06T16:00:00Z',
    ...overrides,
  };
}

/**
 * Opens the record page of held session s-1 as `me`, the API answering with `rec` and `profile`;
 * `routes` add answers or replace these.
 */
export function openRecord(me: Schemas['Me'], rec: Schemas['SessionRecord'], profile: unknown, routes: Record<string, Handler> = {}) {
  withStoredRefreshToken();
  const api = mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(me),
    'GET /api/v1/organisation/policy': json(POLICY),
    'GET /api/v1/policy-profiles/:id': json(profile),
    'GET /api/v1/sessions/:id/record': json(rec, 200, { ETag: '"1"' }),
    'GET /api/v1/sessions/:id': json(session({ status: 'HELD' })),
    'GET /api/v1/actions': json({ items: [] }),
    ...routes,
  });
  renderApp('/sessions/s-1/record');
  return api;
}

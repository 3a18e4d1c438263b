import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { POLICY, PROFILE } from '../agreements/agreementFixtures';
import { session } from '../sessions/sessionFixtures';
import { CD_TEMPLATE, child, discussion } from './caseDiscussionFixtures';

const RECORD = {
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
};

describe('Case discussions inside a session', () => {
  it('lists the session’s case discussions and starts one for a child of the supervisee found by name', async () => {
    withStoredRefreshToken();
    const api = mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      'GET /api/v1/organisation/policy': json(POLICY),
      'GET /api/v1/policy-profiles/:id': json(PROFILE),
      'GET /api/v1/sessions/:id/record': json(RECORD, 200, { ETag: '"v1"' }),
      'GET /api/v1/sessions/:id': json(session({ status: 'HELD' })),
      'GET /api/v1/actions': json({ items: [] }),
      'GET /api/v1/case-discussions': json({ items: [] }),
      'GET /api/v1/children': (request) => json({ items: request.query.get('q') === 'mia' ? [child()] : [] }),
      'POST /api/v1/case-discussions': json(discussion({ id: 'cd-9' }), 201, { ETag: '"v1"' }),
      'GET /api/v1/case-discussions/:id': json(discussion({ id: 'cd-9' }), 200, { ETag: '"v1"' }),
      'GET /api/v1/policy-templates/:id': json(CD_TEMPLATE),
    });
    renderApp('/sessions/s-1/record');
    const user = userEvent.setup();
    const block = await screen.findByTestId('case-discussions-in-session');
    expect(await within(block).findByText('No case discussions yet.')).toBeInTheDocument();
    expect(api.callsTo('GET /api/v1/case-discussions')[0]?.query.get('sessionId')).toBe('s-1');

    await user.click(within(block).getByRole('button', { name: 'Add a case discussion' }));
    await user.click(within(block).getByRole('button', { name: 'Find the child' }));
    expect(within(block).getByText('Enter the child’s name or case number', { exact: false })).toBeInTheDocument();
    expect(api.callsTo('GET /api/v1/children')).toHaveLength(0);

    await user.type(within(block).getByLabelText('Which child? Their name or case number'), 'nobody');
    await user.click(within(block).getByRole('button', { name: 'Find the child' }));
    expect(await within(block).findByTestId('no-children')).toHaveTextContent('No child allocated to Sam Okafor matches “nobody”');

    await user.clear(within(block).getByLabelText('Which child? Their name or case number'));
    await user.type(within(block).getByLabelText('Which child? Their name or case number'), 'mia');
    await user.click(within(block).getByRole('button', { name: 'Find the child' }));
    const search = api.callsTo('GET /api/v1/children').at(-1);
    expect(search?.query.get('allocatedWorkerId')).toBe('a1');
    await user.click(await within(block).findByRole('button', { name: 'Discuss Mia Example' }));

    await waitFor(() => expect(window.location.pathname).toBe('/case-discussions/cd-9'));
    const post = api.callsTo('POST /api/v1/case-discussions')[0];
    expect(post?.body).toEqual({ childId: 'ch-1', sessionId: 's-1' });
    expect(post?.headers.get('Idempotency-Key')).toBeTruthy();
    expect(await screen.findByText('Mia Example, case number PRN-1001')).toBeInTheDocument();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { PRIYA, SAM, TOKENS } from '../../test/fixtures';
import { json, mockApi, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import type { Me } from '../auth/AuthContext';
import { decision } from '../decisions/decisionFixtures';

const summary = (overrides: Partial<Schemas['CaseDiscussionSummary']>): Schemas['CaseDiscussionSummary'] => ({
  id: 'cd-1',
  child: { id: 'c1', name: 'Alice Brown', caseNumber: 'PRN-1001' },
  supervisee: { id: 'a1', displayName: 'Sam Okafor' },
  supervisor: { id: 'p1', displayName: 'Priya Shah' },
  status: 'DRAFT',
  discussedOn: '2026-11-30',
  decisionCount: 1,
  signedByMe: false,
  updatedAt: '2026-11-30T10:00:00Z',
  ...overrides,
});

function signedIn(me: Me, routes: Record<string, Handler> = {}) {
  withStoredRefreshToken();
  return mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(me),
    'GET /api/v1/case-discussions': json({
      items: [summary({}), summary({ id: 'cd-2', signedByMe: true }), summary({ id: 'cd-3', child: { id: 'c2', name: 'Alfie Green', caseNumber: 'PRN-1002' } })],
    }),
    'GET /api/v1/case-decisions': json({ items: [decision(), decision({ id: 'd2' })] }),
    ...routes,
  });
}

async function findHome() {
  await waitFor(() => expect(screen.queryByTestId('home-skeleton')).toBeNull());
  return screen.findByRole('heading', { level: 1, name: 'My supervision' });
}

describe('Home: decisions and case discussions (issue 8)', () => {
  it('a supervisor gets "Record a decision" and how many decisions wait to be filed', async () => {
    const api = signedIn(PRIYA);
    renderApp('/');
    await findHome();
    expect(screen.getByRole('button', { name: 'Record a decision' })).toHaveAttribute('href', '/decisions/new');
    expect(await screen.findByRole('link', { name: 'Decisions waiting to be filed: 2' })).toHaveAttribute('href', '/decisions');
    expect(api.callsTo('GET /api/v1/case-decisions')[0]?.query.get('acknowledged')).toBe('false');
  });

  it('no count when nothing waits', async () => {
    const api = signedIn(PRIYA, { 'GET /api/v1/case-decisions': json({ items: [] }) });
    renderApp('/');
    await findHome();
    await waitFor(() => expect(api.callsTo('GET /api/v1/case-decisions')).toHaveLength(1));
    expect(screen.queryByTestId('decisions-waiting-link')).toBeNull();
  });

  it('lists the case discussions waiting for my signature (not those I have signed), each linked', async () => {
    const api = signedIn(SAM);
    renderApp('/');
    await findHome();
    const section = await screen.findByTestId('case-discussions-to-sign');
    expect(within(section).getByRole('heading', { name: 'Case discussions to sign: 2' })).toBeInTheDocument();
    const links = within(section).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['/case-discussions/cd-1', '/case-discussions/cd-3']);
    expect(section).toHaveTextContent('With Priya Shah, discussed Monday 30 November 2026');
    expect(api.callsTo('GET /api/v1/case-discussions')[0]?.query.get('status')).toBe('DRAFT');
    // A practitioner records no management decisions.
    expect(screen.queryByRole('button', { name: 'Record a decision' })).toBeNull();
    expect(api.callsTo('GET /api/v1/case-decisions')).toHaveLength(0);
    expect(screen.getByRole('link', { name: 'Who has read my records' })).toHaveAttribute('href', '/me/activity');
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';

const DAY = 24 * 60 * 60 * 1000;

const FILED = {
  from: '2026-11-03',
  to: '2026-12-02',
  hoursAllowed: 24,
  teams: [],
  total: { signed: 0, acknowledgedWithin24Hours: 0, acknowledgedLater: 0, waiting: 0, notYetDue: 0 },
};

// Assessment Team 1: 13 signed, 8 with the view recorded and 5 with a reason instead (share 8 of 13, never 13 of 13).
const CHILD_VOICE = {
  from: '2026-11-03',
  to: '2026-12-02',
  teams: [
    { team: { id: 't1', name: 'Assessment Team 1' }, signed: 13, viewRecorded: 8, reasonGiven: 5, tooYoung: 2, notSeenSinceLastDiscussion: 2, declined: 1, share: 8 / 13 },
    { team: { id: 't2', name: 'Looked After Children' }, signed: 3, viewRecorded: 3, reasonGiven: 0, tooYoung: 0, notSeenSinceLastDiscussion: 0, declined: 0, share: 1 },
  ],
  total: { signed: 16, viewRecorded: 11, reasonGiven: 5, tooYoung: 2, notSeenSinceLastDiscussion: 2, declined: 1, share: 11 / 16 },
};

function signedIn(routes: Record<string, Handler> = {}) {
  withStoredRefreshToken();
  return mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(PRIYA),
    'GET /api/v1/dashboards/decisions-filed': json(FILED),
    'GET /api/v1/dashboards/child-voice': json(CHILD_VOICE),
    'GET /api/v1/case-decisions': json({ items: [] }),
    ...routes,
  });
}

describe('The child’s view in case discussions, on the decisions page', () => {
  it('shows per team the signed discussions, the view recorded, each reason in words, the share and a total', async () => {
    const api = signedIn();
    renderApp('/decisions');
    expect(await screen.findByRole('heading', { level: 2, name: 'The child’s view in case discussions' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Signed between 3 November 2026 and 2 December 2026' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Team',
      'Signed',
      'View recorded',
      'Reason given: too young',
      'Reason given: not seen since the last discussion',
      'Reason given: declined',
      'Share with the view recorded',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Assessment Team 1', 'Looked After Children', 'All teams']);
    expect(within(rows[0] as HTMLElement).getAllByRole('cell').map((td) => td.textContent)).toEqual(['13', '8', '2', '2', '1', '62% (8 of 13)']);
    expect(rows[1]).toHaveTextContent('100% (3 of 3)');
    expect(within(rows[2] as HTMLElement).getAllByRole('cell').map((td) => td.textContent)).toEqual(['16', '11', '2', '2', '1', '69% (11 of 16)']);
    expect(screen.getByTestId('child-voice-summary')).toHaveTextContent(
      'The child’s view was recorded in 11 of the 16 case discussions signed (69%); in 5 a reason was given instead (2 too young, 2 not seen since the last discussion, 1 declined).',
    );
    // Words, never the reason keys.
    expect(screen.getByTestId('child-voice')).not.toHaveTextContent(/TOO_YOUNG|NOT_SEEN|DECLINED|notSeen|tooYoung/);
    // The same period as the decisions measure: the last 30 days by default.
    const query = api.callsTo('GET /api/v1/dashboards/child-voice')[0]?.query;
    expect((Date.parse(query?.get('to') ?? '') - Date.parse(query?.get('from') ?? '')) / DAY).toBe(29);
    expect(query?.get('from')).toBe(api.callsTo('GET /api/v1/dashboards/decisions-filed')[0]?.query.get('from'));
  });

  it('works the share out from the recorded views alone when the server leaves it out, so reasons never count as recorded', async () => {
    const team = { team: { id: 't3', name: 'Children in Need' }, signed: 4, viewRecorded: 1, reasonGiven: 3, tooYoung: 3, notSeenSinceLastDiscussion: 0, declined: 0 };
    signedIn({
      'GET /api/v1/dashboards/child-voice': json({ ...CHILD_VOICE, teams: [team], total: { ...team, team: undefined } }),
    });
    renderApp('/decisions');
    const table = await screen.findByRole('table', { name: /^Signed between/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('25% (1 of 4)');
    expect(screen.getByTestId('child-voice-summary')).toHaveTextContent(
      'The child’s view was recorded in 1 of the 4 case discussions signed (25%); in 3 a reason was given instead (3 too young).',
    );
  });

  it('asks again for the period chosen above', async () => {
    const api = signedIn();
    renderApp('/decisions');
    const user = userEvent.setup();
    await screen.findByTestId('child-voice-summary');
    await user.selectOptions(screen.getByLabelText('Period'), 'Last 7 days');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await screen.findByTestId('child-voice-summary');
    const last = api.callsTo('GET /api/v1/dashboards/child-voice').at(-1)?.query;
    expect((Date.parse(last?.get('to') ?? '') - Date.parse(last?.get('from') ?? '')) / DAY).toBe(6);
  });

  it('says so when no case discussions were signed', async () => {
    signedIn({ 'GET /api/v1/dashboards/child-voice': json({ ...CHILD_VOICE, teams: [], total: { signed: 0, viewRecorded: 0, reasonGiven: 0, tooYoung: 0, notSeenSinceLastDiscussion: 0, declined: 0 } }) });
    renderApp('/decisions');
    expect(await screen.findByTestId('child-voice-summary')).toHaveTextContent('No case discussions were signed in this period.');
    expect(screen.queryByRole('table', { name: /^Signed between/ })).not.toBeInTheDocument();
  });

  it('is hidden from a caller refused the figures', async () => {
    const api = signedIn({ 'GET /api/v1/dashboards/child-voice': problem(403, 'Forbidden') });
    renderApp('/decisions');
    await screen.findByTestId('measure-summary');
    await vi.waitFor(() => expect(api.callsTo('GET /api/v1/dashboards/child-voice')).toHaveLength(1));
    await vi.waitFor(() => expect(screen.queryByTestId('child-voice')).not.toBeInTheDocument());
    expect(screen.queryByText('The child’s view in case discussions')).not.toBeInTheDocument();
    expect(screen.queryByText('You do not have access to this record')).not.toBeInTheDocument();
  });
});

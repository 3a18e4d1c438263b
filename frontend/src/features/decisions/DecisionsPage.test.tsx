import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { decision } from './decisionFixtures';

const HOUR = 60 * 60 * 1000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

const FILED = {
  from: '2026-11-03',
  to: '2026-12-02',
  hoursAllowed: 24,
  teams: [
    { team: { id: 't1', name: 'Assessment Team 1' }, signed: 10, acknowledgedWithin24Hours: 7, acknowledgedLater: 1, waiting: 1, notYetDue: 1, share: 7 / 9 },
    { team: { id: 't2', name: 'Looked After Children' }, signed: 1, acknowledgedWithin24Hours: 0, acknowledgedLater: 0, waiting: 0, notYetDue: 1 },
  ],
  total: { signed: 11, acknowledgedWithin24Hours: 7, acknowledgedLater: 1, waiting: 1, notYetDue: 2, share: 7 / 9 },
};

const CHILD_VOICE = {
  from: '2026-11-03',
  to: '2026-12-02',
  teams: [],
  total: { signed: 0, viewRecorded: 0, reasonGiven: 0, tooYoung: 0, notSeenSinceLastDiscussion: 0, declined: 0 },
};

function signedIn(routes: Record<string, Handler> = {}) {
  withStoredRefreshToken();
  return mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(PRIYA),
    'GET /api/v1/dashboards/decisions-filed': json(FILED),
    'GET /api/v1/dashboards/child-voice': json(CHILD_VOICE),
    'GET /api/v1/case-decisions': json({
      items: [
        decision({ id: 'd-old', signedAt: ago(30 * HOUR), decision: 'Strategy meeting' }),
        decision({ id: 'd-new', signedAt: ago(2 * HOUR), decision: 'Respite weekend' }),
      ],
    }),
    ...routes,
  });
}

describe('Decisions page', () => {
  it('lists the decisions waiting to be filed, oldest first, with how long each has waited in words', async () => {
    const api = signedIn();
    renderApp('/decisions');
    expect(await screen.findByRole('heading', { level: 1, name: 'Decisions about children' })).toBeInTheDocument();
    const waiting = await screen.findByRole('table', { name: 'Oldest first' });
    const rows = within(waiting).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Strategy meeting');
    expect(rows[0]).toHaveTextContent('30 hours');
    expect(within(rows[0] as HTMLElement).getByText('Waiting over 24 hours')).toHaveClass('govuk-tag--red');
    expect(rows[1]).toHaveTextContent('2 hours');
    expect(within(rows[1] as HTMLElement).getByText('Waiting to be filed')).toHaveClass('govuk-tag');
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'Alice Brown' })).toHaveAttribute('href', '/children/c0000000-0000-4000-8000-000000000001');
    expect(api.callsTo('GET /api/v1/case-decisions')[0]?.query.get('acknowledged')).toBe('false');
    expect(screen.getByRole('button', { name: 'Record a decision' })).toHaveAttribute('href', '/decisions/new');
  });

  it('shows the 24-hour measure per team as words and numbers, with a total, for the last 30 days by default', async () => {
    const api = signedIn();
    renderApp('/decisions');
    const table = await screen.findByRole('table', { name: '3 November 2026 to 2 December 2026' });
    const headers = within(table).getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual([
      'Team',
      'Signed',
      'Filed within 24 hours',
      'Filed later',
      'Waiting over 24 hours',
      'Not yet due',
      'Share filed within 24 hours',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Assessment Team 1', 'Looked After Children', 'All teams']);
    expect(rows[0]).toHaveTextContent('78% (7 of 9)');
    expect(rows[1]).toHaveTextContent('None due yet');
    expect(screen.getByTestId('measure-summary')).toHaveTextContent(
      '7 of the 9 decisions due were filed to the child’s record within 24 hours of signing (78%).',
    );
    const query = api.callsTo('GET /api/v1/dashboards/decisions-filed')[0]?.query;
    const days = (Date.parse(query?.get('to') ?? '') - Date.parse(query?.get('from') ?? '')) / (24 * HOUR);
    expect(days).toBe(29);
  });

  it('asks again for the period chosen', async () => {
    const api = signedIn();
    renderApp('/decisions');
    const user = userEvent.setup();
    await screen.findByRole('table', { name: /to 2 December 2026|to / });
    await user.selectOptions(screen.getByLabelText('Period'), 'Last 7 days');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(window.location.search).toBe('?period=7');
    await screen.findByTestId('measure-summary');
    const last = api.callsTo('GET /api/v1/dashboards/decisions-filed').at(-1)?.query;
    expect((Date.parse(last?.get('to') ?? '') - Date.parse(last?.get('from') ?? '')) / (24 * HOUR)).toBe(6);
  });

  it('says so when nothing waits, and explains a refusal in words', async () => {
    signedIn({ 'GET /api/v1/case-decisions': json({ items: [] }), 'GET /api/v1/dashboards/decisions-filed': problem(403, 'Forbidden') });
    renderApp('/decisions');
    expect(await screen.findByTestId('nothing-waiting')).toHaveTextContent('Every signed decision has been filed to the child’s record.');
    expect(await screen.findByText('You do not have access to this record')).toBeInTheDocument();
  });
});

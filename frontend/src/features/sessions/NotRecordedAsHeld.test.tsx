import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PRIYA, SUPERVISEES, TOKENS } from '../../test/fixtures';
import { json, mockApi } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { schedule, session } from './sessionFixtures';
import { isNotRecordedAsHeld } from './sessions';

const sam = SUPERVISEES[0] as (typeof SUPERVISEES)[0];

describe('Sessions not recorded as held', () => {
  it('flags them on the supervisor’s card, each linked to its session', async () => {
    withStoredRefreshToken();
    mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      'GET /api/v1/dashboards/my-supervisees': json({
        items: [
          {
            supervisee: sam,
            schedule: schedule({ status: 'OVERDUE' }),
            heldAwaitingRecord: 0,
            overdueActions: 0,
            notRecordedAsHeld: [
              { id: 's-7', date: '2026-11-03', startTime: '09:00' },
              { id: 's-8', date: '2026-11-24', startTime: '14:30' },
            ],
          },
        ],
      }),
    });
    renderApp('/');
    const row = await screen.findByTestId('dashboard-row');
    const flag = within(row).getByTestId('not-recorded-as-held');
    expect(flag).toHaveTextContent('2 sessions are not recorded as held');
    expect(within(flag).getAllByRole('link').map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Tuesday 3 November 2026 at 9am with Sam Okafor: record it as held, postponed or cancelled', '/sessions/s-7'],
      ['Tuesday 24 November 2026 at 2:30pm with Sam Okafor: record it as held, postponed or cancelled', '/sessions/s-8'],
    ]);
  });

  it('shows nothing on a card with none', async () => {
    withStoredRefreshToken();
    mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      'GET /api/v1/dashboards/my-supervisees': json({
        items: [{ supervisee: sam, schedule: schedule({ status: 'ON_TRACK' }), heldAwaitingRecord: 0, overdueActions: 0 }],
      }),
    });
    renderApp('/');
    const row = await screen.findByTestId('dashboard-row');
    expect(within(row).queryByTestId('not-recorded-as-held')).toBeNull();
  });

  it('says so on the session page instead of "Planned" once the day has passed', async () => {
    withStoredRefreshToken();
    mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      'GET /api/v1/sessions/:id': json(session({ date: '2020-01-07', status: 'PLANNED' })),
    });
    renderApp('/sessions/s-1');
    expect(await screen.findByTestId('not-recorded-as-held')).toHaveTextContent('not recorded as held');
    expect(screen.getByTestId('session-status')).toHaveTextContent('Not recorded as held');
    expect(within(screen.getByTestId('session-status')).getByText('Not recorded as held')).toHaveClass('govuk-tag--red');
  });

  it('is a planned session before today, not one today, ahead, held or postponed', () => {
    expect(isNotRecordedAsHeld({ status: 'PLANNED', date: '2026-11-30' }, '2026-12-01')).toBe(true);
    expect(isNotRecordedAsHeld({ status: 'PLANNED', date: '2026-12-01' }, '2026-12-01')).toBe(false);
    expect(isNotRecordedAsHeld({ status: 'HELD', date: '2026-11-30' }, '2026-12-01')).toBe(false);
    expect(isNotRecordedAsHeld({ status: 'POSTPONED', date: '2026-11-30' }, '2026-12-01')).toBe(false);
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PRIYA, SUPERVISEES, TOKENS } from '../../test/fixtures';
import { json, mockApi } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { schedule, session } from '../sessions/sessionFixtures';

const [sam, jordan, alex, chris] = SUPERVISEES as [(typeof SUPERVISEES)[0], (typeof SUPERVISEES)[0], (typeof SUPERVISEES)[0], (typeof SUPERVISEES)[0]];

describe('Supervisor dashboard on the home page', () => {
  it('lists supervisees in the order the API gives (most urgent first), with badges, status in words and what waits', async () => {
    withStoredRefreshToken();
    mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      'GET /api/v1/dashboards/my-supervisees': json({
        items: [
          { supervisee: chris, schedule: schedule({ status: 'BREACH', nextDue: '2026-10-01', agreementStatus: 'NONE_OVERDUE' }), heldAwaitingRecord: 0 },
          { supervisee: jordan, schedule: schedule({ status: 'OVERDUE', nextDue: '2026-11-20' }), heldAwaitingRecord: 2 },
          { supervisee: alex, schedule: schedule({ status: 'DUE_SOON', lastHeld: undefined }), heldAwaitingRecord: 0 },
          {
            supervisee: sam,
            schedule: schedule({ status: 'ON_TRACK', nextDue: '2026-12-08' }),
            nextPlanned: session({ id: 's-9', date: '2026-12-01', startTime: '14:30' }),
            heldAwaitingRecord: 1,
          },
        ],
      }),
    });
    renderApp('/');
    const dashboard = await screen.findByTestId('supervisee-dashboard');
    const rows = await within(dashboard).findAllByTestId('dashboard-row');
    expect(rows.map((row) => within(row).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Chris Taylor',
      'Jordan Reid NQSW/ASYE',
      'Alex Morgan Agency',
      'Sam Okafor',
    ]);
    const [chrisRow, jordanRow, alexRow, samRow] = rows as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    expect(within(chrisRow).getByText('Past limit')).toHaveClass('govuk-tag', 'govuk-tag--purple');
    expect(within(chrisRow).getByText('Agreement overdue')).toHaveClass('govuk-tag--red');
    expect(within(jordanRow).getByText('Overdue')).toHaveClass('govuk-tag--red');
    expect(within(jordanRow).getByText('NQSW/ASYE')).toHaveClass('govuk-tag');
    expect(within(jordanRow).getByText('2 records to write')).toBeInTheDocument();
    expect(within(alexRow).getByText('Due soon')).toHaveClass('govuk-tag--yellow');
    expect(within(alexRow).getByText('Agency')).toHaveClass('govuk-tag');
    expect(within(alexRow).getByText('Not yet')).toBeInTheDocument();
    expect(within(samRow).getByText('On track')).toHaveClass('govuk-tag--green');
    expect(within(samRow).getByTestId('next-due')).toHaveTextContent('Tuesday 8 December 2026');
    expect(within(samRow).getByRole('link', { name: 'Tuesday 1 December 2026 at 2:30pm' })).toHaveAttribute('href', '/sessions/s-9');
    expect(within(samRow).getByText('1 record to write')).toBeInTheDocument();
    expect(within(samRow).getByText('Agreed')).toHaveClass('govuk-tag--green');
    expect(within(samRow).getByRole('link', { name: 'Plan a session with Sam Okafor' })).toHaveAttribute(
      'href',
      '/sessions/new?superviseeId=a1',
    );
    expect(within(samRow).getByRole('link', { name: 'Sam Okafor' })).toHaveAttribute('href', '/staff/a1');
    // The people table with agreement links is still there.
    expect(screen.getByRole('table', { name: 'People you supervise' })).toBeInTheDocument();
  });

  it('flags what waits on each card: records to write, records awaiting signature, overdue actions', async () => {
    withStoredRefreshToken();
    mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      'GET /api/v1/dashboards/my-supervisees': json({
        items: [
          { supervisee: sam, schedule: schedule({ status: 'OVERDUE' }), heldAwaitingRecord: 1, recordsAwaitingSignature: 2, overdueActions: 1 },
          { supervisee: alex, schedule: schedule({ status: 'ON_TRACK' }), heldAwaitingRecord: 0, recordsAwaitingSignature: 0, overdueActions: 0 },
        ],
      }),
    });
    renderApp('/');
    const [samRow, alexRow] = (await within(await screen.findByTestId('supervisee-dashboard')).findAllByTestId('dashboard-row')) as [
      HTMLElement,
      HTMLElement,
    ];
    const waits = within(samRow).getByRole('list', { name: 'What waits for Sam Okafor' });
    expect(within(waits).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '1 record to write',
      '2 records awaiting signature',
      '1 overdue action',
    ]);
    expect(within(samRow).getByText('1 overdue action')).toHaveClass('govuk-tag--red');
    expect(within(alexRow).queryAllByRole('listitem').filter((li) => li.closest('.app-flags'))).toEqual([]);
  });

  it('shows a practitioner their own schedule and next sessions', async () => {
    withStoredRefreshToken();
    const api = mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json({ ...PRIYA, supervisees: [] }),
      'GET /api/v1/staff/:id/schedule': json(schedule({ status: 'DUE_SOON', nextDue: '2026-12-08', sessionsInLast12Months: 7 })),
      'GET /api/v1/sessions': json({ items: [session({ id: 's-2', date: '2026-12-03', startTime: '10:00' })] }),
    });
    renderApp('/');
    const mine = await screen.findByTestId('my-schedule');
    expect(await within(mine).findByText('Due soon')).toHaveClass('govuk-tag--yellow');
    expect(within(mine).getByText('Tuesday 8 December 2026')).toBeInTheDocument();
    expect(within(mine).getByText('7 of at least 12')).toBeInTheDocument();
    expect(await within(mine).findByRole('link', { name: 'Thursday 3 December 2026 at 10am' })).toHaveAttribute('href', '/sessions/s-2');
    const list = api.callsTo('GET /api/v1/sessions').find((c) => c.query.has('from'));
    expect(list?.query.get('superviseeId')).toBe('p1');
    expect(list?.query.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(screen.queryByTestId('supervisee-dashboard')).toBeNull();
  });
});

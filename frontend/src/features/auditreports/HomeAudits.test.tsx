import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../api/client';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { HELEN, MORGAN, reportSummary, scheduleItem } from './auditReportFixtures';

function home(me: Schemas['Me'], routes: Record<string, Handler> = {}) {
  withStoredRefreshToken();
  const api = mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(me),
    ...routes,
  });
  renderApp('/');
  return api;
}

beforeEach(() => {
  // Only the clock: a Wednesday in December 2026, so the previous quarter is July to September.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-02T10:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('Home: audits due and reports to sign off', () => {
  it('a service manager sees the month’s audit due in words, with the suggested file, and starts it', async () => {
    const api = home(MORGAN, {
      'GET /api/v1/audit-schedule': json({
        items: [
          scheduleItem(),
          // The QA sample is another card's: not shown here.
          scheduleItem({ kind: 'QA_SAMPLE', period: '2026-Q4', periodLabel: 'October to December 2026', sampleSize: 10, completed: 2 }),
        ],
      }),
      'POST /api/v1/audits': json({ id: 'audit-9' }, 201, { ETag: '"v1"' }),
    });
    const section = await screen.findByTestId('audits-due');
    expect(within(section).getAllByTestId('audit-due-item')).toHaveLength(1);
    expect(section).toHaveTextContent('Your audit for December 2026: due by Thursday 31 December 2026');
    expect(within(section).getByText('Due')).toHaveClass('govuk-tag');
    expect(section).toHaveTextContent('Suggested: Sam Okafor, Team A');
    expect(section).not.toHaveTextContent('SERVICE_MANAGER_MONTHLY');
    expect(section).not.toHaveTextContent('October to December');

    await userEvent.setup().click(within(section).getByRole('button', { name: 'Start this audit' }));
    await waitFor(() => expect(window.location.pathname).toBe('/audits/audit-9'));
    const [sent] = api.callsTo('POST /api/v1/audits');
    expect(sent?.body).toEqual({ superviseeId: 'a1', kind: 'SERVICE_MANAGER_MONTHLY' });
    expect(sent?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    // A service manager signs nothing off: only a link to the reports.
    expect(screen.queryByTestId('reports-to-sign-off')).toBeNull();
    expect(api.callsTo('GET /api/v1/audit-reports')).toHaveLength(0);
  });

  it('an audit in progress is continued, an overdue one says Overdue, and a refused start is said in words', async () => {
    home(MORGAN, {
      'GET /api/v1/audit-schedule': json({
        items: [
          scheduleItem({ status: 'IN_PROGRESS', auditId: 'audit-7' }),
          scheduleItem({ period: '2026-11', periodLabel: 'November 2026', dueBy: '2026-11-30', status: 'OVERDUE' }),
        ],
      }),
      'POST /api/v1/audits': problem(422, 'Unprocessable', { errors: [{ pointer: '/superviseeId', message: 'Sam Okafor already has an audit started' }] }),
    });
    const items = await screen.findAllByTestId('audit-due-item');
    expect(within(items[0]!).getByText('In progress')).toBeInTheDocument();
    expect(within(items[0]!).getByRole('button', { name: 'Continue' })).toHaveAttribute('href', '/audits/audit-7');
    expect(items[1]).toHaveTextContent('Your audit for November 2026: due by Monday 30 November 2026 Overdue');
    await userEvent.setup().click(within(items[1]!).getByRole('button', { name: 'Start this audit' }));
    expect(await within(items[1]!).findByRole('alert')).toHaveTextContent('Sam Okafor already has an audit started');
    expect(window.location.pathname).toBe('/');
  });

  it('a head of service sees one line per service manager, and the previous quarter’s reports to sign off', async () => {
    const api = home(HELEN, {
      'GET /api/v1/audit-schedule': json({
        items: [
          scheduleItem({
            kind: 'HEAD_OF_SERVICE_QUARTERLY',
            period: '2026-Q4',
            periodLabel: 'October to December 2026',
            serviceManager: { id: 'm1', displayName: 'Morgan Hale' },
            suggestedSupervisee: { id: 'p1', displayName: 'Priya Shah' },
            suggestedTeam: { id: 't1', name: 'Team A' },
          }),
          scheduleItem({
            kind: 'HEAD_OF_SERVICE_QUARTERLY',
            period: '2026-Q4',
            periodLabel: 'October to December 2026',
            status: 'DONE',
            auditId: 'audit-3',
            serviceManager: { id: 'm2', displayName: 'Ola Adeyemi' },
            suggestedSupervisee: { id: 'p2', displayName: 'Kim Lee' },
            suggestedTeam: { id: 't2', name: 'Team B' },
          }),
        ],
      }),
      'GET /api/v1/audit-reports': json({
        items: [
          reportSummary(),
          reportSummary({ service: { id: 's2', name: 'Early Help' }, auditsCompleted: 0 }),
          reportSummary({ service: { id: 's3', name: 'Disabled Children' }, status: 'SIGNED_OFF', signedOffAt: '2026-10-07T10:00:00Z' }),
          reportSummary({ service: { id: 's4', name: 'Fostering' }, maySignOff: false }),
        ],
      }),
    });
    const quarterly = await screen.findByTestId('quarterly-audits');
    expect(within(quarterly).getByRole('heading', { name: 'Your audits for October to December 2026, one for each service manager' })).toBeInTheDocument();
    const lines = within(quarterly).getAllByTestId('audit-due-item');
    expect(lines.map((l) => l.textContent)).toEqual([
      expect.stringContaining('Morgan Hale, Children and Families: due by Thursday 31 December 2026 Due'),
      expect.stringContaining('Ola Adeyemi, Children and Families: due by Thursday 31 December 2026 Done'),
    ]);
    expect(lines[0]).toHaveTextContent('Suggested: Priya Shah, Team A');
    expect(within(lines[0]!).getByRole('button', { name: 'Start this audit for Morgan Hale' })).toBeInTheDocument();
    expect(within(lines[1]!).getByRole('button', { name: 'View this audit for Ola Adeyemi' })).toHaveAttribute('href', '/audits/audit-3');

    const reports = await screen.findByTestId('reports-to-sign-off');
    expect(within(reports).getByRole('heading', { name: 'Reports to sign off: 1' })).toBeInTheDocument();
    const links = within(reports).getAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Children and Families: audit report for July to September 2026', '/audit-reports/s1/2026-Q3'],
      ['All quarterly audit reports', '/audit-reports?quarter=2026-Q3'],
    ]);
    expect(reports).toHaveTextContent('3 audits completed');
    expect(api.callsTo('GET /api/v1/audit-reports')[0]?.query.get('quarter')).toBe('2026-Q3');
  });

  it('a head of service with nothing to sign off is told so', async () => {
    home(HELEN, {
      'GET /api/v1/audit-schedule': json({ items: [] }),
      'GET /api/v1/audit-reports': json({ items: [reportSummary({ status: 'SIGNED_OFF' })] }),
    });
    const reports = await screen.findByTestId('reports-to-sign-off');
    expect(reports).toHaveTextContent('No quarterly audit report for July to September 2026 is waiting for your sign-off.');
    expect(screen.queryByTestId('audits-due')).toBeNull();
  });

  it('a supervisor gets no audit card at all', async () => {
    const api = home(PRIYA, {});
    await screen.findByRole('heading', { level: 1, name: 'My supervision' });
    await waitFor(() => expect(api.callsTo('GET /api/v1/me').length).toBeGreaterThan(0));
    expect(screen.queryByTestId('audits-due')).toBeNull();
    expect(api.callsTo('GET /api/v1/audit-schedule')).toHaveLength(0);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TOKENS } from '../../test/fixtures';
import { json, mockApi, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { HELEN, reportSummary } from './auditReportFixtures';

function open(path: string, routes: Record<string, Handler> = {}) {
  withStoredRefreshToken();
  const api = mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(HELEN),
    'GET /api/v1/audit-reports': (request) =>
      json({
        items:
          request.query.get('quarter') === '2026-Q3'
            ? [
                reportSummary(),
                reportSummary({ service: { id: 's2', name: 'Early Help' }, status: 'SIGNED_OFF', signedOffAt: '2026-10-07T10:00:00Z', auditsCompleted: 1, maySignOff: false, mayEdit: false }),
              ]
            : [],
      }),
    ...routes,
  });
  renderApp(path);
  return api;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-02T10:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('Quarterly audit reports list', () => {
  it('shows each service’s report with its status in words, audits completed and a link', async () => {
    open('/audit-reports?quarter=2026-Q3');
    expect(await screen.findByRole('heading', { level: 1, name: 'Quarterly audit reports' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Audit reports for July to September 2026' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      'Children and FamiliesDraft3Review and sign off for Children and Families',
      'Early HelpSigned offon Wednesday 7 October 20261View report for Early Help',
    ]);
    expect(within(rows[0]!).getByRole('link', { name: 'Review and sign off for Children and Families' })).toHaveAttribute('href', '/audit-reports/s1/2026-Q3');
    expect(table).not.toHaveTextContent('SIGNED_OFF');
    expect(table).not.toHaveTextContent('DRAFT');
  });

  it('picks the quarter in words, defaulting to the previous quarter', async () => {
    const api = open('/audit-reports');
    const picker = await screen.findByLabelText('Quarter');
    expect((picker as HTMLSelectElement).value).toBe('2026-Q3');
    const options = within(picker).getAllByRole('option').map((o) => o.textContent);
    expect(options.slice(0, 3)).toEqual(['October to December 2026', 'July to September 2026', 'April to June 2026']);
    const user = userEvent.setup();
    await user.selectOptions(picker, '2026-Q2');
    await user.click(screen.getByRole('button', { name: 'Show reports' }));
    await waitFor(() => expect(window.location.search).toBe('?quarter=2026-Q2'));
    expect(await screen.findByTestId('no-reports')).toHaveTextContent('There are no audit reports for April to June 2026 that you can see.');
    expect(api.callsTo('GET /api/v1/audit-reports').map((c) => c.query.get('quarter'))).toEqual(['2026-Q3', '2026-Q2']);
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PRIYA, SUPERVISEES, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';

function signedIn(routes: Record<string, Handler>) {
  withStoredRefreshToken();
  return mockApi({ 'POST /api/v1/auth/token-refresh': json(TOKENS), 'GET /api/v1/me': json(PRIYA), ...routes });
}

describe('Staff record', () => {
  it('shows a member of staff as a summary list with their history', async () => {
    signedIn({
      'GET /api/v1/staff/:id': json({ ...SUPERVISEES[2], supervisor: { id: 'p1', displayName: 'Priya Shah' } }),
      'GET /api/v1/staff/:id/history': json({
        teams: [{ team: { id: 't1', name: 'Assessment Team 1' }, fromDate: '2024-09-02' }],
        supervisors: [
          { id: 'r1', supervisor: { id: 'p1', displayName: 'Priya Shah' }, supervisee: { id: 'a3', displayName: 'Alex Morgan' }, fromDate: '2024-09-02' },
        ],
      }),
    });
    renderApp('/staff/a3');
    expect(await screen.findByRole('heading', { level: 1, name: 'Alex Morgan' })).toBeInTheDocument();
    expect(document.title).toBe('Alex Morgan – Supervision');
    const list = document.querySelector('.govuk-summary-list') as HTMLElement;
    const row = (key: string) => within(list).getByText(key).closest('.govuk-summary-list__row') as HTMLElement;
    expect(row('Supervisor')).toHaveTextContent('Priya Shah');
    expect(within(row('Employment type')).getByText('Agency')).toHaveClass('govuk-tag');
    expect(row('Started with the organisation')).toHaveTextContent('Monday 2 September 2024');
    expect(row('Caseload')).toHaveTextContent('14 cases');
    expect(screen.getByRole('table', { name: 'Teams' })).toHaveTextContent('Now');
    expect(screen.getByRole('table', { name: 'Supervisors' })).toHaveTextContent('Priya Shah');
  });

  it('says "You do not have access to this record" on a 403 problem', async () => {
    signedIn({
      'GET /api/v1/staff/:id': problem(403, 'Forbidden'),
      'GET /api/v1/staff/:id/history': problem(403, 'Forbidden'),
    });
    renderApp('/staff/zz');
    expect(await screen.findByText('You do not have access to this record')).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });
});

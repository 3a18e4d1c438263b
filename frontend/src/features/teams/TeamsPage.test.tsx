import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';

const service = (id: string, name: string, teams: Array<[string, string, number]>) => ({
  id,
  name,
  teams: teams.map(([tid, tname, staffCount]) => ({ id: tid, name: tname, staffCount, service: { id, name } })),
});

describe('Teams', () => {
  it('shows each service with its teams and staff counts, reading every page', async () => {
    withStoredRefreshToken();
    const mock = mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      'GET /api/v1/services': (request) =>
        request.query.get('cursor')
          ? json({ items: [service('s2', 'Early Help', [])] })
          : json({
              items: [service('s1', 'Children and Families', [['t1', 'Assessment Team 1', 5], ['t2', 'Looked After Children', 7]])],
              nextCursor: 'next',
            }),
    });
    renderApp('/teams');
    expect(await screen.findByRole('heading', { level: 2, name: 'Children and Families' })).toBeInTheDocument();
    expect(document.title).toBe('Teams – Supervision');
    const table = screen.getByRole('table', { name: 'Teams in Children and Families' });
    const row = within(table).getByRole('link', { name: 'Looked After Children' }).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('7');
    expect(within(table).getByRole('link', { name: 'Assessment Team 1' })).toHaveAttribute('href', '/staff?teamId=t1');
    expect(screen.getByRole('heading', { level: 2, name: 'Early Help' })).toBeInTheDocument();
    expect(screen.getByText('This service has no teams.')).toBeInTheDocument();
    expect(screen.getByText(/2 services, 2 teams, 12 members of staff/)).toBeInTheDocument();
    expect(mock.callsTo('GET /api/v1/services')).toHaveLength(2);
  });
});

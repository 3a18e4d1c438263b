import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PRIYA, SAM, SUPERVISEES, TOKENS, staff } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';

const TEAMS = {
  items: [
    { id: 't1', name: 'Assessment Team 1', service: { id: 's1', name: 'Children and Families' }, staffCount: 5 },
    { id: 't2', name: 'Looked After Children', service: { id: 's1', name: 'Children and Families' }, staffCount: 7 },
  ],
};

function signedIn(routes: Record<string, Handler>, me = PRIYA) {
  withStoredRefreshToken();
  return mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(me),
    'GET /api/v1/teams': json(TEAMS),
    ...routes,
  });
}

const PAGE_2 = [staff({ id: 'b1', displayName: 'Zara Young', leavingDate: '2026-03-03' })];

describe('Staff directory', () => {
  it('lists staff and pages on with the cursor ("Next page"), then back', async () => {
    const mock = signedIn({
      'GET /api/v1/staff': (request) =>
        request.query.get('cursor') === 'CURSOR-2'
          ? json({ items: PAGE_2 })
          : json({ items: SUPERVISEES, nextCursor: 'CURSOR-2' }),
    });
    const user = userEvent.setup();
    renderApp('/staff');
    expect(await screen.findByRole('heading', { level: 1, name: 'Staff directory' })).toBeInTheDocument();
    expect(document.title).toBe('Staff directory – Supervision');
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('link', { name: 'Sam Okafor' })).toHaveAttribute('href', '/staff/a1');
    expect(within(table).getByText('Agency')).toHaveClass('govuk-tag');
    expect(mock.callsTo('GET /api/v1/staff')[0]?.query.get('status')).toBe('current');
    expect(mock.callsTo('GET /api/v1/staff')[0]?.query.get('limit')).toBe('50');

    const pagination = screen.getByRole('navigation', { name: 'Pagination' });
    expect(within(pagination).queryByText(/Previous/)).toBeNull();
    await user.click(within(pagination).getByRole('link', { name: /Next\s*page/ }));

    expect(await screen.findByRole('link', { name: 'Zara Young' })).toBeInTheDocument();
    expect(window.location.search).toBe('?cursor=CURSOR-2');
    expect(mock.callsTo('GET /api/v1/staff').at(-1)?.query.get('cursor')).toBe('CURSOR-2');
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    // The last page has no "Next page".
    const pagination2 = screen.getByRole('navigation', { name: 'Pagination' });
    expect(within(pagination2).queryByRole('link', { name: /Next\s*page/ })).toBeNull();

    await user.click(within(pagination2).getByRole('link', { name: /Previous\s*page/ }));
    expect(await screen.findByRole('link', { name: 'Sam Okafor' })).toBeInTheDocument();
    expect(window.location.search).toBe('');
  });

  it('sends the filters as query parameters and keeps them in the address', async () => {
    const mock = signedIn({ 'GET /api/v1/staff': json({ items: [] }) });
    const user = userEvent.setup();
    renderApp('/staff');
    await screen.findByTestId('no-staff');
    await user.type(screen.getByLabelText('Name or email'), 'okafor');
    await user.selectOptions(await screen.findByLabelText('Team'), 't2');
    await user.selectOptions(screen.getByLabelText('Show'), 'all');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() => expect(window.location.search).toBe('?q=okafor&teamId=t2&status=all'));
    await waitFor(() => expect(mock.callsTo('GET /api/v1/staff')).toHaveLength(2));
    const query = mock.callsTo('GET /api/v1/staff')[1]?.query;
    expect(query?.get('q')).toBe('okafor');
    expect(query?.get('teamId')).toBe('t2');
    expect(query?.get('status')).toBe('all');
    expect(await screen.findByTestId('no-staff')).toHaveTextContent('No staff match your search.');
  });

  it('shows leavers with a tag when leavers are asked for', async () => {
    signedIn({ 'GET /api/v1/staff': json({ items: PAGE_2 }) });
    renderApp('/staff?status=leavers');
    const row = (await screen.findByRole('link', { name: 'Zara Young' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Leaver')).toHaveClass('govuk-tag');
    expect(row).toHaveTextContent('3 March 2026');
  });

  it('says "You do not have access to this record" on a 403 problem', async () => {
    signedIn(
      {
        'GET /api/v1/staff': problem(403, 'Forbidden'),
        'GET /api/v1/teams': problem(403, 'Forbidden'),
      },
      SAM,
    );
    renderApp('/staff');
    expect(await screen.findByText('You do not have access to this record')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });
});

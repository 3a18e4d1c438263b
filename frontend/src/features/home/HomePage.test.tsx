import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PRIYA, SAM, TOKENS } from '../../test/fixtures';
import { json, mockApi } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import type { Me } from '../auth/AuthContext';
import { agreement } from '../agreements/agreementFixtures';

function signedInAs(me: Me) {
  withStoredRefreshToken();
  return mockApi({ 'POST /api/v1/auth/token-refresh': json(TOKENS), 'GET /api/v1/me': json(me) });
}

/** The home page itself, once the skeleton shown while the session is renewed has gone. */
async function findHome() {
  await waitFor(() => expect(screen.queryByTestId('home-skeleton')).toBeNull());
  return screen.findByRole('heading', { level: 1, name: 'My supervision' });
}

describe('My supervision (home)', () => {
  it('lists my supervisees with category and employment in words', async () => {
    signedInAs(PRIYA);
    renderApp('/');
    expect(await findHome()).toBeInTheDocument();
    expect(document.title).toBe('My supervision – Supervision');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);

    const table = screen.getByRole('table', { name: 'People you supervise' });
    const headers = within(table).getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual(['Name', 'Job title', 'Category', 'Employment', 'Team', 'Agreement']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Sam Okafor',
      'Jordan Reid',
      'Alex Morgan',
      'Chris Taylor',
    ]);
    const jordan = rows[1] as HTMLElement;
    expect(jordan).toHaveTextContent('Newly qualified (ASYE)');
    const alex = rows[2] as HTMLElement;
    expect(within(alex).getByText('Agency')).toHaveClass('govuk-tag');
    expect(rows[0]).toHaveTextContent('Permanent');
    expect(rows[0]).toHaveTextContent('Assessment Team 1');
    // A supervisor may open their supervisees' records.
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'Sam Okafor' })).toHaveAttribute('href', '/staff/a1');

    expect(screen.getByText('Morgan Hale')).toBeInTheDocument();
  });

  it('puts a supervisor’s supervisees before their own next session (UX.md: the team manager’s home)', async () => {
    signedInAs(PRIYA);
    renderApp('/');
    await findHome();
    const headings = (await screen.findAllByRole('heading', { level: 2 })).map((h) => h.textContent);
    expect(headings.indexOf('Supervision due')).toBeGreaterThanOrEqual(0);
    expect(headings.indexOf('Supervision due')).toBeLessThan(headings.indexOf('Your next session'));
  });

  it('shows the staff directory in the menu for supervisors only', async () => {
    signedInAs(PRIYA);
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Menu' });
    expect(within(nav).getByRole('link', { name: 'Staff' })).toHaveAttribute('href', '/staff');
    expect(within(nav).getByRole('link', { name: 'My supervision' })).toHaveAttribute('aria-current', 'page');
  });

  it('says in words when there are no supervisees and no supervisor', async () => {
    signedInAs({ ...PRIYA, supervisees: [], supervisors: [] });
    renderApp('/');
    await findHome();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByTestId('no-supervisees')).toHaveTextContent('You do not supervise anyone at the moment.');
    expect(screen.getByTestId('no-supervisor')).toHaveTextContent('You do not have a supervisor recorded.');
  });

  it('shows a practitioner their supervisor and team, without a supervisees section or staff menu', async () => {
    signedInAs(SAM);
    renderApp('/');
    await findHome();
    expect(screen.getByText('Priya Shah')).toBeInTheDocument();
    expect(screen.getByText('Assessment Team 1')).toBeInTheDocument();
    expect(screen.queryByText('People you supervise')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Staff' })).toBeNull();
  });

  it('says so when the account has no staff record', async () => {
    signedInAs({ ...PRIYA, roles: ['PRACTITIONER'], staff: undefined, supervisees: [], supervisors: [] });
    renderApp('/');
    expect(await screen.findByTestId('no-staff-record')).toHaveTextContent('Your account is not linked to a staff record');
  });

  it('shows my newest agreement, and per supervisee its status or a link to draft one, from one list call', async () => {
    withStoredRefreshToken();
    const api = mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      'GET /api/v1/agreements': (request) =>
        request.query.get('superviseeId') === 'p1'
          ? json({ items: [] })
          : json({
              items: [
                agreement({ id: 'ag-sam', status: 'AWAITING_SIGNATURES' }),
                agreement({
                  id: 'ag-jordan-old',
                  status: 'SUPERSEDED',
                  supervisee: { id: 'a2', displayName: 'Jordan Reid' },
                }),
              ],
            }),
    });
    renderApp('/');
    expect(await screen.findByText('You do not have a supervision agreement yet.')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'People you supervise' });
    const sam = await within(table).findByRole('link', { name: 'Awaiting signatures agreement for Sam Okafor' });
    expect(sam).toHaveAttribute('href', '/agreements/ag-sam');
    expect(within(table).queryByRole('link', { name: 'Draft agreement for Sam Okafor' })).toBeNull();
    expect(within(table).getByRole('link', { name: 'Superseded agreement for Jordan Reid' })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Draft agreement for Jordan Reid' })).toHaveAttribute(
      'href',
      '/agreements/new?superviseeId=a2',
    );
    expect(within(table).getByRole('link', { name: 'Draft agreement for Chris Taylor' })).toBeInTheDocument();
    // One list for the table (limit 200) and one for my own: no request per row.
    const lists = api.callsTo('GET /api/v1/agreements');
    expect(lists).toHaveLength(2);
    expect(lists.some((c) => c.query.get('limit') === '200' && !c.query.has('superviseeId'))).toBe(true);
  });

  it("shows a practitioner's own agreement with its status and a link", async () => {
    withStoredRefreshToken();
    mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(SAM),
      'GET /api/v1/agreements': json({ items: [agreement({ id: 'ag-9', status: 'ACTIVE' })] }),
    });
    renderApp('/');
    const section = await screen.findByTestId('your-agreement');
    const link = await within(section).findByRole('link', { name: /View your supervision agreement with Priya Shah/ });
    expect(link).toHaveAttribute('href', '/agreements/ag-9');
    expect(within(section).getByText('Active')).toHaveClass('govuk-tag--green');
    expect(within(section).getByText('Locked')).toHaveClass('govuk-tag--grey');
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me } from '../auth/AuthContext';
import { PRIYA, SAM, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { ALFIE, ALICE, decision } from '../decisions/decisionFixtures';

function signedIn(me: Me, routes: Record<string, Handler> = {}) {
  withStoredRefreshToken();
  return mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(me),
    'GET /api/v1/children': json({ items: [ALICE, ALFIE], nextCursor: 'next-1' }),
    'GET /api/v1/children/:id': json(ALICE),
    'GET /api/v1/case-decisions': json({ items: [decision(), decision({ id: 'd2', acknowledgedAt: '2026-12-01T12:00:00Z', decision: 'Respite weekend' })] }),
    ...routes,
  });
}

describe('Children', () => {
  it('lists children by name with case number, date of birth and worker, and searches by name or case number', async () => {
    const api = signedIn(PRIYA);
    renderApp('/children');
    const table = await screen.findByRole('table', { name: 'Children' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Name',
      'Case number',
      'Date of birth',
      'Allocated worker',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('PRN-1001');
    expect(rows[0]).toHaveTextContent('3 March 2016');
    expect(rows[1]).toHaveTextContent('Not recorded');
    expect(table).toHaveClass('app-table--stacked');
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'Alice Brown' })).toHaveAttribute('href', `/children/${ALICE.id}`);
    expect(screen.getByRole('link', { name: /Next/ })).toHaveAttribute('href', '/children?cursor=next-1');

    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Name or case number' }), 'PRN-1002');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await screen.findByRole('table', { name: 'Children matching “PRN-1002”' });
    expect(api.callsTo('GET /api/v1/children').at(-1)?.query.get('q')).toBe('PRN-1002');
    // A supervisor may add a child; the menu offers Children and Decisions.
    expect(screen.getByRole('button', { name: 'Add a child' })).toHaveAttribute('href', '/children/new');
    const nav = screen.getByRole('navigation', { name: 'Menu' });
    expect(within(nav).getByRole('link', { name: 'Children' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Decisions' })).toHaveAttribute('href', '/decisions');
  });

  it('a practitioner sees Children (their own allocated children) but not Decisions or Add a child', async () => {
    signedIn(SAM);
    renderApp('/children');
    await screen.findByRole('table', { name: 'Children' });
    const nav = screen.getByRole('navigation', { name: 'Menu' });
    expect(within(nav).getByRole('link', { name: 'Children' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Decisions' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add a child' })).toBeNull();
  });

  it('HR, elected members and administrators are never offered Children or Decisions', async () => {
    signedIn({ ...SAM, roles: ['HR'], staff: undefined, supervisors: [] });
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Menu' });
    expect(within(nav).queryByRole('link', { name: 'Children' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Decisions' })).toBeNull();
  });

  it('adds a child allocated to a supervisee, with an Idempotency-Key, and opens their page', async () => {
    const api = signedIn(PRIYA, { 'POST /api/v1/children': json(ALICE, 201) });
    renderApp('/children/new');
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Add a child' });
    await user.type(screen.getByLabelText('Child’s name'), 'Alice Brown');
    await user.type(screen.getByLabelText('Case number'), 'PRN-1001');
    await user.type(screen.getByLabelText('Day'), '3');
    await user.type(screen.getByLabelText('Month'), '3');
    await user.type(screen.getByLabelText('Year'), '2016');
    await user.click(screen.getByRole('radio', { name: 'Sam Okafor, Social Worker' }));
    await user.click(screen.getByRole('button', { name: 'Add child' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Alice Brown' })).toBeInTheDocument();
    expect(screen.getByText('Alice Brown added')).toBeInTheDocument();
    const [post] = api.callsTo('POST /api/v1/children');
    expect(post?.body).toEqual({ name: 'Alice Brown', caseNumber: 'PRN-1001', dateOfBirth: '2016-03-03', allocatedWorkerId: 'a1' });
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('checks the form before sending: missing name, a case number the system would not write, a date in the future, no worker', async () => {
    const api = signedIn(PRIYA);
    renderApp('/children/new');
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Add a child' });
    await user.type(screen.getByLabelText('Case number'), 'PRN 1001');
    await user.type(screen.getByLabelText('Day'), '1');
    await user.type(screen.getByLabelText('Month'), '1');
    await user.type(screen.getByLabelText('Year'), '2099');
    await user.click(screen.getByRole('button', { name: 'Add child' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((l) => l.getAttribute('href'))).toEqual([
      '#name',
      '#caseNumber',
      '#dateOfBirth-day',
      '#allocatedWorkerId',
    ]);
    expect(summary).toHaveTextContent('Enter the child’s name');
    expect(summary).toHaveTextContent('Choose the worker the child is allocated to');
    expect(api.callsTo('POST /api/v1/children')).toHaveLength(0);
  });

  it('a case number already recorded (409) says so and links to the child already there', async () => {
    signedIn(PRIYA, {
      'POST /api/v1/children': problem(409, 'Conflict', { detail: 'A child with this case number exists', existingId: ALICE.id }),
    });
    renderApp('/children/new');
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Add a child' });
    await user.type(screen.getByLabelText('Child’s name'), 'Alice B');
    await user.type(screen.getByLabelText('Case number'), 'PRN-1001');
    await user.click(screen.getByRole('radio', { name: 'Sam Okafor, Social Worker' }));
    await user.click(screen.getByRole('button', { name: 'Add child' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'A child with case number PRN-1001 is already recorded' })).toHaveAttribute('href', '#caseNumber');
    const existing = within(summary).getByRole('link', { name: 'Go to the child already recorded with case number PRN-1001' });
    expect(existing).toHaveAttribute('href', `/children/${ALICE.id}`);
    await user.click(existing);
    expect(await screen.findByRole('heading', { level: 1, name: 'Alice Brown' })).toBeInTheDocument();
  });

  it('the child’s page shows who they are, the decisions about them, and starts a case discussion between sessions', async () => {
    const api = signedIn(PRIYA, {
      'POST /api/v1/case-discussions': json({ id: 'cd-1' }, 201),
    });
    renderApp(`/children/${ALICE.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Alice Brown' })).toBeInTheDocument();
    expect(document.title).toBe('Alice Brown – Supervision');
    expect(screen.getByText('PRN-1001')).toBeInTheDocument();
    const decisions = await screen.findByRole('table', { name: 'Signed decisions, oldest first' });
    const rows = within(decisions).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Move to a child protection plan');
    expect(rows[0]).toHaveTextContent('Reason: Two missed visits and a new injury');
    expect(within(rows[1] as HTMLElement).getByText('Filed')).toHaveClass('govuk-tag--green');
    expect(api.callsTo('GET /api/v1/case-decisions')[0]?.query.get('childId')).toBe(ALICE.id);
    expect(screen.getByRole('button', { name: 'Record a decision' })).toHaveAttribute('href', `/decisions/new?childId=${ALICE.id}`);

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Start a case discussion' }));
    await waitFor(() => expect(window.location.pathname).toBe('/case-discussions/cd-1'));
    const [post] = api.callsTo('POST /api/v1/case-discussions');
    expect(post?.body).toEqual({ childId: ALICE.id });
    expect(post?.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('a child the person may not see answers in words', async () => {
    signedIn(SAM, { 'GET /api/v1/children/:id': problem(403, 'Forbidden') });
    renderApp(`/children/${ALICE.id}`);
    expect(await screen.findByText('You do not have access to this record')).toBeInTheDocument();
  });

  it('a refused start of a case discussion is explained at the top of the page, and nothing opens', async () => {
    signedIn(PRIYA, { 'POST /api/v1/case-discussions': problem(403, 'Forbidden') });
    renderApp(`/children/${ALICE.id}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Start a case discussion' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Only the child’s allocated worker and their supervisor can start a case discussion about this child.');
    expect(window.location.pathname).toBe(`/children/${ALICE.id}`);
  });
});

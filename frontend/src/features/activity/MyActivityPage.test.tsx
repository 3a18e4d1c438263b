import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { SAM, TOKENS } from '../../test/fixtures';
import { json, mockApi, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';

const read = (overrides: Partial<Schemas['ActivityEntry']>): Schemas['ActivityEntry'] => ({
  id: 1,
  occurredAt: '2026-11-24T14:30:00Z',
  action: 'READ',
  actor: { displayName: 'Priya Shah', roles: ['SUPERVISOR', 'PRACTITIONER'] },
  record: { type: 'case_discussion', id: 'cd-1' },
  subjects: [{ id: 'a1', displayName: 'Sam Okafor' }],
  ...overrides,
});

function signedIn(routes: Record<string, Handler> = {}) {
  withStoredRefreshToken();
  return mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(SAM),
    'GET /api/v1/me/activity': json({
      items: [
        read({ id: 3 }),
        read({ id: 2, action: 'LIST', record: { type: 'case_discussion' }, actor: { displayName: 'Rachel Green', roles: ['QA_AUDITOR'] } }),
        read({ id: 1, record: { type: 'session_record', id: 's1' }, occurredAt: '2026-11-20T09:00:00Z' }),
      ],
      nextCursor: 'c2',
    }),
    ...routes,
  });
}

describe('Who has read my records', () => {
  it('shows who read what and when, with their roles in words, and pages on', async () => {
    signedIn();
    renderApp('/me/activity');
    expect(await screen.findByRole('heading', { level: 1, name: 'Who has read my records' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'All my records, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Priya Shah', 'Rachel Green', 'Priya Shah']);
    expect(rows[0]).toHaveTextContent('Supervisor, practitioner');
    expect(rows[0]).toHaveTextContent('Opened a case discussion');
    expect(rows[0]).toHaveTextContent('Tuesday 24 November 2026 at 2:30pm');
    expect(rows[1]).toHaveTextContent('Quality assurance auditor');
    expect(rows[1]).toHaveTextContent('Saw case discussions in a list');
    expect(rows[2]).toHaveTextContent('Opened a session record');
    expect(table.textContent).not.toMatch(/SUPERVISOR|QA_AUDITOR|case_discussion/);
    expect(screen.getByRole('link', { name: /Next/ })).toHaveAttribute('href', '/me/activity?cursor=c2');
  });

  it('filters to the case discussions about my work', async () => {
    const api = signedIn();
    renderApp('/me/activity');
    const user = userEvent.setup();
    await screen.findByRole('table');
    await user.click(screen.getByRole('radio', { name: 'Case discussions about my work' }));
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await screen.findByRole('table', { name: 'Case discussions about my work, newest first' });
    expect(window.location.search).toBe('?recordType=case_discussion');
    expect(api.callsTo('GET /api/v1/me/activity').at(-1)?.query.get('recordType')).toBe('case_discussion');
  });

  it('says so when nobody has read them', async () => {
    signedIn({ 'GET /api/v1/me/activity': json({ items: [] }) });
    renderApp('/me/activity?recordType=case_discussion');
    expect(await screen.findByTestId('no-reads')).toHaveTextContent('Nobody has read the case discussions about your work yet.');
  });
});

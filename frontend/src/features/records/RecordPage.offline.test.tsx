import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { list } from '../../offline/outbox';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { POLICY } from '../agreements/agreementFixtures';
import { session } from '../sessions/sessionFixtures';
import { readDraft } from '../../offline/drafts';
import { agendaItem, profileWithAgenda, record } from './recordFixtures';
import { recordDraftKey } from './records';

const PROFILE_WITH_AGENDA = profileWithAgenda([agendaItem(1, 'wellbeing', 'Wellbeing', 'How are you?')]);

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

describe('Session record offline', () => {
  it('queues "Save record" while offline, shows it waiting, and sends it once when back online', async () => {
    withStoredRefreshToken();
    const api = mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      'GET /api/v1/organisation/policy': json(POLICY),
      'GET /api/v1/policy-profiles/:id': json(PROFILE_WITH_AGENDA),
      'GET /api/v1/sessions/:id/record': json(record(), 200, { ETag: '"1"' }),
      'GET /api/v1/sessions/:id': json(session({ status: 'HELD' })),
      'GET /api/v1/actions': json({ items: [] }),
      'PUT /api/v1/sessions/:id/record': json(
        record({ entries: [{ key: 'wellbeing', text: 'Busy but well', notApplicable: false }], version: 2 }),
        200,
        { ETag: '"2"' },
      ),
    });
    renderApp('/sessions/s-1/record');
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'Save record' });

    act(() => setOnline(false));
    await user.type(screen.getByLabelText('How are you?'), 'Busy but well');
    await user.click(screen.getByRole('button', { name: 'Save record' }));

    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('Waiting to send (1)'));
    expect(await screen.findByRole('link', { name: 'Waiting to send (1)' })).toHaveAttribute('href', '/outbox');
    expect(api.callsTo('PUT /api/v1/sessions/:id/record')).toHaveLength(0);
    const queued = await list();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ method: 'PUT', path: '/api/v1/sessions/s-1/record', ifMatch: '"1"', state: 'pending' });
    expect(JSON.stringify(await readDraft(recordDraftKey('s-1')))).toContain('Busy but well');

    act(() => setOnline(true));
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/^Sent \d/));
    const puts = api.callsTo('PUT /api/v1/sessions/:id/record');
    expect(puts).toHaveLength(1);
    expect(puts[0]?.headers.get('If-Match')).toBe('"1"');
    expect(puts[0]?.headers.get('Idempotency-Key')).toBeTruthy();
    expect(puts[0]?.body).toMatchObject({ entries: [{ key: 'wellbeing', text: 'Busy but well' }] });
    expect(await list()).toHaveLength(0);
    await waitFor(async () => expect(await readDraft(recordDraftKey('s-1'))).toBeNull());
    expect(screen.queryByRole('link', { name: /Waiting to send/ })).toBeNull();
  });

  it('queues the save when the request fails with a network error', async () => {
    withStoredRefreshToken();
    mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      'GET /api/v1/organisation/policy': json(POLICY),
      'GET /api/v1/policy-profiles/:id': json(PROFILE_WITH_AGENDA),
      'GET /api/v1/sessions/:id/record': json(record(), 200, { ETag: '"1"' }),
      'GET /api/v1/sessions/:id': json(session({ status: 'HELD' })),
      'GET /api/v1/actions': json({ items: [] }),
      'PUT /api/v1/sessions/:id/record': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    renderApp('/sessions/s-1/record');
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'Save record' });
    await user.type(screen.getByLabelText('How are you?'), 'Patchy signal');
    await user.click(screen.getByRole('button', { name: 'Save record' }));
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('Waiting to send (1)'));
    expect((await list())[0]?.body).toMatchObject({ entries: [{ key: 'wellbeing', text: 'Patchy signal' }] });
  });
});

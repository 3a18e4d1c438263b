import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setDeviceAccount } from '../../offline/account';
import { listDrafts, readDraft, recordDraftKey, writeDraft } from '../../offline/drafts';
import { count, enqueue } from '../../offline/outbox';
import { PRIYA, SAM, TOKENS } from '../../test/fixtures';
import { json, mockApi, type Handler } from '../../test/mockApi';
import { rawRows } from '../../test/deviceStore';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';

const QUEUED = {
  method: 'PUT' as const,
  path: '/api/v1/sessions/s-1/record',
  body: { entries: [{ key: 'wellbeing', text: 'Queued offline', notApplicable: false }], personalIssuesDiscussed: false, actionReviews: [] },
  ifMatch: '"v1"',
  idempotencyKey: 'k-1',
  label: 'Session record: Sam Okafor, 6 January 2026',
  href: '/sessions/s-1/record',
};

/** Typing on another record, saved only on the device, with the write that would send it. */
async function typedOnly(account = PRIYA.accountId) {
  const body = { entries: [{ key: 'wellbeing', text: 'Typed, never saved', notApplicable: false }], personalIssuesDiscussed: false, actionReviews: [] };
  await writeDraft(account, recordDraftKey('s-2'), { entries: { wellbeing: { text: 'Typed, never saved' } } }, {
    label: 'Session record: Jordan Reid, 7 January 2026',
    href: '/sessions/s-2/record',
    send: { method: 'PUT', path: '/api/v1/sessions/s-2/record', body, ifMatch: '"v4"', idempotencyKey: 'k-2', label: 'Session record: Jordan Reid', href: '/sessions/s-2/record' },
  });
}

function signedInAsPriya(routes: Record<string, Handler> = {}) {
  withStoredRefreshToken('refresh-0');
  return mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(PRIYA),
    'POST /api/v1/auth/sign-out': { status: 204 },
    ...routes,
  });
}

describe('Signing out with work the service does not have', () => {
  it('asks first, listing queued writes and typing; "Discard and sign out" deletes only this account’s items', async () => {
    setDeviceAccount(PRIYA.accountId);
    await enqueue(QUEUED);
    await typedOnly();
    await writeDraft(SAM.accountId, recordDraftKey('s-9'), { entries: {} }, { label: 'Sam’s own draft', href: '/sessions/s-9/record' });
    setDeviceAccount(null);
    // The service is unreachable: the replay on signing in leaves the queued write waiting.
    const mock = signedInAsPriya({ 'PUT /api/v1/sessions/:id/record': { status: 503 } });

    renderApp('/sign-out');
    expect(await screen.findByRole('heading', { level: 1, name: 'Your changes have not been sent' })).toBeInTheDocument();
    expect(document.title).toBe('Your changes have not been sent – Supervision');
    const items = within(screen.getByTestId('unsent-list')).getAllByTestId('unsent-item');
    expect(items.map((li) => li.textContent)).toEqual([
      'Session record: Sam Okafor, 6 January 2026: waiting to send',
      'Session record: Jordan Reid, 7 January 2026: typed but not saved',
    ]);
    expect(screen.getByText(/If you discard them, they will be deleted from this device/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send now and sign out' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    expect(mock.callsTo('POST /api/v1/auth/sign-out')).toHaveLength(0);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Discard and sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(mock.callsTo('POST /api/v1/auth/sign-out')).toHaveLength(1);
    // Nothing more was sent: the queued write was tried once on signing in (503) and then discarded.
    expect(mock.callsTo('PUT /api/v1/sessions/:id/record').filter((p) => p.path.endsWith('/s-2/record'))).toHaveLength(0);
    // Priya's rows and key are gone; Sam's draft (and key) stay for Sam.
    const left = await rawRows();
    expect(left.outbox).toHaveLength(0);
    expect(left.drafts).toHaveLength(1);
    expect(left.keys).toHaveLength(1);
    setDeviceAccount(SAM.accountId);
    expect((await listDrafts()).map((d) => d.label)).toEqual(['Sam’s own draft']);
  });

  it('"Send now and sign out" sends queued writes and unsaved typing, then signs out and wipes', async () => {
    setDeviceAccount(PRIYA.accountId);
    await enqueue(QUEUED);
    await typedOnly();
    setDeviceAccount(null);
    const mock = signedInAsPriya({ 'PUT /api/v1/sessions/:id/record': json({ entries: [] }, 200, { ETag: '"v9"' }) });

    renderApp('/sign-out');
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Send now and sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    const puts = mock.callsTo('PUT /api/v1/sessions/:id/record');
    expect(puts.map((p) => p.path).sort()).toEqual(['/api/v1/sessions/s-1/record', '/api/v1/sessions/s-2/record']);
    const typed = puts.find((p) => p.path.endsWith('/s-2/record'));
    expect(typed?.body).toMatchObject({ entries: [{ key: 'wellbeing', text: 'Typed, never saved' }] });
    expect(typed?.headers.get('If-Match')).toBe('"v4"');
    expect(typed?.headers.get('Authorization')).toBe('Bearer access-1');
    expect(mock.callsTo('POST /api/v1/auth/sign-out')).toHaveLength(1);
    const left = await rawRows();
    expect([left.outbox.length, left.drafts.length, left.keys.length]).toEqual([0, 0, 0]);
  });

  it('stays signed in, keeping everything, when sending fails', async () => {
    setDeviceAccount(PRIYA.accountId);
    await typedOnly();
    setDeviceAccount(null);
    const mock = signedInAsPriya({ 'PUT /api/v1/sessions/:id/record': { status: 503 } });

    renderApp('/sign-out');
    const send = await screen.findByRole('button', { name: 'Send now and sign out' });
    expect(mock.callsTo('PUT /api/v1/sessions/:id/record')).toHaveLength(0);
    await userEvent.setup().click(send);
    expect(await screen.findByRole('alert')).toHaveTextContent('Your change could not be sent');
    expect(document.title).toBe('Error: Your changes have not been sent – Supervision');
    expect(screen.getByRole('heading', { level: 1, name: 'Your changes have not been sent' })).toBeInTheDocument();
    expect(mock.callsTo('PUT /api/v1/sessions/:id/record')).toHaveLength(1);
    expect(mock.callsTo('POST /api/v1/auth/sign-out')).toHaveLength(0);
    expect(await count()).toBe(1);
    expect(await readDraft(recordDraftKey('s-2'))).not.toBeNull();
  });

  it('"Cancel" goes back and keeps everything', async () => {
    setDeviceAccount(PRIYA.accountId);
    await typedOnly();
    setDeviceAccount(null);
    const mock = signedInAsPriya({ 'GET /api/v1/teams': json({ items: [] }) });
    renderApp('/teams');
    await screen.findByRole('heading', { level: 1, name: 'Teams' });
    await userEvent.setup().click(screen.getByRole('link', { name: 'Sign out' }));
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(window.location.pathname).toBe('/teams'));
    expect(mock.callsTo('POST /api/v1/auth/sign-out')).toHaveLength(0);
    expect(await readDraft(recordDraftKey('s-2'))).not.toBeNull();
  });

  it('signs straight out when nothing is waiting', async () => {
    const mock = signedInAsPriya();
    renderApp('/sign-out');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(mock.callsTo('POST /api/v1/auth/sign-out')).toHaveLength(1);
  });
});

import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../api/client';
import { readDraft, wipeAccountData } from '../../offline/drafts';
import { list } from '../../offline/outbox';
import { TOKENS, accessTokenFor } from '../../test/fixtures';
import { json, mockApi } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { AUDIT_TEMPLATE, EVIDENCE, RACHEL, audit } from './auditFixtures';
import { auditDraftKey } from './audits';

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

function open(extra: Record<string, unknown> = {}) {
  withStoredRefreshToken();
  return mockApi({
    'POST /api/v1/auth/token-refresh': json({ ...TOKENS, accessToken: accessTokenFor(RACHEL.accountId) }),
    'GET /api/v1/me': json(RACHEL),
    'GET /api/v1/audits/:id': json(audit(), 200, { ETag: '"v1"' }),
    'GET /api/v1/audits/:id/evidence': json(EVIDENCE),
    'GET /api/v1/policy-templates/:id': json(AUDIT_TEMPLATE),
    'GET /api/v1/staff/:id': json({ message: 'not needed' }, 404),
    'PUT /api/v1/audits/:id': (request: { body: unknown }) =>
      json(audit({ answers: (request.body as Schemas['AuditUpdate']).answers, version: 2 }), 200, { ETag: '"v2"' }),
    ...extra,
  });
}

describe('Audit form offline', () => {
  it('keeps the typing on the device, queues the save while offline, and sends it once when back online', async () => {
    const api = open();
    renderApp('/audits/au-1');
    const user = userEvent.setup();
    await user.click(within(await screen.findByRole('navigation', { name: 'Sections of the audit' })).getByRole('button', { name: /Q1 to Q10/ }));

    act(() => setOnline(false));
    await user.click(within(screen.getByRole('group', { name: /^Q1 / })).getByRole('radio', { name: '4' }));
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/^Saved on this device \d/));
    expect(await readDraft(auditDraftKey('au-1'))).toMatchObject({ answers: { q1: '4' } });

    await user.click(screen.getByRole('button', { name: 'Save audit' }));
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('Waiting to send (1)'));
    expect(screen.getByText('Your audit is saved on this device. It will be sent when your connection comes back.')).toBeInTheDocument();
    expect(api.callsTo('PUT /api/v1/audits/:id')).toHaveLength(0);
    const queued = await list();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ method: 'PUT', path: '/api/v1/audits/au-1', ifMatch: '"v1"', state: 'pending' });

    act(() => setOnline(true));
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/^Sent \d/));
    const puts = api.callsTo('PUT /api/v1/audits/:id');
    expect(puts).toHaveLength(1);
    expect(puts[0]?.headers.get('If-Match')).toBe('"v1"');
    expect(puts[0]?.headers.get('Idempotency-Key')).toBeTruthy();
    expect(puts[0]?.body).toMatchObject({ answers: [{ key: 'q1', value: '4' }] });
    expect(await list()).toHaveLength(0);
    await waitFor(async () => expect(await readDraft(auditDraftKey('au-1'))).toBeNull());
  });

  it('opens with the typing kept on the device after a reload, and forgets it when the account signs out', async () => {
    open();
    const first = renderApp('/audits/au-1');
    const user = userEvent.setup();
    await user.click(within(await screen.findByRole('navigation', { name: 'Sections of the audit' })).getByRole('button', { name: /Q1 to Q10/ }));
    await user.click(within(screen.getByRole('group', { name: /^Q1 / })).getByRole('radio', { name: '5 - Poor' }));
    await waitFor(async () => expect(await readDraft(auditDraftKey('au-1'))).toMatchObject({ answers: { q1: '5' } }));
    first.unmount();

    // A reload: the service still has the version without the answer; the device's copy wins and says so.
    open();
    renderApp('/audits/au-1');
    const status = await screen.findByTestId('save-status');
    await waitFor(() => expect(status).toHaveTextContent(/^Saved on this device \d/));
    await user.click(within(screen.getByRole('navigation', { name: 'Sections of the audit' })).getByRole('button', { name: /Q1 to Q10/ }));
    expect(within(screen.getByRole('group', { name: /^Q1 / })).getByRole('radio', { name: '5 - Poor' })).toBeChecked();

    // Sign-out wipes what the account kept on this device.
    await wipeAccountData(RACHEL.accountId);
    expect(await readDraft(auditDraftKey('au-1'))).toBeNull();
  });
});

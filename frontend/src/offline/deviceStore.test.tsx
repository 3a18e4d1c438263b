// The device store: what one person leaves on a shared tablet is bound to them, unreadable at rest,
// gone after their sign-out and still there (for them only) after their session merely expired.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { refreshSession, storeTokens } from '../api/session';
import { PRIYA, SAM, TOKENS } from '../test/fixtures';
import { everythingStoredAsText, rawRows } from '../test/deviceStore';
import { json, mockApi, problem } from '../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../test/renderApp';
import { ownerTag, setDeviceAccount } from './account';
import { openDb } from './db';
import { listDrafts, readDraft, recordDraftKey, wipeAccountData, writeDraft } from './drafts';
import { count, enqueue, list, replay } from './outbox';
import { DeviceStorageWarning } from './DeviceStorageWarning';
import { resetSealingForTests, unseal, type Sealed } from './sealing';

const SECRET = 'Worried about the Smith family at 14 Elm Road';

const write = (account: string, text = SECRET) => ({
  method: 'PUT' as const,
  path: '/api/v1/sessions/s-1/record',
  body: { entries: [{ key: 'wellbeing', text, notApplicable: false }], personalIssuesDiscussed: false, actionReviews: [] },
  ifMatch: '"v1"',
  idempotencyKey: `key-${account}`,
  label: 'Session record: Sam Okafor',
  href: '/sessions/s-1/record',
});

async function typeAndQueue(account: string, text = SECRET) {
  setDeviceAccount(account);
  await writeDraft(account, recordDraftKey('s-1'), { entries: { wellbeing: { text } } }, { label: 'Session record: Sam Okafor', href: '/sessions/s-1/record' });
  await enqueue(write(account, text));
}

describe('Items kept on the device', () => {
  it('are bound to the account that made them: another account neither reads, lists, counts nor replays them', async () => {
    await typeAndQueue('acc-a');
    setDeviceAccount('acc-b');
    expect(await readDraft(recordDraftKey('s-1'))).toBeNull();
    expect(await listDrafts()).toEqual([]);
    expect(await list()).toEqual([]);
    expect(await count()).toBe(0);
    storeTokens({ ...TOKENS, accessToken: 'token-of-b' });
    const fetch = vi.fn(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    await replay();
    expect(fetch).not.toHaveBeenCalled();

    // Nobody signed in: nothing either.
    setDeviceAccount(null);
    expect(await readDraft(recordDraftKey('s-1'))).toBeNull();
    expect(await count()).toBe(0);
    await expect(enqueue(write('nobody'))).rejects.toThrow('Changes cannot be saved on this device');

    // Back as A: all there.
    setDeviceAccount('acc-a');
    expect(await readDraft(recordDraftKey('s-1'))).toEqual({ entries: { wellbeing: { text: SECRET } } });
    expect((await list()).map((e) => e.idempotencyKey)).toEqual(['key-acc-a']);
    vi.unstubAllGlobals();
  });

  it('are never stored in plain text: not in IndexedDB, localStorage or sessionStorage, and the keys cannot be read out', async () => {
    await typeAndQueue('acc-a');
    const stored = await everythingStoredAsText();
    expect(stored).not.toContain('Smith');
    expect(stored).not.toContain('Elm Road');
    expect(stored).not.toContain('acc-a');
    const { outbox, drafts, keys } = await rawRows();
    expect(outbox).toHaveLength(1);
    expect(drafts).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ owner: await ownerTag('acc-a') });
    expect(Object.keys(outbox[0] as object).sort()).toEqual(['id', 'owner', 'sealed']);
    expect(Object.keys(drafts[0] as object).sort()).toEqual(['id', 'owner', 'sealed']);
    expect(keys).toHaveLength(1);
    const key = keys[0] as CryptoKey;
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('cannot be opened as another account even when a row is relabelled with its owner tag', async () => {
    await typeAndQueue('acc-a');
    await typeAndQueue('acc-b', 'B’s own words');
    const db = await openDb();
    const tagA = await ownerTag('acc-a');
    const tagB = await ownerTag('acc-b');
    const slotB = `${tagB}/${recordDraftKey('s-1')}`;
    type Row = { id: string; owner: string; sealed: Sealed };
    const before = (await rawRows()).drafts as Row[];
    const rowOfA = before.find((r) => r.owner === tagA);
    expect(rowOfA).toBeDefined();
    // Someone with the files moves A's draft into B's slot.
    await new Promise<void>((resolve) => {
      const tx = db.transaction('drafts', 'readwrite');
      tx.objectStore('drafts').put({ ...rowOfA, owner: tagB, id: slotB });
      tx.oncomplete = () => resolve();
    });
    // The relabelled row is really there, in B's slot, holding A's ciphertext (which still opens as A) ...
    const relabelled = ((await rawRows()).drafts as Row[]).find((r) => r.id === slotB);
    expect(relabelled?.owner).toBe(tagB);
    expect(new Uint8Array(relabelled!.sealed.iv)).toEqual(new Uint8Array(rowOfA!.sealed.iv));
    const draftSlot = `draft:${recordDraftKey('s-1')}`;
    await expect(unseal('acc-a', draftSlot, relabelled!.sealed)).resolves.toMatchObject({ value: { entries: { wellbeing: { text: SECRET } } } });
    // ... but B's key and B's account id as authenticated data do not open it.
    await expect(unseal('acc-b', draftSlot, relabelled!.sealed)).rejects.toThrow();
    setDeviceAccount('acc-b');
    expect(await readDraft(recordDraftKey('s-1'))).toBeNull();
  });

  it('are wiped for one account only', async () => {
    await typeAndQueue('acc-a');
    await typeAndQueue('acc-b', 'B’s own words');
    await wipeAccountData('acc-a');
    const { outbox, drafts, keys } = await rawRows();
    expect([outbox.length, drafts.length, keys.length]).toEqual([1, 1, 1]);
    setDeviceAccount('acc-a');
    expect(await readDraft(recordDraftKey('s-1'))).toBeNull();
    setDeviceAccount('acc-b');
    expect(await readDraft(recordDraftKey('s-1'))).toEqual({ entries: { wellbeing: { text: 'B’s own words' } } });
  });
});

describe('Without WebCrypto (plain HTTP) there is no plaintext fallback', () => {
  it('keeps typing in memory only, refuses to queue, and the form says so', async () => {
    await resetSealingForTests();
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => a });
    try {
      setDeviceAccount('acc-a');
      expect(await writeDraft('acc-a', recordDraftKey('s-1'), { text: SECRET }, { label: 'Session record', href: '/sessions/s-1/record' })).toBe(true);
      // Still offered at sign-out (this tab only) ...
      expect((await listDrafts()).map((d) => d.label)).toEqual(['Session record']);
      // ... but nothing written anywhere.
      await expect(enqueue(write('acc-a'))).rejects.toThrow('Changes cannot be saved on this device');
      render(<DeviceStorageWarning />);
      expect(await screen.findByTestId('device-storage-warning')).toHaveTextContent(/This browser cannot save your work safely on this device/);
    } finally {
      vi.unstubAllGlobals();
    }
    const { outbox, drafts } = await rawRows();
    expect([outbox.length, drafts.length]).toEqual([0, 0]);
    expect(await everythingStoredAsText()).not.toContain('Smith');
  });
});

describe('When a session expires (not a sign-out)', () => {
  it('keeps the work, shows and sends none of it to the next person, and gives it back to its owner', async () => {
    // Priya is signed in (after a reload) with a queued write and typing; the service is unreachable.
    await typeAndQueue(PRIYA.accountId);
    setDeviceAccount(null);
    withStoredRefreshToken('refresh-0');
    let refreshes = 0;
    let signedInAs = PRIYA;
    const mock = mockApi({
      'POST /api/v1/auth/token-refresh': () => (++refreshes === 1 ? json(TOKENS) : problem(401, 'Unauthorized')),
      'POST /api/v1/auth/sign-in': (request) => {
        signedInAs = (request.body as { username: string }).username === SAM.username ? SAM : PRIYA;
        return json({ ...TOKENS, accessToken: `access-${signedInAs.accountId}` });
      },
      'GET /api/v1/me': () => json(signedInAs),
      'PUT /api/v1/sessions/:id/record': () => (refreshes === 1 ? { status: 503 } : json({ entries: [] }, 200, { ETag: '"v2"' })),
      'GET /api/v1/teams': json({ items: [] }),
    });
    renderApp('/teams');
    expect(await screen.findByRole('link', { name: 'Waiting to send (1)' })).toBeInTheDocument();

    // The session ends on its own: the refresh token is refused.
    await refreshSession();
    expect(await screen.findByText('You have been signed out. Sign in again to carry on.')).toBeInTheDocument();
    const kept = await rawRows();
    expect([kept.outbox.length, kept.drafts.length, kept.keys.length]).toEqual([1, 1, 1]);

    // Sam signs in on the same browser.
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), SAM.username);
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByTestId('account');
    expect(screen.getByTestId('account')).toHaveTextContent('Sam Okafor');
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('link', { name: /Waiting to send/ })).toBeNull();
    expect(await readDraft(recordDraftKey('s-1'))).toBeNull();
    expect(mock.callsTo('PUT /api/v1/sessions/:id/record').filter((c) => c.headers.get('Authorization') === `Bearer access-${SAM.accountId}`)).toHaveLength(0);

    // Sam signs out (nothing of his to ask about): Priya's items stay.
    await user.click(screen.getByRole('link', { name: 'Sign out' }));
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    const still = await rawRows();
    expect([still.outbox.length, still.drafts.length]).toEqual([1, 1]);

    // Priya signs in again: her typing is there and her write goes out under her token.
    await user.type(screen.getByLabelText('Username'), PRIYA.username);
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(mock.callsTo('PUT /api/v1/sessions/:id/record').filter((c) => c.headers.get('Authorization') === `Bearer access-${PRIYA.accountId}`)).toHaveLength(1));
    const sent = mock.callsTo('PUT /api/v1/sessions/:id/record').at(-1);
    expect(sent?.body).toMatchObject({ entries: [{ key: 'wellbeing', text: SECRET }] });
    expect(await readDraft(recordDraftKey('s-1'))).toEqual({ entries: { wellbeing: { text: SECRET } } });
  });
});

describe('Upgrading from plaintext drafts', () => {
  it('deletes drafts an earlier version left in localStorage, and nothing else', async () => {
    const { removeLegacyDrafts } = await import('./db');
    window.localStorage.setItem('supervision.recordDraft.s1', JSON.stringify({ reflection: SECRET }));
    window.localStorage.setItem('supervision.agreementDraft.new.a1', '{}');
    window.localStorage.setItem('other', 'kept');
    removeLegacyDrafts();
    expect(window.localStorage.getItem('supervision.recordDraft.s1')).toBeNull();
    expect(window.localStorage.getItem('supervision.agreementDraft.new.a1')).toBeNull();
    expect(window.localStorage.getItem('other')).toBe('kept');
  });
});

describe('Upgrading from the unbound outbox', () => {
  it('drops queued writes and the shared key of the earlier version (nobody can say whose they are)', async () => {
    const { IDBFactory } = await import('fake-indexeddb');
    const { closeDbForTests } = await import('./db');
    const fresh = new IDBFactory();
    // The earlier version's database: an unowned entry in plain text and one device key.
    await new Promise<void>((resolve) => {
      const open = fresh.open('supervision-offline', 2);
      open.onupgradeneeded = () => {
        open.result.createObjectStore('outbox', { keyPath: 'id' }).put({ id: 'old-1', plain: { body: SECRET } });
        open.result.createObjectStore('keys').put('not really a key', 'device-key');
      };
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
    });
    closeDbForTests();
    vi.stubGlobal('indexedDB', fresh);
    try {
      const { outbox, drafts, keys } = await rawRows();
      expect([outbox.length, drafts.length, keys.length]).toEqual([0, 0, 0]);
    } finally {
      closeDbForTests();
      vi.unstubAllGlobals();
    }
  });
});

// Records a person opened recently stay readable offline: sealed, bound to their account, bounded,
// expiring, and gone with their sign-out (decision 0018).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@testing-library/react';
import { accessTokenFor } from '../test/fixtures';
import { setDeviceAccount } from './account';
import { openDb, RECENT_STORE } from './db';
import { wipeAccountData } from './drafts';
import { DEVICE_COPY_HEADER, RECENT_DAYS, RECENT_LIMIT, fetchKeepingRecent, recentPaths } from './recent';

const SECRET = 'Discussed the Smith children at 14 Elm Road';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const agreementPath = (n: number) => `/api/v1/agreements/${id(n)}`;

function request(path: string, account: string): Request {
  return new Request(`http://localhost:3000${path}`, { headers: { Authorization: `Bearer ${accessTokenFor(account)}` } });
}

function online() {
  vi.stubGlobal('fetch', vi.fn(async (r: Request) => new Response(JSON.stringify({ id: new URL(r.url).pathname, text: SECRET }), {
    status: 200,
    headers: { 'Content-Type': 'application/json', ETag: '"v3"' },
  })));
}

function offline() {
  vi.stubGlobal('fetch', vi.fn(async () => {
    throw new TypeError('Failed to fetch');
  }));
}

async function read(path: string, account: string) {
  await fetchKeepingRecent(request(path, account));
  await waitFor(async () => expect(await recentPaths(account)).toContain(path));
}

async function rawRecent(): Promise<string> {
  const db = await openDb();
  const rows = await new Promise<unknown[]>((resolve) => {
    const r = db.transaction(RECENT_STORE).objectStore(RECENT_STORE).getAll();
    r.onsuccess = () => resolve(r.result as unknown[]);
  });
  return JSON.stringify(rows, (_, v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? new TextDecoder().decode(v as ArrayBuffer) : v));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Recent records on the device', () => {
  it('answers a read from its sealed copy when the network fails, for the account that read it only', async () => {
    setDeviceAccount('acc-a');
    online();
    await read(agreementPath(1), 'acc-a');
    await read(`/api/v1/sessions/${id(2)}/record`, 'acc-a');
    expect(await rawRecent()).not.toContain('Smith');

    offline();
    const copy = await fetchKeepingRecent(request(agreementPath(1), 'acc-a'));
    expect(copy.status).toBe(200);
    expect(copy.headers.get('ETag')).toBe('"v3"');
    expect(copy.headers.get(DEVICE_COPY_HEADER)).toMatch(/^\d{4}-/);
    expect(await copy.json()).toEqual({ id: agreementPath(1), text: SECRET });

    // Another person on the same tablet: nothing of A's answers them, whoever's token is used.
    setDeviceAccount('acc-b');
    await expect(fetchKeepingRecent(request(agreementPath(1), 'acc-b'))).rejects.toThrow('Failed to fetch');
    await expect(fetchKeepingRecent(request(agreementPath(1), 'acc-a'))).rejects.toThrow('Failed to fetch');
    // Reads that are not records are never kept.
    await expect(fetchKeepingRecent(request('/api/v1/staff', 'acc-b'))).rejects.toThrow('Failed to fetch');
  });

  it(`keeps the last ${RECENT_LIMIT} records, each for ${RECENT_DAYS} days`, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T09:00:00Z'));
    setDeviceAccount('acc-a');
    online();
    for (let n = 1; n <= RECENT_LIMIT + 1; n++) {
      vi.setSystemTime(new Date(Date.UTC(2026, 11, 1, 9, n)));
      await read(agreementPath(n), 'acc-a');
    }
    await waitFor(async () => expect(await recentPaths('acc-a')).toHaveLength(RECENT_LIMIT));
    expect(await recentPaths('acc-a')).not.toContain(agreementPath(1));

    offline();
    expect((await fetchKeepingRecent(request(agreementPath(2), 'acc-a'))).status).toBe(200);
    vi.setSystemTime(new Date(Date.UTC(2026, 11, 1 + RECENT_DAYS, 10)));
    await expect(fetchKeepingRecent(request(agreementPath(2), 'acc-a'))).rejects.toThrow('Failed to fetch');
  });

  it('are wiped with the account on sign-out', async () => {
    setDeviceAccount('acc-a');
    online();
    await read(agreementPath(1), 'acc-a');
    setDeviceAccount('acc-b');
    await read(agreementPath(1), 'acc-b');
    await wipeAccountData('acc-a');
    expect(await recentPaths('acc-a')).toEqual([]);
    expect(await recentPaths('acc-b')).toEqual([agreementPath(1)]);
  });
});

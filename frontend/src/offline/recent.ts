/**
 * The records a person opened recently, readable again with no connection (decision 0018).
 *
 * Every successful read of an agreement, a session or a session record (and of the policy its page
 * needs to show it) is kept as a sealed copy: sealed with the account's key (sealing.ts), the slot
 * `recent:<path>` as additional data, filed under the account's owner tag, so it opens only for the
 * account that read it, on the path it was read at. When a later read of the same path fails for want of
 * a network, the copy answers instead, marked with `X-Device-Copy: <when it was kept>`.
 *
 * Bounded and expiring: the last RECENT_LIMIT records per account (an agreement, or a session with its
 * record), each kept RECENT_DAYS days from its last read; the policy the pages need is kept as long as
 * any record is. A deliberate sign-out deletes them with the account's key (drafts.ts wipeAccountData).
 */
import { tokenAccount } from '../api/tokenAccount';
import { deviceAccount, ownerTag } from './account';
import { RECENT_STORE, rowsOf, tx } from './db';
import { canSeal, seal, unseal, type Sealed } from './sealing';

export const RECENT_LIMIT = 20;
export const RECENT_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;
export const DEVICE_COPY_HEADER = 'X-Device-Copy';

/** Which reads are kept, and the record each belongs to (a session and its record are one record). */
const KEPT: Array<{ pattern: RegExp; group: (m: RegExpExecArray) => string }> = [
  { pattern: /^\/api\/v1\/agreements\/([0-9a-fA-F-]{36})$/, group: (m) => `agreement:${m[1]}` },
  { pattern: /^\/api\/v1\/sessions\/([0-9a-fA-F-]{36})(?:\/record)?$/, group: (m) => `session:${m[1]}` },
  // What a record's page needs to show its sections: the organisation's policy and its profile.
  { pattern: /^\/api\/v1\/organisation\/policy$/, group: () => REFERENCE },
  { pattern: /^\/api\/v1\/policy-profiles\/([0-9a-fA-F-]{36})$/, group: () => REFERENCE },
];
const REFERENCE = 'reference';

interface Copy {
  body: string;
  etag: string | null;
  keptAt: number;
}

interface StoredCopy {
  id: string;
  owner: string;
  path: string;
  group: string;
  keptAt: number;
  sealed: Sealed;
}

/** The record a path belongs to, or null when reads of it are not kept. */
export function recentGroup(path: string): string | null {
  for (const { pattern, group } of KEPT) {
    const match = pattern.exec(path);
    if (match) return group(match);
  }
  return null;
}

const slot = (path: string) => `recent:${path}`;
const rowId = (owner: string, path: string) => `${owner}${path}`;
const now = () => Date.now();

/** Keeps a sealed copy of one read for `account`, then trims the account's copies to the bound. */
export async function keepRecent(account: string, path: string, body: string, etag: string | null): Promise<void> {
  const group = recentGroup(path);
  if (!group || !canSeal()) return;
  const owner = await ownerTag(account);
  const copy: Copy = { body, etag, keptAt: now() };
  const stored: StoredCopy = { id: rowId(owner, path), owner, path, group, keptAt: copy.keptAt, sealed: await seal(account, slot(path), copy) };
  await tx(RECENT_STORE, 'readwrite', (s) => s.put(stored));
  await trim(owner);
}

/** Drops copies past their time and the records beyond the last RECENT_LIMIT (by their latest read). */
async function trim(owner: string): Promise<void> {
  const rows = await rowsOf<StoredCopy>(RECENT_STORE, owner);
  const latest = new Map<string, number>();
  for (const row of rows) if (row.group !== REFERENCE) latest.set(row.group, Math.max(latest.get(row.group) ?? 0, row.keptAt));
  const kept = new Set([...latest.entries()].sort((a, b) => b[1] - a[1]).slice(0, RECENT_LIMIT).map(([group]) => group));
  const expired = (row: StoredCopy) => now() - row.keptAt > RECENT_DAYS * DAY_MS;
  const gone = rows.filter((row) => expired(row) || (row.group === REFERENCE ? kept.size === 0 : !kept.has(row.group)));
  await Promise.all(gone.map((row) => tx(RECENT_STORE, 'readwrite', (s) => s.delete(row.id))));
}

/** The kept copy of a read for `account`, if there is one still in time. */
export async function recallRecent(account: string, path: string): Promise<Copy | null> {
  if (!recentGroup(path) || !canSeal()) return null;
  const owner = await ownerTag(account);
  const row = await tx<StoredCopy | undefined>(RECENT_STORE, 'readonly', (s) => s.get(rowId(owner, path)) as IDBRequest<StoredCopy | undefined>);
  if (!row || row.owner !== owner || row.path !== path) return null;
  if (now() - row.keptAt > RECENT_DAYS * DAY_MS) {
    await tx(RECENT_STORE, 'readwrite', (s) => s.delete(row.id));
    return null;
  }
  return unseal<Copy>(account, slot(path), row.sealed);
}

/** The paths of an account's kept records (for tests and for saying what is kept). */
export async function recentPaths(account: string): Promise<string[]> {
  if (!canSeal()) return [];
  return (await rowsOf<StoredCopy>(RECENT_STORE, await ownerTag(account))).map((row) => row.path);
}

/**
 * The API client's fetch: reads of kept paths are copied on the way in, and answered from the copy
 * when the network fails. Only for the account that holds the device and sent the request (the token's
 * subject): a request of another account is never kept for, or answered from, this one's copies.
 */
export async function fetchKeepingRecent(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (request.method !== 'GET' || !recentGroup(path)) return globalThis.fetch(request);
  const account = deviceAccount();
  const sender = tokenAccount(request.headers.get('Authorization')?.replace(/^Bearer /, '') ?? null);
  const mine = !!account && account === sender;
  try {
    const response = await globalThis.fetch(request);
    if (mine && response.ok) {
      const copy = response.clone();
      void copy
        .text()
        .then((body) => (deviceAccount() === account ? keepRecent(account, path, body, copy.headers.get('ETag')) : undefined))
        .catch(() => undefined);
    }
    return response;
  } catch (error) {
    if (!mine || (error instanceof DOMException && error.name === 'AbortError')) throw error;
    const copy = await recallRecent(account, path).catch(() => null);
    if (!copy) throw error;
    const headers = new Headers({ 'Content-Type': 'application/json', [DEVICE_COPY_HEADER]: new Date(copy.keptAt).toISOString() });
    if (copy.etag) headers.set('ETag', copy.etag);
    return new Response(copy.body, { status: 200, headers });
  }
}

/** For tests. */
export async function resetRecentForTests(): Promise<void> {
  try {
    await tx(RECENT_STORE, 'readwrite', (s) => s.clear());
  } catch {
    // no database
  }
}

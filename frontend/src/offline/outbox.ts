/**
 * The outbox: writes made while offline (or when the network failed), kept in IndexedDB until the
 * service has them. replay() sends them in order through the one API client (bearer token, renew
 * on 401) with the Idempotency-Key and If-Match they were made with, so a resend never duplicates.
 * Runs at start (after sign-in) and on the window's `online` event (Safari has no Background Sync).
 *
 * Every entry belongs to the account that queued it (see account.ts): sealed with that account's key,
 * filed under its owner tag, and only ever listed, counted or replayed while that account is signed in.
 */
import { api, asProblem, type Problem } from '../api/client';
import { deviceAccount, onDeviceAccountChange, ownerTag } from './account';
import { OUTBOX_STORE, deleteRowsOf, openDb, rowsOf, tx as dbTx } from './db';
import { canSeal, seal, unseal, type Sealed } from './sealing';

/** Thrown when a write cannot be kept on this device (no WebCrypto or IndexedDB, or nobody signed in). */
export class DeviceStorageUnavailable extends Error {
  constructor() {
    super('Changes cannot be saved on this device');
    this.name = 'DeviceStorageUnavailable';
  }
}

export type OutboxState = 'pending' | 'conflict' | 'failed';

export interface OutboxEntry {
  id: string;
  method: 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  /** The concrete path, e.g. /api/v1/sessions/123/record */
  path: string;
  body?: unknown;
  idempotencyKey?: string;
  ifMatch?: string;
  /** What the user sees in the outbox list. */
  label: string;
  /** Where the write came from (a page to go back to). */
  href?: string;
  createdAt: string;
  state: OutboxState;
  problem?: Problem;
}

export type NewOutboxEntry = Omit<OutboxEntry, 'id' | 'createdAt' | 'state' | 'problem'>;

/** What IndexedDB holds: the id (for order), the owner tag and the entry sealed with the owner's key. */
interface StoredEntry {
  id: string;
  owner: string;
  sealed: Sealed;
}

const tx = <T,>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>) => dbTx<T>(OUTBOX_STORE, mode, work);
const slot = (id: string) => `outbox:${id}`;

/** The signed-in account, or a refusal: nothing is kept or read for nobody. */
function accountOrThrow(): string {
  const account = deviceAccount();
  if (!account || !canSeal()) throw new DeviceStorageUnavailable();
  return account;
}

async function store(account: string, entry: OutboxEntry): Promise<void> {
  const stored: StoredEntry = { id: entry.id, owner: await ownerTag(account), sealed: await seal(account, slot(entry.id), entry) };
  await tx('readwrite', (s) => s.put(stored));
}

async function read(account: string, stored: StoredEntry): Promise<OutboxEntry | null> {
  try {
    return await unseal<OutboxEntry>(account, slot(stored.id), stored.sealed);
  } catch {
    // Sealed under a key that is gone: unreadable, as meant.
    return null;
  }
}

async function storedOf(account: string): Promise<StoredEntry[]> {
  return rowsOf<StoredEntry>(OUTBOX_STORE, await ownerTag(account));
}

const listeners = new Set<() => void>();
let cachedCount = 0;

/** Re-reads the stored count and tells listeners. */
export async function changed(): Promise<void> {
  try {
    cachedCount = await count();
  } catch {
    cachedCount = 0;
  }
  listeners.forEach((listener) => listener());
}

// Another person signing in (or the session ending) changes what is waiting.
onDeviceAccountChange(() => {
  cachedCount = 0;
  void changed();
});

/** Called whenever the outbox changes. Returns an unsubscribe function. */
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The last known number of entries (kept current by every change). */
export function cachedOutboxCount(): number {
  return cachedCount;
}

let sequence = 0;
function newId(): string {
  // Sortable by creation: replay goes in the order the writes were made.
  sequence = (sequence + 1) % 1_000_000;
  return `${Date.now().toString().padStart(15, '0')}-${String(sequence).padStart(6, '0')}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Adds a write. With `coalesce`, a pending write of the same method, path and page is replaced by this
 * one (it keeps its place, If-Match and Idempotency-Key): saving a form twice offline sends it once.
 */
export async function enqueue(entry: NewOutboxEntry, options: { coalesce?: boolean } = {}): Promise<OutboxEntry> {
  const account = accountOrThrow();
  if (options.coalesce) {
    const same = (await list()).find(
      (e) => e.state === 'pending' && e.method === entry.method && e.path === entry.path && e.href === entry.href,
    );
    if (same) {
      const merged: OutboxEntry = { ...same, body: entry.body, label: entry.label };
      await update(merged);
      return merged;
    }
  }
  const full: OutboxEntry = { ...entry, id: newId(), createdAt: new Date().toISOString(), state: 'pending' };
  await store(account, full);
  await changed();
  return full;
}

/** The signed-in account's entries, oldest first (none while nobody is signed in). */
export async function list(): Promise<OutboxEntry[]> {
  const account = deviceAccount();
  if (!account || !canSeal()) return [];
  const all = await storedOf(account);
  const entries = (await Promise.all(all.map((stored) => read(account, stored)))).filter((e): e is OutboxEntry => e !== null);
  return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function get(id: string): Promise<OutboxEntry | undefined> {
  const account = deviceAccount();
  if (!account || !canSeal()) return undefined;
  const stored = await tx<StoredEntry | undefined>('readonly', (s) => s.get(id) as IDBRequest<StoredEntry | undefined>);
  if (!stored || stored.owner !== (await ownerTag(account))) return undefined;
  return (await read(account, stored)) ?? undefined;
}

export async function update(entry: OutboxEntry): Promise<void> {
  const account = accountOrThrow();
  const existing = await tx<StoredEntry | undefined>('readonly', (s) => s.get(entry.id) as IDBRequest<StoredEntry | undefined>);
  // Never overwrite another account's entry that happens to share an id.
  if (existing && existing.owner !== (await ownerTag(account))) return;
  await store(account, entry);
  await changed();
}

export async function remove(id: string): Promise<void> {
  const account = deviceAccount();
  if (!account || !canSeal()) return;
  const owner = await ownerTag(account);
  const db = await openDb();
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction(OUTBOX_STORE, 'readwrite');
    const objectStore = transaction.objectStore(OUTBOX_STORE);
    const got = objectStore.get(id);
    got.onsuccess = () => {
      if ((got.result as StoredEntry | undefined)?.owner === owner) objectStore.delete(id);
    };
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
  await changed();
}

/** How many entries the signed-in account has waiting (0 while nobody is signed in). */
export async function count(): Promise<number> {
  const account = deviceAccount();
  if (!account || !canSeal()) return 0;
  return (await storedOf(account)).length;
}

/** Deletes every entry of one account (its sign-out). */
export async function clearOutboxOf(accountId: string): Promise<void> {
  await deleteRowsOf(OUTBOX_STORE, await ownerTag(accountId));
  await changed();
}

/** What one send came to. */
export type SendOutcome =
  | { kind: 'sent'; data: unknown; etag: string | null }
  | { kind: 'network' }
  | { kind: 'conflict'; problem: Problem }
  | { kind: 'failed'; problem: Problem };

type Requester = (
  method: string,
  path: string,
  init: { body?: unknown; headers?: Record<string, string> },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Sends one entry through the API client. */
export async function send(entry: OutboxEntry): Promise<SendOutcome> {
  const headers: Record<string, string> = {};
  if (entry.idempotencyKey) headers['Idempotency-Key'] = entry.idempotencyKey;
  if (entry.ifMatch) headers['If-Match'] = entry.ifMatch;
  try {
    const request = api.request as unknown as Requester;
    const { data, error, response } = await request(entry.method.toLowerCase(), entry.path, {
      ...(entry.body !== undefined ? { body: entry.body } : {}),
      headers,
    });
    if (response.ok) return { kind: 'sent', data, etag: response.headers.get('ETag') };
    const problem = asProblem(error, response.status);
    if (response.status === 412) return { kind: 'conflict', problem };
    if (response.status >= 500 || response.status === 429 || response.status === 401) return { kind: 'network' };
    return { kind: 'failed', problem };
  } catch {
    return { kind: 'network' };
  }
}

export interface SentEvent {
  entry: OutboxEntry;
  data: unknown;
  etag: string | null;
  at: string;
}
const sentListeners = new Set<(event: SentEvent) => void>();

/** Told about each entry the service accepted (pages update what they show). */
export function onSent(listener: (event: SentEvent) => void): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

let replaying: Promise<void> | null = null;

/**
 * Sends the pending entries in order. 2xx: removed. Network failure (or the service unavailable):
 * stop and keep. 412: kept as a conflict for the user to settle. Other 4xx: kept as failed with
 * the problem. Two calls at once share one run.
 */
export function replay(): Promise<void> {
  if (replaying) return replaying;
  const account = deviceAccount();
  if (!account) return Promise.resolve();
  replaying = (async () => {
    try {
      const entries = await list();
      for (const entry of entries) {
        if (entry.state !== 'pending') continue;
        // The session ended or someone else signed in: not one more send with their token.
        if (deviceAccount() !== account) break;
        const outcome = await send(entry);
        if (outcome.kind === 'network') break;
        if (outcome.kind === 'sent') {
          await remove(entry.id);
          const event = { entry, data: outcome.data, etag: outcome.etag, at: new Date().toISOString() };
          sentListeners.forEach((listener) => listener(event));
        } else {
          await update({ ...entry, state: outcome.kind, problem: outcome.problem });
        }
      }
    } catch {
      // IndexedDB unavailable: nothing to send.
    } finally {
      replaying = null;
    }
  })();
  return replaying;
}

/** A replay that includes everything queued so far (waits for one already running, then runs again). */
export async function replayEverything(): Promise<void> {
  if (replaying) await replaying;
  await replay();
}

/** True when a failure looks like no connection rather than an answer from the service. */
export function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/** For tests. */
export async function resetOutboxForTests(): Promise<void> {
  replaying = null;
  cachedCount = 0;
  try {
    await dbTx(OUTBOX_STORE, 'readwrite', (s) => s.clear());
  } catch {
    // no database
  }
}

/**
 * The outbox: writes made while offline (or when the network failed), kept in IndexedDB until the
 * service has them. replay() sends them in order through the one API client (bearer token, renew
 * on 401) with the Idempotency-Key and If-Match they were made with, so a resend never duplicates.
 * Runs at start (after sign-in) and on the window's `online` event (Safari has no Background Sync).
 */
import { api, asProblem, type Problem } from '../api/client';
import { OUTBOX_STORE, tx as dbTx } from './db';
import { canSeal, seal, unseal, type Sealed } from './sealing';

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

/** What IndexedDB holds: the id (for order) and the entry sealed with the device key. */
interface StoredEntry {
  id: string;
  sealed?: Sealed;
  /** Only where WebCrypto is missing (plain HTTP, not localhost). */
  plain?: OutboxEntry;
}

const tx = <T,>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>) => dbTx<T>(OUTBOX_STORE, mode, work);

async function store(entry: OutboxEntry): Promise<void> {
  const stored: StoredEntry = canSeal() ? { id: entry.id, sealed: await seal(entry) } : { id: entry.id, plain: entry };
  await tx('readwrite', (s) => s.put(stored));
}

async function read(stored: StoredEntry): Promise<OutboxEntry | null> {
  if (stored.plain) return stored.plain;
  if (!stored.sealed) return null;
  try {
    return await unseal<OutboxEntry>(stored.sealed);
  } catch {
    // Sealed under a key that is gone: unreadable, as meant.
    return null;
  }
}

const listeners = new Set<() => void>();
let cachedCount = 0;

/** Re-reads the stored count and tells listeners. */
export async function changed(): Promise<void> {
  try {
    cachedCount = await tx('readonly', (store) => store.count());
  } catch {
    cachedCount = 0;
  }
  listeners.forEach((listener) => listener());
}

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
  await store(full);
  await changed();
  return full;
}

/** Every entry, oldest first. */
export async function list(): Promise<OutboxEntry[]> {
  const all = await tx<StoredEntry[]>('readonly', (s) => s.getAll() as IDBRequest<StoredEntry[]>);
  const entries = (await Promise.all(all.map(read))).filter((e): e is OutboxEntry => e !== null);
  return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function get(id: string): Promise<OutboxEntry | undefined> {
  const stored = await tx<StoredEntry | undefined>('readonly', (s) => s.get(id) as IDBRequest<StoredEntry | undefined>);
  return (stored && (await read(stored))) ?? undefined;
}

export async function update(entry: OutboxEntry): Promise<void> {
  await store(entry);
  await changed();
}

export async function remove(id: string): Promise<void> {
  await tx('readwrite', (store) => store.delete(id));
  await changed();
}

export async function count(): Promise<number> {
  return tx('readonly', (store) => store.count());
}

/** Empties the outbox (sign-out). */
export async function clearOutbox(): Promise<void> {
  await tx('readwrite', (store) => store.clear());
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
  replaying = (async () => {
    try {
      const entries = await list();
      for (const entry of entries) {
        if (entry.state !== 'pending') continue;
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

/** True when a failure looks like no connection rather than an answer from the service. */
export function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/** For tests. */
export async function resetOutboxForTests(): Promise<void> {
  replaying = null;
  try {
    await clearOutbox();
  } catch {
    // no database
  }
}

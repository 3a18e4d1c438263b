/**
 * Form drafts kept on the device between keystrokes, reloads and an expired session, and wiping an
 * account's items on sign-out.
 *
 * Each draft belongs to the account that typed it: sealed with that account's key (sealing.ts), filed
 * under its owner tag, and only read back while that account is signed in. Where the device cannot
 * seal (no WebCrypto or IndexedDB), drafts live in memory only, never in plain text on disk: they
 * last until the tab closes, and sign-out still asks about them.
 *
 * A draft carries what the sign-out page needs: a label, the page it belongs to, and (when the form is
 * valid) the write that would send it, so "Send now and sign out" can send typing nobody has saved yet.
 */
import { deviceAccount, ownerTag } from './account';
import { DRAFT_STORE, RECENT_STORE, deleteRowsOf, rowsOf, tx } from './db';
import { clearOutboxOf, type NewOutboxEntry } from './outbox';
import { canSeal, forgetKey, seal, unseal, type Sealed } from './sealing';

export interface DraftMeta {
  /** What the user sees, e.g. "Session record: Sam Okafor, 2 December 2026". */
  label: string;
  /** The page the draft belongs to. */
  href: string;
  /** The write that sends it, when the form could be sent as it is. */
  send?: NewOutboxEntry;
}

export interface DraftInfo extends DraftMeta {
  key: string;
}

interface Payload {
  key: string;
  value: unknown;
  meta: DraftMeta;
}

interface StoredDraft {
  id: string;
  owner: string;
  sealed: Sealed;
}

const slot = (key: string) => `draft:${key}`;
const rowId = (owner: string, key: string) => `${owner}/${key}`;

/** Drafts of devices that cannot seal, by account then key: never written anywhere. */
const memory = new Map<string, Map<string, Payload>>();
const inMemory = (account: string) => {
  let drafts = memory.get(account);
  if (!drafts) memory.set(account, (drafts = new Map()));
  return drafts;
};

/** The last operation per account and key: writes and removals of one draft run in order. */
const chains = new Map<string, Promise<unknown>>();
const running = new Set<Promise<unknown>>();

function queued<T>(account: string, key: string, work: () => Promise<T>): Promise<T> {
  const id = `${account}\n${key}`;
  const previous = chains.get(id) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  chains.set(id, next);
  running.add(next);
  const done = () => {
    running.delete(next);
    if (chains.get(id) === next) chains.delete(id);
  };
  next.then(done, done);
  return next;
}

/** Resolves when every draft write or removal started so far has finished (sign-out waits for it). */
export async function draftsSettled(): Promise<void> {
  while (running.size) await Promise.allSettled([...running]);
}

async function storeSealed(account: string, payload: Payload): Promise<void> {
  const owner = await ownerTag(account);
  const stored: StoredDraft = { id: rowId(owner, payload.key), owner, sealed: await seal(account, slot(payload.key), payload) };
  await tx(DRAFT_STORE, 'readwrite', (s) => s.put(stored));
}

/**
 * Saves a draft for `account` (the account that typed it, fixed when the form opened, so typing
 * saved as the session ends still goes to its author). Resolves true when it is kept.
 */
export function writeDraft(account: string, key: string, value: unknown, meta: DraftMeta): Promise<boolean> {
  const payload: Payload = { key, value, meta };
  return queued(account, key, async () => {
    if (canSeal()) {
      try {
        await storeSealed(account, payload);
        inMemory(account).delete(key);
        return true;
      } catch {
        // IndexedDB refused (private window, quota): keep it in memory for this tab only.
      }
    }
    inMemory(account).set(key, payload);
    return true;
  });
}

/** The signed-in account's draft under `key`, or null. */
export async function readDraft<T>(key: string): Promise<T | null> {
  const account = deviceAccount();
  if (!account) return null;
  return queued(account, key, async () => {
    const held = inMemory(account).get(key);
    if (held) return held.value as T;
    if (!canSeal()) return null;
    try {
      const owner = await ownerTag(account);
      const stored = await tx<StoredDraft | undefined>(DRAFT_STORE, 'readonly', (s) => s.get(rowId(owner, key)) as IDBRequest<StoredDraft | undefined>);
      if (!stored) return null;
      return (await unseal<Payload>(account, slot(key), stored.sealed)).value as T;
    } catch {
      return null;
    }
  });
}

/** Forgets the draft under `key` (the service has it, or the user chose the service's version). */
export function removeDraft(key: string, account: string | null = deviceAccount()): Promise<void> {
  if (!account) return Promise.resolve();
  return queued(account, key, async () => {
    inMemory(account).delete(key);
    if (!canSeal()) return;
    try {
      const owner = await ownerTag(account);
      await tx(DRAFT_STORE, 'readwrite', (s) => s.delete(rowId(owner, key)));
    } catch {
      // nothing stored
    }
  });
}

/** The signed-in account's drafts (what it has typed that the service may not have). */
export async function listDrafts(): Promise<DraftInfo[]> {
  const account = deviceAccount();
  if (!account) return [];
  await draftsSettled();
  const found = new Map<string, DraftInfo>();
  if (canSeal()) {
    try {
      const rows = await rowsOf<StoredDraft>(DRAFT_STORE, await ownerTag(account));
      for (const row of rows) {
        const key = row.id.slice(row.id.indexOf('/') + 1);
        try {
          const payload = await unseal<Payload>(account, slot(key), row.sealed);
          found.set(key, { key, ...payload.meta });
        } catch {
          // sealed under a key that is gone: unreadable, as meant
        }
      }
    } catch {
      // no database
    }
  }
  for (const [key, payload] of inMemory(account)) found.set(key, { key, ...payload.meta });
  return [...found.values()];
}

/** Key of the record draft of a session (features/records keeps its drafts under it). */
export const recordDraftKey = (sessionId: string) => `recordDraft.${sessionId}`;

/** Forgets the local draft behind a write to `path` (the user chose the service's version). */
export function clearDraftFor(path: string): Promise<void> {
  const match = /^\/api\/v1\/sessions\/([^/]+)\/record$/.exec(path);
  // A case discussion's draft (features/casediscussions keeps it under this key).
  const discussion = /^\/api\/v1\/case-discussions\/([^/]+)$/.exec(path);
  if (discussion?.[1]) return removeDraft(`caseDiscussionDraft.${decodeURIComponent(discussion[1])}`);
  // issue 9: fe-audit - an audit's draft (features/audits keeps it under this key).
  const audit = /^\/api\/v1\/audits\/([^/]+)$/.exec(path);
  if (audit?.[1]) return removeDraft(`auditDraft.${decodeURIComponent(audit[1])}`);
  if (!match?.[1]) return Promise.resolve();
  return removeDraft(recordDraftKey(decodeURIComponent(match[1])));
}

/**
 * Removes everything one account keeps on this device (its deliberate sign-out): drafts, queued writes,
 * copies of recently read records and its key, so any copy left in the browser's files can no longer be read. Other accounts' items stay.
 */
export async function wipeAccountData(accountId: string): Promise<void> {
  await draftsSettled();
  memory.delete(accountId);
  if (!canSeal()) return;
  const owner = await ownerTag(accountId);
  await Promise.allSettled([deleteRowsOf(DRAFT_STORE, owner), deleteRowsOf(RECENT_STORE, owner), clearOutboxOf(accountId)]);
  await forgetKey(accountId).catch(() => undefined);
}

/** For tests. */
export async function resetDraftsForTests(): Promise<void> {
  memory.clear();
  chains.clear();
  running.clear();
  try {
    await tx(DRAFT_STORE, 'readwrite', (s) => s.clear());
  } catch {
    // no database
  }
}

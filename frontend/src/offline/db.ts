/**
 * The app's one IndexedDB database on the device: the outbox, the form drafts, copies of recently read
 * records and the per-account keys that seal them. Every row of `outbox` and `drafts` carries the owner tag of the account that made it.
 */
const DB_NAME = 'supervision-offline';
const DB_VERSION = 4;
export const OUTBOX_STORE = 'outbox';
export const DRAFT_STORE = 'drafts';
export const KEY_STORE = 'keys';
/** Sealed copies of the records a person opened recently, to read them again offline (recent.ts). */
export const RECENT_STORE = 'recent';

/** localStorage prefixes where earlier versions kept form drafts as plain JSON. */
const LEGACY_DRAFT_PREFIXES = ['supervision.recordDraft.', 'supervision.agreementDraft.'];

let dbPromise: Promise<IDBDatabase> | null = null;

/**
 * Earlier versions kept drafts in plain text and queued writes bound to no account. Neither can be given
 * to anyone safely (we cannot tell whose they are), so they are deleted rather than adopted.
 */
export function removeLegacyDrafts(): void {
  try {
    const storage = window.localStorage;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key && LEGACY_DRAFT_PREFIXES.some((prefix) => key.startsWith(prefix))) keys.push(key);
    }
    keys.forEach((key) => storage.removeItem(key));
  } catch {
    // no localStorage: nothing left behind there
  }
}

export function openDb(): Promise<IDBDatabase> {
  if (dbPromise) return dbPromise;
  dbPromise = new Promise<IDBDatabase>((resolve, reject) => {
    removeLegacyDrafts();
    if (typeof indexedDB === 'undefined') {
      dbPromise = null;
      reject(new Error('IndexedDB is not available'));
      return;
    }
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = (event) => {
      const db = request.result;
      const upgrade = request.transaction as IDBTransaction;
      if (event.oldVersion > 0 && event.oldVersion < 3) {
        // Unowned rows and the one shared device key of version 2.
        if (db.objectStoreNames.contains(OUTBOX_STORE)) upgrade.objectStore(OUTBOX_STORE).clear();
        if (db.objectStoreNames.contains(KEY_STORE)) upgrade.objectStore(KEY_STORE).clear();
      }
      if (!db.objectStoreNames.contains(OUTBOX_STORE)) db.createObjectStore(OUTBOX_STORE, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(DRAFT_STORE)) db.createObjectStore(DRAFT_STORE, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(KEY_STORE)) db.createObjectStore(KEY_STORE);
      if (!db.objectStoreNames.contains(RECENT_STORE)) db.createObjectStore(RECENT_STORE, { keyPath: 'id' });
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading: let it, and open again next time.
      db.onversionchange = () => {
        db.close();
        dbPromise = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      dbPromise = null;
      reject(request.error);
    };
    request.onblocked = () => undefined;
  });
  return dbPromise;
}

/** One request in its own transaction; resolves when the transaction completes. */
export function tx<T>(store: string, mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openDb().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const transaction = db.transaction(store, mode);
        const request = work(transaction.objectStore(store));
        transaction.oncomplete = () => resolve(request.result);
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
      }),
  );
}

/** Every row of a store that belongs to one owner. */
export async function rowsOf<T extends { owner: string }>(store: string, owner: string): Promise<T[]> {
  const all = await tx<T[]>(store, 'readonly', (s) => s.getAll() as IDBRequest<T[]>);
  return all.filter((row) => row.owner === owner);
}

/** Deletes every row of a store that belongs to one owner. */
export async function deleteRowsOf(store: string, owner: string): Promise<void> {
  const db = await openDb();
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction(store, 'readwrite');
    const objectStore = transaction.objectStore(store);
    const cursor = objectStore.openCursor();
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) return;
      if ((at.value as { owner?: string }).owner === owner) at.delete();
      at.continue();
    };
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

/** For tests: forget the open connection (fake-indexeddb is replaced between some tests). */
export function closeDbForTests(): void {
  void dbPromise?.then((db) => db.close()).catch(() => undefined);
  dbPromise = null;
}

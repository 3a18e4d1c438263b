/** What the device's IndexedDB and web storage actually hold, read raw (as anyone with the files could). */
import { openDb } from '../offline/db';

function all(store: string): Promise<unknown[]> {
  return openDb().then(
    (db) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      }),
  );
}

export async function rawRows(): Promise<{ outbox: unknown[]; drafts: unknown[]; keys: unknown[] }> {
  const [outbox, drafts, keys] = await Promise.all([all('outbox'), all('drafts'), all('keys')]);
  return { outbox, drafts, keys };
}

/** Every byte the device keeps for the app, as text (ArrayBuffers decoded), to search for plaintext. */
export async function everythingStoredAsText(): Promise<string> {
  const rows = await rawRows();
  const decode = (value: unknown): unknown => {
    if (value instanceof ArrayBuffer) return new TextDecoder().decode(value);
    if (ArrayBuffer.isView(value)) return new TextDecoder().decode(value as Uint8Array);
    if (Array.isArray(value)) return value.map(decode);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
    return value;
  };
  return JSON.stringify({
    idb: decode(rows),
    localStorage: { ...window.localStorage },
    sessionStorage: { ...window.sessionStorage },
  });
}

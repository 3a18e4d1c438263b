/**
 * Encryption at rest for what the app keeps on the device: AES-GCM (256-bit) under a key per account,
 * generated with extractable: false (script in this origin can use it but never read it out) and kept
 * in IndexedDB as a CryptoKey. The account id and the item's slot are the additional authenticated data,
 * so an item only opens as the account and slot it was sealed for. Signing out deletes the account's key.
 * There is no plaintext fallback: where WebCrypto or IndexedDB is missing, nothing is kept on the device.
 */
import { ownerTag } from './account';
import { KEY_STORE, openDb, tx } from './db';

export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

function subtle(): SubtleCrypto | null {
  return globalThis.crypto?.subtle ?? null;
}

/** True where WebCrypto and IndexedDB are there (WebCrypto needs HTTPS or localhost). */
export function canSeal(): boolean {
  return subtle() !== null && typeof indexedDB !== 'undefined';
}

let checked: Promise<boolean> | null = null;

/**
 * Whether this browser can really keep sealed items: opens the database and makes a throwaway key
 * (private windows of some browsers refuse IndexedDB; some refuse to store a CryptoKey).
 */
export function checkDeviceStorage(): Promise<boolean> {
  if (!checked) {
    checked = (async () => {
      if (!canSeal()) return false;
      try {
        await openDb();
        const key = await (subtle() as SubtleCrypto).generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
        await tx(KEY_STORE, 'readwrite', (s) => s.put(key, 'probe'));
        await tx(KEY_STORE, 'readwrite', (s) => s.delete('probe'));
        return true;
      } catch {
        return false;
      }
    })();
  }
  return checked;
}

const keys = new Map<string, Promise<CryptoKey>>();

async function storedKey(id: string): Promise<CryptoKey | undefined> {
  return tx<CryptoKey | undefined>(KEY_STORE, 'readonly', (s) => s.get(id) as IDBRequest<CryptoKey | undefined>);
}

async function loadOrCreateKey(accountId: string): Promise<CryptoKey> {
  const id = `account:${await ownerTag(accountId)}`;
  const stored = await storedKey(id);
  if (stored) return stored;
  const key = await (subtle() as SubtleCrypto).generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  // add, not put: two tabs creating at once keep the first key, and the loser reads it back.
  try {
    await tx(KEY_STORE, 'readwrite', (s) => s.add(key, id));
    return key;
  } catch {
    const winner = await storedKey(id);
    if (!winner) throw new Error('No device key');
    return winner;
  }
}

/** Sealing makes the account's key on first use; opening never does (a wiped key stays wiped). */
function accountKey(accountId: string, create: boolean): Promise<CryptoKey> {
  let key = keys.get(accountId);
  if (!key) {
    key = (create
      ? loadOrCreateKey(accountId)
      : ownerTag(accountId).then(async (owner) => {
          const stored = await storedKey(`account:${owner}`);
          if (!stored) throw new Error('No key for this account on this device');
          return stored;
        })
    ).catch((error: unknown) => {
      keys.delete(accountId);
      throw error;
    });
    keys.set(accountId, key);
  }
  return key;
}

const aad = (accountId: string, slot: string) => new TextEncoder().encode(`${accountId}\n${slot}`);

export async function seal(accountId: string, slot: string, value: unknown): Promise<Sealed> {
  if (!canSeal()) throw new Error('This device cannot encrypt');
  const key = await accountKey(accountId, true);
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(new ArrayBuffer(12)));
  const data = await (subtle() as SubtleCrypto).encrypt(
    { name: 'AES-GCM', iv, additionalData: aad(accountId, slot) },
    key,
    new TextEncoder().encode(JSON.stringify(value)),
  );
  return { iv, data };
}

export async function unseal<T>(accountId: string, slot: string, sealed: Sealed): Promise<T> {
  const key = await accountKey(accountId, false);
  const plain = await (subtle() as SubtleCrypto).decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: aad(accountId, slot) }, key, sealed.data);
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** Deletes an account's key (sign-out): anything sealed with it can no longer be read. */
export async function forgetKey(accountId: string): Promise<void> {
  keys.delete(accountId);
  const id = `account:${await ownerTag(accountId)}`;
  await tx(KEY_STORE, 'readwrite', (s) => s.delete(id));
}

/** For tests. */
export async function resetSealingForTests(): Promise<void> {
  keys.clear();
  checked = null;
  try {
    await tx(KEY_STORE, 'readwrite', (s) => s.clear());
  } catch {
    // no database
  }
}

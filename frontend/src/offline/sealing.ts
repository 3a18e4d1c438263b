/**
 * Encryption at rest for what the app keeps on the device: AES-GCM under a key generated with
 * extractable: false (script can use it but never read it out) and kept in IndexedDB as a
 * CryptoKey object. Sign-out deletes the key, so anything left behind is unreadable.
 */
import { KEY_STORE, tx } from './db';

const KEY_ID = 'device-key';

export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

let keyPromise: Promise<CryptoKey> | null = null;

function subtle(): SubtleCrypto | null {
  return globalThis.crypto?.subtle ?? null;
}

/** True where WebCrypto is there (HTTPS or localhost). */
export function canSeal(): boolean {
  return subtle() !== null;
}

async function loadOrCreateKey(): Promise<CryptoKey> {
  const stored = await tx<CryptoKey | undefined>(KEY_STORE, 'readonly', (s) => s.get(KEY_ID) as IDBRequest<CryptoKey | undefined>);
  if (stored) return stored;
  const key = await (subtle() as SubtleCrypto).generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  await tx(KEY_STORE, 'readwrite', (s) => s.put(key, KEY_ID));
  return key;
}

function deviceKey(): Promise<CryptoKey> {
  if (!keyPromise) {
    keyPromise = loadOrCreateKey().catch((error: unknown) => {
      keyPromise = null;
      throw error;
    });
  }
  return keyPromise;
}

export async function seal(value: unknown): Promise<Sealed> {
  const key = await deviceKey();
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(new ArrayBuffer(12)));
  const data = await (subtle() as SubtleCrypto).encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(value)));
  return { iv, data };
}

export async function unseal<T>(sealed: Sealed): Promise<T> {
  const key = await deviceKey();
  const plain = await (subtle() as SubtleCrypto).decrypt({ name: 'AES-GCM', iv: sealed.iv }, key, sealed.data);
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** Deletes the key (sign-out): anything sealed with it can no longer be read. */
export async function forgetKey(): Promise<void> {
  keyPromise = null;
  await tx(KEY_STORE, 'readwrite', (s) => s.delete(KEY_ID));
}

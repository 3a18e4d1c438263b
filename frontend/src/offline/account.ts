/**
 * Whose work the device is holding right now. Everything the app keeps on the device (drafts, queued
 * writes, the key that seals them) belongs to one account, the subject of the access token (Me.accountId).
 * Set when a sign-in completes; cleared when the session ends, whether deliberately (sign-out, which
 * also wipes that account's items) or not (an expired session, which keeps them for that person's return).
 * While no account is set nothing is read, written or replayed.
 */
let current: string | null = null;
const listeners = new Set<() => void>();

export function deviceAccount(): string | null {
  return current;
}

export function setDeviceAccount(accountId: string | null): void {
  if (current === accountId) return;
  current = accountId;
  listeners.forEach((listener) => listener());
}

/** Told whenever the account changes. Returns an unsubscribe function. */
export function onDeviceAccountChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const owners = new Map<string, Promise<string>>();

/**
 * The tag rows are filed under: a hash of the account id, so the database does not list who used the
 * device in plain words. Not a secret (account ids are not secrets); the key below is what protects.
 */
export function ownerTag(accountId: string): Promise<string> {
  let tag = owners.get(accountId);
  if (!tag) {
    tag = globalThis.crypto.subtle
      .digest('SHA-256', new TextEncoder().encode(`supervision.device-owner:${accountId}`))
      .then((digest) => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(''));
    owners.set(accountId, tag);
  }
  return tag;
}

/** For tests. */
export function resetDeviceAccountForTests(): void {
  current = null;
}

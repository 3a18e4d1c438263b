/** What the app keeps on the device between visits, and wiping it on sign-out. */
import { clearOutbox } from './outbox';
import { forgetKey } from './sealing';

/** localStorage prefixes of the form drafts (records, agreements). */
export const DRAFT_PREFIXES = ['supervision.recordDraft.', 'supervision.agreementDraft.'];

/** Forgets the local draft behind a write to `path` (the user chose the service's version). */
export function clearDraftFor(path: string): void {
  const match = /^\/api\/v1\/sessions\/([^/]+)\/record$/.exec(path);
  if (!match?.[1]) return;
  try {
    window.localStorage.removeItem(`supervision.recordDraft.${decodeURIComponent(match[1])}`);
  } catch {
    // nothing stored
  }
}

/** Removes every draft and queued write from this device (sign-out). */
export async function wipeDeviceData(): Promise<void> {
  try {
    const storage = window.localStorage;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key && DRAFT_PREFIXES.some((prefix) => key.startsWith(prefix))) keys.push(key);
    }
    keys.forEach((key) => storage.removeItem(key));
  } catch {
    // storage unavailable
  }
  try {
    await clearOutbox();
  } catch {
    // no IndexedDB
  }
  try {
    await forgetKey();
  } catch {
    // no key stored
  }
}

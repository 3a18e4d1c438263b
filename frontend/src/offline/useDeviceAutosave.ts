import { useCallback, useEffect, useRef } from 'react';
import { deviceAccount } from './account';
import { writeDraft, type DraftMeta } from './drafts';

/** How long typing must pause before the draft is saved on the device. */
export const AUTOSAVE_DELAY_MS = 400;

/**
 * Never lose typing: saves the draft on the device (sealed, for the account that opened the form) once
 * typing pauses, and again at once when the page is hidden (tab switched, tablet locked: the last moment
 * a browser reliably lets async work finish), on pagehide and when the form closes. The encrypted write
 * is asynchronous, so beforeunload cannot wait for it: it starts the write and asks the browser to
 * confirm leaving while the service does not have the changes.
 * Returns `flush` (save pending typing now, before a send) and `discard` (drop pending typing, once the
 * server has the draft and the device copy is cleared, so it is not written back).
 */
export function useDeviceAutosave<T extends { savedAt: string }>(
  storageKey: string,
  draft: T | null,
  dirty: boolean,
  describe: (value: T) => DraftMeta,
  onSaved: (savedAt: string) => void,
): { flush: () => void; discard: () => void } {
  const pending = useRef<T | null>(null);
  // Whose typing this is: fixed while signed in, kept when the session ends under the open form.
  const account = useRef<string | null>(deviceAccount());
  account.current ??= deviceAccount();
  const describeRef = useRef(describe);
  describeRef.current = describe;
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const flush = useCallback(() => {
    const value = pending.current;
    const owner = account.current;
    if (!value || !owner) return;
    pending.current = null;
    const stamped = { ...value, savedAt: new Date().toISOString() };
    void writeDraft(owner, storageKey, stamped, describeRef.current(stamped)).then((kept) => {
      if (kept) onSavedRef.current(stamped.savedAt);
    });
  }, [storageKey]);

  useEffect(() => {
    if (!draft || !dirty) return;
    pending.current = draft;
    const timer = window.setTimeout(flush, AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft, dirty, flush]);
  useEffect(() => () => flush(), [flush]);

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', flush);
    };
  }, [flush]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      flush();
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty, flush]);

  const discard = useCallback(() => {
    pending.current = null;
  }, []);
  return { flush, discard };
}

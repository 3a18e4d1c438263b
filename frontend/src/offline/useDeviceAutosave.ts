import { useCallback, useEffect, useRef } from 'react';

/** How long typing must pause before the draft is saved on the device. */
export const AUTOSAVE_DELAY_MS = 400;

/**
 * Never lose typing: saves the draft on the device once typing pauses, once more when the page goes
 * away, and asks before the tab is closed while the server does not have the changes yet.
 * Returns `flush` (save pending typing now, before a send) and `discard` (drop pending typing, once the
 * server has the draft and the device copy is cleared, so it is not written back).
 */
export function useDeviceAutosave<T extends { savedAt: string }>(
  storageKey: string,
  draft: T | null,
  dirty: boolean,
  write: (key: string, value: T) => boolean,
  onSaved: (savedAt: string) => void,
): { flush: () => void; discard: () => void } {
  const pending = useRef<T | null>(null);
  const flush = useCallback(() => {
    const value = pending.current;
    if (!value) return;
    pending.current = null;
    const stamped = { ...value, savedAt: new Date().toISOString() };
    if (write(storageKey, stamped)) onSaved(stamped.savedAt);
  }, [storageKey, write, onSaved]);

  useEffect(() => {
    if (!draft || !dirty) return;
    pending.current = draft;
    const timer = window.setTimeout(flush, AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft, dirty, flush]);
  useEffect(() => () => flush(), [flush]);

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

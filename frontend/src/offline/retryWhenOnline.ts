/**
 * A page that failed to load for want of a connection loads again by itself when the connection comes
 * back: whatever shows "You are offline" in place of a page registers here while it is shown, and the
 * app shell starts the page again on the browser's `online` event (App.tsx). Queries of parts of a page
 * retry themselves (api/useQuery.ts).
 */
import { useEffect, useSyncExternalStore } from 'react';

let failures = 0;
let generation = 0;
const listeners = new Set<() => void>();

function onOnline() {
  if (failures === 0) return;
  generation += 1;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('online', onOnline);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('online', onOnline);
  };
}

/** Marks the page as failed offline while the calling component is shown (when `failed` is true). */
export function useOfflineFailure(failed: boolean): void {
  useEffect(() => {
    if (!failed) return;
    failures += 1;
    return () => {
      failures -= 1;
    };
  }, [failed]);
}

/** A number that changes each time the connection returns while a page shows an offline failure. */
export function usePageRetryKey(): number {
  return useSyncExternalStore(subscribe, () => generation, () => 0);
}

/** Resolves on the next `online` event (or at once when aborted). */
export function nextOnline(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      window.removeEventListener('online', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    window.addEventListener('online', done);
    signal.addEventListener('abort', done);
  });
}

import { useEffect } from 'react';
import { replay } from './outbox';

/** How often to retry while writes wait, in case the `online` event never comes. */
export const RETRY_MS = 30_000;

/** Sends queued writes once signed in, whenever the connection comes back, and now and then. */
export function OutboxSync({ signedIn }: { signedIn: boolean }) {
  useEffect(() => {
    if (!signedIn) return;
    const run = () => {
      if (navigator.onLine !== false) void replay();
    };
    run();
    window.addEventListener('online', run);
    const timer = window.setInterval(run, RETRY_MS);
    return () => {
      window.removeEventListener('online', run);
      window.clearInterval(timer);
    };
  }, [signedIn]);
  return null;
}

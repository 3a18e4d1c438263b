import { useEffect, useSyncExternalStore } from 'react';
import { cachedOutboxCount, changed, subscribe } from './outbox';

/** The number of writes waiting in the outbox (pending, conflict or failed); follows changes. */
export function useOutboxCount(): number {
  // Read the stored count so a reload shows what is still waiting.
  useEffect(() => {
    void changed();
  }, []);
  return useSyncExternalStore(subscribe, cachedOutboxCount, () => 0);
}

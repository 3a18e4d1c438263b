import { useEffect, useState } from 'react';
import { WarningText } from '../components/govuk';
import { checkDeviceStorage } from './sealing';

/** 'checking' until known; then whether this browser can keep sealed drafts and queued writes. */
export function useDeviceStorage(): 'checking' | 'available' | 'unavailable' {
  const [state, setState] = useState<'checking' | 'available' | 'unavailable'>('checking');
  useEffect(() => {
    let live = true;
    void checkDeviceStorage().then((ok) => {
      if (live) setState(ok ? 'available' : 'unavailable');
    });
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/**
 * GOV.UK warning text on forms when this browser cannot keep work safely on the device (no WebCrypto,
 * for example over plain HTTP, or no IndexedDB, for example in some private windows). Nothing is then
 * saved on the device at all, rather than saved unencrypted. Shows nothing when all is well.
 */
export function DeviceStorageWarning() {
  const state = useDeviceStorage();
  if (state !== 'unavailable') return null;
  return (
    <WarningText testId="device-storage-warning">
      This browser cannot save your work safely on this device, so nothing is saved here while you type and
      nothing can be kept to send later if you lose your connection. Save your changes before you leave this page.
    </WarningText>
  );
}

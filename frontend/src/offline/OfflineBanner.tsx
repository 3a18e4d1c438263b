import { NotificationBanner } from '../components/govuk';
import { useOnlineStatus } from './useOnlineStatus';

/** A GOV.UK notification banner while the device has no connection. */
export function OfflineBanner() {
  const online = useOnlineStatus();
  if (online) return null;
  return (
    <NotificationBanner title="Important" heading="You are offline." announce className="app-offline-banner">
      <p className="govuk-body">
        You can still read what is on this page, and the agreements and session records you opened recently on
        this device. Anything else that needs the service, like signing in, will work again when your connection
        comes back.
      </p>
    </NotificationBanner>
  );
}

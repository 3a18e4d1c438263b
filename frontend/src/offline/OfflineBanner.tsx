import { NotificationBanner } from '../components/govuk';
import { useOnlineStatus } from './useOnlineStatus';

/** A GOV.UK notification banner while the device has no connection. */
export function OfflineBanner() {
  const online = useOnlineStatus();
  if (online) return null;
  return (
    <NotificationBanner title="Important" heading="You are offline." announce className="app-offline-banner">
      <p className="govuk-body">
        You can still read what is on this page. Anything that needs the service, like signing in or opening
        another record, will work again when your connection comes back.
      </p>
    </NotificationBanner>
  );
}

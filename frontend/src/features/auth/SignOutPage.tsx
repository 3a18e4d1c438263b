import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '../../components/govuk';
import { count as outboxCount } from '../../offline/outbox';
import { useNavigate } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useAuth } from './AuthContext';

/**
 * /sign-out: revokes the session, forgets the tokens, wipes this device's drafts and outbox, then shows
 * the sign-in page. When changes are still waiting to send, it asks first: signing out deletes them.
 */
export function SignOutPage() {
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const started = useRef(false);
  const [waiting, setWaiting] = useState<number | null>(null);
  usePageTitle(waiting ? 'Changes waiting to send' : 'Signing out');

  const signOutNow = useCallback(() => {
    if (started.current) return;
    started.current = true;
    void signOut().then(() => navigate('/sign-in', { replace: true }));
  }, [signOut, navigate]);

  useEffect(() => {
    let cancelled = false;
    outboxCount()
      .catch(() => 0)
      .then((n) => {
        if (cancelled) return;
        if (n > 0) {
          setWaiting(n);
        } else {
          signOutNow();
        }
      });
    return () => {
      cancelled = true;
    };
  }, [signOutNow]);

  if (waiting) {
    const changes = waiting === 1 ? '1 change' : `${waiting} changes`;
    return (
      <>
        <h1 className="govuk-heading-l">You have {changes} waiting to send</h1>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {waiting === 1 ? 'This change has' : 'These changes have'} not reached the server yet. If you sign out now,{' '}
            {waiting === 1 ? 'it will be' : 'they will be'} deleted from this device.
          </strong>
        </div>
        <div className="govuk-button-group">
          <Button href="/outbox">Go back and send {waiting === 1 ? 'it' : 'them'}</Button>
          <Button type="button" variant="warning" onClick={signOutNow}>
            Sign out and delete {waiting === 1 ? 'it' : 'them'}
          </Button>
        </div>
      </>
    );
  }

  return (
    <>
      <h1 className="govuk-heading-l">Signing out</h1>
      <p className="govuk-body">You are being signed out.</p>
    </>
  );
}

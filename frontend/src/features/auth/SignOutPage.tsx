import { useEffect, useRef } from 'react';
import { useNavigate } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useAuth } from './AuthContext';

/** /sign-out: revokes the session, forgets the tokens, then shows the sign-in page. */
export function SignOutPage() {
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const started = useRef(false);
  usePageTitle('Signing out');

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void signOut().then(() => navigate('/sign-in', { replace: true }));
  }, [signOut, navigate]);

  return (
    <>
      <h1 className="govuk-heading-l">Signing out</h1>
      <p className="govuk-body">You are being signed out.</p>
    </>
  );
}

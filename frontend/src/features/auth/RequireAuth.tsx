import type { ReactNode } from 'react';
import { Redirect, useLocation } from '../../router';
import { useAuth } from './AuthContext';
import { signInPath } from './SignInPage';

/** Pages for signed-in people: anyone else goes to sign in, and comes back here afterwards. */
export function RequireAuth({ children, loading }: { children: ReactNode; /** The page's shape while the session is renewed. */ loading?: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') {
    if (loading) return <>{loading}</>;
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    );
  }
  if (state.status === 'signedOut') {
    return <Redirect to={signInPath(location.pathname + location.search)} />;
  }
  return <>{children}</>;
}

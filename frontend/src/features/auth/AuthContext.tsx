import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { NETWORK_PROBLEM, api, asProblem, type Problem, type Schemas } from '../../api/client';
import { wipeAccountData } from '../../offline/drafts';
import { deviceAccount, setDeviceAccount } from '../../offline/account';
import { accessTokenExpired, clearSession, getRefreshToken, onSessionEnded, refreshSession, storeTokens } from '../../api/session';

export type Me = Schemas['Me'];
export type Role = Schemas['Role'];

export type AuthState =
  | { status: 'loading' }
  | { status: 'signedOut'; reason?: 'signedOut' | 'expired' }
  | { status: 'signedIn'; me: Me; loadedAt: number };

export type SignInResult =
  | { ok: true }
  | { ok: false; status: number; problem: Problem; retryAfterSeconds?: number };

export interface AuthValue {
  state: AuthState;
  signIn: (username: string, password: string) => Promise<SignInResult>;
  signOut: () => Promise<void>;
  reloadMe: () => Promise<void>;
}

export const AuthContext = createContext<AuthValue | null>(null);

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside <AuthProvider>');
  return value;
}

/** The signed-in person, or null. */
export function useMe(): Me | null {
  const { state } = useAuth();
  return state.status === 'signedIn' ? state.me : null;
}

/** Roles that may open the staff directory. */
export const STAFF_DIRECTORY_ROLES: Role[] = ['SUPERVISOR', 'SERVICE_MANAGER', 'HEAD_OF_SERVICE', 'QA_AUDITOR', 'HR', 'ADMIN'];

export function canUseStaffDirectory(me: Me | null): boolean {
  return !!me && me.roles.some((role) => STAFF_DIRECTORY_ROLES.includes(role));
}

async function loadMe(): Promise<Me | null> {
  const { data } = await api.GET('/api/v1/me');
  return data ?? null;
}

function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>(() =>
    getRefreshToken() ? { status: 'loading' } : { status: 'signedOut' },
  );
  const signingOut = useRef(false);

  // A reload keeps only the refresh token (sessionStorage): renew the session from it.
  useEffect(() => {
    if (state.status !== 'loading') return;
    let cancelled = false;
    (async () => {
      const renewed = await refreshSession();
      const me = renewed ? await loadMe().catch(() => null) : null;
      if (cancelled) return;
      // The device opens this account's own drafts and outbox, and no one else's.
      setDeviceAccount(me?.accountId ?? null);
      setState(me ? { status: 'signedIn', me, loadedAt: Date.now() } : { status: 'signedOut' });
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on start
  }, []);

  // The refresh token was refused (expired, revoked): back to the sign-in page. The device stops
  // reading and replaying this account's items at once, but keeps them: an expired session is not a
  // sign-out, and the same person signing in again finds their work.
  useEffect(
    () =>
      onSessionEnded(() => {
        setDeviceAccount(null);
        if (!signingOut.current) setState({ status: 'signedOut', reason: 'expired' });
      }),
    [],
  );

  const signIn = useCallback(async (username: string, password: string): Promise<SignInResult> => {
    try {
      const { data, error, response } = await api.POST('/api/v1/auth/sign-in', { body: { username, password } });
      if (!data) {
        return {
          ok: false,
          status: response.status,
          problem: asProblem(error, response.status),
          retryAfterSeconds: retryAfter(response),
        };
      }
      storeTokens(data);
      const me = await loadMe();
      if (!me) {
        clearSession();
        return { ok: false, status: 500, problem: asProblem(undefined, 500) };
      }
      setDeviceAccount(me.accountId);
      setState({ status: 'signedIn', me, loadedAt: Date.now() });
      return { ok: true };
    } catch {
      return { ok: false, status: 0, problem: NETWORK_PROBLEM };
    }
  }, []);

  const signOut = useCallback(async () => {
    signingOut.current = true;
    const account = deviceAccount();
    try {
      // Sign-out needs a live access token; renewing rotates the refresh token, so read it after.
      if (accessTokenExpired() && getRefreshToken()) await refreshSession();
      const refreshToken = getRefreshToken();
      if (refreshToken) await api.POST('/api/v1/auth/sign-out', { body: { refreshToken } });
    } catch {
      // Offline: the tokens are forgotten here all the same; the refresh token expires on its own.
    } finally {
      // A deliberate sign-out: this account's drafts, queued writes and key go (data minimisation).
      // The sign-out page has asked first whenever any of it had not reached the service.
      setDeviceAccount(null);
      if (account) await wipeAccountData(account).catch(() => undefined);
      clearSession();
      signingOut.current = false;
      setState({ status: 'signedOut', reason: 'signedOut' });
    }
  }, []);

  const reloadMe = useCallback(async () => {
    const me = await loadMe().catch(() => null);
    if (me) setState({ status: 'signedIn', me, loadedAt: Date.now() });
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, reloadMe }), [state, signIn, signOut, reloadMe]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

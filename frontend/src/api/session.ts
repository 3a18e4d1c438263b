/**
 * The signed-in session's tokens.
 *
 * The access token lives in memory only (never in storage). The refresh token is kept in
 * sessionStorage so a reload of this tab can sign back in; it is rotated on every refresh,
 * so the stored one is always the newest. Closing the tab forgets it.
 */
import type { components } from './schema';

export type TokenPair = components['schemas']['TokenPair'];

const REFRESH_KEY = 'supervision.refreshToken';

let accessToken: string | null = null;
let accessExpiresAt = 0;
const listeners = new Set<() => void>();

export function getAccessToken(): string | null {
  return accessToken;
}

/** True when the in-memory access token is missing or about to expire. */
export function accessTokenExpired(now = Date.now()): boolean {
  return accessToken === null || now >= accessExpiresAt;
}

export function getRefreshToken(): string | null {
  try {
    return window.sessionStorage.getItem(REFRESH_KEY);
  } catch {
    return null;
  }
}

export function storeTokens(pair: TokenPair, now = Date.now()): void {
  accessToken = pair.accessToken;
  // Renew a little early so a request never leaves with a token that dies on the way.
  accessExpiresAt = now + Math.max(0, pair.expiresIn - 30) * 1000;
  try {
    window.sessionStorage.setItem(REFRESH_KEY, pair.refreshToken);
  } catch {
    // Storage refused (private mode): the session still works until reload.
  }
}

/** Forgets every token and tells listeners (the app shows the sign-in page). */
export function clearSession(): void {
  const hadSession = accessToken !== null || getRefreshToken() !== null;
  accessToken = null;
  accessExpiresAt = 0;
  try {
    window.sessionStorage.removeItem(REFRESH_KEY);
  } catch {
    // nothing stored
  }
  if (hadSession) listeners.forEach((listener) => listener());
}

/** Called when the session ends on its own (refresh refused). Returns an unsubscribe function. */
export function onSessionEnded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let refreshing: Promise<boolean> | null = null;

/**
 * Exchanges the stored refresh token for a new pair. Concurrent callers share one request:
 * presenting an already-rotated refresh token would revoke the whole sign-in.
 */
export function refreshSession(): Promise<boolean> {
  if (refreshing) return refreshing;
  const refreshToken = getRefreshToken();
  if (!refreshToken) return Promise.resolve(false);
  refreshing = (async () => {
    try {
      const response = await globalThis.fetch(`${globalThis.location?.origin ?? ''}/api/v1/auth/token-refresh`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
      if (response.ok) {
        storeTokens((await response.json()) as TokenPair);
        return true;
      }
      if (response.status === 400 || response.status === 401) clearSession();
      return false;
    } catch {
      // Offline or server down: keep the refresh token so a later try can still work.
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** For tests: back to a fresh page load. */
export function resetSessionForTests(): void {
  accessToken = null;
  accessExpiresAt = 0;
  refreshing = null;
  listeners.clear();
}

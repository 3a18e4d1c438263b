import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { api } from '../../api/client';
import { getAccessToken, storeTokens } from '../../api/session';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';

describe('Session', () => {
  it('signs back in after a reload with the stored refresh token, and stores the rotated one', async () => {
    withStoredRefreshToken('refresh-0');
    const mock = mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
    });
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'My supervision' })).toBeInTheDocument();
    expect(mock.callsTo('POST /api/v1/auth/token-refresh')).toHaveLength(1);
    expect(mock.callsTo('POST /api/v1/auth/token-refresh')[0]?.body).toEqual({ refreshToken: 'refresh-0' });
    expect(window.sessionStorage.getItem('supervision.refreshToken')).toBe('refresh-1');
  });

  it('goes to sign in when the stored refresh token is refused', async () => {
    withStoredRefreshToken('refresh-old');
    mockApi({ 'POST /api/v1/auth/token-refresh': problem(401, 'Unauthorized') });
    renderApp('/teams');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(new URLSearchParams(window.location.search).get('returnTo')).toBe('/teams');
    expect(window.sessionStorage.getItem('supervision.refreshToken')).toBeNull();
  });

  it('renews the access token once on a 401 and repeats the call', async () => {
    storeTokens({ ...TOKENS, accessToken: 'stale', refreshToken: 'refresh-0' });
    const mock = mockApi({
      'POST /api/v1/auth/token-refresh': json({ ...TOKENS, accessToken: 'fresh', refreshToken: 'refresh-2' }),
      'GET /api/v1/me': (request) =>
        request.headers.get('Authorization') === 'Bearer fresh' ? json(PRIYA) : problem(401, 'Unauthorized'),
    });
    const [a, b] = await Promise.all([api.GET('/api/v1/me'), api.GET('/api/v1/me')]);
    expect(a.data?.displayName).toBe('Priya Shah');
    expect(b.data?.displayName).toBe('Priya Shah');
    // Two calls failed together but the refresh token was used once: reuse would revoke the sign-in.
    expect(mock.callsTo('POST /api/v1/auth/token-refresh')).toHaveLength(1);
    expect(getAccessToken()).toBe('fresh');
    expect(window.sessionStorage.getItem('supervision.refreshToken')).toBe('refresh-2');
  });

  it('does not loop when the repeated call is refused again', async () => {
    storeTokens({ ...TOKENS, refreshToken: 'refresh-0' });
    const mock = mockApi({
      'POST /api/v1/auth/token-refresh': json({ ...TOKENS, accessToken: 'fresh' }),
      'GET /api/v1/me': problem(401, 'Unauthorized'),
    });
    const { response } = await api.GET('/api/v1/me');
    expect(response.status).toBe(401);
    expect(mock.callsTo('GET /api/v1/me')).toHaveLength(2);
    expect(mock.callsTo('POST /api/v1/auth/token-refresh')).toHaveLength(1);
  });

  it('signs out: revokes the refresh token on the server and forgets everything', async () => {
    withStoredRefreshToken('refresh-0');
    const mock = mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      'POST /api/v1/auth/sign-out': { status: 204 },
    });
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'My supervision' });
    await userEvent.setup().click(screen.getByRole('link', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByText('You have signed out')).toBeInTheDocument();
    const signOut = mock.callsTo('POST /api/v1/auth/sign-out')[0];
    expect(signOut?.body).toEqual({ refreshToken: 'refresh-1' });
    expect(signOut?.headers.get('Authorization')).toBe('Bearer access-1');
    await waitFor(() => expect(getAccessToken()).toBeNull());
    expect(window.sessionStorage.getItem('supervision.refreshToken')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Sign out' })).toBeNull();
  });
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { clearSession, getAccessToken, storeTokens } from '../../api/session';
import { accessTokenFor, PRIYA, SAM, TOKENS } from '../../test/fixtures';
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
    const stale = accessTokenFor(PRIYA.accountId, 1);
    const fresh = accessTokenFor(PRIYA.accountId, 2);
    storeTokens({ ...TOKENS, accessToken: stale, refreshToken: 'refresh-0' });
    const mock = mockApi({
      'POST /api/v1/auth/token-refresh': json({ ...TOKENS, accessToken: fresh, refreshToken: 'refresh-2' }),
      'GET /api/v1/me': (request) =>
        request.headers.get('Authorization') === `Bearer ${fresh}` ? json(PRIYA) : problem(401, 'Unauthorized'),
    });
    const [a, b] = await Promise.all([api.GET('/api/v1/me'), api.GET('/api/v1/me')]);
    expect(a.data?.displayName).toBe('Priya Shah');
    expect(b.data?.displayName).toBe('Priya Shah');
    // Two calls failed together but the refresh token was used once: reuse would revoke the sign-in.
    expect(mock.callsTo('POST /api/v1/auth/token-refresh')).toHaveLength(1);
    expect(getAccessToken()).toBe(fresh);
    expect(window.sessionStorage.getItem('supervision.refreshToken')).toBe('refresh-2');
  });

  it('repeats a refused call with a token another call renewed meanwhile, for the same account', async () => {
    const first = accessTokenFor(PRIYA.accountId, 1);
    const renewed = accessTokenFor(PRIYA.accountId, 2);
    storeTokens({ ...TOKENS, accessToken: first });
    let answer: (r: { status: number }) => void = () => {};
    const mock = mockApi({
      'PUT /api/v1/sessions/:id/record': (request) =>
        request.headers.get('Authorization') === `Bearer ${renewed}`
          ? json({ entries: [] })
          : new Promise((resolve) => { answer = () => resolve(problem(401, 'Unauthorized')); }),
    });
    const sending = api.PUT('/api/v1/sessions/{sessionId}/record', {
      params: { path: { sessionId: 's-1' }, header: { 'If-Match': '"v1"' } },
      body: { entries: [], personalIssuesDiscussed: false, actionReviews: [] },
    } as never);
    await vi.waitFor(() => expect(mock.callsTo('PUT /api/v1/sessions/:id/record')).toHaveLength(1));
    storeTokens({ ...TOKENS, accessToken: renewed });
    answer({ status: 401 });
    const { response } = await sending;
    expect(response.status).toBe(200);
    expect(mock.callsTo('PUT /api/v1/sessions/:id/record').map((c) => c.headers.get('Authorization'))).toEqual([
      `Bearer ${first}`,
      `Bearer ${renewed}`,
    ]);
  });

  it('never repeats one account\'s refused call with the token of another who signed in meanwhile', async () => {
    const priyas = accessTokenFor(PRIYA.accountId);
    const sams = accessTokenFor(SAM.accountId);
    storeTokens({ ...TOKENS, accessToken: priyas, refreshToken: 'refresh-priya' });
    let answer: () => void = () => {};
    const mock = mockApi({
      'PUT /api/v1/sessions/:id/record': (request) =>
        request.headers.get('Authorization') === `Bearer ${priyas}`
          ? new Promise((resolve) => { answer = () => resolve(problem(401, 'Unauthorized')); })
          : json({ entries: [] }),
      'POST /api/v1/auth/token-refresh': json({ ...TOKENS, accessToken: accessTokenFor(SAM.accountId, 2) }),
    });
    // Priya's queued write is on its way when her session ends and Sam signs in on the same tablet.
    const sending = api.PUT('/api/v1/sessions/{sessionId}/record', {
      params: { path: { sessionId: 's-1' }, header: { 'If-Match': '"v1"' } },
      body: { entries: [], personalIssuesDiscussed: false, actionReviews: [] },
    } as never);
    await vi.waitFor(() => expect(mock.callsTo('PUT /api/v1/sessions/:id/record')).toHaveLength(1));
    clearSession();
    storeTokens({ ...TOKENS, accessToken: sams, refreshToken: 'refresh-sam' });
    answer();
    const { response } = await sending;

    expect(response.status).toBe(401);
    expect(mock.callsTo('PUT /api/v1/sessions/:id/record').map((c) => c.headers.get('Authorization'))).toEqual([`Bearer ${priyas}`]);
    // Nor is Sam's session renewed on Priya's behalf.
    expect(mock.callsTo('POST /api/v1/auth/token-refresh')).toHaveLength(0);
    expect(getAccessToken()).toBe(sams);
  });

  it('does not loop when the repeated call is refused again', async () => {
    storeTokens({ ...TOKENS, accessToken: accessTokenFor(PRIYA.accountId, 1), refreshToken: 'refresh-0' });
    const mock = mockApi({
      'POST /api/v1/auth/token-refresh': json({ ...TOKENS, accessToken: accessTokenFor(PRIYA.accountId, 2) }),
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
    await userEvent.setup().click(await screen.findByRole('link', { name: 'Sign out' }));
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

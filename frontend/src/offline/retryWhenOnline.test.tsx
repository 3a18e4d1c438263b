// A page that failed to load offline loads again by itself when the connection returns.
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PRIYA, TOKENS } from '../test/fixtures';
import { json, mockApi } from '../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../test/renderApp';
import { agreement, templateRoutes } from '../features/agreements/agreementFixtures';

const AGREEMENT_ID = '00000000-0000-4000-8000-000000000001';

describe('Back online', () => {
  it('loads again the page that showed "You are offline", without a reload', async () => {
    withStoredRefreshToken();
    let offline = true;
    mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      'GET /api/v1/staff/:id': () => {
        if (offline) throw new TypeError('Failed to fetch');
        return json({ ...PRIYA.supervisees[0], version: 1 });
      },
    });
    renderApp(`/staff/${PRIYA.supervisees[0]?.id ?? AGREEMENT_ID}`);
    expect(await screen.findByRole('heading', { name: 'You are offline' })).toBeInTheDocument();

    offline = false;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await screen.findByRole('heading', { level: 1, name: PRIYA.supervisees[0]?.displayName })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'You are offline' })).toBeNull();
  });

  it('starts again a page with its own loader (the agreement) when the connection returns', async () => {
    withStoredRefreshToken();
    let offline = true;
    mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      ...templateRoutes,
      'GET /api/v1/agreements/:id': () => {
        if (offline) throw new TypeError('Failed to fetch');
        return json(agreement({ status: 'ACTIVE' }), 200, { ETag: '"v1"' });
      },
    });
    renderApp('/agreements/ag-1');
    expect(await screen.findByRole('heading', { name: 'You are offline' })).toBeInTheDocument();
    offline = false;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    // The retry waits for the refresh, the templates and the agreement in turn: on a busy machine that can take more
    // than the default second, and the question is whether it comes back by itself, not how fast.
    expect((await screen.findAllByText('Active', undefined, { timeout: 5000 })).length).toBeGreaterThan(0);
    expect(screen.queryByRole('heading', { name: 'You are offline' })).toBeNull();
  });
});

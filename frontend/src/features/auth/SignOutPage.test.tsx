import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { count, enqueue } from '../../offline/outbox';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';

describe('Signing out with changes waiting to send', () => {
  it('warns first, signs out only when asked, and then deletes what was waiting', async () => {
    withStoredRefreshToken('refresh-0');
    const mock = mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      'POST /api/v1/auth/sign-out': { status: 204 },
    });
    await enqueue({ method: 'PUT', path: '/api/v1/sessions/s-1/record', body: { entries: [] }, ifMatch: '"v1"', label: 'Session record' });

    renderApp('/sign-out');
    expect(await screen.findByRole('heading', { level: 1, name: 'You have 1 change waiting to send' })).toBeInTheDocument();
    expect(screen.getByText(/If you sign out now, it will be deleted from this device/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Go back and send it' })).toHaveAttribute('href', '/outbox');
    expect(mock.callsTo('POST /api/v1/auth/sign-out')).toHaveLength(0);
    expect(await count()).toBe(1);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign out and delete it' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(mock.callsTo('POST /api/v1/auth/sign-out')).toHaveLength(1);
    await waitFor(async () => expect(await count()).toBe(0));
  });

  it('signs straight out when nothing is waiting', async () => {
    withStoredRefreshToken('refresh-0');
    const mock = mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      'POST /api/v1/auth/sign-out': { status: 204 },
    });
    renderApp('/sign-out');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(mock.callsTo('POST /api/v1/auth/sign-out')).toHaveLength(1);
  });
});

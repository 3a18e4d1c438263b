import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { list } from '../../offline/outbox';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { agreement, templateRoutes } from './agreementFixtures';

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

describe('Agreement form offline', () => {
  it('queues "Save draft" while offline and sends it with the draft’s Idempotency-Key when back online', async () => {
    withStoredRefreshToken();
    const api = mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      ...templateRoutes,
      'POST /api/v1/agreements': json(agreement({ id: 'ag-new' }), 201, { ETag: '"1"' }),
      'GET /api/v1/agreements/:id': json(agreement({ id: 'ag-new' }), 200, { ETag: '"1"' }),
    });
    renderApp('/agreements/new?superviseeId=a1');
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'Save draft' });
    act(() => setOnline(false));
    await user.type(screen.getByLabelText('Where supervision usually takes place'), 'Room 2');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('Waiting to send (1)'));
    expect(api.callsTo('POST /api/v1/agreements')).toHaveLength(0);
    const [queued] = await list();
    expect(queued).toMatchObject({ method: 'POST', path: '/api/v1/agreements', body: { superviseeId: 'a1', location: 'Room 2' } });

    act(() => setOnline(true));
    await screen.findByRole('heading', { level: 1, name: 'Supervision agreement' });
    expect(window.location.pathname).toBe('/agreements/ag-new');
    const posts = api.callsTo('POST /api/v1/agreements');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.headers.get('Idempotency-Key')).toBe(queued?.idempotencyKey);
    expect(await list()).toHaveLength(0);
  });
});

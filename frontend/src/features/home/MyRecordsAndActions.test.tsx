import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SAM, TOKENS } from '../../test/fixtures';
import { json, mockApi } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { session } from '../sessions/sessionFixtures';

describe('Home: records to sign and my open actions', () => {
  it('lists held sessions to sign and open actions, overdue ones tagged', async () => {
    withStoredRefreshToken();
    const api = mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(SAM),
      'GET /api/v1/sessions': (request) =>
        json({ items: request.query.get('status') === 'RECORDED' && request.query.get('superviseeId') ? [session({ id: 's-9', status: 'RECORDED' })] : [] }),
      'GET /api/v1/actions': json({
        items: [
          {
            id: 'x1',
            supervisee: { id: 'a1', displayName: 'Sam Okafor' },
            owner: { id: 'a1', displayName: 'Sam Okafor' },
            text: 'Update the chronology',
            dueDate: '2026-01-01',
            status: 'OPEN',
            overdue: true,
            version: 1,
            createdAt: '2026-01-01T09:00:00Z',
            updatedAt: '2026-01-01T09:00:00Z',
          },
        ],
      }),
    });
    renderApp('/');
    const toSign = await screen.findByTestId('records-to-sign');
    expect(await within(toSign).findByRole('link', { name: /Record of supervision with Priya Shah/ })).toHaveAttribute(
      'href',
      '/sessions/s-9/record',
    );
    const actions = screen.getByTestId('my-open-actions');
    expect(await within(actions).findByText('Overdue')).toHaveClass('govuk-tag--red');
    expect(within(actions).getByText('Update the chronology')).toBeInTheDocument();
    const call = api.callsTo('GET /api/v1/actions')[0];
    expect(call?.query.get('ownerId')).toBe('a1');
    expect(call?.query.get('status')).toBe('OPEN');
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';

const session: Schemas['Session'] = {
  id: 's1', kind: 'ONE_TO_ONE', status: 'PLANNED', supervisor: { id: 'n1', displayName: 'Nadia Khan' },
  supervisees: [{ id: 'a1', displayName: 'Sam Okafor' }], date: '2099-03-27', startTime: '10:00', plannedMinutes: 90,
  location: 'Room 2', version: 1, createdAt: '2026-12-01T10:00:00Z', updatedAt: '2026-12-01T10:00:00Z',
};

const handover: Schemas['SupervisionHandover'] = {
  supervisee: { id: 'a1', displayName: 'Sam Okafor' }, supervisor: { id: 'p1', displayName: 'Priya Shah' },
  openActions: [], unsignedSessions: [], cancelledOnLeaving: [], sessionsToTransfer: [session],
};

describe('Handover', () => {
  it("a server error about the reason links to that session's reason field", async () => {
    withStoredRefreshToken();
    mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      'GET /api/v1/staff/a1/handover': json(handover),
      'POST /api/v1/sessions/s1/transfer': problem(422, 'Unprocessable', {
        errors: [{ pointer: '/reason', message: 'Say why in 500 characters or fewer' }],
      }),
    });
    const user = userEvent.setup();
    renderApp('/staff/a1/handover');
    await user.click(await screen.findByRole('button', { name: /Cancel it/ }));
    await user.type(screen.getByLabelText('Why is it cancelled?'), 'We meet on Tuesdays');
    await user.click(screen.getByRole('button', { name: 'Cancel the session' }));
    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'Say why in 500 characters or fewer' });
    expect(link).toHaveAttribute('href', '#reason-s1');
    expect(document.querySelector(link.getAttribute('href') as string)).not.toBeNull();
  });
});

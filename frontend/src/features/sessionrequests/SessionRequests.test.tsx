import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { PRIYA, SAM, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';

const request = (over: Partial<Schemas['SessionRequest']> = {}): Schemas['SessionRequest'] => ({
  id: 'r1',
  supervisee: { id: 'a1', displayName: 'Sam Okafor' },
  supervisor: { id: 'p1', displayName: 'Priya Shah' },
  reason: 'A hard visit',
  preferredDates: ['2099-03-27'],
  status: 'REQUESTED',
  version: 1,
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
  ...over,
});

function as(me: Schemas['Me'], routes: Record<string, Handler>) {
  withStoredRefreshToken();
  return mockApi({ 'POST /api/v1/auth/token-refresh': json(TOKENS), 'GET /api/v1/me': json(me), ...routes });
}

describe('Extra sessions', () => {
  it('a supervisee asks: the reason is required, then the request goes with the date they prefer', async () => {
    const api = as(SAM, { 'POST /api/v1/session-requests': json(request(), 201) });
    const user = userEvent.setup();
    renderApp('/session-requests/new');
    await screen.findByRole('heading', { level: 1, name: 'Ask for an extra session' });
    await user.click(screen.getByRole('button', { name: 'Send the request' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Say why you would like an extra session' })).toHaveAttribute('href', '#reason');
    expect(api.callsTo('POST /api/v1/session-requests')).toHaveLength(0);

    await user.type(screen.getByLabelText('Why would you like an extra session?'), 'A hard visit');
    const first = screen.getByRole('group', { name: 'Preferred date 1 (optional)' });
    await user.type(within(first).getByLabelText('Day'), '27');
    await user.type(within(first).getByLabelText('Month'), '3');
    await user.type(within(first).getByLabelText('Year'), '2099');
    await user.click(screen.getByRole('button', { name: 'Send the request' }));
    await screen.findByRole('heading', { level: 1, name: 'Request sent' });
    const sent = api.callsTo('POST /api/v1/session-requests');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toEqual({ reason: 'A hard visit', preferredDates: ['2099-03-27'] });
    expect(sent[0]?.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it("the service's error about a date lands on the field it came from, though blank fields are not sent", async () => {
    const api = as(SAM, {
      'POST /api/v1/session-requests': problem(422, 'Unprocessable', {
        errors: [{ pointer: '/preferredDates/0', message: 'A preferred date is from today to a year ahead.' }],
      }),
    });
    const user = userEvent.setup();
    renderApp('/session-requests/new');
    await user.type(await screen.findByLabelText('Why would you like an extra session?'), 'A hard visit');
    const third = screen.getByRole('group', { name: 'Preferred date 3 (optional)' });
    await user.type(within(third).getByLabelText('Day'), '27');
    await user.type(within(third).getByLabelText('Month'), '3');
    await user.type(within(third).getByLabelText('Year'), '2099');
    await user.click(screen.getByRole('button', { name: 'Send the request' }));
    const summary = await screen.findByRole('alert');
    expect(api.callsTo('POST /api/v1/session-requests')[0]?.body).toEqual({ reason: 'A hard visit', preferredDates: ['2099-03-27'] });
    expect(within(summary).getByRole('link', { name: 'A preferred date is from today to a year ahead.' }))
      .toHaveAttribute('href', '#preferredDates-2-day');
  });

  it('the supervisor books a request on the date offered, and sees it booked', async () => {
    const booked = request({
      status: 'BOOKED',
      version: 2,
      session: {
        id: 's9', kind: 'ONE_TO_ONE', status: 'PLANNED', supervisor: { id: 'p1', displayName: 'Priya Shah' },
        supervisees: [{ id: 'a1', displayName: 'Sam Okafor' }], date: '2099-03-27', startTime: '14:00', plannedMinutes: 90,
        location: 'Room 4', version: 1, createdAt: '2026-12-01T10:00:00Z', updatedAt: '2026-12-01T10:00:00Z',
      },
    });
    const api = as(PRIYA, {
      'GET /api/v1/session-requests/:id': json(request()),
      'POST /api/v1/session-requests/:id/booking': json(booked),
    });
    const user = userEvent.setup();
    renderApp('/session-requests/r1');
    await screen.findByRole('heading', { level: 1, name: 'Request for an extra session' });
    await user.click(screen.getByRole('button', { name: 'Book the session' }));
    expect(screen.getByLabelText('Day')).toHaveValue('27');
    await user.type(screen.getByLabelText('Start time'), '2pm');
    await user.type(screen.getByLabelText('Where'), 'Room 4');
    await user.click(screen.getByRole('button', { name: 'Book it' }));
    await screen.findByText('Extra session booked');
    const post = api.callsTo('POST /api/v1/session-requests/:id/booking')[0];
    expect(post?.body).toEqual({ date: '2099-03-27', startTime: '14:00', plannedMinutes: 90, location: 'Room 4' });
    expect(post?.headers.get('If-Match')).toBe('"v1"');
    expect(screen.getByRole('link', { name: /Room 4/ })).toHaveAttribute('href', '/sessions/s9');
  });
});

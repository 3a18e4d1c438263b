import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { actionsFor } from './SessionPage';
import { session } from './sessionFixtures';

function signedIn(routes: Record<string, Handler>) {
  withStoredRefreshToken();
  return mockApi({ 'POST /api/v1/auth/token-refresh': json(TOKENS), 'GET /api/v1/me': json(PRIYA), ...routes });
}

describe('Session page', () => {
  it('offers actions by status and date', () => {
    expect(actionsFor(session({ date: '2026-12-08' }), '2026-12-08')).toEqual(['held', 'reschedule', 'postpone', 'cancel']);
    expect(actionsFor(session({ date: '2026-12-09' }), '2026-12-08')).toEqual(['reschedule', 'postpone', 'cancel']);
    expect(actionsFor(session({ status: 'POSTPONED', date: '2026-12-01' }), '2026-12-08')).toEqual(['held', 'reschedule', 'cancel']);
    expect(actionsFor(session({ status: 'HELD' }), '2026-12-08')).toEqual([]);
  });

  it('records a session as held with If-Match, then shows it held', async () => {
    let held = false;
    const api = signedIn({
      'GET /api/v1/sessions/:id': () =>
        held
          ? json(session({ status: 'HELD', actualMinutes: 75, interruptedBy: 'Duty call', version: 2 }), 200, { ETag: '"2"' })
          : json(session(), 200, { ETag: '"1"' }),
      'POST /api/v1/sessions/:id/held': () => {
        held = true;
        return json(session({ status: 'HELD', version: 2 }), 200, { ETag: '"2"' });
      },
    });
    const user = userEvent.setup();
    renderApp('/sessions/s-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Supervision session' })).toBeInTheDocument();
    // Its day (6 January 2026) has passed without it being held: it says so rather than "Planned".
    expect(screen.getByText('Not recorded as held')).toHaveClass('govuk-tag--red');
    expect(screen.getByText('Tuesday 6 January 2026')).toBeInTheDocument();
    expect(screen.getByText('2:30pm, 90 minutes planned')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Record as held' }));
    const minutes = screen.getByLabelText('How long it lasted, in minutes');
    expect(minutes).toHaveValue('90');
    await user.clear(minutes);
    await user.type(minutes, '75');
    await user.type(screen.getByLabelText('Interrupted by (optional)'), 'Duty call');
    await user.click(screen.getByRole('button', { name: 'Save as held' }));
    expect(await screen.findByText('Session recorded as held')).toBeInTheDocument();
    const post = api.callsTo('POST /api/v1/sessions/:id/held')[0];
    expect(post?.headers.get('If-Match')).toBe('"1"');
    expect(post?.body).toEqual({ actualMinutes: 75, interruptedBy: 'Duty call' });
    expect(await screen.findByText('Held, record to write')).toBeInTheDocument();
    expect(screen.getByText('75 minutes')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record as held' })).toBeNull();
  });

  it('shows a 409 problem in the error summary, linking its fields', async () => {
    signedIn({
      'GET /api/v1/sessions/:id': json(session({ date: '2099-01-06' }), 200, { ETag: '"1"' }),
      'POST /api/v1/sessions/:id/cancellation': problem(409, 'Conflict', {
        detail: 'This session has already been held.',
        errors: [{ pointer: '/reason', message: 'A held session cannot be cancelled' }],
      }),
    });
    const user = userEvent.setup();
    renderApp('/sessions/s-1');
    await screen.findByRole('heading', { level: 1, name: 'Supervision session' });
    expect(screen.queryByRole('button', { name: 'Record as held' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Cancel session' }));
    await user.click(screen.getByRole('button', { name: 'Cancel the session' }));
    let summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((l) => l.getAttribute('href'))).toEqual(['#cancelledBy', '#reason']);
    await user.click(screen.getByLabelText('The supervisee'));
    await user.type(screen.getByLabelText('Why was it cancelled?'), 'Off sick');
    await user.click(screen.getByRole('button', { name: 'Cancel the session' }));
    summary = await screen.findByRole('alert');
    await within(summary).findByText('This session has already been held.');
    expect(within(summary).getByRole('link', { name: 'A held session cannot be cancelled' })).toHaveAttribute('href', '#reason');
    expect(document.title).toBe('Error: Supervision session – Supervision');
  });

  it('says why a session cannot be changed when someone else changed it (412)', async () => {
    signedIn({
      'GET /api/v1/sessions/:id': json(session({ date: '2099-01-06' }), 200, { ETag: '"1"' }),
      'POST /api/v1/sessions/:id/postponement': problem(412, 'Precondition failed'),
    });
    const user = userEvent.setup();
    renderApp('/sessions/s-1');
    await screen.findByRole('heading', { level: 1, name: 'Supervision session' });
    await user.click(screen.getByRole('button', { name: 'Postpone' }));
    await user.type(screen.getByLabelText('Why is it postponed?'), 'Court');
    await user.click(screen.getByRole('button', { name: 'Save: postpone' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this session since you opened it.');
  });
  it('links a held session to its record, and a planned one not', async () => {
    signedIn({ 'GET /api/v1/sessions/:id': json(session({ status: 'HELD' }), 200, { ETag: '"2"' }) });
    renderApp('/sessions/s-1');
    const link = await screen.findByTestId('record-link');
    expect(within(link).getByRole('link', { name: 'Write or sign the session record' })).toHaveAttribute('href', '/sessions/s-1/record');
  });
});

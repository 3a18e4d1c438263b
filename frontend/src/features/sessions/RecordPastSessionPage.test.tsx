import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { validatePast } from './RecordPastSessionPage';
import { session } from './sessionFixtures';

function signedIn(routes: Record<string, Handler>) {
  withStoredRefreshToken();
  return mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(PRIYA),
    ...routes,
  });
}

async function fill(user: ReturnType<typeof userEvent.setup>, [d, m, y]: string[]) {
  await user.type(screen.getByLabelText('Day'), d as string);
  await user.type(screen.getByLabelText('Month'), m as string);
  await user.type(screen.getByLabelText('Year'), y as string);
  await user.type(screen.getByLabelText('Time it started'), '9:30am');
  await user.clear(screen.getByLabelText('How long it lasted, in minutes'));
  await user.type(screen.getByLabelText('How long it lasted, in minutes'), '80');
  await user.type(screen.getByLabelText('Where it took place'), 'Room 4');
}

describe('Record a past session', () => {
  it('accepts past dates and today, and refuses the future', () => {
    const base = { startTime: '10:00', actualMinutes: '90', location: 'Room 2', interruptedBy: '' };
    expect(validatePast({ ...base, date: { day: '3', month: '2', year: '2025' } }, '2026-12-01')).toEqual({});
    expect(validatePast({ ...base, date: { day: '1', month: '12', year: '2026' } }, '2026-12-01')).toEqual({});
    expect(validatePast({ ...base, date: { day: '2', month: '12', year: '2026' } }, '2026-12-01').date).toBe(
      'The date the session took place must be today or in the past',
    );
    expect(validatePast({ ...base, date: { day: '31', month: '2', year: '2025' } }, '2026-12-01').date).toBe(
      'The date the session took place must be a real date',
    );
  });

  it('records it as held in one request and opens its record', async () => {
    const api = signedIn({
      'POST /api/v1/sessions': json({ items: [session({ id: 's-past', date: '2025-02-03', status: 'HELD' })] }, 201),
    });
    const user = userEvent.setup();
    renderApp('/sessions/past?superviseeId=a1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Record a past session' })).toBeInTheDocument();
    await fill(user, ['3', '2', '2025']);
    await user.click(screen.getByRole('button', { name: 'Record as held and write the record' }));
    await waitFor(() => expect(window.location.pathname).toBe('/sessions/s-past/record'));
    const post = api.callsTo('POST /api/v1/sessions')[0];
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(post?.body).toEqual({
      superviseeIds: ['a1'],
      date: '2025-02-03',
      startTime: '09:30',
      plannedMinutes: 80,
      location: 'Room 4',
      count: 1,
      held: { actualMinutes: 80 },
    });
  });

  it('under a former supervisor: does not open a record the signed-in person cannot write, and says who writes it', async () => {
    signedIn({
      'POST /api/v1/sessions': json(
        {
          items: [
            session({
              id: 's-old',
              date: '2024-05-07',
              status: 'HELD',
              supervisor: { id: 'o1', displayName: 'Olu Adebayo' },
            }),
          ],
        },
        201,
      ),
    });
    const user = userEvent.setup();
    renderApp('/sessions/past?superviseeId=a1');
    await screen.findByRole('heading', { level: 1, name: 'Record a past session' });
    // Said before submitting: the supervisor of that date writes the record, which may not be you.
    expect(screen.getByText(/If someone else supervised Sam Okafor on that date/)).toBeInTheDocument();
    await fill(user, ['7', '5', '2024']);
    await user.click(screen.getByRole('button', { name: 'Record as held and write the record' }));
    const banner = await screen.findByRole('alert');
    expect(within(banner).getByText('Session recorded as held with Olu Adebayo')).toBeInTheDocument();
    expect(within(banner).getByText(/Olu Adebayo and Sam Okafor write and sign its record/)).toBeInTheDocument();
    expect(within(banner).getByRole('link', { name: 'View the session' })).toHaveAttribute('href', '/sessions/s-old');
    expect(window.location.pathname).toBe('/sessions/past');
    // The form is gone: nothing left to submit twice.
    expect(screen.queryByRole('button', { name: 'Record as held and write the record' })).not.toBeInTheDocument();
  });

  it('puts the API’s refusal (before the employment start) on the date', async () => {
    signedIn({
      'POST /api/v1/sessions': problem(422, 'Breaks a business rule', {
        detail: 'The request breaks a business rule.',
        errors: [{ pointer: '/date', message: 'The date 3 February 2015 is before Sam Okafor started on 1 March 2021.' }],
      }),
    });
    const user = userEvent.setup();
    renderApp('/sessions/past?superviseeId=a1');
    await screen.findByRole('heading', { level: 1, name: 'Record a past session' });
    await fill(user, ['3', '2', '2015']);
    await user.click(screen.getByRole('button', { name: 'Record as held and write the record' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: /before Sam Okafor started/ })).toHaveAttribute('href', '#date-day');
  });
});

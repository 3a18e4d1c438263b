import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { validatePlan } from './PlanSessionsPage';
import { schedule, session } from './sessionFixtures';

function signedIn(routes: Record<string, Handler>) {
  withStoredRefreshToken();
  return mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(PRIYA),
    'GET /api/v1/staff/:id/schedule': json(schedule({ interval: 'P28D', nextDue: '2026-12-08' })),
    ...routes,
  });
}

async function fill(user: ReturnType<typeof userEvent.setup>, date = ['6', '6', '2028']) {
  await user.type(screen.getByLabelText('Day'), date[0] as string);
  await user.type(screen.getByLabelText('Month'), date[1] as string);
  await user.type(screen.getByLabelText('Year'), date[2] as string);
  await user.type(screen.getByLabelText('Start time'), '2:30pm');
  await user.type(screen.getByLabelText('Where the session takes place'), 'Room 2');
}

describe('Plan sessions', () => {
  it('checks the form before sending, with an error summary linking to each field', async () => {
    const api = signedIn({});
    const user = userEvent.setup();
    renderApp('/sessions/new?superviseeId=a1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Plan supervision sessions' })).toBeInTheDocument();
    expect(screen.getByLabelText('Planned length, in minutes')).toHaveValue('90');
    expect(screen.getByLabelText('How many sessions to book')).toHaveValue('1');
    await user.clear(screen.getByLabelText('How many sessions to book'));
    await user.type(screen.getByLabelText('How many sessions to book'), '13');
    await user.click(screen.getByRole('button', { name: 'Book sessions' }));
    const summary = await screen.findByRole('alert');
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Enter the date of the first session', '#date-day'],
      ['Enter the start time', '#startTime'],
      ['Enter where the session takes place', '#location'],
      ['How many sessions to book must be a whole number between 1 and 12', '#count'],
    ]);
    expect(document.title).toBe('Error: Plan supervision sessions – Supervision');
    expect(api.callsTo('POST /api/v1/sessions')).toHaveLength(0);
  });

  it('points a session that already happened to its own path', async () => {
    signedIn({});
    renderApp('/sessions/new?superviseeId=a1');
    await screen.findByRole('heading', { level: 1, name: 'Plan supervision sessions' });
    expect(screen.getByRole('link', { name: 'Record a past session' })).toHaveAttribute('href', '/sessions/past?superviseeId=a1');
  });

  it('rejects dates that are not real or in the past', () => {
    const base = { startTime: '10:00', plannedMinutes: '90', location: 'Room 2', count: '1' };
    expect(validatePlan({ ...base, date: { day: '31', month: '2', year: '2027' } }, '2026-12-01').date).toBe(
      'The date of the first session must be a real date',
    );
    expect(validatePlan({ ...base, date: { day: '30', month: '11', year: '2026' } }, '2026-12-01').date).toBe(
      'The date of the first session must be today or in the future. To enter one that already happened, record a past session',
    );
    expect(validatePlan({ ...base, date: { day: '1', month: '12', year: '2026' } }, '2026-12-01')).toEqual({});
    expect(validatePlan({ ...base, plannedMinutes: '5', date: { day: '1', month: '12', year: '2026' } }, '2026-12-01').plannedMinutes).toMatch(
      /between 15 and 480/,
    );
  });

  it('shows the dates a series will book, resends with the same Idempotency-Key, and confirms the booked dates', async () => {
    let attempts = 0;
    const api = signedIn({
      // The server's preview: a new starter's fortnightly step, then four-weekly. The page shows these, not its own sums.
      'GET /api/v1/staff/:id/session-dates': (request) =>
        json({
          items:
            request.query.get('count') === '3' && request.query.get('first') === '2028-06-06'
              ? [
                  { date: '2028-06-06', interval: 'P14D', intervalSource: 'CADENCE_STEP' },
                  { date: '2028-06-20', interval: 'P28D', intervalSource: 'PROFILE' },
                  { date: '2028-07-18', interval: 'P28D', intervalSource: 'PROFILE' },
                ]
              : [{ date: request.query.get('first'), interval: 'P28D', intervalSource: 'PROFILE' }],
        }),
      'POST /api/v1/sessions': () => {
        attempts += 1;
        if (attempts === 1) return problem(503, 'Service unavailable');
        return json(
          {
            items: [
              session({ id: 's-1', date: '2028-06-06' }),
              session({ id: 's-2', date: '2028-06-20' }),
              session({ id: 's-3', date: '2028-07-18' }),
            ],
          },
          201,
        );
      },
    });
    const user = userEvent.setup();
    renderApp('/sessions/new?superviseeId=a1');
    await screen.findByRole('heading', { level: 1, name: 'Plan supervision sessions' });
    await fill(user);
    await user.clear(screen.getByLabelText('How many sessions to book'));
    await user.type(screen.getByLabelText('How many sessions to book'), '3');
    await waitFor(() =>
      expect(screen.getByTestId('count-hint')).toHaveTextContent(
        'Sessions are booked at Sam Okafor’s interval, now 4 weeks. This will book: Tuesday 6 June 2028; Tuesday 20 June 2028; Tuesday 18 July 2028.',
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Book sessions' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Service unavailable');
    await user.click(screen.getByRole('button', { name: 'Book sessions' }));
    expect(await screen.findByRole('heading', { level: 1, name: '3 sessions booked' })).toBeInTheDocument();
    const posts = api.callsTo('POST /api/v1/sessions');
    expect(posts).toHaveLength(2);
    const key = posts[0]?.headers.get('Idempotency-Key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[1]?.headers.get('Idempotency-Key')).toBe(key);
    expect(posts[1]?.body).toEqual({
      superviseeIds: ['a1'],
      date: '2028-06-06',
      startTime: '14:30',
      plannedMinutes: 90,
      location: 'Room 2',
      count: 3,
    });
    const booked = screen.getByTestId('booked-dates');
    expect(within(booked).getAllByRole('link').map((l) => l.textContent)).toEqual([
      'Tuesday 6 June 2028 at 2:30pm',
      'Tuesday 20 June 2028 at 2:30pm',
      'Tuesday 18 July 2028 at 2:30pm',
    ]);
  });

  it('links the API’s field errors (422) to the fields', async () => {
    signedIn({
      'POST /api/v1/sessions': problem(422, 'Invalid', {
        detail: 'The session could not be booked.',
        errors: [{ pointer: '/location', message: 'Enter a location of 300 characters or fewer' }],
      }),
    });
    const user = userEvent.setup();
    renderApp('/sessions/new?superviseeId=a1');
    await screen.findByRole('heading', { level: 1, name: 'Plan supervision sessions' });
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Book sessions' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('The session could not be booked.');
    expect(within(summary).getByRole('link', { name: 'Enter a location of 300 characters or fewer' })).toHaveAttribute('href', '#location');
  });
});

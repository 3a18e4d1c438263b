import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { PRIYA, SAM } from '../../test/fixtures';
import { json, type Handler } from '../../test/mockApi';
import { session } from '../sessions/sessionFixtures';
import { agendaItem, openRecord, profileWithAgenda, record } from './recordFixtures';

const PROFILE_WITH_AGENDA = profileWithAgenda([agendaItem(1, 'wellbeing', 'Wellbeing', 'How are you?')]);

function open(me: Schemas['Me'], routes: Record<string, Handler> = {}) {
  return openRecord(me, record(), PROFILE_WITH_AGENDA, {
    'GET /api/v1/sessions/:id': json(session({ status: 'HELD', date: '2099-01-06', startTime: '14:30', location: 'Room 2, Civic Centre' })),
    // One session already booked after this one: the cadence continues from it.
    'GET /api/v1/sessions': json({ items: [session({ id: 's-2', date: '2099-02-03' })] }),
    'GET /api/v1/staff/:id/session-dates': json({
      items: [
        { date: '2099-03-03', interval: 'P28D', intervalSource: 'PROFILE' },
        { date: '2099-03-31', interval: 'P28D', intervalSource: 'PROFILE' },
        { date: '2099-04-28', interval: 'P28D', intervalSource: 'PROFILE' },
      ],
    }),
    ...routes,
  });
}

describe('Next sessions at the end of a record', () => {
  it('suggests the next three dates from the server’s cadence and books exactly those in one tap', async () => {
    const api = open(PRIYA, {
      'POST /api/v1/sessions': json(
        {
          items: [
            session({ id: 'n-1', date: '2099-03-03' }),
            session({ id: 'n-2', date: '2099-03-31' }),
            session({ id: 'n-3', date: '2099-04-28' }),
          ],
        },
        201,
      ),
    });
    const user = userEvent.setup();
    const panel = await screen.findByTestId('next-dates');
    expect(within(panel).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Tuesday 3 March 2099',
      'Tuesday 31 March 2099',
      'Tuesday 28 April 2099',
    ]);
    const preview = api.callsTo('GET /api/v1/staff/:id/session-dates')[0];
    expect(preview?.path).toBe('/api/v1/staff/a1/session-dates');
    expect(preview?.query.get('after')).toBe('2099-02-03');
    expect(preview?.query.get('count')).toBe('3');

    await user.click(within(panel).getByRole('button', { name: 'Book these 3 dates' }));
    const booked = await within(panel).findByTestId('next-dates-booked');
    expect(within(booked).getAllByRole('link').map((l) => l.getAttribute('href'))).toEqual(['/sessions/n-1', '/sessions/n-2', '/sessions/n-3']);
    const post = api.callsTo('POST /api/v1/sessions')[0];
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(post?.body).toEqual({
      superviseeIds: ['a1'],
      date: '2099-03-03',
      startTime: '14:30',
      plannedMinutes: 90,
      location: 'Room 2, Civic Centre',
      count: 3,
    });
  });

  it('is not offered to the supervisee, who does not book', async () => {
    const api = open(SAM);
    await screen.findByRole('button', { name: 'Save record' });
    expect(screen.queryByTestId('next-dates')).toBeNull();
    expect(api.callsTo('GET /api/v1/staff/:id/session-dates')).toHaveLength(0);
  });
});

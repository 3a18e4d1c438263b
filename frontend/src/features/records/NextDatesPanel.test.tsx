import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { PRIYA, SAM, TOKENS } from '../../test/fixtures';
import { json, mockApi, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { POLICY, PROFILE } from '../agreements/agreementFixtures';
import { session } from '../sessions/sessionFixtures';

const RECORD: Schemas['SessionRecord'] = {
  sessionId: 's-1',
  status: 'DRAFT',
  templateId: 'tpl-agenda',
  entries: [],
  personalIssuesDiscussed: false,
  confidentialNotesWithheld: false,
  actionReviews: [],
  openActions: [],
  notes: [],
  signatures: [],
  missing: [],
  version: 1,
  updatedAt: '2026-01-06T16:00:00Z',
};

const PROFILE_WITH_AGENDA = {
  ...PROFILE,
  templates: [
    ...PROFILE.templates,
    {
      id: 'tpl-agenda',
      kind: 'SESSION_AGENDA',
      version: 1,
      title: 'Agenda',
      source: '',
      items: [{ key: 'wellbeing', position: 1, section: 'Wellbeing', label: 'How are you?', answerType: 'FREE_TEXT', required: false }],
    },
  ],
};

function open(me: Schemas['Me'], routes: Record<string, Handler> = {}) {
  withStoredRefreshToken();
  const api = mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(me),
    'GET /api/v1/organisation/policy': json(POLICY),
    'GET /api/v1/policy-profiles/:id': json(PROFILE_WITH_AGENDA),
    'GET /api/v1/sessions/:id/record': json(RECORD, 200, { ETag: '"1"' }),
    'GET /api/v1/sessions/:id': json(session({ status: 'HELD', date: '2099-01-06', startTime: '14:30', location: 'Room 2, Civic Centre' })),
    'GET /api/v1/actions': json({ items: [] }),
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
  renderApp('/sessions/s-1/record');
  return api;
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

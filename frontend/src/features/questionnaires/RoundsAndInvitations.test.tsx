import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { PRIYA, SAM, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { addPeriod, todayIso } from '../sessions/sessions';

const QA: Schemas['Me'] = { ...PRIYA, displayName: 'Quinn Adebayo', roles: ['QA_AUDITOR'], supervisees: [], supervisors: [] };

const SERVICES = {
  items: [
    {
      id: 'aaaaaaaa-0000-4000-8000-000000000001',
      name: 'Children and Families',
      teams: [
        { id: 'bbbbbbbb-0000-4000-8000-000000000001', name: 'Assessment Team 1', staffCount: 6 },
        { id: 'bbbbbbbb-0000-4000-8000-000000000002', name: 'Assessment Team 2', staffCount: 5 },
      ],
    },
    { id: 'aaaaaaaa-0000-4000-8000-000000000002', name: 'Fostering', teams: [] },
  ],
};

function open(path: string, extra: Record<string, Handler> = {}, me: Schemas['Me'] = QA) {
  withStoredRefreshToken();
  const api = mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(me),
    'GET /api/v1/services': json(SERVICES),
    ...extra,
  });
  renderApp(path);
  return api;
}

const parts = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return { day: String(Number(d)), month: String(Number(m)), year: y as string };
};

describe('Issue a Part 2 round', () => {
  it('sends to a team with the last day to answer and confirms with the count', async () => {
    const lastDay = addPeriod(todayIso(), 'P14D');
    const api = open('/questionnaire-rounds/new', {
      'POST /api/v1/questionnaire-rounds': json(
        { id: 'r-1', team: { id: 'bbbbbbbb-0000-4000-8000-000000000001', name: 'Assessment Team 1' }, issuedAt: '2026-12-02T10:00:00Z', expiresOn: lastDay, invitationCount: 6 },
        201,
      ),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText('Every supervisee in a team'));
    await user.selectOptions(screen.getByLabelText('Team'), 'bbbbbbbb-0000-4000-8000-000000000001');
    expect(within(screen.getByLabelText('Team')).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Choose a team',
      'Assessment Team 1 (Children and Families)',
      'Assessment Team 2 (Children and Families)',
    ]);
    const { day, month, year } = parts(lastDay);
    await user.type(screen.getByLabelText('Day'), day);
    await user.type(screen.getByLabelText('Month'), month);
    await user.type(screen.getByLabelText('Year'), year);
    await user.click(screen.getByRole('button', { name: 'Send the questionnaire' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Questionnaire sent to 6 people' })).toBeInTheDocument();
    expect(screen.getByTestId('confirmation')).toHaveTextContent('Every supervisee in Assessment Team 1');
    const posts = api.callsTo('POST /api/v1/questionnaire-rounds');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual({ teamId: 'bbbbbbbb-0000-4000-8000-000000000001', expiresOn: lastDay });
    expect(posts[0]?.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('lists what is missing, refuses a last day more than 90 days ahead, and shows the service’s own errors at the field', async () => {
    const api = open('/questionnaire-rounds/new', {
      'POST /api/v1/questionnaire-rounds': problem(422, 'Unprocessable', { errors: [{ pointer: '/serviceId', message: 'Fostering has no supervisees to send it to.' }] }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Send the questionnaire' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Choose whether to send it to a team or a service', '#scope'],
      ['Enter the last day to answer', '#expires-on-day'],
    ]);
    await user.click(screen.getByLabelText('Every supervisee in a service'));
    await user.selectOptions(screen.getByLabelText('Service'), 'aaaaaaaa-0000-4000-8000-000000000002');
    const { day, month, year } = parts(addPeriod(todayIso(), 'P120D'));
    await user.type(screen.getByLabelText('Day'), day);
    await user.type(screen.getByLabelText('Month'), month);
    await user.type(screen.getByLabelText('Year'), year);
    await user.click(screen.getByRole('button', { name: 'Send the questionnaire' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/The last day to answer must be the same as or before/));
    expect(api.callsTo('POST /api/v1/questionnaire-rounds')).toHaveLength(0);

    const ok = parts(addPeriod(todayIso(), 'P30D'));
    await user.clear(screen.getByLabelText('Day'));
    await user.type(screen.getByLabelText('Day'), ok.day);
    await user.clear(screen.getByLabelText('Month'));
    await user.type(screen.getByLabelText('Month'), ok.month);
    await user.clear(screen.getByLabelText('Year'));
    await user.type(screen.getByLabelText('Year'), ok.year);
    await user.click(screen.getByRole('button', { name: 'Send the questionnaire' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Fostering has no supervisees to send it to.'));
    expect(within(screen.getByRole('alert')).getByRole('link')).toHaveAttribute('href', '#service-id');
    expect(screen.getByLabelText('Service').closest('.govuk-form-group')).toHaveClass('govuk-form-group--error');
  });
});

const INVITATIONS: Schemas['QuestionnaireInvitationPage'] = {
  items: [
    { id: 'i-1', invitee: { id: 'a1', displayName: 'Sam Okafor' }, auditId: 'au-1', issuedAt: '2026-11-02T10:00:00Z', expiresAt: '2026-11-16T23:59:59Z', status: 'EXPIRED', remindedAt: '2026-11-09T08:00:00Z' },
    { id: 'i-2', invitee: { id: 'a2', displayName: 'Jordan Reid' }, roundId: 'r-1', issuedAt: '2026-12-01T10:00:00Z', expiresAt: '2026-12-16T23:59:59Z', status: 'OPEN' },
  ],
  nextCursor: 'next-1',
};

describe('Part 2 questionnaires sent', () => {
  it('lists the open invitations by default with status tags in words, reminders, and more on request', async () => {
    const api = open('/questionnaire-invitations', {
      'GET /api/v1/questionnaire-invitations': (request) =>
        request.query.get('cursor')
          ? json({ items: [{ id: 'i-3', invitee: { id: 'a3', displayName: 'Alex Morgan' }, roundId: 'r-1', issuedAt: '2026-12-01T10:00:00Z', expiresAt: '2026-12-16T23:59:59Z', status: 'ANSWERED' }] })
          : json(INVITATIONS),
    });
    const table = await screen.findByRole('table');
    expect(api.callsTo('GET /api/v1/questionnaire-invitations')[0]?.query.get('status')).toBe('OPEN');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent?.replace(/^(Sent|Last day to answer|Reminded|Sent after|Status)/, '')))).toEqual([
      ['2 November 2026', '16 November 2026', '9 November 2026', 'An audit of their file', 'Expired'],
      ['1 December 2026', '16 December 2026', 'Not yet', 'A round', 'Open'],
    ]);
    expect(document.body.textContent).not.toMatch(/EXPIRED|ANSWERED|OPEN\b/);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('Alex Morgan')).toBeInTheDocument();
    expect(within(screen.getByRole('table')).getByText('Answered')).toHaveClass('govuk-tag--green');
    expect(api.callsTo('GET /api/v1/questionnaire-invitations')[1]?.query.get('cursor')).toBe('next-1');
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('filters by status', async () => {
    const api = open('/questionnaire-invitations?status=all', { 'GET /api/v1/questionnaire-invitations': json({ items: [] }) });
    expect(await screen.findByTestId('no-invitations')).toHaveTextContent('There are no questionnaires to show.');
    expect(api.callsTo('GET /api/v1/questionnaire-invitations')[0]?.query.has('status')).toBe(false);
    await userEvent.setup().click(screen.getByRole('link', { name: 'Expired' }));
    await waitFor(() => expect(api.callsTo('GET /api/v1/questionnaire-invitations')[1]?.query.get('status')).toBe('EXPIRED'));
  });
});

describe('Home: Part 2', () => {
  it('shows a card per open questionnaire, with a Reminder tag once reminded', async () => {
    open('/', {
      'GET /api/v1/questionnaires': json({
        items: [
          { invitationId: 'q-1', issuedAt: '2026-11-20T10:00:00Z', expiresAt: '2026-12-04T23:59:59Z', remindedAt: '2026-11-27T08:00:00Z' },
          { invitationId: 'q-2', issuedAt: '2026-12-01T10:00:00Z', expiresAt: '2026-12-16T23:59:59Z' },
        ],
      }),
    }, SAM);
    const cards = await screen.findAllByTestId('questionnaire-card');
    expect(cards).toHaveLength(2);
    expect(within(cards[0] as HTMLElement).getByRole('link')).toHaveTextContent('A questionnaire about your supervision: answer by Friday 4 December 2026');
    expect(within(cards[0] as HTMLElement).getByRole('link')).toHaveAttribute('href', '/questionnaires/q-1');
    expect(within(cards[0] as HTMLElement).getByText('Reminder')).toHaveClass('govuk-tag');
    expect(within(cards[1] as HTMLElement).queryByText('Reminder')).toBeNull();
    // A practitioner sees no results or QA links.
    expect(screen.queryByTestId('questionnaire-links')).toBeNull();
  });

  it('links QA to the results, sending a round and the questionnaires sent', async () => {
    open('/', { 'GET /api/v1/questionnaires': json({ items: [] }) });
    const links = await screen.findByTestId('questionnaire-links');
    expect(within(links).getAllByRole('link').map((l) => l.getAttribute('href'))).toEqual([
      '/questionnaire-results',
      '/questionnaire-rounds/new',
      '/questionnaire-invitations',
    ]);
    expect(screen.queryByTestId('my-questionnaires')).toBeNull();
  });
});

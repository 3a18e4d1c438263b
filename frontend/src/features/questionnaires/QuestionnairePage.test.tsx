import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../api/client';
import { listDrafts, readDraft } from '../../offline/drafts';
import { list } from '../../offline/outbox';
import { SAM, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { INVITATION_ID, WHO_SEES, questionnaire } from './questionnaireFixtures';
import { questionnaireDraftKey, type QuestionnaireDraft } from './questionnaires';

const PATH = `/questionnaires/${INVITATION_ID}`;
const RECEIPT = { invitationId: INVITATION_ID, whoSeesAnswers: 'Only the quality assurance team sees your answers. They are not shared with your manager.' };

function open(q: Schemas['Questionnaire'] = questionnaire(), extra: Record<string, Handler> = {}) {
  withStoredRefreshToken();
  const api = mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(SAM),
    'GET /api/v1/questionnaires/:id': json(q),
    ...extra,
  });
  renderApp(PATH);
  return api;
}

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

const statement = (n: number) => screen.getByRole('group', { name: new RegExp(`^${n}\\. `) });

async function answerAll(user: ReturnType<typeof userEvent.setup>, except: number[] = []) {
  for (let n = 1; n <= 9; n++) {
    if (except.includes(n)) continue;
    await user.click(within(statement(n)).getByLabelText(n % 2 ? 'Good' : 'Very good'));
  }
}

describe('Part 2 questionnaire page', () => {
  it('opens straight onto the nine statements with the API’s words, the guidance collapsed and no service navigation', async () => {
    open();
    expect(await screen.findByRole('heading', { level: 1, name: 'Your supervision: Part 2 questionnaire' })).toBeInTheDocument();
    expect(document.querySelectorAll('fieldset')).toHaveLength(9);
    const first = statement(1);
    expect(within(first).getAllByRole('radio').map((r) => r.closest('.govuk-radios__item')?.textContent)).toEqual([
      'Very good',
      'Good',
      'Satisfactory',
      'Poor',
      'Very poor',
    ]);
    expect(document.body.textContent).not.toMatch(/VERY_GOOD|VERY_POOR|SATISFACTORY/);
    const guidance = screen.getByTestId('guidance') as HTMLDetailsElement;
    expect(guidance.open).toBe(false);
    expect(within(guidance).getByText('The purposes of supervision')).toBeInTheDocument();
    expect(screen.getByTestId('answer-by')).toHaveTextContent('Answer by Wednesday 16 December 2026.');
    expect(screen.getByTestId('who-sees')).toHaveTextContent(WHO_SEES);
    expect(screen.queryByRole('link', { name: 'My supervision' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Send my answers' })).toBeInTheDocument();
  });

  it('lists each unanswered statement in an error summary linking to it, and sends nothing', async () => {
    const api = open();
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'Send my answers' });
    await answerAll(user, [3, 7]);
    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    const summary = await screen.findByRole('alert');
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Choose an answer for statement 3', '#statement-s3'],
      ['Choose an answer for statement 7', '#statement-s7'],
    ]);
    expect(within(statement(3)).getByText(/Choose an answer for statement 3/)).toBeInTheDocument();
    expect(document.getElementById('statement-s3')).toHaveAttribute('type', 'radio');
    expect(document.title).toMatch(/^Error: /);
    expect(api.callsTo('POST /api/v1/questionnaires/:id/response')).toHaveLength(0);
  });

  it('sends the answers once with an Idempotency-Key and confirms who will see them', async () => {
    const api = open(questionnaire(), { 'POST /api/v1/questionnaires/:id/response': json(RECEIPT, 201) });
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'Send my answers' });
    await answerAll(user);
    await user.type(screen.getByLabelText(/Anything else you want to say/), 'More time for reflection please');
    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Thank you - your answers have been sent' })).toBeInTheDocument();
    expect(screen.getByTestId('who-sees')).toHaveTextContent(RECEIPT.whoSeesAnswers);
    const posts = api.callsTo('POST /api/v1/questionnaires/:id/response');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.headers.get('Idempotency-Key')).toBeTruthy();
    expect(posts[0]?.body).toEqual({
      answers: Array.from({ length: 9 }, (_, i) => ({ key: `s${i + 1}`, value: (i + 1) % 2 ? 'GOOD' : 'VERY_GOOD' })),
      comment: 'More time for reflection please',
    });
    await waitFor(async () => expect(await readDraft(questionnaireDraftKey(INVITATION_ID))).toBeNull());
  });

  it('keeps typed answers on the device across a reload, and offline queues them as "Waiting to send" until the connection returns', async () => {
    const api = open(questionnaire(), { 'POST /api/v1/questionnaires/:id/response': json(RECEIPT, 201) });
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'Send my answers' });
    await user.click(within(statement(1)).getByLabelText('Poor'));
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/^Saved on this device \d/));
    const kept = await readDraft<QuestionnaireDraft>(questionnaireDraftKey(INVITATION_ID));
    expect(kept?.answers).toEqual({ s1: 'POOR' });
    expect((await listDrafts()).map((d) => d.label)).toEqual(['Part 2 questionnaire: your answers']);

    // Offline: the rest answered, "Send my answers" waits in the outbox.
    act(() => setOnline(false));
    await answerAll(user, [1]);
    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('Waiting to send (1)'));
    expect(screen.getByText('Your answers are waiting to send')).toBeInTheDocument();
    expect(api.callsTo('POST /api/v1/questionnaires/:id/response')).toHaveLength(0);
    const queued = await list();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ method: 'POST', path: `/api/v1/questionnaires/${INVITATION_ID}/response`, state: 'pending' });
    expect((queued[0]?.body as Schemas['QuestionnaireResponseCreate']).answers[0]).toEqual({ key: 's1', value: 'POOR' });
    expect(queued[0]?.idempotencyKey).toBe(kept?.idempotencyKey);

    act(() => setOnline(true));
    expect(await screen.findByRole('heading', { level: 1, name: 'Thank you - your answers have been sent' })).toBeInTheDocument();
    const posts = api.callsTo('POST /api/v1/questionnaires/:id/response');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.headers.get('Idempotency-Key')).toBe(kept?.idempotencyKey);
    expect(await list()).toHaveLength(0);
    await waitFor(async () => expect(await readDraft(questionnaireDraftKey(INVITATION_ID))).toBeNull());
  });

  it('opens the answers typed earlier on this device', async () => {
    open();
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'Send my answers' });
    await user.click(within(statement(4)).getByLabelText('Satisfactory'));
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/Saved on this device/));
    // The page again, as after a reload.
    window.history.pushState(null, '', '/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.history.pushState(null, '', PATH);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await waitFor(() => expect(within(statement(4)).getByLabelText('Satisfactory')).toBeChecked());
  });

  it('says when the questionnaire was already answered (also on a 409) or has expired', async () => {
    open(questionnaire({ status: 'ANSWERED' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'You have already answered this questionnaire' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send my answers' })).toBeNull();
  });

  it('shows an expired questionnaire as closed with its last day', async () => {
    open(questionnaire({ status: 'EXPIRED' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'This questionnaire has closed' })).toBeInTheDocument();
    expect(screen.getByText('The last day to answer it was Wednesday 16 December 2026.')).toBeInTheDocument();
  });

  it('a second answer (409) shows the already answered page', async () => {
    open(questionnaire(), { 'POST /api/v1/questionnaires/:id/response': problem(409, 'Conflict', { detail: 'Already answered' }) });
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'Send my answers' });
    await answerAll(user);
    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'You have already answered this questionnaire' })).toBeInTheDocument();
  });

  it('a questionnaire that closed while the form was open shows the closed page', async () => {
    open(questionnaire({ expiresAt: '2026-01-01T00:00:00Z' }), {
      'POST /api/v1/questionnaires/:id/response': problem(422, 'Unprocessable', { errors: [{ pointer: '', message: 'This questionnaire closed on 2025-12-31.' }] }),
    });
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'Send my answers' });
    await answerAll(user);
    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'This questionnaire has closed' })).toBeInTheDocument();
    expect(screen.getByText('The last day to answer it was Wednesday 31 December 2025.')).toBeInTheDocument();
  });

  it('tells someone else holding the link that it is not theirs', async () => {
    open(questionnaire(), { 'GET /api/v1/questionnaires/:id': problem(403, 'Forbidden') });
    expect(await screen.findByRole('heading', { level: 1, name: 'This questionnaire was sent to someone else' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign out' })).toHaveAttribute('href', '/sign-out');
  });

  it('after signing in from the link, returns to the questionnaire', async () => {
    const api = mockApi({
      'POST /api/v1/auth/sign-in': json(TOKENS),
      'GET /api/v1/me': json(SAM),
      'GET /api/v1/questionnaires/:id': json(questionnaire()),
    });
    renderApp(PATH);
    const user = userEvent.setup();
    await screen.findByLabelText('Username');
    expect(window.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(window.location.search).get('returnTo')).toBe(PATH);
    await user.type(screen.getByLabelText('Username'), 'practitioner@demo.test');
    await user.type(screen.getByLabelText('Password'), 'Supervision2026!');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your supervision: Part 2 questionnaire' })).toBeInTheDocument();
    expect(window.location.pathname).toBe(PATH);
    expect(api.callsTo('GET /api/v1/questionnaires/:id')).toHaveLength(1);
  });
});

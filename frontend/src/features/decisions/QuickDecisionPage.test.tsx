import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { list } from '../../offline/outbox';
import { PRIYA, SAM, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { ALFIE, ALICE, decision } from './decisionFixtures';

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

function signedIn(routes: Record<string, Handler> = {}) {
  withStoredRefreshToken();
  return mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(PRIYA),
    'GET /api/v1/children': (request) =>
      json({ items: [ALICE, ALFIE].filter((c) => c.name.toLowerCase().includes((request.query.get('q') ?? '').toLowerCase())) }),
    'GET /api/v1/children/:id': json(ALICE),
    ...routes,
  });
}

async function chooseAlice(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByRole('searchbox', { name: 'Child' }), 'ali');
  const matches = await screen.findByRole('group', { name: 'Which child is the decision about?' });
  await user.click(within(matches).getByRole('radio', { name: /Alice Brown/ }));
}

describe('Quick decision', () => {
  it('finds the child by name as you type, then signs and sends the decision with an Idempotency-Key', async () => {
    const api = signedIn({ 'POST /api/v1/case-decisions': json(decision(), 201) });
    renderApp('/decisions/new');
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Record a decision' })).toBeInTheDocument();
    // The whole form: child, decision, reason, when (now unless changed), sign.
    const form = screen.getByTestId('quick-decision-form');
    expect(within(form).getAllByRole('textbox').map((t) => t.id)).toEqual(['decision', 'rationale']);
    expect(within(form).getAllByRole('searchbox').map((t) => t.id)).toEqual(['childId']);
    expect(screen.getByTestId('decided-when')).toHaveTextContent(/^Today at \d{1,2}(:\d{2})?(am|pm)|^Today at (midday|midnight)/);

    await chooseAlice(user);
    // Only the matching child is offered, with the case number to tell children apart.
    expect(screen.getAllByRole('radio')).toHaveLength(1);
    expect(screen.getByText(/case number PRN-1001, born 3 March 2016/)).toBeInTheDocument();
    expect(api.callsTo('GET /api/v1/children').at(-1)?.query.get('q')).toBe('ali');

    await user.type(screen.getByLabelText('Decision'), 'Move to a child protection plan');
    await user.type(screen.getByLabelText('Reason'), 'Two missed visits and a new injury');
    await user.click(screen.getByRole('button', { name: 'Sign and send' }));

    expect(await screen.findByRole('heading', { level: 1, name: "Decision recorded and sent to the child's record" })).toBeInTheDocument();
    const posts = api.callsTo('POST /api/v1/case-decisions');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual({ childId: ALICE.id, decision: 'Move to a child protection plan', rationale: 'Two missed visits and a new injury' });
    expect(posts[0]?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(screen.getByRole('link', { name: 'Go to Alice Brown’s page' })).toHaveAttribute('href', `/children/${ALICE.id}`);
  });

  it('says what is missing in an error summary linked to each field, and sends nothing', async () => {
    const api = signedIn();
    renderApp('/decisions/new');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sign and send' }));
    const summary = await screen.findByRole('alert');
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Choose the child the decision is about', '#childId'],
      ['Enter the decision', '#decision'],
      ['Enter the reason for the decision', '#rationale'],
    ]);
    expect(document.title).toBe('Error: Record a decision – Supervision');
    expect(screen.getByLabelText('Decision')).toHaveAttribute('aria-describedby', 'decision-error');
    expect(api.callsTo('POST /api/v1/case-decisions')).toHaveLength(0);
  });

  it('starts from the child chosen on their page and sends a changed time as decidedAt', async () => {
    const api = signedIn({ 'POST /api/v1/case-decisions': json(decision(), 201) });
    renderApp(`/decisions/new?childId=${ALICE.id}`);
    const user = userEvent.setup();
    expect(await screen.findByRole('radio', { name: /Alice Brown/ })).toBeChecked();
    await user.type(screen.getByLabelText('Decision'), 'Respite weekend');
    await user.type(screen.getByLabelText('Reason'), 'Carer exhausted');
    await user.click(screen.getByRole('button', { name: 'Change when the decision was made' }));
    const options = within(screen.getByLabelText('Day')).getAllByRole('option');
    expect(options).toHaveLength(8);
    await user.selectOptions(screen.getByLabelText('Day'), options[1] as HTMLOptionElement);
    await user.clear(screen.getByLabelText('Time'));
    await user.type(screen.getByLabelText('Time'), '9:30am');
    await user.click(screen.getByRole('button', { name: 'Sign and send' }));
    await screen.findByTestId('decision-confirmation');
    const sent = api.callsTo('POST /api/v1/case-decisions')[0]?.body as { decidedAt: string };
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(sent.decidedAt));
    expect(local).toBe('09:30');
    expect(Date.now() - new Date(sent.decidedAt).getTime()).toBeGreaterThan(0);
    expect(Date.now() - new Date(sent.decidedAt).getTime()).toBeLessThan(2 * 24 * 60 * 60 * 1000);
  });

  it('refuses a time in the future before sending anything', async () => {
    const api = signedIn();
    renderApp(`/decisions/new?childId=${ALICE.id}`);
    const user = userEvent.setup();
    await screen.findByRole('radio', { name: /Alice Brown/ });
    await user.type(screen.getByLabelText('Decision'), 'A');
    await user.type(screen.getByLabelText('Reason'), 'B');
    await user.click(screen.getByRole('button', { name: 'Change when the decision was made' }));
    // Today is the default day; one minute before midnight is in the future except in the last minute of the day.
    await user.clear(screen.getByLabelText('Time'));
    await user.type(screen.getByLabelText('Time'), '23:59');
    const inLastMinute = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date()) >= '23:58';
    if (inLastMinute) return;
    await user.click(screen.getByRole('button', { name: 'Sign and send' }));
    expect(await screen.findByRole('link', { name: 'The time the decision was made must be in the past' })).toHaveAttribute('href', '#decided-time');
    expect(api.callsTo('POST /api/v1/case-decisions')).toHaveLength(0);
  });

  it('shows the service’s refusal next to the field its pointer names', async () => {
    signedIn({
      'POST /api/v1/case-decisions': problem(400, 'Invalid request', { errors: [{ pointer: '/rationale', message: 'Reason must be 5000 characters or fewer' }] }),
    });
    renderApp(`/decisions/new?childId=${ALICE.id}`);
    const user = userEvent.setup();
    await screen.findByRole('radio', { name: /Alice Brown/ });
    await user.type(screen.getByLabelText('Decision'), 'A');
    await user.type(screen.getByLabelText('Reason'), 'B');
    await user.click(screen.getByRole('button', { name: 'Sign and send' }));
    expect(await screen.findByRole('link', { name: 'Reason must be 5000 characters or fewer' })).toHaveAttribute('href', '#rationale');
    expect(screen.queryByTestId('decision-confirmation')).toBeNull();
  });

  it('offline: keeps the decision on the device, sends it through the outbox when back online, never twice', async () => {
    const api = signedIn({ 'POST /api/v1/case-decisions': json(decision(), 201) });
    renderApp(`/decisions/new?childId=${ALICE.id}`);
    const user = userEvent.setup();
    await screen.findByRole('radio', { name: /Alice Brown/ });
    await user.type(screen.getByLabelText('Decision'), 'Respite weekend');
    await user.type(screen.getByLabelText('Reason'), 'Carer exhausted');
    act(() => setOnline(false));
    await user.click(screen.getByRole('button', { name: 'Sign and send' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Decision recorded and waiting to send' })).toBeInTheDocument();
    expect(api.callsTo('POST /api/v1/case-decisions')).toHaveLength(0);
    const [queued] = await list();
    expect(queued).toMatchObject({
      method: 'POST',
      path: '/api/v1/case-decisions',
      label: 'Decision about Alice Brown',
      body: { childId: ALICE.id, decision: 'Respite weekend', rationale: 'Carer exhausted' },
    });
    // Dated when "Sign and send" was pressed, not when the connection comes back.
    expect(Date.now() - new Date((queued?.body as { decidedAt: string }).decidedAt).getTime()).toBeLessThan(60_000);

    act(() => setOnline(true));
    await waitFor(() => expect(api.callsTo('POST /api/v1/case-decisions')).toHaveLength(1));
    expect(api.callsTo('POST /api/v1/case-decisions')[0]?.headers.get('Idempotency-Key')).toBe(queued?.idempotencyKey);
    await waitFor(async () => expect(await list()).toHaveLength(0));
  });

  it('keeps typing on the device: a reload brings the decision back', async () => {
    signedIn();
    const first = renderApp(`/decisions/new?childId=${ALICE.id}`);
    const user = userEvent.setup();
    await screen.findByRole('radio', { name: /Alice Brown/ });
    await user.type(screen.getByLabelText('Decision'), 'Respite weekend');
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/^Saved on this device/), { timeout: 3000 });
    first.unmount();
    renderApp('/decisions/new');
    expect(await screen.findByLabelText('Decision')).toHaveValue('Respite weekend');
    expect(screen.getByRole('radio', { name: /Alice Brown/ })).toBeChecked();
  });

  it('never loses an unsigned decision: opening another child’s quick decision keeps it until the person discards it', async () => {
    signedIn({ 'GET /api/v1/children/:id': (request) => json(request.path.endsWith(ALFIE.id) ? ALFIE : ALICE) });
    const first = renderApp(`/decisions/new?childId=${ALICE.id}`);
    const user = userEvent.setup();
    await screen.findByRole('radio', { name: /Alice Brown/ });
    await user.type(screen.getByLabelText('Decision'), 'Respite weekend');
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/^Saved on this device/), { timeout: 3000 });
    first.unmount();
    renderApp(`/decisions/new?childId=${ALFIE.id}`);
    expect(await screen.findByText('You have a decision on this device that is not signed yet')).toBeInTheDocument();
    expect(screen.getByLabelText('Decision')).toHaveValue('Respite weekend');
    expect(screen.getByRole('radio', { name: /Alice Brown/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Discard it and start a decision about Alfie Green' }));
    expect(screen.getByLabelText('Decision')).toHaveValue('');
    expect(screen.getByRole('radio', { name: /Alfie Green/ })).toBeChecked();
  });

  it('a practitioner is told who records decisions, and is offered no form', async () => {
    withStoredRefreshToken();
    mockApi({ 'POST /api/v1/auth/token-refresh': json(TOKENS), 'GET /api/v1/me': json(SAM) });
    renderApp('/decisions/new');
    expect(await screen.findByTestId('not-a-manager')).toHaveTextContent('recorded by the manager who made them');
    expect(screen.queryByTestId('quick-decision-form')).toBeNull();
  });
});

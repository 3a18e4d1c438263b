import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../api/client';
import { readDraft } from '../../offline/drafts';
import { list } from '../../offline/outbox';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { CD_TEMPLATE, discussion } from './caseDiscussionFixtures';
import { caseDiscussionDraftKey } from './caseDiscussions';

function open(d: Schemas['CaseDiscussion'], extra: Record<string, Handler> = {}, me: Schemas['Me'] = PRIYA) {
  withStoredRefreshToken();
  const api = mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(me),
    'GET /api/v1/case-discussions/:id': json(d, 200, { ETag: `"v${d.version}"` }),
    'GET /api/v1/policy-templates/:id': json(CD_TEMPLATE),
    ...extra,
  });
  renderApp(`/case-discussions/${d.id}`);
  return api;
}

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

const sectionList = () => screen.getByRole('navigation', { name: 'Sections of the case discussion' });

describe('Case discussion form', () => {
  it('shows the template by sections with a ticked list in landscape, each item by its label and hint, the Anchor prompts collapsed', async () => {
    open(discussion({ answers: [{ key: 'next_steps', text: 'Review in a month', notApplicable: false }] }));
    expect(await screen.findByText('Mia Example, case number PRN-1001')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Case discussion' })).toBeInTheDocument();
    const nav = sectionList();
    const names = within(nav).getAllByRole('button').map((b) => b.textContent);
    expect(names).toEqual([
      'Case Discussion Recording Template',
      'What does the story mean?',
      'What needs to happen next?✓ (complete)',
      'The child’s voice',
      'Decisions and actions',
    ]);
    expect(screen.getByTestId('status')).toHaveTextContent('Draft');
    // The plain hint shows under its label; the Anchor hint is a collapsed GOV.UK details beside the section.
    expect(screen.getByText('0 = no safety; 10 = proposing to cease involvement.')).toBeInTheDocument();
    const prompts = screen.getByText('Reflective prompts: What is the story?').closest('details') as HTMLDetailsElement;
    expect(prompts.open).toBe(false);
    expect(within(prompts).getByText(/What are the facts\?/)).toBeInTheDocument();
    expect(screen.getByLabelText('What is the story?')).not.toHaveAttribute('aria-describedby');
    // What's working well and what we are worried about: side by side.
    const columns = screen.getByTestId('signs-of-safety-columns');
    expect(columns).toHaveClass('govuk-grid-row');
    expect(within(columns).getAllByRole('textbox')).toHaveLength(2);
    expect(within(columns.children[0] as HTMLElement).getByLabelText('What’s working well?')).toBeInTheDocument();
    expect(within(columns.children[1] as HTMLElement).getByLabelText('What are we worried about?')).toBeInTheDocument();
  });

  it('stacks the columns and offers a section picker in portrait', async () => {
    Object.defineProperty(window, 'innerWidth', { configurable: true, writable: true, value: 768 });
    open(discussion());
    const picker = await screen.findByLabelText('Section');
    expect(screen.queryByRole('navigation', { name: 'Sections of the case discussion' })).toBeNull();
    expect(screen.getByTestId('signs-of-safety-columns')).not.toHaveClass('govuk-grid-row');
    await userEvent.setup().selectOptions(picker, '3');
    expect(screen.getByRole('heading', { level: 2, name: 'The child’s voice' })).toBeInTheDocument();
  });

  it('records the safety scale from the large 0-10 buttons and sends it', async () => {
    const api = open(discussion(), {
      'PUT /api/v1/case-discussions/:id': (request) =>
        json(discussion({ answers: (request.body as Schemas['CaseDiscussionUpdate']).answers, version: 2 }), 200, { ETag: '"v2"' }),
    });
    const user = userEvent.setup();
    const scale = await screen.findByRole('group', { name: /How worried are we/ });
    expect(within(scale).getAllByRole('radio')).toHaveLength(11);
    await user.click(within(scale).getByRole('radio', { name: '7' }));
    expect(within(scale).getByRole('radio', { name: '7' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Save case discussion' }));
    await waitFor(() => expect(api.callsTo('PUT /api/v1/case-discussions/:id')).toHaveLength(1));
    const put = api.callsTo('PUT /api/v1/case-discussions/:id')[0];
    expect(put?.headers.get('If-Match')).toBe('"v1"');
    expect((put?.body as Schemas['CaseDiscussionUpdate']).answers).toEqual([{ key: 'safety_scale', text: '7', notApplicable: false }]);
    expect(await screen.findByTestId('save-status')).toHaveTextContent(/^Sent \d/);
  });

  it('shows the child’s voice rules: the view or a reason, the date last seen when not seen, and whether seen alone', async () => {
    open(discussion());
    const user = userEvent.setup();
    await user.click(within(await screen.findByRole('navigation', { name: 'Sections of the case discussion' })).getByRole('button', { name: 'The child’s voice' }));
    expect(screen.getByText(/cannot be signed until the child’s view is recorded/)).toBeInTheDocument();
    expect(screen.queryByLabelText('The child’s views and wishes')).toBeNull();

    await user.click(screen.getByLabelText('Yes, the child’s view is recorded'));
    expect(screen.getByLabelText('The child’s views and wishes')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Was the child seen alone?' })).toBeInTheDocument();

    await user.click(screen.getByLabelText('No, it could not be obtained'));
    expect(screen.queryByLabelText('The child’s views and wishes')).toBeNull();
    await user.click(screen.getByLabelText('Not seen since the last discussion'));
    expect(screen.getByRole('group', { name: 'When was the child last seen?' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Was the child seen alone?' })).toBeNull();

    await user.click(screen.getByLabelText('Too young to give a view'));
    expect(screen.queryByRole('group', { name: 'When was the child last seen?' })).toBeNull();
    await user.click(within(screen.getByRole('group', { name: 'Was the child seen alone?' })).getByLabelText('No'));
    expect(within(sectionList()).getByRole('button', { name: /The child’s voice/ })).toHaveTextContent('(complete)');
  });

  it('lists what is missing as an error summary linking to each field, warns without blocking, and signs', async () => {
    const shortfalls = {
      missing: [{ pointer: '/childVoice/view', message: 'Record the child’s view, or the reason it could not be obtained' }],
      warnings: [{ pointer: '/decisions/0/rationale', message: 'Decision 1 has no rationale recorded' }],
    };
    const signedOnce = discussion({
      ...shortfalls,
      missing: [],
      version: 3,
      signatures: [{ signer: { id: 'p1', displayName: 'Priya Shah' }, signedAt: '2026-01-06T16:00:00Z', contentHash: 'h', current: true }],
    });
    const api = open(discussion({ ...shortfalls, decisions: [{ id: 'd-1', text: 'Stay at home with a plan' }] }), {
      'POST /api/v1/case-discussions/:id/signatures': json(signedOnce, 200, { ETag: '"v3"' }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Finish and sign' }));
    const missing = await screen.findByTestId('missing');
    const link = within(missing).getByRole('link', { name: 'Record the child’s view, or the reason it could not be obtained' });
    // Nothing chosen yet: the link goes to the first question of the child's voice.
    expect(link).toHaveAttribute('href', '#child-voice-status');
    expect(within(screen.getByTestId('warnings')).getByText('Decision 1 has no rationale recorded')).toBeInTheDocument();
    expect(screen.getByTestId('warnings').querySelector('.govuk-warning-text')).not.toBeNull();

    // The link opens the section that holds the field.
    await user.click(link);
    expect(screen.getByRole('heading', { level: 2, name: 'The child’s voice' })).toBeInTheDocument();

    // Signing needs the tick.
    await user.click(screen.getByRole('button', { name: 'Sign' }));
    expect(await screen.findByRole('link', { name: 'Confirm that this is an accurate record' })).toHaveAttribute('href', '#accurate');
    expect(api.callsTo('POST /api/v1/case-discussions/:id/signatures')).toHaveLength(0);

    await user.click(screen.getByLabelText('This is an accurate record'));
    await user.click(screen.getByRole('button', { name: 'Sign' }));
    await waitFor(() => expect(api.callsTo('POST /api/v1/case-discussions/:id/signatures')).toHaveLength(1));
    expect(api.callsTo('POST /api/v1/case-discussions/:id/signatures')[0]?.headers.get('If-Match')).toBe('"v1"');
    expect(await screen.findByText('You have signed the case discussion. It locks when Sam Okafor has signed too.')).toBeInTheDocument();
    expect(screen.getByTestId('status')).toHaveTextContent('Awaiting signature');
  });

  it('shows a refused signature as an error summary linked to each field, with the message beside the field', async () => {
    open(discussion(), {
      'POST /api/v1/case-discussions/:id/signatures': problem(422, 'The case discussion cannot be signed yet', {
        detail: 'Some things are missing',
        errors: [
          { pointer: '/childVoice/reason', message: 'Say why the child’s view could not be obtained' },
          { pointer: '/childVoice/seenAlone', message: 'Say whether the child was seen alone' },
          { pointer: '/answers/child_view', message: 'Enter the view of the child and their parents or carers' },
        ],
      }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Finish and sign' }));
    await user.click(await screen.findByLabelText('This is an accurate record'));
    await user.click(screen.getByRole('button', { name: 'Sign' }));
    const summary = (await screen.findByText('There is a problem')).closest('.govuk-error-summary') as HTMLElement;
    expect(within(summary).getByRole('link', { name: 'Say why the child’s view could not be obtained' })).toHaveAttribute('href', '#child-voice-status');
    expect(within(summary).getByRole('link', { name: 'Say whether the child was seen alone' })).toHaveAttribute('href', '#seen-alone');
    expect(within(summary).getByRole('link', { name: 'Enter the view of the child and their parents or carers' })).toHaveAttribute('href', '#answer-child_view');
    // The first error's section opens, with the inline message.
    expect(screen.getByRole('heading', { level: 2, name: 'The child’s voice' })).toBeInTheDocument();
    expect(screen.getByText('Say whether the child was seen alone', { selector: '.govuk-error-message' })).toBeInTheDocument();
  });

  it('adds and removes decisions and actions, sending who is responsible as the party’s id', async () => {
    const api = open(discussion(), {
      'PUT /api/v1/case-discussions/:id': (request) => json(discussion({ version: 2, ...(request.body as object) }), 200, { ETag: '"v2"' }),
    });
    const user = userEvent.setup();
    await user.click(within(await screen.findByRole('navigation', { name: 'Sections of the case discussion' })).getByRole('button', { name: 'Decisions and actions' }));
    await user.click(screen.getByRole('button', { name: 'Add a decision' }));
    await user.click(screen.getByRole('button', { name: 'Add a decision' }));
    await user.type(screen.getByLabelText('Decision 1'), 'Child protection plan continues');
    await user.type(screen.getByLabelText(/Why it was decided\s*\(decision 1\)/), 'Worries about neglect remain');
    await user.click(screen.getByRole('button', { name: 'Remove decision 2' }));
    expect(screen.getAllByTestId('decision')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Add an action' }));
    await user.type(screen.getByLabelText('Action 1'), 'Visit the school');
    await user.click(screen.getByLabelText('Sam Okafor (supervisee)'));
    const due = screen.getByRole('group', { name: 'Due date (action 1)' });
    await user.type(within(due).getByLabelText('Day'), '20');
    await user.type(within(due).getByLabelText('Month'), '1');
    await user.type(within(due).getByLabelText('Year'), '2026');
    expect(within(sectionList()).getByRole('button', { name: /Decisions and actions/ })).toHaveTextContent('(complete)');
    await user.click(screen.getByRole('button', { name: 'Save case discussion' }));
    await waitFor(() => expect(api.callsTo('PUT /api/v1/case-discussions/:id')).toHaveLength(1));
    const body = api.callsTo('PUT /api/v1/case-discussions/:id')[0]?.body as Schemas['CaseDiscussionUpdate'];
    expect(body.decisions).toEqual([{ text: 'Child protection plan continues', rationale: 'Worries about neglect remain' }]);
    expect(body.actions).toEqual([{ text: 'Visit the school', ownerId: 'a1', dueDate: '2026-01-20' }]);
  });

  it('keeps typing on the device across a reload, and queues the save with If-Match while offline', async () => {
    const api = open(discussion());
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('What’s working well?'), 'Grandmother visits daily');
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/^Saved on this device \d/));
    expect(JSON.stringify(await readDraft(caseDiscussionDraftKey('cd-1')))).toContain('Grandmother visits daily');

    // A reload: the typing comes back from the device.
    window.history.replaceState(null, '', '/');
    renderApp('/case-discussions/cd-1');
    const again = await screen.findAllByLabelText('What’s working well?');
    expect(again.some((field) => (field as HTMLTextAreaElement).value === 'Grandmother visits daily')).toBe(true);

    act(() => setOnline(false));
    await user.click(screen.getAllByRole('button', { name: 'Save case discussion' })[0] as HTMLElement);
    await waitFor(async () => expect(await list()).toHaveLength(1));
    const queued = (await list())[0];
    expect(queued).toMatchObject({ method: 'PUT', path: '/api/v1/case-discussions/cd-1', ifMatch: '"v1"', state: 'pending' });
    expect(queued?.idempotencyKey).toBeTruthy();
    expect(api.callsTo('PUT /api/v1/case-discussions/:id')).toHaveLength(0);
    await waitFor(() => expect(screen.getAllByTestId('save-status').some((s) => s.textContent === 'Waiting to send (1)')).toBe(true));
  });

  it('asks before leaving while typing has not been sent, and stays when the answer is no', async () => {
    open(discussion());
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'What are we worried about?' }), 'Bruising');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    await user.click(screen.getByRole('link', { name: 'Back' }));
    expect(confirm).toHaveBeenCalledWith('Your latest changes are saved on this device but not sent yet. Leave this page?');
    expect(window.location.pathname).toBe('/case-discussions/cd-1');
    confirm.mockReturnValue(true);
    await user.click(screen.getByRole('link', { name: 'Back' }));
    await waitFor(() => expect(window.location.pathname).toBe('/sessions/s-1/record'));
    confirm.mockRestore();
  });

  it('shows a signed case discussion locked and read only: "Signed by you and" the other party', async () => {
    const signatures = [
      { signer: { id: 'p1', displayName: 'Priya Shah' }, signedAt: '2026-01-06T16:00:00Z', contentHash: 'h', current: true },
      { signer: { id: 'a1', displayName: 'Sam Okafor' }, signedAt: '2026-01-06T16:05:00Z', contentHash: 'h', current: true },
    ];
    open(
      discussion({
        status: 'SIGNED',
        signedAt: '2026-01-06T16:05:00Z',
        signatures,
        answers: [{ key: 'safety_scale', text: '0', notApplicable: false }],
        childVoice: { status: 'NOT_OBTAINED', reason: 'NOT_SEEN_SINCE_LAST_DISCUSSION', lastSeenOn: '2025-12-01' },
        decisions: [{ id: 'd-1', text: 'Strategy meeting', rationale: 'New injury reported', caseDecisionId: 'cdec-1' }],
      }),
    );
    expect(await screen.findByText('Signed by you and Sam Okafor')).toBeInTheDocument();
    expect(screen.getByTestId('locked')).toHaveTextContent('Locked');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign' })).toBeNull();
    const readOnly = screen.getByTestId('read-only-case-discussion');
    expect(within(readOnly).getByText('0 - no safety')).toBeInTheDocument();
    expect(within(readOnly).getByText('Not seen since the last discussion')).toBeInTheDocument();
    expect(within(readOnly).getByText('Monday 1 December 2025')).toBeInTheDocument();
    expect(within(readOnly).getByText('Strategy meeting')).toBeInTheDocument();
  });
});

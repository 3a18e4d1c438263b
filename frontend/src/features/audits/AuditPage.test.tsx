import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { TOKENS, staff } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { AUDIT_TEMPLATE, EVIDENCE, FULL_ANSWERS, MARCUS, MORGAN_REF, RACHEL, audit } from './auditFixtures';

const PRIYA_STAFF = staff({ id: 'p1', displayName: 'Priya Shah', jobTitle: 'Team Manager', supervisor: MORGAN_REF });

function open(a: Schemas['Audit'], extra: Record<string, Handler> = {}, me: Schemas['Me'] = RACHEL) {
  withStoredRefreshToken();
  const api = mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(me),
    'GET /api/v1/audits/:id': json(a, 200, { ETag: `"v${a.version}"` }),
    'GET /api/v1/audits/:id/evidence': json(EVIDENCE),
    'GET /api/v1/policy-templates/:id': json(AUDIT_TEMPLATE),
    'GET /api/v1/staff/:id': json(PRIYA_STAFF),
    ...extra,
  });
  renderApp(`/audits/${a.id}`);
  return api;
}

const sectionList = () => screen.getByRole('navigation', { name: 'Sections of the audit' });
const goTo = async (user: ReturnType<typeof userEvent.setup>, name: RegExp) =>
  user.click(within(await screen.findByRole('navigation', { name: 'Sections of the audit' })).getByRole('button', { name }));

/** No internal key reaches the page: every value is shown in words. */
function expectNoKeys() {
  const text = document.body.textContent ?? '';
  for (const key of ['RATING_1_5', 'MEDIATION', 'MANAGEMENT', 'REQUIRES_IMPROVEMENT', 'NOT_APPLICABLE', 'YES_NO', 'QA_SAMPLE', 'q11_', 'q13a', '2026-Q4']) {
    expect(text).not.toContain(key);
  }
}

describe('Audit form', () => {
  it('shows the header, the guidance collapsed and the questions section by section with the form’s numbering', async () => {
    open(audit());
    expect(await screen.findByText('Sam Okafor, supervised by Priya Shah')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Supervision file audit' })).toBeInTheDocument();
    const names = within(sectionList()).getAllByRole('button').map((b) => b.textContent);
    expect(names).toEqual(['About this audit✓ (complete)', 'Part 1 Judgments: Q1 to Q10', 'Q11 File checklist', 'Part 1 Judgments: Q12 to Q13b']);
    // The header as a summary list.
    const header = screen.getByText('Manager audited').closest('dl') as HTMLElement;
    expect(within(header).getByText('Priya Shah, Team Manager')).toBeInTheDocument();
    expect(within(header).getByText('Assessment Team 1, Children and Families')).toBeInTheDocument();
    expect(within(header).getByText('Rachel Green, Quality Assurance Manager')).toBeInTheDocument();
    expect(within(header).getByText('Tuesday 1 December 2026')).toBeInTheDocument();
    expect(within(header).getByText('Tuesday 1 September 2026 to Monday 30 November 2026')).toBeInTheDocument();
    expect(within(header).getByText('Quarterly sample, October to December 2026')).toBeInTheDocument();
    const guidance = screen.getByTestId('guidance') as HTMLDetailsElement;
    expect(guidance.open).toBe(false);
    expect(within(guidance).getByText(/focus on how far supervision is supporting oversight/)).toBeInTheDocument();
    // The period and post are editable while a draft.
    expect(screen.getByLabelText('Your post')).toHaveValue('Quality Assurance Manager');
    expect(screen.getByRole('group', { name: 'Period audited: from' })).toBeInTheDocument();
    expectNoKeys();
  });

  it('rates on the 1 to 5 scale named beside every rating, tags each question’s function, and shows the evidence beside the questions it informs', async () => {
    open(audit());
    const user = userEvent.setup();
    await goTo(user, /Q1 to Q10/);
    const q1 = screen.getByRole('group', { name: /^Q1 Were the actions from the last supervision session reviewed\?$/ });
    expect(within(q1).getAllByRole('radio').map((r) => (r as HTMLInputElement).labels?.[0]?.textContent ?? '')).toEqual(['1 - Excellent', '2', '3', '4', '5 - Poor']);
    expect(within(q1).getByText('Mediation')).toHaveClass('govuk-tag', 'govuk-tag--grey');
    expect(within(q1).getByText(/Scale: 1 = Excellent, 5 = Poor/)).toBeInTheDocument();
    for (const key of ['q7', 'q9', 'q10']) expect(within(screen.getByTestId(`question-${key}`)).getByText(/Scale: 1 = Excellent, 5 = Poor/)).toBeInTheDocument();
    expect(within(screen.getByTestId('question-q9')).getByText('Support')).toHaveClass('govuk-tag--grey');
    // Q2: the tick, in words.
    const q2 = screen.getByRole('group', { name: /^Q2 / });
    expect(within(q2).getAllByRole('radio').map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)).toEqual(['Yes', 'No', 'Partially', 'Unclear']);
    // The evidence for Q1 and Q2 beside both; Q7's beside Q7 only; links to the records behind it.
    const e1 = within(screen.getByTestId('question-q1')).getByTestId('evidence-q1');
    expect(within(e1).getByText('2 of 3 sessions reviewed the previous actions')).toBeInTheDocument();
    expect(within(e1).getByRole('link', { name: /Record of the session on Tuesday 3 November 2026/ })).toHaveAttribute('href', '/sessions/ses-1/record');
    expect(within(screen.getByTestId('question-q2')).getByTestId('evidence-q2')).toBeInTheDocument();
    const e7 = within(screen.getByTestId('question-q7')).getByTestId('evidence-q7');
    expect(within(e7).getByRole('link', { name: /Case discussion of Mia Example/ })).toHaveAttribute('href', '/case-discussions/cd-9');
    expect(screen.queryByTestId('evidence-q9')).toBeNull();
    // Q12 names no function.
    await goTo(user, /Q12 to Q13b/);
    const q12 = screen.getByRole('group', { name: /^Q12 / });
    expect(within(q12).queryByText(/Management|Support|Development|Mediation/)).toBeNull();
    expectNoKeys();
  });

  it('shows Q11 as a table of Yes / No / Not applicable per document, with the agreement evidence in its row', async () => {
    open(audit());
    const user = userEvent.setup();
    await goTo(user, /Q11 File checklist/);
    const table = screen.getByTestId('checklist');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Document', 'Yes', 'No', 'Not applicable']);
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    const row = within(table).getByRole('rowheader', { name: /Supervision Contract Discussion and Agreement/ }).closest('tr') as HTMLElement;
    expect(within(row).getByTestId('evidence-q11_supervision_agreement')).toHaveTextContent('An active agreement signed on Monday 7 September 2026');
    expect(within(row).getByRole('link', { name: /Supervision agreement/ })).toHaveAttribute('href', '/agreements/ag-1');
    await user.click(screen.getByRole('radio', { name: 'Not applicable: DBS check (the form says ‘Up to date CRB’)' }));
    expect(screen.getByRole('radio', { name: 'Not applicable: DBS check (the form says ‘Up to date CRB’)' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Yes: DBS check (the form says ‘Up to date CRB’)' })).not.toBeChecked();
    expectNoKeys();
  });

  it('asks for actions below Good, with the supervisor audited or their manager as owner, and saves them with If-Match', async () => {
    const api = open(audit(), {
      'PUT /api/v1/audits/:id': (request) => {
        const body = request.body as Schemas['AuditUpdate'];
        return json(audit({ answers: body.answers, actions: body.actions.map((a, i) => ({ ...a, id: `act-${i}` })), version: 2 }), 200, { ETag: '"v2"' });
      },
    });
    const user = userEvent.setup();
    await goTo(user, /Q12 to Q13b/);
    expect(screen.queryByTestId('audit-actions')).toBeNull();
    const grade = screen.getByRole('group', { name: /^Q13a / });
    expect(within(grade).getAllByRole('radio').map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)).toEqual(['Outstanding', 'Good', 'Requires improvement', 'Inadequate']);
    await user.click(within(grade).getByRole('radio', { name: 'Good' }));
    expect(screen.queryByTestId('audit-actions')).toBeNull();
    await user.click(within(grade).getByRole('radio', { name: 'Requires improvement' }));
    const actions = screen.getByTestId('audit-actions');
    expect(within(actions).getByText('These become tracked actions, with their owner and due date, when the audit is completed.')).toBeInTheDocument();
    await user.click(within(actions).getByRole('button', { name: 'Add an action' }));
    await user.type(screen.getByLabelText('What needs to be done'), 'Review actions at the start of every session');
    const owner = screen.getByRole('group', { name: 'Who owns it' });
    expect(within(owner).getAllByRole('radio').map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)).toEqual(['Priya Shah (the supervisor audited)', 'Morgan Hale (their manager)']);
    await user.click(within(owner).getByRole('radio', { name: 'Morgan Hale (their manager)' }));
    const due = screen.getByRole('group', { name: 'Due date' });
    await user.type(within(due).getByLabelText('Day'), '15');
    await user.type(within(due).getByLabelText('Month'), '1');
    await user.type(within(due).getByLabelText('Year'), '2027');
    await user.click(screen.getByRole('button', { name: 'Save audit' }));
    await waitFor(() => expect(api.callsTo('PUT /api/v1/audits/:id')).toHaveLength(1));
    const put = api.callsTo('PUT /api/v1/audits/:id')[0];
    expect(put?.headers.get('If-Match')).toBe('"v1"');
    expect(put?.body).toEqual({
      periodFrom: '2026-09-01',
      periodTo: '2026-11-30',
      auditorPost: 'Quality Assurance Manager',
      answers: [{ key: 'q13a', value: 'REQUIRES_IMPROVEMENT' }],
      actions: [{ text: 'Review actions at the start of every session', ownerId: 'm1', dueDate: '2027-01-15' }],
    });
    expect(await screen.findByTestId('save-status')).toHaveTextContent(/^Sent \d/);
    // A grade of Good again sends no actions (they are kept on the form in case it goes back below Good).
    await user.click(within(screen.getByRole('group', { name: /^Q13a / })).getByRole('radio', { name: 'Good' }));
    await user.click(screen.getByRole('button', { name: 'Save audit' }));
    await waitFor(() => expect(api.callsTo('PUT /api/v1/audits/:id')).toHaveLength(2));
    expect((api.callsTo('PUT /api/v1/audits/:id')[1]?.body as Schemas['AuditUpdate']).actions).toEqual([]);
  });

  it('sends what was typed on moving to another section (saves as you go)', async () => {
    const api = open(audit(), {
      'PUT /api/v1/audits/:id': (request) => json(audit({ answers: (request.body as Schemas['AuditUpdate']).answers, version: 2 }), 200, { ETag: '"v2"' }),
    });
    const user = userEvent.setup();
    await goTo(user, /Q1 to Q10/);
    await user.click(within(screen.getByRole('group', { name: /^Q1 / })).getByRole('radio', { name: '2' }));
    await user.click(screen.getByRole('button', { name: 'Next section' }));
    await waitFor(() => expect(api.callsTo('PUT /api/v1/audits/:id')).toHaveLength(1));
    expect(api.callsTo('PUT /api/v1/audits/:id')[0]?.body).toMatchObject({ answers: [{ key: 'q1', value: '2' }] });
    expect(screen.getByRole('heading', { level: 2, name: 'Q11 File checklist' })).toBeInTheDocument();
  });

  it('shows a refused rating at its question (422 with a pointer), in the error summary and inline', async () => {
    open(audit(), {
      'PUT /api/v1/audits/:id': problem(422, 'The audit has problems', { errors: [{ pointer: '/answers/0/value', message: 'Choose one of: 1 - Excellent, 2, 3, 4, 5 - Poor.' }] }),
    });
    const user = userEvent.setup();
    await goTo(user, /Q1 to Q10/);
    await user.click(within(screen.getByRole('group', { name: /^Q1 / })).getByRole('radio', { name: '3' }));
    await user.click(screen.getByRole('button', { name: 'Save audit' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Choose one of: 1 - Excellent, 2, 3, 4, 5 - Poor.' })).toHaveAttribute('href', '#answer-q1');
    expect(within(screen.getByRole('group', { name: /^Q1 / })).getByText('Choose one of: 1 - Excellent, 2, 3, 4, 5 - Poor.')).toHaveClass('govuk-error-message');
    expect(document.title).toMatch(/^Error: /);
  });

  it('“Complete and sign” lists what is missing as an error summary linking to each question, and opens its section', async () => {
    const api = open(
      audit({
        missing: [
          { pointer: '/answers/q7', message: 'Answer Q7' },
          { pointer: '/answers/q11_dbs_check', message: 'Answer Q11: DBS check' },
        ],
      }),
    );
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'Complete and sign' });
    expect(screen.getByTestId('missing-count')).toHaveTextContent('2 things are still missing before it can be completed');
    await user.click(screen.getByRole('button', { name: 'Complete and sign' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Answer Q7' })).toHaveAttribute('href', '#answer-q7');
    expect(within(summary).getByRole('link', { name: 'Answer Q11: DBS check' })).toHaveAttribute('href', '#answer-q11_dbs_check');
    expect(api.callsTo('POST /api/v1/audits/:id/completion')).toHaveLength(0);
    // The first problem's section is open, with the message at the question.
    expect(screen.getByRole('heading', { level: 2, name: 'Part 1 Judgments: Q1 to Q10' })).toBeInTheDocument();
    expect(within(screen.getByTestId('question-q7')).getByText('Answer Q7')).toBeInTheDocument();
    // Following the link to the checklist opens its section and shows the message in the document's row.
    window.location.hash = '#answer-q11_dbs_check';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Q11 File checklist' })).toBeInTheDocument();
    expect(within(screen.getByTestId('checklist')).getByText('Answer Q11: DBS check')).toBeInTheDocument();
  });

  it('shows the refusals of completion (422) at the action’s fields', async () => {
    const answered = audit({ answers: FULL_ANSWERS, actions: [{ id: 'act-1', text: 'Review actions', ownerId: 'p1', owner: { id: 'p1', displayName: 'Priya Shah' } }] });
    open(answered, {
      'POST /api/v1/audits/:id/completion': problem(422, 'The audit cannot be completed', { errors: [{ pointer: '/actions/0/dueDate', message: 'Give action 1 a due date' }] }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Complete and sign' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Give action 1 a due date' })).toHaveAttribute('href', '#action-0-due-day');
    expect(screen.getByRole('heading', { level: 2, name: 'Part 1 Judgments: Q12 to Q13b' })).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Due date' })).getByText('Give action 1 a due date')).toBeInTheDocument();
  });

  it('completes and signs: a panel says so and that the Part 2 questionnaire was sent, then the audit is locked', async () => {
    const answered = audit({ answers: FULL_ANSWERS, actions: [{ id: 'act-1', text: 'Review actions', ownerId: 'p1', dueDate: '2027-01-15' }] });
    const completed = audit({
      ...answered,
      status: 'COMPLETED',
      grade: 'REQUIRES_IMPROVEMENT',
      meanRating: 2.8,
      questionnaireIssuedAt: '2026-12-02T10:00:00Z',
      completedAt: '2026-12-02T10:00:00Z',
      signature: { signer: { id: 'qa-1', displayName: 'Rachel Green' }, signedAt: '2026-12-02T10:00:00Z', contentHash: 'abc', current: true },
      actions: [{ id: 'act-1', text: 'Review actions', ownerId: 'p1', owner: { id: 'p1', displayName: 'Priya Shah' }, dueDate: '2027-01-15', trackedActionId: 'ta-1', status: 'OPEN' }],
      version: 2,
    });
    const api = open(answered, { 'POST /api/v1/audits/:id/completion': json(completed, 200, { ETag: '"v2"' }) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Complete and sign' }));
    const panel = await screen.findByTestId('completed-panel');
    expect(within(panel).getByRole('heading', { level: 1, name: 'Audit completed and signed' })).toBeInTheDocument();
    expect(panel).toHaveTextContent('The Part 2 questionnaire has been sent to Sam Okafor');
    expect(api.callsTo('POST /api/v1/audits/:id/completion')[0]?.headers.get('If-Match')).toBe('"v1"');
    expect(screen.getByTestId('status')).toHaveTextContent('Locked');
    expect(screen.getByTestId('grade')).toHaveTextContent('Requires improvement');
    expect(screen.getByTestId('mean-rating')).toHaveTextContent('2.8 (lower is better: 1 = Excellent, 5 = Poor)');
    expect(screen.queryByRole('button', { name: 'Save audit' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Compare with Sam Okafor’s Part 2 answers' })).toHaveAttribute('href', '/audits/au-1/cross-check');
    expectNoKeys();
  });

  it('shows a completed audit read-only to a manager, answers in words, with no cross-check link', async () => {
    open(
      audit({
        status: 'COMPLETED',
        answers: FULL_ANSWERS,
        grade: 'REQUIRES_IMPROVEMENT',
        meanRating: 2.75,
        actions: [{ id: 'act-1', text: 'Review actions', owner: { id: 'p1', displayName: 'Priya Shah' }, dueDate: '2027-01-15', status: 'OPEN' }],
      }),
      {},
      MARCUS,
    );
    expect(await screen.findByTestId('status')).toHaveTextContent('Locked');
    expect(screen.getByTestId('mean-rating')).toHaveTextContent('2.8 (lower is better');
    const q1 = screen.getAllByRole('term').find((dt) => dt.textContent === 'Q1 Were the actions from the last supervision session reviewed?') as HTMLElement;
    expect(q1.nextElementSibling).toHaveTextContent('2 (1 = Excellent, 5 = Poor)');
    expect(screen.getByText('Partially')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Actions needed to reach Good' })).toHaveTextContent('Friday 15 January 2027');
    expect(screen.queryByRole('link', { name: /Part 2 answers/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Complete and sign' })).toBeNull();
    expectNoKeys();
  });

  it('offers a section picker above the form in portrait', async () => {
    Object.defineProperty(window, 'innerWidth', { configurable: true, writable: true, value: 768 });
    open(audit());
    const picker = await screen.findByLabelText('Section of the audit');
    expect(screen.queryByRole('navigation', { name: 'Sections of the audit' })).toBeNull();
    await userEvent.setup().selectOptions(picker, '2');
    expect(screen.getByRole('heading', { level: 2, name: 'Q11 File checklist' })).toBeInTheDocument();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../api/client';
import { readDraft } from '../../offline/drafts';
import { TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { auditReportDraftKey } from './AuditReportPage';
import { HELEN, MORGAN, report, reportSummary } from './auditReportFixtures';

const SIGNED = report({
  status: 'SIGNED_OFF',
  themes: 'Actions are not reviewed at the start of sessions.',
  recommendations: 'Team managers to open each session with the action list.',
  signedOffBy: { id: 'h1', displayName: 'Helen Ward' },
  signedOffAt: '2026-10-07T10:00:00Z',
  version: 6,
});

function open(
  r: Schemas['AuditReport'] = report(),
  extra: Record<string, Handler> = {},
  { me = HELEN, summary = reportSummary() }: { me?: Schemas['Me']; summary?: Schemas['AuditReportSummary'] } = {},
) {
  withStoredRefreshToken();
  const api = mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(me),
    'GET /api/v1/audit-reports/:serviceId/:quarter': json(r, 200, { ETag: `"v${r.version}"` }),
    'GET /api/v1/audit-reports': json({ items: [summary] }),
    ...extra,
  });
  renderApp('/audit-reports/s1/2026-Q3');
  return api;
}

/** The report once loaded (the heading shows while it loads too). */
async function heading() {
  await screen.findByTestId('report-status');
  return screen.getByRole('heading', { level: 1, name: 'Audit report: July to September 2026' });
}

describe('Quarterly audit report', () => {
  it('shows the grades as bars with a data table and a sentence, in words', async () => {
    open();
    await heading();
    const grades = screen.getByTestId('grades');
    expect(within(grades).getByTestId('grades-summary')).toHaveTextContent(
      'Of 3 audits graded, 2 were Good or better and 1 below Good; the most common grade was Good (2).',
    );
    const table = within(grades).getByRole('table', { name: 'Overall grade of the audits completed' });
    expect(within(table).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual([
      'Outstanding0',
      'Good2',
      'Requires improvement1',
      'Inadequate0',
    ]);
    // The bars repeat the table for the eye only; their widths follow the counts.
    const chart = grades.querySelector('figure.app-bar-chart') as HTMLElement;
    expect(chart).toHaveAttribute('aria-hidden', 'true');
    const bars = [...chart.querySelectorAll<HTMLElement>('.app-bar-chart__bar')].map((b) => b.style.width);
    expect(bars).toEqual(['0%', '100%', '50%', '0%']);
    expect(document.body).not.toHaveTextContent('REQUIRES_IMPROVEMENT');
    expect(screen.getByTestId('audits-completed')).toHaveTextContent('3 audits completed in July to September 2026.');
  });

  it('gives the mean rating per question by the form’s numbering, with its function and “lower is better” beside every average', async () => {
    open();
    await heading();
    const table = within(screen.getByTestId('question-means')).getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      'Q1Were the actions from the last session reviewed?Mediation2.3 (lower is better)3',
      'Q9The worker’s own well-beingSupport1.5 (lower is better)2',
      'Q12Professional development needs discussedNo function named3.0 (lower is better)3',
      'Q6Diversity issues discussedManagementNot rated0',
    ]);
    expect(within(rows[0]!).getByText('Mediation')).toHaveClass('govuk-tag');
    const functions = within(screen.getByTestId('function-means')).getByRole('table');
    expect(within(functions).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual([
      'Management2.3 (lower is better)12',
      'Support1.5 (lower is better)2',
    ]);
    // Every average on the page says which way is better: three questions rated and two functions.
    expect(screen.getAllByText('(lower is better)')).toHaveLength(5);
    expect(document.body).not.toHaveTextContent('MEDIATION');
  });

  it('lists the actions with owner, due date in words and progress as Overdue, Done or Open', async () => {
    open();
    await heading();
    const actions = screen.getByTestId('report-actions');
    expect(within(actions).getByTestId('actions-summary')).toHaveTextContent('1 of 3 actions done; 1 overdue.');
    const rows = within(within(actions).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      'Review the actions at the start of each sessionPriya ShahFriday 30 October 2026Overdue',
      'Copy the notes to the worker within a weekMorgan HaleFriday 15 January 2027Done',
      'Book training on recordingPriya ShahFriday 29 January 2027Open',
    ]);
    expect(within(rows[0]!).getByText('Overdue')).toHaveClass('govuk-tag--red');
    expect(document.body).not.toHaveTextContent('OPEN');
  });

  it('keeps the themes typed on the device, then saves them with If-Match and forgets the device copy', async () => {
    const api = open(report(), {
      'PUT /api/v1/audit-reports/:serviceId/:quarter': (request) =>
        json(report({ ...(request.body as Schemas['AuditReportUpdate']), version: 5 }), 200, { ETag: '"v5"' }),
    });
    await heading();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Themes'), 'Actions are not reviewed');
    await user.type(screen.getByLabelText('Recommendations'), 'Open with the action list');
    await waitFor(async () =>
      expect(await readDraft(auditReportDraftKey('s1', '2026-Q3'))).toMatchObject({
        themes: 'Actions are not reviewed',
        recommendations: 'Open with the action list',
      }),
    );
    expect(await screen.findByTestId('save-status')).toHaveTextContent(/^Saved on this device \d{1,2}(:\d\d)?(am|pm)|midday|midnight$/);
    await user.click(screen.getByRole('button', { name: 'Save themes and recommendations' }));
    expect(await screen.findByText('Themes and recommendations saved')).toBeInTheDocument();
    const [put] = api.callsTo('PUT /api/v1/audit-reports/:serviceId/:quarter');
    expect(put?.headers.get('If-Match')).toBe('"v4"');
    expect(put?.body).toEqual({ themes: 'Actions are not reviewed', recommendations: 'Open with the action list' });
    await waitFor(async () => expect(await readDraft(auditReportDraftKey('s1', '2026-Q3'))).toBeNull());
    expect(screen.getByTestId('save-status')).toHaveTextContent(/^Sent /);
  });

  it('brings back unsent text kept on the device when the report is opened again', async () => {
    const api = open();
    await heading();
    await userEvent.setup().type(screen.getByLabelText('Themes'), 'Unsent theme');
    await waitFor(async () => expect(await readDraft(auditReportDraftKey('s1', '2026-Q3'))).toMatchObject({ themes: 'Unsent theme' }));
    expect(api.callsTo('PUT /api/v1/audit-reports/:serviceId/:quarter')).toHaveLength(0);
    window.history.pushState(null, '', '/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await screen.findByRole('heading', { level: 1, name: 'Home' });
    window.history.pushState(null, '', '/audit-reports/s1/2026-Q3');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await heading();
    expect(screen.getByLabelText('Themes')).toHaveValue('Unsent theme');
  });

  it('says so when someone else changed the report, keeping the text on the device', async () => {
    open(report(), { 'PUT /api/v1/audit-reports/:serviceId/:quarter': problem(412, 'Precondition Failed') });
    await heading();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Themes'), 'A theme');
    await user.click(screen.getByRole('button', { name: 'Save themes and recommendations' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Someone else changed this report since you opened it. Your text is still saved on this device');
    await waitFor(async () => expect(await readDraft(auditReportDraftKey('s1', '2026-Q3'))).toMatchObject({ themes: 'A theme' }));
  });

  it('signs off after a confirmation step: the unsent themes first, then the sign-off with the new ETag; a panel and Locked', async () => {
    const api = open(report(), {
      'PUT /api/v1/audit-reports/:serviceId/:quarter': (request) =>
        json(report({ ...(request.body as Schemas['AuditReportUpdate']), version: 5 }), 200, { ETag: '"v5"' }),
      'POST /api/v1/audit-reports/:serviceId/:quarter/sign-off': json({ ...SIGNED, themes: 'Actions are not reviewed' }, 200, { ETag: '"v6"' }),
    });
    await heading();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Themes'), 'Actions are not reviewed');
    await user.click(screen.getByRole('button', { name: 'Sign off this report' }));
    const confirmation = screen.getByTestId('sign-off-confirmation');
    expect(confirmation).toHaveTextContent('You are signing off the audit report of Children and Families for July to September 2026 (3 audits).');
    expect(confirmation).toHaveTextContent('Once signed off, the report is locked');
    expect(api.callsTo('POST /api/v1/audit-reports/:serviceId/:quarter/sign-off')).toHaveLength(0);
    await user.click(within(confirmation).getByRole('button', { name: 'Yes, sign off this report' }));

    expect(await screen.findByTestId('signed-off-panel')).toHaveTextContent('Report signed off');
    const [put] = api.callsTo('PUT /api/v1/audit-reports/:serviceId/:quarter');
    expect(put?.headers.get('If-Match')).toBe('"v4"');
    const [post] = api.callsTo('POST /api/v1/audit-reports/:serviceId/:quarter/sign-off');
    expect(post?.headers.get('If-Match')).toBe('"v5"');
    expect(screen.getByTestId('report-status')).toHaveTextContent('Signed off 🔒 Locked');
    expect(screen.getByTestId('signed-off-by')).toHaveTextContent('Signed off by Helen Ward on Wednesday 7 October 2026.');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign off this report' })).toBeNull();
    expect(screen.getByTestId('themes-text')).toHaveTextContent('Actions are not reviewed');
    expect(document.title).toBe('Report signed off – Supervision');
  });

  it('shows a refused sign-off (422) as an error summary, linking to the themes when they are the reason', async () => {
    open(report(), {
      'POST /api/v1/audit-reports/:serviceId/:quarter/sign-off': problem(422, 'Unprocessable Content', {
        detail: 'The report cannot be signed off yet.',
        errors: [
          { pointer: '/themes', message: 'Write the themes before signing the report off' },
          { pointer: '#quarter', message: 'The quarter has not ended yet' },
        ],
      }),
    });
    await heading();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Sign off this report' }));
    await user.click(screen.getByRole('button', { name: 'Yes, sign off this report' }));
    const summary = (await screen.findByRole('heading', { name: 'There is a problem' })).closest('.govuk-error-summary') as HTMLElement;
    expect(summary).toHaveTextContent('The report cannot be signed off yet.');
    expect(within(summary).getByRole('link', { name: 'Write the themes before signing the report off' })).toHaveAttribute('href', '#themes');
    expect(summary).toHaveTextContent('The quarter has not ended yet');
    expect(screen.queryByTestId('signed-off-panel')).toBeNull();
    expect(screen.getByTestId('report-status')).toHaveTextContent('Draft');
    expect(screen.getByTestId('report-status')).not.toHaveTextContent('Locked');
    expect(document.title).toBe('Error: Audit report: July to September 2026 – Supervision');
  });

  it('a signed-off report is read-only, with who signed it off and when, and Locked', async () => {
    open(SIGNED, {}, { summary: reportSummary({ status: 'SIGNED_OFF', mayEdit: false, maySignOff: false }) });
    await heading();
    expect(screen.getByTestId('report-status')).toHaveTextContent('Signed off 🔒 Locked');
    expect(screen.getByTestId('signed-off-by')).toHaveTextContent('Signed off by Helen Ward on Wednesday 7 October 2026.');
    expect(screen.getByTestId('themes-text')).toHaveTextContent('Actions are not reviewed at the start of sessions.');
    expect(screen.getByTestId('recommendations-text')).toHaveTextContent('Team managers to open each session with the action list.');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByTestId('sign-off')).toBeNull();
    expect(screen.queryByTestId('signed-off-panel')).toBeNull();
  });

  it('a service manager may write the themes but not sign off', async () => {
    open(report(), {}, { me: MORGAN, summary: reportSummary({ maySignOff: false }) });
    await heading();
    expect(screen.getByLabelText('Themes')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign off this report' })).toBeNull();
  });
});

describe('Leaving the report with unsent text', () => {
  it('asks first, and stays when the person says no', async () => {
    open();
    await heading();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Themes'), 'Half a theme');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    await user.click(screen.getByRole('link', { name: 'Back' }));
    expect(confirm).toHaveBeenCalledWith('Your themes and recommendations are saved on this device but not sent yet. Leave this page?');
    expect(window.location.pathname).toBe('/audit-reports/s1/2026-Q3');
    confirm.mockReturnValue(true);
    await user.click(screen.getByRole('link', { name: 'Back' }));
    await waitFor(() => expect(window.location.pathname).toBe('/audit-reports'));
    confirm.mockRestore();
  });
});

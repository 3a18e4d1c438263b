// End-to-end (issue 9): on a landscape tablet (1024x768), the service manager sees the month's audit due on home with
// the suggested file and starts it; the head of service opens the previous quarter's audit report of a service from
// "Reports to sign off", reads the grades, the mean rating per question and the actions, adds a theme where they may
// (quality assurance writes it through the API otherwise: sign-off needs themes), signs the report off and
// sees it locked. axe on every page. Screenshots: e2e/output/audit-report/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BASE_URL, LANDSCAPE, PASSWORD, dateText, expectNoAxeViolations, h1, launchBrowser, newPage, signIn, today } from './helpers.mjs';

const SERVICE_MANAGER = 'servicemanager@demo.test';
const HEAD = 'head@demo.test';
const QA = 'qa@demo.test';
const OUT = join(dirname(fileURLToPath(import.meta.url)), 'output', 'audit-report');
mkdirSync(OUT, { recursive: true });

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function token(username) {
  const response = await fetch(`${BASE_URL}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  assert.equal(response.status, 200, `${username} signs in`);
  return (await response.json()).accessToken;
}

async function call(bearer, method, path, body, headers = {}) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, etag: response.headers.get('ETag'), body: text ? JSON.parse(text) : null };
}

/** The quarter before today's (in the UK), "2026-Q3", and its words, "July to September 2026". */
function previousQuarter() {
  const [y, m] = today();
  const index = y * 4 + Math.floor((m - 1) / 3) - 1;
  const year = Math.floor(index / 4);
  const q = (index % 4) + 1;
  return { quarter: `${year}-Q${q}`, words: `${MONTHS[(q - 1) * 3]} to ${MONTHS[(q - 1) * 3 + 2]} ${year}` };
}

async function signInAt(page, username) {
  await page.goto('/sign-in');
  await signIn(page, username);
  await page.waitForURL(`${BASE_URL}/`);
}

async function shot(page, name) {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

function failureShots(t, page, name) {
  t.after(async () => {
    if (!page.isClosed()) {
      await shot(page, `${name}-failed`).catch(() => undefined);
      await page.context().close();
    }
  });
}

describe('Audits due and the quarterly audit report', { timeout: 600_000 }, () => {
  test('the service manager sees the month’s audit due with the suggested file and starts it', async (t) => {
    const marcus = await token(SERVICE_MANAGER);
    const schedule = await call(marcus, 'GET', '/api/v1/audit-schedule');
    assert.equal(schedule.status, 200, JSON.stringify(schedule.body));
    const due = schedule.body.items.find((item) => item.kind === 'SERVICE_MANAGER_MONTHLY' && item.status !== 'DONE');
    assert.ok(due, `a monthly audit is due from the service manager: ${JSON.stringify(schedule.body)}`);
    assert.ok(due.suggestedSupervisee, 'with a suggested file');

    const page = await newPage(browser, LANDSCAPE);
    failureShots(t, page, 'service-manager');
    await signInAt(page, SERVICE_MANAGER);
    const card = page.getByTestId('audits-due');
    const line = card.getByTestId('audit-due-item').filter({ hasText: `Your audit for ${due.periodLabel}` });
    await line.waitFor();
    const [y, m, d] = due.dueBy.split('-').map(Number);
    const text = (await line.textContent()).replace(/\s+/g, ' ');
    assert.ok(text.includes(`Your audit for ${due.periodLabel}: due by ${dateText([y, m, d])}`), text);
    const tag = (await line.locator('.govuk-tag').textContent()).trim();
    assert.ok(['Due', 'Overdue', 'In progress'].includes(tag), `a status in words: ${tag}`);
    const suggested = `Suggested: ${due.suggestedSupervisee.displayName}${due.suggestedTeam ? `, ${due.suggestedTeam.name}` : ''}`;
    assert.ok(text.includes(suggested), `${suggested} in: ${text}`);
    assert.ok(!/SERVICE_MANAGER_MONTHLY|OVERDUE|IN_PROGRESS/.test(text), 'words, never keys');
    await expectNoAxeViolations(page, 'the service manager’s home with the audit due');
    await shot(page, '1-service-manager-home');

    const start = line.getByRole('button', { name: due.auditId ? 'Continue' : 'Start this audit' });
    const box = await start.boundingBox();
    assert.ok(box.height >= 44, `the button is a touch target (${box.height}px)`);
    await start.click();
    await page.waitForURL(/\/audits\/[0-9a-f-]{36}$/);
    const auditId = page.url().split('/').pop();
    const audit = await call(marcus, 'GET', `/api/v1/audits/${auditId}`);
    assert.equal(audit.status, 200, JSON.stringify(audit.body));
    assert.equal(audit.body.kind, 'SERVICE_MANAGER_MONTHLY');
    assert.equal(audit.body.supervisee.id, due.suggestedSupervisee.id);
    await shot(page, '2-audit-started');

    // Home now offers to continue it.
    await page.goto('/');
    await page.getByTestId('audits-due').getByRole('button', { name: 'Continue' }).first().waitFor();
    await page.context().close();
  });

  test('the head of service signs off the previous quarter’s report of a service and sees it locked', async (t) => {
    const { quarter, words } = previousQuarter();
    const helen = await token(HEAD);
    const listed = await call(helen, 'GET', `/api/v1/audit-reports?quarter=${quarter}`);
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    const waiting = listed.body.items.filter((r) => r.maySignOff && r.status === 'DRAFT' && r.auditsCompleted > 0);
    // An audit counts in the quarter it is completed in, so the API cannot make one for a quarter that has ended: the
    // demo data must hold them.
    assert.ok(waiting.length > 0, `the demo data holds completed audits for ${quarter}: ${JSON.stringify(listed.body)}`);
    const target = waiting[0];

    const page = await newPage(browser, LANDSCAPE);
    failureShots(t, page, 'head-of-service');
    await signInAt(page, HEAD);
    const toSign = page.getByTestId('reports-to-sign-off');
    await toSign.getByRole('heading', { name: `Reports to sign off: ${waiting.length}` }).waitFor();
    await expectNoAxeViolations(page, 'the head of service’s home with reports to sign off');
    await shot(page, '3-head-home');

    // The list of the quarter's reports, with the quarter in words.
    await toSign.getByRole('link', { name: 'All quarterly audit reports' }).click();
    await page.waitForURL(`${BASE_URL}/audit-reports?quarter=${quarter}`);
    assert.equal(await h1(page), 'Quarterly audit reports');
    await page.getByRole('table', { name: `Audit reports for ${words}` }).waitFor();
    assert.equal(await page.getByLabel('Quarter').inputValue(), quarter);
    await expectNoAxeViolations(page, 'the quarterly audit reports');
    await shot(page, '4-reports');

    await page.goto('/');
    await toSign.getByRole('link', { name: `${target.service.name}: audit report for ${words}` }).click();
    await page.waitForURL(`${BASE_URL}/audit-reports/${target.service.id}/${quarter}`);
    await page.getByTestId('report-status').waitFor();
    assert.equal(await h1(page), `Audit report: ${words}`);
    const report = await call(helen, 'GET', `/api/v1/audit-reports/${target.service.id}/${quarter}`);
    assert.equal(report.status, 200);
    const completed = report.body.auditsCompleted;
    await page.getByTestId('audits-completed').getByText(`${completed === 1 ? '1 audit' : `${completed} audits`} completed in ${words}.`).waitFor();
    const grades = page.getByTestId('grades');
    await grades.getByRole('table', { name: 'Overall grade of the audits completed' }).waitFor();
    assert.match(await grades.getByTestId('grades-summary').textContent(), /^Of \d+ audits? graded/);
    // Every average says that lower is better; no internal keys anywhere.
    const rated = report.body.questions.filter((q) => q.meanRating !== undefined && q.meanRating !== null).length + report.body.functions.length;
    assert.equal(await page.getByText('(lower is better)').count(), rated);
    const body = await page.locator('main').textContent();
    assert.ok(!/REQUIRES_IMPROVEMENT|OUTSTANDING|MANAGEMENT|SIGNED_OFF|NO_LONGER_NEEDED/.test(body), 'words, never keys');
    await expectNoAxeViolations(page, 'the quarterly audit report');
    await shot(page, '5-report');

    // Sign-off needs themes: the head adds one where they may write; otherwise quality assurance writes them (the
    // head of service signs off, QA auditors and the service's service managers write the themes).
    const themes = page.getByLabel('Themes', { exact: true });
    const hasThemes = !!report.body.themes?.trim();
    if (await themes.count()) {
      await themes.fill(`${report.body.themes ?? ''}\nActions from the last session are not always reviewed at the start of the next.`.trim());
      await page.getByTestId('save-status').getByText(/^Saved on this device/).waitFor();
      await page.getByRole('button', { name: 'Save themes and recommendations' }).click();
      await page.getByTestId('save-status').getByText(/^Sent/).waitFor();
    } else if (!hasThemes) {
      const manager = await token(QA);
      const current = await call(manager, 'GET', `/api/v1/audit-reports/${target.service.id}/${quarter}`);
      const written = await call(
        manager,
        'PUT',
        `/api/v1/audit-reports/${target.service.id}/${quarter}`,
        { themes: 'Actions from the last session are not always reviewed at the start of the next.', recommendations: current.body.recommendations ?? '' },
        { 'If-Match': current.etag },
      );
      assert.equal(written.status, 200, `quality assurance writes the themes: ${JSON.stringify(written.body)}`);
      await page.reload();
      await page.getByTestId('themes-text').getByText('Actions from the last session are not always reviewed').waitFor();
    }

    await page.getByRole('button', { name: 'Sign off this report' }).click();
    const confirmation = page.getByTestId('sign-off-confirmation');
    await confirmation.getByText(`You are signing off the audit report of ${target.service.name} for ${words}`).waitFor();
    await expectNoAxeViolations(page, 'the sign-off confirmation');
    await shot(page, '6-confirm-sign-off');
    await confirmation.getByRole('button', { name: 'Yes, sign off this report' }).click();

    await page.getByTestId('signed-off-panel').getByText('Report signed off').waitFor();
    await page.getByTestId('report-status').getByText('Locked').waitFor();
    const signedBy = (await page.getByTestId('signed-off-by').textContent()).replace(/\s+/g, ' ');
    assert.equal(signedBy, `Signed off by Helen Carter on ${dateText(today())}. The report can no longer be changed.`);
    assert.equal(await page.locator('main textarea').count(), 0, 'locked: read only');
    assert.equal(await page.getByRole('button', { name: 'Sign off this report' }).count(), 0);
    await expectNoAxeViolations(page, 'the signed-off report');
    await shot(page, '7-signed-off');

    const after = await call(helen, 'GET', `/api/v1/audit-reports/${target.service.id}/${quarter}`);
    assert.equal(after.body.status, 'SIGNED_OFF');
    // A reload still shows it locked, and home no longer asks for it.
    await page.reload();
    await page.getByTestId('signed-off-by').waitFor();
    await page.getByTestId('report-status').getByText('Locked').waitFor();
    await page.goto('/');
    await page.getByTestId('reports-to-sign-off').waitFor();
    assert.equal(await page.getByTestId('reports-to-sign-off').getByRole('link', { name: `${target.service.name}: audit report for ${words}` }).count(), 0);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  test('the head of service is told in words why a report cannot be signed off yet', async (t) => {
    // The current quarter's report: refused until the quarter has ended, whatever the data holds.
    const [y, m] = today();
    const quarter = `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
    const first = (Math.floor((m - 1) / 3)) * 3;
    const words = `${MONTHS[first]} to ${MONTHS[first + 2]} ${y}`;
    const helen = await token(HEAD);
    const listed = await call(helen, 'GET', `/api/v1/audit-reports?quarter=${quarter}`);
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    const target = listed.body.items.find((r) => r.maySignOff && r.status === 'DRAFT');
    assert.ok(target, `a report of ${quarter} the head of service may sign off: ${JSON.stringify(listed.body)}`);
    // Quality assurance writes the themes, so they are not among the reasons.
    const qa = await token(QA);
    const current = await call(qa, 'GET', `/api/v1/audit-reports/${target.service.id}/${quarter}`);
    const written = await call(qa, 'PUT', `/api/v1/audit-reports/${target.service.id}/${quarter}`, { themes: 'Themes written before the quarter ends.' }, { 'If-Match': current.etag });
    assert.equal(written.status, 200, JSON.stringify(written.body));

    const page = await newPage(browser, LANDSCAPE);
    failureShots(t, page, 'head-refused');
    await signInAt(page, HEAD);
    await page.getByTestId('reports-to-sign-off').getByRole('link', { name: 'All quarterly audit reports' }).click();
    await page.waitForURL(/\/audit-reports\?quarter=/);
    // The quarter picked in words.
    await page.getByLabel('Quarter').selectOption({ label: words });
    await page.getByRole('button', { name: 'Show reports' }).click();
    await page.waitForURL(`${BASE_URL}/audit-reports?quarter=${quarter}`);
    await page.getByRole('table', { name: `Audit reports for ${words}` }).waitFor();
    await expectNoAxeViolations(page, 'the quarterly audit reports');
    await shot(page, '4-reports');
    await page.getByRole('link', { name: `Review and sign off for ${target.service.name}` }).click();
    await page.waitForURL(`${BASE_URL}/audit-reports/${target.service.id}/${quarter}`);
    await page.getByTestId('report-status').getByText('Draft').waitFor();
    assert.equal(await h1(page), `Audit report: ${words}`);
    await page.getByTestId('grades-summary').waitFor();
    await page.getByTestId('themes-text').getByText('Themes written before the quarter ends.').waitFor();
    assert.equal(await page.locator('main textarea').count(), 0, 'a head of service signs off; quality assurance and service managers write');
    await expectNoAxeViolations(page, 'a report of the quarter under way');
    await shot(page, '5-report-of-the-current-quarter');

    await page.getByRole('button', { name: 'Sign off this report' }).click();
    await page.getByTestId('sign-off-confirmation').getByRole('button', { name: 'Yes, sign off this report' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText('There is a problem').waitFor();
    await summary.getByText(/has not ended yet/).waitFor();
    assert.equal(await page.title(), `Error: Audit report: ${words} – Supervision`);
    assert.equal(await page.getByTestId('signed-off-panel').count(), 0);
    assert.equal(await page.getByTestId('report-status').getByText('Locked').count(), 0);
    await expectNoAxeViolations(page, 'a refused sign-off');
    await shot(page, '6-sign-off-refused');
    const after = await call(helen, 'GET', `/api/v1/audit-reports/${target.service.id}/${quarter}`);
    assert.equal(after.body.status, 'DRAFT', 'still a draft');
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });
});

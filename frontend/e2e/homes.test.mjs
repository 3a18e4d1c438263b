// End-to-end (issue 10): every role's home on a landscape tablet (1024x768). The service manager, head of
// service, QA auditor, elected member, HR officer and administrator each sign in and land on a home for their work
// with its data table; axe passes on each; the member's page names no member of staff (every name the HR officer
// can list is looked for) and links to no record; the service manager opens the people behind a figure. The
// member's page is also checked in portrait and on a phone. Screenshots: e2e/output/homes/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BASE_URL, LANDSCAPE, PASSWORD, PORTRAIT, expectNoAxeViolations, h1, launchBrowser, newPage, signIn } from './helpers.mjs';

const PHONE = { width: 390, height: 844 };
const OUT = join(dirname(fileURLToPath(import.meta.url)), 'output', 'homes');
mkdirSync(OUT, { recursive: true });

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function apiToken(username) {
  const response = await fetch(`${BASE_URL}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  assert.equal(response.status, 200, `${username} signs in`);
  return (await response.json()).accessToken;
}

async function apiGet(token, path) {
  const response = await fetch(`${BASE_URL}${path}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
  assert.equal(response.status, 200, `GET ${path}`);
  return response.json();
}

/** Every member of staff's name, current and past, as HR lists them. */
async function everyStaffName() {
  const token = await apiToken('hr@demo.test');
  const names = [];
  let cursor;
  do {
    const page = await apiGet(token, `/api/v1/staff?status=all&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    names.push(...page.items.map((s) => s.displayName));
    cursor = page.nextCursor;
  } while (cursor);
  return names;
}

async function shot(page, name) {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

/** Signs in on a fresh page and waits for the home; a page a test did not close (it failed) is photographed and closed. */
async function home(t, username, name, viewport = LANDSCAPE) {
  const page = await newPage(browser, viewport);
  // Builds share two cores: slower than a developer's machine.
  page.setDefaultTimeout(60_000);
  t.after(async () => {
    if (!page.isClosed()) {
      await shot(page, `${name}-failed`).catch(() => undefined);
      await page.context().close();
    }
  });
  await page.goto('/sign-in');
  await signIn(page, username);
  await page.waitForURL(`${BASE_URL}/`);
  return page;
}

/** Waits until no skeleton (loading placeholder) is left on the page. */
async function settled(page) {
  await page.waitForFunction(() => document.querySelectorAll('.app-skeleton, [data-testid="home-skeleton"]').length === 0);
}

/** The rows (header cells and cells as text) of a table. */
async function rows(table) {
  return table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

describe('Every role’s home', { timeout: 900_000 }, () => {
  test('service manager: their teams side by side, and the people behind a figure', async (t) => {
    const page = await home(t, 'servicemanager@demo.test', 'service-manager');
    assert.equal(await h1(page), 'Home');
    const table = page.getByRole('table', { name: /^Teams in / }).first();
    await table.waitFor();
    await settled(page);
    const teams = await rows(table);
    assert.ok(teams.length >= 2, `a row per team and the service's total: ${JSON.stringify(teams)}`);
    assert.match(teams.at(-1)[0], /^All: /);
    for (const row of teams) for (const cell of row.slice(1)) assert.match(cell, /^(\d+% \(\d+ of \d+\)|\d+ (person|people|records?)|No one to count|No one counted|Suppressed)/, `a figure in words: ${cell}`);
    assert.equal(await page.getByText(/sessions\.[a-z]|SERVICE_MANAGER|FEWER_THAN/).count(), 0, 'no keys or enum values');
    await expectNoAxeViolations(page, 'the service manager’s home');
    await shot(page, 'service-manager');

    // From a figure to the people behind it.
    const figure = table.getByRole('link', { name: /the people behind this figure/ }).first();
    await figure.click();
    await page.waitForURL(/\/measures\/people\?measure=/);
    await page.getByText('The people behind a figure').waitFor();
    await settled(page);
    const people = page.getByRole('table', { name: /^People counted in / });
    const none = page.getByText('No one is counted in this figure.');
    await people.or(none).first().waitFor();
    await expectNoAxeViolations(page, 'the people behind a figure');
    await shot(page, 'service-manager-people');
    await page.context().close();
  });

  test('head of service: services side by side, audit grades over time as bars with their table, evidence packs', async (t) => {
    const page = await home(t, 'head@demo.test', 'head-of-service');
    assert.equal(await h1(page), 'Home');
    const services = page.getByRole('table', { name: /^Services in / });
    await services.waitFor();
    const chart = page.getByRole('img', { name: /^Audit grades by quarter, / });
    await chart.waitFor();
    await settled(page);
    assert.ok((await rows(services)).length >= 2, 'a row per service and the total');
    const summary = await chart.evaluate((svg) => document.getElementById(svg.getAttribute('aria-describedby')).textContent);
    assert.match(summary, /graded/, 'the chart says in one sentence what it shows');
    const grades = page.getByTestId('grades-over-time');
    await grades.getByText('Show the figures as a table').click();
    assert.ok((await rows(grades.getByRole('table'))).length >= 4, 'a row per quarter at least');
    assert.equal(await page.getByRole('link', { name: 'Evidence packs for a scope and period' }).getAttribute('href'), '/evidence-packs');
    await expectNoAxeViolations(page, 'the head of service’s home');
    await shot(page, 'head-of-service');
    await page.context().close();
  });

  test('QA auditor: the services, audit grades, and this quarter’s sample', async (t) => {
    const page = await home(t, 'qa@demo.test', 'qa');
    assert.equal(await h1(page), 'Home');
    await page.getByRole('table', { name: /^Services in / }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Audits this quarter' }).waitFor();
    await page.getByRole('img', { name: /^Audit grades by quarter, / }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'the QA auditor’s home');
    await shot(page, 'qa');
    await page.context().close();
  });

  test('elected member: one page of figures and trends, small groups suppressed, no names and no records', async (t) => {
    const names = await everyStaffName();
    assert.ok(names.length > 10, 'the demo organisation has staff to look for');
    const page = await home(t, 'member@demo.test', 'member');
    assert.match(await h1(page), /^Supervision in /);
    await page.getByRole('table', { name: /^Services in / }).waitFor();
    await page.getByTestId('measure-list').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="line-chart"]').length === 5);
    await settled(page);
    // Each trend has its one-sentence summary and its table.
    const charts = page.getByTestId('line-chart');
    for (let i = 0; i < 5; i++) {
      const chart = charts.nth(i);
      assert.equal(await chart.getByRole('img').count(), 1);
      assert.ok((await chart.locator('figcaption').textContent()).trim().length > 10, 'a summary in words');
      assert.equal(await chart.getByRole('table', { includeHidden: true }).locator('tbody tr').count(), 12, 'twelve months in the table');
    }
    await charts.first().getByText('Show the figures as a table').click();
    assert.ok(await charts.first().getByRole('table').isVisible());

    const text = await page.locator('main').innerText();
    const shown = names.filter((name) => text.includes(name));
    assert.deepEqual(shown, [], 'the member’s page names no member of staff');
    const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs.filter((h) => /^\/(staff|sessions|agreements|audits|case-discussions|children|measures\/people)/.test(h)), [], 'no link to a record or a person');
    // Every suppressed figure says so in words, with the organisation's minimum group size.
    const suppressed = await page.getByText(/^Suppressed \(/).allTextContents();
    for (const s of suppressed) assert.match(s.trim(), /fewer than \d+\)$/);
    assert.equal(await page.getByText(/FEWER_THAN_MINIMUM|DIFFERENCING|sessions\.withinInterval/).count(), 0, 'no keys or enum values');
    await expectNoAxeViolations(page, 'the elected member’s page');
    await shot(page, 'member');

    for (const [label, viewport] of [['portrait', PORTRAIT], ['phone', PHONE]]) {
      await page.setViewportSize(viewport);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
      assert.equal(wide, false, `the member’s page does not scroll sideways (${label})`);
      await expectNoAxeViolations(page, `the elected member’s page (${label})`);
      await shot(page, `member-${label}`);
    }
    await page.context().close();
  });

  test('HR officer: staff, leavers and movers, managers’ training, instead of a dead end', async (t) => {
    const page = await home(t, 'hr@demo.test', 'hr');
    assert.equal(await h1(page), 'Home');
    assert.equal(await page.getByRole('link', { name: 'Staff directory' }).getAttribute('href'), '/staff');
    await page.getByTestId('managers-training').waitFor();
    await settled(page);
    for (const id of ['leaving-soon', 'movers', 'recent-leavers']) await page.getByTestId(id).waitFor();
    const training = page.getByTestId('managers-training');
    await training.getByRole('table').or(training.getByTestId('training-figure')).or(training.getByText('Every manager has completed')).first().waitFor();
    assert.equal(await page.getByText('Your account is not linked to a staff record').count(), 0);
    await expectNoAxeViolations(page, 'the HR officer’s home');
    await shot(page, 'hr');
    await page.context().close();
  });

  test('administrator: the organisation, its policy and the machine clients, instead of a dead end', async (t) => {
    const page = await home(t, 'admin@demo.test', 'admin');
    assert.equal(await h1(page), 'Home');
    await page.getByTestId('admin-policy').locator('.govuk-summary-list').waitFor();
    const clients = page.getByTestId('admin-clients');
    await clients.getByRole('table').or(clients.getByText('No machine client is registered.')).first().waitFor();
    await settled(page);
    assert.equal(await page.getByText('Your account is not linked to a staff record').count(), 0);
    assert.equal(await page.getByText(/measures:read|staff\.write/).count(), 0, 'scopes in words');
    await expectNoAxeViolations(page, 'the administrator’s home');
    await shot(page, 'admin');
    await page.context().close();
  });
});

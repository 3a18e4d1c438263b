// End-to-end: the quick decision from a child's name (issue 8, items 4 and 5).
// Its own data, made through the API: a new supervisee of Tom Ellis (a demo supervisor no other browser
// test signs in as), a child allocated to them, and a machine client with `case-decisions:read`.
// At the tablet viewport Tom finds the child by name and records a decision in under a minute with no more
// fields than the quick decision has; sees it waiting to be filed; the client acknowledges it through the
// API; the decisions page then counts it as filed within 24 hours. The same at a phone's viewport. axe
// passes on every page visited.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, LANDSCAPE, PASSWORD, expectNoAxeViolations, h1, launchBrowser, newPage, signIn } from './helpers.mjs';

const SUPERVISOR = 'tom.ellis@demo.test';
const ADMIN = 'admin@demo.test';
const PHONE = { width: 390, height: 844 };

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function api(method, path, { token, body, headers = {}, form } = {}) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: {
      Accept: 'application/json, application/problem+json',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(form !== undefined ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: form !== undefined ? new URLSearchParams(form).toString() : body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function apiSignIn(username) {
  const { status, body } = await api('POST', '/api/v1/auth/sign-in', { body: { username, password: PASSWORD } });
  assert.equal(status, 200, `API sign-in of ${username}`);
  return body.accessToken;
}

/** A supervisee of Tom's, a child allocated to them and a case-management client: all new, all through the API. */
async function makeData() {
  const run = randomUUID().slice(0, 8);
  const admin = await apiSignIn(ADMIN);
  const tom = await apiSignIn(SUPERVISOR);
  const tomMe = (await api('GET', '/api/v1/me', { token: tom })).body;
  assert.ok(tomMe.staff?.team, 'Tom Ellis has a staff record in a team');

  const started = new Date(Date.now() - 400 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const staff = await api('POST', '/api/v1/staff', {
    token: admin,
    headers: { 'Idempotency-Key': randomUUID() },
    body: {
      givenName: 'Robin',
      familyName: `Quickdecision${run}`,
      email: `robin.${run}@e2e.test`,
      jobTitle: 'Social Worker',
      category: 'REGISTERED_SOCIAL_WORKER',
      employmentType: 'PERMANENT',
      weeklyHours: 37,
      employmentStartDate: started,
      postStartDate: started,
      carriesCaseload: true,
      caseloadSize: 12,
      teamId: tomMe.staff.team.id,
      supervisorId: tomMe.staff.id,
    },
  });
  assert.equal(staff.status, 201, `a new supervisee of Tom's: ${JSON.stringify(staff.body)}`);

  const childName = `Zephyrine Quill${run}`;
  const caseNumber = `E2E-${run}`;
  const child = await api('POST', '/api/v1/children', {
    token: tom,
    headers: { 'Idempotency-Key': randomUUID() },
    body: { name: childName, caseNumber, allocatedWorkerId: staff.body.id },
  });
  assert.equal(child.status, 201, `a child allocated to the new supervisee: ${JSON.stringify(child.body)}`);

  const client = await api('POST', '/api/v1/machine-clients', {
    token: admin,
    body: { name: `Case management ${run}`, scopes: ['case-decisions:read'] },
  });
  assert.equal(client.status, 201, `a case-management client: ${JSON.stringify(client.body)}`);
  const token = await api('POST', '/api/v1/oauth/token', {
    form: { grant_type: 'client_credentials', client_id: client.body.clientId, client_secret: client.body.clientSecret },
  });
  assert.equal(token.status, 200, `a client token: ${JSON.stringify(token.body)}`);

  return { tom, team: tomMe.staff.team, child: child.body, childName, caseNumber, clientToken: token.body.access_token };
}

/** The quick decision from home, as a manager does it: child by name, decision, reason, sign. Returns the seconds taken. */
async function recordQuickDecision(page, { childName, decision, reason }) {
  const started = Date.now();
  await page.getByRole('button', { name: 'Record a decision' }).first().click();
  assert.equal(await h1(page), 'Record a decision');
  await expectNoAxeViolations(page, 'the quick decision form');

  const form = page.getByTestId('quick-decision-form');
  // Only the quick decision's fields: the child's name, the decision, the reason (and "when", shown as now).
  assert.equal(await form.locator('input:not([type=radio]), textarea, select').count(), 3, 'three fields before "when" is changed');
  assert.match(await page.getByTestId('decided-when').innerText(), /^Today at \d{1,2}(:\d{2})?(am|pm)|^Today at (midday|midnight)/);

  await page.getByRole('searchbox', { name: 'Child' }).pressSequentially(childName.slice(0, 12), { delay: 20 });
  const match = page.getByRole('radio', { name: new RegExp(childName) });
  await match.waitFor();
  await expectNoAxeViolations(page, 'the quick decision with matching children');
  await match.check();
  await page.getByLabel('Decision', { exact: true }).fill(decision);
  await page.getByLabel('Reason').fill(reason);
  await page.getByRole('button', { name: 'Sign and send' }).click();
  await page.getByRole('heading', { level: 1, name: "Decision recorded and sent to the child's record" }).waitFor();
  const seconds = (Date.now() - started) / 1000;
  await expectNoAxeViolations(page, 'the quick decision confirmation');
  return seconds;
}

async function teamRow(page, teamName) {
  const table = page.getByTestId('decisions-filed').locator('table');
  await table.waitFor();
  const row = table.locator('tbody tr').filter({ has: page.locator('th', { hasText: teamName }) });
  assert.equal(await row.count(), 1, `a row for ${teamName}`);
  return (await row.locator('td').allInnerTexts()).map((t) => t.trim());
}

describe('The quick decision from a child’s name', () => {
  test('tablet: recorded in under a minute, waits to be filed, acknowledged by the client, then counted', async () => {
    const data = await makeData();
    const page = await newPage(browser, LANDSCAPE);
    await page.goto('/');
    await signIn(page, SUPERVISOR);
    await page.getByRole('heading', { level: 1, name: 'My supervision' }).waitFor();
    await expectNoAxeViolations(page, 'the supervisor’s home');

    const decision = `Convene a strategy meeting ${randomUUID().slice(0, 6)}`;
    const seconds = await recordQuickDecision(page, { childName: data.childName, decision, reason: 'New bruising seen at school today' });
    assert.ok(seconds < 60, `the quick decision took ${seconds} s`);

    // Stored as the API says: signed by Tom, about this child.
    const mine = await api('GET', `/api/v1/case-decisions?childId=${data.child.id}`, { token: data.tom });
    const stored = mine.body.items.find((d) => d.decision === decision);
    assert.ok(stored, 'the decision is in the feed for the child');
    assert.equal(stored.kind, 'MANAGEMENT');
    assert.equal(stored.rationale, 'New bruising seen at school today');
    assert.equal(stored.child.caseNumber, data.caseNumber);
    assert.ok(!stored.acknowledgedAt, 'not yet acknowledged');

    // Waiting to be filed, on the decisions page.
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Decisions' }).click();
    assert.equal(await h1(page), 'Decisions about children');
    const waiting = page.getByTestId('decisions-waiting');
    await waiting.getByText(decision).waitFor();
    assert.match(await waiting.locator('tr', { hasText: decision }).innerText(), /Waiting to be filed/);
    await expectNoAxeViolations(page, 'the decisions page with a decision waiting');
    const before = await teamRow(page, data.team.name);

    // The case-management system reads the feed and acknowledges filing it.
    const feed = await api('GET', '/api/v1/case-decisions?acknowledged=false&limit=200', { token: data.clientToken });
    assert.equal(feed.status, 200);
    assert.ok(feed.body.items.some((d) => d.id === stored.id), 'the client sees the decision in the feed');
    const ack = await api('POST', `/api/v1/case-decisions/${stored.id}/acknowledgement`, { token: data.clientToken, body: { filedAs: 'CMS-NOTE-1' } });
    assert.equal(ack.status, 200);
    assert.ok(ack.body.acknowledgedAt);

    // The page now counts it as filed within 24 hours, and it no longer waits.
    await page.reload();
    assert.equal(await h1(page), 'Decisions about children');
    const afterRow = await teamRow(page, data.team.name);
    assert.equal(Number(afterRow[1]), Number(before[1]) + 1, `filed within 24 hours went from ${before[1]} to ${afterRow[1]}`);
    assert.equal(Number(afterRow[0]), Number(before[0]), 'signed is the same');
    assert.match(afterRow[5], /^\d{1,3}% \(\d+ of \d+\)$/);
    await page.getByTestId('decisions-waiting').waitFor();
    assert.equal(await page.getByTestId('decisions-waiting').getByText(decision).count(), 0);
    await expectNoAxeViolations(page, 'the decisions page after filing');

    // The child's page shows it filed.
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Children' }).click();
    assert.equal(await h1(page), 'Children');
    await page.getByRole('searchbox', { name: 'Name or case number' }).fill(data.caseNumber);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: data.childName }).waitFor();
    await expectNoAxeViolations(page, 'the children found by case number');
    await page.getByRole('link', { name: data.childName }).click();
    assert.equal(await h1(page), data.childName);
    const row = page.getByTestId('child-decisions').locator('tr', { hasText: decision });
    await row.waitFor();
    assert.match(await row.innerText(), /Filed/);
    await expectNoAxeViolations(page, 'the child’s page');

    // A second child with the same case number is refused with a link to the one already recorded.
    await page.goto('/children/new');
    assert.equal(await h1(page), 'Add a child');
    await page.getByLabel('Child’s name').fill('Someone Else');
    await page.getByLabel('Case number').fill(data.caseNumber);
    await page.getByRole('radio', { name: /Robin Quickdecision/ }).check();
    await page.getByRole('button', { name: 'Add child' }).click();
    const existing = page.getByRole('link', { name: `Go to the child already recorded with case number ${data.caseNumber}` });
    await existing.waitFor();
    await expectNoAxeViolations(page, 'Add a child with a case number already recorded');
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  test('phone: the same quick decision fits a 390px screen', async () => {
    const data = await makeData();
    const page = await newPage(browser, PHONE);
    await page.goto('/');
    await signIn(page, SUPERVISOR);
    await page.getByRole('heading', { level: 1, name: 'My supervision' }).waitFor();
    const seconds = await recordQuickDecision(page, { childName: data.childName, decision: 'Respite weekend with grandparents', reason: 'Carer exhausted' });
    assert.ok(seconds < 60, `the quick decision took ${seconds} s`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling on a phone (${overflow}px too wide)`);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });
});

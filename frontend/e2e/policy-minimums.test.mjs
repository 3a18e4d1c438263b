// End-to-end: the policy papers' minimums (decision 0014). A session held for 20 minutes is flagged on the
// session page and the supervisor's home; on Central Bedfordshire's profile a record with blank agenda items
// cannot be signed, and the error summary names and links each item by its label. Data is made over the API.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, LANDSCAPE, PASSWORD, PORTRAIT, expectNoAxeViolations, h1, launchBrowser, newPage, signIn, today } from './helpers.mjs';

const PHONE = { width: 390, height: 844 };
const CENTRAL_BEDFORDSHIRE = '00000000-0000-7000-8000-000000000002';

let browser;
let restorePolicy;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await restorePolicy?.();
  await browser?.close();
});

async function token(username) {
  const response = await fetch(`${BASE_URL}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  assert.equal(response.status, 200);
  return (await response.json()).accessToken;
}

async function call(bearer, method, path, body, headers = {}) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, etag: response.headers.get('ETag'), body: text ? JSON.parse(text) : null };
}

/** A one-to-one today with a supervisee, held for so many minutes: the session id. */
async function heldToday(bearer, superviseeId, minutes) {
  const [y, m, d] = today();
  const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const booked = await call(bearer, 'POST', '/api/v1/sessions', {
    superviseeIds: [superviseeId], date, startTime: '00:00', plannedMinutes: 90, location: 'Room 2, Civic Centre',
  });
  assert.equal(booked.status, 201, JSON.stringify(booked.body));
  const id = booked.body.items[0].id;
  const current = await call(bearer, 'GET', `/api/v1/sessions/${id}`);
  const held = await call(bearer, 'POST', `/api/v1/sessions/${id}/held`, { actualMinutes: minutes }, { 'If-Match': current.etag });
  assert.equal(held.status, 200, JSON.stringify(held.body));
  return id;
}

async function supervisee(bearer, name) {
  const me = await call(bearer, 'GET', '/api/v1/me');
  const found = me.body.supervisees.find((s) => s.displayName === name);
  assert.ok(found, `${name} is supervised by the demo supervisor`);
  return found.id;
}

async function signInAt(page, username) {
  await page.goto('/sign-in');
  await signIn(page, username);
  await page.waitForURL(`${BASE_URL}/`);
}

describe('The policy minimums in the browser', { timeout: 240_000 }, () => {
  test('a 20-minute session is flagged on the session page and the home page, at every size', async () => {
    const supervisor = await token('supervisor@demo.test');
    const sessionId = await heldToday(supervisor, await supervisee(supervisor, 'Alex Morgan'), 20);
    for (const [viewport, label] of [[LANDSCAPE, 'landscape tablet'], [PORTRAIT, 'portrait tablet'], [PHONE, 'phone']]) {
      const page = await newPage(browser, viewport);
      await signInAt(page, 'supervisor@demo.test');
      const alex = page.getByTestId('dashboard-row').filter({ has: page.getByRole('heading', { level: 3, name: /^Alex Morgan/ }) });
      await alex.getByTestId('short-sessions').waitFor();
      assert.match(await alex.getByTestId('short-sessions').textContent(), /\d+ sessions? in the last 12 months shorter than the policy’s 90 minutes/);

      await page.goto(`/sessions/${sessionId}`);
      assert.equal(await h1(page), 'Supervision session');
      const warning = page.getByTestId('short-session');
      await warning.waitFor();
      assert.match(await warning.textContent(), /This session lasted 20 minutes\. The supervision policy asks for at least 90 minutes\./);
      await expectNoAxeViolations(page, `a short session (${label})`);
      assert.deepEqual(page.consoleErrors, []);
      await page.context().close();
    }
  });

  test('on Central Bedfordshire’s profile, signing waits for every agenda item and the summary links each by label', async () => {
    const admin = await token('admin@demo.test');
    const policy = await call(admin, 'GET', '/api/v1/organisation/policy');
    const adopted = await call(admin, 'PUT', '/api/v1/organisation/policy', { profileId: CENTRAL_BEDFORDSHIRE, overrides: {} }, { 'If-Match': policy.etag });
    assert.equal(adopted.status, 200, JSON.stringify(adopted.body));
    restorePolicy = async () => {
      const now = await call(admin, 'GET', '/api/v1/organisation/policy');
      await call(admin, 'PUT', '/api/v1/organisation/policy', { profileId: policy.body.profile.id, overrides: policy.body.overrides ?? {} }, { 'If-Match': now.etag });
    };

    const supervisor = await token('supervisor@demo.test');
    const sessionId = await heldToday(supervisor, await supervisee(supervisor, 'Chris Taylor'), 90);
    for (const [viewport, label] of [[LANDSCAPE, 'landscape tablet'], [PHONE, 'phone']]) {
      const page = await newPage(browser, viewport);
      await signInAt(page, 'supervisor@demo.test');
      await page.goto(`/sessions/${sessionId}/record`);
      await page.getByRole('button', { name: 'Finish and sign' }).click();
      const finish = page.getByTestId('finish');
      await finish.getByText('Required agenda item not recorded: Health and safety').waitFor();
      await finish.getByLabel('This is an accurate record').check();
      await finish.getByRole('button', { name: 'Sign' }).click();

      const summary = page.locator('.govuk-error-summary');
      await summary.waitFor();
      assert.match(await summary.textContent(), /12 required agenda items are not recorded yet/);
      assert.doesNotMatch(await summary.textContent(), /health_safety|previous_actions|aob/);
      const link = summary.getByRole('link', { name: 'Record "Health and safety" or mark it as not applicable.' });
      assert.equal(await link.getAttribute('href'), '#entry-health_safety');
      await expectNoAxeViolations(page, `a refused signature (${label})`);
      await link.click();
      await page.waitForFunction(() => document.activeElement?.id === 'entry-health_safety');
      await page.context().close();
    }
    const record = await call(supervisor, 'GET', `/api/v1/sessions/${sessionId}/record`);
    assert.equal(record.body.signatures.length, 0, 'nothing was signed');
    await restorePolicy();
    restorePolicy = undefined;
  });
});

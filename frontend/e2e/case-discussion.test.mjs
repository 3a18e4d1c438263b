// End-to-end (issue 8): a supervisor and supervisee record a case discussion inside a held session on a tablet
// (1024x768 and 768x1024), both sign on the same browser (the supervisee signing in after the supervisor), and a
// case-management system (a machine client with case-decisions:read) reads the decision from the feed.
// Its own people and data: Tom Ellis supervises Aisha Khan (no other browser test uses them); each run makes its
// own child (a new case number) and its own held session through the API. Screenshots: e2e/output/case-discussion/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BASE_URL, LANDSCAPE, PASSWORD, PORTRAIT, expectNoAxeViolations, h1, launchBrowser, newPage, signIn, today } from './helpers.mjs';

const SUPERVISOR = 'tom.ellis@demo.test';
const SUPERVISEE = 'aisha.khan@demo.test';
const OUT = join(dirname(fileURLToPath(import.meta.url)), 'output', 'case-discussion');
mkdirSync(OUT, { recursive: true });

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

const iso = ([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const plusDays = ([y, m, d], days) => {
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
};

/** A one-to-one today between the supervisor and the supervisee, held: its id. */
async function heldSessionToday(bearer, superviseeId, startTime) {
  const booked = await call(
    bearer,
    'POST',
    '/api/v1/sessions',
    { superviseeIds: [superviseeId], date: iso(today()), startTime, plannedMinutes: 90, location: 'Room 3, Civic Centre' },
    { 'Idempotency-Key': crypto.randomUUID() },
  );
  assert.equal(booked.status, 201, JSON.stringify(booked.body));
  const id = booked.body.items[0].id;
  const current = await call(bearer, 'GET', `/api/v1/sessions/${id}`);
  const held = await call(bearer, 'POST', `/api/v1/sessions/${id}/held`, { actualMinutes: 90 }, { 'If-Match': current.etag });
  assert.equal(held.status, 200, JSON.stringify(held.body));
  return id;
}

/** A child allocated to the supervisee, as the case-management system knows them (a new case number each run). */
async function newChild(bearer, allocatedWorkerId, name) {
  const caseNumber = `E2E-CD-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;
  const created = await call(bearer, 'POST', '/api/v1/children', { name, caseNumber, allocatedWorkerId }, { 'Idempotency-Key': crypto.randomUUID() });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body;
}

/** A case-management system: registered by the administrator with case-decisions:read; its bearer token. */
async function caseManagementClient() {
  const admin = await token('admin@demo.test');
  const registered = await call(admin, 'POST', '/api/v1/machine-clients', { name: `Case management (e2e ${Date.now()})`, scopes: ['case-decisions:read'] });
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  const response = await fetch(`${BASE_URL}/api/v1/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: registered.body.clientId, client_secret: registered.body.clientSecret }),
  });
  assert.equal(response.status, 200, 'the client gets a token');
  const issued = await response.json();
  assert.match(issued.scope, /case-decisions:read/);
  return issued.access_token;
}

async function signInAt(page, username) {
  await page.goto('/sign-in');
  await signIn(page, username);
  await page.waitForURL(`${BASE_URL}/`);
}

async function shot(page, name) {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

/** Opens a part of the form: the section list in landscape, the section picker in portrait. */
async function openSection(page, landscape, name) {
  if (landscape) {
    await page.getByRole('navigation', { name: 'Sections of the case discussion' }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
  } else {
    const picker = page.getByLabel('Section', { exact: true });
    const options = await picker.locator('option').allTextContents();
    const index = options.findIndex((text) => text.includes(name));
    assert.ok(index >= 0, `the picker offers ${name}: ${options.join(' | ')}`);
    await picker.selectOption(String(index));
  }
  await page.getByRole('heading', { level: 2, name }).waitFor();
}

async function fillDate(group, [y, m, d]) {
  await group.getByLabel('Day').fill(String(d));
  await group.getByLabel('Month').fill(String(m));
  await group.getByLabel('Year').fill(String(y));
}

const VIEWPORTS = [
  ['1024x768', LANDSCAPE, true, '00:10'],
  ['768x1024', PORTRAIT, false, '00:40'],
];

describe('A case discussion inside a session, signed by both and filed to the case-management system', { timeout: 600_000 }, () => {
  for (const [name, viewport, landscape, startTime] of VIEWPORTS) {
    test(`at ${name}`, async (t) => {
      const tom = await token(SUPERVISOR);
      const me = await call(tom, 'GET', '/api/v1/me');
      const aisha = me.body.supervisees.find((s) => s.displayName === 'Aisha Khan');
      assert.ok(aisha, 'Tom Ellis supervises Aisha Khan');
      const childName = `Leo Testcase ${name}`;
      const child = await newChild(tom, aisha.id, childName);
      const sessionId = await heldSessionToday(tom, aisha.id, startTime);

      const page = await newPage(browser, viewport);
      t.after(async () => {
        if (!page.isClosed()) {
          await shot(page, `${name}-failed`).catch(() => undefined);
          await page.context().close();
        }
      });
      // Leaving with unsent typing asks first; the test always saves before it leaves, so any question is a failure.
      const dialogs = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.accept();
      });

      // The supervisor starts the discussion from the session's record, finding the child by case number.
      await signInAt(page, SUPERVISOR);
      await page.goto(`/sessions/${sessionId}/record`);
      const block = page.getByTestId('case-discussions-in-session');
      await block.getByText('No case discussions yet.').waitFor();
      await block.getByRole('button', { name: 'Add a case discussion' }).click();
      await block.getByLabel('Which child? Their name or case number').fill(child.caseNumber);
      await block.getByRole('button', { name: 'Find the child' }).click();
      await block.getByRole('button', { name: `Discuss ${childName}` }).waitFor();
      await expectNoAxeViolations(page, `${name}: finding the child in the session record`);
      await shot(page, `${name}-1-find-child`);
      await block.getByRole('button', { name: `Discuss ${childName}` }).click();
      await page.waitForURL(/\/case-discussions\/[0-9a-f-]{36}$/);
      const discussionId = page.url().split('/').pop();
      assert.equal(await h1(page), 'Case discussion');
      await page.getByText(`${childName}, case number ${child.caseNumber}`).waitFor();
      await page.getByTestId('status').getByText('Draft').waitFor();

      // The Signs of Safety columns: side by side in landscape, stacked in portrait.
      const well = page.getByRole('textbox', { name: /^What[’']s working well\?$/ });
      const worried = page.getByRole('textbox', { name: 'What are we worried about?', exact: true });
      await well.fill('Leo’s grandmother visits every day and he is at school every day.');
      await worried.fill('Bruising seen twice this month with no clear explanation.');
      const [a, b] = [await well.boundingBox(), await worried.boundingBox()];
      if (landscape) assert.ok(Math.abs(a.y - b.y) < 5 && b.x > a.x + a.width, 'side by side in landscape');
      else assert.ok(b.y > a.y + a.height, 'stacked in portrait');

      // The safety scale: eleven touch targets of at least 44px, chosen by a tap.
      const scale = page.getByTestId('safety-scale');
      const labels = scale.locator('.app-safety-scale__label');
      assert.equal(await labels.count(), 11);
      for (let i = 0; i < 11; i++) {
        const box = await labels.nth(i).boundingBox();
        assert.ok(box.width >= 44 && box.height >= 44, `scale button ${i} is ${box.width}x${box.height}`);
      }
      await labels.nth(6).tap();
      assert.equal(await scale.getByRole('radio', { name: '6', exact: true }).isChecked(), true);
      assert.equal((await scale.locator('.app-safety-scale__end').first().textContent()).trim(), '0: no safety');
      // The reflective prompts are collapsed until opened.
      const prompts = page.getByTestId('current-section').getByTestId('reflective-prompts').locator('details').first();
      assert.equal(await prompts.getAttribute('open'), null);
      await page.getByTestId('save-status').getByText(/^Saved on this device/).waitFor();
      await expectNoAxeViolations(page, `${name}: the case discussion form`);
      await shot(page, `${name}-2-form`);

      await openSection(page, landscape, 'What does the story mean?');
      await page.getByRole('textbox', { name: /^What is the view of the (child and their )?parents or carers\?$/ }).fill('Leo says he feels safe at his nan’s. His mother wants support with routines.');

      // The child's voice: recorded, seen alone.
      await openSection(page, landscape, 'The child’s voice');
      await page.getByLabel('Yes, the child’s view is recorded').check();
      await page.getByLabel('The child’s views and wishes').fill('Seen alone at school: Leo drew his safety house and put his nan inside.');
      await page.getByRole('group', { name: 'Was the child seen alone?' }).getByLabel('Yes').check();
      await expectNoAxeViolations(page, `${name}: the child’s voice`);

      // Decisions and actions: one decision with its reason, one without (a warning, not a refusal), one action.
      await openSection(page, landscape, 'Decisions and actions');
      await page.getByRole('button', { name: 'Add a decision' }).click();
      await page.getByLabel('Decision 1', { exact: true }).fill('Convene a strategy discussion within 2 working days.');
      await page.getByLabel(/Why it was decided\s*\(decision 1\)/).fill('Unexplained bruising seen twice; threshold for section 47 enquiry considered.');
      await page.getByRole('button', { name: 'Add a decision' }).click();
      await page.getByLabel('Decision 2', { exact: true }).fill('Ask the school nurse to see Leo weekly.');
      await page.getByRole('button', { name: 'Add an action' }).click();
      const action = page.getByTestId('action').first();
      await action.getByLabel('Action 1', { exact: true }).fill('Arrange the strategy discussion with police and health');
      await action.getByLabel(/Desired outcome/).fill('A shared plan for Leo’s safety');
      await action.getByLabel('Aisha Khan (supervisee)').check();
      await fillDate(action.getByRole('group', { name: /Due date/ }), plusDays(today(), 2));
      await expectNoAxeViolations(page, `${name}: decisions and actions`);

      await page.getByRole('button', { name: 'Save case discussion' }).click();
      await page.getByTestId('save-status').getByText(/^Sent/).waitFor();

      // Finish and sign: nothing missing, one warning that does not block.
      await page.getByRole('button', { name: 'Finish and sign' }).click();
      const finish = page.getByTestId('finish');
      await finish.getByTestId('missing-none').waitFor();
      await finish.getByTestId('warnings').locator('.govuk-warning-text').first().waitFor();
      await expectNoAxeViolations(page, `${name}: finish and sign with a warning`);
      await shot(page, `${name}-3-finish`);
      await finish.getByRole('button', { name: 'Sign' }).click();
      await page.getByRole('link', { name: 'Confirm that this is an accurate record' }).waitFor();
      await finish.getByLabel('This is an accurate record').check();
      await finish.getByRole('button', { name: 'Sign' }).click();
      await page.getByText('You have signed the case discussion. It locks when Aisha Khan has signed too.').waitFor();
      await page.getByTestId('status').getByText('Awaiting signature').waitFor();
      await shot(page, `${name}-4-signed-by-supervisor`);

      // The session record lists it.
      await page.goto(`/sessions/${sessionId}/record`);
      const listed = page.getByTestId('case-discussion-list');
      await listed.getByRole('link', { name: childName }).waitFor();
      await listed.getByText('Awaiting signature').waitFor();
      await expectNoAxeViolations(page, `${name}: the session record with its case discussion`);

      // The supervisee signs in on the same tablet and signs the same content.
      await page.locator('header').getByRole('link', { name: 'Sign out' }).click();
      await page.waitForURL(/\/sign-in/);
      await signInAt(page, SUPERVISEE);
      await page.goto(`/case-discussions/${discussionId}`);
      await page.getByText(`${childName}, case number ${child.caseNumber}`).waitFor();
      assert.equal(await page.getByRole('textbox', { name: /^What[’']s working well\?$/ }).inputValue(), 'Leo’s grandmother visits every day and he is at school every day.');
      await page.getByRole('button', { name: 'Finish and sign' }).click();
      await page.getByTestId('finish').getByLabel('This is an accurate record').check();
      await page.getByTestId('finish').getByRole('button', { name: 'Sign' }).click();
      await page.getByText('Signed by you and Tom Ellis').waitFor();
      await page.getByTestId('locked').getByText('Locked').waitFor();
      assert.equal(await page.locator('main textarea').count(), 0, 'locked: read only');
      await expectNoAxeViolations(page, `${name}: the locked case discussion`);
      await shot(page, `${name}-5-locked`);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(page.consoleErrors, []);
      await page.context().close();

      // The case-management system reads the decision from the feed, filed under the child's case number.
      const client = await caseManagementClient();
      const feed = await call(client, 'GET', `/api/v1/case-decisions?childId=${child.id}&limit=50`);
      assert.equal(feed.status, 200, JSON.stringify(feed.body));
      const filed = feed.body.items.filter((d) => d.caseDiscussionId === discussionId);
      assert.equal(filed.length, 2, JSON.stringify(feed.body.items));
      const first = filed.find((d) => d.decision === 'Convene a strategy discussion within 2 working days.');
      assert.ok(first, 'the decision reached the feed');
      assert.equal(first.kind, 'CASE_DISCUSSION');
      assert.equal(first.child.caseNumber, child.caseNumber);
      assert.equal(first.rationale, 'Unexplained bruising seen twice; threshold for section 47 enquiry considered.');
      // ... and never the discussion itself.
      const discussion = await call(client, 'GET', `/api/v1/case-discussions/${discussionId}`);
      assert.equal(discussion.status, 403);
    });
  }
});

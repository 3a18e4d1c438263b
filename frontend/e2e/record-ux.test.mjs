// End-to-end (issue 7, items 7-9, 12): the GOV.UK date input refuses far-future and impossible dates and warns
// about starts outside working hours; actions are changed, closed and removed before signing with a warning
// for a past due date; the record's status words and reflective prompts; a supervisee adds an item to the
// next session's agenda from home and the supervisor sees it in the record. At 1024x768, 768x1024, 390x844.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, LANDSCAPE, PORTRAIT, expectNoAxeViolations, launchBrowser, newPage, signIn, today } from './helpers.mjs';

const PHONE = { width: 390, height: 844 };
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function signInAt(page, username) {
  await page.goto('/sign-in');
  await signIn(page, username);
  await page.waitForURL(`${BASE_URL}/`);
  await page.getByRole('heading', { level: 1, name: 'My supervision' }).waitFor();
}

async function fillDate(group, [y, m, d]) {
  await group.getByLabel('Day').fill(String(d));
  await group.getByLabel('Month').fill(String(m));
  await group.getByLabel('Year').fill(String(y));
}

function plusDays([y, m, d], days) {
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

/** As the supervisor: a session with this supervisee today at 7am, held; returns its id, on its record page. */
/** Books one session today at a time (7am by default) and opens it; returns its id. */
async function bookToday(page, supervisee, { checkDates = false, startTime = '7:00am' } = {}) {
  await page.goto('/');
  const row = page.getByTestId('dashboard-row').filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^${supervisee}`) }) });
  await row.getByRole('link', { name: `Plan a session with ${supervisee}` }).click();
  await page.waitForURL(/\/sessions\/new\?superviseeId=/);
  const date = page.getByRole('group', { name: 'Date of the first session' });
  await page.getByLabel('Where the session takes place').fill('Room 5, Civic Centre');
  await page.getByLabel('How many sessions to book').fill('1');
  if (checkDates) {
    assert.equal(await page.locator('input[type="date"]').count(), 0, 'no browser date picker');
    await fillDate(date, [3026, 12, 8]);
    await page.getByLabel('Start time').fill('3am');
    await page.getByTestId('start-time-warning').getByText(/outside working hours/).waitFor();
    await page.getByRole('button', { name: 'Book sessions' }).click();
    await page.locator('.govuk-error-summary').getByText(/The date of the first session must be the same as or before/).waitFor();
    await expectNoAxeViolations(page, 'the plan form refusing the year 3026, warning about 3am');
    await page.getByLabel('Start time').fill('');
  }
  await fillDate(date, today());
  await page.getByLabel('Start time').fill(startTime);
  if (checkDates) assert.equal(await page.getByTestId('start-time-warning').count(), 0, 'no warning at 7am');
  await page.getByRole('button', { name: 'Book sessions' }).click();
  await page.getByTestId('booked-dates').getByRole('link').first().click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop();
}

/** Records the session as held (90 minutes) and opens its record. */
async function holdAndOpenRecord(page, sessionId) {
  await page.goto(`/sessions/${sessionId}`);
  await page.getByRole('button', { name: 'Record as held' }).click();
  await page.getByLabel('How long it lasted, in minutes').fill('90');
  await page.getByRole('button', { name: 'Save as held' }).click();
  await page.getByText('Session recorded as held').waitFor();
  await page.goto(`/sessions/${sessionId}/record`);
  await page.getByRole('button', { name: 'Save record' }).waitFor();
  return sessionId;
}

async function heldSessionRecord(page, supervisee, options = {}) {
  const sessionId = await bookToday(page, supervisee, options);
  return holdAndOpenRecord(page, sessionId);
}

/** A start time a little ahead, in London (the service's zone), as "HH:MM", and when it is reached. */
function startSoon() {
  const at = new Date(Date.now() + 120_000);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const hh = parts.find((p) => p.type === 'hour').value;
  const mm = parts.find((p) => p.type === 'minute').value;
  const startsAt = new Date(at);
  startsAt.setSeconds(0, 0);
  return { time: `${hh}:${mm}`, startsAt };
}

const VIEWPORTS = [
  ['1024x768', LANDSCAPE, 'Jordan Reid'],
  ['768x1024', PORTRAIT, 'Alex Morgan'],
  ['390x844', PHONE, 'Chris Taylor'],
];

describe('Dates and actions in the session record', { timeout: 600_000 }, () => {
  for (const [name, viewport, supervisee] of VIEWPORTS) {
    test(`at ${name}: date input, action editing, status words and prompts`, async () => {
      const page = await newPage(browser, viewport);
      await signInAt(page, 'supervisor@demo.test');
      await heldSessionRecord(page, supervisee, { checkDates: name === '1024x768' });
      assert.equal(await page.locator('input[type="date"]').count(), 0, 'no browser date picker in the record');
      await page.getByTestId('record-status').getByText('Record to write').waitFor();

      // Reflective prompts: collapsed until opened.
      const prompts = page.getByTestId('current-section').getByTestId('reflective-prompts');
      const anchor = prompts.locator('details').first();
      assert.equal(await anchor.getAttribute('open'), null, 'collapsed by default');
      await anchor.locator('summary').click();
      await anchor.getByText('How will we know we are making progress?').waitFor();

      // An action due in the past: a warning, not a refusal.
      const actions = page.getByTestId('agreed-actions');
      await actions.getByLabel('What needs to be done').fill('Send the chronology to the IRO');
      await actions.getByLabel(`${supervisee} (supervisee)`).check();
      await fillDate(actions.getByRole('group', { name: 'Due date' }), plusDays(today(), -3));
      await actions.getByTestId('past-due-warning').getByText(/in the past/).waitFor();
      await expectNoAxeViolations(page, `${name}: an action due in the past`);
      await actions.getByRole('button', { name: 'Add action' }).click();
      const list = actions.getByTestId('agreed-actions-list');
      await list.locator('p', { hasText: 'Send the chronology to the IRO' }).waitFor();

      // Change it: a new text and a date next week.
      await list.getByRole('button', { name: /^Change\s+Send the chronology to the IRO$/ }).click();
      const form = list.getByTestId('action-edit-form');
      await form.getByLabel('What needs to be done').fill('Send the full chronology to the IRO');
      await fillDate(form.getByRole('group', { name: 'Due date' }), plusDays(today(), 7));
      await expectNoAxeViolations(page, `${name}: changing an action`);
      await form.getByRole('button', { name: /Save changes/ }).click();
      await list.locator('p', { hasText: 'Send the full chronology to the IRO' }).waitFor();

      // A second one, removed; the first, closed.
      await actions.getByLabel('What needs to be done').fill('Typed by mistake');
      await actions.getByLabel(`${supervisee} (supervisee)`).check();
      await fillDate(actions.getByRole('group', { name: 'Due date' }), plusDays(today(), 14));
      await actions.getByRole('button', { name: 'Add action' }).click();
      await list.locator('p', { hasText: 'Typed by mistake' }).waitFor();
      await list.getByRole('button', { name: /^Remove\s+Typed by mistake$/ }).click();
      await list.locator('p', { hasText: 'Typed by mistake' }).waitFor({ state: 'detached' });
      await list.getByRole('button', { name: /^Mark as done\s*: Send the full chronology to the IRO$/ }).click();
      await list.getByText('Done', { exact: true }).waitFor();

      // The next date: the year 3026 is refused with an error linked to the field.
      await fillDate(page.getByRole('group', { name: 'Date of next session' }), [3026, 1, 12]);
      await page.getByRole('button', { name: 'Save record' }).click();
      const summary = page.locator('.govuk-error-summary');
      await summary.getByText(/The date of the next session must be the same as or before/).waitFor();
      assert.equal(await summary.getByRole('link').first().getAttribute('href'), '#next-date-day');
      await expectNoAxeViolations(page, `${name}: the next date refused`);
      await fillDate(page.getByRole('group', { name: 'Date of next session' }), plusDays(today(), 28));
      await page.getByRole('button', { name: 'Save record' }).click();
      await page.getByText('Record saved').waitFor();
      await page.getByTestId('record-status').getByText('Awaiting signature').waitFor();
      assert.deepEqual(page.consoleErrors, []);
      await page.context().close();
    });
  }

  test('at 390x844: a supervisee adds an item to the next agenda from home; the supervisor sees it in the record', async () => {
    // Items added from home belong to the next session that starts after them: book one a little ahead first.
    const priya = await newPage(browser, PHONE);
    await signInAt(priya, 'supervisor@demo.test');
    const soon = startSoon();
    const sessionId = await bookToday(priya, 'Sam Okafor', { startTime: soon.time });

    const sam = await newPage(browser, PHONE);
    await signInAt(sam, 'practitioner@demo.test');
    const add = sam.getByTestId('add-to-next-agenda');
    await add.getByLabel('Something to discuss next time').fill('My caseload weighting after the court case');
    await add.getByRole('button', { name: 'Add to next agenda' }).click();
    await add.getByTestId('agenda-added').getByText('My caseload weighting after the court case').waitFor();
    await expectNoAxeViolations(sam, 'the practitioner’s home after adding an agenda item');
    await sam.context().close();

    // A session cannot be recorded as held before it starts.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, soon.startsAt.getTime() - Date.now()) + 2_000));
    await holdAndOpenRecord(priya, sessionId);
    await priya.getByTestId('proposed-agenda').getByText('My caseload weighting after the court case').waitFor();
    await priya.getByTestId('proposed-agenda').getByText(/Added by Sam Okafor/).waitFor();
    await expectNoAxeViolations(priya, 'a record with a proposed agenda');
    await priya.context().close();
  });
});

// End-to-end: a record saved while offline waits in the outbox, shows "Waiting to send (1)" on the
// page and in the header, and is sent exactly once when the connection comes back.
// Named z-... so it runs last (files run in name order): it adds a held session for Sam, and
// sessions.test.mjs counts Sam's records to write.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, LANDSCAPE, PASSWORD, expectNoAxeViolations, h1, launchBrowser, newPage, signIn } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

function today() {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(new Date());
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  return [get('year'), get('month'), get('day')];
}

async function apiToken() {
  const response = await fetch(`${BASE_URL}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor@demo.test', password: PASSWORD }),
  });
  assert.equal(response.status, 200, 'API sign-in');
  return (await response.json()).accessToken;
}

async function getRecord(token, sessionId) {
  const response = await fetch(`${BASE_URL}/api/v1/sessions/${sessionId}/record`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
  });
  assert.equal(response.status, 200);
  return response.json();
}

const OFFLINE_TEXT = 'Written with no signal in the car park: caseload of 18, two visits overdue.';

describe('Saving a record while offline', { timeout: 240_000 }, () => {
  test('the save waits in the outbox and is sent exactly once when back online', async () => {
    const page = await newPage(browser, LANDSCAPE);
    const context = page.context();
    await page.goto('/sign-in');
    await signIn(page, 'supervisor@demo.test');
    await page.waitForURL(`${BASE_URL}/`);
    await page.getByRole('heading', { level: 1, name: 'My supervision' }).waitFor();

    // Plan one session with Sam today and record it as held.
    const sam = page.getByTestId('dashboard-row').filter({ has: page.getByRole('heading', { level: 3, name: /^Sam Okafor/ }) });
    await sam.getByRole('link', { name: 'Plan a session with Sam Okafor' }).click();
    await page.waitForURL(/\/sessions\/new\?superviseeId=/);
    const [y, m, d] = today();
    await page.getByLabel('Day').fill(String(d));
    await page.getByLabel('Month').fill(String(m));
    await page.getByLabel('Year').fill(String(y));
    await page.getByLabel('Start time').fill('12:00am');   // started, whatever the time of the run
    await page.getByLabel('Where the session takes place').fill('Room 2, Civic Centre');
    await page.getByLabel('How many sessions to book').fill('1');
    await page.getByRole('button', { name: 'Book sessions' }).click();
    await page.getByTestId('booked-dates').getByRole('link').first().click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
    const sessionId = page.url().split('/').pop();
    await page.getByRole('button', { name: 'Record as held' }).click();
    await page.getByLabel('How long it lasted, in minutes').fill('60');
    await page.getByRole('button', { name: 'Save as held' }).click();
    await page.getByText('Session recorded as held').waitFor();

    await page.getByTestId('record-link').getByRole('link').click();
    await page.waitForURL(`${BASE_URL}/sessions/${sessionId}/record`);
    assert.equal(await h1(page), 'Session record');
    await page.getByRole('button', { name: 'Save record' }).waitFor();

    const token = await apiToken();
    const before = await getRecord(token, sessionId);

    // Offline: write an agenda entry and save.
    await context.setOffline(true);
    await page.waitForFunction(() => navigator.onLine === false);
    const box = page.getByTestId('current-section').locator('textarea[id^="entry-"]').first();
    const entryKey = (await box.getAttribute('id')).slice('entry-'.length);
    await box.fill(OFFLINE_TEXT);
    await page.getByRole('button', { name: 'Save record' }).click();
    const status = page.getByTestId('save-status');
    await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent === 'Waiting to send (1)');
    assert.equal((await status.textContent()).trim(), 'Waiting to send (1)');
    const headerLink = page.locator('header').getByRole('link', { name: 'Waiting to send (1)' });
    await headerLink.waitFor();
    assert.equal(await headerLink.getAttribute('href'), '/outbox');
    assert.equal((await getRecord(token, sessionId)).version, before.version, 'nothing reached the server while offline');
    await expectNoAxeViolations(page, 'a session record waiting to send');

    // Back online: the outbox replays on the `online` event.
    await context.setOffline(false);
    await page.waitForFunction(() => /^Sent \d/.test(document.querySelector('[data-testid="save-status"]')?.textContent ?? ''), null, {
      timeout: 20_000,
    });
    await page.locator('header').getByRole('link', { name: /Waiting to send/ }).waitFor({ state: 'detached' });

    const afterSave = await getRecord(token, sessionId);
    const entry = afterSave.entries.find((e) => e.key === entryKey);
    assert.equal(entry?.text, OFFLINE_TEXT);
    assert.equal(afterSave.version, before.version + 1, 'the queued write reached the server exactly once');

    // The outbox page: empty now.
    await page.goto('/outbox');
    assert.equal(await h1(page), 'Waiting to send');
    await page.getByText('Everything has been sent').waitFor();
    await expectNoAxeViolations(page, 'the outbox page');

    // The service worker keeps the app shell: a reload with no connection still opens the app.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.reload();
    await page.locator('h1').first().waitFor();
    await page.getByText('You are offline.').waitFor();
    await context.setOffline(false);

    assert.deepEqual(page.consoleErrors, []);
    await context.close();
  });
});

// End-to-end: a supervisor writes and signs a session record; the supervisee comments and signs;
// the supervisor signs again and the record locks. The action agreed shows on the supervisee's home.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, LANDSCAPE, expectNoAxeViolations, h1, launchBrowser, newPage, signIn, today, dateText } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});


function isoPlus([y, m, d], days) {
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

async function signInAt(page, username) {
  await page.goto('/sign-in');
  await signIn(page, username);
  await page.waitForURL(`${BASE_URL}/`);
  await page.getByRole('heading', { level: 1, name: 'My supervision' }).waitFor();
}

const ACTION_TEXT = 'Update the chronology for the Smith family';

describe('Writing and signing a session record in the browser', { timeout: 240_000 }, () => {
  test('supervisor writes and signs, Sam comments and signs, supervisor signs again: locked', async () => {
    const page = await newPage(browser, LANDSCAPE);
    await signInAt(page, 'supervisor@demo.test');

    // Plan one session with Sam today and record it as held.
    const sam = page.getByTestId('dashboard-row').filter({ has: page.getByRole('heading', { level: 3, name: /^Sam Okafor/ }) });
    await sam.getByRole('link', { name: 'Plan a session with Sam Okafor' }).click();
    await page.waitForURL(/\/sessions\/new\?superviseeId=/);
    const [y, m, d] = today();
    await page.getByLabel('Day').fill(String(d));
    await page.getByLabel('Month').fill(String(m));
    await page.getByLabel('Year').fill(String(y));
    await page.getByLabel('Start time').fill('12:00am');   // started, whatever the time of the run
    await page.getByLabel('Where the session takes place').fill('Room 5, Civic Centre');
    await page.getByLabel('How many sessions to book').fill('1');
    await page.getByRole('button', { name: 'Book sessions' }).click();
    await page.getByTestId('booked-dates').getByRole('link').first().click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
    const sessionId = page.url().split('/').pop();
    await page.getByRole('button', { name: 'Record as held' }).click();
    await page.getByLabel('How long it lasted, in minutes').fill('90');
    await page.getByRole('button', { name: 'Save as held' }).click();
    await page.getByText('Session recorded as held').waitFor();

    // The record.
    await page.getByTestId('record-link').getByRole('link').click();
    await page.waitForURL(`${BASE_URL}/sessions/${sessionId}/record`);
    assert.equal(await h1(page), 'Session record');
    await page.getByRole('button', { name: 'Save record' }).waitFor();
    await page.getByRole('heading', { name: 'Previous actions' }).waitFor();
    await expectNoAxeViolations(page, 'an empty session record');

    // Two agenda items written and one not applicable, across sections as needed.
    const section = page.getByTestId('current-section');
    let written = 0;
    let notApplicable = false;
    for (let guard = 0; guard < 20 && !notApplicable; guard++) {
      const boxes = section.locator('textarea[id^="entry-"]');
      const count = await boxes.count();
      for (let i = 0; i < count && !notApplicable; i++) {
        const id = await boxes.nth(i).getAttribute('id');
        if (written < 2) {
          await boxes.nth(i).fill(`Discussed item ${written + 1}: caseload and reflective practice.`);
          written++;
        } else {
          await page.locator(`#na-${id.slice('entry-'.length)}`).check();
          notApplicable = true;
        }
      }
      if (notApplicable) break;
      await section.getByRole('button', { name: 'Next section' }).click();
    }
    assert.ok(notApplicable, 'found three agenda items');
    await page.getByTestId('save-status').getByText(/^Saved on this device/).waitFor();

    // An action for Sam, due next week.
    await page.getByLabel('What needs to be done').fill(ACTION_TEXT);
    await page.getByLabel('Sam Okafor (supervisee)').check();
    // The due date is a GOV.UK date input (day, month, year), not the browser's picker.
    const [dy, dm, dd] = isoPlus([y, m, d], 7).split('-').map(Number);
    const due = page.getByRole('group', { name: 'Due date' });
    await due.getByLabel('Day').fill(String(dd));
    await due.getByLabel('Month').fill(String(dm));
    await due.getByLabel('Year').fill(String(dy));
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByTestId('agreed-actions-list').getByText(ACTION_TEXT, { exact: false }).first().waitFor();

    await page.getByRole('button', { name: 'Save record' }).click();
    await page.getByText('Record saved').waitFor();
    await expectNoAxeViolations(page, 'a written session record');

    // Finish and sign: the summary and what is missing; the checkbox is required.
    await page.getByRole('button', { name: 'Finish and sign' }).click();
    const finish = page.getByTestId('finish');
    await finish.getByText('What the policy expects and is not there yet').waitFor();
    await finish.getByRole('button', { name: 'Sign' }).click();
    await page.locator('.govuk-error-summary').getByText('Confirm that this is an accurate record').waitFor();
    await expectNoAxeViolations(page, 'finish and sign with an error');
    await finish.getByLabel('This is an accurate record').check();
    await finish.getByRole('button', { name: 'Sign' }).click();
    await page.getByTestId('signatures').getByText(/Lisa|supervisor|signed/i).first().waitFor();
    await page.getByText('You have signed the record').waitFor();
    await page.context().close();

    // Sam: records to sign on home, comments, signs.
    const samPage = await newPage(browser, LANDSCAPE);
    await signInAt(samPage, 'practitioner@demo.test');
    const toSign = samPage.getByTestId('records-to-sign');
    const link = toSign.locator(`a[href="/sessions/${sessionId}/record"]`);
    await link.waitFor();
    await expectNoAxeViolations(samPage, 'the practitioner’s home with a record to sign');
    await link.click();
    await samPage.getByRole('button', { name: 'Finish and sign' }).waitFor();
    await samPage.getByText('Discussed item 1: caseload and reflective practice.').waitFor({ state: 'attached' }).catch(() => {});
    await samPage.getByLabel('Comment', { exact: true }).check();
    await samPage.getByLabel('Your note').fill('I would add that the chronology needs a second pair of eyes.');
    await samPage.getByRole('button', { name: 'Add note' }).click();
    await samPage.getByText('Your note has been added').waitFor();
    await samPage.getByTestId('notes').getByText('I would add that the chronology needs a second pair of eyes.').waitFor();
    await samPage.getByTestId('signatures').getByText('Signature out of date, sign again').waitFor();
    await expectNoAxeViolations(samPage, 'a record with a comment');
    await samPage.getByRole('button', { name: 'Finish and sign' }).click();
    await samPage.getByTestId('finish').getByLabel('This is an accurate record').check();
    await samPage.getByTestId('finish').getByRole('button', { name: 'Sign' }).click();
    await samPage.getByText('You have signed the record').waitFor();

    // Supervisor signs again: locked and read-only.
    const again = await newPage(browser, LANDSCAPE);
    await signInAt(again, 'supervisor@demo.test');
    await again.goto(`/sessions/${sessionId}/record`);
    await again.getByRole('button', { name: 'Finish and sign' }).click();
    await again.getByTestId('finish').getByText('Signature out of date, sign again').waitFor();
    await again.getByTestId('finish').getByLabel('This is an accurate record').check();
    await again.getByTestId('finish').getByRole('button', { name: 'Sign' }).click();
    await again.getByTestId('locked').getByText('Locked').waitFor();
    await again.getByText(/^Signed by you and Sam Okafor/).waitFor();
    await again.getByTestId('read-only-record').waitFor();
    assert.equal(await again.locator('textarea[id^="entry-"]').count(), 0, 'no agenda fields once signed');
    assert.equal(await again.getByRole('button', { name: 'Save record' }).count(), 0);
    await again.getByRole('heading', { name: 'Add an addendum' }).waitFor();
    await expectNoAxeViolations(again, 'a locked record');

    // The supervisor's dashboard: Sam on track, next due four weeks (Coventry) after today's session.
    await again.goto('/');
    const samRow = again.getByTestId('dashboard-row').filter({ has: again.getByRole('heading', { level: 3, name: /^Sam Okafor/ }) });
    await samRow.getByTestId('schedule-status').getByText('On track', { exact: true }).waitFor();
    assert.equal((await samRow.getByTestId('next-due').textContent()).trim(), dateText(today(), 28));
    assert.deepEqual(again.consoleErrors, []);
    await again.context().close();

    // Sam's home: the action under "My open actions"; the record no longer to sign.
    await samPage.goto('/');
    const actions = samPage.getByTestId('my-open-actions');
    await actions.getByText(ACTION_TEXT).first().waitFor();
    assert.equal(await samPage.getByTestId('records-to-sign').locator(`a[href="/sessions/${sessionId}/record"]`).count(), 0);
    await samPage.goto(`/sessions/${sessionId}/record`);
    await samPage.getByText('Signed by you and your supervisor').waitFor();
    await samPage.getByTestId('locked').getByText('Locked').waitFor();
    await expectNoAxeViolations(samPage, 'a locked record, for the supervisee');
    assert.deepEqual(samPage.consoleErrors, []);
    await samPage.context().close();
  });
});

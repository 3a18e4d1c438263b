// End-to-end: a supervisor plans a series of sessions from the dashboard, records one as held,
// and sees the supervisee's schedule move on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, LANDSCAPE, PORTRAIT, expectNoAxeViolations, h1, launchBrowser, newPage, signIn, today, dateText } from './helpers.mjs';

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

const samCard = (page) => page.getByTestId('dashboard-row').filter({ has: page.getByRole('heading', { level: 3, name: /^Sam Okafor/ }) });

describe('Planning and holding supervision sessions in the browser', { timeout: 180_000 }, () => {
  test('a supervisor plans a series of 3 for Sam, records today’s as held, and sees Sam on track', async () => {
    const page = await newPage(browser, LANDSCAPE);
    await signInAt(page, 'supervisor@demo.test');

    // Home: the dashboard, most urgent first, with Sam and a status tag in words.
    const dashboard = page.getByTestId('supervisee-dashboard');
    await dashboard.waitFor();
    const sam = samCard(page);
    await sam.waitFor();
    const statusBefore = (await sam.getByTestId('schedule-status').textContent()).trim();
    // Other browser tests may have left Sam a record to write: count from what the card says now.
    const toWriteBefore = Number((await sam.textContent()).match(/(\d+) records? to write/)?.[1] ?? 0);
    assert.match(statusBefore, /^(On track|Due soon|Overdue|Past longest gap|Past limit|Not started)$/);
    await expectNoAxeViolations(page, 'the home page with the dashboard');

    // Plan a series of 3, starting today.
    await sam.getByRole('link', { name: 'Plan a session with Sam Okafor' }).click();
    await page.waitForURL(/\/sessions\/new\?superviseeId=[0-9a-f-]{36}$/);
    assert.equal(await h1(page), 'Plan supervision sessions');
    assert.equal(await page.title(), 'Plan supervision sessions – Supervision');
    await page.getByTestId('count-hint').getByText(/now 4 weeks/).waitFor();
    await expectNoAxeViolations(page, 'the plan sessions form');

    // Sending it empty: the error summary.
    await page.getByRole('button', { name: 'Book sessions' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    assert.equal(await page.title(), 'Error: Plan supervision sessions – Supervision');
    await expectNoAxeViolations(page, 'the plan sessions form with errors');

    const [y, m, d] = today();
    await page.getByLabel('Day').fill(String(d));
    await page.getByLabel('Month').fill(String(m));
    await page.getByLabel('Year').fill(String(y));
    await page.getByLabel('Start time').fill('12:00am');   // started, whatever the time of the run
    assert.equal(await page.getByLabel('Planned length, in minutes').inputValue(), '90');
    await page.getByLabel('Where the session takes place').fill('Room 2, Civic Centre');
    await page.getByLabel('How many sessions to book').fill('3');
    const expected = [dateText([y, m, d]), dateText([y, m, d], 28), dateText([y, m, d], 56)];
    await page.getByTestId('count-hint').getByText(`This will book: ${expected.join('; ')}.`).waitFor();
    await page.getByRole('button', { name: 'Book sessions' }).click();

    // Confirmation: a panel and the booked dates.
    await page.getByRole('heading', { level: 1, name: '3 sessions booked' }).waitFor();
    assert.equal(await page.title(), 'Sessions booked – Supervision');
    const booked = page.getByTestId('booked-dates').getByRole('link');
    assert.deepEqual(
      (await booked.allTextContents()).map((t) => t.trim()),
      expected.map((date) => `${date} at midnight`),
    );
    await expectNoAxeViolations(page, 'the sessions booked confirmation');

    const secondHref = await booked.nth(1).getAttribute('href');

    // Today's session: record it as held.
    await booked.first().click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
    assert.equal(await h1(page), 'Supervision session');
    assert.equal((await page.getByTestId('session-status').textContent()).trim(), 'Planned');
    await page.getByText(expected[0], { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'a planned session');
    await page.getByRole('button', { name: 'Record as held' }).click();
    const minutes = page.getByLabel('How long it lasted, in minutes');
    await minutes.fill('90');
    await expectNoAxeViolations(page, 'the record as held form');
    await page.getByRole('button', { name: 'Save as held' }).click();
    await page.getByText('Session recorded as held').waitFor();
    await page.getByTestId('session-status').getByText('Held, record to write').waitFor();
    await page.getByText('90 minutes', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'a session recorded as held');

    // A later session cannot be held yet; postponing it without a reason shows the error summary.
    await page.goto(secondHref);
    await page.getByTestId('session-actions').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Record as held' }).count(), 0);
    await page.getByRole('button', { name: 'Postpone' }).click();
    await page.getByRole('button', { name: 'Save: postpone' }).click();
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter why the session is postponed' }).waitFor();
    assert.equal(await page.title(), 'Error: Supervision session – Supervision');
    await expectNoAxeViolations(page, 'the postpone form with errors');
    await page.getByRole('button', { name: 'Go back' }).click();

    // Home again: Sam is on track, next due 4 weeks after today.
    await page.getByRole('link', { name: 'Back to My supervision' }).click();
    await page.waitForURL(`${BASE_URL}/`);
    const samAfter = samCard(page);
    await samAfter.getByTestId('schedule-status').getByText('On track', { exact: true }).waitFor();
    assert.equal((await samAfter.getByTestId('next-due').textContent()).trim(), dateText([y, m, d], 28));
    const toWrite = toWriteBefore + 1;
    assert.match(await samAfter.textContent(), new RegExp(`${toWrite} records? to write`));
    // Next planned: the series' second session, unless another browser test booked Sam an earlier one (an extra session).
    const nextPlanned = (await samAfter.textContent()).match(/Next planned(\w+ \d+ \w+ \d{4}) at/)?.[1];
    assert.ok(nextPlanned, 'Sam has a next planned session');
    if (nextPlanned !== dateText([y, m, d], 28)) {
      assert.ok(Date.parse(nextPlanned.replace(/^\w+ /, '')) < Date.parse(dateText([y, m, d], 28).replace(/^\w+ /, '')),
        `the next planned ${nextPlanned} comes before the series' second session`);
    }
    await expectNoAxeViolations(page, 'the home page after a session was held');
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  test('portrait 768x1024: the dashboard stacks without horizontal scrolling; Sam sees their own schedule', async () => {
    const page = await newPage(browser, PORTRAIT);
    await signInAt(page, 'supervisor@demo.test');
    await samCard(page).waitFor();
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    assert.ok(scrollWidth <= clientWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport`);
    await expectNoAxeViolations(page, 'the dashboard in portrait');
    await page.context().close();

    const samPage = await newPage(browser, PORTRAIT);
    await signInAt(samPage, 'practitioner@demo.test');
    const mine = samPage.getByTestId('my-schedule');
    await mine.locator('.govuk-tag').first().waitFor();
    await mine.getByRole('heading', { name: 'Your next sessions' }).waitFor();
    await mine.getByText(/Loading/).waitFor({ state: 'detached' });
    await expectNoAxeViolations(samPage, 'a practitioner’s own schedule');
    assert.deepEqual(samPage.consoleErrors, []);
    await samPage.context().close();
  });
});

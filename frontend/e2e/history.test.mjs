// End-to-end: a supervisor enters paper history through the SPA alone - a session that already happened is
// recorded as held under the supervisor of the time, straight on to its record - at the three viewports, with axe.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, LANDSCAPE, PORTRAIT, dateText, expectNoAxeViolations, h1, launchBrowser, newPage, signIn, today } from './helpers.mjs';

const PHONE = { width: 390, height: 844 };

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** [y, m, d] moved by days. */
function shifted([y, m, d], days) {
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

async function fillDate(page, [y, m, d]) {
  await page.getByLabel('Day').fill(String(d));
  await page.getByLabel('Month').fill(String(m));
  await page.getByLabel('Year').fill(String(y));
}

async function noSidewaysScroll(page, label) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `${label} is ${scrollWidth}px wide in a ${clientWidth}px viewport`);
}

// Chris Taylor: supervised by Priya for two years in the demo organisation; other browser tests leave Chris alone.
const chrisCard = (page) => page.getByTestId('dashboard-row').filter({ has: page.getByRole('heading', { level: 3, name: /^Chris Taylor/ }) });

describe('Entering a session that already happened', { timeout: 240_000 }, () => {
  for (const [viewport, daysAgo] of [
    [LANDSCAPE, 40],
    [PORTRAIT, 70],
    [PHONE, 100],
  ]) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`${size}: a past session is recorded as held under the supervisor of the time and its record opens`, async () => {
      const page = await newPage(browser, viewport);
      await page.goto('/sign-in');
      await signIn(page, 'supervisor@demo.test');
      await page.waitForURL(`${BASE_URL}/`);
      const chris = chrisCard(page);
      await chris.waitFor();

      // From the plan page, the path for history (the plan page itself books from today on).
      await chris.getByRole('link', { name: 'Plan a session with Chris Taylor' }).click();
      await page.waitForURL(/\/sessions\/new\?superviseeId=[0-9a-f-]{36}$/);
      await page.getByRole('link', { name: 'Record a past session' }).click();
      await page.waitForURL(/\/sessions\/past\?superviseeId=[0-9a-f-]{36}$/);
      assert.equal(await h1(page), 'Record a past session');
      assert.equal(await page.title(), 'Record a past session – Supervision');
      await expectNoAxeViolations(page, `the record a past session form at ${size}`);
      await noSidewaysScroll(page, `the past session form at ${size}`);

      // Empty, then tomorrow: refused in GOV.UK wording.
      await page.getByRole('button', { name: 'Record as held and write the record' }).click();
      await page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter the date the session took place' }).waitFor();
      assert.equal(await page.title(), 'Error: Record a past session – Supervision');
      await expectNoAxeViolations(page, `the past session form with errors at ${size}`);
      await fillDate(page, shifted(today(), 1));
      await page.getByLabel('Time it started').fill('10:00');
      await page.getByLabel('Where it took place').fill('Room 4, from the paper file');
      await page.getByRole('button', { name: 'Record as held and write the record' }).click();
      await page
        .locator('.govuk-error-summary')
        .getByRole('link', { name: 'The date the session took place must be today or in the past' })
        .waitFor();

      // A date weeks ago is accepted: held at once, and on to its record.
      const date = shifted(today(), -daysAgo);
      await fillDate(page, date);
      await page.getByLabel('How long it lasted, in minutes').fill('75');
      await page.getByRole('button', { name: 'Record as held and write the record' }).click();
      await page.waitForURL(/\/sessions\/[0-9a-f-]{36}\/record$/);
      assert.equal(await h1(page), 'Session record');
      await page.getByText(`Chris Taylor with Priya Shah, ${dateText(date, 0)}`).waitFor();
      await page.getByTestId('next-dates').waitFor();
      await expectNoAxeViolations(page, `the record of a past session at ${size}`);

      // The session: held, 75 minutes, under Priya (the supervisor on that date).
      const sessionUrl = page.url().replace(/\/record$/, '');
      await page.goto(sessionUrl);
      await page.getByTestId('session-status').getByText('Held, record to write').waitFor();
      await page.getByText(dateText(date, 0), { exact: true }).waitFor();
      await page.getByText('75 minutes', { exact: true }).waitFor();
      await page.locator('.govuk-summary-list__row', { hasText: 'Supervisor' }).getByText('Priya Shah').waitFor();
      await expectNoAxeViolations(page, `a past session recorded as held at ${size}`);
      await noSidewaysScroll(page, `the session page at ${size}`);
      assert.deepEqual(page.consoleErrors, []);
      await page.context().close();
    });
  }
});

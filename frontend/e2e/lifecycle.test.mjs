// End-to-end (issue 7, 3e): a supervisee asks for an extra session from home; the supervisor sees the request
// on her home, books it, and the supervisee sees it booked. At each of the three viewports, with axe.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, LANDSCAPE, PORTRAIT, expectNoAxeViolations, h1, launchBrowser, newPage, signIn, today, dateText } from './helpers.mjs';

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

async function fillDate(scope, [y, m, d]) {
  await scope.getByLabel('Day').fill(String(d));
  await scope.getByLabel('Month').fill(String(m));
  await scope.getByLabel('Year').fill(String(y));
}

const plusDays = ([y, m, d], n) => {
  const date = new Date(Date.UTC(y, m - 1, d + n));
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
};

describe('Asking for an extra session', { timeout: 600_000 }, () => {
  for (const [name, viewport] of [['landscape tablet', LANDSCAPE], ['portrait tablet', PORTRAIT], ['phone', PHONE]]) {
    test(`Sam asks, Priya books, Sam sees it booked (${name})`, async () => {
      const reason = `A hard visit to discuss (${name})`;
      const sam = await newPage(browser, viewport);
      await signInAt(sam, 'practitioner@demo.test');
      const extra = sam.getByTestId('extra-sessions');
      // The home's sections load one by one and move the link down: click it once they have.
      await sam.waitForLoadState('networkidle');
      await extra.getByRole('link', { name: 'Ask for an extra session' }).click();
      await sam.waitForURL(/\/session-requests\/new$/);
      assert.equal(await h1(sam), 'Ask for an extra session');
      await expectNoAxeViolations(sam, `the request form (${name})`);

      // Sent empty: the error summary points at the reason.
      await sam.getByRole('button', { name: 'Send the request' }).click();
      await sam.locator('.govuk-error-summary').getByRole('link', { name: 'Say why you would like an extra session' }).waitFor();
      assert.equal(await sam.title(), 'Error: Ask for an extra session – Supervision');
      await expectNoAxeViolations(sam, `the request form with errors (${name})`);

      const preferred = plusDays(today(), 3);
      await sam.getByLabel('Why would you like an extra session?').fill(reason);
      await fillDate(sam.getByRole('group', { name: 'Preferred date 1 (optional)' }), preferred);
      await sam.getByRole('button', { name: 'Send the request' }).click();
      await sam.getByRole('heading', { level: 1, name: 'Request sent' }).waitFor();
      await sam.getByText(`You said these dates would suit: ${dateText(preferred)}.`).waitFor();
      await expectNoAxeViolations(sam, `the request sent confirmation (${name})`);

      // Priya sees it on her home and books it, on the date Sam preferred.
      const priya = await newPage(browser, viewport);
      await signInAt(priya, 'supervisor@demo.test');
      const waiting = priya.getByTestId('requests-waiting').getByRole('link', { name: 'Sam Okafor asks for an extra session' });
      await waiting.first().waitFor();
      await expectNoAxeViolations(priya, `the supervisor's home with a request (${name})`);
      // The newest request is Sam's from this test: open each until the reason matches.
      const count = await waiting.count();
      let found = false;
      for (let i = 0; i < count && !found; i++) {
        await priya.goto('/');
        await priya.getByTestId('requests-waiting').getByRole('link', { name: 'Sam Okafor asks for an extra session' }).nth(i).click();
        await priya.getByRole('heading', { level: 1, name: 'Request for an extra session' }).waitFor();
        found = (await priya.getByText(reason).count()) > 0;
      }
      assert.ok(found, 'the request is shown to the supervisor');
      await priya.getByText(dateText(preferred)).first().waitFor();
      await expectNoAxeViolations(priya, `the request (${name})`);
      await priya.getByRole('button', { name: 'Book the session' }).click();
      assert.equal(await priya.getByLabel('Day').inputValue(), String(preferred[2]), 'the first preferred date is offered');
      await priya.getByLabel('Start time').fill('2pm');
      await priya.getByLabel('Where').fill('Room 4, Civic Centre');
      await expectNoAxeViolations(priya, `the booking form (${name})`);
      await priya.getByRole('button', { name: 'Book it' }).click();
      await priya.getByText('Extra session booked').waitFor();
      await priya.getByRole('link', { name: `${dateText(preferred)} at 2pm, Room 4, Civic Centre` }).waitFor();
      await expectNoAxeViolations(priya, `the booked request (${name})`);

      // Sam sees the outcome on his home.
      await sam.goto('/');
      await sam.getByTestId('my-requests').getByRole('link', { name: `${dateText(preferred)} at 2pm` }).first().waitFor();
      assert.deepEqual(sam.consoleErrors, []);
      assert.deepEqual(priya.consoleErrors, []);
      await sam.context().close();
      await priya.context().close();
    });
  }
});

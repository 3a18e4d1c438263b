// End-to-end: the real backend (with its demo data) and Debian's Chromium. Started by run-e2e.mjs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  BASE_URL,
  LANDSCAPE,
  PORTRAIT,
  SUPERVISEES,
  expectNoAxeViolations,
  h1,
  launchBrowser,
  newPage,
  signIn,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('Supervision in the browser', { timeout: 120_000 }, () => {
  test('a supervisor signs in on a landscape tablet and sees their supervisees', async () => {
    const page = await newPage(browser, LANDSCAPE);
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    assert.equal(await h1(page), 'Sign in');
    assert.equal(await page.title(), 'Sign in – Supervision');
    await expectNoAxeViolations(page, 'the sign-in page');

    await signIn(page, 'supervisor@demo.test');
    await page.waitForURL(`${BASE_URL}/`);
    assert.equal(await h1(page), 'My supervision');
    assert.equal(await page.title(), 'My supervision – Supervision');

    const table = page.getByRole('table', { name: 'People you supervise' });
    await table.waitFor();
    const names = await table.locator('tbody th').allTextContents();
    for (const name of SUPERVISEES) assert.ok(names.map((n) => n.trim()).includes(name), `${name} is in ${names}`);
    const jordan = table.locator('tr', { hasText: 'Jordan Reid' });
    assert.match(await jordan.textContent(), /Newly qualified \(ASYE\)/);
    const alex = table.locator('tr', { hasText: 'Alex Morgan' });
    // Alex's row also carries his agreement's status tag (demo history): the employment tag is the one that says Agency.
    assert.equal(await alex.locator('.govuk-tag', { hasText: /^Agency$/ }).count(), 1);
    assert.match(await page.getByTestId('account').textContent(), /Priya Shah/);

    await expectNoAxeViolations(page, 'the home page');
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  test('a wrong password shows the GOV.UK error summary', async () => {
    const page = await newPage(browser, LANDSCAPE);
    await page.goto('/sign-in');
    await signIn(page, 'member@demo.test', 'not-the-password');
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.match(await summary.textContent(), /Enter a correct username and password/);
    assert.equal(await summary.evaluate((el) => el === document.activeElement), true, 'the summary has focus');
    assert.equal(await page.title(), 'Error: Sign in – Supervision');
    assert.equal(await page.getByLabel('Username').getAttribute('aria-describedby'), 'username-hint username-error');
    await expectNoAxeViolations(page, 'the sign-in page with errors');
    await page.context().close();
  });

  test('a deep link while signed out goes through sign in and back to the page', async () => {
    const page = await newPage(browser, LANDSCAPE);
    await page.goto('/staff');
    await page.waitForURL('**/sign-in?returnTo=%2Fstaff');
    await signIn(page, 'supervisor@demo.test');
    await page.waitForURL(`${BASE_URL}/staff`);
    assert.equal(await h1(page), 'Staff directory');
    await page.getByRole('table').waitFor();
    await expectNoAxeViolations(page, 'the staff directory');

    // A reload keeps the session (refresh token in sessionStorage), the access token is not stored.
    await page.reload();
    assert.equal(await h1(page), 'Staff directory');
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
    assert.doesNotMatch(stored, /eyJ[\w-]+\.[\w-]+\./, 'no JWT access token in web storage');

    // A record from the directory, then the teams tree and an unknown address.
    await page.getByRole('table').getByRole('link').first().click();
    await page.locator('.govuk-summary-list').waitFor();
    await expectNoAxeViolations(page, 'a staff record');
    await page.getByRole('link', { name: 'Teams' }).click();
    assert.equal(await h1(page), 'Teams');
    await page.locator('table').first().waitFor();
    await expectNoAxeViolations(page, 'the teams page');
    await page.goto('/no-such-page');
    assert.equal(await h1(page), 'Page not found');
    await expectNoAxeViolations(page, 'the 404 page');
    await page.context().close();
  });

  test('portrait 768x1024: home fits without horizontal scrolling, touch targets are 44px', async () => {
    const page = await newPage(browser, PORTRAIT);
    await page.goto('/sign-in');
    await signIn(page, 'supervisor@demo.test');
    await page.getByRole('table', { name: 'People you supervise' }).waitFor();
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    assert.ok(scrollWidth <= clientWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport`);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('.govuk-button, .govuk-service-navigation__link, .govuk-table a')]
        .map((el) => ({ text: el.textContent.trim(), height: el.getBoundingClientRect().height }))
        .filter((t) => t.height < 44),
    );
    assert.deepEqual(small, [], 'touch targets under 44px');
    await expectNoAxeViolations(page, 'the home page in portrait');
    await page.context().close();
  });
});

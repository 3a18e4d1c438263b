// End-to-end: a supervision agreement drafted, sent, and signed by both parties on their own sign-ins.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, LANDSCAPE, PORTRAIT, expectNoAxeViolations, h1, launchBrowser, newPage, signIn } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The staff id of a supervisee, from the link to their record in the home page's table. */
async function superviseeId(page, name) {
  const row = page.getByRole('table', { name: 'People you supervise' }).locator('tr', { hasText: name });
  const href = await row.getByRole('link', { name, exact: true }).getAttribute('href');
  return href.split('/').pop();
}

async function signInAt(page, username) {
  await page.goto('/sign-in');
  await signIn(page, username);
  await page.waitForURL(`${BASE_URL}/`);
  await page.getByRole('heading', { level: 1, name: 'My supervision' }).waitFor();
}

const currentSection = (page) => page.getByTestId('current-section');

describe('Supervision agreement in the browser', { timeout: 180_000 }, () => {
  test('a supervisor drafts, sends and signs an agreement; the supervisee signs it on their own sign-in', async () => {
    const page = await newPage(browser, LANDSCAPE);
    await signInAt(page, 'supervisor@demo.test');
    const table = page.getByRole('table', { name: 'People you supervise' });
    const draftLink = table.getByRole('link', { name: 'Draft agreement for Sam Okafor' });
    await draftLink.waitFor();
    await expectNoAxeViolations(page, 'the home page with agreements');
    const samId = await superviseeId(page, 'Sam Okafor');
    await draftLink.click();

    // The form: fields, then the template's questions with the section list on the left.
    await page.waitForURL(`**/agreements/new?superviseeId=${samId}`);
    assert.equal(await h1(page), 'Draft a supervision agreement');
    assert.equal(await page.title(), 'Draft a supervision agreement – Supervision');
    const sections = page.getByRole('navigation', { name: 'Sections of the agreement' });
    await sections.waitFor();
    assert.equal(await page.getByLabel('Section', { exact: true }).count(), 0, 'no section picker in landscape');
    await expectNoAxeViolations(page, 'the agreement form');

    await page.getByLabel('Where supervision usually takes place').fill('Room 2, Civic Centre');
    await page.getByLabel('Escalation period, in weeks (optional)').fill('6');
    const firstSection = (await currentSection(page).getByRole('heading', { level: 2 }).textContent()).trim();
    await currentSection(page).locator('textarea').first().fill('Reflective practice, oversight of decisions and support.');
    await page.getByRole('button', { name: 'Next section' }).click();
    const secondSection = (await currentSection(page).getByRole('heading', { level: 2 }).textContent()).trim();
    assert.notEqual(secondSection, firstSection);
    await currentSection(page).locator('textarea').first().fill('Sam brings a list of cases a week before.');
    await page.getByText(/^Saved on this device \d{1,2}(:\d{2})?(am|pm)$|^Saved on this device (midday|midnight)$/).waitFor();

    // A reload mid-way loses nothing.
    page.once('dialog', (dialog) => dialog.accept());
    await page.reload();
    await page.getByRole('button', { name: 'Save draft' }).waitFor();
    assert.equal(await page.getByLabel('Where supervision usually takes place').inputValue(), 'Room 2, Civic Centre');
    assert.equal(await page.getByLabel('Escalation period, in weeks (optional)').inputValue(), '6');
    assert.equal(
      await currentSection(page).locator('textarea').first().inputValue(),
      'Reflective practice, oversight of decisions and support.',
    );
    await sections.getByRole('button', { name: secondSection }).click();
    assert.equal(await currentSection(page).locator('textarea').first().inputValue(), 'Sam brings a list of cases a week before.');
    assert.match(await page.getByTestId('save-status').textContent(), /^Saved on this device /);

    // Saved on the server: the agreement page, the local draft cleared.
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/agreements\/[0-9a-f-]{36}$/);
    const agreementUrl = page.url();
    await page.getByText('Draft saved').waitFor();
    assert.equal(await h1(page), 'Supervision agreement');
    assert.equal(await page.title(), 'Supervision agreement – Supervision');
    assert.equal((await page.getByTestId('agreement-status').textContent()).trim(), 'Draft');
    await page.getByText('Sam brings a list of cases a week before.').waitFor();
    assert.equal(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('supervision.agreementDraft.')).length),
      0,
    );
    await expectNoAxeViolations(page, 'a draft agreement');

    await page.getByRole('button', { name: 'Send for signature' }).click();
    await page.getByText('Sent for signature').waitFor();
    assert.equal((await page.getByTestId('agreement-status').textContent()).trim(), 'Awaiting signatures');
    await page.getByLabel('I agree to this supervision agreement').check();
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await page.getByText('You have signed the agreement').waitFor();
    await page.getByText(/^Signed by Priya Shah on /).waitFor();
    await expectNoAxeViolations(page, 'an agreement awaiting the other signature');
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();

    // Sam signs on his own sign-in, from his home page.
    const sam = await newPage(browser, LANDSCAPE);
    await signInAt(sam, 'practitioner@demo.test');
    const yours = sam.getByTestId('your-agreement');
    await yours.getByText('Awaiting signatures').waitFor();
    await expectNoAxeViolations(sam, "the supervisee's home page");
    await yours.getByRole('link', { name: /View your supervision agreement/ }).click();
    await sam.waitForURL(agreementUrl);
    assert.equal(await h1(sam), 'Supervision agreement');
    await sam.getByRole('button', { name: 'Sign', exact: true }).click();
    await sam.locator('.govuk-error-summary').waitFor();
    assert.match(await sam.locator('.govuk-error-summary').textContent(), /Select that you agree/);
    assert.equal(await sam.title(), 'Error: Supervision agreement – Supervision');
    await expectNoAxeViolations(sam, 'the sign form with an error');
    await sam.getByLabel('I agree to this supervision agreement').check();
    await sam.getByRole('button', { name: 'Sign', exact: true }).click();
    await sam.getByText('Signed by you and your supervisor').waitFor();
    assert.equal((await sam.getByTestId('agreement-status').textContent()).replace(/\s+/g, ' ').trim(), 'Active Locked');
    await sam.getByTestId('locked').waitFor();
    assert.equal(await sam.getByRole('button', { name: 'Sign', exact: true }).count(), 0);
    await expectNoAxeViolations(sam, 'a signed, locked agreement');

    // After a reload too, and on the home page.
    await sam.reload();
    await sam.getByText('Signed by you and your supervisor').waitFor();
    await sam.goto('/');
    await sam.getByTestId('your-agreement').getByText('Locked').waitFor();
    await expectNoAxeViolations(sam, "the supervisee's home page with a signed agreement");
    assert.deepEqual(sam.consoleErrors, []);
    await sam.context().close();
  });

  test('portrait 768x1024: the form has a section picker at the top and fits the screen', async () => {
    const page = await newPage(browser, PORTRAIT);
    await signInAt(page, 'supervisor@demo.test');
    const jordanId = await superviseeId(page, 'Jordan Reid');
    await page.goto(`/agreements/new?superviseeId=${jordanId}`);
    const picker = page.getByLabel('Section', { exact: true });
    await picker.waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Sections of the agreement' }).count(), 0);
    const options = await picker.locator('option').allTextContents();
    assert.ok(options.length >= 2, `sections: ${options}`);
    await picker.selectOption({ index: 1 });
    const heading = (await currentSection(page).getByRole('heading', { level: 2 }).textContent()).trim();
    assert.equal(options[1], `2. ${heading}`);

    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    assert.ok(scrollWidth <= clientWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport`);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('.govuk-button, .govuk-input, .govuk-select, .govuk-back-link')]
        .map((el) => ({ text: el.textContent.trim() || el.id, height: el.getBoundingClientRect().height }))
        .filter((t) => t.height < 44),
    );
    assert.deepEqual(small, [], 'touch targets under 44px');
    await expectNoAxeViolations(page, 'the agreement form in portrait');
    await page.context().close();
  });
});

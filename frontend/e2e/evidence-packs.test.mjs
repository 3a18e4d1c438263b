// End-to-end (issue 10): an elected member, on a portrait tablet (768x1024), asks for an evidence pack of the
// directorate over the last three months, watches its progress in words while the service makes it in the background,
// then downloads the PDF and a measure's CSV by their titles. axe on the page before and after; the page also on a phone.
// Screenshots: e2e/output/evidence-packs/.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PORTRAIT, expectNoAxeViolations, h1, launchBrowser, newPage, signIn, today } from './helpers.mjs';

const MEMBER = 'member@demo.test';
const OUT = join(dirname(fileURLToPath(import.meta.url)), 'output', 'evidence-packs');
mkdirSync(OUT, { recursive: true });
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** [year, month] so many months from this one, as "2026-09" and "September 2026". */
function month(by) {
  const [y, m] = today();
  const index = y * 12 + (m - 1) + by;
  const year = Math.floor(index / 12);
  const mm = (index % 12) + 1;
  return { value: `${year}-${String(mm).padStart(2, '0')}`, words: `${MONTHS[mm - 1]} ${year}` };
}

describe('evidence packs', () => {
  test('a member makes a pack of the directorate and downloads its report and a CSV', async () => {
    const page = await newPage(browser, PORTRAIT);
    await page.goto('/sign-in?returnTo=/evidence-packs');
    await signIn(page, MEMBER);
    await page.getByRole('heading', { level: 1, name: 'Evidence packs' }).waitFor();
    assert.equal(await h1(page), 'Evidence packs');
    assert.equal(await page.title(), 'Evidence packs – Supervision');
    await expectNoAxeViolations(page, 'evidence packs, empty form');

    await page.getByLabel('The whole directorate').check();
    await page.getByLabel('First month').selectOption(month(-2).value);
    await page.getByLabel('Last month').selectOption(month(0).value);
    await page.getByRole('button', { name: 'Make evidence pack' }).click();
    await page.getByRole('status').filter({ hasText: 'is being made' }).waitFor();
    const heading = page.getByRole('heading', { level: 3 }).filter({ hasText: `${month(-2).words} to ${month(0).words}` }).first();
    await heading.waitFor();
    // Progress in words beside the bar while it is made (the job runs every few seconds).
    const section = page.locator('section.app-pack').filter({ has: heading });
    assert.match(await section.textContent(), /Waiting to start|\d+ of \d+ parts|Ready/);
    await page.screenshot({ path: join(OUT, '1-being-made.png'), fullPage: true });

    const pdfLink = section.getByRole('link', { name: 'Report (PDF)' });
    await pdfLink.waitFor({ timeout: 90_000 });
    await page.screenshot({ path: join(OUT, '2-ready.png'), fullPage: true });
    await expectNoAxeViolations(page, 'evidence packs, a ready pack');

    const [pdf] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    assert.equal(pdf.suggestedFilename(), 'report.pdf');
    assert.equal(readFileSync(await pdf.path()).subarray(0, 4).toString('latin1'), '%PDF');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Staff on track with one-to-one supervision (CSV)' }).click(),
    ]);
    assert.equal(csv.suggestedFilename(), 'sessions.within-interval.csv');
    assert.match(readFileSync(await csv.path(), 'utf8'), /^scope,unit,month or period,numerator,denominator,value,suppressed,part\r\n/);

    // The same page on a phone: one column, still clean.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: join(OUT, '3-phone.png'), fullPage: true });
    await expectNoAxeViolations(page, 'evidence packs on a phone');
    assert.deepEqual(page.consoleErrors, []);
  });
});

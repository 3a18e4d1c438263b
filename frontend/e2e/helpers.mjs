// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, axe-core checks.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
export const PASSWORD = 'Supervision2026!';
export const LANDSCAPE = { width: 1024, height: 768 };
export const PORTRAIT = { width: 768, height: 1024 };
export const SUPERVISEES = ['Sam Okafor', 'Jordan Reid', 'Alex Morgan', 'Chris Taylor'];

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function launchBrowser() {
  assert.ok(existsSync(CHROMIUM), `No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser context (no session) on a tablet-sized, touch viewport. */
export async function newPage(browser, viewport = LANDSCAPE) {
  const context = await browser.newContext({ viewport, hasTouch: true, baseURL: BASE_URL, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const consoleErrors = [];
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.consoleErrors = consoleErrors;
  return page;
}

let axeScript;
function axeSource() {
  axeScript ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeScript;
}

/** Runs axe-core in the page and fails on any WCAG 2.2 AA violation, listing each one. */
export async function expectNoAxeViolations(page, label) {
  // Evaluated through the DevTools protocol, not added as a <script>: the pages' Content-Security-Policy
  // (script-src 'self') stays in force in every browser test and would refuse an inline script tag.
  await page.evaluate(axeSource());
  const violations = await page.evaluate(
    async (tags) => {
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
      }));
    },
    AXE_TAGS,
  );
  assert.deepEqual(violations, [], `axe found accessibility problems on ${label}:\n${JSON.stringify(violations, null, 2)}`);
}

export async function signIn(page, username, password = PASSWORD) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function h1(page) {
  const heading = page.locator('h1');
  await heading.first().waitFor();
  assert.equal(await heading.count(), 1, 'a page has exactly one h1');
  return (await heading.textContent()).trim();
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Today in Europe/London as [year, month, day]. */
export function today() {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(new Date());
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  return [get('year'), get('month'), get('day')];
}

/** [y, m, d] plus days, as "Tuesday 8 December 2026". */
export function dateText([y, m, d], plusDays = 0) {
  const date = new Date(Date.UTC(y, m - 1, d + plusDays));
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

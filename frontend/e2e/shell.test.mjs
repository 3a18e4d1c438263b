// End-to-end: the app's shell on a phone and both tablet orientations. The header collapses into
// GOV.UK's Menu button on a phone, no page scrolls sideways at 390px, a page that failed offline loads by
// itself when the connection returns, and an agreement opened recently can be read again offline.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, LANDSCAPE, PASSWORD, PORTRAIT, expectNoAxeViolations, launchBrowser, newPage, signIn } from './helpers.mjs';

const PHONE = { width: 390, height: 844 };
const VIEWPORTS = [
  ['landscape tablet', LANDSCAPE],
  ['portrait tablet', PORTRAIT],
  ['phone', PHONE],
];

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function apiToken(username) {
  const response = await fetch(`${BASE_URL}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  assert.equal(response.status, 200, 'API sign-in');
  return (await response.json()).accessToken;
}

async function apiGet(token, path) {
  const response = await fetch(`${BASE_URL}${path}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
  assert.equal(response.status, 200, `GET ${path}`);
  return response.json();
}

/** An agreement the supervisor can read: one of theirs, or a new draft for a supervisee. */
async function anAgreementOfPriyas() {
  const token = await apiToken('supervisor@demo.test');
  const listed = await apiGet(token, '/api/v1/agreements?limit=20');
  if (listed.items.length > 0) return listed.items[0];
  const me = await apiGet(token, '/api/v1/me');
  for (const supervisee of me.supervisees) {
    const response = await fetch(`${BASE_URL}/api/v1/agreements`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ superviseeId: supervisee.id, intervalWeeks: 4, durationMinutes: 90, location: 'Team room', answers: [] }),
    });
    if (response.status === 201) return response.json();
  }
  assert.fail('no agreement to read');
}

async function signedIn(viewport, username = 'supervisor@demo.test') {
  const page = await newPage(browser, viewport);
  // Nine engineers' builds share two cores: slower than a developer's machine, never slower than this.
  page.setDefaultTimeout(60_000);
  await page.goto('/sign-in');
  await signIn(page, username);
  await page.waitForURL(`${BASE_URL}/`);
  await page.getByRole('heading', { level: 1, name: 'My supervision' }).waitFor();
  await page.getByTestId('skeleton').first().waitFor({ state: 'detached' });
  return page;
}

async function sidewaysOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Moves inside the app without reloading it (the session lives in memory). */
async function go(page, path) {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

describe('The shell', { timeout: 900_000 }, () => {
  test('on a phone the header is short and the menu sits behind the Menu button; on tablets it is open', async () => {
    const phone = await signedIn(PHONE);
    const header = phone.locator('header.govuk-template__header');
    const menu = phone.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    const list = phone.locator('#navigation');
    assert.equal(await list.isVisible(), false, 'the menu is collapsed');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    const height = (await header.boundingBox()).height;
    assert.ok(height <= 240, `the header takes ${height}px of 844 (it took 380 before the menu collapsed)`);
    await expectNoAxeViolations(phone, 'the home page on a phone, menu closed');

    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await phone.getByRole('link', { name: 'Staff' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
    assert.equal(await phone.locator('#navigation').isVisible(), false, 'the menu closes after moving');
    assert.deepEqual(phone.consoleErrors, []);
    await phone.context().close();

    for (const viewport of [LANDSCAPE, PORTRAIT]) {
      const tablet = await signedIn(viewport);
      assert.equal(await tablet.getByRole('button', { name: 'Menu' }).isVisible(), false);
      assert.equal(await tablet.locator('#navigation').isVisible(), true);
      await tablet.context().close();
    }
  });

  test('no page scrolls sideways at 390px, and each passes axe in every orientation', async () => {
    const agreement = await anAgreementOfPriyas();
    const token = await apiToken('supervisor@demo.test');
    const me = await apiGet(token, '/api/v1/me');
    const someone = me.supervisees[0].id;
    const pages = ['/', '/staff', '/teams', `/staff/${someone}`, `/sessions/new?superviseeId=${someone}`, `/agreements/${agreement.id}`];
    for (const [name, viewport] of VIEWPORTS) {
      const page = await signedIn(viewport);
      for (const path of pages) {
        await go(page, path);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.locator('[data-testid="skeleton"], .govuk-body[role="status"]').first().waitFor({ state: 'detached' });
        if (viewport === PHONE) assert.equal(await sidewaysOverflow(page), 0, `${path} scrolls sideways at 390px`);
        await expectNoAxeViolations(page, `${path} (${name})`);
      }
      if (viewport === PHONE) {
        // The staff table stacks: every cell within the screen.
        await go(page, '/staff');
        const table = page.locator('table.app-table--stacked');
        await table.waitFor();
        assert.ok((await table.boundingBox()).width <= PHONE.width, 'the staff table fits the phone');
      }
      assert.deepEqual(page.consoleErrors, []);
      await page.context().close();
    }
  });

  test('a page that failed offline loads by itself when the connection returns', async () => {
    const page = await signedIn(LANDSCAPE);
    await page.context().setOffline(true);
    await page.getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('heading', { name: 'You are offline' }).first().waitFor();
    await page.context().setOffline(false);
    await page.locator('table.govuk-table').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'You are offline' }).count(), 0);
    await page.context().close();
  });

  test('an agreement opened recently can be read offline, by its reader only', async () => {
    const agreement = await anAgreementOfPriyas();
    const page = await signedIn(PORTRAIT);
    await go(page, `/agreements/${agreement.id}`);
    await page.getByText(agreement.supervisee.displayName).first().waitFor();
    await page.waitForLoadState('networkidle');
    // The copy is sealed: its words are not in the device's database in plain text.
    const stored = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('supervision-offline');
          open.onsuccess = () => {
            const all = open.result.transaction('recent').objectStore('recent').getAll();
            all.onsuccess = () => resolve({ rows: all.result.length, paths: all.result.map((r) => r.path) });
          };
        }),
    );
    assert.ok(stored.paths.includes(`/api/v1/agreements/${agreement.id}`), JSON.stringify(stored));

    await go(page, '/');
    await page.context().setOffline(true);
    await go(page, `/agreements/${agreement.id}`);
    await page.getByText(agreement.supervisee.displayName).first().waitFor();
    assert.equal(await page.getByRole('heading', { name: 'You are offline', exact: true }).count(), 0, 'read from the device');
    await page.getByText('You are offline.').waitFor();
    await expectNoAxeViolations(page, 'an agreement read offline');

    // Back online, another person signs in on the same tablet: Priya's copy does not answer them.
    await page.context().setOffline(false);
    await go(page, '/sign-out');
    await page.waitForURL(/\/sign-in/); // nothing waits to be sent: it signs straight out
    await signIn(page, 'practitioner@demo.test');
    await page.getByRole('heading', { level: 1, name: 'My supervision' }).waitFor();
    const left = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('supervision-offline');
          open.onsuccess = () => {
            const all = open.result.transaction('recent').objectStore('recent').getAll();
            all.onsuccess = () => resolve(all.result.length);
          };
        }),
    );
    assert.equal(left, 0, 'signing out wiped the copies');
    await page.context().close();
  });
});

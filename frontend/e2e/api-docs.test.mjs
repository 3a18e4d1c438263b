// The static API documentation page (dist/api-docs/, served by the backend at /api-docs/).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, LANDSCAPE, launchBrowser, newPage } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the API documentation at /api-docs/ loads from this site alone (no CDN)', { timeout: 60_000 }, async () => {
  const page = await newPage(browser, LANDSCAPE);
  const elsewhere = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(BASE_URL) && !url.startsWith('data:')) elsewhere.push(url);
  });
  const response = await page.goto('/api-docs/');
  assert.equal(response.status(), 200);
  assert.equal(await page.title(), 'API documentation – Supervision', 'the page at /api-docs/ is index.html');
  const title = page.locator('.swagger-ui .info .title');
  await title.waitFor({ timeout: 30_000 });
  assert.match(await title.textContent(), /Supervision API/);
  await page.locator('.opblock-summary-path').first().waitFor();
  assert.deepEqual(elsewhere, [], 'requests to other sites');
  await page.context().close();
});

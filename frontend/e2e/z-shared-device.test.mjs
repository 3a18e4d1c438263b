// End-to-end: nothing one person leaves on a shared tablet reaches the next person, and a deliberate
// sign-out asks before it deletes work the service does not have.
// (a) A types and queues a write offline; A's session ends on its own (the refresh token is revoked
//     through the API, so the app's next renewal is refused); B signs in on the same browser and sees
//     and sends nothing of A's; A signs in again, finds the work, and it is sent under A's token.
// (b) A types and signs out: the warning appears; "Send now and sign out" sends it, "Discard and sign
//     out" deletes it (the server does not get it and the device keeps nothing).
// Each test plans its own held session with Sam through the API. Named z-... so it runs after the
// tests that count Sam's records.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, LANDSCAPE, PASSWORD, expectNoAxeViolations, h1, launchBrowser, newPage, signIn, today } from './helpers.mjs';

const A = 'supervisor@demo.test'; // Priya Shah, Sam's supervisor
const B = 'practitioner@demo.test'; // Sam Okafor, the supervisee: may open the same record

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function api(method, path, { token, body, headers = {} } = {}) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: {
      Accept: 'application/json, application/problem+json',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, etag: response.headers.get('ETag'), body: text ? JSON.parse(text) : undefined };
}

async function apiSignIn(username) {
  const { status, body } = await api('POST', '/api/v1/auth/sign-in', { body: { username, password: PASSWORD } });
  assert.equal(status, 200, `API sign-in of ${username}`);
  return body;
}

let slot = 0;
/** A session of Priya's with Sam today, recorded as held, made through the API. Returns its id. */
async function heldSessionWithSam() {
  const { accessToken } = await apiSignIn(A);
  const me = (await api('GET', '/api/v1/me', { token: accessToken })).body;
  const sam = me.supervisees.find((s) => s.displayName === 'Sam Okafor');
  assert.ok(sam, 'Sam is one of Priya’s supervisees');
  const [y, m, d] = today();
  slot += 1;
  const planned = await api('POST', '/api/v1/sessions', {
    token: accessToken,
    headers: { 'Idempotency-Key': randomUUID() },
    body: {
      superviseeIds: [sam.id],
      date: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      // Early in the day (so it can have been held already) and one slot per test.
      startTime: `00:${String(slot).padStart(2, "0")}`,
      plannedMinutes: 45,
      location: 'Room 4, Civic Centre',
      count: 1,
    },
  });
  assert.equal(planned.status, 201, JSON.stringify(planned.body));
  const sessionId = planned.body.items[0].id;
  const got = await api('GET', `/api/v1/sessions/${sessionId}`, { token: accessToken });
  const held = await api('POST', `/api/v1/sessions/${sessionId}/held`, {
    token: accessToken,
    headers: { 'If-Match': got.etag },
    body: { actualMinutes: 45 },
  });
  assert.equal(held.status, 200, JSON.stringify(held.body));
  return sessionId;
}

async function record(sessionId) {
  const { accessToken } = await apiSignIn(A);
  const got = await api('GET', `/api/v1/sessions/${sessionId}/record`, { token: accessToken });
  assert.equal(got.status, 200);
  return got.body;
}

const allText = (rec) => JSON.stringify(rec.entries);

/** The JWT's subject (who a request was made as). */
const subjectOf = (authorization) => JSON.parse(Buffer.from(authorization.replace(/^Bearer /, '').split('.')[1], 'base64url')).sub;

/** What the browser keeps for the app, read raw: row counts, and all of it as text to search for plaintext. */
function deviceContents(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('supervision-offline');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store) =>
      db.objectStoreNames.contains(store)
        ? new Promise((resolve, reject) => {
            const request = db.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          })
        : Promise.resolve([]);
    const decode = (value) => {
      if (value instanceof ArrayBuffer) return new TextDecoder().decode(value);
      if (ArrayBuffer.isView(value)) return new TextDecoder().decode(value);
      if (value instanceof CryptoKey) return `CryptoKey(extractable=${value.extractable})`;
      if (Array.isArray(value)) return value.map(decode);
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
      return value;
    };
    const [outbox, drafts, keys] = [await all('outbox'), await all('drafts'), await all('keys')];
    db.close();
    return {
      outbox: outbox.length,
      drafts: drafts.length,
      keys: keys.length,
      text: JSON.stringify(decode({ outbox, drafts, keys, local: { ...localStorage }, session: { ...sessionStorage } })),
    };
  });
}

/** Writes to one record that leave this browser, with the token they carry. */
function watchWrites(page, sessionId) {
  const writes = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' && request.url().includes(`/api/v1/sessions/${sessionId}/record`)) {
      writes.push({ method: request.method(), authorization: request.headers().authorization ?? '' });
    }
  });
  return writes;
}

async function openRecord(page, sessionId) {
  await page.goto(`/sessions/${sessionId}/record`);
  assert.equal(await h1(page), 'Session record');
  await page.getByRole('button', { name: 'Save record' }).waitFor();
  return page.getByTestId('current-section').locator('textarea[id^="entry-"]').first();
}

const QUEUED = 'A: queued with no signal, caseload of 19 and a complaint from the Hughes family.';
const TYPED = 'A: typed afterwards, never saved: worried about a visit on Elm Road.';

describe('A shared tablet', { timeout: 300_000 }, () => {
  test('an expired session keeps A’s work from B, and gives it back to A', async () => {
    const sessionId = await heldSessionWithSam();
    const accountA = (await api('GET', '/api/v1/me', { token: (await apiSignIn(A)).accessToken })).body.accountId;
    const before = await record(sessionId);
    const page = await newPage(browser, LANDSCAPE);
    const context = page.context();
    page.on('dialog', (dialog) => void dialog.accept());
    const writes = watchWrites(page, sessionId);

    await page.goto('/sign-in');
    await signIn(page, A);
    await page.waitForURL(`${BASE_URL}/`);
    // The service worker keeps the app shell, so the tablet can reload with no connection.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    let box = await openRecord(page, sessionId);
    const entryKey = (await box.getAttribute('id')).slice('entry-'.length);

    // Offline: a save is queued, then more typing is kept only as a draft.
    await context.setOffline(true);
    await page.waitForFunction(() => navigator.onLine === false);
    await box.fill(QUEUED);
    await page.getByRole('button', { name: 'Save record' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent === 'Waiting to send (1)');
    await box.fill(`${QUEUED} ${TYPED}`);
    await page.waitForTimeout(1_500); // the autosave pause and the sealed write
    const kept = await deviceContents(page);
    assert.deepEqual([kept.outbox, kept.drafts, kept.keys], [1, 1, 1], 'A’s queued write, draft and key are on the device');
    for (const secret of ['Hughes', 'Elm Road', accountA]) assert.ok(!kept.text.includes(secret), `no plaintext "${secret}" on the device`);
    assert.ok(kept.text.includes('CryptoKey(extractable=false)'));

    // A's session ends on its own: the refresh token this tab holds is revoked, then the tablet
    // reloads (offline: the app shell opens; online again: the renewal is refused).
    const refreshToken = await page.evaluate(() => sessionStorage.getItem('supervision.refreshToken'));
    assert.ok(refreshToken);
    const other = await apiSignIn(A);
    const revoked = await api('POST', '/api/v1/auth/sign-out', { token: other.accessToken, body: { refreshToken } });
    assert.equal(revoked.status, 204, JSON.stringify(revoked.body));
    await page.reload();
    await page.locator('h1').first().waitFor();
    await context.setOffline(false);
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/token-refresh'));
    await page.goto(`/sessions/${sessionId}/record`);
    assert.equal((await refused).status(), 401, 'the revoked refresh token is refused');
    await page.waitForURL(/\/sign-in/);
    assert.equal(await h1(page), 'Sign in');
    const afterExpiry = await deviceContents(page);
    assert.deepEqual([afterExpiry.outbox, afterExpiry.drafts, afterExpiry.keys], [1, 1, 1], 'an expired session does not wipe');

    // B signs in on the same browser and opens the same record.
    const writesBeforeB = writes.length;
    await signIn(page, B);
    await page.waitForURL(/\/sessions\/.+\/record$/);
    await page.getByRole('button', { name: 'Save record' }).waitFor();
    box = page.getByTestId('current-section').locator('textarea[id^="entry-"]').first();
    assert.equal(await box.inputValue(), before.entries.find((e) => e.key === entryKey)?.text ?? '', 'B sees the service’s text, not A’s draft');
    assert.ok(!(await page.locator('main').textContent()).includes('Hughes'));
    assert.equal((await page.getByTestId('save-status').textContent()).trim(), '');
    assert.equal(await page.locator('header').getByRole('link', { name: /Waiting to send/ }).count(), 0);
    await expectNoAxeViolations(page, 'the record as B after A’s session expired');
    await page.goto('/outbox');
    await page.getByText('Everything has been sent').waitFor();
    await page.waitForTimeout(2_000); // time for any replay on sign-in to have gone out
    assert.equal(writes.length, writesBeforeB, 'nothing of A’s was sent in B’s session');
    const duringB = await record(sessionId);
    assert.equal(duringB.version, before.version, 'A’s record is unchanged by B’s session');
    assert.ok(!allText(duringB).includes('Hughes'));

    // B signs out (nothing of B's waits, so no question): A's items stay.
    await page.locator('header').getByRole('link', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    const afterB = await deviceContents(page);
    assert.deepEqual([afterB.outbox, afterB.drafts, afterB.keys], [1, 1, 1], 'B’s sign-out leaves A’s items');

    // A signs in again, with the service briefly unreachable for record writes so the waiting count shows.
    const blockPuts = (route) => (route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.continue());
    await page.route('**/api/v1/sessions/*/record', blockPuts);
    await page.goto('/sign-in');
    await signIn(page, A);
    await page.waitForURL(`${BASE_URL}/`);
    box = await openRecord(page, sessionId);
    assert.equal(await box.inputValue(), `${QUEUED} ${TYPED}`, 'A finds the typing');
    await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent === 'Waiting to send (1)');
    await page.locator('header').getByRole('link', { name: 'Waiting to send (1)' }).waitFor();
    await expectNoAxeViolations(page, 'the record as A, signed in again with work waiting');

    // Connection back: on the next start the queued write goes out under A's token, once.
    await page.unroute('**/api/v1/sessions/*/record', blockPuts);
    const writesBeforeSend = writes.length;
    await page.goto('/outbox');
    await page.getByText('Everything has been sent').waitFor();
    await page.locator('header').getByRole('link', { name: /Waiting to send/ }).waitFor({ state: 'detached' });
    const sent = writes.slice(writesBeforeSend);
    assert.equal(sent.length, 1);
    assert.equal(subjectOf(sent[0].authorization), accountA, 'replayed under A’s token');
    const afterSend = await record(sessionId);
    assert.equal(afterSend.entries.find((e) => e.key === entryKey)?.text, QUEUED);
    assert.equal(afterSend.version, before.version + 1);

    // A's later typing is still on the device; A signs out and discards it deliberately.
    await page.locator('header').getByRole('link', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your changes have not been sent' }).waitFor();
    await page.getByRole('button', { name: 'Discard and sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    const end = await deviceContents(page);
    assert.deepEqual([end.outbox, end.drafts, end.keys], [0, 0, 0]);
    assert.deepEqual(page.consoleErrors, []);
    await context.close();
  });

  for (const choice of ['Send now and sign out', 'Discard and sign out']) {
    test(`signing out with unsent typing asks first: "${choice}"`, async () => {
      const sessionId = await heldSessionWithSam();
      const before = await record(sessionId);
      const text = `Typed and not saved, then "${choice}": ${randomUUID()}`;
      const page = await newPage(browser, LANDSCAPE);
      await page.goto('/sign-in');
      await signIn(page, A);
      await page.waitForURL(`${BASE_URL}/`);
      const box = await openRecord(page, sessionId);
      const entryKey = (await box.getAttribute('id')).slice('entry-'.length);
      await box.fill(text);

      await page.locator('header').getByRole('link', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your changes have not been sent' }).waitFor();
      assert.equal(await h1(page), 'Your changes have not been sent');
      assert.equal(await page.title(), 'Your changes have not been sent – Supervision');
      const item = page.getByTestId('unsent-item');
      assert.equal(await item.count(), 1);
      assert.match(await item.textContent(), /^Session record: Sam Okafor, .+: typed but not saved$/);
      await page.getByText('If you discard it, it will be deleted from this device').waitFor();
      await page.getByRole('button', { name: 'Cancel' }).waitFor();
      await expectNoAxeViolations(page, 'the sign-out warning');
      assert.equal((await record(sessionId)).version, before.version, 'nothing sent before the choice');

      await page.getByRole('button', { name: choice }).click();
      await page.waitForURL(/\/sign-in/);
      assert.equal(await h1(page), 'Sign in');
      const after = await record(sessionId);
      if (choice.startsWith('Send')) {
        assert.equal(after.entries.find((e) => e.key === entryKey)?.text, text, 'the server has the typing');
        assert.equal(after.version, before.version + 1);
      } else {
        assert.equal(after.version, before.version, 'the server does not have the typing');
        assert.ok(!allText(after).includes(text));
      }
      const device = await deviceContents(page);
      assert.deepEqual([device.outbox, device.drafts, device.keys], [0, 0, 0], 'the device keeps nothing');
      assert.ok(!device.text.includes('Typed and not saved'));
      assert.deepEqual(page.consoleErrors, []);
      await page.context().close();
    });
  }
});

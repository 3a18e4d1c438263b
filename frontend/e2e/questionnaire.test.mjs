// End-to-end: the Part 2 questionnaire (issue 9, items 5 and 6).
// Its own invitation, made through the API: the QA auditor sends a round to Owen Davies's team (the Emergency
// Duty Team, which no other browser test answers for). On a phone (390x844) Owen opens the link from his list of
// questionnaires, is sent to sign in, comes back to the form with no service navigation, is told which
// statements are missing, answers all nine and sees the confirmation saying who sees the answers. The API then
// says the invitation is answered and it has left his list. The service manager sees the results page for the
// previous quarter: aggregates only, suppressed groups labelled and carrying no figure. axe passes on every page.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, PASSWORD, expectNoAxeViolations, h1, launchBrowser, newPage, signIn, today } from './helpers.mjs';

const QA = 'qa@demo.test';
const SUPERVISEE = 'owen.davies@demo.test';
const SERVICE_MANAGER = 'servicemanager@demo.test';
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 1024, height: 768 };
const OUT = join(dirname(fileURLToPath(import.meta.url)), 'output', 'questionnaire');

let browser;
before(async () => {
  mkdirSync(OUT, { recursive: true });
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
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function apiSignIn(username) {
  const { status, body } = await api('POST', '/api/v1/auth/sign-in', { body: { username, password: PASSWORD } });
  assert.equal(status, 200, `API sign-in of ${username}`);
  return body.accessToken;
}

async function shot(page, name) {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

/** [y, m, d] plus days as "2026-12-16". */
function isoPlus([y, m, d], days) {
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

describe('Part 2 questionnaire', () => {
  test('a supervisee answers on a phone from the link, after signing in', async () => {
    const qa = await apiSignIn(QA);
    const owen = await apiSignIn(SUPERVISEE);
    const me = (await api('GET', '/api/v1/me', { token: owen })).body;
    assert.ok(me.staff?.team?.id, 'Owen Davies has a staff record in a team');

    // A round skips anyone with an open questionnaire already: then the team may have nobody left to send it to.
    const alreadyOpen = (await api('GET', '/api/v1/questionnaires', { token: owen })).body.items.length;
    const round = await api('POST', '/api/v1/questionnaire-rounds', {
      token: qa,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { teamId: me.staff.team.id, expiresOn: isoPlus(today(), 14) },
    });
    if (alreadyOpen === 0) {
      assert.equal(round.status, 201, `the QA auditor sends a round to Owen's team: ${JSON.stringify(round.body)}`);
      assert.ok(round.body.invitationCount >= 1, 'the round reaches at least Owen');
    } else {
      assert.ok([201, 422].includes(round.status), `a round to Owen's team: ${JSON.stringify(round.body)}`);
    }

    const mine = await api('GET', '/api/v1/questionnaires', { token: owen });
    assert.equal(mine.status, 200);
    assert.ok(mine.body.items.length >= 1, 'Owen has a questionnaire to answer');
    const invitation = [...mine.body.items].sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : -1))[0];
    const link = `/questionnaires/${invitation.invitationId}`;

    const page = await newPage(browser, PHONE);
    // The link, opened with no session: the sign-in page, which returns to the link.
    await page.goto(link);
    await page.waitForURL(/\/sign-in\?returnTo=/);
    assert.equal(new URL(page.url()).searchParams.get('returnTo'), link);
    await expectNoAxeViolations(page, 'the sign-in page the link sends to');
    await signIn(page, SUPERVISEE);
    await page.waitForURL(`${BASE_URL}${link}`);
    // "Your supervision questionnaire" is the heading while it loads; the form's own title once it has.
    await page.locator('fieldset').first().waitFor();
    const title = await h1(page);
    assert.match(title, /Part 2/, `the form opens directly: ${title}`);

    // The form alone: no service navigation.
    assert.equal(await page.locator('.govuk-service-navigation__list a').count(), 0, 'no service navigation on the questionnaire');
    assert.equal(await page.locator('fieldset').count(), 9, 'nine statements, each a radios fieldset');
    const firstOptions = (await page.locator('fieldset').first().locator('.govuk-radios__label').allTextContents()).map((t) => t.trim());
    assert.deepEqual(firstOptions, ['Very good', 'Good', 'Satisfactory', 'Poor', 'Very poor']);
    assert.equal(await page.locator('details.govuk-details[open]').count(), 0, 'the guidance starts collapsed');
    const whoSees = (await page.getByTestId('who-sees').textContent()).trim();
    assert.ok(whoSees.length > 0, 'says who sees the answers before sending');
    await expectNoAxeViolations(page, 'the questionnaire on a phone');
    await shot(page, '1-questionnaire-phone');

    // Two statements left unanswered: the error summary links to each.
    const fieldsets = page.locator('fieldset');
    for (let i = 0; i < 9; i++) {
      if (i === 2 || i === 6) continue;
      await fieldsets.nth(i).getByLabel(i % 2 ? 'Very good' : 'Good', { exact: true }).check();
    }
    await page.getByRole('button', { name: 'Send my answers' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.deepEqual((await summary.getByRole('link').allTextContents()).map((t) => t.trim()), [
      'Choose an answer for statement 3',
      'Choose an answer for statement 7',
    ]);
    assert.match(await page.title(), /^Error: /);
    await expectNoAxeViolations(page, 'the questionnaire with missing answers');
    await shot(page, '2-missing-answers-phone');

    await fieldsets.nth(2).getByLabel('Satisfactory', { exact: true }).check();
    await fieldsets.nth(6).getByLabel('Poor', { exact: true }).check();
    await page.getByLabel(/Anything else you want to say/).fill('More time for reflection, please.');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you - your answers have been sent' }).waitFor();
    const confirmed = (await page.getByTestId('who-sees').textContent()).trim();
    assert.ok(confirmed.length > 0, 'the confirmation says who will see the answers');
    await expectNoAxeViolations(page, 'the confirmation');
    await shot(page, '3-confirmation-phone');

    // Answered once: the service says so, and it has left Owen's list.
    const after = await api('GET', `/api/v1/questionnaires/${invitation.invitationId}`, { token: owen });
    assert.equal(after.status, 200);
    assert.equal(after.body.status, 'ANSWERED');
    const left = await api('GET', '/api/v1/questionnaires', { token: owen });
    assert.ok(!left.body.items.some((i) => i.invitationId === invitation.invitationId), 'no longer waiting for an answer');

    // Opening the link again: already answered.
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'You have already answered this questionnaire' }).waitFor();
    await expectNoAxeViolations(page, 'the questionnaire already answered');
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  test('the service manager sees only aggregates for the previous quarter, suppressed groups labelled', async () => {
    const page = await newPage(browser, TABLET);
    await page.goto('/sign-in');
    await signIn(page, SERVICE_MANAGER);
    await page.waitForURL(`${BASE_URL}/`);
    await page.getByRole('link', { name: 'Part 2 questionnaire results' }).click();
    await page.waitForURL(/\/questionnaire-results/);
    assert.equal(await h1(page), 'Part 2 questionnaire results');
    await page.locator('[data-testid="result-group"], [data-testid="no-results"], .app-problem').first().waitFor();

    // The picker offers ended quarters only.
    const options = await page.getByLabel('Quarter').locator('option').allTextContents();
    assert.ok(options.length > 0);
    const groups = page.getByTestId('result-group');
    const count = await groups.count();
    // The demo data holds Part 2 answers for the previous quarter once issue 9's demo stories are in: then groups show.
    if (count === 0) {
      assert.equal(await page.getByTestId('no-results').count(), 1, 'says there is nothing to show rather than failing');
    }
    let suppressed = 0;
    for (let i = 0; i < count; i++) {
      const group = groups.nth(i);
      const name = ((await group.locator('h3').textContent()) ?? '').trim();
      const text = ((await group.textContent()) ?? '').replace(name, '');
      if ((await group.getByTestId('suppressed').count()) > 0) {
        suppressed++;
        assert.match(text, /Suppressed \((fewer than \d+ answered|could be worked out from other figures)\)/);
        assert.doesNotMatch(text.replace(/fewer than \d+ answered/, ''), /\d/, `a suppressed group shows no number: ${name}`);
        assert.equal(await group.locator('table, [role="img"]').count(), 0);
      } else {
        assert.match(((await group.getByTestId('respondents').textContent()) ?? '').trim(), /^\d+ answered$/);
        assert.ok((await group.locator('[role="img"]').count()) > 0, 'a bar per statement');
      }
    }
    // Never an individual answer: no radios, no comment text box, no respondents' names.
    assert.equal(await page.locator('input[type="radio"], textarea').count(), 0);
    await expectNoAxeViolations(page, 'the results page');
    await shot(page, `4-results-service-manager-${count}-groups-${suppressed}-suppressed`);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });
});

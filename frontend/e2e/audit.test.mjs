// End-to-end (issue 9): the quality assurance auditor, on a tablet, draws this quarter's sample, starts the audit of
// a sampled file, sees the product's evidence beside the questions, answers every question with a grade below Good
// and one action (owner and due date), completes and signs; the audit is then locked. The sample and the start are
// in landscape (1024x768); the form is filled partly in landscape and partly in portrait (768x1024), with the section
// list and the picker. axe on every page. Screenshots: e2e/output/audit/.
// Data: qa@demo.test (Rachel Green). When the demo data or an earlier test already drew this quarter's sample, the
// test uses that sample (one sample a quarter) and audits a file of it not yet started.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BASE_URL, LANDSCAPE, PORTRAIT, expectNoAxeViolations, h1, launchBrowser, newPage, signIn, today } from './helpers.mjs';

const QA = 'qa@demo.test';
const OUT = join(dirname(fileURLToPath(import.meta.url)), 'output', 'audit');
mkdirSync(OUT, { recursive: true });

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function shot(page, name) {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

const plusDays = ([y, m, d], days) => {
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
};

/** Opens a section of the audit: the section list in landscape, the picker in portrait. */
async function openSection(page, landscape, name) {
  if (landscape) {
    await page.getByRole('navigation', { name: 'Sections of the audit' }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
  } else {
    const picker = page.getByLabel('Section of the audit', { exact: true });
    const options = await picker.locator('option').allTextContents();
    const index = options.findIndex((text) => text.includes(name));
    assert.ok(index >= 0, `the picker offers ${name}: ${options.join(' | ')}`);
    await picker.selectOption(String(index));
  }
  await page.getByRole('heading', { level: 2, name: new RegExp(`^${name}`) }).waitFor();
}

/** Answers every question of the section shown: ratings 2, the tick Partially, each document Yes, the grade given. */
async function answerSection(page, grade) {
  const section = page.getByTestId('current-section');
  const questions = section.locator('[data-testid^="question-"]');
  for (let i = 0; i < (await questions.count()); i++) {
    const question = questions.nth(i);
    const key = (await question.getAttribute('data-testid')).replace('question-', '');
    const radios = question.getByRole('radio');
    if ((await radios.count()) === 0) continue; // Q13b: the actions, below
    const labels = await question.locator('.govuk-radios__label').allTextContents();
    const choice = labels.includes('2') ? '2' : labels.includes('Partially') ? 'Partially' : labels.includes(grade) ? grade : labels[0];
    await question.getByRole('radio', { name: choice, exact: true }).check();
    assert.equal(await question.getByRole('radio', { name: choice, exact: true }).isChecked(), true, `${key} answered ${choice}`);
  }
  const checklist = section.getByTestId('checklist');
  if ((await checklist.count()) > 0) {
    const yes = checklist.getByRole('radio', { name: /^Yes: / });
    for (let i = 0; i < (await yes.count()); i++) await yes.nth(i).check();
  }
}

describe('The quality assurance auditor audits a sampled file on a tablet', { timeout: 600_000 }, () => {
  test('draws the sample, audits a file with the evidence beside the questions, completes and signs', async (t) => {
    const page = await newPage(browser, LANDSCAPE);
    t.after(async () => {
      if (!page.isClosed()) {
        await shot(page, 'failed').catch(() => undefined);
        await page.context().close();
      }
    });
    // Leaving with unsent typing asks first; the test saves before leaving, so any question is a failure.
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });

    // Home: "Audits this quarter".
    await page.goto('/sign-in');
    await signIn(page, QA);
    await page.waitForURL(`${BASE_URL}/`);
    const panel = page.getByTestId('audits-home');
    await panel.getByRole('heading', { level: 2, name: 'Audits this quarter' }).waitFor();
    const drawButton = panel.getByRole('button', { name: 'Draw this quarter’s sample' });
    const viewLink = panel.getByRole('link', { name: /^View the sample/ }).first();
    await Promise.race([drawButton.waitFor(), viewLink.waitFor()]);
    await panel.getByTestId('open-questionnaires').locator('p').first().waitFor();
    await expectNoAxeViolations(page, 'the QA auditor’s home');
    await shot(page, '1-home');

    if (await drawButton.isVisible()) {
      // Draw the sample: this quarter, a size, no seed (chosen and recorded).
      await drawButton.click();
      await page.waitForURL(/\/audit-samples\/new$/);
      assert.equal(await h1(page), 'Draw this quarter’s sample');
      await page.getByText('Leave blank to choose at random; the seed is recorded so the sample can be repeated').waitFor();
      // Too large a sample is refused at the field, saying how many are eligible.
      await page.getByLabel('How many files to audit').fill('1000');
      await page.getByRole('button', { name: 'Draw the sample' }).click();
      await page.locator('#size-error').waitFor();
      await page.getByRole('alert').getByRole('link').first().waitFor();
      await expectNoAxeViolations(page, 'drawing the sample, too large a size refused');
      await shot(page, '2-draw-refused');
      await page.getByLabel('How many files to audit').fill('3');
      await page.getByRole('button', { name: 'Draw the sample' }).click();
    } else {
      await viewLink.click();
    }

    // The sample: size, seed, drawn by, the files and their audits.
    await page.waitForURL(/\/audit-samples\/[0-9a-f-]{36}$/);
    await page.getByText('Sample size').waitFor();
    assert.equal(await h1(page), 'Audit sample');
    const seed = (await page.getByTestId('seed').textContent()).trim();
    assert.match(seed, /^-?\d+$/, 'the seed is shown');
    await page.getByText(/Rachel Green on /).waitFor();
    const table = page.getByRole('table', { name: 'Files in the sample' });
    await table.waitFor();
    await expectNoAxeViolations(page, 'the sample');
    await shot(page, '3-sample');
    const start = table.getByRole('button', { name: /^Start audit/ }).first();
    const name = (await start.textContent()).replace(/^Start audit\s*of\s*/, '').replace(/’s file$/, '').trim();
    await start.click();

    // The audit form, landscape: the section list with ticks, the header, the guidance collapsed.
    await page.waitForURL(/\/audits\/[0-9a-f-]{36}$/);
    const auditUrl = page.url();
    await page.getByRole('navigation', { name: 'Sections of the audit' }).waitFor();
    assert.equal(await h1(page), 'Supervision file audit');
    await page.getByText(`${name}, supervised by `).waitFor();
    assert.equal(await page.getByTestId('guidance').getAttribute('open'), null, 'guidance collapsed');
    await expectNoAxeViolations(page, 'the audit form, about this audit (landscape)');
    await shot(page, '4-audit-landscape');

    // Q1 to Q10: the scale beside every rating, the function tags, the evidence beside the questions it informs.
    await openSection(page, true, 'Part 1 Judgments: Q1 to Q10');
    const q1 = page.getByTestId('question-q1');
    assert.deepEqual(
      (await q1.locator('.govuk-radios__label').allTextContents()).map((s) => s.trim()),
      ['1 - Excellent', '2', '3', '4', '5 - Poor'],
    );
    await q1.getByText('Mediation', { exact: true }).waitFor();
    await q1.getByText(/Scale: 1 = Excellent, 5 = Poor/).waitFor();
    await q1.getByTestId('evidence-q1').waitFor();
    const evidenceText = await page.getByTestId('current-section').locator('.app-audit-evidence').allTextContents();
    assert.ok(evidenceText.length >= 2, `evidence beside the questions: ${evidenceText.length}`);
    // Every radio is a touch target of at least 44px.
    const box = await q1.locator('.govuk-radios__input').first().boundingBox();
    assert.ok(box.width >= 40 && box.height >= 40, `radio target ${box.width}x${box.height}`);
    await answerSection(page, 'Requires improvement');
    await expectNoAxeViolations(page, 'the audit form, Q1 to Q10 with the evidence');
    await shot(page, '5-questions-evidence');

    // Portrait: the picker on top; the checklist table and the grade.
    await page.setViewportSize(PORTRAIT);
    await page.getByLabel('Section of the audit', { exact: true }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Sections of the audit' }).count(), 0, 'no side list in portrait');
    await openSection(page, false, 'Q11 File checklist');
    // Moving section sent what was typed.
    await page.getByTestId('save-status').getByText(/^Sent/).waitFor();
    const checklist = page.getByTestId('checklist');
    assert.deepEqual(
      (await checklist.locator('thead th').allTextContents()).map((s) => s.trim()),
      ['Document', 'Yes', 'No', 'Not applicable'],
    );
    await answerSection(page, 'Requires improvement');
    await expectNoAxeViolations(page, 'the audit form, the Q11 checklist (portrait)');
    await shot(page, '6-checklist-portrait');

    await openSection(page, false, 'Part 1 Judgments: Q12 to Q13b');
    await answerSection(page, 'Requires improvement');
    const actions = page.getByTestId('audit-actions');
    await actions.getByText('These become tracked actions, with their owner and due date, when the audit is completed.').waitFor();
    await actions.getByRole('button', { name: 'Add an action' }).click();
    await actions.getByLabel('What needs to be done').fill('Review the previous session’s actions at the start of every supervision');
    await actions.getByRole('group', { name: 'Who owns it' }).getByRole('radio').first().check();
    const due = actions.getByRole('group', { name: 'Due date' });
    const [y, m, d] = plusDays(today(), 30);
    await due.getByLabel('Day').fill(String(d));
    await due.getByLabel('Month').fill(String(m));
    await due.getByLabel('Year').fill(String(y));
    await expectNoAxeViolations(page, 'the audit form, grade below Good and its action (portrait)');
    await shot(page, '7-grade-and-action-portrait');
    await page.getByRole('button', { name: 'Save audit' }).click();
    await page.getByTestId('save-status').getByText(/^Sent/).waitFor();

    // Complete and sign, back in landscape.
    await page.setViewportSize(LANDSCAPE);
    await page.getByRole('button', { name: 'Complete and sign' }).click();
    const completedPanel = page.getByTestId('completed-panel');
    await completedPanel.waitFor();
    assert.equal(await h1(page), 'Audit completed and signed');
    await completedPanel.getByText(`The Part 2 questionnaire has been sent to ${name}`).waitFor();
    await page.getByTestId('status').getByText('Locked').waitFor();
    assert.equal((await page.getByTestId('grade').textContent()).trim(), 'Requires improvement');
    assert.match(await page.getByTestId('mean-rating').textContent(), /^\d\.\d \(lower is better/);
    await expectNoAxeViolations(page, 'the completed audit');
    await shot(page, '8-completed');

    // Opened again: locked, read only.
    await page.goto(auditUrl);
    await page.getByTestId('status').getByText('Locked').waitFor();
    assert.equal(await h1(page), 'Supervision file audit');
    assert.equal(await page.getByRole('button', { name: 'Save audit' }).count(), 0, 'read only');
    assert.equal(await page.locator('main input[type=radio]').count(), 0, 'no answers to change');
    await page.getByRole('table', { name: 'Actions needed to reach Good' }).waitFor();
    await page.getByRole('link', { name: `Compare with ${name}’s Part 2 answers` }).click();
    await page.waitForURL(/\/cross-check$/);
    await page.getByTestId('not-answered').waitFor();
    await expectNoAxeViolations(page, 'the cross-check before the supervisee answered');
    await shot(page, '9-cross-check');

    // The audits list shows it completed.
    await page.goto('/audits');
    await page.getByTestId('completed').getByRole('link', { name: new RegExp(name) }).first().waitFor();
    await expectNoAxeViolations(page, 'the audits list');
    await shot(page, '10-audits-list');

    assert.deepEqual(dialogs, [], 'no question on leaving: everything was sent');
    assert.deepEqual(page.consoleErrors, [], 'no errors in the page');
    await page.context().close();
  });
});

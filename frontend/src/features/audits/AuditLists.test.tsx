import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { MARCUS, RACHEL, audit, summary } from './auditFixtures';
import { currentQuarter, quarterText, shiftQuarter } from './audits';

function signedIn(path: string, routes: Record<string, Handler> = {}, me: Schemas['Me'] = RACHEL) {
  withStoredRefreshToken();
  const api = mockApi({ 'POST /api/v1/auth/token-refresh': json(TOKENS), 'GET /api/v1/me': json(me), ...routes });
  renderApp(path);
  return api;
}

const pair = (overrides: Partial<Schemas['CrossCheckPair']>): Schemas['CrossCheckPair'] => ({
  questionKey: 'q9',
  questionNumber: 'Q9',
  questionLabel: 'What evidence is there that the worker’s own well-being was discussed?',
  rating: '1',
  statementKey: 's3',
  statementLabel: 'Support for emotional well-being and resilience',
  answer: 'VERY_POOR',
  disagrees: true,
  ...overrides,
});

describe('Audits list', () => {
  it('lists drafts and completed audits in words, filtered to mine and a quarter', async () => {
    const api = signedIn('/audits', {
      'GET /api/v1/audits': json({
        items: [
          summary({}),
          summary({ id: 'au-3', status: 'COMPLETED', grade: 'INADEQUATE', supervisee: { id: 'a3', displayName: 'Alex Morgan' }, completedAt: '2026-11-20T10:00:00Z' }),
        ],
      }),
    });
    const user = userEvent.setup();
    const drafts = await screen.findByTestId('drafts');
    expect(within(drafts).getByRole('link', { name: /Sam Okafor/ })).toHaveAttribute('href', '/audits/au-1');
    expect(within(drafts).getByText('In progress')).toHaveClass('govuk-tag');
    const completed = screen.getByTestId('completed');
    expect(completed).toHaveTextContent('Alex Morgan');
    expect(completed).toHaveTextContent('Inadequate');
    expect(within(completed).getByText('Locked')).toHaveClass('govuk-tag--grey');
    expect(document.body.textContent).not.toMatch(/INADEQUATE|COMPLETED|QA_SAMPLE/);
    expect(api.callsTo('GET /api/v1/audits')[0]?.query.get('mine')).toBe('true');

    const last = shiftQuarter(currentQuarter(), -1);
    await user.selectOptions(screen.getByLabelText('Quarter'), quarterText(last));
    await waitFor(() => expect(api.callsTo('GET /api/v1/audits').at(-1)?.query.get('quarter')).toBe(last));
    await user.click(screen.getByLabelText('Only audits I wrote'));
    await waitFor(() => expect(api.callsTo('GET /api/v1/audits').at(-1)?.query.get('mine')).toBeNull());
    expect(window.location.search).toBe(`?mine=false&quarter=${last}`);
  });
});

describe('Cross-check with Part 2', () => {
  it('pairs each statement with its question, in words, and tags the disagreements', async () => {
    signedIn('/audits/au-1/cross-check', {
      'GET /api/v1/audits/:id': json(audit({ status: 'COMPLETED' })),
      'GET /api/v1/audits/:id/cross-check': json({
        auditId: 'au-1',
        answered: true,
        disagreements: 1,
        pairs: [pair({}), pair({ questionKey: 'q8', questionNumber: 'Q8', questionLabel: 'Feedback on performance', rating: '3', statementKey: 's9', statementLabel: 'Help to identify gaps in my practice skills', answer: 'GOOD', disagrees: false })],
      }),
    });
    const table = await screen.findByRole('table', { name: 'Audit ratings and Part 2 answers' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Q9');
    expect(rows[0]).toHaveTextContent('1 - Excellent (1 = Excellent, 5 = Poor)');
    expect(rows[0]).toHaveTextContent('Support for emotional well-being and resilience');
    expect(rows[0]).toHaveTextContent('Very poor');
    expect(within(rows[0] as HTMLElement).getByText('Disagrees')).toHaveClass('govuk-tag--red');
    expect(within(rows[1] as HTMLElement).getByText('Agrees')).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('Good');
    expect(screen.getByTestId('disagreement-count')).toHaveTextContent('1 answer disagrees with the audit.');
    expect(document.body.textContent).not.toMatch(/VERY_POOR|\bGOOD\b|s3|q9/);
  });

  it('says when the supervisee has not answered yet', async () => {
    signedIn('/audits/au-1/cross-check', {
      'GET /api/v1/audits/:id': json(audit({ status: 'COMPLETED' })),
      'GET /api/v1/audits/:id/cross-check': json({ auditId: 'au-1', answered: false, disagreements: 0, pairs: [] }),
    });
    expect(await screen.findByTestId('not-answered')).toHaveTextContent('Sam Okafor has not answered the Part 2 questionnaire yet.');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('tells anyone but quality assurance they have no access', async () => {
    signedIn(
      '/audits/au-1/cross-check',
      { 'GET /api/v1/audits/:id': json(audit({ status: 'COMPLETED' })), 'GET /api/v1/audits/:id/cross-check': problem(403, 'Forbidden') },
      MARCUS,
    );
    expect(await screen.findByRole('heading', { name: 'You do not have access to this record' })).toBeInTheDocument();
  });
});

describe('Disagreements per service', () => {
  it('counts, per service, the audited files whose Part 2 answers disagree, for the quarter chosen', async () => {
    const now = currentQuarter();
    const api = signedIn(`/audit-disagreements?quarter=${now}`, {
      'GET /api/v1/audit-disagreements': json({
        quarter: now,
        services: [{ service: { id: 's1', name: 'Children and Families' }, auditsWithAnswers: 6, auditsDisagreeing: 2, disagreements: 3 }],
      }),
    });
    const user = userEvent.setup();
    const table = await screen.findByRole('table', { name: `Audited files with Part 2 answers, ${quarterText(now)}` });
    const cells = within(within(table).getAllByRole('row')[1] as HTMLElement).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual(['6', '2', '3']);
    expect(api.callsTo('GET /api/v1/audit-disagreements')[0]?.query.get('quarter')).toBe(now);
    const last = shiftQuarter(now, -1);
    await user.selectOptions(screen.getByLabelText('Quarter'), quarterText(last));
    await waitFor(() => expect(api.callsTo('GET /api/v1/audit-disagreements').at(-1)?.query.get('quarter')).toBe(last));
  });
});

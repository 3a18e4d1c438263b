import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../api/client';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { results } from './questionnaireFixtures';
import { summarySentence } from './QuestionnaireResultsPage';

const MANAGER: Schemas['Me'] = { ...PRIYA, roles: ['SERVICE_MANAGER'], displayName: 'Morgan Hale' };

function open(path: string, extra: Record<string, Handler> = {}, me: Schemas['Me'] = MANAGER) {
  withStoredRefreshToken();
  const api = mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(me),
    'GET /api/v1/questionnaire-results': json(results()),
    ...extra,
  });
  renderApp(path);
  return api;
}

describe('Part 2 questionnaire results', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-02T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('shows each group’s respondents and, per statement, a bar, a one-sentence summary and a data table', async () => {
    const api = open('/questionnaire-results?quarter=2026-Q3');
    expect(await screen.findByRole('heading', { level: 2, name: 'The directorate' })).toBeInTheDocument();
    expect(api.callsTo('GET /api/v1/questionnaire-results')[0]?.query.get('quarter')).toBe('2026-Q3');
    expect(document.querySelector('.govuk-caption-l')).toHaveTextContent('July to September 2026');
    const groups = screen.getAllByTestId('result-group');
    const directorate = groups[0] as HTMLElement;
    expect(within(directorate).getByTestId('respondents')).toHaveTextContent('12 answered');
    expect(within(directorate).getAllByRole('img')).toHaveLength(9);
    expect(within(directorate).getAllByRole('img')[0]).toHaveAccessibleName('Answers: Very good 3, Good 6, Satisfactory 1, Poor 1, Very poor 1');
    expect(within(directorate).getAllByText('9 of 12 (75%) rated this Good or Very good, and 2 (17%) Poor or Very poor.')).toHaveLength(9);
    const table = within(directorate).getByRole('table', { name: 'Answers per statement: Children’s Services' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Statement', 'Very good', 'Good', 'Satisfactory', 'Poor', 'Very poor']);
    expect(within(table).getAllByRole('row')[1]?.textContent).toBe(
      '1. Guidance and support to construct and oversee plans that bring positive change for children36111',
    );
    expect(document.body.textContent).not.toMatch(/VERY_GOOD|FEWER_THAN_MINIMUM|DIFFERENCING|SUPERVISOR\b|TEAM\b/);
  });

  it('shows a suppressed group with its reason and no number at all', async () => {
    open('/questionnaire-results?quarter=2026-Q3');
    await screen.findByRole('heading', { level: 2, name: 'Services' });
    const groups = screen.getAllByTestId('result-group');
    const fostering = groups.find((g) => within(g).queryByRole('heading', { name: 'Fostering' })) as HTMLElement;
    const team = groups.find((g) => within(g).queryByRole('heading', { name: 'Assessment Team 1' })) as HTMLElement;
    const supervisor = groups.find((g) => within(g).queryByRole('heading', { name: 'Priya Shah' })) as HTMLElement;
    expect(within(fostering).getByTestId('suppressed')).toHaveTextContent('Suppressed (fewer than 5 answered)');
    expect(within(team).getByTestId('suppressed')).toHaveTextContent('Suppressed (could be worked out from other figures)');
    expect(within(supervisor).getByText('Supervisor’s team')).toBeInTheDocument();
    for (const group of [fostering, team, supervisor]) {
      // The minimum group size in the reason is the only figure: no respondents, no counts, no bars, no table.
      const name = within(group).getByRole('heading').textContent ?? '';
      expect(group.textContent?.replace(name, '').replace('fewer than 5', '')).not.toMatch(/\d/);
      expect(within(group).queryByRole('img')).toBeNull();
      expect(within(group).queryByRole('table')).toBeNull();
      expect(within(group).queryByTestId('respondents')).toBeNull();
    }
  });

  it('offers ended quarters only and explains that the current quarter is not shown yet', async () => {
    const api = open('/questionnaire-results?quarter=2026-Q4');
    expect(await screen.findByTestId('not-ended')).toHaveTextContent(
      'Results are shown once the quarter has ended. October to December 2026 has not ended yet',
    );
    expect(api.callsTo('GET /api/v1/questionnaire-results')).toHaveLength(0);
    const picker = screen.getByLabelText('Quarter') as HTMLSelectElement;
    const options = within(picker).getAllByRole('option').map((o) => o.textContent);
    expect(options[0]).toBe('July to September 2026');
    expect(options).not.toContain('October to December 2026');
    expect(screen.getByText('Results are shown once the quarter has ended')).toBeInTheDocument();
    vi.useRealTimers();
    const user = userEvent.setup();
    await user.selectOptions(picker, '2026-Q2');
    await user.click(screen.getByRole('button', { name: 'Show results' }));
    expect(window.location.search).toBe('?quarter=2026-Q2');
    await screen.findByRole('heading', { level: 2, name: 'The directorate' });
    expect(api.callsTo('GET /api/v1/questionnaire-results')[0]?.query.get('quarter')).toBe('2026-Q2');
  });

  it('opens the previous quarter when none is asked for', async () => {
    const api = open('/questionnaire-results');
    await screen.findByRole('heading', { level: 2, name: 'The directorate' });
    expect(api.callsTo('GET /api/v1/questionnaire-results')[0]?.query.get('quarter')).toBe('2026-Q3');
  });

  it('says when there is nothing to show, and when the caller may not see results', async () => {
    open('/questionnaire-results?quarter=2026-Q1', { 'GET /api/v1/questionnaire-results': json(results({ groups: [] })) });
    expect(await screen.findByTestId('no-results')).toHaveTextContent('Nobody answered the Part 2 questionnaire in January to March 2026');
  });

  it('shows the access problem in words', async () => {
    open('/questionnaire-results?quarter=2026-Q1', { 'GET /api/v1/questionnaire-results': problem(403, 'Forbidden') });
    expect(await screen.findByText('You do not have access to this record')).toBeInTheDocument();
  });
});

describe('summarySentence', () => {
  it('counts the good and poor answers in one sentence', () => {
    expect(summarySentence({ key: 's1', veryGood: 1, good: 1, satisfactory: 1, poor: 1, veryPoor: 0 })).toBe(
      '2 of 4 (50%) rated this Good or Very good, and 1 (25%) Poor or Very poor.',
    );
    expect(summarySentence({ key: 's1', veryGood: 0, good: 0, satisfactory: 0, poor: 0, veryPoor: 0 })).toBe('Nobody answered this statement.');
  });
});

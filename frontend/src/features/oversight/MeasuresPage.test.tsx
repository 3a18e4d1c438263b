import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import type { Me } from '../auth/AuthContext';
import { MEMBER, MORGAN, SERVICE, measureSet, series } from './oversightFixtures';

function open(path: string, me: Me = MORGAN, routes: Record<string, Handler> = {}) {
  withStoredRefreshToken();
  const api = mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(me),
    'GET /api/v1/measures/series': (req) => json(series(req.query.get('measure') ?? '', { kind: 'SERVICE', id: SERVICE.id, name: SERVICE.name })),
    'GET /api/v1/measures': (req) => json(measureSet({ kind: 'SERVICE', id: SERVICE.id, name: SERVICE.name }, { from: req.query.get('from') ?? '2026-01', to: req.query.get('to') ?? '2026-12' })),
    ...routes,
  });
  renderApp(path);
  return api;
}

const SERVICE_PATH = `/measures?scope=SERVICE&scopeId=${SERVICE.id}`;

describe('The measures page', () => {
  it('shows every measure under its group with its figure in words, target and “lower is better”', async () => {
    const api = open(SERVICE_PATH);
    expect(await screen.findByRole('heading', { level: 1, name: 'Measures' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Measures: Children and Families – Supervision'));
    expect(screen.getByText('Service: Children and Families')).toBeInTheDocument();
    expect(screen.getByTestId('measures-period')).toHaveTextContent('January 2026 to December 2026');
    const captions = [...document.querySelectorAll('caption')].map((c) => c.textContent);
    expect(captions).toEqual(['Agreements', 'Sessions', 'Records', 'Case discussions', 'Audits', 'Part 2 questionnaire', 'Workforce']);

    const agreements = screen.getByRole('table', { name: 'Agreements' });
    const signed = within(agreements).getByRole('rowheader', { name: 'Staff with an active signed agreement' }).closest('tr') as HTMLElement;
    // 39 of 50 = 78%, the policy's target 1 = 100%.
    expect(signed).toHaveTextContent('78% (39 of 50)');
    expect(signed).toHaveTextContent('Target 100%');
    const missing = within(agreements).getByRole('rowheader', { name: /Staff without an agreement/ }).closest('tr') as HTMLElement;
    expect(missing).toHaveTextContent('Lower is better');
    expect(missing).toHaveTextContent('3 people');
    expect(missing).toHaveTextContent('None set');
    // A figure about people opens them.
    expect(within(signed).getByRole('link', { name: /^78% \(39 of 50\) – Staff with an active signed agreement/ })).toHaveAttribute(
      'href',
      `/measures/people?measure=agreements.activeSigned&scope=SERVICE&scopeId=${SERVICE.id}&from=2026-01&to=2026-12`,
    );
    expect(screen.getByRole('table', { name: 'Sessions' })).toHaveTextContent('51 days');
    expect(screen.getByRole('table', { name: 'Records' })).toHaveTextContent('3.3 days');
    expect(screen.getByRole('table', { name: 'Case discussions' })).toHaveTextContent('Suppressed (fewer than 5)');
    const audits = screen.getByRole('table', { name: 'Audits' });
    expect(within(audits).getByText('Good: 4')).toBeInTheDocument();
    expect(within(audits).getByText('Is there a signed agreement?: 1.5')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Part 2 questionnaire' })).toHaveTextContent('My supervision happens regularly: 75%');
    expect(screen.getByRole('table', { name: 'Workforce' })).toHaveTextContent('14.2 cases');
    // Who is counted.
    expect(document.querySelector('main')).toHaveTextContent('Staff counted50');
    expect(document.querySelector('main')).toHaveTextContent('Left out: agency staff working under 10 hours a week3');
    // One call for the whole page until a trend is chosen; no keys or enum values on it.
    expect(api.callsTo('GET /api/v1/measures')).toHaveLength(1);
    expect(api.callsTo('GET /api/v1/measures/series')).toHaveLength(0);
    expect(document.querySelector('main')?.textContent).not.toMatch(/activeSigned|SHARE|PEOPLE|FEWER_THAN|SERVICE\b/);
  });

  it('changes the period in months and refuses a period that ends before it starts', async () => {
    const user = userEvent.setup();
    const api = open(`${SERVICE_PATH}&from=2026-01&to=2026-12`);
    const picker = await screen.findByTestId('period-picker');
    await user.selectOptions(within(picker).getByLabelText('From'), within(picker).getAllByRole('option', { name: /.*/ })[0] as HTMLOptionElement);
    await user.selectOptions(within(picker).getByLabelText('To'), within(picker).getAllByRole('option', { name: /.*/ }).at(-1) as HTMLOptionElement);
    await user.click(within(picker).getByRole('button', { name: 'Show this period' }));
    expect(await within(picker).findByText(/The first month must be the same as or before the last month/)).toBeInTheDocument();
    expect(api.callsTo('GET /api/v1/measures')).toHaveLength(1);

    await user.selectOptions(within(picker).getByLabelText('From'), '2026-03');
    await user.selectOptions(within(picker).getByLabelText('To'), '2026-05');
    await user.click(within(picker).getByRole('button', { name: 'Show this period' }));
    await waitFor(() => expect(api.callsTo('GET /api/v1/measures')).toHaveLength(2));
    const query = api.callsTo('GET /api/v1/measures')[1]?.query;
    expect([query?.get('scope'), query?.get('scopeId'), query?.get('from'), query?.get('to')]).toEqual(['SERVICE', SERVICE.id, '2026-03', '2026-05']);
    expect(await screen.findByTestId('measures-period')).toHaveTextContent('March 2026 to May 2026');
  });

  it('shows the 12-month trend of a chosen measure as a line chart with its summary and table', async () => {
    const user = userEvent.setup();
    const api = open(SERVICE_PATH);
    await screen.findByTestId('measure-list');
    await user.click(screen.getByRole('link', { name: 'Show the trend of Staff supervised within the required interval' }));
    const chart = await screen.findByRole('img', { name: 'Staff supervised within the required interval, Children and Families' });
    expect(chart).toHaveAccessibleDescription('Staff supervised within the required interval rose from 61% to 78% since January 2026.');
    expect(screen.getByRole('heading', { level: 2, name: 'Trend: Staff supervised within the required interval' })).toBeInTheDocument();
    const query = api.callsTo('GET /api/v1/measures/series')[0]?.query;
    expect([query?.get('measure'), query?.get('scope'), query?.get('to')]).toEqual(['sessions.withinInterval', 'SERVICE', '2026-12']);
    // The table is open on this page: twelve months, June suppressed.
    const table = screen.getByRole('table', { name: 'Staff supervised within the required interval, Children and Families' });
    expect(within(table).getAllByRole('row')).toHaveLength(13);
    expect(within(table).getByRole('rowheader', { name: 'June 2026' }).closest('tr')).toHaveTextContent('Suppressed (fewer than 5)');
  });

  it('shows a member the scope suppressed whole, with no drill-down', async () => {
    open('/measures?scope=DIRECTORATE', MEMBER, {
      'GET /api/v1/measures': json({ ...measureSet(), suppressed: true, population: undefined, measures: measureSet().measures.map((m) => ({ ...m, suppressed: true, numerator: undefined, denominator: undefined, value: undefined, parts: [] })) }),
    });
    expect(await screen.findByTestId('scope-suppressed')).toHaveTextContent('Fewer than 5 staff are counted here');
    expect(screen.getAllByText('Suppressed (fewer than 5)').length).toBeGreaterThan(5);
    expect(screen.queryAllByRole('link', { name: /people behind/ })).toHaveLength(0);
  });

  it('says in words when the caller may not see a scope, and when the address is not one', async () => {
    open(SERVICE_PATH, MORGAN, { 'GET /api/v1/measures': problem(403, 'Forbidden') });
    expect(await screen.findByTestId('measure-problem')).toHaveTextContent('You cannot see these measures.');
  });

  it('does not ask the server about an address that names no scope', async () => {
    const api = open('/measures?scope=TEAM&scopeId=not-a-uuid');
    expect(await screen.findByTestId('measures-bad-address')).toBeInTheDocument();
    expect(api.callsTo('GET /api/v1/measures')).toHaveLength(0);
  });
});

describe('The people behind a figure', () => {
  const page = {
    measure: { key: 'sessions.overdue', label: 'Staff whose supervision is overdue', group: 'SESSIONS', kind: 'COUNT', unit: 'PEOPLE', lowerIsBetter: true, people: true },
    items: [
      { staff: { id: 'a1', displayName: 'Sam Okafor' }, team: { id: 't1', name: 'Assessment Team 1' }, inNumerator: true, detail: 'Last one-to-one 12 October 2026 (51 days)' },
      { staff: { id: 'a2', displayName: 'Jordan Reid' }, inNumerator: false, value: 12 },
    ],
    nextCursor: 'c2',
  };

  it('lists them worst first with whether each counts, in words, and pages on', async () => {
    const api = open(`/measures/people?measure=sessions.overdue&scope=TEAM&scopeId=t1&from=2026-01&to=2026-12`, MORGAN, {
      'GET /api/v1/measures/people': json(page),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Staff whose supervision is overdue' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'People counted in “Staff whose supervision is overdue”' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Sam Okafor', 'Assessment Team 1', 'Yes', 'Last one-to-one 12 October 2026 (51 days)'],
      ['Jordan Reid', 'No team', 'No', '12 people'],
    ]);
    expect(within(table).getByRole('link', { name: 'Sam Okafor' })).toHaveAttribute('href', '/staff/a1');
    const query = api.callsTo('GET /api/v1/measures/people')[0]?.query;
    expect([query?.get('measure'), query?.get('scope'), query?.get('scopeId'), query?.get('limit')]).toEqual(['sessions.overdue', 'TEAM', 't1', '50']);
    expect(screen.getByRole('link', { name: /Next page/ }).getAttribute('href')).toContain('cursor=c2');
    expect(screen.getByRole('link', { name: 'Back to the measures' })).toHaveAttribute('href', '/measures?scope=TEAM&scopeId=t1&from=2026-01&to=2026-12');
  });

  it('tells someone who may not see the people so', async () => {
    open(`/measures/people?measure=sessions.overdue&scope=DIRECTORATE`, MORGAN, { 'GET /api/v1/measures/people': problem(403, 'Forbidden') });
    expect(await screen.findByTestId('measure-problem')).toHaveTextContent('You cannot see the people behind this figure.');
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { PRIYA, TOKENS, staff } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import type { Me } from '../auth/AuthContext';
import {
  ADMIN,
  DIRECTORATE_BREAKDOWN,
  HELEN,
  HR,
  MEMBER,
  MEMBER_BREAKDOWN,
  MORGAN,
  QA,
  SERVICE,
  SERVICE_BREAKDOWN,
  TEAM_A,
  measureSet,
  series,
} from './oversightFixtures';

function signedIn(me: Me, routes: Record<string, Handler> = {}, path = '/') {
  withStoredRefreshToken();
  const api = mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(me),
    ...routes,
  });
  renderApp(path);
  return api;
}

const rowTexts = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.children].map((c) => c.textContent));

describe('The service manager’s home', () => {
  it('shows their service’s teams side by side in words, each figure opening the people behind it', async () => {
    const api = signedIn(MORGAN, { 'GET /api/v1/measures/breakdown': json(SERVICE_BREAKDOWN) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeInTheDocument();
    expect(document.title).toBe('Home – Supervision');
    const table = await screen.findByRole('table', { name: /Teams in Children and Families, January 2026 to December 2026/ });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Team',
      'Staff supervised within the required interval',
      'Staff whose supervision is overdue',
      'Records not signed by both',
      'Staff without an agreement',
      'Staff with an active signed agreement',
    ]);
    // Team A: 8 of 10 on track = 80%; 9 of 10 signed = 90%. Team B: 1 of 4 = 25%; 2 of 4 = 50%. The service: 9 of 14
    // = 64.3% -> 64%; 11 of 14 = 78.6% -> 79%.
    expect(rowTexts(table).map((r) => r.map((c) => c?.replace(/ ?– .*$/, '')))).toEqual([
      ['Assessment Team 1', '80% (8 of 10)', '2 people', '3 records', '1 person', '90% (9 of 10)'],
      ['Assessment Team 2', '25% (1 of 4)', '3 people', '0 records', '2 people', '50% (2 of 4)'],
      ['All: Children and Families', '64% (9 of 14)', '5 people', '3 records', '3 people', '79% (11 of 14)'],
    ]);
    const overdue = within(table).getByRole('link', { name: /^3 people – Staff whose supervision is overdue, Assessment Team 2/ });
    expect(overdue.getAttribute('href')).toMatch(/^\/measures\/people\?measure=sessions\.overdue&scope=TEAM&scopeId=0{8}-0{4}-4000-8000-0{10}b2&from=2026-01&to=2026-12$/);
    expect(within(table).getByRole('link', { name: 'Assessment Team 1' })).toHaveAttribute('href', `/measures?scope=TEAM&scopeId=${TEAM_A.id}&from=2026-01&to=2026-12`);
    // The breakdown asked for is their own service's (their staff record's), one call.
    const calls = api.callsTo('GET /api/v1/measures/breakdown');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.query.get('scope')).toBe('SERVICE');
    expect(calls[0]?.query.get('scopeId')).toBe(SERVICE.id);
    expect(screen.getByRole('link', { name: 'Every measure for Children and Families' })).toHaveAttribute('href', `/measures?scope=SERVICE&scopeId=${SERVICE.id}`);
    // Their own supervision follows, a link away.
    expect(screen.getByRole('link', { name: /My supervision: your next session/ })).toHaveAttribute('href', '/my-supervision');
    expect(document.body.textContent).not.toMatch(/sessions\.withinInterval|SERVICE_MANAGER|FEWER_THAN/);
  });

  it('puts Home, My supervision and Measures in the menu', async () => {
    signedIn(MORGAN, { 'GET /api/v1/measures/breakdown': json(SERVICE_BREAKDOWN) });
    const nav = await screen.findByRole('navigation', { name: 'Menu' });
    expect(within(nav).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'My supervision' })).toHaveAttribute('href', '/my-supervision');
    expect(within(nav).getByRole('link', { name: 'Measures' })).toHaveAttribute('href', '/measures');
  });

  it('keeps My supervision for them at its own address', async () => {
    signedIn(MORGAN, {}, '/my-supervision');
    expect(await screen.findByRole('heading', { level: 1, name: 'My supervision' })).toBeInTheDocument();
  });

  it('says in words when the figures cannot be had', async () => {
    signedIn(MORGAN, { 'GET /api/v1/measures/breakdown': problem(500, 'Server error') });
    expect(await screen.findByTestId('measure-problem')).toHaveTextContent('These figures cannot be shown at the moment.');
  });
});

describe('Practitioners and supervisors keep My supervision as home', () => {
  it('shows a supervisor today’s home', async () => {
    signedIn(PRIYA);
    await waitFor(() => expect(screen.queryByTestId('home-skeleton')).toBeNull());
    expect(await screen.findByRole('heading', { level: 1, name: 'My supervision' })).toBeInTheDocument();
    expect(screen.queryByTestId('service-manager-home')).toBeNull();
  });
});

describe('The head of service’s and QA auditor’s home', () => {
  function routes(grades: (from: string) => Schemas['MeasureSet']) {
    return {
      'GET /api/v1/measures/breakdown': json(DIRECTORATE_BREAKDOWN),
      'GET /api/v1/measures': (req: { query: URLSearchParams }) => json(grades(req.query.get('from') ?? '')),
    };
  }

  it('shows the services side by side, the evidence packs, and audit grades over the last four quarters as bars with a table', async () => {
    const api = signedIn(
      HELEN,
      routes((from) =>
        // Only the newest quarter has audits: 3 Good and 1 Inadequate.
        from === api_lastFrom()
          ? measureSet(undefined, { from, measures: [{ ...gradesMeasure, parts: [{ label: 'Good', count: 3 }, { label: 'Inadequate', count: 1 }] }] })
          : measureSet(undefined, { from, measures: [{ ...gradesMeasure, parts: [] }] }),
      ),
    );
    const services = await screen.findByRole('table', { name: /Services in Demo City Council/ });
    expect(rowTexts(services).map((r) => r[0])).toEqual(['Children and Families', 'Fostering', 'All: Demo City Council']);
    expect(api.callsTo('GET /api/v1/measures/breakdown')[0]?.query.get('scope')).toBe('DIRECTORATE');
    expect(screen.getByRole('link', { name: 'Evidence packs for a scope and period' })).toHaveAttribute('href', '/evidence-packs');

    const grades = await screen.findByTestId('grades-over-time');
    const chart = await within(grades).findByRole('img', { name: 'Audit grades by quarter, Demo City Council' });
    // 4 audits in all, all in the newest quarter, most of them Good (3).
    expect(chart).toHaveAccessibleDescription(/^4 audits were graded in the last four quarters; in .* \(Q\d\), 4 were graded, most of them Good \(3\)\.$/);
    const table = within(grades).getByRole('table');
    expect(rowTexts(table).slice(-2).map((r) => r[1])).toEqual(['3', '1']);
    // One measures call per quarter, four in all.
    expect(api.callsTo('GET /api/v1/measures')).toHaveLength(4);
  });

  it('gives a QA auditor the same directorate view and the audit sample card', async () => {
    signedIn(QA, { ...routes((from) => measureSet(undefined, { from })), 'GET /api/v1/audit-schedule': json({ items: [] }) });
    expect(await screen.findByTestId('directorate-home')).toBeInTheDocument();
    expect(await screen.findByTestId('audits-home')).toBeInTheDocument();
  });
});

const gradesMeasure: Schemas['Measure'] = { key: 'audits.grades', label: 'Audit grades', group: 'AUDITS', kind: 'DISTRIBUTION', unit: 'AUDITS', lowerIsBetter: false, suppressed: false };

/** The first month of the current quarter, as the home asks for it. */
function api_lastFrom(): string {
  const now = new Date();
  const m = now.getMonth() + 1;
  return `${now.getFullYear()}-${String(m - ((m - 1) % 3)).padStart(2, '0')}`;
}

describe('The elected member’s page', () => {
  function member() {
    return signedIn(MEMBER, {
      'GET /api/v1/measures/breakdown': json(MEMBER_BREAKDOWN),
      'GET /api/v1/measures/series': (req) => json(series(req.query.get('measure') ?? '')),
      'GET /api/v1/measures': json(measureSet()),
    });
  }

  it('shows the directorate and its services with small groups suppressed in words and nothing to drill into', async () => {
    const api = member();
    expect(await screen.findByRole('heading', { level: 1, name: 'Supervision in Demo City Council' })).toBeInTheDocument();
    const services = await screen.findByRole('table', { name: /Services in Demo City Council/ });
    const rows = rowTexts(services);
    // A service nobody is counted in has no figures: it says so.
    expect(rows[2]).toEqual(['Adoption', ...Array(5).fill('No one counted')]);
    // Fostering has fewer than 5 counted staff: every figure suppressed. In Children and Families, "without an
    // agreement" is suppressed too, as it could be worked out by subtraction from the total.
    expect(rows[1]).toEqual(['Fostering', ...Array(5).fill('Suppressed (fewer than 5)')]);
    expect(rows[0]?.[4]).toBe('Suppressed (could reveal a group of fewer than 5)');
    expect(within(services).queryAllByRole('link', { name: /people behind/ })).toHaveLength(0);
    expect(api.callsTo('GET /api/v1/measures/people')).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Evidence packs' })).toHaveAttribute('href', '/evidence-packs');
  });

  it('shows a 12-month line chart with its summary and table for each headline measure', async () => {
    const api = member();
    await waitFor(() => expect(screen.getAllByTestId('line-chart')).toHaveLength(5));
    const keys = api.callsTo('GET /api/v1/measures/series').map((c) => c.query.get('measure'));
    expect(keys).toEqual(['sessions.withinInterval', 'sessions.overdue', 'records.unsigned', 'agreements.missing', 'agreements.activeSigned']);
    const chart = screen.getByRole('img', { name: 'Staff supervised within the required interval, Demo City Council' });
    expect(chart).toHaveAccessibleDescription('Staff supervised within the required interval rose from 61% to 78% since January 2026.');
    const table = screen.getByRole('table', { name: 'Staff supervised within the required interval, Demo City Council' });
    const june = rowTexts(table).find((r) => r[0] === 'June 2026');
    expect(june?.[1]).toBe('Suppressed (fewer than 5)');
  });

  it('asks for none of the lists a member is refused, and offers no Teams in the menu', async () => {
    const api = member();
    await screen.findByTestId('measure-list');
    await waitFor(() => expect(screen.getAllByTestId('line-chart')).toHaveLength(5));
    const refused = /^\/api\/v1\/(agreements|actions|sessions|session-requests|dashboards\/my-supervisees|audit-schedule)$/;
    expect(api.calls.filter((c) => refused.test(c.path)).map((c) => c.path)).toEqual([]);
    const nav = screen.getByRole('navigation', { name: 'Menu' });
    expect(within(nav).queryByRole('link', { name: 'Teams' })).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Measures' })).toHaveAttribute('href', '/measures');
  });

  it('names no one and links to no record', async () => {
    member();
    await screen.findByTestId('measure-list');
    await waitFor(() => expect(screen.getAllByTestId('line-chart')).toHaveLength(5));
    const main = document.querySelector('main') as HTMLElement;
    for (const name of ['Sam Okafor', 'Priya Shah', 'Morgan Hale', 'Councillor Patel']) expect(main.textContent).not.toContain(name);
    const hrefs = [...main.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.filter((h) => /^\/(staff|sessions|agreements|audits|case-discussions|children|measures\/people)/.test(h))).toEqual([]);
    // The suppressed figure of the directorate's measures is in words too.
    expect(within(screen.getByTestId('measure-list')).getByText('Suppressed (fewer than 5)')).toBeInTheDocument();
  });
});

describe('The HR officer’s home', () => {
  const today = new Date();
  const day = (offset: number) => {
    const d = new Date(today.getTime() + offset * 86_400_000);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };

  it('lists who leaves in the next 8 weeks, who left or started in post in the last 8, and managers’ training due', async () => {
    signedIn(HR, {
      // The service filters each window; the home asks for exactly these three and shows what comes back.
      'GET /api/v1/staff': (req) => {
        const q = Object.fromEntries(req.query.entries());
        if (q.status === 'current' && q.leavingFrom === day(0) && q.leavingTo === day(56)) return json({ items: [staff({ id: 'c1', displayName: 'Lena Leaving', leavingDate: day(14) })] });
        if (q.status === 'current' && q.postStartFrom === day(-56) && q.postStartTo === day(0)) return json({ items: [staff({ id: 'c3', displayName: 'Mo Mover', postStartDate: day(-5) })] });
        if (q.status === 'leavers' && q.leavingFrom === day(-56) && q.leavingTo === day(-1)) return json({ items: [staff({ id: 'l1', displayName: 'Lee Left', leavingDate: day(-10) })] });
        return json({ items: [staff({ id: 'x', displayName: 'Wrong Window' })] });
      },
      'GET /api/v1/measures/people': json({
        measure: { key: 'workforce.managersTrained', label: 'Managers trained in supervision', group: 'WORKFORCE', kind: 'SHARE', unit: 'PEOPLE', lowerIsBetter: false },
        items: [
          { staff: { id: 'p1', displayName: 'Priya Shah' }, team: { id: 't', name: 'Assessment Team 1' }, inNumerator: false, detail: 'Due by 1 March 2027' },
          { staff: { id: 'p2', displayName: 'Trained Tom' }, inNumerator: true, detail: 'Completed 1 May 2026' },
        ],
      }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Staff directory' })).toHaveAttribute('href', '/staff');
    const leaving = await screen.findByRole('table', { name: 'Leaving in the next 8 weeks' });
    expect(rowTexts(leaving).map((r) => r[0])).toEqual(['Lena Leaving']);
    expect(rowTexts(await screen.findByRole('table', { name: 'Left in the last 8 weeks' })).map((r) => r[0])).toEqual(['Lee Left']);
    expect(rowTexts(screen.getByRole('table', { name: /New in post/ })).map((r) => r[0])).toEqual(['Mo Mover']);
    const training = await screen.findByRole('table', { name: 'Managers whose supervision training is due or late' });
    expect(rowTexts(training)).toEqual([['Priya Shah', 'Assessment Team 1', 'Due by 1 March 2027']]);
    expect(screen.queryByText('Your account is not linked to a staff record, so there is no supervision to show.')).toBeNull();
  });

  it('shows the organisation’s training figure when HR may not see the managers behind it', async () => {
    signedIn(HR, {
      'GET /api/v1/staff': json({ items: [] }),
      'GET /api/v1/measures/people': problem(403, 'Forbidden'),
      'GET /api/v1/measures': json(
        measureSet(undefined, {
          measures: [{ key: 'workforce.managersTrained', label: 'Managers trained in supervision', group: 'WORKFORCE', kind: 'SHARE', unit: 'PEOPLE', lowerIsBetter: false, numerator: 8, denominator: 10, value: 0.8, suppressed: false }],
        }),
      ),
    });
    expect(await screen.findByTestId('training-figure')).toHaveTextContent('Managers trained in supervision: 80% (8 of 10)');
  });
});

describe('The administrator’s home', () => {
  it('shows the organisation’s pages, the policy’s settings and the machine clients in words instead of a dead end', async () => {
    signedIn(ADMIN, {
      'GET /api/v1/organisation/policy': json({
        profile: { id: 'pp', code: 'coventry', name: 'Coventry Children’s Services' },
        agreementTemplate: { id: 'tp', kind: 'AGREEMENT', version: 1, title: 'Supervision agreement' },
        overrides: {},
        effectiveRules: { normalInterval: 'P4W', longestInterval: 'P6W', minimumSessionMinutes: 60, cadenceSteps: [], categoryIntervals: [], suppressionMinimum: 5 },
        version: 3,
        updatedAt: '2026-11-02T10:00:00Z',
      }),
      'GET /api/v1/machine-clients': json({
        items: [{ id: 'mc1', clientId: 'hr-feed', name: 'HR system', scopes: ['staff.write', 'measures:read'], enabled: true, createdAt: '2026-03-01T09:00:00Z' }],
      }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Services and teams' })).toHaveAttribute('href', '/teams');
    const policy = await screen.findByTestId('admin-policy');
    await within(policy).findByText('Coventry Children’s Services');
    expect(policy).toHaveTextContent('Usual time between sessions4 weeks');
    expect(policy).toHaveTextContent('Smallest group shown in published figures5 people');
    const clients = await screen.findByRole('table', { name: 'Systems that use the API and what each may do' });
    expect(rowTexts(clients)[0]).toEqual([
      'HR system',
      'Create and update staff, moves and leaversRead the supervision measures (small groups suppressed)',
      'Active',
      '1 March 2026',
    ]);
    expect(document.querySelector('main')?.textContent).not.toMatch(/measures:read|staff\.write|not linked to a staff record/);
  });
});

/** Answers shaped as openapi.yaml's Measure* schemas, for the oversight pages' tests. */
import type { Schemas } from '../../api/client';
import { staff } from '../../test/fixtures';
import type { Me } from '../auth/AuthContext';

type Measure = Schemas['Measure'];

export const ORG = { id: '00000000-0000-4000-8000-000000000001', name: 'Demo City Council' };
export const SERVICE = { id: '00000000-0000-4000-8000-0000000000a1', name: 'Children and Families' };
export const SERVICE_2 = { id: '00000000-0000-4000-8000-0000000000a2', name: 'Fostering' };
export const TEAM_A = { id: '00000000-0000-4000-8000-0000000000b1', name: 'Assessment Team 1' };
export const TEAM_B = { id: '00000000-0000-4000-8000-0000000000b2', name: 'Assessment Team 2' };

function me(roles: Me['roles'], displayName: string, withStaff: boolean, extra: Partial<Me> = {}): Me {
  return {
    accountId: `acc-${displayName}`,
    username: `${displayName.toLowerCase().replace(/ /g, '.')}@demo.test`,
    displayName,
    roles,
    organisation: ORG,
    staff: withStaff ? staff({ id: `st-${displayName}`, displayName, jobTitle: 'Manager', service: SERVICE, team: undefined }) : undefined,
    supervisors: [],
    supervisees: [],
    managedServices: roles.includes('SERVICE_MANAGER') || roles.includes('HEAD_OF_SERVICE') ? [SERVICE] : [],
    ...extra,
  };
}

export const MORGAN = me(['SERVICE_MANAGER', 'SUPERVISOR', 'PRACTITIONER'], 'Morgan Hale', true);
export const HELEN = me(['HEAD_OF_SERVICE', 'PRACTITIONER'], 'Helen Burke', true);
export const QA = me(['QA_AUDITOR'], 'Rachel Green', true);
export const MEMBER = me(['ELECTED_MEMBER'], 'Councillor Patel', false);
export const HR = me(['HR'], 'Harriet Jones', true);
export const ADMIN = me(['ADMIN'], 'Ada Admin', false);

const def = (key: string, label: string, group: Measure['group'], kind: Measure['kind'], unit: Measure['unit'], extra: Partial<Measure> = {}): Measure => ({
  key,
  label,
  group,
  kind,
  unit,
  lowerIsBetter: false,
  people: true,
  suppressed: false,
  ...extra,
});

export const HEADLINE_DEFS: Schemas['MeasureDefinition'][] = [
  { key: 'sessions.withinInterval', label: 'Staff supervised within the required interval', group: 'SESSIONS', kind: 'SHARE', unit: 'PEOPLE', lowerIsBetter: false, target: 1, people: true },
  { key: 'sessions.overdue', label: 'Staff whose supervision is overdue', group: 'SESSIONS', kind: 'COUNT', unit: 'PEOPLE', lowerIsBetter: true, people: true },
  { key: 'records.unsigned', label: 'Records not signed by both', group: 'RECORDS', kind: 'COUNT', unit: 'RECORDS', lowerIsBetter: true, people: true },
  { key: 'agreements.missing', label: 'Staff without an agreement', group: 'AGREEMENTS', kind: 'COUNT', unit: 'PEOPLE', lowerIsBetter: true, people: true },
  { key: 'agreements.activeSigned', label: 'Staff with an active signed agreement', group: 'AGREEMENTS', kind: 'SHARE', unit: 'PEOPLE', lowerIsBetter: false, target: 1, people: true },
];

/** The five headline figures for one unit: [on track n of d, overdue, unsigned, missing, signed n of d]. */
function headline(onTrack: [number, number], overdue: number, unsigned: number, missing: number, signed: [number, number]): Measure[] {
  const [a, b, c, d, e] = HEADLINE_DEFS as [Schemas['MeasureDefinition'], Schemas['MeasureDefinition'], Schemas['MeasureDefinition'], Schemas['MeasureDefinition'], Schemas['MeasureDefinition']];
  return [
    { ...a, numerator: onTrack[0], denominator: onTrack[1], value: onTrack[0] / onTrack[1], suppressed: false },
    { ...b, numerator: overdue, denominator: onTrack[1], value: overdue, suppressed: false },
    { ...c, numerator: unsigned, value: unsigned, suppressed: false },
    { ...d, numerator: missing, denominator: signed[1], value: missing, suppressed: false },
    { ...e, numerator: signed[0], denominator: signed[1], value: signed[0] / signed[1], suppressed: false },
  ];
}

/** A service manager's teams: full view, nothing suppressed. */
export const SERVICE_BREAKDOWN: Schemas['MeasureBreakdown'] = {
  scope: { kind: 'SERVICE', id: SERVICE.id, name: SERVICE.name },
  from: '2026-01',
  to: '2026-12',
  minimumGroupSize: 5,
  headline: HEADLINE_DEFS,
  rows: [
    { scope: { kind: 'TEAM', id: TEAM_A.id, name: TEAM_A.name }, suppressed: false, counted: 10, measures: headline([8, 10], 2, 3, 1, [9, 10]) },
    { scope: { kind: 'TEAM', id: TEAM_B.id, name: TEAM_B.name }, suppressed: false, counted: 4, measures: headline([1, 4], 3, 0, 2, [2, 4]) },
  ],
  total: { scope: { kind: 'SERVICE', id: SERVICE.id, name: SERVICE.name }, suppressed: false, counted: 14, measures: headline([9, 14], 5, 3, 3, [11, 14]) },
};

/** The directorate's services as an elected member sees them: Fostering has 3 counted staff, so its row is suppressed. */
export const MEMBER_BREAKDOWN: Schemas['MeasureBreakdown'] = {
  scope: { kind: 'DIRECTORATE', name: ORG.name },
  from: '2026-01',
  to: '2026-12',
  minimumGroupSize: 5,
  headline: HEADLINE_DEFS,
  rows: [
    {
      scope: { kind: 'SERVICE', id: SERVICE.id, name: SERVICE.name },
      suppressed: false,
      counted: 14,
      measures: headline([9, 14], 5, 3, 3, [11, 14]).map((m) =>
        m.key === 'agreements.missing' ? { key: m.key, label: m.label, group: m.group, kind: m.kind, unit: m.unit, lowerIsBetter: m.lowerIsBetter, suppressed: true, suppressedBecause: 'DIFFERENCING' as const } : m,
      ),
    },
    { scope: { kind: 'SERVICE', id: SERVICE_2.id, name: SERVICE_2.name }, suppressed: true, measures: [] },
    { scope: { kind: 'SERVICE', id: '00000000-0000-4000-8000-0000000000a3', name: 'Adoption' }, suppressed: false, measures: [] },
  ],
  total: { scope: { kind: 'DIRECTORATE', name: ORG.name }, suppressed: false, counted: 17, measures: headline([11, 17], 6, 4, 4, [13, 17]) },
};

export const DIRECTORATE_BREAKDOWN: Schemas['MeasureBreakdown'] = {
  ...MEMBER_BREAKDOWN,
  rows: [
    { scope: { kind: 'SERVICE', id: SERVICE.id, name: SERVICE.name }, suppressed: false, counted: 14, measures: headline([9, 14], 5, 3, 3, [11, 14]) },
    { scope: { kind: 'SERVICE', id: SERVICE_2.id, name: SERVICE_2.name }, suppressed: false, counted: 3, measures: headline([2, 3], 1, 1, 1, [2, 3]) },
  ],
};

export function measureSet(scope: Schemas['MeasureScopeRef'] = { kind: 'DIRECTORATE', name: ORG.name }, overrides: Partial<Schemas['MeasureSet']> = {}): Schemas['MeasureSet'] {
  return {
    scope,
    from: '2026-01',
    to: '2026-12',
    minimumGroupSize: 5,
    suppressed: false,
    population: { counted: 50, leavers: 2, firstWeek: 1, agencyUnder10Hours: 3 },
    headline: HEADLINE_DEFS.map((d) => d.key),
    computedAt: '2026-12-03T09:30:00Z',
    measures: [
      def('agreements.activeSigned', 'Staff with an active signed agreement', 'AGREEMENTS', 'SHARE', 'PEOPLE', { numerator: 39, denominator: 50, value: 0.78, target: 1 }),
      def('agreements.missing', 'Staff without an agreement', 'AGREEMENTS', 'COUNT', 'PEOPLE', { numerator: 3, value: 3, lowerIsBetter: true }),
      def('sessions.withinInterval', 'Staff supervised within the required interval', 'SESSIONS', 'SHARE', 'PEOPLE', { numerator: 40, denominator: 50, value: 0.8, target: 1 }),
      def('sessions.longestGap', 'Longest gap between one-to-one sessions', 'SESSIONS', 'MAXIMUM', 'DAYS', { value: 51, lowerIsBetter: true }),
      def('records.daysToSignature', 'Average days from session to both signatures', 'RECORDS', 'AVERAGE', 'DAYS', { numerator: 13, denominator: 4, value: 3.25, lowerIsBetter: true }),
      def('records.unsigned', 'Records not signed by both', 'RECORDS', 'COUNT', 'RECORDS', { numerator: 1, value: 1, lowerIsBetter: true }),
      def('caseDiscussions.childViewRecorded', 'Case discussions with the child’s view recorded', 'CASE_DISCUSSIONS', 'SHARE', 'DISCUSSIONS', { suppressed: true, suppressedBecause: 'FEWER_THAN_MINIMUM', people: false }),
      def('audits.grades', 'Audit grades', 'AUDITS', 'DISTRIBUTION', 'AUDITS', {
        people: false,
        parts: [
          { label: 'Good', count: 4 },
          { label: 'Requires improvement', count: 2 },
        ],
      }),
      def('audits.ratingPerQuestion', 'Mean rating per audit question', 'AUDITS', 'AVERAGE', 'RATING', {
        people: false,
        lowerIsBetter: true,
        value: 2.14,
        parts: [{ label: 'Is there a signed agreement?', value: 1.5 }],
      }),
      def('questionnaire.statements', 'Part 2 statements answered Good or Very good', 'QUESTIONNAIRE', 'DISTRIBUTION', 'ANSWERS', {
        people: false,
        parts: [{ label: 'My supervision happens regularly', value: 0.75, count: 8 }],
      }),
      def('workforce.averageCaseload', 'Average caseload', 'WORKFORCE', 'AVERAGE', 'CASES', { value: 14.2, numerator: 142, denominator: 10 }),
    ],
    ...overrides,
  };
}

/** Twelve months of the share on track: 61% in January rising to 78% in December, June suppressed. */
export function series(key = 'sessions.withinInterval', scope: Schemas['MeasureScopeRef'] = { kind: 'DIRECTORATE', name: ORG.name }): Schemas['MeasureSeries'] {
  const measure = HEADLINE_DEFS.find((d) => d.key === key) ?? (HEADLINE_DEFS[0] as Schemas['MeasureDefinition']);
  const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
  return {
    scope,
    measure,
    points: months.map((month, i) =>
      month === '2026-06'
        ? { month, suppressed: true }
        : i === 0
          ? { month, numerator: 61, denominator: 100, value: 0.61, suppressed: false }
          : i === 11
            ? { month, numerator: 78, denominator: 100, value: 0.78, suppressed: false }
            : { month, numerator: 70, denominator: 100, value: 0.7, suppressed: false },
    ),
    summary: `${measure.label} rose from 61% to 78% since January 2026.`,
  };
}

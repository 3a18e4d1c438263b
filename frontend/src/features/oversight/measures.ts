/**
 * The measures in words (decision 0035): every figure as people read it ("78% (39 of 50)", "12 days",
 * "Suppressed (fewer than 5)"), the groups' headings, months, and the addresses of the measures pages. Keys
 * and enum values stay in here; users see only the words.
 */
import type { Schemas } from '../../api/client';
import type { Me, Role } from '../auth/AuthContext';

export type Measure = Schemas['Measure'];
export type MeasureDefinition = Schemas['MeasureDefinition'];
export type MeasureSet = Schemas['MeasureSet'];
export type MeasureSeries = Schemas['MeasureSeries'];
export type MeasureBreakdown = Schemas['MeasureBreakdown'];
export type MeasureScopeKind = Schemas['MeasureScopeKind'];
export type MeasureGroup = Schemas['MeasureGroup'];
export type Month = Schemas['Month'];

/** The home pages' figures side by side, in the order the contract gives them (MeasureSet.headline). */
export const HEADLINE_KEYS = [
  'sessions.withinInterval',
  'sessions.overdue',
  'records.unsigned',
  'agreements.missing',
  'agreements.activeSigned',
] as const;

export const GROUP_TEXT: Record<MeasureGroup, string> = {
  AGREEMENTS: 'Agreements',
  SESSIONS: 'Sessions',
  RECORDS: 'Records',
  CASE_DISCUSSIONS: 'Case discussions',
  AUDITS: 'Audits',
  QUESTIONNAIRE: 'Part 2 questionnaire',
  WORKFORCE: 'Workforce',
};

/** The order of the measures page's sections. */
export const GROUP_ORDER: MeasureGroup[] = ['AGREEMENTS', 'SESSIONS', 'RECORDS', 'CASE_DISCUSSIONS', 'AUDITS', 'QUESTIONNAIRE', 'WORKFORCE'];

export const SCOPE_KIND_TEXT: Record<MeasureScopeKind, string> = {
  DIRECTORATE: 'Directorate',
  SERVICE: 'Service',
  TEAM: 'Team',
  PERSON: 'Person',
};

type Unit = Schemas['MeasureUnit'];

/** Singular and plural of what a count counts. */
const UNIT_WORDS: Record<Unit, [string, string]> = {
  PEOPLE: ['person', 'people'],
  SESSIONS: ['session', 'sessions'],
  RECORDS: ['record', 'records'],
  ACTIONS: ['action', 'actions'],
  DISCUSSIONS: ['discussion', 'discussions'],
  DECISIONS: ['decision', 'decisions'],
  AUDITS: ['audit', 'audits'],
  ANSWERS: ['answer', 'answers'],
  CASES: ['case', 'cases'],
  DAYS: ['day', 'days'],
  MINUTES: ['minute', 'minutes'],
  RATING: ['', ''],
};

export function countText(n: number, unit: Unit): string {
  const [one, many] = UNIT_WORDS[unit] ?? ['', ''];
  const word = n === 1 ? one : many;
  return word ? `${n.toLocaleString('en-GB')} ${word}` : n.toLocaleString('en-GB');
}

/** A mean or maximum with its unit: "12 days", "54.5 minutes", "2.1" (a rating). */
export function amountText(value: number, unit: Unit): string {
  const rounded = Math.round(value * 10) / 10;
  const number = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  const [one, many] = UNIT_WORDS[unit] ?? ['', ''];
  const word = rounded === 1 ? one : many;
  return word ? `${number} ${word}` : number;
}

export const percentText = (share: number) => `${Math.round(share * 100)}%`;

export function suppressedText(minimumGroupSize: number, because?: Schemas['SuppressionReason']): string {
  return because === 'DIFFERENCING'
    ? `Suppressed (could reveal a group of fewer than ${minimumGroupSize})`
    : `Suppressed (fewer than ${minimumGroupSize})`;
}

type Figure = Pick<Measure, 'kind' | 'unit'> & {
  numerator?: number;
  denominator?: number;
  value?: number;
  suppressed: boolean;
  suppressedBecause?: Schemas['SuppressionReason'];
  parts?: Schemas['MeasurePart'][];
};

/** One figure in words, as a table cell or a list shows it. */
export function figureText(figure: Figure, minimumGroupSize: number): string {
  if (figure.suppressed) return suppressedText(minimumGroupSize, figure.suppressedBecause);
  switch (figure.kind) {
    case 'SHARE':
      if (figure.value === undefined || !figure.denominator) return 'No one to count';
      return `${percentText(figure.value)} (${(figure.numerator ?? 0).toLocaleString('en-GB')} of ${figure.denominator.toLocaleString('en-GB')})`;
    case 'COUNT':
      return countText(figure.numerator ?? figure.value ?? 0, figure.unit);
    case 'AVERAGE':
    case 'MAXIMUM':
      return figure.value === undefined ? 'None to count' : amountText(figure.value, figure.unit);
    case 'DISTRIBUTION': {
      const parts = figure.parts ?? [];
      if (parts.length === 0) return 'None to count';
      return parts.map((p) => `${p.label}: ${partText(p, figure.unit)}`).join('; ');
    }
    default:
      return '';
  }
}

/** A part of a distribution: its count, or its mean where it has one (a rating per question). */
export function partText(part: Schemas['MeasurePart'], unit: Unit): string {
  if (part.value !== undefined && part.value !== null) {
    return unit === 'RATING' ? amountText(part.value, 'RATING') : unit === 'ANSWERS' ? percentText(part.value) : amountText(part.value, unit);
  }
  return (part.count ?? 0).toLocaleString('en-GB');
}

/** The target in words: "Target 100%"; nothing when the policy sets none. */
export function targetText(measure: MeasureDefinition): string | null {
  if (measure.target === undefined || measure.target === null) return null;
  return measure.kind === 'SHARE' ? `Target ${percentText(measure.target)}` : `Target ${amountText(measure.target, measure.unit)}`;
}

/** How a series' points read on an axis: a share as a percentage, anything else as its bare number (the unit is in the title). */
export function axisText(measure: MeasureDefinition, value: number): string {
  return measure.kind === 'SHARE' ? percentText(value) : amountText(value, 'RATING');
}

/** The value a chart plots for a point: for a count, the count. */
export function pointValue(measure: MeasureDefinition, point: Schemas['MeasurePoint']): number | null {
  if (point.suppressed) return null;
  if (measure.kind === 'COUNT') return point.numerator ?? point.value ?? null;
  return point.value ?? null;
}

// Months ("2026-06").
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthText(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return `${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** "Jun 2026", for a chart's axis. */
export function shortMonthText(month: string): string {
  const text = monthText(month);
  return text.length > 8 ? `${text.slice(0, 3)} ${text.slice(-4)}` : text;
}

export function currentMonth(now = new Date()): Month {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function isMonth(text: string | null | undefined): text is Month {
  return !!text && /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

export function periodText(from: Month, to: Month): string {
  return from === to ? monthText(from) : `${monthText(from)} to ${monthText(to)}`;
}

/** The calendar quarters ending with the current one, oldest first: [{ label, from, to }]. */
export function lastQuarters(count: number, now = new Date()): { label: string; from: Month; to: Month }[] {
  const current = currentMonth(now);
  const [y, m] = current.split('-').map(Number) as [number, number];
  const firstOfQuarter: Month = `${y}-${String(m - ((m - 1) % 3)).padStart(2, '0')}`;
  const quarters = [];
  for (let i = count - 1; i >= 0; i--) {
    const from = addMonths(firstOfQuarter, -3 * i);
    const to = addMonths(from, 2);
    const quarter = Math.floor((Number(from.slice(5)) - 1) / 3) + 1;
    quarters.push({ label: `${monthText(from).split(' ')[0]} to ${monthText(to)} (Q${quarter})`, from, to });
  }
  return quarters;
}

// Addresses.
export interface ScopeQuery {
  scope: MeasureScopeKind;
  scopeId?: string;
  from?: Month;
  to?: Month;
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  return search.toString();
}

export const measuresHref = (q: ScopeQuery & { measure?: string }) =>
  `/measures?${query({ scope: q.scope, scopeId: q.scopeId, from: q.from, to: q.to, measure: q.measure })}`;

export const peopleHref = (q: ScopeQuery & { measure: string }) =>
  `/measures/people?${query({ measure: q.measure, scope: q.scope, scopeId: q.scopeId, from: q.from, to: q.to })}`;

export const EVIDENCE_PACKS_HREF = '/evidence-packs';

// Who sees what (the server decides; these only choose what the page offers).
const OVERSIGHT_ROLES: Role[] = ['HEAD_OF_SERVICE', 'SERVICE_MANAGER', 'QA_AUDITOR', 'HR', 'ADMIN', 'ELECTED_MEMBER'];

/** A role whose home is not the practitioner's "My supervision" page. */
export function hasOversightHome(me: Me | null | undefined): me is Me {
  return !!me && me.roles.some((r) => OVERSIGHT_ROLES.includes(r));
}

/** Elected members see aggregates only: no names, no drill-down, no links to records. */
export function isMemberOnly(me: Me | null | undefined): boolean {
  return !!me && me.roles.includes('ELECTED_MEMBER') && !me.roles.some((r) => r !== 'ELECTED_MEMBER');
}

/** Roles that may open the measures pages at all (a practitioner sees their own on their home). */
export function canSeeMeasures(me: Me | null | undefined): boolean {
  return !!me && me.roles.some((r) => r !== 'PRACTITIONER');
}

/** Whether the figures' people may be offered: the server still answers 403 where the caller may not see them. */
export function mayDrillDown(me: Me | null | undefined): boolean {
  return !!me && !me.roles.includes('ELECTED_MEMBER') && me.roles.some((r) => ['SUPERVISOR', 'SERVICE_MANAGER', 'HEAD_OF_SERVICE', 'QA_AUDITOR'].includes(r));
}

/** The measure with a key in a list, if the answer has it. */
export const byKey = (measures: Measure[], key: string) => measures.find((m) => m.key === key);

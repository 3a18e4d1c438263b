/** Decisions about children: when they were made, how long they have waited, the 24-hour measure in words. */
import type { Schemas } from '../../api/client';
import { formatDate, formatTime } from '../../format';
import { todayIso } from '../sessions/sessions';

export type CaseDecision = Schemas['CaseDecision'];
export type DecisionsFiled = Schemas['DecisionsFiled'];

/** How far back a decision may be dated (the API refuses more than 7 days ago). */
export const DAYS_BACK = 7;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export const decisionsHref = '/decisions';
export const quickDecisionHref = (childId?: string) =>
  childId ? `/decisions/new?childId=${encodeURIComponent(childId)}` : '/decisions/new';
export const childHref = (childId: string) => `/children/${encodeURIComponent(childId)}`;

/** The London date of an instant ("2026-12-08"). */
export const londonDate = (instant: Date) => todayIso(instant);

/** "Today at 2:30pm", "Yesterday at 9am", "Monday 7 December 2026 at 4pm". */
export function whenText(instant: string | Date, now: Date = new Date()): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const day = londonDate(date);
  const today = londonDate(now);
  const yesterday = londonDate(new Date(now.getTime() - DAY_MS));
  const dayText = day === today ? 'Today' : day === yesterday ? 'Yesterday' : formatDate(day);
  return `${dayText} at ${formatTime(date)}`;
}

/** Minutes east of UTC that London is at an instant (0 in winter, 60 in summer). */
function londonOffsetMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
}

/** A London wall-clock date ("2026-12-08") and time ("14:30") as an instant. */
export function londonInstant(isoDate: string, time: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const offset = londonOffsetMinutes(new Date(guess));
  return new Date(guess - offset * 60000);
}

/** The days a decision may be dated on, today first: "Today", "Yesterday", then the weekday and date. */
export function dayOptions(now: Date = new Date()): { value: string; text: string }[] {
  const options: { value: string; text: string }[] = [];
  for (let back = 0; back <= DAYS_BACK; back++) {
    const iso = londonDate(new Date(now.getTime() - back * DAY_MS));
    if (options.some((o) => o.value === iso)) continue;
    const text = back === 0 ? `Today (${formatDate(iso)})` : back === 1 ? `Yesterday (${formatDate(iso)})` : formatDate(iso);
    options.push({ value: iso, text });
  }
  return options;
}

/** "35 minutes", "5 hours", "3 days": how long something has waited since an instant. */
export function waitedText(since: string, now: Date = new Date()): string {
  const ms = Math.max(0, now.getTime() - new Date(since).getTime());
  if (ms < HOUR_MS) {
    const minutes = Math.max(1, Math.floor(ms / 60000));
    return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  }
  if (ms < 2 * DAY_MS) {
    const hours = Math.floor(ms / HOUR_MS);
    return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  }
  const days = Math.floor(ms / DAY_MS);
  return `${days} days`;
}

/** True once a decision has waited longer than the 24 hours the staff surveys ask about. */
export const waitedTooLong = (since: string, now: Date = new Date()) => now.getTime() - new Date(since).getTime() > DAY_MS;

/** The share filed within 24 hours in words and numbers: "78% (7 of 9)", or why there is none. */
export function shareText(row: { signed: number; notYetDue: number; acknowledgedWithin24Hours: number; share?: number }): string {
  const due = row.signed - row.notYetDue;
  if (due <= 0) return row.signed === 0 ? 'No decisions signed' : 'None due yet';
  const share = row.share ?? row.acknowledgedWithin24Hours / due;
  return `${Math.round(share * 100)}% (${row.acknowledgedWithin24Hours} of ${due})`;
}

/** The periods the measure can be shown for, counted back from today. */
export const PERIODS = [
  { value: '7', text: 'Last 7 days' },
  { value: '30', text: 'Last 30 days' },
  { value: '90', text: 'Last 3 months' },
  { value: '365', text: 'Last 12 months' },
] as const;
export type PeriodDays = (typeof PERIODS)[number]['value'];

export function periodRange(days: PeriodDays, now: Date = new Date()): { from: string; to: string } {
  const to = londonDate(now);
  const from = londonDate(new Date(now.getTime() - (Number(days) - 1) * DAY_MS));
  return { from, to };
}

/** Who may record a decision (managers of the child's worker) and read the decisions pages. */
export const DECISION_MAKER_ROLES: Schemas['Role'][] = ['SUPERVISOR', 'SERVICE_MANAGER', 'HEAD_OF_SERVICE'];
export const DECISIONS_PAGE_ROLES: Schemas['Role'][] = [...DECISION_MAKER_ROLES, 'QA_AUDITOR'];
export const CHILDREN_ROLES: Schemas['Role'][] = ['PRACTITIONER', ...DECISIONS_PAGE_ROLES];

const hasAny = (me: { roles: Schemas['Role'][] } | null, roles: Schemas['Role'][]) => !!me && me.roles.some((r) => roles.includes(r));
export const canRecordDecisions = (me: { roles: Schemas['Role'][] } | null) => hasAny(me, DECISION_MAKER_ROLES);
export const canSeeDecisions = (me: { roles: Schemas['Role'][] } | null) => hasAny(me, DECISIONS_PAGE_ROLES);
export const canSeeChildren = (me: { roles: Schemas['Role'][] } | null) => hasAny(me, CHILDREN_ROLES);

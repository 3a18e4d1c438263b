import type { Schemas } from '../../api/client';
import type { TagColour } from '../../components/govuk';

export type Session = Schemas['Session'];
export type Schedule = Schemas['SupervisionSchedule'];
export type ScheduleStatus = Schemas['ScheduleStatus'];
export type SessionStatus = Schemas['SessionStatus'];
export type AgreementCompliance = Schemas['AgreementCompliance'];

/** Schedule status in words. "Past limit" (BREACH) is purple, as UX.md says; so is "Past longest gap". */
export const SCHEDULE_STATUS_TEXT: Record<ScheduleStatus, { text: string; colour: TagColour }> = {
  NOT_STARTED: { text: 'Not started', colour: 'grey' },
  ON_TRACK: { text: 'On track', colour: 'green' },
  DUE_SOON: { text: 'Due soon', colour: 'yellow' },
  OVERDUE: { text: 'Overdue', colour: 'red' },
  PAST_LONGEST_GAP: { text: 'Past longest gap', colour: 'purple' },
  BREACH: { text: 'Past limit', colour: 'purple' },
  LEFT: { text: 'Left', colour: 'grey' },
};

export const SESSION_STATUS_TEXT: Record<SessionStatus, { text: string; colour: TagColour }> = {
  PLANNED: { text: 'Planned', colour: 'blue' },
  POSTPONED: { text: 'Postponed', colour: 'yellow' },
  CANCELLED: { text: 'Cancelled', colour: 'grey' },
  HELD: { text: 'Held, record to write', colour: 'turquoise' },
  RECORDED: { text: 'Awaiting signature', colour: 'blue' },
  SIGNED: { text: 'Locked', colour: 'grey' },
};

export const AGREEMENT_COMPLIANCE_TEXT: Record<AgreementCompliance, { text: string; colour: TagColour }> = {
  NONE: { text: 'No agreement', colour: 'grey' },
  NONE_OVERDUE: { text: 'Agreement overdue', colour: 'red' },
  AWAITING_SIGNATURE: { text: 'Awaiting signature', colour: 'blue' },
  ACTIVE: { text: 'Agreed', colour: 'green' },
  REVIEW_OVERDUE: { text: 'Review overdue', colour: 'red' },
};

/** Today's date where the service works (Europe/London), as "2026-12-08". */
export function todayIso(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO 8601 period ("P28D", "P4W", "P1M") as parts; null when it cannot be read. */
export function parsePeriod(period: string | undefined | null): { months: number; days: number } | null {
  if (!period) return null;
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(period);
  if (!match || period === 'P') return null;
  const [, y, m, w, d] = match;
  return { months: Number(y ?? 0) * 12 + Number(m ?? 0), days: Number(w ?? 0) * 7 + Number(d ?? 0) };
}

/** "4 weeks", "10 days", "1 month". */
export function periodWords(period: string | undefined | null): string {
  const p = parsePeriod(period);
  if (!p) return period ?? '';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const words: string[] = [];
  if (p.months) words.push(plural(p.months, 'month'));
  if (p.days) words.push(p.days % 7 === 0 ? plural(p.days / 7, 'week') : plural(p.days, 'day'));
  return words.join(' and ') || '0 days';
}

/** A date ("2026-12-08") moved on by a period, n times. */
export function addPeriod(isoDate: string, period: string, times = 1): string {
  const p = parsePeriod(period);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!p || !match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1 + p.months * times, Number(match[3])));
  // Month arithmetic keeps the day of month where it can (31 Jan + 1 month = 28/29 Feb).
  if (p.months && date.getUTCDate() !== Number(match[3])) date.setUTCDate(0);
  date.setUTCDate(date.getUTCDate() + p.days * times);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The dates a series of count sessions falls on, the first on start. */
export function seriesDates(start: string, period: string | undefined | null, count: number): string[] {
  if (!period || !parsePeriod(period)) return [start];
  return Array.from({ length: Math.max(1, count) }, (_, i) => addPeriod(start, period, i));
}

/** A time of day "14:30" as "2:30pm"; "12:00" as "midday". */
export function localTimeText(time: string | undefined | null): string {
  if (!time) return '';
  const match = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!match) return time;
  const hour = Number(match[1]) % 24;
  const minute = match[2] as string;
  if (hour === 12 && minute === '00') return 'midday';
  if (hour === 0 && minute === '00') return 'midnight';
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const suffix = hour < 12 ? 'am' : 'pm';
  return minute === '00' ? `${h12}${suffix}` : `${h12}:${minute}${suffix}`;
}

/** Day, month and year fields to "2026-12-08", or null when they are not a real date. */
export function dateFromParts(day: string, month: string, year: string): string | null {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) return null;
  const d = Number(day), m = Number(month), y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** "14:30", "9:05", "2:30pm", "2pm" to "HH:MM"; null when it is not a time. */
export function parseTimeInput(text: string): string | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, '').replace('.', ':');
  const match = /^(\d{1,2})(?::(\d{2}))?(am|pm)?$/.exec(t);
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  const suffix = match[3];
  if (!suffix && match[2] === undefined) return null;
  if (suffix) {
    if (hour < 1 || hour > 12) return null;
    if (suffix === 'pm' && hour !== 12) hour += 12;
    if (suffix === 'am' && hour === 12) hour = 0;
  }
  if (hour > 23 || minute > 59) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

/** Still planned though its day has passed: neither held, postponed nor cancelled. */
export function isNotRecordedAsHeld(session: { status: SessionStatus; date: string }, today = todayIso()): boolean {
  return session.status === 'PLANNED' && session.date < today;
}

export const sessionHref = (id: string) => `/sessions/${encodeURIComponent(id)}`;
export const pastSessionHref = (superviseeId: string) => `/sessions/past?superviseeId=${encodeURIComponent(superviseeId)}`;
export const planHref = (superviseeId: string) => `/sessions/new?superviseeId=${encodeURIComponent(superviseeId)}`;

/** Evidence packs: months in words, progress in words, and what a pack covers. No React here, so it is tested on its own. */
import type { Schemas } from '../../api/client';

export type Pack = Schemas['EvidencePack'];
export type ScopeKind = 'DIRECTORATE' | 'SERVICE' | 'TEAM';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-11" as "November 2026". */
export function monthText(month: string): string {
  const [year, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? ''} ${year ?? ''}`.trim();
}

/** This month in the organisation's zone (Europe/London), as YYYY-MM. */
export function currentMonth(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' }).formatToParts(now);
  const year = parts.find((p) => p.type === 'year')?.value ?? String(now.getUTCFullYear());
  const month = parts.find((p) => p.type === 'month')?.value ?? String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${year}-${month}`;
}

/** A month so many months before or after another (YYYY-MM). */
export function addMonths(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = (year ?? 0) * 12 + (m ?? 1) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months a pack may cover, newest first: this month and the 35 before it. */
export function monthChoices(latest: string, count = 36): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(latest, -i));
}

/** What a pack covers, in words: "Children and Families, January 2026 to December 2026". */
export function packTitle(pack: Pack): string {
  const period = pack.from === pack.to ? monthText(pack.from) : `${monthText(pack.from)} to ${monthText(pack.to)}`;
  return `${pack.scope.name}, ${period}`;
}

/** The progress bar's words: "3 of 9 parts"; before the parts are known, that it is waiting. */
export function progressText(pack: Pack): string {
  if (pack.status === 'QUEUED' || pack.stepsTotal === 0) return 'Waiting to start';
  return `${pack.stepsDone} of ${pack.stepsTotal} ${pack.stepsTotal === 1 ? 'part' : 'parts'}`;
}

export function inProgress(pack: Pack): boolean {
  return pack.status === 'QUEUED' || pack.status === 'RUNNING';
}

export const STATUS_TEXT: Record<Pack['status'], string> = {
  QUEUED: 'Waiting',
  RUNNING: 'Being made',
  READY: 'Ready',
  FAILED: 'Could not be made',
};

/** Roles that see at least the aggregates of the directorate, so may ask for a pack (the service checks each scope). */
export function canMakeEvidencePacks(me: Schemas['Me'] | null): boolean {
  if (!me) return false;
  const roles: string[] = me.roles ?? [];
  return ['SUPERVISOR', 'SERVICE_MANAGER', 'HEAD_OF_SERVICE', 'QA_AUDITOR', 'HR', 'ADMIN', 'ELECTED_MEMBER'].some((r) => roles.includes(r));
}

/** A file's size in words: "850 bytes", "12 KB", "1.4 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Audits due and quarterly audit reports: quarters, grades, functions and statuses in words. */
import type { Schemas } from '../../api/client';
import type { TagColour } from '../../components/govuk';
import { formatDate } from '../../format';

export type AuditScheduleItem = Schemas['AuditScheduleItem'];
export type AuditReport = Schemas['AuditReport'];
export type AuditReportSummary = Schemas['AuditReportSummary'];
export type AuditReportAction = Schemas['AuditReportAction'];
export type Grade = Schemas['OverallGradeAnswer'];

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** The calendar quarter a day falls in: "2026-Q4". */
export function quarterOf(day: Date): string {
  return `${day.getFullYear()}-Q${Math.floor(day.getMonth() / 3) + 1}`;
}

/** The quarter `steps` quarters after `quarter` (negative: before). */
export function shiftQuarter(quarter: string, steps: number): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) return quarter;
  const index = Number(match[1]) * 4 + Number(match[2]) - 1 + steps;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The quarter before the one `today` falls in: the one whose reports are signed off now. */
export const previousQuarter = (today: Date = new Date()): string => shiftQuarter(quarterOf(today), -1);

export const isQuarter = (value: string | null | undefined): value is string => !!value && /^\d{4}-Q[1-4]$/.test(value);

/** "2026-Q3" as "July to September 2026". */
export function quarterText(quarter: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) return quarter;
  const first = (Number(match[2]) - 1) * 3;
  return `${MONTHS[first]} to ${MONTHS[first + 2]} ${match[1]}`;
}

/** The quarters a person picks from, newest first: the current one and the `count - 1` before it. */
export function recentQuarters(today: Date = new Date(), count = 8): string[] {
  const current = quarterOf(today);
  return Array.from({ length: count }, (_, i) => shiftQuarter(current, -i));
}

export const GRADES: Grade[] = ['OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE'];

export const GRADE_TEXT: Record<Grade, string> = {
  OUTSTANDING: 'Outstanding',
  GOOD: 'Good',
  REQUIRES_IMPROVEMENT: 'Requires improvement',
  INADEQUATE: 'Inadequate',
};

const FUNCTION_TEXT: Record<string, string> = {
  MANAGEMENT: 'Management',
  SUPPORT: 'Support',
  DEVELOPMENT: 'Development',
  MEDIATION: 'Mediation',
};

/** A question's supervision function in words ("Management"); null when the form names none (Q12). */
export function functionText(tag: string | undefined | null): string | null {
  if (!tag || !tag.trim()) return null;
  const known = FUNCTION_TEXT[tag.trim().toUpperCase()];
  if (known) return known;
  const words = tag.trim().replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A mean rating on the form's 1 (Excellent) to 5 (Poor) scale, to one decimal place: "2.3". */
export const meanText = (mean: number): string => mean.toFixed(1);

export const LOWER_IS_BETTER = 'lower is better';

export const AUDIT_DUE_TEXT: Record<Schemas['AuditDueStatus'], { text: string; colour: TagColour }> = {
  DUE: { text: 'Due', colour: 'yellow' },
  OVERDUE: { text: 'Overdue', colour: 'red' },
  IN_PROGRESS: { text: 'In progress', colour: 'blue' },
  DONE: { text: 'Done', colour: 'green' },
};

export const REPORT_STATUS_TEXT: Record<Schemas['AuditReportStatus'], { text: string; colour: TagColour }> = {
  DRAFT: { text: 'Draft', colour: 'blue' },
  SIGNED_OFF: { text: 'Signed off', colour: 'green' },
};

/** An action's progress in words: Overdue before anything else while it is open. */
export function actionProgress(action: AuditReportAction): { text: string; colour: TagColour } {
  if (action.status === 'DONE') return { text: 'Done', colour: 'green' };
  if (action.status === 'NO_LONGER_NEEDED') return { text: 'No longer needed', colour: 'grey' };
  if (action.overdue) return { text: 'Overdue', colour: 'red' };
  return { text: 'Open', colour: 'blue' };
}

/** The schedule items this card shows: the service managers' monthly and the heads of service's quarterly audits. */
export const MANAGER_KINDS: Schemas['AuditKind'][] = ['SERVICE_MANAGER_MONTHLY', 'HEAD_OF_SERVICE_QUARTERLY'];

export const auditHref = (auditId: string) => `/audits/${encodeURIComponent(auditId)}`;
export const reportHref = (serviceId: string, quarter: string) =>
  `/audit-reports/${encodeURIComponent(serviceId)}/${encodeURIComponent(quarter)}`;
export const reportsHref = (quarter: string) => `/audit-reports?quarter=${encodeURIComponent(quarter)}`;

/** The day (in the UK) an instant fell on, as "Tuesday 8 December 2026". */
export function instantDateText(instant: string | undefined | null): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return formatDate(`${part('year')}-${part('month')}-${part('day')}`);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One sentence for the grades chart: how many audits, and how many were graded below Good. */
export function gradesSummary(report: Pick<AuditReport, 'grades' | 'auditsCompleted'>): string {
  const count = (grade: Grade) => report.grades.find((g) => g.grade === grade)?.count ?? 0;
  const total = GRADES.reduce((sum, grade) => sum + count(grade), 0);
  if (total === 0) return 'No audit of this quarter has been completed yet.';
  const goodOrBetter = count('OUTSTANDING') + count('GOOD');
  const below = total - goodOrBetter;
  const most = GRADES.reduce((best, grade) => (count(grade) > count(best) ? grade : best), GRADES[0] as Grade);
  const graded = `Of ${plural(total, 'audit', 'audits')} graded, ${goodOrBetter} ${goodOrBetter === 1 ? 'was' : 'were'} Good or better and ${below} below Good`;
  return `${graded}; the most common grade was ${GRADE_TEXT[most]} (${count(most)}).`;
}

/** One sentence on the actions: how many are done, and how many are overdue. */
export function actionsSummary(actions: AuditReportAction[]): string {
  if (actions.length === 0) return 'No actions were needed from this quarter’s audits.';
  const done = actions.filter((a) => a.status === 'DONE').length;
  const overdue = actions.filter((a) => a.status === 'OPEN' && a.overdue).length;
  return `${done} of ${plural(actions.length, 'action', 'actions')} done; ${overdue} overdue.`;
}

/** Words and dates as GOV.UK style writes them: "Tuesday 8 December 2026", "2:30pm". */
import type { components } from './api/schema';

type Role = components['schemas']['Role'];
type StaffCategory = components['schemas']['StaffCategory'];
type EmploymentType = components['schemas']['EmploymentType'];

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** A local date ("2026-12-08", format: date) as "Tuesday 8 December 2026". */
export function formatDate(isoDate: string | undefined | null, { weekday = true } = {}): string {
  if (!isoDate) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (Number.isNaN(date.getTime())) return isoDate;
  const text = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return weekday ? `${WEEKDAYS[date.getUTCDay()]} ${text}` : text;
}

/** An instant (format: date-time) as the time of day in Europe/London: "2:30pm", "12pm" is "midday". */
export function formatTime(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = new Intl.DateTimeFormat('en-GB', {
    hour: 'numeric',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Europe/London',
  }).formatToParts(date);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0) % 24;
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  if (hour === 12 && minute === '00') return 'midday';
  if (hour === 0 && minute === '00') return 'midnight';
  const suffix = hour < 12 ? 'am' : 'pm';
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return minute === '00' ? `${h12}${suffix}` : `${h12}:${minute}${suffix}`;
}

export const CATEGORY_TEXT: Record<StaffCategory, string> = {
  REGISTERED_SOCIAL_WORKER: 'Registered social worker',
  NEWLY_QUALIFIED: 'Newly qualified (ASYE)',
  STUDENT: 'Student',
  UNQUALIFIED_PRACTITIONER: 'Unqualified practitioner',
  ADMINISTRATIVE: 'Administrative or domestic',
};

export const EMPLOYMENT_TEXT: Record<EmploymentType, string> = {
  PERMANENT: 'Permanent',
  TEMPORARY: 'Temporary',
  AGENCY: 'Agency',
};

export const ROLE_TEXT: Record<Role, string> = {
  PRACTITIONER: 'Practitioner',
  SUPERVISOR: 'Supervisor',
  SERVICE_MANAGER: 'Service manager',
  HEAD_OF_SERVICE: 'Head of service',
  QA_AUDITOR: 'Quality assurance auditor',
  HR: 'HR officer',
  ELECTED_MEMBER: 'Elected member',
  ADMIN: 'Administrator',
};

export const categoryText = (category: StaffCategory | undefined) => (category ? CATEGORY_TEXT[category] ?? category : '');
export const employmentText = (type: EmploymentType | undefined) => (type ? EMPLOYMENT_TEXT[type] ?? type : '');

/** The role that says most about what the person does here, in words ("Supervisor"). */
const ROLE_ORDER: Role[] = [
  'ADMIN',
  'HEAD_OF_SERVICE',
  'SERVICE_MANAGER',
  'QA_AUDITOR',
  'HR',
  'SUPERVISOR',
  'ELECTED_MEMBER',
  'PRACTITIONER',
];

export function rolesText(roles: Role[]): string {
  const sorted = [...roles].sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
  const words = sorted.map((role) => ROLE_TEXT[role] ?? role);
  if (words.length === 0) return '';
  const [first, ...rest] = words;
  return [first, ...rest.map((w) => w.toLowerCase())].join(', ');
}

/** "5 minutes", "1 minute", "30 seconds". */
export function formatWait(seconds: number): string {
  if (seconds >= 60) {
    const minutes = Math.ceil(seconds / 60);
    return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  }
  const s = Math.max(1, Math.ceil(seconds));
  return `${s} ${s === 1 ? 'second' : 'seconds'}`;
}

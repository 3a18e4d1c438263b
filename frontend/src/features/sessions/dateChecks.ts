/**
 * Checks for dates typed into a GOV.UK date input and for session start times, in the design system's
 * error wording (https://design-system.service.gov.uk/components/date-input/#error-messages).
 */
import { formatDate } from '../../format';
import type { DateParts } from './DateInput';
import { addPeriod, parseTimeInput, todayIso } from './sessions';

export interface DateCheck {
  /** The message for the error summary and the field. */
  message: string;
  /** The parts to highlight; all three when the date as a whole is wrong. */
  fields: (keyof DateParts)[];
}

const ALL: (keyof DateParts)[] = ['day', 'month', 'year'];
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const pad = (n: number) => String(n).padStart(2, '0');

/** How far ahead a date may be typed: the API refuses sessions more than two years ahead. */
export const LATEST_YEARS_AHEAD = 2;

/** The latest date that may be entered: two years from today. */
export function latestDate(today = todayIso()): string {
  return addPeriod(today, `P${LATEST_YEARS_AHEAD * 12}M`);
}

/**
 * What is wrong with a typed date, or null when it is a real date within bounds (or empty and optional).
 * `name` is how the message names the date, e.g. "the date of the next session".
 */
export function checkDate(
  value: DateParts,
  name: string,
  { required = true, latest = latestDate(), earliest }: { required?: boolean; latest?: string | null; earliest?: string } = {},
): DateCheck | null {
  const day = value.day.trim();
  const month = value.month.trim();
  const year = value.year.trim();
  if (!day && !month && !year) return required ? { message: `Enter ${name}`, fields: ALL } : null;
  const missing = ALL.filter((k) => !value[k].trim());
  if (missing.length > 0) {
    return { message: `${capital(name)} must include a ${missing.join(' and a ')}`, fields: missing };
  }
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month)) {
    return { message: `${capital(name)} must be a real date`, fields: ALL.filter((k) => k !== 'year' && !/^\d{1,2}$/.test(value[k].trim())) };
  }
  if (!/^\d{4}$/.test(year)) return { message: 'Year must include 4 numbers', fields: ['year'] };
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    const fields: (keyof DateParts)[] = m < 1 || m > 12 ? ['month'] : d < 1 || d > 31 ? ['day'] : ALL;
    return { message: `${capital(name)} must be a real date`, fields };
  }
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  if (latest && iso > latest) {
    return { message: `${capital(name)} must be the same as or before ${formatDate(latest, { weekday: false })}`, fields: ALL };
  }
  if (earliest && iso < earliest) {
    return { message: `${capital(name)} must be the same as or after ${formatDate(earliest, { weekday: false })}`, fields: ALL };
  }
  return null;
}

/** Working hours for supervision: a start before 7am or from 9pm is most likely a typing slip. */
export const WORKING_DAY = { from: '07:00', to: '21:00' };

/** A warning (not an error) when a start time falls outside working hours; null otherwise or when it is not a time. */
export function startTimeWarning(text: string): string | null {
  const time = parseTimeInput(text);
  if (!time || (time >= WORKING_DAY.from && time < WORKING_DAY.to)) return null;
  const [h, m] = time.split(':').map(Number) as [number, number];
  const hour = h % 12 === 0 ? 12 : h % 12;
  const words = time === '00:00' ? 'midnight' : `${hour}${m ? `:${pad(m)}` : ''}${h < 12 ? 'am' : 'pm'}`;
  return `This session would start at ${words}, outside working hours (7am to 9pm). Check the time before you save.`;
}

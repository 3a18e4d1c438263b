/**
 * What the two forms that book sessions share (plan sessions, record a past session): the checks of a
 * session's date, start time, length and place in GOV.UK error wording, and the booking itself.
 */
import { useRef, useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { call, newIdempotencyKey } from '../agreements/agreements';
import type { DateParts } from './DateInput';
import { formErrors, problemErrors, type FormErrors } from './problemErrors';
import { dateFromParts, parseTimeInput } from './sessions';

/** The forms' one date input (the error summary links to its day field). */
export const DATE_FIELDS = ['date'];

export const blankDate: DateParts = { day: '', month: '', year: '' };

/** A whole number typed into a field, else NaN. */
export const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The messages that apply, by field (a field whose check passed has none). */
export function errorsOf(checks: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(checks).filter((entry): entry is [string, string] => !!entry[1]));
}

/**
 * A session's date: entered and real, then within the form's own bounds (`outOfRange` of the ISO date).
 * `name` is how the messages name it, e.g. "the date of the first session".
 */
export function checkSessionDate(parts: DateParts, name: string, outOfRange: (date: string) => string | undefined): string | undefined {
  const { day, month, year } = parts;
  if (!day.trim() && !month.trim() && !year.trim()) return `Enter ${name}`;
  const date = dateFromParts(day, month, year);
  if (!date) return `${capital(name)} must be a real date`;
  return outOfRange(date);
}

/** A start time like 14:30 or 2:30pm; `name` as in "the start time". */
export function checkStartTime(text: string, name: string): string | undefined {
  if (!text.trim()) return `Enter ${name}`;
  if (!parseTimeInput(text)) return `Enter ${name} like 14:30 or 2:30pm`;
  return undefined;
}

/** A length in whole minutes from `min` to `max`. */
export function checkMinutes(text: string, min: number, max: number, messages: { missing: string; outOfRange: string }): string | undefined {
  if (!text.trim()) return messages.missing;
  const minutes = whole(text);
  return minutes >= min && minutes <= max ? undefined : messages.outOfRange;
}

/** How long a held session lasted, in the same words wherever it is entered. */
export const HELD_MINUTES = {
  missing: 'Enter how long the session lasted, in minutes',
  outOfRange: 'How long it lasted must be between 1 and 480 minutes',
};

/** Where the session is: entered, 300 characters at most; `where` as in "where the session takes place". */
export function checkLocation(text: string, where: string): string | undefined {
  if (!text.trim()) return `Enter ${where}`;
  if (text.length > 300) return `${capital(where)} must be 300 characters or fewer`;
  return undefined;
}

/** The keys of a form's text fields. */
type TextKey<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F] & string;

/** For a form's text field: the Input's id (the key unless named), value, change handler and error. */
export function textFields<F>(form: F, setForm: (form: F) => void, errors: FormErrors | null) {
  return (key: TextKey<F>, id: string = key) => ({
    id,
    value: form[key] as string,
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value }),
    error: errors?.byField[id],
  });
}

/** Who, when and where from a form's fields, as the booking sends them (the form's checks have passed). */
export const whoWhenWhere = (superviseeId: string, form: { date: DateParts; startTime: string; location: string }) => ({
  superviseeIds: [superviseeId],
  date: dateFromParts(form.date.day, form.date.month, form.date.year) as string,
  startTime: parseTimeInput(form.startTime) as string,
  location: form.location.trim(),
});

/**
 * Booking from a form: its own checks first, then one POST /sessions, its errors on the form's fields
 * (`fields` in the form's order). One key per form: a retry or a double tap never books twice.
 */
export function useBooking(fields: string[]) {
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [sending, setSending] = useState(false);
  const idempotencyKey = useRef(newIdempotencyKey());

  const submit = async (
    event: FormEvent,
    { check, body, booked }: { check: () => Record<string, string>; body: () => Schemas['SessionPlan']; booked: (sessions: Schemas['Session'][]) => void },
  ) => {
    event.preventDefault();
    if (sending) return;
    const invalid = check();
    if (Object.keys(invalid).length > 0) {
      setErrors(formErrors(invalid, fields, DATE_FIELDS));
      return;
    }
    setSending(true);
    const result = await call(api.POST('/api/v1/sessions', { params: { header: { 'Idempotency-Key': idempotencyKey.current } }, body: body() }));
    setSending(false);
    if (result.ok) {
      setErrors(null);
      booked(result.data.items);
    } else {
      setErrors(problemErrors(result.problem, fields, DATE_FIELDS));
    }
  };
  return { errors, sending, submit };
}

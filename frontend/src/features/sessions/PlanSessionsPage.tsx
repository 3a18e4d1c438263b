import { useRef, useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Loading } from '../../components/app/ProblemMessage';
import { BackLink, Button, ErrorSummary, Input, WarningText } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useMe } from '../auth/AuthContext';
import { call, newIdempotencyKey } from '../agreements/agreements';
import { DateInput, type DateParts } from './DateInput';
import { checkDate, latestDate, startTimeWarning } from './dateChecks';
import { formErrors, problemErrors, type FormErrors } from './problemErrors';
import { dateFromParts, localTimeText, parseTimeInput, pastSessionHref, periodWords, sessionHref, todayIso } from './sessions';

const FIELDS = ['date', 'startTime', 'plannedMinutes', 'location', 'count'];
const DATE_FIELDS = ['date'];

export interface PlanForm {
  date: DateParts;
  startTime: string;
  plannedMinutes: string;
  location: string;
  count: string;
}

const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

/** The plan form's checks, in GOV.UK error wording. */
export function validatePlan(form: PlanForm, today = todayIso()): Record<string, string> {
  const errors: Record<string, string> = {};
  const { day, month, year } = form.date;
  if (!day.trim() && !month.trim() && !year.trim()) errors.date = 'Enter the date of the first session';
  else {
    const date = dateFromParts(day, month, year);
    if (!date) errors.date = 'The date of the first session must be a real date';
    // Sessions that already happened have their own path (record a past session), linked on this page.
    else if (date < today) errors.date = 'The date of the first session must be today or in the future. To enter one that already happened, record a past session';
    else if (date > latestDate(today)) errors.date = checkDate(form.date, 'the date of the first session', { latest: latestDate(today) })?.message ?? '';
  }
  if (!form.startTime.trim()) errors.startTime = 'Enter the start time';
  else if (!parseTimeInput(form.startTime)) errors.startTime = 'Enter the start time like 14:30 or 2:30pm';
  const minutes = whole(form.plannedMinutes);
  if (!form.plannedMinutes.trim()) errors.plannedMinutes = 'Enter how long the session is planned to last, in minutes';
  else if (!(minutes >= 15 && minutes <= 480)) errors.plannedMinutes = 'The planned length must be between 15 and 480 minutes';
  if (!form.location.trim()) errors.location = 'Enter where the session takes place';
  else if (form.location.length > 300) errors.location = 'Where the session takes place must be 300 characters or fewer';
  const count = whole(form.count);
  if (!(count >= 1 && count <= 12)) errors.count = 'How many sessions to book must be a whole number between 1 and 12';
  return errors;
}

function Booked({ sessions, name }: { sessions: Schemas['Session'][]; name: string }) {
  return (
    <>
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title">{sessions.length === 1 ? 'Session booked' : `${sessions.length} sessions booked`}</h1>
        <div className="govuk-panel__body">with {name}</div>
      </div>
      <h2 className="govuk-heading-m">Booked dates</h2>
      <ul className="govuk-list govuk-list--bullet" data-testid="booked-dates">
        {sessions.map((s) => (
          <li key={s.id}>
            <Link className="govuk-link app-touch-link" href={sessionHref(s.id)}>
              {formatDate(s.date)} at {localTimeText(s.startTime)}
            </Link>
            , {s.location}
          </li>
        ))}
      </ul>
      <p className="govuk-body">
        <Link className="govuk-link" href="/">
          Back to My supervision
        </Link>
      </p>
    </>
  );
}

function exampleDate(): string {
  const [y, m, d] = todayIso().split('-');
  return `${Number(d)} ${Number(m)} ${y}`;
}

export function PlanSessionsPage({ superviseeId }: { superviseeId: string }) {
  const me = useMe();
  const supervisee = me?.supervisees.find((s) => s.id === superviseeId);
  const name = supervisee?.displayName ?? 'this person';
  const schedule = useQuery(
    (signal) =>
      superviseeId
        ? settle(api.GET('/api/v1/staff/{staffId}/schedule', { params: { path: { staffId: superviseeId } }, signal }))
        : Promise.resolve({ state: 'error' as const, problem: { type: 'about:blank', title: 'No supervisee', status: 404 } }),
    [superviseeId],
  );
  const [form, setForm] = useState<PlanForm>({
    date: { day: '', month: '', year: '' },
    startTime: '',
    plannedMinutes: '90',
    location: '',
    count: '1',
  });
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [sending, setSending] = useState(false);
  const [booked, setBooked] = useState<Schemas['Session'][] | null>(null);
  const firstDate = dateFromParts(form.date.day, form.date.month, form.date.year);
  const count = whole(form.count);
  const previewing = !!superviseeId && !!firstDate && firstDate >= todayIso() && count >= 1 && count <= 12;
  const preview = useQuery(
    (signal) =>
      previewing
        ? settle(
            api.GET('/api/v1/staff/{staffId}/session-dates', {
              params: { path: { staffId: superviseeId }, query: { first: firstDate as string, count } },
              signal,
            }),
          )
        : Promise.resolve({ state: 'loading' as const }),
    [superviseeId, firstDate, count, previewing],
  );
  // One key per form: sending again (a retry, a double tap) never books twice.
  const idempotencyKey = useRef(newIdempotencyKey());
  usePageTitle(booked ? (booked.length === 1 ? 'Session booked' : 'Sessions booked') : 'Plan supervision sessions', !!errors && !booked);

  if (booked) return <Booked sessions={booked} name={name} />;

  const interval = schedule.state === 'ok' ? schedule.data.interval : undefined;
  const countHint = (() => {
    const every = interval ? `Sessions are booked at ${name}’s interval, now ${periodWords(interval)}.` : 'Up to 12 sessions.';
    // The server's dates: the booking books exactly these (the interval in force on each date).
    if (preview.state !== 'ok' || !previewing) return every;
    return `${every} This will book: ${preview.data.items.map((d) => formatDate(d.date)).join('; ')}.`;
  })();

  const set = (key: keyof PlanForm) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const invalid = validatePlan(form);
    if (Object.keys(invalid).length > 0) {
      setErrors(formErrors(invalid, FIELDS, DATE_FIELDS));
      return;
    }
    setSending(true);
    const result = await call(
      api.POST('/api/v1/sessions', {
        params: { header: { 'Idempotency-Key': idempotencyKey.current } },
        body: {
          superviseeIds: [superviseeId],
          date: firstDate as string,
          startTime: parseTimeInput(form.startTime) as string,
          plannedMinutes: whole(form.plannedMinutes),
          location: form.location.trim(),
          count: whole(form.count),
        },
      }),
    );
    setSending(false);
    if (result.ok) {
      setErrors(null);
      setBooked(result.data.items);
    } else {
      setErrors(problemErrors(result.problem, FIELDS, DATE_FIELDS));
    }
  };

  return (
    <>
      <BackLink href="/">Back to My supervision</BackLink>
      {errors && <ErrorSummary errors={errors.summary} />}
      <span className="govuk-caption-l">{name}</span>
      <h1 className="govuk-heading-l">Plan supervision sessions</h1>
      {schedule.state === 'loading' && <Loading what="Loading their schedule…" />}
      {schedule.state === 'ok' && schedule.data.nextDue && (
        <p className="govuk-body" data-testid="plan-next-due">
          Next supervision is due by {formatDate(schedule.data.nextDue)}.
        </p>
      )}
      <p className="govuk-body">
        Entering a session that already happened?{' '}
        <Link className="govuk-link" href={pastSessionHref(superviseeId)} data-testid="record-past-link">
          Record a past session
        </Link>
      </p>
      <form noValidate onSubmit={onSubmit}>
        <DateInput
          id="date"
          legend="Date of the first session"
          hint={`For example, ${exampleDate()}`}
          error={errors?.byField.date}
          value={form.date}
          onChange={(date) => setForm({ ...form, date })}
        />
        <Input
          id="startTime"
          label="Start time"
          hint="For example, 14:30 or 2:30pm"
          className="govuk-input--width-5"
          value={form.startTime}
          onChange={set('startTime')}
          error={errors?.byField.startTime}
        />
        {startTimeWarning(form.startTime) && <WarningText testId="start-time-warning">{startTimeWarning(form.startTime)}</WarningText>}
        <Input
          id="plannedMinutes"
          label="Planned length, in minutes"
          className="govuk-input--width-3"
          inputMode="numeric"
          value={form.plannedMinutes}
          onChange={set('plannedMinutes')}
          error={errors?.byField.plannedMinutes}
        />
        <Input
          id="location"
          label="Where the session takes place"
          className="govuk-!-width-two-thirds"
          value={form.location}
          onChange={set('location')}
          error={errors?.byField.location}
        />
        <Input
          id="count"
          label="How many sessions to book"
          hint={<span data-testid="count-hint">{countHint}</span>}
          className="govuk-input--width-2"
          inputMode="numeric"
          value={form.count}
          onChange={set('count')}
          error={errors?.byField.count}
        />
        <Button preventDoubleClick disabled={sending}>
          {sending ? 'Booking…' : 'Book sessions'}
        </Button>
      </form>
    </>
  );
}

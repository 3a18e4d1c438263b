import { useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Loading } from '../../components/app/ProblemMessage';
import { BackLink, Button, ErrorSummary, Input, WarningText } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useMe } from '../auth/AuthContext';
import { DateInput, type DateParts } from './DateInput';
import { checkDate, latestDate, startTimeWarning } from './dateChecks';
import { blankDate, checkLocation, checkMinutes, checkSessionDate, checkStartTime, errorsOf, textFields, useBooking, whole, whoWhenWhere } from './sessionForm';
import { dateFromParts, localTimeText, pastSessionHref, periodWords, sessionHref, todayIso } from './sessions';

const FIELDS = ['date', 'startTime', 'plannedMinutes', 'location', 'count'];

export interface PlanForm {
  date: DateParts;
  startTime: string;
  plannedMinutes: string;
  location: string;
  count: string;
}

/** The plan form's checks, in GOV.UK error wording. */
export function validatePlan(form: PlanForm, today = todayIso()): Record<string, string> {
  const count = whole(form.count);
  return errorsOf({
    date: checkSessionDate(form.date, 'the date of the first session', (date) => {
      // Sessions that already happened have their own path (record a past session), linked on this page.
      if (date < today) return 'The date of the first session must be today or in the future. To enter one that already happened, record a past session';
      if (date > latestDate(today)) return checkDate(form.date, 'the date of the first session', { latest: latestDate(today) })?.message;
      return undefined;
    }),
    startTime: checkStartTime(form.startTime, 'the start time'),
    plannedMinutes: checkMinutes(form.plannedMinutes, 15, 480, {
      missing: 'Enter how long the session is planned to last, in minutes',
      outOfRange: 'The planned length must be between 15 and 480 minutes',
    }),
    location: checkLocation(form.location, 'where the session takes place'),
    count: count >= 1 && count <= 12 ? undefined : 'How many sessions to book must be a whole number between 1 and 12',
  });
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
    date: blankDate,
    startTime: '',
    plannedMinutes: '90',
    location: '',
    count: '1',
  });
  const { errors, sending, submit } = useBooking(FIELDS);
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
  usePageTitle(booked ? (booked.length === 1 ? 'Session booked' : 'Sessions booked') : 'Plan supervision sessions', !!errors && !booked);

  if (booked) return <Booked sessions={booked} name={name} />;

  const interval = schedule.state === 'ok' ? schedule.data.interval : undefined;
  const countHint = (() => {
    const every = interval ? `Sessions are booked at ${name}’s interval, now ${periodWords(interval)}.` : 'Up to 12 sessions.';
    // The server's dates: the booking books exactly these (the interval in force on each date).
    if (preview.state !== 'ok' || !previewing) return every;
    return `${every} This will book: ${preview.data.items.map((d) => formatDate(d.date)).join('; ')}.`;
  })();

  const field = textFields(form, setForm, errors);

  const onSubmit = (event: FormEvent) =>
    submit(event, {
      check: () => validatePlan(form),
      body: () => ({
        ...whoWhenWhere(superviseeId, form),
        plannedMinutes: whole(form.plannedMinutes),
        count: whole(form.count),
      }),
      booked: setBooked,
    });

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
        <Input label="Start time" hint="For example, 14:30 or 2:30pm" className="govuk-input--width-5" {...field('startTime')} />
        {startTimeWarning(form.startTime) && <WarningText testId="start-time-warning">{startTimeWarning(form.startTime)}</WarningText>}
        <Input label="Planned length, in minutes" className="govuk-input--width-3" inputMode="numeric" {...field('plannedMinutes')} />
        <Input label="Where the session takes place" className="govuk-!-width-two-thirds" {...field('location')} />
        <Input
          label="How many sessions to book"
          hint={<span data-testid="count-hint">{countHint}</span>}
          className="govuk-input--width-2"
          inputMode="numeric"
          {...field('count')}
        />
        <Button preventDoubleClick disabled={sending}>
          {sending ? 'Booking…' : 'Book sessions'}
        </Button>
      </form>
    </>
  );
}

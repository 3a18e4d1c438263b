import { useState, type FormEvent } from 'react';
import { BackLink, Button, ErrorSummary, Input, NotificationBanner } from '../../components/govuk';
import { Link, useNavigate } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useMe } from '../auth/AuthContext';
import { DateInput, type DateParts } from './DateInput';
import { HELD_MINUTES, blankDate, checkLocation, checkMinutes, checkSessionDate, checkStartTime, errorsOf, textFields, useBooking, whole, whoWhenWhere } from './sessionForm';
import { planHref, sessionHref, todayIso } from './sessions';

// Field ids follow the API's pointers (/held/actualMinutes -> held-actualMinutes) so its errors land on them.
const FIELDS = ['date', 'startTime', 'held-actualMinutes', 'location', 'held-interruptedBy'];

export interface PastForm {
  date: DateParts;
  startTime: string;
  actualMinutes: string;
  location: string;
  interruptedBy: string;
}

/** The checks of a session that already happened, in GOV.UK error wording: a real date, today at the latest. */
export function validatePast(form: PastForm, today = todayIso()): Record<string, string> {
  return errorsOf({
    date: checkSessionDate(form.date, 'the date the session took place', (date) =>
      date > today ? 'The date the session took place must be today or in the past' : undefined,
    ),
    startTime: checkStartTime(form.startTime, 'the time it started'),
    'held-actualMinutes': checkMinutes(form.actualMinutes, 1, 480, HELD_MINUTES),
    location: checkLocation(form.location, 'where the session took place'),
    'held-interruptedBy': form.interruptedBy.length > 300 ? 'Who interrupted it must be 300 characters or fewer' : undefined,
  });
}

/**
 * Entering history from paper files: one session that already happened, recorded as held under the supervisor
 * of the time in one step, then straight on to writing its record.
 */
export function RecordPastSessionPage({ superviseeId }: { superviseeId: string }) {
  const me = useMe();
  const navigate = useNavigate();
  const name = me?.supervisees.find((s) => s.id === superviseeId)?.displayName ?? 'this person';
  const [form, setForm] = useState<PastForm>({
    date: blankDate,
    startTime: '',
    actualMinutes: '90',
    location: '',
    interruptedBy: '',
  });
  const { errors, sending, submit } = useBooking(FIELDS);
  // Recorded under a former supervisor: only they and the supervisee can write its record, so it is not opened here.
  const [recordedWith, setRecordedWith] = useState<{ id: string; supervisor: string } | null>(null);
  usePageTitle('Record a past session', !!errors);

  const field = textFields(form, setForm, errors);

  const onSubmit = (event: FormEvent) =>
    submit(event, {
      check: () => validatePast(form),
      body: () => ({
        ...whoWhenWhere(superviseeId, form),
        plannedMinutes: Math.max(15, Math.min(480, whole(form.actualMinutes))),
        count: 1,
        held: {
          actualMinutes: whole(form.actualMinutes),
          ...(form.interruptedBy.trim() ? { interruptedBy: form.interruptedBy.trim() } : {}),
        },
      }),
      booked: ([created]) => {
        if (!created) return;
        if (created.supervisor.id !== me?.staff?.id) setRecordedWith({ id: created.id, supervisor: created.supervisor.displayName });
        else navigate(`${sessionHref(created.id)}/record`);
      },
    });

  if (recordedWith) {
    return (
      <>
        <BackLink href={planHref(superviseeId)}>Back to planning sessions</BackLink>
        <span className="govuk-caption-l">{name}</span>
        <h1 className="govuk-heading-l">Record a past session</h1>
        <NotificationBanner type="success" title="Recorded" heading={`Session recorded as held with ${recordedWith.supervisor}`}>
          <p className="govuk-body">
            {recordedWith.supervisor} supervised {name} on that date, so {recordedWith.supervisor} and {name} write and sign its
            record. You can see the session but not write its record.
          </p>
          <p className="govuk-body">
            <Link className="govuk-notification-banner__link" href={sessionHref(recordedWith.id)}>
              View the session
            </Link>
          </p>
        </NotificationBanner>
      </>
    );
  }

  return (
    <>
      <BackLink href={planHref(superviseeId)}>Back to planning sessions</BackLink>
      {errors && <ErrorSummary errors={errors.summary} />}
      <span className="govuk-caption-l">{name}</span>
      <h1 className="govuk-heading-l">Record a past session</h1>
      <p className="govuk-body">
        For a session that already happened, for example from a paper file. It is recorded as held under the person who
        supervised {name} on that date; you then write and sign its record.
      </p>
      <p className="govuk-body">
        If someone else supervised {name} on that date, the session is recorded with them, and they and {name} write and
        sign its record.
      </p>
      <form noValidate onSubmit={onSubmit}>
        <DateInput
          id="date"
          legend="Date the session took place"
          hint="For example, 27 3 2026"
          error={errors?.byField.date}
          value={form.date}
          onChange={(date) => setForm({ ...form, date })}
        />
        <Input label="Time it started" hint="For example, 14:30 or 2:30pm" className="govuk-input--width-5" {...field('startTime')} />
        <Input
          label="How long it lasted, in minutes"
          className="govuk-input--width-3"
          inputMode="numeric"
          {...field('actualMinutes', 'held-actualMinutes')}
        />
        <Input label="Where it took place" className="govuk-!-width-two-thirds" {...field('location')} />
        <Input
          label="Interrupted by"
          optional
          hint="Who or what cut the session short, if anything"
          {...field('interruptedBy', 'held-interruptedBy')}
        />
        <Button preventDoubleClick disabled={sending}>
          {sending ? 'Recording…' : 'Record as held and write the record'}
        </Button>
      </form>
    </>
  );
}

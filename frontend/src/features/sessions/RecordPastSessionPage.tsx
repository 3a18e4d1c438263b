import { useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { BackLink, Button, ErrorSummary, Input, NotificationBanner } from '../../components/govuk';
import { Link, useNavigate } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useMe } from '../auth/AuthContext';
import { call, newIdempotencyKey } from '../agreements/agreements';
import { DateInput, type DateParts } from './DateInput';
import { formErrors, problemErrors, type FormErrors } from './problemErrors';
import { dateFromParts, parseTimeInput, planHref, sessionHref, todayIso } from './sessions';

// Field ids follow the API's pointers (/held/actualMinutes -> held-actualMinutes) so its errors land on them.
const FIELDS = ['date', 'startTime', 'held-actualMinutes', 'location', 'held-interruptedBy'];
const DATE_FIELDS = ['date'];

export interface PastForm {
  date: DateParts;
  startTime: string;
  actualMinutes: string;
  location: string;
  interruptedBy: string;
}

const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

/** The checks of a session that already happened, in GOV.UK error wording: a real date, today at the latest. */
export function validatePast(form: PastForm, today = todayIso()): Record<string, string> {
  const errors: Record<string, string> = {};
  const { day, month, year } = form.date;
  if (!day.trim() && !month.trim() && !year.trim()) errors.date = 'Enter the date the session took place';
  else {
    const date = dateFromParts(day, month, year);
    if (!date) errors.date = 'The date the session took place must be a real date';
    else if (date > today) errors.date = 'The date the session took place must be today or in the past';
  }
  if (!form.startTime.trim()) errors.startTime = 'Enter the time it started';
  else if (!parseTimeInput(form.startTime)) errors.startTime = 'Enter the time it started like 14:30 or 2:30pm';
  const minutes = whole(form.actualMinutes);
  if (!form.actualMinutes.trim()) errors['held-actualMinutes'] = 'Enter how long the session lasted, in minutes';
  else if (!(minutes >= 1 && minutes <= 480)) errors['held-actualMinutes'] = 'How long it lasted must be between 1 and 480 minutes';
  if (!form.location.trim()) errors.location = 'Enter where the session took place';
  else if (form.location.length > 300) errors.location = 'Where the session took place must be 300 characters or fewer';
  if (form.interruptedBy.length > 300) errors['held-interruptedBy'] = 'Who interrupted it must be 300 characters or fewer';
  return errors;
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
    date: { day: '', month: '', year: '' },
    startTime: '',
    actualMinutes: '90',
    location: '',
    interruptedBy: '',
  });
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [sending, setSending] = useState(false);
  // Recorded under a former supervisor: only they and the supervisee can write its record, so it is not opened here.
  const [recordedWith, setRecordedWith] = useState<{ id: string; supervisor: string } | null>(null);
  // One key per form: a retry or a double tap never records the session twice.
  const idempotencyKey = useRef(newIdempotencyKey());
  usePageTitle('Record a past session', !!errors);

  const set = (key: 'startTime' | 'actualMinutes' | 'location' | 'interruptedBy') => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const invalid = validatePast(form);
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
          date: dateFromParts(form.date.day, form.date.month, form.date.year) as string,
          startTime: parseTimeInput(form.startTime) as string,
          plannedMinutes: Math.max(15, Math.min(480, whole(form.actualMinutes))),
          location: form.location.trim(),
          count: 1,
          held: {
            actualMinutes: whole(form.actualMinutes),
            ...(form.interruptedBy.trim() ? { interruptedBy: form.interruptedBy.trim() } : {}),
          },
        },
      }),
    );
    setSending(false);
    const created = result.ok ? result.data.items[0] : undefined;
    if (created && created.supervisor.id !== me?.staff?.id) {
      setErrors(null);
      setRecordedWith({ id: created.id, supervisor: created.supervisor.displayName });
    } else if (created) {
      navigate(`${sessionHref(created.id)}/record`);
    } else if (!result.ok) {
      setErrors(problemErrors(result.problem, FIELDS, DATE_FIELDS));
    }
  };

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
        <Input
          id="startTime"
          label="Time it started"
          hint="For example, 14:30 or 2:30pm"
          className="govuk-input--width-5"
          value={form.startTime}
          onChange={set('startTime')}
          error={errors?.byField.startTime}
        />
        <Input
          id="held-actualMinutes"
          label="How long it lasted, in minutes"
          className="govuk-input--width-3"
          inputMode="numeric"
          value={form.actualMinutes}
          onChange={set('actualMinutes')}
          error={errors?.byField['held-actualMinutes']}
        />
        <Input
          id="location"
          label="Where it took place"
          className="govuk-!-width-two-thirds"
          value={form.location}
          onChange={set('location')}
          error={errors?.byField.location}
        />
        <Input
          id="held-interruptedBy"
          label="Interrupted by"
          optional
          hint="Who or what cut the session short, if anything"
          value={form.interruptedBy}
          onChange={set('interruptedBy')}
          error={errors?.byField['held-interruptedBy']}
        />
        <Button preventDoubleClick disabled={sending}>
          {sending ? 'Recording…' : 'Record as held and write the record'}
        </Button>
      </form>
    </>
  );
}

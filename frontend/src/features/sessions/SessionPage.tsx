import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, type Problem } from '../../api/client';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { ShortSessionWarning } from './ShortSessions';
import {
  BackLink,
  Button,
  ErrorSummary,
  Input,
  NotificationBanner,
  Radios,
  SummaryList,
  Textarea,
  WarningText,
} from '../../components/govuk';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useMe } from '../auth/AuthContext';
import { call, type Result } from '../agreements/agreements';
import { DateInput, type DateParts } from './DateInput';
import { SessionStatusTag } from './StatusTags';
import { latestDate, startTimeWarning } from './dateChecks';
import { formErrors, problemErrors, type FormErrors } from './problemErrors';
import { HELD_MINUTES, blankDate, checkMinutes, whole } from './sessionForm';
import { dateFromParts, isNotRecordedAsHeld, localTimeText, parseTimeInput, sessionHref, todayIso, type Session } from './sessions';

type Action = 'held' | 'reschedule' | 'postpone' | 'cancel';

const ACTION_FIELDS: Record<Action, string[]> = {
  held: ['actualMinutes', 'interruptedBy'],
  reschedule: ['date', 'startTime', 'reason'],
  postpone: ['reason'],
  cancel: ['cancelledBy', 'reason', 'rebookDate', 'rebookTime'],
};
const DATE_FIELDS = ['date', 'rebookDate'];

const DONE_TEXT: Record<Action, string> = {
  held: 'Session recorded as held',
  reschedule: 'Session rescheduled',
  postpone: 'Session postponed',
  cancel: 'Session cancelled',
};

const ACTION_TEXT: Record<Action, string> = {
  held: 'Record as held',
  reschedule: 'Reschedule',
  postpone: 'Postpone',
  cancel: 'Cancel session',
};

interface Fields {
  actualMinutes: string;
  interruptedBy: string;
  date: DateParts;
  startTime: string;
  reason: string;
  cancelledBy: '' | 'SUPERVISOR' | 'SUPERVISEE';
  rebookDate: DateParts;
  rebookTime: string;
}

const emptyDate = (d: DateParts) => !d.day.trim() && !d.month.trim() && !d.year.trim();

/** Which actions the session's status allows today. */
export function actionsFor(session: Session, today = todayIso()): Action[] {
  const open = session.status === 'PLANNED' || session.status === 'POSTPONED';
  if (!open) return [];
  const actions: Action[] = [];
  if (session.date <= today) actions.push('held');
  actions.push('reschedule');
  if (session.status === 'PLANNED') actions.push('postpone');
  actions.push('cancel');
  return actions;
}

const tooLate = (name: string) => `${name} must be the same as or before ${formatDate(latestDate(), { weekday: false })}`;

function validate(action: Action, f: Fields): Record<string, string> {
  const errors: Record<string, string> = {};
  if (action === 'held') {
    const minutes = checkMinutes(f.actualMinutes, 1, 480, HELD_MINUTES);
    if (minutes) errors.actualMinutes = minutes;
  }
  if (action === 'reschedule') {
    if (emptyDate(f.date)) errors.date = 'Enter the new date';
    else if (!dateFromParts(f.date.day, f.date.month, f.date.year)) errors.date = 'The new date must be a real date';
    else if ((dateFromParts(f.date.day, f.date.month, f.date.year) as string) > latestDate()) errors.date = tooLate('The new date');
    if (!f.startTime.trim()) errors.startTime = 'Enter the new start time';
    else if (!parseTimeInput(f.startTime)) errors.startTime = 'Enter the start time like 14:30 or 2:30pm';
  }
  if (action === 'postpone' && !f.reason.trim()) errors.reason = 'Enter why the session is postponed';
  if (action === 'cancel') {
    if (!f.cancelledBy) errors.cancelledBy = 'Select who cancelled the session';
    if (!f.reason.trim()) errors.reason = 'Enter why the session was cancelled';
    if (!emptyDate(f.rebookDate) && !dateFromParts(f.rebookDate.day, f.rebookDate.month, f.rebookDate.year)) {
      errors.rebookDate = 'The date of the replacement session must be a real date';
    }
    else if (!emptyDate(f.rebookDate) && (dateFromParts(f.rebookDate.day, f.rebookDate.month, f.rebookDate.year) as string) > latestDate()) {
      errors.rebookDate = tooLate('The date of the replacement session');
    }
    if (f.rebookTime.trim() && !parseTimeInput(f.rebookTime)) errors.rebookTime = 'Enter the time like 14:30 or 2:30pm';
    if (f.rebookTime.trim() && emptyDate(f.rebookDate)) errors.rebookDate = 'Enter the date of the replacement session';
  }
  return errors;
}

function send(action: Action, id: string, etag: string, f: Fields): Promise<Result<Session>> {
  const params = { path: { sessionId: id }, header: { 'If-Match': etag } };
  switch (action) {
    case 'held':
      return call(
        api.POST('/api/v1/sessions/{sessionId}/held', {
          params,
          body: { actualMinutes: whole(f.actualMinutes), ...(f.interruptedBy.trim() ? { interruptedBy: f.interruptedBy.trim() } : {}) },
        }),
      );
    case 'reschedule':
      return call(
        api.POST('/api/v1/sessions/{sessionId}/rescheduling', {
          params,
          body: {
            date: dateFromParts(f.date.day, f.date.month, f.date.year) as string,
            startTime: parseTimeInput(f.startTime) as string,
            ...(f.reason.trim() ? { reason: f.reason.trim() } : {}),
          },
        }),
      );
    case 'postpone':
      return call(api.POST('/api/v1/sessions/{sessionId}/postponement', { params, body: { reason: f.reason.trim() } }));
    case 'cancel': {
      const rebookDate = emptyDate(f.rebookDate) ? null : dateFromParts(f.rebookDate.day, f.rebookDate.month, f.rebookDate.year);
      const rebookTime = f.rebookTime.trim() ? parseTimeInput(f.rebookTime) : null;
      return call(
        api.POST('/api/v1/sessions/{sessionId}/cancellation', {
          params,
          body: {
            cancelledBy: f.cancelledBy as 'SUPERVISOR' | 'SUPERVISEE',
            reason: f.reason.trim(),
            ...(rebookDate ? { rebookDate } : {}),
            ...(rebookTime ? { rebookTime } : {}),
          },
        }),
      );
    }
  }
}

function ActionForm({
  action,
  session,
  etag,
  onDone,
  onCancel,
  onErrors,
}: {
  action: Action;
  session: Session;
  etag: string;
  onDone: (action: Action) => void;
  onCancel: () => void;
  onErrors: (errors: FormErrors | null) => void;
}) {
  const [f, setF] = useState<Fields>({
    actualMinutes: String(session.plannedMinutes),
    interruptedBy: '',
    date: blankDate,
    startTime: '',
    reason: '',
    cancelledBy: '',
    rebookDate: blankDate,
    rebookTime: '',
  });
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [sending, setSending] = useState(false);
  useEffect(() => onErrors(errors), [errors, onErrors]);
  const order = ACTION_FIELDS[action];
  const text = (key: 'actualMinutes' | 'interruptedBy' | 'startTime' | 'rebookTime') => ({
    value: f[key],
    onChange: (event: { target: { value: string } }) => setF({ ...f, [key]: event.target.value }),
    error: errors?.byField[key],
  });
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const invalid = validate(action, f);
    if (Object.keys(invalid).length > 0) return setErrors(formErrors(invalid, order, DATE_FIELDS));
    setSending(true);
    const result = await send(action, session.id, etag, f);
    setSending(false);
    if (result.ok) onDone(action);
    else setErrors(problemErrors(result.problem, order, DATE_FIELDS));
  };
  let fields: ReactNode;
  if (action === 'held') {
    fields = (
      <>
        <Input id="actualMinutes" label="How long it lasted, in minutes" className="govuk-input--width-3" inputMode="numeric" {...text('actualMinutes')} />
        <Input id="interruptedBy" label="Interrupted by" optional hint="Who or what cut the session short, if anything" {...text('interruptedBy')} />
      </>
    );
  } else if (action === 'reschedule') {
    fields = (
      <>
        <DateInput id="date" legend="New date" value={f.date} error={errors?.byField.date} onChange={(date) => setF({ ...f, date })} />
        <Input id="startTime" label="New start time" hint="For example, 14:30 or 2:30pm" className="govuk-input--width-5" {...text('startTime')} />
        {startTimeWarning(f.startTime) && <WarningText testId="start-time-warning">{startTimeWarning(f.startTime)}</WarningText>}
        <Textarea id="reason" label="Reason (optional)" rows={3} value={f.reason} error={errors?.byField.reason} onChange={(e) => setF({ ...f, reason: e.target.value })} />
      </>
    );
  } else if (action === 'postpone') {
    fields = (
      <Textarea id="reason" label="Why is it postponed?" rows={3} value={f.reason} error={errors?.byField.reason} onChange={(e) => setF({ ...f, reason: e.target.value })} />
    );
  } else {
    fields = (
      <>
        <Radios
          id="cancelledBy"
          legend="Who cancelled the session?"
          options={[
            { value: 'SUPERVISOR', text: 'The supervisor' },
            { value: 'SUPERVISEE', text: 'The supervisee' },
          ]}
          value={f.cancelledBy}
          error={errors?.byField.cancelledBy}
          onChange={(value) => setF({ ...f, cancelledBy: value as Fields['cancelledBy'] })}
        />
        <Textarea id="reason" label="Why was it cancelled?" rows={3} value={f.reason} error={errors?.byField.reason} onChange={(e) => setF({ ...f, reason: e.target.value })} />
        <DateInput
          id="rebookDate"
          legend="Date of the replacement session (optional)"
          hint="Leave empty to book it later"
          value={f.rebookDate}
          error={errors?.byField.rebookDate}
          onChange={(rebookDate) => setF({ ...f, rebookDate })}
        />
        <Input id="rebookTime" label="Time of the replacement session" optional hint="The same time as this one if empty" className="govuk-input--width-5" {...text('rebookTime')} />
        {startTimeWarning(f.rebookTime) && <WarningText testId="start-time-warning">{startTimeWarning(f.rebookTime)}</WarningText>}
      </>
    );
  }
  return (
    <section aria-labelledby="action-heading" data-testid="action-form">
      <h2 className="govuk-heading-m" id="action-heading">
        {ACTION_TEXT[action]}
      </h2>
      <form noValidate onSubmit={onSubmit}>
        {fields}
        <div className="govuk-button-group">
          <Button disabled={sending} preventDoubleClick variant={action === 'cancel' ? 'warning' : 'primary'}>
            {action === 'held' ? 'Save as held' : action === 'cancel' ? 'Cancel the session' : `Save: ${ACTION_TEXT[action].toLowerCase()}`}
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel}>
            Go back
          </Button>
        </div>
      </form>
    </section>
  );
}

type Loaded = { state: 'loading' } | { state: 'error'; problem: Problem } | { state: 'ok'; session: Session; etag: string };

export function SessionPage({ sessionId }: { sessionId: string }) {
  const me = useMe();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState<Action | null>(null);
  const [actionErrors, setActionErrors] = useState<FormErrors | null>(null);
  const shownErrors = action ? actionErrors : null;
  usePageTitle('Supervision session', !!shownErrors);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      const result = await call(api.GET('/api/v1/sessions/{sessionId}', { params: { path: { sessionId } }, signal }));
      if (signal?.aborted) return;
      if (result.ok) setLoaded({ state: 'ok', session: result.data, etag: result.etag ?? `"${result.data.version}"` });
      else setLoaded({ state: 'error', problem: result.problem });
    },
    [sessionId],
  );
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).catch(() => {});
    return () => controller.abort();
  }, [load]);

  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error') {
    return (
      <>
        <h1 className="govuk-heading-l">Supervision session</h1>
        <ProblemMessage problem={loaded.problem} />
      </>
    );
  }
  const { session, etag } = loaded;
  const myId = me?.staff?.id;
  const inSession = !!myId && (session.supervisor.id === myId || session.supervisees.some((s) => s.id === myId));
  const actions = inSession ? actionsFor(session) : [];
  const names = session.supervisees.map((s) => s.displayName).join(', ');

  return (
    <>
      <BackLink href="/">Back to My supervision</BackLink>
      {shownErrors && <ErrorSummary errors={shownErrors.summary} />}
      {done && !action && (
        <NotificationBanner type="success" heading={DONE_TEXT[done]} />
      )}
      <span className="govuk-caption-l">{session.kind === 'GROUP' ? 'Group supervision' : 'One-to-one supervision'}</span>
      <h1 className="govuk-heading-l">Supervision session</h1>
      <p className="govuk-body" data-testid="session-status">
        <SessionStatusTag status={session.status} date={session.date} />
      </p>
      {isNotRecordedAsHeld(session) && (
        <WarningText testId="not-recorded-as-held">
          This session’s date has passed and it is not recorded as held. Record it as held, or say it was postponed or cancelled.
        </WarningText>
      )}
      <SummaryList
        rows={[
          { key: 'Date', value: formatDate(session.date) },
          { key: 'Time', value: `${localTimeText(session.startTime)}, ${session.plannedMinutes} minutes planned` },
          { key: 'Where', value: session.location },
          { key: 'Supervisor', value: session.supervisor.displayName },
          { key: session.supervisees.length === 1 ? 'Supervisee' : 'Supervisees', value: names },
          ...(session.actualMinutes != null ? [{ key: 'How long it lasted', value: `${session.actualMinutes} minutes` }] : []),
          ...(session.interruptedBy ? [{ key: 'Interrupted by', value: session.interruptedBy }] : []),
          ...(session.cancelledBy
            ? [{ key: 'Cancelled by', value: session.cancelledBy === 'SUPERVISOR' ? 'The supervisor' : 'The supervisee' }]
            : []),
          ...(session.statusReason ? [{ key: 'Reason', value: session.statusReason }] : []),
          ...(session.rebookedAsId
            ? [{ key: 'Replaced by', value: <Link className="govuk-link" href={sessionHref(session.rebookedAsId)}>The replacement session</Link> }]
            : []),
          ...(session.rebookedFromId
            ? [{ key: 'Replaces', value: <Link className="govuk-link" href={sessionHref(session.rebookedFromId)}>The cancelled session</Link> }]
            : []),
        ]}
      />
      <ShortSessionWarning session={session} />
      {(session.status === 'HELD' || session.status === 'RECORDED' || session.status === 'SIGNED') && (
        <p className="govuk-body" data-testid="record-link">
          <Link className="govuk-link app-touch-link" href={`${sessionHref(session.id)}/record`}>
            {session.status === 'SIGNED' ? 'Read the session record' : 'Write or sign the session record'}
          </Link>
        </p>
      )}
      {action ? (
        <ActionForm
          key={action}
          action={action}
          session={session}
          etag={etag}
          onCancel={() => setAction(null)}
          onErrors={setActionErrors}
          onDone={(a) => {
            setAction(null);
            setDone(a);
            void load();
          }}
        />
      ) : (
        actions.length > 0 && (
          <div className="govuk-button-group" data-testid="session-actions">
            {actions.map((a) => (
              <Button
                key={a}
                type="button"
                variant={a === 'held' ? 'primary' : a === 'cancel' ? 'warning' : 'secondary'}
                onClick={() => {
                  setDone(null);
                  setAction(a);
                }}
              >
                {ACTION_TEXT[a]}
              </Button>
            ))}
          </div>
        )
      )}
    </>
  );
}

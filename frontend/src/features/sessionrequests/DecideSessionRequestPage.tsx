import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, type Problem } from '../../api/client';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { BackLink, Button, ErrorSummary, Input, NotificationBanner, SummaryList, Tag, Textarea } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { call } from '../agreements/agreements';
import { DateInput, partsOf, type DateParts } from '../sessions/DateInput';
import { formErrors, problemErrors, type FormErrors } from '../sessions/problemErrors';
import { dateFromParts, localTimeText, parseTimeInput, sessionHref, todayIso } from '../sessions/sessions';
import { REQUEST_STATUS_TEXT, type SessionRequest } from './sessionRequests';

type Loaded = { state: 'loading' } | { state: 'error'; problem: Problem } | { state: 'ok'; request: SessionRequest };
type Choice = 'book' | 'decline' | null;
const BOOK_FIELDS = ['date', 'startTime', 'plannedMinutes', 'location'];
const DECLINE_FIELDS = ['reason'];

/** The supervisor (or a manager) books a requested extra session or declines it with a reason. */
export function DecideSessionRequestPage({ requestId }: { requestId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [choice, setChoice] = useState<Choice>(null);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [sending, setSending] = useState(false);
  const [date, setDate] = useState<DateParts>({ day: '', month: '', year: '' });
  const [startTime, setStartTime] = useState('');
  const [minutes, setMinutes] = useState('90');
  const [location, setLocation] = useState('');
  const [reason, setReason] = useState('');
  usePageTitle('Request for an extra session', !!errors);

  const load = useCallback(async (signal?: AbortSignal) => {
    // The request itself, however many others there are (a list page holds only the newest 50).
    const result = await call(api.GET('/api/v1/session-requests/{requestId}', { params: { path: { requestId } }, signal }));
    if (signal?.aborted) return;
    if (!result.ok) return setLoaded({ state: 'error', problem: result.problem });
    setLoaded({ state: 'ok', request: result.data });
  }, [requestId]);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).catch(() => {});
    return () => controller.abort();
  }, [load]);

  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error') {
    return (
      <>
        <h1 className="govuk-heading-l">Request for an extra session</h1>
        <ProblemMessage problem={loaded.problem} />
      </>
    );
  }
  const { request } = loaded;
  const etag = `"v${request.version}"`;
  const choose = (c: Choice) => {
    setErrors(null);
    setChoice(c);
    if (c === 'book' && !date.day && request.preferredDates[0]) setDate(partsOf(request.preferredDates[0]));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending || !choice) return;
    const order = choice === 'book' ? BOOK_FIELDS : DECLINE_FIELDS;
    const invalid: Record<string, string> = {};
    const iso = dateFromParts(date.day, date.month, date.year);
    const time = parseTimeInput(startTime);
    if (choice === 'book') {
      if (!iso) invalid.date = 'Enter the date of the session as a real date';
      else if (iso < todayIso()) invalid.date = 'The date must be today or later';
      if (!time) invalid.startTime = 'Enter the start time, for example 14:30 or 2:30pm';
      if (!/^\d+$/.test(minutes.trim()) || Number(minutes) < 15 || Number(minutes) > 480) invalid.plannedMinutes = 'Enter how long, from 15 to 480 minutes';
      if (!location.trim()) invalid.location = 'Enter where you will meet';
    } else if (!reason.trim()) invalid.reason = 'Say why; the person who asked will see it';
    if (Object.keys(invalid).length > 0) return setErrors(formErrors(invalid, order, ['date']));
    setSending(true);
    const path = { requestId: request.id };
    const result = choice === 'book'
      ? await call(api.POST('/api/v1/session-requests/{requestId}/booking', {
          params: { path, header: { 'If-Match': etag } },
          body: { date: iso as string, startTime: time as string, plannedMinutes: Number(minutes), location: location.trim() },
        }))
      : await call(api.POST('/api/v1/session-requests/{requestId}/declination', {
          params: { path, header: { 'If-Match': etag } },
          body: { reason: reason.trim() },
        }));
    setSending(false);
    if (result.ok) {
      setErrors(null);
      setChoice(null);
      setLoaded({ state: 'ok', request: result.data });
    } else setErrors(problemErrors(result.problem, order, ['date']));
  };

  const status = REQUEST_STATUS_TEXT[request.status];
  return (
    <>
      <BackLink href="/">Back to My supervision</BackLink>
      {errors && <ErrorSummary errors={errors.summary} />}
      {request.status === 'BOOKED' && <NotificationBanner type="success" heading="Extra session booked" />}
      {request.status === 'DECLINED' && <NotificationBanner type="success" heading="Request declined" />}
      <span className="govuk-caption-l">{request.supervisee.displayName}</span>
      <h1 className="govuk-heading-l">Request for an extra session</h1>
      <SummaryList
        rows={[
          { key: 'Status', value: <Tag colour={status.colour}>{status.text}</Tag> },
          { key: 'Asked by', value: request.supervisee.displayName },
          { key: 'Asked on', value: formatDate(request.createdAt.slice(0, 10)) },
          { key: 'Why', value: request.reason },
          {
            key: 'Dates that would suit',
            value: request.preferredDates.length > 0 ? request.preferredDates.map((d) => formatDate(d)).join('; ') : 'None given',
          },
          ...(request.session
            ? [{ key: 'Booked for', value: (
                <Link className="govuk-link" href={sessionHref(request.session.id)}>
                  {formatDate(request.session.date)} at {localTimeText(request.session.startTime)}, {request.session.location}
                </Link>
              ) }]
            : []),
          ...(request.declineReason ? [{ key: 'Why it was declined', value: request.declineReason }] : []),
        ]}
      />
      {request.status === 'REQUESTED' && !choice && (
        <div className="govuk-button-group" data-testid="request-choices">
          <Button type="button" onClick={() => choose('book')}>Book the session</Button>
          <Button type="button" variant="secondary" onClick={() => choose('decline')}>Decline</Button>
        </div>
      )}
      {choice && (
        <form noValidate onSubmit={onSubmit}>
          <h2 className="govuk-heading-m">{choice === 'book' ? 'Book the session' : 'Decline the request'}</h2>
          {choice === 'book' ? (
            <>
              <DateInput id="date" legend="Date" value={date} error={errors?.byField.date} onChange={setDate} />
              <Input id="startTime" label="Start time" hint="For example, 14:30 or 2:30pm" className="govuk-input--width-5"
                value={startTime} error={errors?.byField.startTime} onChange={(e) => setStartTime(e.target.value)} />
              <Input id="plannedMinutes" label="How long, in minutes" className="govuk-input--width-3" inputMode="numeric"
                value={minutes} error={errors?.byField.plannedMinutes} onChange={(e) => setMinutes(e.target.value)} />
              <Input id="location" label="Where" value={location} error={errors?.byField.location} onChange={(e) => setLocation(e.target.value)} />
            </>
          ) : (
            <Textarea id="reason" label="Why are you declining it?" hint="The person who asked will see this" rows={3}
              value={reason} error={errors?.byField.reason} onChange={(e) => setReason(e.target.value)} />
          )}
          <div className="govuk-button-group">
            <Button disabled={sending} preventDoubleClick variant={choice === 'decline' ? 'warning' : 'primary'}>
              {choice === 'book' ? 'Book it' : 'Decline the request'}
            </Button>
            <Button type="button" variant="secondary" onClick={() => choose(null)}>Go back</Button>
          </div>
        </form>
      )}
    </>
  );
}

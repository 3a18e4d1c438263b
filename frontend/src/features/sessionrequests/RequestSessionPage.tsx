import { useRef, useState, type FormEvent } from 'react';
import { api, type Problem } from '../../api/client';
import { BackLink, Button, ErrorSummary, Textarea } from '../../components/govuk';
import { formatDate } from '../../format';
import { usePageTitle } from '../../usePageTitle';
import { useMe } from '../auth/AuthContext';
import { call } from '../agreements/agreements';
import { DateInput, type DateParts } from '../sessions/DateInput';
import { formErrors, problemErrors, type FormErrors } from '../sessions/problemErrors';
import { dateFromParts, todayIso } from '../sessions/sessions';
import type { SessionRequest } from './sessionRequests';

const blank: DateParts = { day: '', month: '', year: '' };
const DATE_FIELDS = ['preferredDates-0', 'preferredDates-1', 'preferredDates-2'];
const ORDER = ['reason', ...DATE_FIELDS];
const isBlank = (d: DateParts) => !d.day.trim() && !d.month.trim() && !d.year.trim();

/** The problem with each /preferredDates/k pointer turned into the index of the field that date came from. */
function toFields(problem: Problem, sentFrom: number[]): Problem {
  if (!problem.errors) return problem;
  return {
    ...problem,
    errors: problem.errors.map((e) => {
      const m = /^\/preferredDates\/(\d+)(.*)$/.exec(e.pointer);
      const field = m ? sentFrom[Number(m[1])] : undefined;
      return m && field !== undefined ? { ...e, pointer: `/preferredDates/${field}${m[2]}` } : e;
    }),
  };
}

/** A supervisee asks their supervisor for an extra session: why, and up to three dates that would suit. */
export function RequestSessionPage() {
  const me = useMe();
  const [reason, setReason] = useState('');
  const [dates, setDates] = useState<DateParts[]>([blank, blank, blank]);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<SessionRequest | null>(null);
  // One key per request made on this page: a resend after a lost answer never asks twice.
  const key = useRef(crypto.randomUUID());
  usePageTitle(sent ? 'Request sent' : 'Ask for an extra session', !!errors);
  const supervisor = me?.supervisors[0]?.displayName;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const invalid: Record<string, string> = {};
    if (!reason.trim()) invalid.reason = 'Say why you would like an extra session';
    const chosen: string[] = [];
    // Blank and repeated dates are not sent: sentFrom[k] is the field the k-th date sent came from, so an error
    // the service reports at /preferredDates/k lands on the field the person filled in.
    const sentFrom: number[] = [];
    dates.forEach((d, i) => {
      if (isBlank(d)) return;
      const iso = dateFromParts(d.day, d.month, d.year);
      if (!iso) invalid[`preferredDates-${i}`] = `Preferred date ${i + 1} must be a real date`;
      else if (iso < todayIso()) invalid[`preferredDates-${i}`] = `Preferred date ${i + 1} must be today or later`;
      else if (!chosen.includes(iso)) {
        chosen.push(iso);
        sentFrom.push(i);
      }
    });
    if (Object.keys(invalid).length > 0) return setErrors(formErrors(invalid, ORDER, DATE_FIELDS));
    setSending(true);
    const result = await call(
      api.POST('/api/v1/session-requests', {
        params: { header: { 'Idempotency-Key': key.current } },
        body: { reason: reason.trim(), preferredDates: chosen },
      }),
    );
    setSending(false);
    if (result.ok) {
      setErrors(null);
      setSent(result.data);
    } else setErrors(problemErrors(toFields(result.problem, sentFrom), ORDER, DATE_FIELDS));
  };

  if (sent) {
    return (
      <>
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Request sent</h1>
          <div className="govuk-panel__body">{sent.supervisor.displayName} will book a session or tell you why not</div>
        </div>
        {sent.preferredDates.length > 0 && (
          <p className="govuk-body">You said these dates would suit: {sent.preferredDates.map((d) => formatDate(d)).join('; ')}.</p>
        )}
        <p className="govuk-body">The answer will show on your home page.</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/">
            Back to My supervision
          </a>
        </p>
      </>
    );
  }

  return (
    <>
      <BackLink href="/">Back to My supervision</BackLink>
      {errors && <ErrorSummary errors={errors.summary} />}
      <h1 className="govuk-heading-l">Ask for an extra session</h1>
      <p className="govuk-body">
        Either of you may ask for a session between the planned ones, for example after a difficult visit or an incident.
        {supervisor && <> Your request goes to {supervisor}.</>}
      </p>
      <form noValidate onSubmit={onSubmit}>
        <Textarea id="reason" label="Why would you like an extra session?" rows={4} value={reason}
          error={errors?.byField.reason} onChange={(e) => setReason(e.target.value)} />
        {dates.map((d, i) => (
          <DateInput key={i} id={`preferredDates-${i}`} legend={`Preferred date ${i + 1} (optional)`}
            hint={i === 0 ? 'For example, 27 3 2027' : undefined} value={d} error={errors?.byField[`preferredDates-${i}`]}
            onChange={(value) => setDates(dates.map((x, j) => (j === i ? value : x)))} />
        ))}
        <Button disabled={sending} preventDoubleClick>
          Send the request
        </Button>
      </form>
    </>
  );
}

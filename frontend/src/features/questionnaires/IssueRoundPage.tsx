import { useRef, useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { settle, useQuery, type QueryState } from '../../api/useQuery';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { BackLink, Button, ErrorSummary, Radios, Select, type ErrorItem } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { call, newIdempotencyKey } from '../agreements/agreements';
import { DateInput, type DateParts } from '../sessions/DateInput';
import { checkDate, type DateCheck } from '../sessions/dateChecks';
import { addPeriod, dateFromParts, todayIso } from '../sessions/sessions';

type Scope = 'team' | 'service';
type Round = Schemas['QuestionnaireRound'];

/** The latest last day to answer the service accepts: 90 days ahead. */
export const LONGEST_DAYS = 90;

async function loadServices(signal: AbortSignal): Promise<QueryState<Schemas['Service'][]>> {
  const services: Schemas['Service'][] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await settle(api.GET('/api/v1/services', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } }, signal }));
    if (page.state !== 'ok') return page;
    services.push(...page.data.items);
    cursor = page.data.nextCursor;
    if (!cursor) break;
  }
  return { state: 'ok', data: services };
}

const FIELD_OF_POINTER: Record<string, string> = {
  '/teamId': 'team-id',
  '/serviceId': 'service-id',
  '/expiresOn': 'expires-on-day',
};

/** QA: send the Part 2 questionnaire to every supervisee of a team or a service, with the last day to answer. */
export function IssueRoundPage() {
  const services = useQuery(loadServices, []);
  const [scope, setScope] = useState<Scope | ''>('');
  const [teamId, setTeamId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [expires, setExpires] = useState<DateParts>({ day: '', month: '', year: '' });
  const [errors, setErrors] = useState<ErrorItem[] | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [dateError, setDateError] = useState<DateCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState<Round | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());

  usePageTitle(round ? 'Questionnaire sent' : 'Send the Part 2 questionnaire', !!errors);

  if (round) {
    const to = round.team?.name ?? round.service?.name ?? '';
    const people = `${round.invitationCount} ${round.invitationCount === 1 ? 'person' : 'people'}`;
    return (
      <>
        <div className="govuk-panel govuk-panel--confirmation" data-testid="confirmation">
          <h1 className="govuk-panel__title">Questionnaire sent to {people}</h1>
          <div className="govuk-panel__body">
            {to && <>Every supervisee in {to}</>}
          </div>
        </div>
        <p className="govuk-body">
          The last day to answer is {formatDate(round.expiresOn)}. Each person is reminded once if they have not answered.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" href="/questionnaire-invitations">
            See which questionnaires have not been answered
          </Link>
        </p>
        <p className="govuk-body">
          <Link
            className="govuk-link"
            href="/questionnaire-rounds/new"
            onClick={() => {
              setRound(null);
              idempotencyKey.current = newIdempotencyKey();
            }}
          >
            Send it to another team or service
          </Link>
        </p>
      </>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const today = todayIso();
    const byField: Record<string, string> = {};
    const items: ErrorItem[] = [];
    if (!scope) byField.scope = 'Choose whether to send it to a team or a service';
    else if (scope === 'team' && !teamId) byField['team-id'] = 'Choose a team';
    else if (scope === 'service' && !serviceId) byField['service-id'] = 'Choose a service';
    let date = checkDate(expires, 'the last day to answer', { latest: addPeriod(today, `P${LONGEST_DAYS}D`), earliest: addPeriod(today, 'P1D') });
    const expiresOn = dateFromParts(expires.day, expires.month, expires.year);
    if (!date && !expiresOn) date = { message: 'The last day to answer must be a real date', fields: ['day', 'month', 'year'] };
    for (const id of ['scope', 'team-id', 'service-id']) if (byField[id]) items.push({ text: byField[id] as string, href: `#${id}` });
    if (date) items.push({ text: date.message, href: `#expires-on-${date.fields[0] ?? 'day'}` });
    setFieldErrors(byField);
    setDateError(date);
    if (items.length > 0) return setErrors(items);

    setBusy(true);
    const result = await call(
      api.POST('/api/v1/questionnaire-rounds', {
        params: { header: { 'Idempotency-Key': idempotencyKey.current } },
        body: { ...(scope === 'team' ? { teamId } : { serviceId }), expiresOn: expiresOn as string },
      }),
    );
    setBusy(false);
    if (result.ok) {
      setErrors(null);
      setFieldErrors({});
      setDateError(null);
      return setRound(result.data);
    }
    const problem = result.problem;
    const fromProblem: Record<string, string> = {};
    const summary: ErrorItem[] = [];
    for (const error of problem.errors ?? []) {
      const field = FIELD_OF_POINTER[error.pointer];
      if (field === 'expires-on-day') setDateError({ message: error.message, fields: ['day', 'month', 'year'] });
      else if (field) fromProblem[field] = error.message;
      summary.push(field ? { text: error.message, href: `#${field}` } : { text: error.message });
    }
    if (summary.length === 0) {
      summary.push({
        text: problem.status === 0 ? 'You are offline. Send the questionnaire when you are back online.' : (problem.detail ?? problem.title),
      });
    }
    setFieldErrors(fromProblem);
    setErrors(summary);
  };

  const teamOptions =
    services.state === 'ok'
      ? services.data.flatMap((s) => s.teams.map((t) => ({ value: t.id, text: `${t.name} (${s.name})` })))
      : [];
  const serviceOptions = services.state === 'ok' ? services.data.map((s) => ({ value: s.id, text: s.name })) : [];

  return (
    <>
      <BackLink href="/" />
      {errors && <ErrorSummary errors={errors} />}
      <h1 className="govuk-heading-l">Send the Part 2 questionnaire</h1>
      <p className="govuk-body">
        Every supervisee in the team or service gets a link to the questionnaire about their most recent supervision. Their answers
        are shown only in groups of at least the organisation’s minimum size.
      </p>
      {services.state === 'loading' && <Loading />}
      {services.state === 'error' && <ProblemMessage problem={services.problem} />}
      {services.state === 'ok' && (
        <form noValidate onSubmit={(event) => void submit(event)}>
          <Radios
            id="scope"
            legend="Who should get it?"
            legendClassName="govuk-fieldset__legend--m"
            error={fieldErrors.scope}
            options={[
              { value: 'team', text: 'Every supervisee in a team' },
              { value: 'service', text: 'Every supervisee in a service' },
            ]}
            value={scope}
            onChange={(value) => setScope(value as Scope)}
          />
          {scope === 'team' && (
            <Select
              id="team-id"
              label="Team"
              error={fieldErrors['team-id']}
              options={[{ value: '', text: 'Choose a team' }, ...teamOptions]}
              value={teamId}
              onChange={(e) => setTeamId(e.target.value)}
            />
          )}
          {scope === 'service' && (
            <Select
              id="service-id"
              label="Service"
              error={fieldErrors['service-id']}
              options={[{ value: '', text: 'Choose a service' }, ...serviceOptions]}
              value={serviceId}
              onChange={(e) => setServiceId(e.target.value)}
            />
          )}
          <DateInput
            id="expires-on"
            legend="Last day to answer"
            legendClassName="govuk-fieldset__legend--m"
            hint={`After today and at most ${LONGEST_DAYS} days ahead. For example, 16 12 2026`}
            value={expires}
            error={dateError?.message}
            errorFields={dateError?.fields}
            onChange={setExpires}
          />
          <Button type="submit" disabled={busy}>
            Send the questionnaire
          </Button>
        </form>
      )}
    </>
  );
}

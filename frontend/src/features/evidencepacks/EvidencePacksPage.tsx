import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, asProblem, NETWORK_PROBLEM, type Schemas } from '../../api/client';
import { settle, useQuery, type QueryState } from '../../api/useQuery';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { BackLink, Button, ErrorSummary, Radios, Select, Tag, type ErrorItem } from '../../components/govuk';
import { usePageTitle } from '../../usePageTitle';
import { call, newIdempotencyKey } from '../agreements/agreements';
import {
  STATUS_TEXT,
  currentMonth,
  inProgress,
  monthChoices,
  monthText,
  packTitle,
  progressText,
  sizeText,
  addMonths,
  type Pack,
  type ScopeKind,
} from './evidencePacks';
import './evidencePacks.css';

/** How often the list is read again while a pack is being made. */
export const POLL_MS = 2000;

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
  '/scope': 'scope',
  '/scopeId': 'scope',
  '/from': 'from',
  '/to': 'to',
};

/** Ask for an evidence pack (a scope and months), watch it being made, and download the ready ones. */
export function EvidencePacksPage() {
  const latest = currentMonth();
  const services = useQuery(loadServices, []);
  const [reload, setReload] = useState(0);
  const packs = useQuery(
    (signal) => settle(api.GET('/api/v1/evidence-packs', { params: { query: { limit: 20 } }, signal })),
    [reload],
  );
  const [scope, setScope] = useState<ScopeKind | ''>('');
  const [serviceId, setServiceId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [from, setFrom] = useState(addMonths(latest, -11));
  const [to, setTo] = useState(latest);
  const [errors, setErrors] = useState<ErrorItem[] | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [asked, setAsked] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());

  usePageTitle('Evidence packs', !!errors);

  // While a pack is being made, read the list again every few seconds.
  const making = packs.state === 'ok' && packs.data.items.some(inProgress);
  useEffect(() => {
    if (!making) return undefined;
    const timer = window.setTimeout(() => setReload((n) => n + 1), POLL_MS);
    return () => window.clearTimeout(timer);
  }, [making, packs]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const byField: Record<string, string> = {};
    if (!scope) byField.scope = 'Choose what the pack should cover';
    else if (scope === 'SERVICE' && !serviceId) byField['service-id'] = 'Choose a service';
    else if (scope === 'TEAM' && !teamId) byField['team-id'] = 'Choose a team';
    if (from > to) byField.from = 'The first month must be the same as or before the last month';
    const items: ErrorItem[] = ['scope', 'service-id', 'team-id', 'from'].filter((f) => byField[f]).map((f) => ({ text: byField[f] as string, href: `#${f}` }));
    setFieldErrors(byField);
    if (items.length > 0) return setErrors(items);

    setBusy(true);
    const scopeId = scope === 'SERVICE' ? serviceId : scope === 'TEAM' ? teamId : undefined;
    const result = await call(
      api.POST('/api/v1/evidence-packs', {
        params: { header: { 'Idempotency-Key': idempotencyKey.current } },
        body: { scope: scope as ScopeKind, ...(scopeId ? { scopeId } : {}), from, to },
      }),
    );
    setBusy(false);
    if (result.ok) {
      idempotencyKey.current = newIdempotencyKey();
      setErrors(null);
      setFieldErrors({});
      setAsked(packTitle(result.data));
      setReload((n) => n + 1);
      return;
    }
    const problem = result.problem;
    const fromProblem: Record<string, string> = {};
    const summary: ErrorItem[] = [];
    for (const error of problem.errors ?? []) {
      const field = FIELD_OF_POINTER[error.pointer];
      if (field) fromProblem[field] = error.message;
      summary.push(field ? { text: error.message, href: `#${field}` } : { text: error.message });
    }
    if (summary.length === 0) {
      summary.push({ text: problem.status === 0 ? 'You are offline. Ask for the pack when you are back online.' : (problem.detail ?? problem.title) });
    }
    setFieldErrors(fromProblem);
    setErrors(summary);
  };

  const download = async (pack: Pack, file: Schemas['EvidencePackFile']) => {
    setDownloadError(null);
    try {
      const { data, error, response } = await api.GET('/api/v1/evidence-packs/{packId}/files/{fileName}', {
        params: { path: { packId: pack.id, fileName: file.name } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) {
        const problem = asProblem(error, response.status);
        return setDownloadError(problem.detail ?? problem.title);
      }
      const url = URL.createObjectURL(data);
      const link = document.createElement('a');
      link.href = url;
      link.download = file.name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setDownloadError(NETWORK_PROBLEM.title);
    }
  };

  const serviceOptions = services.state === 'ok' ? services.data.map((s) => ({ value: s.id, text: s.name })) : [];
  const teamOptions =
    services.state === 'ok' ? services.data.flatMap((s) => s.teams.map((t) => ({ value: t.id, text: `${t.name} (${s.name})` }))) : [];
  const months = monthChoices(latest).map((m) => ({ value: m, text: monthText(m) }));

  return (
    <>
      <BackLink href="/" />
      {errors && <ErrorSummary errors={errors} />}
      <h1 className="govuk-heading-l">Evidence packs</h1>
      <p className="govuk-body">
        An evidence pack holds every supervision measure for a team, a service or the whole directorate over the months you choose: a
        report to print or save as a PDF, and a spreadsheet (CSV) for each measure. It holds figures only, never names, and any group
        smaller than the organisation’s minimum is shown as suppressed, so you can share it with an inspector or a scrutiny board.
      </p>
      {asked && (
        <div className="govuk-inset-text" role="status">
          Your evidence pack for {asked} is being made. It appears below when it is ready.
        </div>
      )}
      {services.state === 'loading' && <Loading />}
      {services.state === 'error' && <ProblemMessage problem={services.problem} />}
      {services.state === 'ok' && (
        <form noValidate onSubmit={(event) => void submit(event)}>
          <Radios
            id="scope"
            legend="What should the pack cover?"
            legendClassName="govuk-fieldset__legend--m"
            error={fieldErrors.scope}
            options={[
              { value: 'DIRECTORATE', text: 'The whole directorate' },
              { value: 'SERVICE', text: 'A service' },
              { value: 'TEAM', text: 'A team' },
            ]}
            value={scope}
            onChange={(value) => setScope(value as ScopeKind)}
          />
          {scope === 'SERVICE' && (
            <Select
              id="service-id"
              label="Service"
              error={fieldErrors['service-id']}
              options={[{ value: '', text: 'Choose a service' }, ...serviceOptions]}
              value={serviceId}
              onChange={(e) => setServiceId(e.target.value)}
            />
          )}
          {scope === 'TEAM' && (
            <Select
              id="team-id"
              label="Team"
              error={fieldErrors['team-id']}
              options={[{ value: '', text: 'Choose a team' }, ...teamOptions]}
              value={teamId}
              onChange={(e) => setTeamId(e.target.value)}
            />
          )}
          <Select id="from" label="First month" error={fieldErrors.from} options={[...months].reverse()} value={from} onChange={(e) => setFrom(e.target.value)} />
          <Select id="to" label="Last month" error={fieldErrors.to} options={months} value={to} onChange={(e) => setTo(e.target.value)} />
          <Button type="submit" disabled={busy}>
            Make evidence pack
          </Button>
        </form>
      )}

      <h2 className="govuk-heading-m">Your evidence packs</h2>
      {downloadError && (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">Error:</span> {downloadError}
        </p>
      )}
      {packs.state === 'loading' && <Loading />}
      {packs.state === 'error' && <ProblemMessage problem={packs.problem} />}
      {packs.state === 'ok' && packs.data.items.length === 0 && <p className="govuk-body">You have not asked for an evidence pack yet.</p>}
      {packs.state === 'ok' &&
        packs.data.items.map((pack) => (
          <section key={pack.id} className="app-pack" aria-labelledby={`pack-${pack.id}`}>
            <h3 className="govuk-heading-s" id={`pack-${pack.id}`}>
              {packTitle(pack)}
            </h3>
            <p className="govuk-body">
              <Tag colour={pack.status === 'READY' ? 'green' : pack.status === 'FAILED' ? 'red' : 'blue'}>{STATUS_TEXT[pack.status]}</Tag>
            </p>
            {inProgress(pack) && (
              <div className="app-progress">
                <progress
                  className="app-progress__bar"
                  id={`progress-${pack.id}`}
                  max={pack.stepsTotal || 1}
                  value={pack.stepsDone}
                  aria-label={`Progress of ${packTitle(pack)}`}
                  aria-valuetext={progressText(pack)}
                />
                <span className="govuk-body govuk-!-margin-bottom-0" aria-live="polite">
                  {progressText(pack)}
                </span>
              </div>
            )}
            {pack.status === 'FAILED' && <p className="govuk-body">{pack.failure ?? 'This pack could not be made. Please ask for it again.'}</p>}
            {pack.status === 'READY' && (
              <ul className="govuk-list">
                {pack.files.map((file) => (
                  <li key={file.name}>
                    <a
                      className="govuk-link"
                      href={`/api/v1/evidence-packs/${pack.id}/files/${file.name}`}
                      download={file.name}
                      onClick={(event) => {
                        // The file needs the session's token, so it is fetched and then saved.
                        event.preventDefault();
                        void download(pack, file);
                      }}
                    >
                      {file.title}
                    </a>{' '}
                    <span className="govuk-hint govuk-!-display-inline">({sizeText(file.bytes)})</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
    </>
  );
}

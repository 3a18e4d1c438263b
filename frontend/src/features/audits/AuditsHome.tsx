/**
 * Home for auditors (UX.md, "Quality assurance auditor"): the quarter's sample with its size, seed and progress,
 * audits in draft, and Part 2 questionnaires not answered yet. Service managers and heads of service see their
 * audits in draft (their audit due is shown by the audit schedule card of the reports feature).
 */
import { api, type Schemas } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Button, Tag } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { useMe } from '../auth/AuthContext';
import { SkeletonLines } from '../home/Skeleton';
import { DUE_TEXT, auditHref, canAudit, currentQuarter, isQaAuditor, quarterText, sampleHref, seedsIn } from './audits';

function SampleLine({ item }: { item: Schemas['AuditScheduleItem'] & { seedText?: string } }) {
  const due = DUE_TEXT[item.status];
  const sampleState = useQuery(
    (signal) =>
      item.sampleId && item.sampleSize === undefined
        ? settle(api.GET('/api/v1/audit-samples/{sampleId}', { params: { path: { sampleId: item.sampleId } }, signal }))
        : Promise.resolve({ state: 'ok' as const, data: null }),
    [item.sampleId, item.sampleSize],
  );
  const drawn = sampleState.state === 'ok' ? sampleState.data : null;
  const size = item.sampleSize ?? drawn?.size;
  const seed = item.seedText ?? item.seed ?? drawn?.seed;
  const completed = item.completed ?? drawn?.completed ?? 0;
  const isCurrent = item.period === currentQuarter();
  return (
    <div className="app-audits-home__sample" data-testid={`sample-${item.period}`}>
      <h3 className="govuk-heading-s">
        {item.periodLabel || quarterText(item.period)} <Tag colour={due.colour}>{due.text}</Tag>
      </h3>
      {item.sampleId ? (
        <>
          <ul className="govuk-list">
            <li>Sample of {size ?? 'unknown'} files</li>
            <li>Seed {seed ?? 'not known'}</li>
            <li data-testid="progress">
              <strong>
                {completed} of {size ?? 'unknown'} audited
              </strong>
            </li>
            <li>Due by {formatDate(item.dueBy)}</li>
          </ul>
          <p className="govuk-body">
            <Link className="govuk-link app-touch-link" href={sampleHref(item.sampleId)}>
              View the sample{' '}<span className="govuk-visually-hidden">for {item.periodLabel || quarterText(item.period)}</span>
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="govuk-body">The sample for this quarter has not been drawn yet. Due by {formatDate(item.dueBy)}.</p>
          {isCurrent && <Button href="/audit-samples/new">Draw this quarter’s sample</Button>}
        </>
      )}
    </div>
  );
}

function OpenQuestionnaires() {
  const state = useQuery((signal) => settle(api.GET('/api/v1/questionnaire-invitations', { params: { query: { status: 'OPEN', limit: 200 } }, signal })), []);
  return (
    <section aria-labelledby="open-questionnaires-heading" data-testid="open-questionnaires">
      <h3 className="govuk-heading-s" id="open-questionnaires-heading">
        Part 2 questionnaires not answered yet
      </h3>
      {state.state === 'loading' && <SkeletonLines lines={1} />}
      {state.state === 'error' && <p className="govuk-body">The questionnaires cannot be shown at the moment.</p>}
      {state.state === 'ok' &&
        (state.data.items.length === 0 ? (
          <p className="govuk-body">Every questionnaire sent has been answered or has expired.</p>
        ) : (
          <p className="govuk-body">
            <Link className="govuk-link app-touch-link" href="/questionnaire-invitations">
              {state.data.items.length}
              {state.data.nextCursor ? ' or more' : ''} {state.data.items.length === 1 && !state.data.nextCursor ? 'questionnaire' : 'questionnaires'} not answered yet
            </Link>
          </p>
        ))}
    </section>
  );
}

function Drafts({ heading, quietOnError }: { heading: string; quietOnError?: boolean }) {
  const state = useQuery((signal) => settle(api.GET('/api/v1/audits', { params: { query: { mine: true, status: 'DRAFT', limit: 50 } }, signal })), []);
  if (state.state === 'loading') return quietOnError ? null : <SkeletonLines lines={1} />;
  if (state.state === 'error') return quietOnError ? null : <p className="govuk-body">Your audits in draft cannot be shown at the moment.</p>;
  if (state.data.items.length === 0) return null;
  return (
    <section aria-labelledby="audit-drafts-heading" data-testid="audit-drafts">
      {quietOnError ? (
        <h2 className="govuk-heading-m" id="audit-drafts-heading">
          {heading}
        </h2>
      ) : (
        <h3 className="govuk-heading-s" id="audit-drafts-heading">
          {heading}
        </h3>
      )}
      <ul className="govuk-list">
        {state.data.items.map((a) => (
          <li key={a.id}>
            <Link className="govuk-link app-touch-link" href={auditHref(a.id)}>
              Continue the audit of {a.supervisee.displayName}’s file
            </Link>{' '}
            <span className="govuk-hint govuk-!-display-inline">(supervised by {a.supervisor.displayName}, started {formatDate(a.auditedOn)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The QA auditor's panel; for service managers and heads of service, only their drafts when they have some. */
export function AuditsHome() {
  const me = useMe();
  const qa = isQaAuditor(me);
  // Read as text: each seed's exact digits (seedsIn), in the order of the items that have one.
  const schedule = useQuery(async (signal) => {
    if (!qa) return { state: 'ok' as const, data: { items: [] as Schemas['AuditScheduleItem'][] } };
    const got = await settle(api.GET('/api/v1/audit-schedule', { parseAs: 'text', signal }));
    if (got.state !== 'ok') return got;
    const parsed = JSON.parse(got.data) as Schemas['AuditSchedule'];
    const seeds = seedsIn(got.data);
    let n = 0;
    return { state: 'ok' as const, data: { items: parsed.items.map((i) => (i.seed === undefined || i.seed === null ? i : { ...i, seedText: seeds[n++] ?? String(i.seed) })) } };
  }, [qa]);
  if (!me || !canAudit(me)) return null;
  if (!qa) return <Drafts heading="Your audits in draft" quietOnError />;
  const samples = schedule.state === 'ok' ? schedule.data.items.filter((i) => i.kind === 'QA_SAMPLE') : [];
  return (
    <section aria-labelledby="audits-home-heading" className="app-audits-home" data-testid="audits-home">
      <h2 className="govuk-heading-m" id="audits-home-heading">
        Audits this quarter
      </h2>
      {schedule.state === 'loading' && <SkeletonLines lines={2} />}
      {schedule.state === 'error' && <p className="govuk-body">The audit schedule cannot be shown at the moment.</p>}
      {schedule.state === 'ok' && samples.length === 0 && (
        <>
          <p className="govuk-body">No sample is due.</p>
          <Button href="/audit-samples/new">Draw this quarter’s sample</Button>
        </>
      )}
      {samples.map((item) => (
        <SampleLine key={item.period} item={item} />
      ))}
      <Drafts heading="Audits in draft" />
      <OpenQuestionnaires />
      <p className="govuk-body">
        <Link className="govuk-link app-touch-link" href="/audits">
          All audits
        </Link>
        {' · '}
        <Link className="govuk-link app-touch-link" href={`/audit-disagreements?quarter=${currentQuarter()}`}>
          Where Part 2 answers disagree with audits
        </Link>
      </p>
    </section>
  );
}

import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { BackLink, Button, ErrorSummary, SummaryList, Table, Tag, type ErrorItem } from '../../components/govuk';
import { formatDate, formatTime } from '../../format';
import { Link, useNavigate } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { call, newIdempotencyKey } from '../agreements/agreements';
import { auditHref, auditStatusTag, gradeText, quarterText, seedsIn } from './audits';

/** A quarter's sample: how it was drawn, its files and where each file's audit has got to (QA auditors). */
export function SamplePage({ sampleId }: { sampleId: string }) {
  // Read as text: the seed's exact digits (seedsIn).
  const state = useQuery(async (signal) => {
    const got = await settle(api.GET('/api/v1/audit-samples/{sampleId}', { params: { path: { sampleId } }, parseAs: 'text', signal }));
    if (got.state !== 'ok') return got;
    const sample = JSON.parse(got.data) as Schemas['AuditSample'];
    return { state: 'ok' as const, data: { ...sample, seedText: seedsIn(got.data)[0] ?? String(sample.seed) } };
  }, [sampleId]);
  const navigate = useNavigate();
  const [starting, setStarting] = useState<string | null>(null);
  const [errors, setErrors] = useState<ErrorItem[] | null>(null);
  usePageTitle('Audit sample', !!errors);

  if (state.state !== 'ok') {
    return (
      <>
        <BackLink href="/" />
        <h1 className="govuk-heading-l">Audit sample</h1>
        {state.state === 'error' ? <ProblemMessage problem={state.problem} /> : <Loading />}
      </>
    );
  }
  const s = state.data;

  const start = async (file: Schemas['AuditSampleFile']) => {
    if (starting) return;
    setStarting(file.supervisee.id);
    const result = await call(
      api.POST('/api/v1/audits', {
        params: { header: { 'Idempotency-Key': newIdempotencyKey() } },
        body: { superviseeId: file.supervisee.id, kind: 'QA_SAMPLE', sampleId: s.id },
      }),
    );
    setStarting(null);
    if (result.ok) return navigate(auditHref(result.data.id));
    const p = result.problem;
    setErrors([
      {
        text:
          p.errors?.[0]?.message ??
          (p.status === 0 ? 'You are offline. Start the audit when you are back online.' : (p.detail ?? `The audit of ${file.supervisee.displayName}’s file could not be started`)),
      },
    ]);
  };

  const action = (file: Schemas['AuditSampleFile']) => {
    if (file.auditId && file.auditStatus === 'COMPLETED')
      return (
        <Link className="govuk-link app-touch-link" href={auditHref(file.auditId)}>
          View{' '}<span className="govuk-visually-hidden">the audit of {file.supervisee.displayName}’s file</span>
        </Link>
      );
    if (file.auditId)
      return (
        <Link className="govuk-link app-touch-link" href={auditHref(file.auditId)}>
          Continue{' '}<span className="govuk-visually-hidden">the audit of {file.supervisee.displayName}’s file</span>
        </Link>
      );
    return (
      <Button type="button" variant="secondary" className="govuk-!-margin-bottom-0" disabled={!!starting} onClick={() => void start(file)}>
        Start audit{' '}<span className="govuk-visually-hidden">of {file.supervisee.displayName}’s file</span>
      </Button>
    );
  };

  return (
    <>
      <BackLink href="/" />
      {errors && <ErrorSummary errors={errors} />}
      <span className="govuk-caption-l">{quarterText(s.quarter)}</span>
      <h1 className="govuk-heading-l">Audit sample</h1>
      <SummaryList
        rows={[
          { key: 'Quarter', value: quarterText(s.quarter) },
          { key: 'Sample size', value: `${s.size} files` },
          { key: 'Seed', value: <span data-testid="seed">{s.seedText}</span> },
          { key: 'Files eligible', value: `${s.eligibleCount}` },
          { key: 'Drawn by', value: `${s.drawnBy?.displayName ?? 'Not known'} on ${formatDate(s.drawnAt.slice(0, 10))} at ${formatTime(s.drawnAt)}` },
          { key: 'Progress', value: <strong data-testid="progress">{`${s.completed} of ${s.size} audited`}</strong> },
        ]}
      />
      <Table
        caption="Files in the sample"
        head={[{ text: 'No.', numeric: true }, { text: 'Person' }, { text: 'Team' }, { text: 'Service' }, { text: 'Audit' }, { text: 'Grade' }, { text: 'Action' }]}
        rowKeys={s.files.map((f) => String(f.position))}
        rows={s.files.map((f) => {
          const tag = auditStatusTag(f.auditId ? f.auditStatus : undefined);
          return [
            { content: f.position, numeric: true },
            f.supervisee.displayName,
            f.team?.name ?? 'No team',
            f.service?.name ?? 'No service',
            <Tag colour={tag.colour}>{tag.text}</Tag>,
            f.auditStatus === 'COMPLETED' ? gradeText(f.grade) : 'Not graded yet',
            action(f),
          ];
        })}
        stackOnSmallScreens
      />
    </>
  );
}

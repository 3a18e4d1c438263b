import { api } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { BackLink, Table, Tag } from '../../components/govuk';
import { usePageTitle } from '../../usePageTitle';
import { QUALITY_TEXT, auditHref, quarterText, ratingText } from './audits';

/** Where the auditor's judgement and the supervisee's Part 2 answer disagree, for one audited file (QA auditors). */
export function CrossCheckPage({ auditId }: { auditId: string }) {
  usePageTitle('Audit and Part 2 side by side');
  const state = useQuery(
    async (signal) => {
      const [audit, check] = await Promise.all([
        settle(api.GET('/api/v1/audits/{auditId}', { params: { path: { auditId } }, signal })),
        settle(api.GET('/api/v1/audits/{auditId}/cross-check', { params: { path: { auditId } }, signal })),
      ]);
      if (audit.state !== 'ok') return audit;
      if (check.state !== 'ok') return check;
      return { state: 'ok' as const, data: { audit: audit.data, check: check.data } };
    },
    [auditId],
  );
  const back = <BackLink href={auditHref(auditId)} />;
  if (state.state !== 'ok')
    return (
      <>
        {back}
        <h1 className="govuk-heading-l">Audit and Part 2 side by side</h1>
        {state.state === 'error' ? <ProblemMessage problem={state.problem} /> : <Loading />}
      </>
    );
  const { audit, check } = state.data;
  return (
    <>
      {back}
      <span className="govuk-caption-l">
        {audit.supervisee.displayName}, {quarterText(audit.quarter)}
      </span>
      <h1 className="govuk-heading-l">Audit and Part 2 side by side</h1>
      <p className="govuk-body">
        Each Part 2 statement beside the audit question that judges the same thing. Only quality assurance sees this page: the supervisor and
        their managers never see an individual answer.
      </p>
      {!check.answered ? (
        <p className="govuk-body" data-testid="not-answered">
          {audit.supervisee.displayName} has not answered the Part 2 questionnaire yet.
        </p>
      ) : (
        <>
          <p className="govuk-body" data-testid="disagreement-count">
            {check.disagreements === 0
              ? 'The answers agree with the audit.'
              : `${check.disagreements} ${check.disagreements === 1 ? 'answer disagrees' : 'answers disagree'} with the audit.`}
          </p>
          <Table
            caption="Audit ratings and Part 2 answers"
            head={[{ text: 'Audit question' }, { text: 'Auditor’s rating' }, { text: 'Part 2 statement' }, { text: 'Supervisee’s answer' }, { text: 'Agreement' }]}
            rowKeys={check.pairs.map((p) => `${p.questionKey}-${p.statementKey}`)}
            rows={check.pairs.map((p) => [
              <>
                <strong>{p.questionNumber}</strong> {p.questionLabel}
              </>,
              ratingText(p.rating),
              p.statementLabel,
              p.answer ? QUALITY_TEXT[p.answer] : 'Not answered',
              p.disagrees ? <Tag colour="red">Disagrees</Tag> : <Tag colour="green">Agrees</Tag>,
            ])}
            stackOnSmallScreens
          />
        </>
      )}
    </>
  );
}

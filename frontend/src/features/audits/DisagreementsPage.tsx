import { api } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { BackLink, Select, Table } from '../../components/govuk';
import { useNavigate, useSearchParams } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { currentQuarter, quarterText, shiftQuarter } from './audits';

/** Per service, how many audited files' Part 2 answers disagree with the audit (QA auditors). */
export function DisagreementsPage() {
  usePageTitle('Disagreements between audits and Part 2 answers');
  const params = useSearchParams();
  const navigate = useNavigate();
  const now = currentQuarter();
  const quarter = /^\d{4}-Q[1-4]$/.test(params.get('quarter') ?? '') ? (params.get('quarter') as string) : now;
  const state = useQuery((signal) => settle(api.GET('/api/v1/audit-disagreements', { params: { query: { quarter } }, signal })), [quarter]);
  const quarters = [0, -1, -2, -3, -4].map((n) => shiftQuarter(now, n));
  return (
    <>
      <BackLink href="/" />
      <h1 className="govuk-heading-l">Disagreements between audits and Part 2 answers</h1>
      <Select
        id="quarter"
        label="Quarter"
        value={quarter}
        onChange={(e) => navigate(`/audit-disagreements?quarter=${encodeURIComponent(e.target.value)}`, { replace: true })}
        options={quarters.map((q) => ({ value: q, text: quarterText(q) }))}
      />
      {state.state === 'loading' && <Loading />}
      {state.state === 'error' && <ProblemMessage problem={state.problem} />}
      {state.state === 'ok' &&
        (state.data.services.length === 0 ? (
          <p className="govuk-body" data-testid="none">
            No audited file of {quarterText(quarter)} has a Part 2 answer yet.
          </p>
        ) : (
          <Table
            caption={`Audited files with Part 2 answers, ${quarterText(quarter)}`}
            head={[{ text: 'Service' }, { text: 'Files with answers', numeric: true }, { text: 'Files that disagree', numeric: true }, { text: 'Disagreements', numeric: true }]}
            firstCellIsHeader
            rowKeys={state.data.services.map((s) => s.service.id)}
            rows={state.data.services.map((s) => [
              s.service.name,
              { content: s.auditsWithAnswers, numeric: true },
              { content: s.auditsDisagreeing, numeric: true },
              { content: s.disagreements, numeric: true },
            ])}
          />
        ))}
    </>
  );
}

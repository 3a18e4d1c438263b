/** The quarterly audit reports of the services the person may see, for a quarter picked in words. */
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { BackLink, Button, Select, Table, Tag } from '../../components/govuk';
import { Link, useNavigate, useSearchParams } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { REPORT_STATUS_TEXT, instantDateText, isQuarter, previousQuarter, quarterText, recentQuarters, reportHref, reportsHref } from './auditReports';

export function AuditReportsPage() {
  const params = useSearchParams();
  const navigate = useNavigate();
  const asked = params.get('quarter');
  const quarter = isQuarter(asked) ? asked : previousQuarter();
  const [picked, setPicked] = useState(quarter);
  usePageTitle(`Quarterly audit reports: ${quarterText(quarter)}`);

  const reports = useQuery((signal) => settle(api.GET('/api/v1/audit-reports', { params: { query: { quarter } }, signal })), [quarter]);

  const quarters = recentQuarters();
  if (!quarters.includes(quarter)) quarters.push(quarter);

  const show = (event: FormEvent) => {
    event.preventDefault();
    navigate(reportsHref(picked));
  };

  return (
    <>
      <BackLink href="/" />
      <span className="govuk-caption-l">{quarterText(quarter)}</span>
      <h1 className="govuk-heading-l">Quarterly audit reports</h1>

      <form className="app-filters" onSubmit={show} method="get" action="/audit-reports">
        <Select
          id="quarter"
          label="Quarter"
          options={quarters.map((q) => ({ value: q, text: quarterText(q) }))}
          value={picked}
          onChange={(event) => setPicked(event.target.value)}
        />
        <Button variant="secondary">Show reports</Button>
      </form>

      {reports.state === 'loading' && <Loading />}
      {reports.state === 'error' && <ProblemMessage problem={reports.problem} />}
      {reports.state === 'ok' &&
        (reports.data.items.length === 0 ? (
          <p className="govuk-body" data-testid="no-reports">
            There are no audit reports for {quarterText(quarter)} that you can see.
          </p>
        ) : (
          <Table
            caption={`Audit reports for ${quarterText(quarter)}`}
            head={[{ text: 'Service' }, { text: 'Status' }, { text: 'Audits completed', numeric: true }, { text: 'Report' }]}
            firstCellIsHeader
            stackOnSmallScreens
            rowKeys={reports.data.items.map((r) => r.service.id)}
            rows={reports.data.items.map((r) => {
              const status = REPORT_STATUS_TEXT[r.status];
              const canSign = r.maySignOff && r.status === 'DRAFT';
              return [
                r.service.name,
                <>
                  <Tag colour={status.colour}>{status.text}</Tag>
                  {r.signedOffAt && <span className="govuk-body-s app-block">on {instantDateText(r.signedOffAt)}</span>}
                </>,
                { content: r.auditsCompleted, numeric: true },
                <Link className="govuk-link app-touch-link" href={reportHref(r.service.id, r.quarter)}>
                  {canSign ? 'Review and sign off' : r.mayEdit && r.status === 'DRAFT' ? 'Review and write themes' : 'View report'}
                  {' '}
                  <span className="govuk-visually-hidden">for {r.service.name}</span>
                </Link>,
              ];
            })}
          />
        ))}
    </>
  );
}

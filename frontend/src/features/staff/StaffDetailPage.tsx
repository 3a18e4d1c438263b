import { HandoverSection } from '../handover/HandoverSection';
import { CaseDiscussionList } from '../casediscussions/CaseDiscussionList';
import { api, type Schemas } from '../../api/client';
import { settle, useQuery, type QueryState } from '../../api/useQuery';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { Employment } from '../../components/app/StaffBadges';
import { BackLink, SummaryList, Table, Tag, type SummaryRow } from '../../components/govuk';
import { categoryText, formatDate } from '../../format';
import { usePageTitle } from '../../usePageTitle';

interface Loaded {
  staff: Schemas['Staff'];
  history: QueryState<Schemas['StaffHistory']>;
}

function hours(value: number): string {
  return `${Number.isInteger(value) ? value : value.toFixed(1)} hours a week`;
}

export function staffRows(staff: Schemas['Staff']): SummaryRow[] {
  const rows: SummaryRow[] = [
    { key: 'Job title', value: staff.jobTitle },
    { key: 'Team', value: staff.team?.name ?? 'Not in a team' },
    { key: 'Service', value: staff.service?.name ?? 'Not recorded' },
    {
      key: 'Supervisor',
      value: staff.supervisor ? staff.supervisor.displayName : 'No supervisor recorded',
    },
    { key: 'Category', value: categoryText(staff.category) },
    { key: 'Employment type', value: <Employment type={staff.employmentType} /> },
    { key: 'Weekly hours', value: hours(staff.weeklyHours) },
    { key: 'Started with the organisation', value: formatDate(staff.employmentStartDate) },
    { key: 'Started in this post', value: formatDate(staff.postStartDate) },
    {
      key: 'Caseload',
      value: staff.carriesCaseload
        ? staff.caseloadSize !== undefined
          ? `${staff.caseloadSize} ${staff.caseloadSize === 1 ? 'case' : 'cases'}`
          : 'Carries a caseload'
        : 'Does not carry a caseload',
    },
    { key: 'Email', value: staff.email },
  ];
  if (staff.externalRef) rows.push({ key: 'HR system reference', value: staff.externalRef });
  if (staff.leavingDate) {
    rows.push({
      key: 'Leaving date',
      value: (
        <>
          <Tag colour="grey">Leaver</Tag> {formatDate(staff.leavingDate)}
          {staff.leavingReason && <span className="govuk-hint govuk-!-margin-bottom-0 app-block">{staff.leavingReason}</span>}
        </>
      ),
    });
  }
  return rows;
}

function History({ history }: { history: Schemas['StaffHistory'] }) {
  return (
    <>
      <h2 className="govuk-heading-m">History</h2>
      {history.teams.length === 0 ? (
        <p className="govuk-body">No team history recorded.</p>
      ) : (
        <Table
          caption="Teams"
          captionSize="s"
          head={[{ text: 'Team' }, { text: 'From' }, { text: 'To' }]}
          rows={history.teams.map((t) => [
            t.team ? `${t.team.name}${t.service ? ` (${t.service.name})` : ''}` : (t.service?.name ?? 'No team'),
            formatDate(t.fromDate),
            t.toDate ? formatDate(t.toDate) : 'Now',
          ])}
        />
      )}
      {history.supervisors.length === 0 ? (
        <p className="govuk-body">No supervisors recorded.</p>
      ) : (
        <Table
          caption="Supervisors"
          captionSize="s"
          head={[{ text: 'Supervisor' }, { text: 'From' }, { text: 'To' }]}
          rowKeys={history.supervisors.map((r) => r.id)}
          rows={history.supervisors.map((r) => [
            <>
              {r.supervisor.displayName}
              {r.reason && <span className="govuk-hint govuk-!-margin-bottom-0 app-block">{r.reason}</span>}
            </>,
            formatDate(r.fromDate),
            r.toDate ? formatDate(r.toDate) : 'Now',
          ])}
        />
      )}
    </>
  );
}

export function StaffDetailPage({ staffId }: { staffId: string }) {
  const result = useQuery<Loaded>(
    async (signal) => {
      const path = { params: { path: { staffId } }, signal };
      const [staff, history] = await Promise.all([
        settle(api.GET('/api/v1/staff/{staffId}', path)),
        settle(api.GET('/api/v1/staff/{staffId}/history', path)),
      ]);
      if (staff.state !== 'ok') return staff;
      return { state: 'ok', data: { staff: staff.data, history } };
    },
    [staffId],
  );
  usePageTitle(result.state === 'ok' ? result.data.staff.displayName : 'Member of staff');

  return (
    <>
      <BackLink href="/staff">Back to staff directory</BackLink>
      {result.state === 'loading' && (
        <>
          <h1 className="govuk-heading-l">Member of staff</h1>
          <Loading />
        </>
      )}
      {result.state === 'error' && (
        <>
          <h1 className="govuk-heading-l">Member of staff</h1>
          <ProblemMessage problem={result.problem} />
        </>
      )}
      {result.state === 'ok' && (
        <>
          <span className="govuk-caption-l">{result.data.staff.jobTitle}</span>
          <h1 className="govuk-heading-l">{result.data.staff.displayName}</h1>
          <SummaryList rows={staffRows(result.data.staff)} />
          {result.data.history.state === 'ok' && <History history={result.data.history.data} />}
          <HandoverSection staffId={staffId} />
          <CaseDiscussionList superviseeId={staffId} />
        </>
      )}
    </>
  );
}

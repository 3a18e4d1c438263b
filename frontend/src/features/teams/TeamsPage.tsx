import { api, type Schemas } from '../../api/client';
import { settle, useQuery, type QueryState } from '../../api/useQuery';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { Table } from '../../components/govuk';
import { Link } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { canUseStaffDirectory, useMe } from '../auth/AuthContext';
import { staffListPath } from '../staff/StaffListPage';

/** At most this many pages of services (200 each) are read: the tree of one directorate. */
const MAX_PAGES = 20;

async function loadAllServices(signal: AbortSignal): Promise<QueryState<Schemas['Service'][]>> {
  const services: Schemas['Service'][] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await settle(
      api.GET('/api/v1/services', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } }, signal }),
    );
    if (page.state !== 'ok') return page;
    services.push(...page.data.items);
    cursor = page.data.nextCursor;
    if (!cursor) break;
  }
  return { state: 'ok', data: services };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function TeamsPage() {
  usePageTitle('Teams');
  const me = useMe();
  const linkToStaff = canUseStaffDirectory(me);
  const result = useQuery(loadAllServices, []);

  return (
    <>
      <h1 className="govuk-heading-l">Teams</h1>
      {result.state === 'loading' && <Loading />}
      {result.state === 'error' && <ProblemMessage problem={result.problem} />}
      {result.state === 'ok' && result.data.length === 0 && (
        <p className="govuk-body" data-testid="no-services">
          No services or teams have been set up yet.
        </p>
      )}
      {result.state === 'ok' && result.data.length > 0 && (
        <>
          <p className="govuk-body">
            {plural(result.data.length, 'service', 'services')},{' '}
            {plural(
              result.data.reduce((n, s) => n + s.teams.length, 0),
              'team',
              'teams',
            )}
            ,{' '}
            {plural(
              result.data.reduce((n, s) => n + s.teams.reduce((m, t) => m + t.staffCount, 0), 0),
              'member of staff',
              'members of staff',
            )}{' '}
            in teams.
          </p>
          {result.data.map((service) => (
            <section key={service.id} aria-labelledby={`service-${service.id}`}>
              <h2 className="govuk-heading-m" id={`service-${service.id}`}>
                {service.name}
              </h2>
              {service.teams.length === 0 ? (
                <p className="govuk-body">This service has no teams.</p>
              ) : (
                <Table
                  caption={<span className="govuk-visually-hidden">Teams in {service.name}</span>}
                  head={[{ text: 'Team' }, { text: 'Staff', numeric: true }]}
                  firstCellIsHeader
                  rowKeys={service.teams.map((t) => t.id)}
                  rows={service.teams.map((team) => [
                    linkToStaff ? (
                      <Link className="govuk-link" href={staffListPath({ teamId: team.id })}>
                        {team.name}
                      </Link>
                    ) : (
                      team.name
                    ),
                    { content: team.staffCount, numeric: true },
                  ])}
                />
              )}
            </section>
          ))}
        </>
      )}
    </>
  );
}

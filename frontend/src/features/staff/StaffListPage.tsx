import { useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { Employment } from '../../components/app/StaffBadges';
import { Button, Input, Pagination, Select, Table, Tag } from '../../components/govuk';
import { categoryText, formatDate } from '../../format';
import { Link, useLocation, useNavigate, useSearchParams } from '../../router';
import { usePageTitle } from '../../usePageTitle';

export const PAGE_SIZE = 50;
const STATUSES = ['current', 'leavers', 'all'] as const;
type Status = (typeof STATUSES)[number];

const STATUS_TEXT: Record<Status, string> = { current: 'Current staff', leavers: 'Leavers', all: 'Current staff and leavers' };

/** Cursors of the pages before this one, carried in history state so "Previous page" works. */
interface PageState {
  previousCursors?: string[];
}

export function staffListPath(filters: { q?: string; teamId?: string; status?: string; cursor?: string }): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.teamId) params.set('teamId', filters.teamId);
  if (filters.status && filters.status !== 'current') params.set('status', filters.status);
  if (filters.cursor) params.set('cursor', filters.cursor);
  const query = params.toString();
  return query ? `/staff?${query}` : '/staff';
}

function useTeams() {
  return useQuery<Schemas['Team'][]>(
    async (signal) => {
      const result = await settle(api.GET('/api/v1/teams', { params: { query: { limit: 200 } }, signal }));
      return result.state === 'ok' ? { state: 'ok', data: result.data.items } : result;
    },
    [],
  );
}

function FilterForm({ q, teamId, status, teams }: { q: string; teamId: string; status: Status; teams: Schemas['Team'][] | null }) {
  const navigate = useNavigate();
  const [name, setName] = useState(q);
  const [team, setTeam] = useState(teamId);
  const [which, setWhich] = useState<Status>(status);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(staffListPath({ q: name.trim(), teamId: team, status: which }));
  };

  return (
    <form method="get" action="/staff" onSubmit={onSubmit} className="app-filters" role="search" aria-label="Filter staff">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Input
            id="q"
            label="Name or email"
            type="search"
            value={name}
            onChange={(event) => setName(event.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
        </div>
        {teams && (
          <div className="govuk-grid-column-one-quarter">
            <Select
              id="teamId"
              label="Team"
              value={team}
              onChange={(event) => setTeam(event.target.value)}
              options={[{ value: '', text: 'All teams' }, ...teams.map((t) => ({ value: t.id, text: t.name }))]}
            />
          </div>
        )}
        <div className="govuk-grid-column-one-quarter">
          <Select
            id="status"
            label="Show"
            value={which}
            onChange={(event) => setWhich(event.target.value as Status)}
            options={STATUSES.map((s) => ({ value: s, text: STATUS_TEXT[s] }))}
          />
        </div>
      </div>
      <Button variant="secondary">Apply filters</Button>
    </form>
  );
}

function StaffStatus({ staff }: { staff: Schemas['Staff'] }) {
  if (!staff.leavingDate) return <>Current</>;
  return (
    <>
      <Tag colour="grey">Leaver</Tag>
      <span className="govuk-body-s app-block">Leaves or left {formatDate(staff.leavingDate, { weekday: false })}</span>
    </>
  );
}

export function StaffListPage() {
  usePageTitle('Staff directory');
  const params = useSearchParams();
  const location = useLocation();
  const q = params.get('q') ?? '';
  const teamId = params.get('teamId') ?? '';
  const statusParam = params.get('status');
  const status: Status = STATUSES.includes(statusParam as Status) ? (statusParam as Status) : 'current';
  const cursor = params.get('cursor') ?? '';
  const previousCursors = (location.state as PageState | null)?.previousCursors ?? [];

  const teams = useTeams();
  const page = useQuery<Schemas['StaffPage']>(
    (signal) =>
      settle(
        api.GET('/api/v1/staff', {
          params: {
            query: {
              limit: PAGE_SIZE,
              status,
              ...(q ? { q } : {}),
              ...(teamId ? { teamId } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
          signal,
        }),
      ),
    [q, teamId, status, cursor],
  );

  const pageNumber = cursor ? previousCursors.length + 1 : 1;
  const teamName = teams.state === 'ok' ? teams.data.find((t) => t.id === teamId)?.name : undefined;
  const forbidden = page.state === 'error' && page.problem.status === 403;

  // previousCursors holds the cursor of each earlier page, '' for the first one.
  const last = previousCursors[previousCursors.length - 1];
  const previous = !cursor
    ? undefined
    : last !== undefined
      ? {
          href: staffListPath({ q, teamId, status, cursor: last }),
          state: { previousCursors: previousCursors.slice(0, -1) } satisfies PageState,
        }
      : { href: staffListPath({ q, teamId, status }), labelText: 'First page' };
  const next =
    page.state === 'ok' && page.data.nextCursor
      ? {
          href: staffListPath({ q, teamId, status, cursor: page.data.nextCursor }),
          state: { previousCursors: [...previousCursors, cursor] } satisfies PageState,
        }
      : undefined;

  return (
    <>
      <h1 className="govuk-heading-l">Staff directory</h1>
      {!forbidden && (
        <FilterForm
          key={`${q}|${teamId}|${status}`}
          q={q}
          teamId={teamId}
          status={status}
          teams={teams.state === 'ok' ? teams.data : null}
        />
      )}
      {page.state === 'loading' && <Loading />}
      {page.state === 'error' && <ProblemMessage problem={page.problem} />}
      {page.state === 'ok' && page.data.items.length === 0 && (
        <>
          <h2 className="govuk-heading-m">{STATUS_TEXT[status]}</h2>
          <p className="govuk-body" data-testid="no-staff">
            {q || teamId ? 'No staff match your search. Try other words or another team.' : 'There are no staff to show.'}
          </p>
        </>
      )}
      {page.state === 'ok' && page.data.items.length > 0 && (
        <>
          <Table
            caption={
              <>
                {STATUS_TEXT[status]}
                {teamName && ` in ${teamName}`}
                {q && ` matching “${q}”`}
                {pageNumber > 1 && <span className="govuk-caption-m">Page {pageNumber}</span>}
              </>
            }
            head={[
              { text: 'Name and job title' },
              { text: 'Team' },
              { text: 'Category' },
              { text: 'Employment' },
              ...(status !== 'current' ? [{ text: 'Status' }] : []),
            ]}
            firstCellIsHeader
            stackOnSmallScreens
            rowKeys={page.data.items.map((s) => s.id)}
            rows={page.data.items.map((s) => [
              <>
                <Link className="govuk-link" href={`/staff/${encodeURIComponent(s.id)}`}>
                  {s.displayName}
                </Link>
                <span className="govuk-body-s app-block app-secondary">{s.jobTitle}</span>
              </>,
              s.team?.name ?? s.service?.name ?? 'No team',
              categoryText(s.category),
              <Employment type={s.employmentType} />,
              ...(status !== 'current' ? [<StaffStatus staff={s} />] : []),
            ])}
          />
          <Pagination previous={previous} next={next} />
        </>
      )}
    </>
  );
}

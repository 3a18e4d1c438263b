/**
 * The people behind a figure (/measures/people?measure=&scope=&scopeId=&from=&to=), worst first, a page at a time:
 * for the roles allowed to see them; anyone else reads why not.
 */
import { api } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { BackLink, Pagination, Table, Tag } from '../../components/govuk';
import { Link, useSearchParams } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { canUseStaffDirectory, useMe } from '../auth/AuthContext';
import { SkeletonLines } from '../home/Skeleton';
import { MeasureProblem } from './MeasureProblem';
import { amountText, isMonth, measuresHref, periodText, type MeasureScopeKind } from './measures';

const KINDS: MeasureScopeKind[] = ['DIRECTORATE', 'SERVICE', 'TEAM', 'PERSON'];

export function MeasurePeoplePage() {
  const params = useSearchParams();
  const me = useMe();
  const measure = params.get('measure') ?? '';
  const rawScope = params.get('scope') ?? '';
  const scope = (KINDS as string[]).includes(rawScope) ? (rawScope as MeasureScopeKind) : null;
  const scopeId = params.get('scopeId') ?? undefined;
  const from = params.get('from');
  const to = params.get('to');
  const cursor = params.get('cursor') ?? undefined;
  const valid = !!scope && /^[a-z][a-zA-Z0-9.]*$/.test(measure) && (!from || isMonth(from)) && (!to || isMonth(to));
  const state = useQuery(
    (signal) =>
      valid
        ? settle(
            api.GET('/api/v1/measures/people', {
              params: { query: { measure, scope: scope as MeasureScopeKind, scopeId, from: from ?? undefined, to: to ?? undefined, cursor, limit: 50 } },
              signal,
            }),
          )
        : Promise.resolve({ state: 'ok' as const, data: null }),
    [measure, scope, scopeId, from, to, cursor, valid],
  );
  const page = state.state === 'ok' ? state.data : null;
  usePageTitle(page ? `People behind: ${page.measure.label}` : 'The people behind a figure');
  const back = scope ? measuresHref({ scope, scopeId, from: from ?? undefined, to: to ?? undefined }) : '/';
  const linkToStaff = canUseStaffDirectory(me);
  const nextHref = page?.nextCursor
    ? `/measures/people?${new URLSearchParams({ ...Object.fromEntries(params.entries()), cursor: page.nextCursor }).toString()}`
    : undefined;

  return (
    <>
      <BackLink href={back}>Back to the measures</BackLink>
      <span className="govuk-caption-l">The people behind a figure</span>
      <h1 className="govuk-heading-l">{page ? page.measure.label : 'People'}</h1>
      {from && to && isMonth(from) && isMonth(to) && <p className="govuk-body">{periodText(from, to)}</p>}
      {!valid && <p className="govuk-body">This address does not name a measure and a scope. Choose a figure from a measures page.</p>}
      {state.state === 'loading' && <SkeletonLines lines={5} />}
      {state.state === 'error' && <MeasureProblem problem={state.problem} what="The people behind this figure" />}
      {page &&
        (page.items.length === 0 ? (
          <p className="govuk-body">No one is counted in this figure.</p>
        ) : (
          <Table
            caption={`People counted in “${page.measure.label}”`}
            captionSize="s"
            head={[{ text: 'Name' }, { text: 'Team' }, { text: 'Counts towards the figure' }, { text: 'Detail' }]}
            firstCellIsHeader
            rowKeys={page.items.map((p) => p.staff.id)}
            rows={page.items.map((p) => [
              linkToStaff ? (
                <Link className="govuk-link" href={`/staff/${encodeURIComponent(p.staff.id)}`}>
                  {p.staff.displayName}
                </Link>
              ) : (
                p.staff.displayName
              ),
              p.team?.name ?? 'No team',
              p.inNumerator ? <Tag colour="blue">Yes</Tag> : <Tag colour="grey">No</Tag>,
              p.detail ?? (p.value !== undefined ? amountText(p.value, page.measure.unit) : ''),
            ])}
            stackOnSmallScreens
          />
        ))}
      {nextHref && <Pagination next={{ href: nextHref, labelText: 'Next page' }} />}
    </>
  );
}

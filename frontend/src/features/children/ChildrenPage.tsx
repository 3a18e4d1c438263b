import { useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { Button, Input, Pagination, Table } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link, useLocation, useNavigate, useSearchParams } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useMe } from '../auth/AuthContext';
import { CHILDREN_PAGE_SIZE, childHref, childrenPath, newChildHref } from './children';

/** Cursors of the pages before this one, carried in history state so "Previous page" works. */
interface PageState {
  previousCursors?: string[];
}

function SearchForm({ q }: { q: string }) {
  const navigate = useNavigate();
  const [text, setText] = useState(q);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    navigate(childrenPath({ q: text.trim() }));
  };
  return (
    <form method="get" action="/children" onSubmit={onSubmit} role="search" aria-label="Search children" className="app-filters">
      <Input
        id="q"
        label="Name or case number"
        type="search"
        className="govuk-!-width-two-thirds"
        value={text}
        onChange={(event) => setText(event.target.value)}
        spellCheck={false}
        autoComplete="off"
      />
      <Button variant="secondary">Search</Button>
    </form>
  );
}

/** The children the signed-in person may see (the API decides), searched by name or case number. */
export function ChildrenPage() {
  usePageTitle('Children');
  const me = useMe();
  const params = useSearchParams();
  const location = useLocation();
  const q = params.get('q') ?? '';
  const cursor = params.get('cursor') ?? '';
  const previousCursors = (location.state as PageState | null)?.previousCursors ?? [];

  const page = useQuery<Schemas['ChildPage']>(
    (signal) =>
      settle(
        api.GET('/api/v1/children', {
          params: { query: { limit: CHILDREN_PAGE_SIZE, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      ),
    [q, cursor],
  );

  const last = previousCursors[previousCursors.length - 1];
  const previous = !cursor
    ? undefined
    : last !== undefined
      ? { href: childrenPath({ q, cursor: last }), state: { previousCursors: previousCursors.slice(0, -1) } satisfies PageState }
      : { href: childrenPath({ q }), labelText: 'First page' };
  const next =
    page.state === 'ok' && page.data.nextCursor
      ? { href: childrenPath({ q, cursor: page.data.nextCursor }), state: { previousCursors: [...previousCursors, cursor] } satisfies PageState }
      : undefined;
  const canAdd = !!me && me.supervisees.length > 0;
  const forbidden = page.state === 'error' && page.problem.status === 403;

  return (
    <>
      <h1 className="govuk-heading-l">Children</h1>
      <p className="govuk-body">
        Children as the case-management system knows them: name, case number and the worker they are allocated to. Choose a
        child to see the decisions and case discussions about them.
      </p>
      {canAdd && (
        <Button href={newChildHref} variant="secondary">
          Add a child
        </Button>
      )}
      {!forbidden && <SearchForm key={q} q={q} />}
      {page.state === 'loading' && <Loading />}
      {page.state === 'error' && <ProblemMessage problem={page.problem} />}
      {page.state === 'ok' && page.data.items.length === 0 && (
        <p className="govuk-body" data-testid="no-children">
          {q ? `No children match “${q}”. Check the spelling or the case number.` : 'There are no children to show.'}
        </p>
      )}
      {page.state === 'ok' && page.data.items.length > 0 && (
        <>
          <Table
            caption={
              <>
                {q ? `Children matching “${q}”` : 'Children'}
                {cursor && <span className="govuk-caption-m">Page {previousCursors.length + 1}</span>}
              </>
            }
            head={[{ text: 'Name' }, { text: 'Case number' }, { text: 'Date of birth' }, { text: 'Allocated worker' }]}
            firstCellIsHeader
            stackOnSmallScreens
            rowKeys={page.data.items.map((c) => c.id)}
            rows={page.data.items.map((c) => [
              <Link className="govuk-link" href={childHref(c.id)}>
                {c.name}
              </Link>,
              c.caseNumber,
              c.dateOfBirth ? formatDate(c.dateOfBirth, { weekday: false }) : 'Not recorded',
              c.allocatedWorker.displayName,
            ])}
          />
          <Pagination previous={previous} next={next} />
        </>
      )}
    </>
  );
}

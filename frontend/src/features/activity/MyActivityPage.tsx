import { useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { Button, Pagination, Radios, Table } from '../../components/govuk';
import { rolesText } from '../../format';
import { useLocation, useNavigate, useSearchParams } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useMe } from '../auth/AuthContext';
import { whenText } from '../decisions/decisions';

type Entry = Schemas['ActivityEntry'];
const RECORD_TYPES = ['case_discussion', 'session_record', 'agreement'] as const;
type RecordType = (typeof RECORD_TYPES)[number];
export const ACTIVITY_PAGE_SIZE = 50;

const RECORD_TEXT: Record<string, string> = {
  case_discussion: 'Case discussion',
  session_record: 'Session record',
  supervision_session: 'Supervision session',
  agreement: 'Supervision agreement',
};
const FILTER_TEXT: Record<'' | RecordType, string> = {
  '': 'All my records',
  case_discussion: 'Case discussions about my work',
  session_record: 'Session records',
  agreement: 'Supervision agreements',
};

const NONE_TEXT: Record<RecordType, string> = {
  case_discussion: 'Nobody has read the case discussions about your work yet.',
  session_record: 'Nobody has read your session records yet.',
  agreement: 'Nobody has read your supervision agreements yet.',
};

interface PageState {
  previousCursors?: string[];
}

export function activityPath(filters: { recordType?: string; cursor?: string }): string {
  const params = new URLSearchParams();
  if (filters.recordType) params.set('recordType', filters.recordType);
  if (filters.cursor) params.set('cursor', filters.cursor);
  const query = params.toString();
  return query ? `/me/activity?${query}` : '/me/activity';
}

/** What was read, in words: "Opened a case discussion", "Saw case discussions in a list". */
function whatText(entry: Entry): string {
  const type = entry.record?.type ?? '';
  const thing = (RECORD_TEXT[type] ?? 'Record').toLowerCase();
  if (entry.action === 'LIST') return `Saw ${thing}s in a list`;
  if (entry.action === 'READ_VERSIONS') return `Looked at earlier versions of a ${thing}`;
  return `Opened ${/^[aeiou]/.test(thing) ? 'an' : 'a'} ${thing}`;
}

function readerText(entry: Entry): { name: string; roles: string } {
  const { actor } = entry;
  if (actor.displayName) return { name: actor.displayName, roles: rolesText(actor.roles ?? []) };
  if (actor.clientId) return { name: 'A connected system', roles: actor.clientId };
  return { name: 'Someone without a name on record', roles: rolesText(actor.roles ?? []) };
}

function FilterForm({ recordType }: { recordType: '' | RecordType }) {
  const navigate = useNavigate();
  const [value, setValue] = useState<string>(recordType);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(activityPath({ recordType: value }));
  };
  return (
    <form method="get" action="/me/activity" onSubmit={submit} className="app-filters" aria-label="Filter reads">
      <Radios
        id="recordType"
        legend="Show reads of"
        value={value}
        onChange={setValue}
        small
        options={(['', ...RECORD_TYPES] as const).map((t) => ({ value: t, text: FILTER_TEXT[t] }))}
      />
      <Button variant="secondary">Show</Button>
    </form>
  );
}

/** "Who has read my records": every read of a record about the signed-in person's supervision, newest first. */
export function MyActivityPage() {
  usePageTitle('Who has read my records');
  const me = useMe();
  const params = useSearchParams();
  const location = useLocation();
  const asked = params.get('recordType') ?? '';
  const recordType: '' | RecordType = (RECORD_TYPES as readonly string[]).includes(asked) ? (asked as RecordType) : '';
  const cursor = params.get('cursor') ?? '';
  const previousCursors = (location.state as PageState | null)?.previousCursors ?? [];

  const page = useQuery(
    (signal) =>
      settle(
        api.GET('/api/v1/me/activity', {
          params: { query: { limit: ACTIVITY_PAGE_SIZE, ...(recordType ? { recordType } : {}), ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      ),
    [recordType, cursor],
  );

  const last = previousCursors[previousCursors.length - 1];
  const previous = !cursor
    ? undefined
    : last !== undefined
      ? { href: activityPath({ recordType, cursor: last }), state: { previousCursors: previousCursors.slice(0, -1) } satisfies PageState }
      : { href: activityPath({ recordType }), labelText: 'First page' };
  const next =
    page.state === 'ok' && page.data.nextCursor
      ? { href: activityPath({ recordType, cursor: page.data.nextCursor }), state: { previousCursors: [...previousCursors, cursor] } satisfies PageState }
      : undefined;

  return (
    <>
      <h1 className="govuk-heading-l">Who has read my records</h1>
      <p className="govuk-body">
        Every time someone opens a record about your supervision (your agreement, your session records, the case discussions
        about your work) it is logged. Only the people the policy allows can read them: you, your supervisor, the managers above
        them and quality assurance auditors.
      </p>
      {!me?.staff ? (
        <p className="govuk-body" data-testid="no-staff-record">
          Your account is not linked to a staff record, so there are no records about your supervision.
        </p>
      ) : (
        <>
          <FilterForm key={recordType} recordType={recordType} />
          {page.state === 'loading' && <Loading />}
          {page.state === 'error' && <ProblemMessage problem={page.problem} />}
          {page.state === 'ok' && page.data.items.length === 0 && (
            <p className="govuk-body" data-testid="no-reads">
              {recordType ? NONE_TEXT[recordType] : 'Nobody has read your records yet.'}
            </p>
          )}
          {page.state === 'ok' && page.data.items.length > 0 && (
            <>
              <Table
                caption={
                  <>
                    {FILTER_TEXT[recordType]}, newest first
                    {cursor && <span className="govuk-caption-m">Page {previousCursors.length + 1}</span>}
                  </>
                }
                head={[{ text: 'Who' }, { text: 'Their roles' }, { text: 'What they read' }, { text: 'When' }]}
                firstCellIsHeader
                stackOnSmallScreens
                rowKeys={page.data.items.map((e) => String(e.id))}
                rows={page.data.items.map((e) => {
                  const reader = readerText(e);
                  return [reader.name, reader.roles, whatText(e), whenText(e.occurredAt)];
                })}
              />
              <Pagination previous={previous} next={next} />
            </>
          )}
        </>
      )}
    </>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { Button, Table, Tag } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { call } from '../agreements/agreements';
import { caseDiscussionHref, statusTag, type CaseDiscussionSummary } from './caseDiscussions';

const PAGE = 20;

type Filter = { superviseeId?: string; childId?: string; sessionId?: string };

export function viewText(status: CaseDiscussionSummary['childViewStatus']): string {
  if (status === 'RECORDED') return 'View recorded';
  if (status === 'NOT_OBTAINED') return 'Could not be obtained';
  return 'Not recorded yet';
}

/**
 * Case discussions per supervisee, per child or per session, newest first (each page is a logged read).
 * Shows nothing to people who may not read case discussions (HR, members, administrators get 403).
 */
export function CaseDiscussionList(props: { superviseeId?: string; childId?: string; sessionId?: string; heading?: string }) {
  const { superviseeId, childId, sessionId, heading = 'Case discussions' } = props;
  const [items, setItems] = useState<CaseDiscussionSummary[] | null>(null);
  const [next, setNext] = useState<string | undefined>(undefined);
  const [failed, setFailed] = useState<string | null>(null);
  const [hidden, setHidden] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);

  const load = useCallback(
    async (cursor: string | undefined, signal?: AbortSignal) => {
      const query: Filter & { limit: number; cursor?: string } = { limit: PAGE };
      if (superviseeId) query.superviseeId = superviseeId;
      if (childId) query.childId = childId;
      if (sessionId) query.sessionId = sessionId;
      if (cursor) query.cursor = cursor;
      const result = await call(api.GET('/api/v1/case-discussions', { params: { query }, signal }));
      if (signal?.aborted) return;
      if (!result.ok) {
        if (result.problem.status === 403 || result.problem.status === 404) setHidden(true);
        else setFailed(result.problem.status === 0 ? 'Case discussions cannot be shown while you are offline.' : 'Case discussions cannot be shown just now.');
        return;
      }
      setFailed(null);
      setItems((current) => (cursor && current ? [...current, ...result.data.items] : result.data.items));
      setNext(result.data.nextCursor);
    },
    [superviseeId, childId, sessionId],
  );

  useEffect(() => {
    const controller = new AbortController();
    setItems(null);
    setHidden(false);
    load(undefined, controller.signal).catch(() => undefined);
    return () => controller.abort();
  }, [load]);

  if (hidden) return null;
  const headingId = `case-discussions-${sessionId ?? childId ?? superviseeId ?? 'all'}`;
  return (
    <section aria-labelledby={headingId} data-testid="case-discussion-list">
      <h2 className="govuk-heading-m" id={headingId}>
        {heading}
      </h2>
      {failed && <p className="govuk-body">{failed}</p>}
      {!failed && items === null && <p className="govuk-body">Loading case discussions…</p>}
      {items && items.length === 0 && <p className="govuk-body">No case discussions yet.</p>}
      {items && items.length > 0 && (
        <Table
          stackOnSmallScreens
          head={[{ text: 'Child' }, { text: 'Discussed' }, ...(childId ? [{ text: 'Worker' }] : []), { text: "Child's view" }, { text: 'Status' }]}
          rowKeys={items.map((i) => i.id)}
          rows={items.map((item) => {
            const tag = statusTag(item);
            return [
              <>
                <Link className="govuk-link" href={caseDiscussionHref(item.id)}>
                  {item.child.name}
                </Link>
                <span className="govuk-hint govuk-!-margin-bottom-0 app-block">Case number {item.child.caseNumber}</span>
              </>,
              formatDate(item.discussedOn),
              ...(childId ? [`${item.supervisee.displayName} with ${item.supervisor.displayName}`] : []),
              viewText(item.childViewStatus),
              <Tag colour={tag.colour}>{tag.text}</Tag>,
            ];
          })}
        />
      )}
      {next && (
        <Button
          type="button"
          variant="secondary"
          disabled={loadingMore}
          onClick={() => {
            setLoadingMore(true);
            void load(next).finally(() => setLoadingMore(false));
          }}
        >
          Show more case discussions
        </Button>
      )}
    </section>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { api, type Problem } from '../../api/client';
import { settle } from '../../api/useQuery';
import type { CaseDecision } from './decisions';

export type DecisionQuery = { childId?: string; acknowledged?: boolean; teamId?: string };

export type DecisionList =
  | { state: 'loading' }
  | { state: 'error'; problem: Problem }
  | { state: 'ok'; items: CaseDecision[]; nextCursor?: string; loadingMore: boolean; more: () => void };

export const DECISIONS_PAGE_SIZE = 50;

/** Decisions, oldest first as the feed gives them, a page at a time ("Show more" adds the next page). */
export function useDecisions(query: DecisionQuery | null, limit = DECISIONS_PAGE_SIZE): DecisionList {
  const key = query ? JSON.stringify(query) : null;
  const [items, setItems] = useState<CaseDecision[]>([]);
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [status, setStatus] = useState<{ state: 'loading' } | { state: 'error'; problem: Problem } | { state: 'ok'; loadingMore: boolean }>({
    state: 'loading',
  });

  const load = useCallback(
    async (cursor: string | undefined, signal?: AbortSignal) => {
      if (!query) return;
      const result = await settle(
        api.GET('/api/v1/case-decisions', { params: { query: { ...query, limit, ...(cursor ? { cursor } : {}) } }, signal }),
      );
      if (signal?.aborted) return;
      if (result.state === 'ok') {
        setItems((before) => (cursor ? [...before, ...result.data.items] : result.data.items));
        setNextCursor(result.data.nextCursor);
        setStatus({ state: 'ok', loadingMore: false });
      } else if (!cursor) setStatus(result);
      else setStatus({ state: 'ok', loadingMore: false });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is the query's value; the object is new on every render
    [key, limit],
  );

  useEffect(() => {
    if (!query) return;
    const controller = new AbortController();
    setStatus({ state: 'loading' });
    load(undefined, controller.signal).catch(() => {});
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load changes exactly when the query's key does
  }, [load]);

  if (status.state !== 'ok') return status;
  return {
    state: 'ok',
    items,
    nextCursor,
    loadingMore: status.loadingMore,
    more: () => {
      if (!nextCursor) return;
      setStatus({ state: 'ok', loadingMore: true });
      void load(nextCursor).catch(() => {});
    },
  };
}

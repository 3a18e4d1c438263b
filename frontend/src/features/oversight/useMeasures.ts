/** Loading the measures: one call each for a set, a breakdown, a series (no call per row or per month). */
import { api } from '../../api/client';
import { settle, useQuery, type QueryState } from '../../api/useQuery';
import type { MeasureBreakdown, MeasureSeries, MeasureSet, ScopeQuery } from './measures';

const params = (q: ScopeQuery) => ({ scope: q.scope, scopeId: q.scopeId, from: q.from, to: q.to });

export function useMeasureSet(q: ScopeQuery | null): QueryState<MeasureSet | null> {
  return useQuery(
    (signal) => (q ? settle(api.GET('/api/v1/measures', { params: { query: params(q) }, signal })) : Promise.resolve({ state: 'ok' as const, data: null })),
    [q?.scope, q?.scopeId, q?.from, q?.to],
  );
}

export function useBreakdown(q: ScopeQuery): QueryState<MeasureBreakdown> {
  return useQuery((signal) => settle(api.GET('/api/v1/measures/breakdown', { params: { query: params(q) }, signal })), [q.scope, q.scopeId, q.from, q.to]);
}

export function useSeries(q: ScopeQuery, measure: string | null): QueryState<MeasureSeries | null> {
  return useQuery(
    (signal) =>
      measure
        ? settle(api.GET('/api/v1/measures/series', { params: { query: { ...params(q), measure } }, signal }))
        : Promise.resolve({ state: 'ok' as const, data: null }),
    [q.scope, q.scopeId, q.from, q.to, measure],
  );
}

import { useEffect, useState, type DependencyList } from 'react';
import { NETWORK_PROBLEM, asProblem, type Problem } from './client';

export type QueryState<T> =
  | { state: 'loading' }
  | { state: 'ok'; data: T }
  | { state: 'error'; problem: Problem };

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Turns one openapi-fetch call's result into data or a problem. */
export async function settle<T>(call: Promise<Result<T>>): Promise<QueryState<T>> {
  try {
    const { data, error, response } = await call;
    if (response.ok && data !== undefined) return { state: 'ok', data };
    return { state: 'error', problem: asProblem(error, response.status) };
  } catch (thrown) {
    if (thrown instanceof DOMException && thrown.name === 'AbortError') throw thrown;
    return { state: 'error', problem: NETWORK_PROBLEM };
  }
}

/** Loads data for a page; re-runs when deps change, and ignores answers that arrive after leaving. */
export function useQuery<T>(load: (signal: AbortSignal) => Promise<QueryState<T>>, deps: DependencyList): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ state: 'loading' });
    load(controller.signal).then(
      (result) => {
        if (!controller.signal.aborted) setState(result);
      },
      () => {
        // aborted: the page has gone
      },
    );
    return () => controller.abort();
  }, deps);
  return state;
}

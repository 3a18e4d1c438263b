import { useEffect, useState, type DependencyList } from 'react';
import { nextOnline } from '../offline/retryWhenOnline';
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

/**
 * Loads data for a page; re-runs when deps change, and ignores answers that arrive after leaving. A load
 * that failed for want of a network runs again when the connection comes back.
 */
export function useQuery<T>(load: (signal: AbortSignal) => Promise<QueryState<T>>, deps: DependencyList): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    setState({ state: 'loading' });
    const run = (): void => {
      load(signal).then(
        (result) => {
          if (signal.aborted) return;
          setState(result);
          if (result.state === 'error' && result.problem.status === 0) {
            void nextOnline(signal).then(() => {
              if (!signal.aborted) run();
            });
          }
        },
        () => {
          // aborted: the page has gone
        },
      );
    };
    run();
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps decide when to load again (load is a new closure each render)
  }, deps);
  return state;
}

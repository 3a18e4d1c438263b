/**
 * A fake network for unit tests: answers fetch calls from a table of "METHOD /path" routes
 * and records every request. (End-to-end tests use the real backend.)
 */
import { vi } from 'vitest';

export interface MockResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** The body exactly as written (JSON a JavaScript value cannot hold, such as a 64-bit integer); wins over body. */
  raw?: string;
}

export type Handler = MockResponse | ((request: RecordedRequest) => MockResponse | Promise<MockResponse>);

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

export interface MockApi {
  calls: RecordedRequest[];
  /** Calls to one "METHOD /path". */
  callsTo: (route: string) => RecordedRequest[];
  fetch: ReturnType<typeof vi.fn>;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): MockResponse {
  return { status, body, headers };
}

export function problem(status: number, title: string, extra: Record<string, unknown> = {}): MockResponse {
  return {
    status,
    body: { type: `https://supervision.example/problems/${status}`, title, status, ...extra },
    headers: { 'Content-Type': 'application/problem+json' },
  };
}

/** Routes are tried in order; a path pattern may use ":name" parts. Unknown calls answer 404. */
export function mockApi(routes: Record<string, Handler>): MockApi {
  const calls: RecordedRequest[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(
      typeof input === 'string' && input.startsWith('/') ? `http://localhost:3000${input}` : input,
      init,
    );
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.text();
    const recorded: RecordedRequest = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    calls.push(recorded);
    for (const [route, handler] of Object.entries(routes)) {
      const [method, pattern] = route.split(' ');
      if (method !== request.method || !pattern || !matches(pattern, url.pathname)) continue;
      const answer = typeof handler === 'function' ? await handler(recorded) : handler;
      const status = answer.status ?? 200;
      const headers = new Headers(answer.headers);
      if (answer.body !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
      if (answer.raw !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
      return new Response(answer.raw ?? (answer.body === undefined || status === 204 ? null : JSON.stringify(answer.body)), {
        status,
        headers,
      });
    }
    return new Response(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404 }), {
      status: 404,
      headers: { 'Content-Type': 'application/problem+json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return {
    calls,
    callsTo: (route) => {
      const [method, path] = route.split(' ');
      return calls.filter((c) => c.method === method && (!path || matches(path, c.path)));
    },
    fetch,
  };
}

function matches(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const got = path.split('/');
  return want.length === got.length && want.every((part, i) => part.startsWith(':') || part === got[i]);
}

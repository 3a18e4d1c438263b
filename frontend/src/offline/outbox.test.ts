import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storeTokens } from '../api/session';
import { openDb } from './db';
import { setDeviceAccount } from './account';
import { wipeAccountData } from './drafts';
import { cachedOutboxCount, changed, count, enqueue, list, remove, replay, resetOutboxForTests, subscribe } from './outbox';

const entry = (label: string) => ({
  method: 'PUT' as const,
  path: '/api/v1/sessions/s1/record',
  body: { entries: [], personalIssuesDiscussed: false, actionReviews: [] },
  ifMatch: '"v1"',
  idempotencyKey: `key-${label}`,
  label,
});

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

describe('outbox', () => {
  beforeEach(async () => {
    await resetOutboxForTests();
    setDeviceAccount('acc-1');
    await changed();
    storeTokens({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 } as never);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('enqueues, lists in order, counts and removes', async () => {
    const a = await enqueue(entry('first'));
    await enqueue(entry('second'));
    expect(await count()).toBe(2);
    expect((await list()).map((e) => e.label)).toEqual(['first', 'second']);
    expect((await list())[0]?.state).toBe('pending');
    await remove(a.id);
    expect((await list()).map((e) => e.label)).toEqual(['second']);
  });

  it('tells subscribers the count', async () => {
    const seen: number[] = [];
    const off = subscribe(() => seen.push(cachedOutboxCount()));
    const a = await enqueue(entry('one'));
    await enqueue(entry('two'));
    await remove(a.id);
    off();
    expect(seen).toEqual([1, 2, 1]);
  });

  it('replays in order with Idempotency-Key, If-Match and the bearer token, removing what was sent', async () => {
    await enqueue(entry('first'));
    await enqueue({ ...entry('second'), method: 'POST', path: '/api/v1/sessions/s1/record/notes', ifMatch: undefined });
    const sent: Request[] = [];
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      sent.push(request);
      return json(200, { id: 's1' }, { ETag: '"v2"' });
    }));
    await replay();
    expect(sent.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'PUT /api/v1/sessions/s1/record',
      'POST /api/v1/sessions/s1/record/notes',
    ]);
    expect(sent[0]?.headers.get('Idempotency-Key')).toBe('key-first');
    expect(sent[0]?.headers.get('If-Match')).toBe('"v1"');
    expect(sent[0]?.headers.get('Authorization')).toBe('Bearer a');
    expect(await sent[0]?.clone().json()).toEqual(entry('x').body);
    expect(sent[1]?.headers.get('If-Match')).toBeNull();
    expect(await count()).toBe(0);
  });

  it('keeps the entry and stops on a network error', async () => {
    await enqueue(entry('first'));
    await enqueue(entry('second'));
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', fetch);
    await replay();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect((await list()).map((e) => [e.label, e.state])).toEqual([
      ['first', 'pending'],
      ['second', 'pending'],
    ]);
  });

  it('marks a 412 as a conflict and another 4xx as failed with the problem, and goes on', async () => {
    await enqueue(entry('stale'));
    await enqueue(entry('bad'));
    await enqueue(entry('good'));
    const answers = [
      json(412, { type: 'urn:stale', title: 'Precondition failed', status: 412 }),
      json(422, { type: 'urn:rule', title: 'Record is signed', detail: 'The record is locked', status: 422 }),
      json(200, {}),
    ];
    vi.stubGlobal('fetch', vi.fn(async () => answers.shift()));
    await replay();
    const left = await list();
    expect(left.map((e) => [e.label, e.state])).toEqual([
      ['stale', 'conflict'],
      ['bad', 'failed'],
    ]);
    expect(left[1]?.problem?.detail).toBe('The record is locked');
    // Conflicts and failures are not resent by a later replay.
    const again = vi.fn(async () => json(200, {}));
    vi.stubGlobal('fetch', again);
    await replay();
    expect(again).not.toHaveBeenCalled();
  });

  it('keeps entries encrypted at rest, and a wipe leaves nothing readable', async () => {
    await enqueue({ ...entry('secret'), body: { reflection: 'Worried about the Smith family' } });
    const db = await openDb();
    const raw = await new Promise<unknown[]>((resolve) => {
      const request = db.transaction('outbox').objectStore('outbox').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    expect(raw).toHaveLength(1);
    expect(JSON.stringify(raw)).not.toContain('Smith');
    expect(raw[0]).toHaveProperty('sealed');
    expect((await list())[0]?.body).toEqual({ reflection: 'Worried about the Smith family' });
    await wipeAccountData('acc-1');
    expect(await count()).toBe(0);
  });

  it('coalesces a second save of the same form into the waiting one', async () => {
    await enqueue({ ...entry('first'), href: '/sessions/s1/record' }, { coalesce: true });
    await enqueue({ ...entry('second'), body: { changed: true }, href: '/sessions/s1/record' }, { coalesce: true });
    const left = await list();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ body: { changed: true }, idempotencyKey: 'key-first', ifMatch: '"v1"' });
  });

  it('runs one replay at a time', async () => {
    await enqueue(entry('only'));
    const fetch = vi.fn(async () => json(200, {}));
    vi.stubGlobal('fetch', fetch);
    await Promise.all([replay(), replay()]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

/**
 * The direct attempt (`fetch` without ky, used by the ratings batch) against the one through
 * ky: the same request through the same transport, under every fault the mock can script,
 * must look the same on the wire, to the hooks, to a custom fetch and to the caller. The one
 * difference allowed is in the chain of causes, where ky's own wrapper errors are absent.
 */
import { describe, expect, it } from 'vitest';
import { seeds } from '../../../seeds/index.ts';
import { BatchRatingsResponse } from '../resources/ratings.ts';
import { DEMO_API_KEY, startHarness, useMockHarness } from '../test-utils/mock-api.ts';
import { type ClientHooks, DEFAULTS, type RequestOptions, Transport } from './http.ts';

const mock = useMockHarness();
let faultId = 0;
const ids = seeds.enterprises
  .filter((x) => !x.tags.some((t) => t.startsWith('magic:')))
  .slice(0, 3)
  .map((e) => e.subject.uscc);

interface Scenario {
  name: string;
  script?: string;
  timeout?: number;
  maxRetries?: number;
  apiKey?: string;
  baseUrl?: string;
  /** Aborts the call this long after its first attempt starts. */
  abortAfterMs?: number;
}

// What differs by nature between two runs (fault slot, request ids, the random idempotency key)
// is replaced by what it says: whether the key stayed the same.
const unique = /req_[0-9a-z]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const plain = (text: string) => text.replaceAll(unique, '…').replaceAll(mock.url, 'MOCK');
function sameHeaders(headers: Record<string, string>, firstKey: string | undefined): Record<string, string> {
  const { 'x-mock-fault-id': _slot, 'idempotency-key': key, ...rest } = headers;
  return { ...rest, 'idempotency-key': key === undefined ? 'none' : key === firstKey ? 'first' : 'other' };
}

// The chain of causes, without ky's own wrappers: a direct attempt has no ky error to wrap the
// fetch failure in, so its chain is one link shorter and otherwise the same.
function causes(e: unknown): unknown[] {
  const out: unknown[] = [];
  for (let c = (e as Error).cause; c !== undefined; c = (c as Error).cause) {
    if (!(c instanceof Error)) {
      out.push(c);
      break;
    }
    if (c.name !== 'NetworkError' && c.name !== 'TimeoutError') out.push(plain(`${c.name}: ${c.message}`));
  }
  return out;
}

/** One POST /v1/ratings/batch, as ky or as the direct attempt makes it, and all it left behind. */
async function trace(scenario: Scenario, direct: boolean) {
  await mock.reset();
  const events: unknown[] = [];
  const requests: unknown[] = [];
  let firstKey: string | undefined;
  const ac = new AbortController();
  const log =
    (hook: string) =>
    (e: { method: string; url: string; path: string; headers: Record<string, string>; attempt: number }) => {
      firstKey ??= e.headers['idempotency-key'];
      const { status, error } = e as { status?: number; error?: Error };
      events.push({
        hook,
        method: e.method,
        url: plain(e.url),
        path: e.path,
        attempt: e.attempt,
        headers: sameHeaders(e.headers, firstKey),
        status,
        error: error && plain(`${error.name}: ${error.message}`),
      });
      if (hook === 'onRequest' && scenario.abortAfterMs !== undefined && e.attempt === 1) {
        setTimeout(() => ac.abort(new Error('user left')), scenario.abortAfterMs);
      }
    };
  const hooks: ClientHooks = {
    onRequest: log('onRequest'),
    onResponse: log('onResponse'),
    onRetry: log('onRetry'),
    onError: log('onError'),
  };
  // A custom fetch sees what the global one would be given.
  const seeing: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    requests.push({
      isRequest: input instanceof Request,
      method: request.method,
      url: plain(request.url),
      headers: sameHeaders(Object.fromEntries(request.headers), firstKey),
      body: await request.clone().text(),
    });
    return fetch(request);
  };
  const transport = new Transport({
    baseUrl: scenario.baseUrl ?? mock.url,
    apiKey: scenario.apiKey ?? DEMO_API_KEY,
    fetch: seeing,
    timeout: scenario.timeout ?? DEFAULTS.timeout,
    maxRetries: scenario.maxRetries ?? 2,
    hooks,
    retryPolicy: { baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 50 },
    defaultHeaders: {},
  });
  const options: RequestOptions = {
    signal: ac.signal,
    ...(scenario.script
      ? { headers: { 'X-Mock-Fault': scenario.script, 'X-Mock-Fault-Id': `direct-${++faultId}` } }
      : {}),
  };
  const outcome = await transport
    .requestWithResponse(
      { method: 'POST', path: '/v1/ratings/batch', body: { ids }, schema: BatchRatingsResponse, direct },
      options,
    )
    .then(
      (r) => ({ ids: r.data.data.map((i) => i.id), requestId: r.requestId !== undefined }),
      (e: Error) => ({ error: plain(`${e.name}: ${e.message}`), causes: causes(e) }),
    );
  const journal = scenario.baseUrl
    ? []
    : (await mock.journal()).map((e) => ({
        method: e.method,
        path: e.path,
        status: e.status,
        body: e.body,
        headers: sameHeaders(e.headers, firstKey),
      }));
  return { outcome, journal, events, requests };
}

const scenarios: Scenario[] = [
  { name: 'an answer' },
  { name: 'two 503s, then an answer', script: '503,503,ok' },
  { name: 'a 500 on every attempt', script: '500', maxRetries: 1 },
  { name: 'a 429 with Retry-After, capped', script: '429:1,ok' },
  { name: 'a 400', script: '400' },
  { name: 'a dropped connection, then an answer', script: 'drop,ok' },
  { name: 'a dropped connection on every attempt', script: 'drop', maxRetries: 1 },
  { name: 'too slow, then an answer', script: 'delay:1000,ok', timeout: 150 },
  { name: 'too slow on every attempt', script: 'delay:1000', timeout: 100, maxRetries: 1 },
  { name: 'truncated JSON', script: 'malformed' },
  { name: 'JSON that fails the schema', script: 'schema' },
  { name: 'a revoked key', apiKey: 'xj_test_revoked' },
  { name: 'an abort while waiting for the answer', script: 'delay:2000', abortAfterMs: 50 },
];

describe('a direct attempt looks like one through ky', () => {
  it.each(scenarios)('$name', async (scenario) => {
    const viaKy = await trace(scenario, false);
    const direct = await trace(scenario, true);
    expect(direct).toEqual(viaKy);
    // Equal is not enough if both were wrong: the request itself must be the batch asked for.
    expect(direct.requests[0]).toMatchObject({
      isRequest: true,
      method: 'POST',
      url: 'MOCK/v1/ratings/batch',
      body: JSON.stringify({ ids }),
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${scenario.apiKey ?? DEMO_API_KEY}`,
        'content-type': 'application/json',
        'idempotency-key': 'first',
      },
    });
  });

  it('retries on the wire as the transport promises: one key, counted retries', async () => {
    const { journal, outcome } = await trace({ name: '', script: '503,503,ok' }, true);
    expect(outcome).toEqual({ ids, requestId: true });
    expect(journal.map((e) => [e.status, e.headers['x-retry-count'], e.headers['idempotency-key']])).toEqual([
      [503, undefined, 'first'],
      [503, '1', 'first'],
      [200, '2', 'first'],
    ]);
  });

  it('times out an attempt with APITimeoutError, and maps a refused connection', async () => {
    const slow = await trace({ name: '', script: 'delay:1000', timeout: 100, maxRetries: 0 }, true);
    expect(slow.outcome).toMatchObject({
      error: expect.stringMatching(
        /^APITimeoutError: Request timed out after 100 ms: POST \/v1\/ratings\/batch/,
      ),
    });
    const closed = await startHarness();
    const url = closed.url;
    await closed.close();
    const refused = await trace({ name: '', baseUrl: url, maxRetries: 0 }, true);
    expect(refused.outcome).toMatchObject({
      error: 'APIConnectionError: Connection error: POST /v1/ratings/batch',
    });
  });

  it('ends with APIUserAbortError carrying the reason when the caller aborts', async () => {
    const { outcome, journal } = await trace({ name: '', script: 'delay:2000', abortAfterMs: 50 }, true);
    expect(outcome).toEqual({
      error: expect.stringMatching(/^APIUserAbortError/),
      causes: ['Error: user left'],
    });
    expect(journal).toHaveLength(1);
  });
});

/**
 * The transport against the real mock server: retries, idempotency, timeouts, aborts, body
 * validation and hooks, observed through the mock's request journal.
 */
import { describe, expect, it } from 'vitest';
import { seeds } from '../../../seeds/index.ts';
import { startHarness, useMockHarness } from '../test-utils/mock-api.ts';
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  ResponseValidationError,
  UnprocessableEntityError,
} from './errors.ts';
import type { ErrorEvent, RequestEvent, ResponseEvent, RetryEvent } from './http.ts';

const mock = useMockHarness();
let faultId = 0;
const plainUscc = (i: number): string => {
  const e = seeds.enterprises.filter((x) => !x.tags.some((t) => t.startsWith('magic:')))[i];
  if (e === undefined) throw new Error('the seeds have too few enterprises');
  return e.subject.uscc;
};
// Each script gets its own slot on the mock, so tests cannot consume each other's steps.
const fault = (script: string) => ({ 'X-Mock-Fault': script, 'X-Mock-Fault-Id': `http-test-${++faultId}` });

describe('retries', () => {
  it('retries 503 twice and succeeds, counting retries in X-Retry-Count', async () => {
    const account = await mock.client().account.retrieve({ headers: fault('503,503,ok') });
    expect(account.id).toBe('acct_demo');
    const journal = await mock.journal();
    expect(journal.map((e) => e.status)).toEqual([503, 503, 200]);
    expect(journal.map((e) => e.headers['x-retry-count'])).toEqual([undefined, '1', '2']);
  });

  it('gives up after maxRetries (default 2) with the last error', async () => {
    const error = await mock
      .client()
      .account.retrieve({ headers: fault('500') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(500);
    expect((await mock.journal()).length).toBe(3);
  });

  it('honours a per-request maxRetries', async () => {
    await expect(
      mock.client().account.retrieve({ maxRetries: 0, headers: fault('503') }),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect((await mock.journal()).length).toBe(1);
    await mock.reset();
    await expect(
      mock.client({ maxRetries: 0 }).account.retrieve({ maxRetries: 3, headers: fault('503,503,503,ok') }),
    ).resolves.toMatchObject({ id: 'acct_demo' });
    expect((await mock.journal()).length).toBe(4);
  });

  it.each([
    ['400', BadRequestError],
    ['401', AuthenticationError],
    ['402', PaymentRequiredError],
    ['403', PermissionDeniedError],
    ['404', NotFoundError],
    ['422', UnprocessableEntityError],
  ] as const)('never retries %s', async (status, ctor) => {
    const error = await mock
      .client({ maxRetries: 5 })
      .account.retrieve({ headers: fault(`${status},ok`) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ctor);
    expect((await mock.journal()).map((e) => e.status)).toEqual([Number(status)]);
  });

  it.each(['408', '429:0', '500', '502', '504'])('retries %s', async (step) => {
    await mock.client().account.retrieve({ headers: fault(`${step},ok`) });
    expect((await mock.journal()).map((e) => e.status)).toEqual([Number(step.slice(0, 3)), 200]);
  });

  it('never retries a 409 idempotency_conflict: the same key and body would conflict again', async () => {
    const error = await mock
      .client({ maxRetries: 5 })
      .account.retrieve({ headers: fault('409,ok') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).code).toBe('idempotency_conflict');
    expect((await mock.journal()).map((e) => e.status)).toEqual([409]);
  });

  it('one 409 and no retry when an Idempotency-Key is reused with another order body', async () => {
    const client = mock.client({ maxRetries: 5 });
    const order = { productId: 'creditchina_public_report', purpose: 'government_procurement' } as const;
    await client.reports.order({ ...order, subjectId: plainUscc(0) }, { idempotencyKey: 'reused-key' });
    const error = await client.reports
      .order({ ...order, subjectId: plainUscc(1) }, { idempotencyKey: 'reused-key' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).code).toBe('idempotency_conflict');
    const journal = await mock.journal();
    expect(journal.map((e) => e.status)).toEqual([202, 409]);
    expect(journal.map((e) => e.headers['idempotency-key'])).toEqual(['reused-key', 'reused-key']);
  });

  it('still retries a 409 without that problem code (a proxy’s plain-text 409)', async () => {
    // The mock's 409 always carries idempotency_conflict; a proxy in between answers without one.
    const viaProxy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (response.status !== 409) return response;
      await response.body?.cancel();
      return new Response('<html>409 Conflict</html>', {
        status: 409,
        headers: { 'content-type': 'text/html' },
      });
    };
    const account = await mock.client({ fetch: viaProxy }).account.retrieve({ headers: fault('409,409,ok') });
    expect(account.id).toBe('acct_demo');
    expect((await mock.journal()).map((e) => e.status)).toEqual([409, 409, 200]);
  });

  it('backs off exponentially from retryBaseDelayMs', async () => {
    await mock
      .client({ retryBaseDelayMs: 60, retryMaxDelayMs: 1000 })
      .account.retrieve({ headers: fault('500,500,ok') });
    const [a, b, c] = await mock.journal();
    if (!a || !b || !c) throw new Error('expected three requests');
    // At most 25 % jitter off 60 ms, then 120 ms.
    expect(b.time - a.time).toBeGreaterThanOrEqual(45);
    expect(c.time - b.time).toBeGreaterThanOrEqual(90);
  });

  it('waits a real 1 s Retry-After before retrying a 429', async () => {
    const retries: RetryEvent[] = [];
    const account = await mock
      .client({ retryBaseDelayMs: 1, hooks: { onRetry: (e) => retries.push(e) } })
      .account.retrieve({ headers: fault('429:1,ok') });
    expect(account.id).toBe('acct_demo');
    const [first, second] = await mock.journal();
    if (!first || !second) throw new Error('expected two requests');
    expect(first.status).toBe(429);
    expect(second.status).toBe(200);
    expect(second.time - first.time).toBeGreaterThanOrEqual(1000);
    expect(retries.map((r) => [r.status, r.delayMs])).toEqual([[429, 1000]]);
  });

  it('caps Retry-After at maxRetryAfterMs', async () => {
    const retries: RetryEvent[] = [];
    await mock
      .client({ maxRetryAfterMs: 30, hooks: { onRetry: (e) => retries.push(e) } })
      .account.retrieve({ headers: fault('503:5,ok') });
    expect(retries.map((r) => r.delayMs)).toEqual([30]);
    const [first, second] = await mock.journal();
    if (!first || !second) throw new Error('expected two requests');
    expect(second.time - first.time).toBeLessThan(1000);
  });

  it('sends one Idempotency-Key per POST, reused on every retry', async () => {
    const client = mock.client();
    await client.ratings.batch(['91110000600037341L'], { headers: fault('503,drop,ok') });
    await client.ratings.batch(['91110000600037341L'], { headers: fault('ok') });
    const journal = await mock.journal();
    expect(journal.map((e) => e.status)).toEqual([503, 0, 200, 200]);
    const keys = journal.map((e) => e.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toBe(keys[0]);
    expect(keys[3]).not.toBe(keys[0]);
  });

  it('uses the caller’s idempotencyKey and sends none on GET', async () => {
    const client = mock.client();
    await client.ratings.batch(['91110000600037341L'], { idempotencyKey: 'order-4711' });
    await client.account.retrieve();
    const [post, get] = await mock.journal();
    expect(post?.headers['idempotency-key']).toBe('order-4711');
    expect(get?.headers['idempotency-key']).toBeUndefined();
  });
});

describe('connection failures, timeouts and aborts', () => {
  it('retries a dropped connection, then gives up with APIConnectionError', async () => {
    await expect(mock.client().account.retrieve({ headers: fault('drop,ok') })).resolves.toMatchObject({
      id: 'acct_demo',
    });
    await mock.reset();
    const error = await mock
      .client({ maxRetries: 1 })
      .account.retrieve({ headers: fault('drop') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APITimeoutError);
    expect((error as APIConnectionError).message).toBe('Connection error: GET /v1/account');
    expect((await mock.journal()).map((e) => e.status)).toEqual([0, 0]);
  });

  it('reports a refused connection as APIConnectionError', async () => {
    const closed = await startHarness();
    const url = closed.url;
    await closed.close();
    const client = mock.client({ baseUrl: url, maxRetries: 0 });
    await expect(client.account.retrieve()).rejects.toBeInstanceOf(APIConnectionError);
  });

  it('times out an attempt after `timeout` and retries it', async () => {
    const retries: RetryEvent[] = [];
    const account = await mock
      .client({ timeout: 150, hooks: { onRetry: (e) => retries.push(e) } })
      .account.retrieve({ headers: fault('delay:1500,ok') });
    expect(account.id).toBe('acct_demo');
    expect(retries.map((r) => r.error.name)).toEqual(['APITimeoutError']);
    expect(retries[0]?.durationMs).toBeGreaterThanOrEqual(140);
    expect(retries[0]?.durationMs).toBeLessThan(1500);
  });

  it('rejects with APITimeoutError when every attempt is too slow', async () => {
    const started = performance.now();
    const error = await mock
      .client({ maxRetries: 1 })
      .account.retrieve({ timeout: 100, headers: fault('delay:1000') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as APITimeoutError).message).toMatch(
      /^Request timed out after \d+ ms: GET \/v1\/account; raise `timeout`/,
    );
    expect(performance.now() - started).toBeLessThan(900);
  });

  it('aborts an attempt in flight, without retrying', async () => {
    const ac = new AbortController();
    const client = mock.client({
      hooks: { onRequest: () => setTimeout(() => ac.abort(new Error('user left')), 50) },
    });
    const error = await client.account
      .retrieve({ signal: ac.signal, headers: fault('delay:2000') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as APIUserAbortError).cause).toEqual(new Error('user left'));
    expect((await mock.journal()).length).toBe(1);
  });

  it('aborts the wait between retries', async () => {
    const ac = new AbortController();
    const client = mock.client({
      retryBaseDelayMs: 5_000,
      retryMaxDelayMs: 5_000,
      hooks: { onRetry: () => ac.abort() },
    });
    const started = performance.now();
    await expect(
      client.account.retrieve({ signal: ac.signal, headers: fault('503') }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect((await mock.journal()).length).toBe(1);
  });

  it('makes no request when the signal is already aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(mock.client().account.retrieve({ signal: ac.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(await mock.journal()).toEqual([]);
  });
});

describe('response validation', () => {
  it('raises ResponseValidationError with the zod issues for a body that breaks the schema', async () => {
    const error = await mock
      .client()
      .account.retrieve({ headers: fault('schema') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    const e = error as ResponseValidationError;
    const [entry] = await mock.journal();
    expect(e.status).toBe(200);
    expect(e.method).toBe('GET');
    expect(e.path).toBe('/v1/account');
    expect(e.requestId).toBe(entry?.requestId);
    expect(e.issues[0]).toMatchObject({ code: 'invalid_type', path: ['id'] });
    expect(e.message).toMatch(/^Response does not match the schema: GET \/v1\/account \(req_[^)]+\) at id: /);
    // The data is wrong, not the connection: no retry.
    expect((await mock.journal()).length).toBe(1);
  });

  it('raises ResponseParseError, never a SyntaxError, for malformed JSON', async () => {
    const error = await mock
      .client()
      .domains.list({ headers: fault('malformed') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseParseError).cause).toBeInstanceOf(SyntaxError);
    expect((error as ResponseParseError).path).toBe('/v1/domains');
  });
});

describe('hooks', () => {
  it('see method, url, redacted headers, attempt, status and duration', async () => {
    const requests: RequestEvent[] = [];
    const responses: ResponseEvent[] = [];
    const retries: RetryEvent[] = [];
    const errors: ErrorEvent[] = [];
    const client = mock.client({
      hooks: {
        onRequest: (e) => requests.push(e),
        onResponse: (e) => responses.push(e),
        onRetry: (e) => retries.push(e),
        onError: (e) => errors.push(e),
      },
    });
    await client.products.list({ limit: 1 }, { headers: fault('503,ok') });
    expect(requests.map((r) => [r.method, r.url, r.attempt])).toEqual([
      ['GET', `${mock.url}/v1/products?limit=1`, 1],
      ['GET', `${mock.url}/v1/products?limit=1`, 2],
    ]);
    expect(requests[0]?.headers.authorization).toBe('Bearer ***1588');
    expect(JSON.stringify(requests)).not.toContain('xj_demo_2b7e151628aed2a6abf71588');
    expect(requests[1]?.headers['x-retry-count']).toBe('1');
    expect(responses.map((r) => r.status)).toEqual([503, 200]);
    const journal = await mock.journal();
    expect(responses.map((r) => r.requestId)).toEqual(journal.map((e) => e.requestId));
    expect(responses.every((r) => r.durationMs >= 0)).toBe(true);
    expect(retries.map((r) => [r.attempt, r.status, r.error.name])).toEqual([
      [1, 503, 'InternalServerError'],
    ]);
    expect(errors).toEqual([]);

    await expect(client.products.retrieve('no_such_product')).rejects.toBeInstanceOf(NotFoundError);
    expect(errors.map((e) => [e.status, e.error.name, e.path])).toEqual([
      [404, 'NotFoundError', '/v1/products/no_such_product'],
    ]);
  });

  it('never see an ID number in full', async () => {
    const events: RequestEvent[] = [];
    await mock
      .client({ hooks: { onRequest: (e) => events.push(e) } })
      .subjects.search({ q: '11010519491231002X' });
    // The search text rides in the body, so the URL has nothing to mask.
    expect(events.map((e) => [e.method, e.url])).toEqual([['POST', `${mock.url}/v1/subjects/search`]]);
    expect(JSON.stringify(events)).not.toContain('11010519491231002X');
  });

  it('cannot break a call by throwing', async () => {
    const client = mock.client({
      hooks: {
        onRequest: () => {
          throw new Error('logger down');
        },
      },
    });
    await expect(client.account.retrieve()).resolves.toMatchObject({ id: 'acct_demo' });
  });
});

describe('error classes from real mock answers', () => {
  it('429 from the rate-limited key: RateLimitError with retryAfterMs', async () => {
    const client = mock.client({ apiKey: 'xj_test_rate_limited', maxRetries: 0 });
    for (let i = 0; i < 3; i++) await client.account.retrieve();
    const error = await client.account.retrieve().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    const e = error as RateLimitError;
    expect(e.status).toBe(429);
    expect(e.code).toBe('rate_limited');
    expect(e.retryAfterMs).toBeGreaterThan(0);
    expect(e.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(e.message).toMatch(/^429 rate_limited: GET \/v1\/account \(req_[^)]+\) 请求过于频繁/);
    expect(e.requestId).toBe((await mock.journal())[3]?.requestId);
  });

  it('401 from a revoked key: AuthenticationError, not retried', async () => {
    const error = await mock
      .client({ apiKey: 'xj_test_revoked' })
      .account.retrieve()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).code).toBe('unauthorized');
    expect((await mock.journal()).length).toBe(1);
  });

  it('400 from an out-of-range page size: BadRequestError with the issues', async () => {
    const error = await mock
      .client()
      .products.list({ limit: 1000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).problem?.issues?.[0]?.path).toBe('query.limit');
  });

  it('404 from an unknown product: NotFoundError', async () => {
    const error = await mock
      .client()
      .products.retrieve('no_such_product')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toMatch(
      /^404 not_found: GET \/v1\/products\/no_such_product \(req_[^)]+\) 没有产品 no_such_product$/,
    );
  });
});

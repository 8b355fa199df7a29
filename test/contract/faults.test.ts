/**
 * Contract: fault injection (`X-Mock-Fault` scripts, `magic:*` subjects, latency) and rate
 * limits over the real HTTP server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type JournalEntry, MAGIC_SLOW_MS, type RunningMockServer } from '../../mock-server/src/index.ts';
import { Problem } from '../../sdk/src/core/schemas.ts';
import { DomainList } from '../../sdk/src/resources/domains.ts';
import { BatchRatingsResponse } from '../../sdk/src/resources/ratings.ts';
import { Report } from '../../sdk/src/resources/reports.ts';
import { RATE_LIMITED_API_KEY, RATE_LIMITED_PER_MINUTE, seeds } from '../../seeds/index.ts';
import { call, expectJson, expectProblem, idempotencyKey, startServer } from './support.ts';

let server: RunningMockServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  await fetch(`${server.url}/__mock/reset`, { method: 'POST' });
});

function faulted(script: string, id: string = crypto.randomUUID()) {
  return () =>
    call(server.url, '/v1/domains', { headers: { 'x-mock-fault': script, 'x-mock-fault-id': id } });
}

function magic(tag: string) {
  const e = seeds.enterprises.find((x) => x.tags.includes(tag));
  if (e === undefined) throw new Error(`no seed enterprise tagged ${tag}`);
  return e;
}

async function journal(): Promise<JournalEntry[]> {
  return ((await (await fetch(`${server.url}/__mock/journal`)).json()) as { data: JournalEntry[] }).data;
}

describe('X-Mock-Fault scripts', () => {
  it('503,503,ok: two 503 problems, then success, for requests with the same script and id', async () => {
    const next = faulted('503,503,ok');
    await expectProblem(await next(), 503, 'unavailable');
    await expectProblem(await next(), 503, 'unavailable');
    await expectJson(await next(), 200, DomainList);
    // The last step repeats once the script is used up.
    await expectJson(await next(), 200, DomainList);
    // Another id runs its own copy of the script.
    await expectProblem(await faulted('503,503,ok')(), 503, 'unavailable');
  });

  it('500 fails every time; the journal names the fault', async () => {
    const next = faulted('500');
    await expectProblem(await next(), 500, 'internal');
    await expectProblem(await next(), 500, 'internal');
    const entries = await journal();
    expect(entries.map((e) => [e.status, e.fault])).toEqual([
      [500, 'header:500'],
      [500, 'header:500'],
    ]);
  });

  it('429:2 answers 429 with Retry-After: 2', async () => {
    const response = await faulted('429:2,ok')();
    await expectProblem(response, 429, 'rate_limited');
    expect(response.headers.get('retry-after')).toBe('2');
  });

  it('malformed answers 200 with JSON that does not parse', async () => {
    const response = await faulted('malformed')();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await response.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('schema answers 200 with JSON that fails the SDK schema', async () => {
    const response = await faulted('schema')();
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    expect(DomainList.safeParse(body).success).toBe(false);
  });

  it('drop closes the connection: fetch rejects', async () => {
    await expect(faulted('drop')()).rejects.toThrow(TypeError);
    const [entry] = await journal();
    expect(entry?.status).toBe(0);
    expect(entry?.fault).toBe('header:drop');
  });

  it('delay:<ms> answers normally after the delay', async () => {
    const started = performance.now();
    await expectJson(await faulted('delay:250')(), 200, DomainList);
    expect(performance.now() - started).toBeGreaterThanOrEqual(245);
  });

  it('without X-Mock-Fault-Id, the slot is method + path + key', async () => {
    const send = () => call(server.url, '/v1/domains', { headers: { 'x-mock-fault': '502,ok' } });
    await expectProblem(await send(), 502, 'unavailable');
    await expectJson(await send(), 200, DomainList);
  });

  it('400s a script it does not understand', async () => {
    const problem = await expectProblem(await faulted('explode')(), 400, 'invalid_request');
    expect(problem.issues?.[0]?.path).toBe('header.X-Mock-Fault');
  });
});

const batchOf = (tag: string) => () =>
  call(server.url, '/v1/ratings/batch', { body: { ids: [magic(tag).subject.uscc] } });

describe('magic subjects', () => {
  it('magic:503-twice: 503, 503, then success for the same request', async () => {
    const send = batchOf('magic:503-twice');
    await expectProblem(await send(), 503, 'unavailable');
    await expectProblem(await send(), 503, 'unavailable');
    const ok = await expectJson(await send(), 200, BatchRatingsResponse);
    expect(ok.data[0]?.status).toBe('found');
  });

  it('magic:503-twice counts per request fingerprint, for report orders too', async () => {
    const e = magic('magic:503-twice');
    const key = idempotencyKey('magic');
    const body = {
      productId: 'tax_credit_grade',
      subjectId: e.subject.uscc,
      purpose: 'government_procurement',
    };
    const send = () => call(server.url, '/v1/reports', { body, headers: { 'idempotency-key': key } });
    await expectProblem(await send(), 503, 'unavailable');
    await expectProblem(await send(), 503, 'unavailable');
    const report = await expectJson(await send(), 202, Report);
    expect(report.subjectRef).toBe(e.subject.uscc);
  });

  it('magic:500 answers 500', async () => {
    await expectProblem(await batchOf('magic:500')(), 500, 'internal');
  });

  it('magic:malformed-json answers 200 with a truncated body', async () => {
    const response = await batchOf('magic:malformed-json')();
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('magic:schema-violation answers 200 with JSON that fails the SDK schema', async () => {
    const response = await batchOf('magic:schema-violation')();
    expect(response.status).toBe(200);
    const parsed = BatchRatingsResponse.safeParse(await response.json());
    expect(parsed.success).toBe(false);
  });

  it('magic:drop-connection drops the connection', async () => {
    await expect(batchOf('magic:drop-connection')()).rejects.toThrow(TypeError);
  });

  it('magic:slow answers after 2 s', async () => {
    const started = performance.now();
    await expectJson(await batchOf('magic:slow')(), 200, BatchRatingsResponse);
    expect(performance.now() - started).toBeGreaterThanOrEqual(MAGIC_SLOW_MS - 5);
  });

  it('magic:429 answers 429 with Retry-After: 1 once, then success', async () => {
    const send = batchOf('magic:429');
    const first = await send();
    await expectProblem(first, 429, 'rate_limited');
    expect(first.headers.get('retry-after')).toBe('1');
    await expectJson(await send(), 200, BatchRatingsResponse);
  });
});

describe('rate limits', () => {
  it('429s a key past its per-minute limit, with Retry-After, until the window resets', async () => {
    await fetch(`${server.url}/__mock/clock`, {
      method: 'PUT',
      body: JSON.stringify({ now: '2026-11-02T09:00:00Z' }),
    });
    const send = () => call(server.url, '/v1/domains', { key: RATE_LIMITED_API_KEY });
    for (let i = 1; i <= RATE_LIMITED_PER_MINUTE; i++) {
      const ok = await send();
      expect(ok.status).toBe(200);
      expect(ok.headers.get('ratelimit-limit')).toBe(String(RATE_LIMITED_PER_MINUTE));
      expect(ok.headers.get('ratelimit-remaining')).toBe(String(RATE_LIMITED_PER_MINUTE - i));
      await ok.body?.cancel();
    }
    const limited = await send();
    const problem = await expectProblem(limited, 429, 'rate_limited');
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(Problem.parse(problem).message).toContain(String(RATE_LIMITED_PER_MINUTE));

    await fetch(`${server.url}/__mock/clock`, { method: 'PUT', body: JSON.stringify({ advanceMs: 45_000 }) });
    const later = await send();
    await expectProblem(later, 429, 'rate_limited');
    expect(later.headers.get('retry-after')).toBe('15');

    await fetch(`${server.url}/__mock/clock`, { method: 'PUT', body: JSON.stringify({ advanceMs: 15_000 }) });
    await expectJson(await send(), 200, DomainList);
  });
});

describe('latency', () => {
  it('PUT /__mock/config { latencyMs } slows every /v1 answer', async () => {
    const put = await fetch(`${server.url}/__mock/config`, {
      method: 'PUT',
      body: JSON.stringify({ latencyMs: 200 }),
    });
    expect(await put.json()).toEqual({ latencyMs: 200, reportDelayMs: 300, slowMs: MAGIC_SLOW_MS });
    const started = performance.now();
    await expectJson(await call(server.url, '/v1/domains'), 200, DomainList);
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    // The latency is the request's time at the mock, its own work included, as the journal says.
    const [entry] = (await journal()).filter((e) => e.path === '/v1/domains');
    expect(entry?.durationMs).toBeGreaterThanOrEqual(199);
  });

  it('PUT /__mock/config { slowMs } changes how long magic:slow holds its request, until a reset', async () => {
    const put = await fetch(`${server.url}/__mock/config`, {
      method: 'PUT',
      body: JSON.stringify({ slowMs: 3000 }),
    });
    expect(await put.json()).toMatchObject({ slowMs: 3000 });
    const started = performance.now();
    await expectJson(await batchOf('magic:slow')(), 200, BatchRatingsResponse);
    expect(performance.now() - started).toBeGreaterThanOrEqual(2995);
    await fetch(`${server.url}/__mock/reset`, { method: 'POST' });
    expect(await (await fetch(`${server.url}/__mock/config`)).json()).toMatchObject({
      slowMs: MAGIC_SLOW_MS,
    });
  });

  it('PUT /__mock/config refuses a slowMs beyond the longest fault delay', async () => {
    const put = await fetch(`${server.url}/__mock/config`, {
      method: 'PUT',
      body: JSON.stringify({ slowMs: 60_001 }),
    });
    const problem = await expectProblem(put, 400, 'invalid_request');
    expect(problem.issues?.[0]?.path).toBe('body.slowMs');
  });
});

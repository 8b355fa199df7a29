/**
 * Contract: bad data from the real HTTP mock server. Every endpoint answering with truncated
 * JSON or with JSON that breaks the schema raises the SDK's own error, once (bad data is not
 * retried), naming the request; error answers with broken bodies still get their status class;
 * subjects whose answers are always bad cost only their own lookup items.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry, RunningMockServer } from '../../mock-server/src/index.ts';
import { type ClientOptions, createClient, type XinjianClient } from '../../sdk/src/client.ts';
import {
  isNotFoundError,
  isResponseValidationError,
  NotFoundError,
  ResponseParseError,
  ResponseValidationError,
} from '../../sdk/src/core/errors.ts';
import type { RequestOptions } from '../../sdk/src/core/http.ts';
import { DEMO_API_KEY, enterpriseByTag, seeds } from '../../seeds/index.ts';
import { startServer } from './support.ts';

let server: RunningMockServer;
beforeAll(async () => {
  server = await startServer({ reportDelayMs: 0 });
});
afterAll(() => server.close());
beforeEach(async () => {
  await fetch(`${server.url}/__mock/reset`, { method: 'POST' });
});

const plain = seeds.enterprises.filter((e) => !e.tags.some((t) => t.startsWith('magic:')));
const uscc = (i: number) => plain[i]?.subject.uscc ?? '';
const ORDER = {
  productId: 'creditchina_public_report',
  subjectId: uscc(0),
  purpose: 'government_procurement',
} as const;

function client(overrides: Partial<ClientOptions> = {}): XinjianClient {
  return createClient({
    baseUrl: server.url,
    apiKey: DEMO_API_KEY,
    retryBaseDelayMs: 10,
    retryMaxDelayMs: 40,
    maxRetries: 2,
    ...overrides,
  });
}

async function journal(): Promise<JournalEntry[]> {
  return ((await (await fetch(`${server.url}/__mock/journal`)).json()) as { data: JournalEntry[] }).data;
}

const fault = (script: string): RequestOptions => ({ headers: { 'X-Mock-Fault': script } });

interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  status: number;
  /** The first property of the body: the one the `schema` fault nulls. */
  first: string;
  call(c: XinjianClient, options: RequestOptions): Promise<unknown>;
}

const ENDPOINTS: Endpoint[] = [
  {
    name: 'products.list',
    method: 'GET',
    path: '/v1/products',
    status: 200,
    first: 'data',
    call: (c, o) => c.products.list({ limit: 2 }, o).then((p) => p.data),
  },
  {
    name: 'products.retrieve',
    method: 'GET',
    path: '/v1/products/creditchina_public_report',
    status: 200,
    first: 'id',
    call: (c, o) => c.products.retrieve('creditchina_public_report', o),
  },
  {
    name: 'domains.list',
    method: 'GET',
    path: '/v1/domains',
    status: 200,
    first: 'data',
    call: (c, o) => c.domains.list(o),
  },
  {
    name: 'subjects.search',
    method: 'POST',
    path: '/v1/subjects/search',
    status: 200,
    first: 'data',
    call: (c, o) => c.subjects.search({ q: uscc(1) }, o),
  },
  {
    name: 'account.retrieve',
    method: 'GET',
    path: '/v1/account',
    status: 200,
    first: 'id',
    call: (c, o) => c.account.retrieve(o),
  },
  {
    name: 'ratings.batch',
    method: 'POST',
    path: '/v1/ratings/batch',
    status: 200,
    first: 'data',
    call: (c, o) => c.ratings.batch([uscc(1), uscc(2)], o),
  },
  {
    name: 'reports.order',
    method: 'POST',
    path: '/v1/reports',
    status: 202,
    first: 'id',
    call: (c, o) => c.reports.order(ORDER, o),
  },
  {
    name: 'reports.retrieve',
    method: 'GET',
    path: '/v1/reports/rpt_000001',
    status: 200,
    first: 'id',
    call: async (c, o) => {
      // The report must exist first; only the read is faulted.
      await c.reports.order(ORDER);
      return c.reports.retrieve('rpt_000001', o);
    },
  },
];

describe.each(ENDPOINTS)('$name ($method $path)', (endpoint) => {
  it('truncated JSON: ResponseParseError, naming the request, not retried', async () => {
    const error = await endpoint.call(client(), fault('malformed')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(isResponseValidationError(error)).toBe(true);
    const e = error as ResponseParseError;
    expect(e.name).toBe('ResponseParseError');
    expect(e.cause).toBeInstanceOf(SyntaxError);
    const faulted = (await journal()).filter((j) => j.fault === 'header:malformed');
    expect(faulted.length).toBe(1);
    expect([e.status, e.method, e.path, e.requestId]).toEqual([
      endpoint.status,
      endpoint.method,
      endpoint.path,
      faulted[0]?.requestId,
    ]);
  });

  it('JSON that breaks the schema: ResponseValidationError with the issue, not retried', async () => {
    const error = await endpoint.call(client(), fault('schema')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).not.toBeInstanceOf(ResponseParseError);
    const e = error as ResponseValidationError;
    expect(e.name).toBe('ResponseValidationError');
    expect(e.issues.map((i) => i.path[0])).toContain(endpoint.first);
    const faulted = (await journal()).filter((j) => j.fault === 'header:schema');
    expect(faulted.length).toBe(1);
    expect([e.status, e.path, e.requestId]).toEqual([endpoint.status, endpoint.path, faulted[0]?.requestId]);
    expect(e.message).toContain(`${endpoint.method} ${endpoint.path} (${faulted[0]?.requestId})`);
  });
});

describe('bad bodies on error answers', () => {
  it.each(['malformed', 'schema'])(
    'a 404 whose problem body is %s is still a NotFoundError',
    async (script) => {
      const error = await client()
        .products.retrieve('no_such_product', fault(script))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(isNotFoundError(error)).toBe(true);
      const e = error as NotFoundError;
      // No readable problem: no code, and the text of the body in the message instead.
      expect(e.code).toBeNull();
      expect(e.problem).toBeUndefined();
      expect(e.message).toMatch(/^404 http_404: GET \/v1\/products\/no_such_product \(req_[^)]+\) \{/);
      expect((await journal()).length).toBe(1);
    },
  );
});

describe('bad data after the server acted', () => {
  it('a truncated answer to an order: the order exists, and re-sending its key returns it', async () => {
    const c = client();
    const error = await c.reports
      .order(ORDER, { ...fault('malformed'), idempotencyKey: 'bad-data-order' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    // Same key, same body: the server replays the order it made instead of ordering twice.
    const report = await c.reports.order(ORDER, { idempotencyKey: 'bad-data-order' });
    expect(report.id).toBe('rpt_000001');
    const state = (await (await fetch(`${server.url}/__mock/state`)).json()) as { reports: unknown[] };
    expect(state.reports.length).toBe(1);
    expect((await journal()).map((j) => j.status)).toEqual([202, 200]);
  });
});

describe('subjects whose answers are always bad', () => {
  it('cost only their own lookup items; the rest of the batch resolves', async () => {
    const malformed = enterpriseByTag('magic:malformed-json').subject.uscc;
    const violating = enterpriseByTag('magic:schema-violation').subject.uscc;
    const ids = [malformed, ...plain.slice(0, 6).map((e) => e.subject.uscc), violating];
    const c = client();
    const items = await c.ratings.lookup(ids);
    expect(items.map((i) => (i.status === 'error' ? i.error.name : i.status))).toEqual([
      'ResponseParseError',
      'found',
      'found',
      'found',
      'found',
      'found',
      'found',
      'ResponseValidationError',
    ]);
    for (const item of items)
      if (item.status === 'error') expect(isResponseValidationError(item.error)).toBe(true);
    // Bad data is not retried: 1 request for the batch, then 2 + 4 + 4 halves (8 → 4 → 2 → 1).
    expect((await journal()).length).toBe(11);

    const error = await c.reports.order({ ...ORDER, subjectId: violating }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
  });
});

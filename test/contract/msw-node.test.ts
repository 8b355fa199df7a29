/**
 * Contract: the same handler array inside `setupServer` (how SDK unit tests use it), with
 * `onUnhandledRequest: 'error'`, per-test overrides and `resetHandlers()`.
 */
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMockApi } from '../../mock-server/src/index.ts';
import { Account } from '../../sdk/src/resources/account.ts';
import { ProductPage } from '../../sdk/src/resources/products.ts';
import { BatchRatingsResponse } from '../../sdk/src/resources/ratings.ts';
import { Report } from '../../sdk/src/resources/reports.ts';
import { seeds } from '../../seeds/index.ts';
import { call, expectJson, expectProblem, idempotencyKey } from './support.ts';

const BASE = 'https://api.xinjian.test';
let now = new Date('2026-11-02T09:00:00Z');
const api = createMockApi({ baseUrl: BASE, reportDelayMs: 1000, now: () => now });
const server = setupServer(...api.handlers);

// msw 3 renamed `onUnhandledRequest` to `onUnhandledFrame`.
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  api.state.reset();
  now = new Date('2026-11-02T09:00:00Z');
});
afterAll(() => server.close());

const enterprise = seeds.enterprises.find((e) => !e.tags.some((t) => t.startsWith('magic:')));

describe('setupServer with createMockApi().handlers', () => {
  it('serves the contract in-process', async () => {
    const page = await expectJson(await call(BASE, '/v1/products?limit=2'), 200, ProductPage);
    expect(page.data).toHaveLength(2);
    const account = await expectJson(await call(BASE, '/v1/account'), 200, Account);
    expect(account.rateLimit.remaining).toBe(account.rateLimit.limit - 2);
    await expectProblem(await call(BASE, '/v1/account', { key: null }), 401, 'unauthorized');
  });

  it('uses the injected clock for report readiness', async () => {
    if (enterprise === undefined) throw new Error('no enterprise');
    const pending = await expectJson(
      await call(BASE, '/v1/reports', {
        body: {
          productId: 'tax_credit_grade',
          subjectId: enterprise.subject.uscc,
          purpose: 'government_procurement',
        },
        headers: { 'idempotency-key': idempotencyKey('msw') },
      }),
      202,
      Report,
    );
    expect(pending.status).toBe('pending');
    now = new Date(now.getTime() + 1000);
    const ready = await expectJson(await call(BASE, `/v1/reports/${pending.id}`), 200, Report);
    expect(ready.status).toBe('ready');
    expect(api.state.reports.size).toBe(1);
  });

  it('turns a dropped connection into a rejected fetch', async () => {
    const e = seeds.enterprises.find((x) => x.tags.includes('magic:drop-connection'));
    if (e === undefined) throw new Error('no magic:drop-connection enterprise');
    await expect(call(BASE, '/v1/ratings/batch', { body: { ids: [e.subject.uscc] } })).rejects.toThrow(
      TypeError,
    );
    await expect(call(BASE, '/v1/domains', { headers: { 'x-mock-fault': 'drop' } })).rejects.toThrow(
      TypeError,
    );
  });

  it('takes per-test overrides with server.use(), undone by resetHandlers()', async () => {
    server.use(http.post(`${BASE}/v1/ratings/batch`, () => HttpResponse.json({ data: [] })));
    const overridden = await expectJson(
      await call(BASE, '/v1/ratings/batch', { body: { ids: [enterprise?.subject.uscc ?? ''] } }),
      200,
      BatchRatingsResponse,
    );
    expect(overridden.data).toEqual([]);
    server.resetHandlers();
    const real = await expectJson(
      await call(BASE, '/v1/ratings/batch', { body: { ids: [enterprise?.subject.uscc ?? ''] } }),
      200,
      BatchRatingsResponse,
    );
    expect(real.data[0]?.status).toBe('found');
  });

  it('journals requests in state, like the HTTP server', async () => {
    await call(BASE, '/v1/domains', { headers: { 'x-retry-count': '3' } });
    expect(api.state.journal.map((e) => [e.method, e.path, e.status, e.headers['x-retry-count']])).toEqual([
      ['GET', '/v1/domains', 200, '3'],
    ]);
  });

  it('answers the API only for its base URL: another origin is an unhandled-request error', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(fetch('https://elsewhere.test/v1/domains')).rejects.toThrow(TypeError);
    expect(String(errors.mock.calls[0]?.[0])).toContain('GET https://elsewhere.test/v1/domains');
    expect(api.state.journal).toEqual([]);
  });
});

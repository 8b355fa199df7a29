/**
 * Contract: catalog, search and account endpoints over the real HTTP server, auth and the
 * headers every response carries.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RunningMockServer } from '../../mock-server/src/index.ts';
import { computeUsccCheckChar } from '../../sdk/src/identifiers/index.ts';
import { Account } from '../../sdk/src/resources/account.ts';
import { DomainList } from '../../sdk/src/resources/domains.ts';
import { Product, ProductPage } from '../../sdk/src/resources/products.ts';
import { SubjectSearchResult } from '../../sdk/src/resources/subjects.ts';
import { REVOKED_API_KEY, seeds } from '../../seeds/index.ts';
import { call, DEMO_API_KEY, expectJson, expectProblem, startServer } from './support.ts';

let server: RunningMockServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  await fetch(`${server.url}/__mock/reset`, { method: 'POST' });
});

const sortedIds = (ids: string[]) => [...ids].sort();

describe('GET /v1/products', () => {
  it('walks every product exactly once through opaque cursors', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? '?limit=3' : `?limit=3&cursor=${encodeURIComponent(cursor)}`;
      const page = await expectJson(await call(server.url, `/v1/products${query}`), 200, ProductPage);
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((p) => p.id));
      if (page.nextCursor !== null) expect(page.nextCursor).not.toMatch(/^\d+$/);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(seen).toHaveLength(new Set(seen).size);
    expect(sortedIds(seen)).toEqual(sortedIds(seeds.products.map((p) => p.id)));
    expect(pages).toBe(Math.ceil(seeds.products.length / 3));
  });

  it('defaults to 20 per page and filters by domain and subject type', async () => {
    const all = await expectJson(await call(server.url, '/v1/products'), 200, ProductPage);
    expect(all.data).toHaveLength(Math.min(20, seeds.products.length));

    const individual = await expectJson(
      await call(server.url, '/v1/products?subjectType=individual'),
      200,
      ProductPage,
    );
    expect(sortedIds(individual.data.map((p) => p.id))).toEqual(
      sortedIds(seeds.products.filter((p) => p.subjectType === 'individual').map((p) => p.id)),
    );

    const housing = await expectJson(
      await call(server.url, '/v1/products?domain=housing_fund_loan&limit=100'),
      200,
      ProductPage,
    );
    const expected = seeds.products.filter((p) => p.domains.includes('housing_fund_loan')).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(sortedIds(housing.data.map((p) => p.id))).toEqual(sortedIds(expected));
  });

  it('answers 400 with issues for a bad limit, domain or cursor', async () => {
    const tooBig = await expectProblem(
      await call(server.url, '/v1/products?limit=101'),
      400,
      'invalid_request',
    );
    expect(tooBig.issues?.map((i) => i.path)).toEqual(['query.limit']);

    const domain = await expectProblem(
      await call(server.url, '/v1/products?domain=nowhere'),
      400,
      'invalid_request',
    );
    expect(domain.issues?.map((i) => i.path)).toEqual(['query.domain']);

    const cursor = await expectProblem(
      await call(server.url, '/v1/products?cursor=garbage'),
      400,
      'invalid_request',
    );
    expect(cursor.issues?.map((i) => i.path)).toEqual(['query.cursor']);

    // A cursor belongs to the filters it was made with.
    const first = await expectJson(await call(server.url, '/v1/products?limit=1'), 200, ProductPage);
    expect(first.nextCursor).not.toBeNull();
    const mixed = await call(server.url, `/v1/products?subjectType=individual&cursor=${first.nextCursor}`);
    await expectProblem(mixed, 400, 'invalid_request');
  });

  it('retrieves one product and 404s an unknown one', async () => {
    const seed = seeds.products[0];
    if (seed === undefined) throw new Error('no products in the seed');
    const product = await expectJson(await call(server.url, `/v1/products/${seed.id}`), 200, Product);
    expect(product).toEqual(seed);
    await expectProblem(await call(server.url, '/v1/products/no_such_product'), 404, 'not_found');
  });
});

describe('GET /v1/domains', () => {
  it('lists every seed domain', async () => {
    const list = await expectJson(await call(server.url, '/v1/domains'), 200, DomainList);
    expect(list.data).toEqual(seeds.domains);
  });
});

describe('POST /v1/subjects/search', () => {
  const search = (q: string, limit?: number) =>
    call(server.url, '/v1/subjects/search', { body: limit === undefined ? { q } : { q, limit } });

  const sameName = (() => {
    const byName = new Map<string, typeof seeds.enterprises>();
    for (const e of seeds.enterprises) byName.set(e.subject.name, [...(byName.get(e.subject.name) ?? []), e]);
    return [...byName.values()].find((group) => group.length >= 2);
  })();
  const withRegNo = seeds.enterprises.find((e) => e.subject.regNo !== null);

  it('matches any code kind with confidence 1', async () => {
    const e = withRegNo;
    if (e === undefined) throw new Error('the seed has no enterprise with a 注册号');
    const orgPlain = e.subject.orgCode.replace('-', '');
    for (const q of [e.subject.uscc, e.subject.orgCode, orgPlain, e.subject.regNo ?? '']) {
      const result = await expectJson(await search(q), 200, SubjectSearchResult);
      expect(
        result.data.map((m) => [m.subject.id, m.confidence, m.matchType]),
        q,
      ).toEqual([[e.subject.id, 1, 'code']]);
      expect(result.ambiguous).toBe(false);
    }
  });

  it('flags same-name companies: each at most 0.5, sameNameCount set, ambiguous', async () => {
    if (sameName === undefined) throw new Error('the seed has no same-name companies');
    const name = sameName[0]?.subject.name ?? '';
    const result = await expectJson(await search(name, 50), 200, SubjectSearchResult);
    const exact = result.data.filter((m) => m.subject.name === name);
    expect(sortedIds(exact.map((m) => m.subject.id))).toEqual(sortedIds(sameName.map((e) => e.subject.id)));
    for (const m of exact) {
      expect(m.confidence).toBeLessThanOrEqual(0.5);
      expect(m.sameNameCount).toBe(sameName.length - 1);
      expect(m.matchType).toBe('exact_name');
    }
    expect(result.ambiguous).toBe(true);
  });

  it('finds a unique name with high confidence and no ambiguity', async () => {
    const counts = new Map<string, number>();
    for (const e of seeds.enterprises) counts.set(e.subject.name, (counts.get(e.subject.name) ?? 0) + 1);
    const unique = seeds.enterprises.find((e) => counts.get(e.subject.name) === 1);
    if (unique === undefined) throw new Error('no uniquely named enterprise');
    const result = await expectJson(await search(unique.subject.name), 200, SubjectSearchResult);
    expect(result.data[0]?.subject.id).toBe(unique.subject.id);
    expect(result.data[0]?.matchType).toBe('exact_name');
    expect(result.data[0]?.confidence).toBeGreaterThan(0.5);
  });

  it('returns nothing for a valid but unknown code, and 400 without q or with a body that is not JSON', async () => {
    const body = '91110000MA00000000'.slice(0, 17);
    const unknown = `${body}${computeUsccCheckChar(body)}`;
    expect(seeds.enterprises.some((e) => e.subject.uscc === unknown)).toBe(false);
    const result = await expectJson(await search(unknown), 200, SubjectSearchResult);
    expect(result).toEqual({ data: [], ambiguous: false });

    const missing = await expectProblem(
      await call(server.url, '/v1/subjects/search', { body: {} }),
      400,
      'invalid_request',
    );
    expect(missing.issues?.map((i) => i.path)).toEqual(['body.q']);
    const broken = await expectProblem(
      await call(server.url, '/v1/subjects/search', { body: '{"q":' }),
      400,
      'invalid_request',
    );
    expect(broken.issues?.map((i) => i.path)).toEqual(['body']);
  });

  it('still answers the deprecated GET /v1/subjects?q= the same way', async () => {
    const q = withRegNo?.subject.uscc ?? '';
    const viaGet = await expectJson(
      await call(server.url, `/v1/subjects?q=${encodeURIComponent(q)}`),
      200,
      SubjectSearchResult,
    );
    expect(viaGet).toEqual(await expectJson(await search(q), 200, SubjectSearchResult));
    const missing = await expectProblem(await call(server.url, '/v1/subjects'), 400, 'invalid_request');
    expect(missing.issues?.map((i) => i.path)).toEqual(['query.q']);
  });
});

describe('GET /v1/account', () => {
  it('reports credits, entitlements and the live rate-limit window', async () => {
    const seedKey = seeds.keys.find((k) => k.key === DEMO_API_KEY);
    if (seedKey === undefined) throw new Error('no demo key in the seed');
    const response = await call(server.url, '/v1/account');
    const account = await expectJson(response, 200, Account);
    expect(account.id).toBe(seedKey.account.id);
    expect(account.credits).toEqual(seedKey.account.credits);
    expect(account.entitledProducts).toEqual(seedKey.account.entitledProducts);
    expect(account.rateLimit.limit).toBe(seedKey.rateLimitPerMinute);
    expect(account.rateLimit.windowSeconds).toBe(60);
    expect(account.rateLimit.remaining).toBe(seedKey.rateLimitPerMinute - 1);
    expect(response.headers.get('ratelimit-remaining')).toBe(String(account.rateLimit.remaining));
  });
});

describe('auth', () => {
  it('401s a missing, unknown or revoked key, with WWW-Authenticate', async () => {
    for (const key of [null, 'xj_nope', REVOKED_API_KEY]) {
      const response = await call(server.url, '/v1/domains', { key });
      const problem = await expectProblem(response, 401, 'unauthorized');
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="xinjian"');
      expect(problem.message.length).toBeGreaterThan(0);
    }
  });
});

describe('every response', () => {
  it('carries a fresh X-Request-Id, rate-limit headers and CORS headers', async () => {
    const a = await call(server.url, '/v1/domains');
    const b = await call(server.url, '/v1/domains');
    const ids = [a.headers.get('x-request-id'), b.headers.get('x-request-id')];
    for (const id of ids) expect(id).toMatch(/^req_/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(a.headers.get('ratelimit-limit')).toBe('600');
    expect(Number(a.headers.get('ratelimit-remaining')) - Number(b.headers.get('ratelimit-remaining'))).toBe(
      1,
    );
    expect(Number(b.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    expect(a.headers.get('access-control-allow-origin')).toBe('*');
    expect(a.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    expect(a.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it('answers a CORS preflight with 204 and the allowed headers', async () => {
    const response = await fetch(`${server.url}/v1/reports`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://www.ccgp.gov.cn',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, idempotency-key, x-mock-fault, x-retry-count',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'authorization, idempotency-key, x-mock-fault, x-retry-count',
    );
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('answers an unknown /v1 route with a 404 problem', async () => {
    const response = await call(server.url, '/v1/nothing/here');
    const problem = await expectProblem(response, 404, 'not_found');
    expect(problem.message).toContain('/v1/nothing/here');
    expect(z.string().parse(response.headers.get('x-request-id'))).toBe(problem.requestId);
  });
});

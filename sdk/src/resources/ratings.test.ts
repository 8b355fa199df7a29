/**
 * Ratings against the real mock server: batching, coalescing, caching and per-item failures,
 * counted in the mock's request journal.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { enterpriseByTag, seeds } from '../../../seeds/index.ts';
import type { WithRequestId } from '../core/api-promise.ts';
import { maxSplitRequests } from '../core/batcher.ts';
import type { Cache } from '../core/cache.ts';
import {
  APIUserAbortError,
  AuthenticationError,
  InternalServerError,
  isAuthenticationError,
  isPermissionDeniedError,
  XinjianError,
} from '../core/errors.ts';
import { computeUsccCheckChar } from '../identifiers/index.ts';
import { normalizeIdentifier } from '../identifiers/normalize.ts';
import { useMockHarness } from '../test-utils/mock-api.ts';
import type { BatchRatingItem, RatingLookupItem } from './ratings.ts';

const mock = useMockHarness();

const batchRequests = async () => (await mock.journal()).filter((e) => e.path === '/v1/ratings/batch');

const plain = seeds.enterprises.filter((e) => !e.tags.some((t) => t.startsWith('magic:')));

/** `n` distinct valid USCCs: every seeded enterprise first, then well-formed unknown ones. */
function distinctIds(n: number): string[] {
  const ids = plain.map((e) => e.subject.uscc).slice(0, n);
  for (let i = 0; ids.length < n; i++) {
    const first17 = `9111010879${String(i).padStart(7, '0')}`;
    ids.push(first17 + computeUsccCheckChar(first17));
  }
  return ids;
}

describe('normalizeIdentifier', () => {
  it('trims, upper-cases, strips hyphens and full-width forms', () => {
    expect(normalizeIdentifier(' d2143569-x ')).toBe('D2143569X');
    expect(normalizeIdentifier('91110000600037341l')).toBe('91110000600037341L');
    expect(normalizeIdentifier('９１１１００００６０００３７３４１Ｌ')).toBe('91110000600037341L');
    expect(normalizeIdentifier('11010519491231002x')).toBe('11010519491231002X');
  });
});

describe('ratings.batch', () => {
  it('posts the ids as given and returns one item per id in order', async () => {
    const known = plain[0];
    if (!known) throw new Error('seeds have no enterprise');
    const items = await mock.client().ratings.batch([known.subject.uscc, '91110000600037341N']);
    expect(items.map((i) => i.status)).toEqual(['found', 'invalid_identifier']);
    const [found, invalid] = items;
    if (found?.status !== 'found' || invalid?.status !== 'invalid_identifier') throw new Error('unexpected');
    expect(found.summary.subject.uscc).toBe(known.subject.uscc);
    expect(invalid.expectedCheckChar).toBe('L');
    const [request] = await batchRequests();
    expect(request?.body).toEqual({ ids: [known.subject.uscc, '91110000600037341N'] });
  });

  it('refuses more than 100 ids before any request', async () => {
    await expect(mock.client().ratings.batch(distinctIds(101))).rejects.toBeInstanceOf(XinjianError);
    expect(await mock.journal()).toEqual([]);
  });
});

describe('ratings.lookup', () => {
  it('250 distinct subjects: exactly 3 requests (100, 100, 50), then none when looked up again', async () => {
    const client = mock.client();
    const ids = distinctIds(250);
    const first = await client.ratings.lookup(ids);
    expect(first.map((i) => i.id)).toEqual(ids);
    expect(first.filter((i) => i.status === 'found').length).toBe(Math.min(plain.length, 250));
    expect(first.every((i) => i.status === 'found' || i.status === 'not_found')).toBe(true);
    const requests = await batchRequests();
    expect(requests.map((r) => (r.body as { ids: string[] }).ids.length)).toEqual([100, 100, 50]);

    const again = await client.ratings.lookup(ids);
    expect(again).toEqual(first);
    expect((await batchRequests()).length).toBe(3);
  });

  it('normalises and deduplicates; duplicates share one result, in input order', async () => {
    const known = plain[1]?.subject;
    if (!known) throw new Error('seeds have too few enterprises');
    const orgCode = known.orgCode; // XXXXXXXX-X
    const ids = [known.uscc.toLowerCase(), ` ${known.uscc} `, orgCode, '91110000600037341N', known.uscc];
    const items = await mock.client().ratings.lookup(ids);
    expect(items.map((i) => i.id)).toEqual([
      known.uscc,
      known.uscc,
      orgCode.replace('-', ''),
      '91110000600037341N',
      known.uscc,
    ]);
    expect(items[0]).toBe(items[1]);
    expect(items[0]).toBe(items[4]);
    expect(items[0]?.status).toBe('found');
    expect(items[2]?.status).toBe('found');
    expect(items[3]?.status).toBe('invalid_identifier');
    const [request] = await batchRequests();
    expect((request?.body as { ids: string[] } | undefined)?.ids).toEqual([
      known.uscc,
      orgCode.replace('-', ''),
      '91110000600037341N',
    ]);
  });

  it('a transient failure after retries: every id of that batch is an error item, others intact', async () => {
    // A dropped connection would drop every half too: the batch is not split.
    const broken = enterpriseByTag('magic:drop-connection');
    const ids = [broken.subject.uscc, ...distinctIds(149)];
    const client = mock.client({ batch: { maxBatchSize: 100 } });
    const items = await client.ratings.lookup(ids);
    expect(items.length).toBe(150);
    const failed = items.slice(0, 100);
    const fine = items.slice(100);
    expect(failed.every((i) => i.status === 'error')).toBe(true);
    const first = failed[0];
    if (first?.status !== 'error') throw new Error('expected an error item');
    expect(first.error).toMatchObject({ name: 'APIConnectionError', path: '/v1/ratings/batch' });
    expect(fine.every((i) => i.status === 'found' || i.status === 'not_found')).toBe(true);
    // First batch: 1 + 2 retries; second batch: 1.
    expect((await batchRequests()).length).toBe(4);

    // Errors are not cached: the failed batch is asked again, the good one is not.
    await client.ratings.lookup(ids);
    const again = (await batchRequests()).slice(4);
    expect(again.length).toBe(3);
    expect(again.every((r) => (r.body as { ids: string[] }).ids.length === 100)).toBe(true);
  });

  it('a poisoned batch (500) is halved until only the poisoned id is an error', async () => {
    const broken = enterpriseByTag('magic:500');
    const ids = [...distinctIds(99), broken.subject.uscc];
    const client = mock.client();
    const items = await client.ratings.lookup(ids);
    expect(items.map((i) => i.id)).toEqual(ids);
    const errors = items.filter((i) => i.status === 'error');
    expect(errors.map((i) => i.id)).toEqual([broken.subject.uscc]);
    expect(errors[0]?.status === 'error' && errors[0].error).toMatchObject({
      name: 'InternalServerError',
      status: 500,
    });
    expect(items.filter((i) => i.status === 'found').length).toBe(99);
    const sizes = (await batchRequests()).map((r) => (r.body as { ids: string[] }).ids.length);
    // 3 attempts of the whole batch, then one clean and one poisoned half per level, unretried;
    // the poisoned id is last: 100 → 50 → 25 → 12 → 6 → 3 → 1.
    expect(sizes.sort((a, b) => b - a)).toEqual([100, 100, 100, 50, 50, 25, 25, 13, 12, 6, 6, 3, 3, 2, 1]);
    expect(sizes.length - 3).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(100)));

    // The 99 are cached now; the poisoned id alone is asked again (3 attempts, no split).
    await client.ratings.lookup(ids);
    expect((await batchRequests()).slice(15).map((r) => (r.body as { ids: string[] }).ids)).toEqual([
      [broken.subject.uscc],
      [broken.subject.uscc],
      [broken.subject.uscc],
    ]);
  });

  it.each([
    ['magic:malformed-json', 'ResponseParseError'],
    ['magic:schema-violation', 'ResponseValidationError'],
  ])('a batch poisoned by %s is split too', async (tag, name) => {
    const broken = enterpriseByTag(tag);
    const ids = [...distinctIds(3), broken.subject.uscc, ...distinctIds(7).slice(3)];
    const items = await mock.client().ratings.lookup(ids);
    expect(items.map((i) => (i.status === 'error' ? i.error.name : i.status))).toEqual([
      'found',
      'found',
      'found',
      name,
      'found',
      'found',
      'found',
      'found',
    ]);
    // Not retried (bad data is not transient): 1 + 2 per level for 8 → 4 → 2 → 1.
    expect((await batchRequests()).map((r) => (r.body as { ids: string[] }).ids.length)).toEqual([
      8, 4, 4, 2, 2, 1, 1,
    ]);
  });

  it('does not split when the server fails every request: two barren levels, then stop', async () => {
    const items = await mock
      .client()
      .ratings.lookup(distinctIds(16), { headers: { 'X-Mock-Fault': '500', 'X-Mock-Fault-Id': 'outage' } });
    expect(items.every((i) => i.status === 'error' && i.error.status === 500)).toBe(true);
    // 3 attempts of the batch, 2 halves, 4 quarters: no half succeeded twice in a row.
    expect((await batchRequests()).map((r) => (r.body as { ids: string[] }).ids.length)).toEqual([
      16, 16, 16, 8, 8, 4, 4, 4, 4,
    ]);
  });

  it.each([
    ['503', 'InternalServerError'],
    ['429:0', 'RateLimitError'],
  ])('does not split on an outage (%s)', async (script, name) => {
    const items = await mock
      .client()
      .ratings.lookup(distinctIds(8), { headers: { 'X-Mock-Fault': script, 'X-Mock-Fault-Id': script } });
    expect(items.every((i) => i.status === 'error' && i.error.name === name)).toBe(true);
    expect((await batchRequests()).map((r) => (r.body as { ids: string[] }).ids.length)).toEqual([8, 8, 8]);
  });

  it('rejects with AuthenticationError for a refused key, as get does, without splitting (401)', async () => {
    const client = mock.client({ apiKey: 'xj_test_revoked' });
    const lookup = await client.ratings.lookup(distinctIds(8)).catch((e: unknown) => e);
    expect(lookup).toBeInstanceOf(AuthenticationError);
    expect((lookup as AuthenticationError).status).toBe(401);
    expect((await batchRequests()).length).toBe(1);
    const get = await client.ratings.get(distinctIds(1)[0] as string).catch((e: unknown) => e);
    expect((get as Error).name).toBe((lookup as Error).name);
  });

  it('rejects with PermissionDeniedError when the key may not read ratings (403)', async () => {
    const lookup = await mock
      .client({ maxRetries: 0 })
      .ratings.lookup(distinctIds(3), { headers: { 'X-Mock-Fault': '403' } })
      .catch((e: unknown) => e);
    expect(isPermissionDeniedError(lookup)).toBe(true);
  });

  it('two poisoned ids in different halves are both isolated', async () => {
    const a = enterpriseByTag('magic:500').subject.uscc;
    const b = enterpriseByTag('magic:schema-violation').subject.uscc;
    const ids = [a, ...distinctIds(14), b];
    const items = await mock.client().ratings.lookup(ids);
    expect(items.filter((i) => i.status === 'error').map((i) => i.id)).toEqual([a, b]);
    expect(items.filter((i) => i.status === 'found').length).toBe(14);
    // 3 attempts of the whole batch (a 500 is retried there), then 2 + 4 + 4 + 4 halves.
    const requests = (await batchRequests()).length;
    expect(requests).toBe(17);
    expect(requests).toBeLessThanOrEqual(3 + maxSplitRequests(16));
  });

  it('fails locally on ids the API could not take, without a request', async () => {
    const items = await mock.client().ratings.lookup(['', '   ', 'X'.repeat(65)]);
    expect(items.map((i) => i.status)).toEqual([
      'invalid_identifier',
      'invalid_identifier',
      'invalid_identifier',
    ]);
    expect(await mock.journal()).toEqual([]);
  });

  it('keeps at most `concurrency` batches in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const counting: typeof fetch = async (input, init) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    await mock.config({ latencyMs: 30 });
    await mock
      .client({ fetch: counting, batch: { maxBatchSize: 10, concurrency: 2 } })
      .ratings.lookup(distinctIds(60));
    expect((await batchRequests()).length).toBe(6);
    expect(peak).toBe(2);
  });

  it('with cache: false, asks again every time', async () => {
    const client = mock.client({ cache: false });
    await client.ratings.lookup(distinctIds(3));
    await client.ratings.lookup(distinctIds(3));
    expect((await batchRequests()).length).toBe(2);
  });

  it('reads and writes a custom async cache, caching only found and not_found', async () => {
    const store = new Map<string, BatchRatingItem>();
    const ttls: number[] = [];
    const cache: Cache<BatchRatingItem> = {
      get: async (key) => store.get(key),
      set: async (key, value, ttlMs) => {
        store.set(key, value);
        ttls.push(ttlMs);
      },
      delete: async (key) => {
        store.delete(key);
      },
      clear: async () => store.clear(),
    };
    const ids = [...distinctIds(2), '91110000600037341N'];
    const client = mock.client({ cache, cacheTtlMs: 1234 });
    await client.ratings.lookup(ids);
    // The invalid id is not cached.
    expect([...store.values()].map((v) => v.status)).toEqual(['found', 'found']);
    expect(ttls).toEqual([1234, 1234]);
    expect([...store.keys()].every((k) => k.startsWith('xj:rating:'))).toBe(true);

    const again = mock.client({ cache });
    const items = await again.ratings.lookup(ids.slice(0, 2));
    expect(items.map((i) => i.status)).toEqual(['found', 'found']);
    expect((await batchRequests()).length).toBe(1);

    await client.ratings.clearCache([ids[0] as string]);
    expect(store.size).toBe(1);
  });

  it('treats a failing cache as a miss', async () => {
    const broken: Cache<BatchRatingItem> = {
      get: () => {
        throw new Error('storage unavailable');
      },
      set: () => Promise.reject(new Error('quota')),
      delete: () => undefined,
      clear: () => undefined,
    };
    const items = await mock.client({ cache: broken }).ratings.lookup(distinctIds(2));
    expect(items.map((i) => i.status)).toEqual(['found', 'found']);
  });

  it('keeps cache entries of different API keys apart', async () => {
    const client = mock.client();
    const ids = distinctIds(2);
    await client.ratings.lookup(ids);
    await client.withOptions({ timeout: 5_000 }).ratings.lookup(ids);
    expect((await batchRequests()).length).toBe(1);
    await client.withOptions({ apiKey: 'xj_test_enterprise_only' }).ratings.lookup(ids);
    expect((await batchRequests()).length).toBe(2);
  });

  it('rejects as a whole only when its signal aborts', async () => {
    const ac = new AbortController();
    await mock.config({ latencyMs: 500 });
    const client = mock.client({ hooks: { onRequest: () => ac.abort() } });
    await expect(client.ratings.lookup(distinctIds(3), { signal: ac.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
  });
});

describe('ratings.get', () => {
  it('250 calls in one tick: 3 requests; identical ids share one promise', async () => {
    const client = mock.client();
    const ids = distinctIds(250);
    const promises = ids.map((id) => client.ratings.get(id));
    const twice = client.ratings.get(ids[0] as string);
    expect(twice).toBe(promises[0]);
    const items = await Promise.all(promises);
    expect(items.map((i) => i.id)).toEqual(ids);
    expect((await batchRequests()).map((r) => (r.body as { ids: string[] }).ids.length)).toEqual([
      100, 100, 50,
    ]);

    // Seen before: answered from the cache.
    const again = await client.ratings.get(ids[42] as string);
    expect(again).toEqual(items[42]);
    expect((await batchRequests()).length).toBe(3);
  });

  it('calls in later ticks join an in-flight request for the same id', async () => {
    await mock.config({ latencyMs: 100 });
    const client = mock.client();
    const [id] = distinctIds(1);
    const first = client.ratings.get(id as string);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = client.ratings.get(id as string);
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(b);
    expect((await batchRequests()).length).toBe(1);
  });

  it('rejects the poisoned id only; the others coalesced with it resolve', async () => {
    const broken = enterpriseByTag('magic:500');
    const client = mock.client({ maxRetries: 0 });
    const [bad, good] = await Promise.allSettled([
      client.ratings.get(broken.subject.uscc),
      client.ratings.get(distinctIds(1)[0] as string),
    ]);
    expect(bad.status).toBe('rejected');
    expect((bad as PromiseRejectedResult).reason).toBeInstanceOf(InternalServerError);
    expect(good.status === 'fulfilled' && good.value.status).toBe('found');
    // One coalesced batch of 2, then each id alone.
    expect((await batchRequests()).map((r) => (r.body as { ids: string[] }).ids.length)).toEqual([2, 1, 1]);
  });

  it('rejects every id coalesced into a batch that fails on an outage', async () => {
    const client = mock.client({ maxRetries: 0, apiKey: 'xj_test_revoked' });
    const results = await Promise.allSettled(distinctIds(2).map((id) => client.ratings.get(id)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(isAuthenticationError((results[0] as PromiseRejectedResult).reason)).toBe(true);
    expect((await batchRequests()).length).toBe(1);
  });

  it('an aborted caller stops waiting; the others in its batch still get their result', async () => {
    const client = mock.client();
    const ac = new AbortController();
    const ids = distinctIds(2);
    const aborted = client.ratings.get(ids[0] as string, { signal: ac.signal });
    const other = client.ratings.get(ids[1] as string);
    ac.abort();
    await expect(aborted).rejects.toBeInstanceOf(APIUserAbortError);
    await expect(other).resolves.toMatchObject({ id: ids[1], status: 'found' });
  });

  it('with batch: false, sends each get alone', async () => {
    const client = mock.client({ batch: false });
    await Promise.all(distinctIds(3).map((id) => client.ratings.get(id)));
    expect((await batchRequests()).map((r) => (r.body as { ids: string[] }).ids.length)).toEqual([1, 1, 1]);
  });

  it('calls with their own request options go in their own batch', async () => {
    const client = mock.client();
    const ids = distinctIds(3);
    const options = { timeout: 10_000 };
    await Promise.all([
      client.ratings.get(ids[0] as string),
      client.ratings.get(ids[1] as string, options),
      client.ratings.get(ids[2] as string, options),
    ]);
    expect((await batchRequests()).map((r) => (r.body as { ids: string[] }).ids.length).sort()).toEqual([
      1, 2,
    ]);
  });
});

describe('types', () => {
  it('exposes the schema types', () => {
    const client = mock.client();
    expectTypeOf(client.ratings.get).returns.resolves.toEqualTypeOf<WithRequestId<BatchRatingItem>>();
    expectTypeOf(client.ratings.lookup).returns.resolves.toEqualTypeOf<WithRequestId<RatingLookupItem>[]>();
    expectTypeOf(client.ratings.batch).returns.resolves.toEqualTypeOf<WithRequestId<BatchRatingItem[]>>();
    expectTypeOf<Extract<RatingLookupItem, { status: 'error' }>['error']['name']>().toEqualTypeOf<string>();
  });
});

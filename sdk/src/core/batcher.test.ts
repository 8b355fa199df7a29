/**
 * The batching engine on its own: how loads become requests. The ratings tests run the same
 * engine against the real mock server.
 */
import { describe, expect, it } from 'vitest';
import { Batcher, isPoisonedBatchFailure, maxSplitRequests } from './batcher.ts';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  InternalServerError,
  ResponseParseError,
  ResponseValidationError,
  serializeError,
} from './errors.ts';

const settings = { coalesce: true, maxBatchSize: 100, concurrency: 4, windowMs: 0 };

/** A batcher whose requests answer each id with its upper-case form, on the next macrotask. */
function echo() {
  const sent: string[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const batcher = new Batcher<string>(
    {
      send: async (ids) => {
        sent.push(ids);
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight--;
        return ids.map((id) => id.toUpperCase());
      },
      cache: () => undefined,
    },
    settings,
  );
  return { batcher, sent, maxInFlight: () => maxInFlight };
}

describe('Batcher', () => {
  it('10,000 loads in one tick: 100 requests of 100, at most 4 in flight, each key its own answer', async () => {
    const { batcher, sent, maxInFlight } = echo();
    const keys = Array.from({ length: 10_000 }, (_, i) => `k${i}`);
    const values = await Promise.all(keys.map((k) => batcher.load(k)));
    expect(values).toEqual(keys.map((k) => k.toUpperCase()));
    expect(sent).toHaveLength(100);
    expect(sent.every((ids) => ids.length === 100)).toBe(true);
    expect(new Set(sent.flat()).size).toBe(10_000);
    expect(maxInFlight()).toBe(4);
  });

  it('lookups from many callers share one bound: 4 requests in flight for the client, not 4 each', async () => {
    const { batcher, sent, maxInFlight } = echo();
    const calls = Array.from({ length: 10 }, (_, c) =>
      Promise.all([
        ...batcher
          .loadMany(
            Array.from({ length: 100 }, (_, i) => `c${c}-${i}`),
            {},
          )
          .values(),
      ]),
    );
    await Promise.all(calls);
    expect(sent).toHaveLength(10);
    expect(maxInFlight()).toBe(4);
  });

  it('a key loaded again while in flight joins its request; after it settles, asks again', async () => {
    const { batcher, sent } = echo();
    const first = batcher.load('a');
    await new Promise((resolve) => setTimeout(resolve, 0));
    const again = batcher.load('a');
    const many = batcher.loadMany(['a', 'b'], {});
    expect(await Promise.all([first, again, many.get('a'), many.get('b')])).toEqual(['A', 'A', 'A', 'B']);
    expect(sent).toEqual([['a'], ['b']]);
    await batcher.load('a');
    expect(sent).toHaveLength(3);
  });
});

describe('batch splitting bounds', () => {
  it('splits only failures one subject can cause', () => {
    const where = { method: 'POST', path: '/v1/ratings/batch' };
    expect(isPoisonedBatchFailure(new InternalServerError(500, undefined, where))).toBe(true);
    expect(isPoisonedBatchFailure(new ResponseValidationError(200, [], where))).toBe(true);
    expect(isPoisonedBatchFailure(new ResponseParseError(200, where))).toBe(true);
    expect(isPoisonedBatchFailure(serializeError(new InternalServerError(500, undefined, where)))).toBe(true);
    for (const status of [502, 503, 504, 400, 401, 402, 403, 404, 408, 409, 429]) {
      expect(isPoisonedBatchFailure(APIError.generate(status, undefined, where)), String(status)).toBe(false);
    }
    expect(isPoisonedBatchFailure(new APIConnectionError(where))).toBe(false);
    expect(isPoisonedBatchFailure(new APITimeoutError(where))).toBe(false);
    expect(isPoisonedBatchFailure(new APIUserAbortError())).toBe(false);
    expect(isPoisonedBatchFailure(new Error('boom'))).toBe(false);
  });

  it('caps the extra requests at 4 × ⌈log2 n⌉', () => {
    expect([1, 2, 3, 8, 16, 100].map(maxSplitRequests)).toEqual([0, 4, 8, 12, 16, 28]);
  });
});

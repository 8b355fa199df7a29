/**
 * The batching engine on its own: how loads become requests. The ratings tests run the same
 * engine against the real mock server.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
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

describe('when a coalesced batch is sent', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // Answers at once, so only the batcher's own scheduling decides when a request goes.
  function immediate(cached: boolean) {
    const sent: string[][] = [];
    const batcher = new Batcher<string>(
      {
        send: async (ids) => {
          sent.push(ids);
          return ids.map((id) => id.toUpperCase());
        },
        cache: () => (cached ? { get: async () => undefined, set: () => undefined } : undefined),
      },
      { ...settings, windowMs: 5_000 },
    );
    return { batcher, sent };
  }

  it('without a cache, a batch that fills goes at once; the rest waits for the window', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { batcher, sent } = immediate(false);
    const keys = Array.from({ length: 250 }, (_, i) => `k${i}`);
    const loads = keys.map((k) => batcher.load(k));
    // A key of a full batch counts as in flight at once: loading it again joins it.
    expect(batcher.load('k7')).toBe(loads[7]);
    // The window has not passed: only the two full batches can have answered.
    expect(await Promise.all(loads.slice(0, 200))).toEqual(keys.slice(0, 200).map((k) => k.toUpperCase()));
    expect(sent.map((ids) => ids.length)).toEqual([100, 100]);
    expect(sent.flat()).toEqual(keys.slice(0, 200));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await Promise.all(loads)).toEqual(keys.map((k) => k.toUpperCase()));
    expect(sent.map((ids) => ids.length)).toEqual([100, 100, 50]);
  });

  it('with a cache, full batches still wait for the window, whose misses are batched together', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { batcher, sent } = immediate(true);
    const loads = Array.from({ length: 250 }, (_, i) => batcher.load(`k${i}`));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(loads);
    expect(sent.map((ids) => ids.length)).toEqual([100, 100, 50]);
  });

  it('a failed batch rejects each of its loads, and a load nobody awaits raises no unhandled rejection', async () => {
    const batcher = new Batcher<string>(
      {
        send: async () => {
          throw new APIConnectionError({ method: 'POST', path: '/v1/ratings/batch' });
        },
        cache: () => undefined,
      },
      settings,
    );
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      // A caller that gave up on its result, in a batch that fills and one that waits.
      void batcher.load('dropped-full');
      void batcher.load('dropped-rest', { timeout: 1_000 });
      const loads = Array.from({ length: 99 }, (_, i) => batcher.load(`k${i}`));
      const results = await Promise.allSettled(loads);
      const reasons = results.map((r) => (r.status === 'rejected' ? (r.reason as Error).name : r.status));
      expect(reasons).toEqual(Array.from({ length: 99 }, () => 'APIConnectionError'));
      // Unhandled rejections are reported once the microtasks of a turn have run.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
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

/**
 * Gathers rating lookups across content-script messages before they reach the SDK. A page is
 * read over several frames and its subjects arrive in several messages; asked one message at a
 * time, the SDK would send a part-filled batch per message. The queue sends a full batch as soon
 * as it has one and the rest once the scan says it is done (or the messages stop).
 */
import type { BatchRatingItem } from '@xinjian/sdk';

/**
 * Options of {@link createRatingQueue}.
 */
export interface RatingQueueOptions {
  /** Ids that make a full batch, sent at once. Default 100 (the API's batch limit). */
  maxBatch?: number;
  /** Quiet time after the last id before a part-filled batch goes. Default 50 ms. */
  idleMs?: number;
  /** Longest time an id waits for others when nobody said more are coming. Default 500 ms. */
  maxWaitMs?: number;
  /**
   * Longest time a part-filled batch waits after {@link RatingQueue.expectMore}. Default 5 s: a
   * 10,000-row page is read over several seconds of frames, and a batch sent while the scan is
   * still going would be one request more than ceil(distinct / 100); the scan's end releases it.
   */
  maxHoldMs?: number;
}

/**
 * A gathering queue of rating lookups (see {@link createRatingQueue}).
 */
export interface RatingQueue {
  /** Looks one id up; answered when its batch comes back. */
  get: (id: string) => Promise<BatchRatingItem>;
  /** More ids are on their way (a scan goes on): a part-filled batch waits up to `maxHoldMs`. */
  expectMore: () => void;
  /** No more ids are expected: the part-filled batch goes once the current tick's ids are in. */
  release: () => void;
}

/**
 * Wraps a single-id rating lookup (`client.ratings.get`) so that ids asked for across messages
 * are handed to it in the same tick, 100 at a time: the SDK then sends `ceil(distinct / 100)`
 * batch requests for a page however its subjects were split into messages. A part-filled batch
 * goes after `idleMs` without new ids, or, while the sender said more are coming, when it says
 * it is done (at most `maxHoldMs` later). An id already waiting or on its way shares its answer.
 */
export function createRatingQueue(
  get: (id: string) => Promise<BatchRatingItem>,
  options: RatingQueueOptions = {},
): RatingQueue {
  const maxBatch = options.maxBatch ?? 100;
  const idleMs = options.idleMs ?? 50;
  const maxWaitMs = options.maxWaitMs ?? 500;
  const maxHoldMs = options.maxHoldMs ?? 5_000;
  let waiting = new Map<string, PromiseWithResolvers<BatchRatingItem>>();
  let firstAt = 0;
  let holdUntil = 0;
  let released = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Sent and not answered yet: asked again meanwhile, an id shares the answer on its way.
  const inflight = new Map<string, Promise<BatchRatingItem>>();

  const start = (id: string, w: PromiseWithResolvers<BatchRatingItem>): void => {
    inflight.set(id, w.promise);
    const done = () => {
      if (inflight.get(id) === w.promise) inflight.delete(id);
    };
    w.promise.then(done, done);
    get(id).then(w.resolve, w.reject);
  };
  const flushAll = (): void => {
    timer = null;
    released = false;
    const all = waiting;
    waiting = new Map();
    for (const [id, w] of all) start(id, w);
  };
  const arm = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (waiting.size === 0) return;
    const now = Date.now();
    const delay = released
      ? 0
      : holdUntil > now
        ? holdUntil - now
        : Math.max(0, Math.min(idleMs, firstAt + maxWaitMs - now));
    timer = setTimeout(flushAll, delay);
  };

  return {
    get(id) {
      const known = waiting.get(id) ?? inflight.get(id);
      if (known) return 'promise' in known ? known.promise : known;
      const w = Promise.withResolvers<BatchRatingItem>();
      if (waiting.size === 0) firstAt = Date.now();
      waiting.set(id, w);
      if (waiting.size >= maxBatch) {
        const full = waiting;
        waiting = new Map();
        for (const [k, v] of full) start(k, v);
      }
      arm();
      return w.promise;
    },
    expectMore() {
      released = false;
      holdUntil = Date.now() + maxHoldMs;
      arm();
    },
    release() {
      holdUntil = 0;
      released = true;
      arm();
    },
  };
}

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
 * Who asked for an id: a tab whose scan holds its part-filled batch. Ids asked for by no one in
 * particular are held by no scan.
 */
export type QueueOwner = number | string;

/**
 * A gathering queue of rating lookups (see {@link createRatingQueue}).
 */
export interface RatingQueue {
  /** Looks one id up for `owner`; answered when its batch comes back. */
  get: (id: string, owner?: QueueOwner) => Promise<BatchRatingItem>;
  /** More ids are on their way from `owner` (its scan goes on): its part-filled batch waits up to `maxHoldMs`. */
  expectMore: (owner?: QueueOwner) => void;
  /**
   * No more ids are expected from `owner`: the ids it asked for go once the current tick's are
   * in, whoever else still holds theirs.
   */
  release: (owner?: QueueOwner) => void;
}

interface Waiting {
  w: PromiseWithResolvers<BatchRatingItem>;
  owners: Set<QueueOwner | undefined>;
}

/**
 * Wraps a single-id rating lookup (`client.ratings.get`) so that ids asked for across messages
 * are handed to it in the same tick, 100 at a time: the SDK then sends `ceil(distinct / 100)`
 * batch requests for a page however its subjects were split into messages. A full batch goes at
 * once, whoever asked. A part-filled one goes after `idleMs` without new ids, unless an owner
 * that asked for some of it said more are coming: then that owner's ids wait until it says it is
 * done (at most `maxHoldMs` after it last said more), and one tab's scan ending sends that tab's
 * ids, not another's still being read. An id already waiting or on its way shares its answer.
 */
export function createRatingQueue(
  get: (id: string) => Promise<BatchRatingItem>,
  options: RatingQueueOptions = {},
): RatingQueue {
  const maxBatch = options.maxBatch ?? 100;
  const idleMs = options.idleMs ?? 50;
  const maxWaitMs = options.maxWaitMs ?? 500;
  const maxHoldMs = options.maxHoldMs ?? 5_000;
  let waiting = new Map<string, Waiting>();
  let firstAt = 0;
  // The owners whose scan goes on, each until when it may hold its ids.
  const holds = new Map<QueueOwner | undefined, number>();
  // The owners done since the last send: their ids go in the next tick.
  const released = new Set<QueueOwner | undefined>();
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
  const heldAt = (now: number, owners: Set<QueueOwner | undefined>): boolean => {
    for (const o of owners) if ((holds.get(o) ?? 0) > now && !released.has(o)) return true;
    return false;
  };
  // Sends what no running scan holds; `all` when the quiet time is up.
  const send = (idle: boolean): void => {
    timer = null;
    const now = Date.now();
    for (const [o, until] of holds) if (until <= now) holds.delete(o);
    const go: Array<[string, Waiting]> = [];
    for (const entry of waiting) {
      const owners = entry[1].owners;
      const mine = [...owners].some((o) => released.has(o));
      if (mine || (idle && !heldAt(now, owners))) go.push(entry);
    }
    released.clear();
    for (const [id] of go) waiting.delete(id);
    if (waiting.size > 0 && go.length > 0) firstAt = now;
    for (const [id, { w }] of go) start(id, w);
    arm();
  };
  const arm = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (waiting.size === 0) return;
    const now = Date.now();
    if (released.size > 0) {
      timer = setTimeout(() => send(false), 0);
      return;
    }
    // The idle rule for ids no scan holds; a held id waits for its owner's hold to end.
    let free = false;
    let nextHoldEnd = Number.POSITIVE_INFINITY;
    for (const { owners } of waiting.values()) {
      if (!heldAt(now, owners)) free = true;
      else for (const o of owners) nextHoldEnd = Math.min(nextHoldEnd, holds.get(o) ?? nextHoldEnd);
    }
    const delay = free
      ? Math.max(0, Math.min(idleMs, firstAt + maxWaitMs - now))
      : Math.max(0, nextHoldEnd - now);
    timer = setTimeout(() => send(true), delay);
  };

  return {
    get(id, owner) {
      const known = waiting.get(id);
      if (known) {
        known.owners.add(owner);
        return known.w.promise;
      }
      const sent = inflight.get(id);
      if (sent) return sent;
      const w = Promise.withResolvers<BatchRatingItem>();
      if (waiting.size === 0) firstAt = Date.now();
      waiting.set(id, { w, owners: new Set([owner]) });
      if (waiting.size >= maxBatch) {
        const full = waiting;
        waiting = new Map();
        for (const [k, v] of full) start(k, v.w);
      }
      arm();
      return w.promise;
    },
    expectMore(owner) {
      released.delete(owner);
      holds.set(owner, Date.now() + maxHoldMs);
      arm();
    },
    release(owner) {
      holds.delete(owner);
      released.add(owner);
      arm();
    },
  };
}

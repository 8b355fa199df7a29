/**
 * Keyed request batching for endpoints that take many ids in one request: calls made in the
 * same tick are coalesced (DataLoader-style), identical keys in flight share one promise, cache
 * hits cost nothing, the rest go in batches of at most `maxBatchSize` with at most
 * `concurrency` requests in flight, and a batch that fails in a way one key can cause is halved
 * until only the poisoned keys fail. The resource supplies the request; the batcher knows no
 * endpoint.
 */
import {
  APIUserAbortError,
  isInternalServerError,
  isResponseValidationError,
  type XinjianError,
} from './errors.ts';
import type { RequestOptions } from './http.ts';
import type { ResolvedBatchOptions } from './resource.ts';

/**
 * Whether a failed batch may owe its failure to one of its subjects, so that splitting it can
 * save the others: a 500-class server error (not 502, 503 or 504, which say the service or a
 * gateway is down) or a 2xx body that does not parse or validate. Connection errors, timeouts,
 * 408, 409, 429 and 4xx refusals of the key would fail every half as well.
 *
 * @example
 * ```ts
 * isPoisonedBatchFailure(new InternalServerError(500, undefined, where)); // true
 * isPoisonedBatchFailure(new InternalServerError(503, undefined, where)); // false
 * ```
 */
export function isPoisonedBatchFailure(error: unknown): boolean {
  if (isResponseValidationError(error)) return true;
  return isInternalServerError(error) && error.status !== 502 && error.status !== 503 && error.status !== 504;
}

/**
 * The most extra batch requests a lookup spends splitting one failed batch of `n` ids:
 * `4 × ⌈log2 n⌉` (28 for a full batch of 100). Isolating one poisoned id by halving costs at
 * most 2 requests per level, `2 × ⌈log2 n⌉` in all; the cap leaves room for two poisoned ids
 * anywhere in the batch. Split requests are not retried on the failure that caused the split.
 *
 * @example
 * ```ts
 * maxSplitRequests(100); // 28
 * maxSplitRequests(1); // 0
 * ```
 */
export function maxSplitRequests(n: number): number {
  return n > 1 ? 4 * Math.ceil(Math.log2(n)) : 0;
}

/** @internal What a resource gives the batcher: its request, and its cache when it has one. */
export interface BatchSource<T> {
  /**
   * One request for `ids`, items in request order. `retryIf` narrows the transport's retries
   * (a split half is not retried on the failure that caused the split); a split half also gets
   * a fresh idempotency key, because it is another request.
   */
  send(ids: string[], options: RequestOptions, retryIf?: (error: XinjianError) => boolean): Promise<T[]>;
  /** The cache, or undefined when caching is off: then no key waits for a cache read. */
  cache(): BatchCache<T> | undefined;
}

/** @internal A batcher's view of a cache: reads that may miss, writes that may be refused. */
export interface BatchCache<T> {
  /** Resolves undefined on a miss and on a failing store; never rejects. */
  get(key: string): Promise<T | undefined>;
  /** Called with every answered item; the source decides what is worth keeping. */
  set(key: string, item: T): void;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const ignore = (): undefined => undefined;

// Waiters attach later, so an unobserved rejection here is not a bug. Marked handled only when it
// fails: a handler on every key's promise would cost 10,000 more promises for 10,000 keys.
function fail<T>(d: Deferred<T>, error: unknown): void {
  d.promise.catch(ignore);
  d.reject(error);
}

/**
 * @internal Resolves with `promise`, or rejects with `APIUserAbortError` once `signal` aborts;
 * the shared work behind `promise` goes on for its other waiters.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new APIUserAbortError({ cause: signal.reason }));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new APIUserAbortError({ cause: signal.reason }));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

// At most `max` requests in flight, split requests included; FIFO, so batches start in the order asked.
function limiter(max: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: Array<() => void> = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (active < max) active++;
    else await new Promise<void>((resolve) => queue.push(resolve));
    try {
      return await fn();
    } finally {
      const next = queue.shift();
      // Hand the slot straight to the next waiter, or give it back.
      if (next) next();
      else active--;
    }
  };
}

type Attempt<T> = { ok: true; items: T[] } | { ok: false; error: unknown };

type Group<T> = { options: RequestOptions; waiters: Map<string, Deferred<T>> };

/** @internal The batching engine behind `client.ratings`; one per resource instance. */
export class Batcher<T> {
  readonly #source: BatchSource<T>;
  readonly #settings: ResolvedBatchOptions;
  // One bound for every lookup of this client: many callers (tabs, messages) add up to at most
  // `concurrency` requests in flight, not `concurrency` each.
  readonly #limit: ReturnType<typeof limiter>;
  // Requests in flight without a caller signal, shared by later loads of the same key.
  readonly #inflight = new Map<string, Promise<T>>();
  // Pending coalesced loads by the options they came with; the bare ones share one group.
  readonly #groups = new Map<RequestOptions | undefined, Group<T>>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(source: BatchSource<T>, settings: ResolvedBatchOptions) {
    this.#source = source;
    this.#settings = settings;
    this.#limit = limiter(settings.concurrency);
  }

  /**
   * One key, coalesced with the other loads of this macrotask (or of `windowMs`) into as few
   * requests as the batch size allows; without a cache, a batch that fills goes at once. Loads
   * with request settings of their own (timeout, headers, …) go in a batch of their own; a
   * signal only ends its caller's wait.
   */
  load(key: string, options?: RequestOptions): Promise<T> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(new APIUserAbortError({ cause: signal.reason }));
    if (!this.#settings.coalesce) {
      return raceAbort(this.loadMany([key], options ?? {}).get(key) as Promise<T>, signal);
    }
    const inflight = this.#inflight.get(key);
    if (inflight) return raceAbort(inflight, signal);
    const rest = options && { ...options, signal: undefined };
    const groupKey = rest && hasSettings(rest) ? options : undefined;
    let group = this.#groups.get(groupKey);
    if (!group) {
      group = { options: groupKey ? (rest as RequestOptions) : {}, waiters: new Map() };
      this.#groups.set(groupKey, group);
    }
    let waiter = group.waiters.get(key);
    if (!waiter) {
      waiter = deferred<T>();
      group.waiters.set(key, waiter);
      // A full batch cannot grow, so waiting for the window only delays it. With a cache it still
      // waits: the misses of the whole window make fewer batches than each full group's misses.
      if (group.waiters.size >= this.#settings.maxBatchSize && !this.#source.cache()) {
        this.#groups.delete(groupKey);
        // Its keys count as in flight from here; the request itself starts after this call
        // returns, so a hook never runs inside a caller's `get`.
        const fresh = this.#claim(group);
        if (fresh.size > 0) queueMicrotask(() => void this.#run(fresh, group.options));
        return raceAbort(waiter.promise, signal);
      }
    }
    this.#timer ??= setTimeout(() => this.#flush(), this.#settings.windowMs);
    return raceAbort(waiter.promise, signal);
  }

  /**
   * One promise per key (keys already distinct and normalised): shared in-flight ones, cache
   * hits, then batches for the rest, started at once.
   */
  loadMany(keys: readonly string[], options: RequestOptions): Map<string, Promise<T>> {
    const out = new Map<string, Promise<T>>();
    const fresh = new Map<string, Deferred<T>>();
    for (const key of keys) {
      const shared = this.#inflight.get(key);
      if (shared) out.set(key, shared);
      else {
        const d = deferred<T>();
        // A caller's signal could abort the request for everyone sharing it, so share only unsignalled ones.
        if (!options.signal) this.#inflight.set(key, d.promise);
        fresh.set(key, d);
        out.set(key, d.promise);
      }
    }
    if (fresh.size > 0) void this.#run(fresh, options);
    return out;
  }

  #flush(): void {
    this.#timer = undefined;
    const groups = [...this.#groups.values()];
    this.#groups.clear();
    for (const group of groups) {
      const fresh = this.#claim(group);
      if (fresh.size > 0) void this.#run(fresh, group.options);
    }
  }

  // A coalesced waiter becomes the request's own promise, unless a lookup started the same key
  // in the meantime: then it follows that one. Returns the keys left to ask for.
  #claim({ options, waiters }: Group<T>): Map<string, Deferred<T>> {
    const fresh = new Map<string, Deferred<T>>();
    for (const [key, waiter] of waiters) {
      const shared = this.#inflight.get(key);
      if (shared) shared.then(waiter.resolve, (e: unknown) => fail(waiter, e));
      else {
        if (!options.signal) this.#inflight.set(key, waiter.promise);
        fresh.set(key, waiter);
      }
    }
    return fresh;
  }

  // The waiter of `key`, no longer shared: its request has an answer.
  #done(waiting: Map<string, Deferred<T>>, key: string): Deferred<T> {
    const d = waiting.get(key) as Deferred<T>;
    if (this.#inflight.get(key) === d.promise) this.#inflight.delete(key);
    return d;
  }

  async #run(waiting: Map<string, Deferred<T>>, options: RequestOptions): Promise<void> {
    const cache = this.#source.cache();
    const keys = [...waiting.keys()];
    // Without a cache no key waits for a read.
    const hits = cache ? await Promise.all(keys.map((key) => cache.get(key))) : [];
    const misses = keys.filter((key, i) => {
      const hit = hits[i];
      if (hit === undefined) return true;
      this.#done(waiting, key).resolve(hit);
      return false;
    });
    const size = this.#settings.maxBatchSize;
    const limit = this.#limit;
    const chunks: Promise<void>[] = [];
    for (let i = 0; i < misses.length; i += size) {
      chunks.push(this.#chunk(misses.slice(i, i + size), waiting, options, limit, cache));
    }
    await Promise.all(chunks);
  }

  // One chunk: a batch request; when it fails for good in a way one subject can cause, halve the
  // failing part level by level so that only the poisoned ids end as errors. Bounded by
  // maxSplitRequests, and stopped after two levels in a row where no half succeeded: then the
  // failure is not about the ids (a server failing every request) and more requests only add load.
  async #chunk(
    chunk: string[],
    waiting: Map<string, Deferred<T>>,
    options: RequestOptions,
    limit: ReturnType<typeof limiter>,
    cache: BatchCache<T> | undefined,
  ): Promise<void> {
    const attempt = (ids: string[], split: boolean): Promise<Attempt<T>> =>
      limit(() =>
        split
          ? this.#source.send(
              ids,
              { ...options, idempotencyKey: undefined },
              (e) => !isPoisonedBatchFailure(e),
            )
          : this.#source.send(ids, options),
      ).then(
        (items): Attempt<T> => ({ ok: true, items }),
        (error: unknown): Attempt<T> => ({ ok: false, error }),
      );
    const deliver = (ids: string[], items: T[]) => {
      for (let i = 0; i < ids.length; i++) {
        const key = ids[i] as string;
        const item = items[i] as T;
        this.#done(waiting, key).resolve(item);
        cache?.set(key, item);
      }
    };

    const first = await attempt(chunk, false);
    if (first.ok) {
      deliver(chunk, first.items);
      return;
    }
    let failed: Array<{ ids: string[]; error: unknown }> = [{ ids: chunk, error: first.error }];
    const budget = maxSplitRequests(chunk.length);
    let spent = 0;
    let barren = 0;
    while (barren < 2 && !options.signal?.aborted) {
      const splitting = failed.filter((f) => f.ids.length > 1 && isPoisonedBatchFailure(f.error));
      const halves = splitting.flatMap(({ ids }) => {
        const mid = Math.ceil(ids.length / 2);
        return [ids.slice(0, mid), ids.slice(mid)];
      });
      if (halves.length === 0 || spent + halves.length > budget) break;
      spent += halves.length;
      const results = await Promise.all(halves.map((ids) => attempt(ids, true)));
      failed = failed.filter((f) => !splitting.includes(f));
      let succeeded = false;
      results.forEach((result, i) => {
        const ids = halves[i] as string[];
        if (result.ok) {
          deliver(ids, result.items);
          succeeded = true;
        } else failed.push({ ids, error: result.error });
      });
      barren = succeeded ? 0 : barren + 1;
    }
    for (const { ids, error } of failed) {
      for (const key of ids) fail(this.#done(waiting, key), error);
    }
  }
}

function hasSettings(o: RequestOptions): boolean {
  return Object.entries(o).some(([k, v]) => k !== 'signal' && v !== undefined);
}

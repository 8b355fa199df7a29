/**
 * The Xinjian API client: `createClient(options)` gives an object with one field per resource.
 * It runs unchanged in Node.js 20.19 or later, browsers and an MV3 service worker (only `fetch`,
 * `AbortSignal`, `crypto.randomUUID` and timers).
 */

import { checkBaseUrl } from './core/base-url.ts';
import { type Cache, DEFAULT_CACHE_TTL_MS, MemoryCache, type MemoryCacheOptions } from './core/cache.ts';
import { XinjianError } from './core/errors.ts';
import { type ClientHooks, DEFAULTS, INSPECT, redactHeaders, Transport } from './core/http.ts';
import type { BatchOptions, ClientContext, ProductHint, ResolvedBatchOptions } from './core/resource.ts';
import { AccountResource } from './resources/account.ts';
import { Domains } from './resources/domains.ts';
import { Keys } from './resources/keys.ts';
import { Products } from './resources/products.ts';
import { type BatchRatingItem, MAX_BATCH_SIZE, Ratings } from './resources/ratings.ts';
import { Reports } from './resources/reports.ts';
import { Subjects } from './resources/subjects.ts';

/**
 * Options of {@link createClient}. `baseUrl` and `apiKey` default to the `XINJIAN_BASE_URL` and
 * `XINJIAN_API_KEY` environment variables (Node); everything else has a default.
 *
 * @example
 * ```ts
 * const options: ClientOptions = {
 *   baseUrl: 'http://127.0.0.1:4010',
 *   apiKey: 'xj_demo_2b7e151628aed2a6abf71588',
 *   timeout: 10_000,
 *   maxRetries: 3,
 *   cache: { ttlMs: 5 * 60_000 },
 *   batch: { concurrency: 2 },
 * };
 * ```
 */
export interface ClientOptions {
  /**
   * API origin, e.g. `https://api.xinjian.example` or the mock's `http://127.0.0.1:4010`; default
   * `XINJIAN_BASE_URL`. Plain `http://` is refused except to loopback (see {@link checkBaseUrl}).
   */
  baseUrl?: string | undefined;
  /**
   * Sent as `Authorization: Bearer <apiKey>`; default `XINJIAN_API_KEY`. Kept private: no error,
   * log, hook, `inspect` or `JSON.stringify` of the client shows it.
   */
  apiKey?: string | undefined;
  /** A `fetch` to use instead of the global one (tests, proxies, instrumented fetch). */
  fetch?: typeof globalThis.fetch | undefined;
  /** Milliseconds per attempt. Default 30 s. */
  timeout?: number | undefined;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number | undefined;
  /** First backoff delay, doubled each retry. Default 500 ms. */
  retryBaseDelayMs?: number | undefined;
  /** Largest backoff delay. Default 8 s. */
  retryMaxDelayMs?: number | undefined;
  /** Largest server `Retry-After` honoured. Default 60 s. */
  maxRetryAfterMs?: number | undefined;
  /** Telemetry hooks: request, response, retry, final error. */
  hooks?: ClientHooks | undefined;
  /**
   * Rating cache: a {@link Cache} (e.g. backed by `chrome.storage.session`), options for the
   * default in-memory LRU (10 min, 5,000 entries), or `false` for none. Only `found` and
   * `not_found` items are cached.
   */
  cache?: Cache<BatchRatingItem> | MemoryCacheOptions | false | undefined;
  /** TTL of entries written to a custom cache. Default 10 minutes. */
  cacheTtlMs?: number | undefined;
  /** Batching of `ratings.lookup` and coalescing of `ratings.get`; `false` sends each `get` alone. */
  batch?: BatchOptions | false | undefined;
  /** Headers sent with every request. */
  defaultHeaders?: Record<string, string | undefined> | undefined;
}

/**
 * The API client. Create it with {@link createClient}.
 *
 * @example
 * ```ts
 * const client = createClient({ baseUrl: process.env.XINJIAN_API_URL!, apiKey: process.env.XINJIAN_API_KEY! });
 * const account = await client.account.retrieve();
 * ```
 */
export class XinjianClient {
  /** The options this client was made with, resolved, without the API key. */
  readonly options: Readonly<Omit<ClientOptions, 'apiKey'> & { baseUrl: string }>;
  readonly #apiKey: string;
  readonly products: Products;
  readonly domains: Domains;
  readonly subjects: Subjects;
  readonly ratings: Ratings;
  readonly reports: Reports;
  readonly account: AccountResource;
  /** The service's public signing keys (JWKS). */
  readonly keys: Keys;
  readonly #shared: SharedState;

  constructor(input: ClientOptions = {}, shared?: SharedState) {
    const env = environment();
    const { apiKey: givenKey, ...rest } = input;
    const baseUrl = input.baseUrl ?? env.XINJIAN_BASE_URL;
    const apiKey = givenKey ?? env.XINJIAN_API_KEY;
    if (baseUrl === undefined || baseUrl.trim() === '') {
      throw new XinjianError(
        'baseUrl is required: pass createClient({ baseUrl }) or set the XINJIAN_BASE_URL environment variable',
      );
    }
    const checked = checkBaseUrl(baseUrl);
    if (!checked.ok) throw new XinjianError(`baseUrl refused: ${checked.reason.en}`);
    if (apiKey === undefined || apiKey.trim() === '') {
      throw new XinjianError(
        'apiKey is required: pass createClient({ apiKey }) or set the XINJIAN_API_KEY environment variable',
      );
    }
    const options = { ...rest, baseUrl: checked.url };
    this.options = Object.freeze(options);
    this.#apiKey = apiKey;
    this.#shared = shared ?? { cache: makeCache(options.cache), productHints: new Map() };
    const transport = new Transport({
      baseUrl: options.baseUrl,
      apiKey,
      fetch: options.fetch,
      timeout: options.timeout ?? DEFAULTS.timeout,
      maxRetries: options.maxRetries ?? DEFAULTS.maxRetries,
      hooks: options.hooks ?? {},
      retryPolicy: {
        baseDelayMs: options.retryBaseDelayMs ?? DEFAULTS.retryPolicy.baseDelayMs,
        maxDelayMs: options.retryMaxDelayMs ?? DEFAULTS.retryPolicy.maxDelayMs,
        maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULTS.retryPolicy.maxRetryAfterMs,
      },
      defaultHeaders: options.defaultHeaders ?? {},
    });
    const cache = this.#shared.cache;
    const ctx: ClientContext = {
      transport,
      cache,
      cacheIsExternal: cache !== undefined && !(cache instanceof MemoryCache),
      cacheTtlMs: options.cacheTtlMs ?? (cache instanceof MemoryCache ? cache.ttlMs : DEFAULT_CACHE_TTL_MS),
      cacheNamespace: `xj:rating:${fnv1a(`${options.baseUrl.replace(/\/+$/, '')}\n${apiKey}`)}:`,
      batch: resolveBatch(options.batch),
      productHints: this.#shared.productHints,
    };
    this.products = new Products(ctx);
    this.domains = new Domains(ctx);
    this.subjects = new Subjects(ctx);
    this.ratings = new Ratings(ctx);
    this.reports = new Reports(ctx);
    this.account = new AccountResource(ctx);
    this.keys = new Keys(ctx);
  }

  /**
   * A client with some options changed. It shares this client's rating cache store (entries
   * are keyed by base URL and API key, so a different key never reads another's entries) and
   * what it learnt about products; it has its own `get` coalescing queue, because a batch can
   * only carry one set of request options. A new `cache` option gives it a store of its own.
   *
   * @example
   * ```ts
   * const patient = client.withOptions({ timeout: 120_000, maxRetries: 5 });
   * const other = client.withOptions({ apiKey: 'xj_test_enterprise_only' });
   * ```
   */
  withOptions(overrides: Partial<ClientOptions>): XinjianClient {
    const shared: SharedState =
      'cache' in overrides
        ? { cache: makeCache(overrides.cache), productHints: this.#shared.productHints }
        : this.#shared;
    return new XinjianClient({ ...this.options, apiKey: this.#apiKey, ...overrides }, shared);
  }

  /**
   * What `JSON.stringify(client)` and `util.inspect(client)` show: the base URL and the options,
   * never the key, with credential headers among `defaultHeaders` cut to their last characters.
   */
  toJSON(): { baseUrl: string; options: Record<string, unknown> } {
    const { fetch: _fetch, hooks: _hooks, cache: _cache, defaultHeaders, ...plain } = this.options;
    return {
      baseUrl: this.options.baseUrl,
      options: { ...plain, ...(defaultHeaders ? { defaultHeaders: redactHeaders(defaultHeaders) } : {}) },
    };
  }

  /** `util.inspect` (Node, `console.log`): the same as {@link XinjianClient.toJSON}. */
  [INSPECT](): unknown {
    return { XinjianClient: this.toJSON() };
  }
}

/** `process.env` where there is one (Node), else nothing (browsers, service workers). */
function environment(): Record<string, string | undefined> {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return proc?.env ?? {};
}

/**
 * Creates a client.
 *
 * @example
 * ```ts
 * import { createClient } from '@xinjian/sdk';
 *
 * // XINJIAN_BASE_URL and XINJIAN_API_KEY from the environment:
 * const client = createClient();
 * // or explicitly:
 * const local = createClient({ baseUrl: 'http://127.0.0.1:8787', apiKey: 'xj_demo_2b7e151628aed2a6abf71588' });
 * const [item] = await local.ratings.lookup(['91110000561976492Q']);
 * ```
 */
export function createClient(options?: ClientOptions): XinjianClient {
  return new XinjianClient(options);
}

/** @internal State a derived client shares with the one it came from. */
interface SharedState {
  cache: Cache<BatchRatingItem> | undefined;
  productHints: Map<string, ProductHint>;
}

function makeCache(option: ClientOptions['cache']): Cache<BatchRatingItem> | undefined {
  if (option === false) return undefined;
  if (option && typeof (option as Cache<BatchRatingItem>).get === 'function')
    return option as Cache<BatchRatingItem>;
  return new MemoryCache<BatchRatingItem>(option as MemoryCacheOptions | undefined);
}

function resolveBatch(option: ClientOptions['batch']): ResolvedBatchOptions {
  const o = option === false ? {} : (option ?? {});
  return {
    coalesce: option !== false,
    maxBatchSize: Math.min(MAX_BATCH_SIZE, Math.max(1, Math.floor(o.maxBatchSize ?? MAX_BATCH_SIZE))),
    concurrency: Math.max(1, Math.floor(o.concurrency ?? 4)),
    windowMs: Math.max(0, o.windowMs ?? 0),
  };
}

// A short, stable namespace for cache keys; not a secret, and the key itself is never stored.
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

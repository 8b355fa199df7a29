/**
 * What every resource shares with its client: the transport, the rating cache and batch
 * settings, and what the client has learnt about products.
 */

import type { BatchRatingItem } from '../resources/ratings.ts';
import type { Cache } from './cache.ts';
import type { Transport } from './http.ts';

/**
 * Settings of `client.ratings` coalescing and batching.
 *
 * @example
 * ```ts
 * const batch: BatchOptions = { maxBatchSize: 50, concurrency: 2, windowMs: 5 };
 * ```
 */
export interface BatchOptions {
  /** Ids per `POST /v1/ratings/batch`, at most 100 (the default). */
  maxBatchSize?: number;
  /** Batch requests in flight at once for this client, across all its lookups. Default 4. */
  concurrency?: number;
  /**
   * How long `ratings.get` waits to collect other calls; default 0 (the same macrotask). Without
   * a cache, a batch that reaches `maxBatchSize` does not wait: it cannot grow.
   */
  windowMs?: number;
}

/** @internal Resolved batch settings; `coalesce` is false when `batch: false`. */
export interface ResolvedBatchOptions {
  coalesce: boolean;
  maxBatchSize: number;
  concurrency: number;
  windowMs: number;
}

/** @internal What a product says about the authorization its reports need. */
export interface ProductHint {
  subjectType: 'enterprise' | 'individual';
  requiresAuthorization: boolean;
}

/** @internal */
export interface ClientContext {
  transport: Transport;
  cache: Cache<BatchRatingItem> | undefined;
  /** True when cache hits come from outside this process and must be re-validated. */
  cacheIsExternal: boolean;
  cacheTtlMs: number;
  /** Prefix of every cache key: separates base URLs and API keys sharing one store. */
  cacheNamespace: string;
  batch: ResolvedBatchOptions;
  productHints: Map<string, ProductHint>;
}

/**
 * Base class of the resources (`client.products`, `client.ratings` …).
 *
 * @example
 * ```ts
 * client.products instanceof APIResource; // true
 * ```
 */
export abstract class APIResource {
  /** @internal */
  protected readonly _ctx: ClientContext;

  constructor(ctx: ClientContext) {
    this._ctx = ctx;
  }
}

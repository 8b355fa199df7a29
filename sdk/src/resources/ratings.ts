import { z } from 'zod';
import { APIPromise, type APIResponseOf, attachRequestId, type WithRequestId } from '../core/api-promise.ts';
import { Batcher, raceAbort } from '../core/batcher.ts';
import {
  APIUserAbortError,
  isAuthenticationError,
  isPermissionDeniedError,
  ResponseValidationError,
  type SerializedError,
  serializeError,
  type ValidationIssue,
  XinjianError,
} from '../core/errors.ts';
import { hotSchema } from '../core/hot-schema.ts';
import type { RequestOptions } from '../core/http.ts';
import {
  AbnormalOperationRecord,
  ConstructionRecord,
  ContractRecord,
  DishonestDebtorRecord,
  EnvironmentalRecord,
  FoodSafetyRecord,
  GpSeriousViolationRecord,
  LandRecord,
  MajorTaxViolationRecord,
  PenaltyRecord,
  ProductQualityRecord,
  SeriousIllegalRecord,
  WorkSafetyRecord,
} from '../core/records.ts';
import { APIResource } from '../core/resource.ts';
import { Grade, IsoDate, IsoDateTime, ListId, SourceStatus, TaxCreditGrade } from '../core/schemas.ts';
import { normalizeIdentifier } from '../identifiers/normalize.ts';
import { ResultSignature } from './keys.ts';
import { Subject } from './subjects.ts';

/**
 * The API's maximum number of subjects in one batch request.
 *
 * @example
 * ```ts
 * const chunks: string[][] = [];
 * for (let i = 0; i < ids.length; i += MAX_BATCH_SIZE) chunks.push(ids.slice(i, i + MAX_BATCH_SIZE));
 * ```
 */
export const MAX_BATCH_SIZE = 100;

/**
 * Membership of a red or black list, current or past.
 *
 * @example
 * ```ts
 * const blackListed = summary.lists.some((m) => m.kind === 'black' && m.active);
 * ```
 */
export const ListMembership = z
  .object({
    list: ListId,
    kind: z.enum(['red', 'black']),
    since: IsoDate,
    until: IsoDate.nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'ListMembership' });
export type ListMembership = z.infer<typeof ListMembership>;

/**
 * The records a procurement, tendering or credit check needs, with their sources: the three
 * lists of 财库〔2016〕125号, other black lists, penalties (for 重大违法记录) and the record
 * categories the packs weigh (合同履约, 产品质量, 工程建设, 国土资源, 环保, 安全生产, 食品安全).
 *
 * @example
 * ```ts
 * const listed = summary.records.filter((r) => r.category === 'dishonest_judgment_debtor' && !r.removedAt);
 * ```
 */
export const ScreeningRecord = z
  .discriminatedUnion('category', [
    PenaltyRecord,
    DishonestDebtorRecord,
    MajorTaxViolationRecord,
    GpSeriousViolationRecord,
    AbnormalOperationRecord,
    SeriousIllegalRecord,
    ContractRecord,
    ProductQualityRecord,
    ConstructionRecord,
    EnvironmentalRecord,
    WorkSafetyRecord,
    LandRecord,
    FoodSafetyRecord,
  ])
  .meta({ id: 'ScreeningRecord' });
export type ScreeningRecord = z.infer<typeof ScreeningRecord>;

/**
 * What an overlay needs about one subject, in one batch item.
 *
 * @example
 * ```ts
 * const item = await client.ratings.get('91110000600037341L');
 * if (item.status === 'found') console.log(item.summary.subject.name, item.summary.lists.length);
 * ```
 */
export const RatingSummary = z
  .object({
    subject: Subject,
    grades: z.array(Grade),
    taxCredit: z.array(z.object({ year: z.number().int(), grade: TaxCreditGrade })),
    lists: z.array(ListMembership),
    records: z.array(ScreeningRecord),
    /** Every channel consulted, including the ones that could not be read. */
    sources: z.array(SourceStatus),
    lastUpdated: IsoDateTime,
    /** The service's Ed25519 signature over this summary (see `verifySignature`). */
    signature: ResultSignature.optional(),
  })
  .meta({ id: 'RatingSummary' });
export type RatingSummary = z.infer<typeof RatingSummary>;

/**
 * Body of `POST /v1/ratings/batch`: 1 to {@link MAX_BATCH_SIZE} identifiers.
 *
 * @example
 * ```ts
 * BatchRatingsRequest.parse({ ids: ['91110000600037341L', 'D2143569X'] });
 * ```
 */
export const BatchRatingsRequest = z
  .object({ ids: z.array(z.string().min(1).max(64)).min(1).max(MAX_BATCH_SIZE) })
  .meta({ id: 'BatchRatingsRequest' });
export type BatchRatingsRequest = z.infer<typeof BatchRatingsRequest>;

/**
 * One result per requested id, in request order; a bad id fails its item, not the batch.
 *
 * @example
 * ```ts
 * if (item.status === 'invalid_identifier') console.log(item.message, item.expectedCheckChar);
 * ```
 */
export const BatchRatingItem = z
  .discriminatedUnion('status', [
    z.object({ id: z.string(), status: z.literal('found'), summary: RatingSummary }),
    z.object({ id: z.string(), status: z.literal('not_found') }),
    z.object({
      id: z.string(),
      status: z.literal('invalid_identifier'),
      message: z.string(),
      expectedCheckChar: z.string().nullable(),
    }),
  ])
  .meta({ id: 'BatchRatingItem' });
export type BatchRatingItem = z.infer<typeof BatchRatingItem>;

/**
 * Body of the answer to `POST /v1/ratings/batch`: one {@link BatchRatingItem} per id, in request order.
 *
 * @example
 * ```ts
 * const { data } = BatchRatingsResponse.parse(body);
 * ```
 */
export const BatchRatingsResponse = z
  .object({ data: z.array(BatchRatingItem) })
  .meta({ id: 'BatchRatingsResponse' });
export type BatchRatingsResponse = z.infer<typeof BatchRatingsResponse>;

// A process's first compile of the batch answer's schema costs about 100 ms (the compiler's
// own code runs cold) and then saves about 10 µs per item, so it pays back only in volume: a
// process validates its first 10,000 items with the ordinary parser, then compiles (decision 0073).
const batchResponse = hotSchema(BatchRatingsResponse, 10_000);

/**
 * A lookup item whose batch failed for good (after retries). The subject's rating is
 * unknown: show it as unavailable, never as clean.
 *
 * @example
 * ```ts
 * const [item] = await client.ratings.lookup(['91110000600037341L']);
 * if (item?.status === 'error') console.log(item.error.name, item.error.message);
 * ```
 */
export interface RatingLookupError {
  id: string;
  status: 'error';
  error: SerializedError;
}

/**
 * One result of {@link Ratings.lookup}: a batch item, or an error for that item.
 *
 * @example
 * ```ts
 * const label = (i: RatingLookupItem) => (i.status === 'found' ? i.summary.subject.name : i.status);
 * ```
 */
export type RatingLookupItem = BatchRatingItem | RatingLookupError;

// 401 and 403 are about the key, not about any id in the batch.
function isKeyRefusal(e: unknown): boolean {
  return isAuthenticationError(e) || isPermissionDeniedError(e);
}

// Ids the API would reject as a whole-batch 400 fail their own item here instead.
function localInvalid(id: string): BatchRatingItem | undefined {
  if (id.length === 0) {
    return {
      id,
      status: 'invalid_identifier',
      message: 'empty identifier / 标识为空',
      expectedCheckChar: null,
    };
  }
  if (id.length > 64) {
    return {
      id,
      status: 'invalid_identifier',
      message: 'identifier longer than 64 characters / 标识超过64个字符',
      expectedCheckChar: null,
    };
  }
  return undefined;
}

/**
 * `client.ratings`: rating summaries for the overlay, batched, coalesced and cached.
 *
 * @example
 * ```ts
 * const items = await client.ratings.lookup(['91110000600037341L', '9144030071526726XG']);
 * const one = await client.ratings.get('91110000600037341L');
 * ```
 */
export class Ratings extends APIResource {
  readonly #batcher = new Batcher<BatchRatingItem>(
    {
      send: (ids, options, retryIf) => this.#post(ids, options, retryIf),
      cache: () =>
        this._ctx.cache && {
          get: (key) => this.#cacheGet(key),
          set: (key, item) => this.#cacheSet(key, item),
        },
    },
    this._ctx.batch,
  );

  /**
   * One `POST /v1/ratings/batch` for up to 100 ids, exactly as given: no normalising, caching
   * or splitting. Items come back in request order; an answer with another number of items, or
   * an item for another id, is a `ResponseValidationError`.
   *
   * @example
   * ```ts
   * const items = await client.ratings.batch(['91110000600037341L', '91350100M000100Y43']);
   * items[0]?.status; // 'found' | 'not_found' | 'invalid_identifier'
   * ```
   */
  batch(ids: string[], options?: RequestOptions): APIPromise<BatchRatingItem[]> {
    if (ids.length > MAX_BATCH_SIZE) {
      return new APIPromise(
        Promise.reject(
          new XinjianError(
            `ratings.batch takes at most ${MAX_BATCH_SIZE} ids (got ${ids.length}); use lookup()`,
          ),
        ),
      );
    }
    if (ids.length === 0) {
      return new APIPromise(
        Promise.resolve({ data: [], response: new Response('{"data":[]}'), requestId: undefined }),
      );
    }
    return new APIPromise(this.#send(ids, options));
  }

  async #post(
    ids: string[],
    options: RequestOptions | undefined,
    retryIf?: (error: XinjianError) => boolean,
  ): Promise<BatchRatingItem[]> {
    return (await this.#send(ids, options, retryIf)).data;
  }

  // Each item carries the request id of the batch it came in (and keeps it in the memory cache).
  async #send(
    ids: string[],
    options: RequestOptions | undefined,
    retryIf?: (error: XinjianError) => boolean,
  ): Promise<APIResponseOf<BatchRatingItem[]>> {
    const body: BatchRatingsRequest = { ids };
    const res = await this._ctx.transport.requestWithResponse(
      {
        method: 'POST',
        path: '/v1/ratings/batch',
        body,
        schema: batchResponse.current,
        retryIf,
        direct: true,
      },
      options,
    );
    // Items are matched to ids by position: a list of another length, or an item for another id,
    // is a contract violation, and would show one subject's rating under another's name.
    const issues: ValidationIssue[] = [];
    if (res.data.data.length !== ids.length) {
      issues.push({
        code: 'custom',
        path: ['data'],
        message: `expected ${ids.length} items, got ${res.data.data.length}`,
      });
    } else {
      res.data.data.forEach((item, i) => {
        if (item.id !== ids[i]) {
          issues.push({
            code: 'custom',
            path: ['data', i, 'id'],
            message: `expected ${JSON.stringify(ids[i])}, got ${JSON.stringify(item.id)}`,
          });
        }
      });
    }
    if (issues.length > 0) {
      throw new ResponseValidationError(200, issues, {
        method: 'POST',
        path: '/v1/ratings/batch',
        requestId: res.requestId,
      });
    }
    batchResponse.validated(ids.length);
    for (const item of res.data.data) attachRequestId(item, res.requestId);
    return { data: res.data.data, response: res.response, requestId: res.requestId };
  }

  /**
   * Ratings for any number of ids. Ids are normalised (see {@link normalizeIdentifier}) and
   * deduplicated; cached results cost nothing; the rest go in batches of up to 100, at most
   * `concurrency` (default 4) in flight for the whole client, whoever asked. Results follow the input order and duplicates share
   * one result. A batch that fails after its retries turns its ids into `status: 'error'` items;
   * the lookup as a whole rejects only when `signal` aborts. When the failure is one a single
   * subject can cause (see {@link isPoisonedBatchFailure}: a 500, or a body that does not parse
   * or validate), the batch is halved and each half asked again, level by level, so only the
   * poisoned ids end as errors: one poisoned id in a batch of `n` costs at most `2 × ⌈log2 n⌉`
   * extra requests, never more than {@link maxSplitRequests}; outages (connection errors,
   * timeouts, 502–504, 429) are not split. Errors are never cached. A key the API refuses
   * (401 `AuthenticationError`, 403 `PermissionDeniedError`) rejects the whole lookup, as it
   * rejects `get`: it is no subject's result.
   *
   * @example
   * ```ts
   * const ids = ['91110000600037341L', '911100006000373411', 'd2143569-x'];
   * for (const item of await client.ratings.lookup(ids)) {
   *   if (item.status === 'found') console.log(item.summary.subject.name, item.summary.lists);
   *   else console.log(item.id, item.status);
   * }
   * ```
   */
  async lookup(ids: string[], options: RequestOptions = {}): Promise<WithRequestId<RatingLookupItem>[]> {
    const keys = ids.map(normalizeIdentifier);
    const unique = [...new Set(keys)];
    const local = new Map<string, BatchRatingItem>();
    const remote: string[] = [];
    for (const key of unique) {
      const invalid = localInvalid(key);
      if (invalid) local.set(key, invalid);
      else remote.push(key);
    }
    const pending = this.#batcher.loadMany(remote, options);
    const settled = new Map<string, RatingLookupItem>(local);
    await raceAbort(
      Promise.all(
        remote.map(async (key) => {
          try {
            settled.set(key, await (pending.get(key) as Promise<BatchRatingItem>));
          } catch (e) {
            // A refused key fails every id alike: the caller must fix the key, not retry items.
            if (isKeyRefusal(e)) throw e;
            settled.set(key, { id: key, status: 'error', error: serializeError(e) });
          }
        }),
      ),
      options.signal,
    );
    if (options.signal?.aborted) throw new APIUserAbortError({ cause: options.signal.reason });
    return keys.map((key) => settled.get(key) as RatingLookupItem);
  }

  /**
   * One subject's rating. Calls made in the same tick are coalesced into batch requests
   * (DataLoader-style) and identical ids in flight share one promise; cached results resolve
   * without a request. Rejects when the batch carrying the id fails after its retries, or, for a
   * batch split as described in {@link Ratings.lookup}, when the id's own part still fails.
   *
   * @example
   * ```ts
   * const [a, b] = await Promise.all([
   *   client.ratings.get('91110000600037341L'),
   *   client.ratings.get('9144030071526726XG'),
   * ]); // one request
   * if (a.status === 'found') console.log(a.summary.taxCredit);
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<WithRequestId<BatchRatingItem>> {
    const key = normalizeIdentifier(id);
    const invalid = localInvalid(key);
    if (invalid) return Promise.resolve(invalid);
    return this.#batcher.load(key, options);
  }

  async #cacheGet(key: string): Promise<BatchRatingItem | undefined> {
    const { cache, cacheIsExternal } = this._ctx;
    if (!cache) return undefined;
    try {
      const hit = await cache.get(this.#cacheKey(key));
      if (hit === undefined) return undefined;
      // An outside store may hold data from another SDK version: trust it only if it still parses.
      if (!cacheIsExternal) return hit;
      const parsed = BatchRatingItem.safeParse(hit);
      return parsed.success && parsed.data.status !== 'invalid_identifier' ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  // Only answers are kept: an invalid id is cheap to tell again, and errors must be asked again.
  #cacheSet(key: string, item: BatchRatingItem): void {
    if (item.status !== 'found' && item.status !== 'not_found') return;
    const { cache, cacheTtlMs } = this._ctx;
    try {
      void Promise.resolve(cache?.set(this.#cacheKey(key), item, cacheTtlMs)).catch(() => undefined);
    } catch {
      // A full or failing store only costs a request next time.
    }
  }

  #cacheKey(key: string): string {
    return `${this._ctx.cacheNamespace}${key}`;
  }

  /**
   * Forgets cached ratings: for the given ids, or (without ids) everything in the cache store,
   * which a derived client from `withOptions` shares.
   *
   * @example
   * ```ts
   * await client.ratings.clearCache(['91110000600037341L']);
   * ```
   */
  async clearCache(ids?: string[]): Promise<void> {
    const { cache } = this._ctx;
    if (!cache) return;
    if (ids === undefined) {
      await cache.clear();
      return;
    }
    await Promise.all(ids.map((id) => cache.delete(this.#cacheKey(normalizeIdentifier(id)))));
  }
}

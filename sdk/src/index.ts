/**
 * `@xinjian/sdk`: the Xinjian 信鉴 API client, its schemas, the identifier toolkit and the
 * rule packs.
 *
 * @example
 * ```ts
 * import { createClient, isRateLimitError } from '@xinjian/sdk';
 *
 * const client = createClient({ baseUrl: 'http://127.0.0.1:4010', apiKey: process.env.XINJIAN_API_KEY! });
 * const items = await client.ratings.lookup(['91110000600037341L']);
 * ```
 */
export { type ClientOptions, createClient, XinjianClient } from './client.ts';
export {
  APIPromise,
  type APIResponseOf,
  type WithRequestId,
} from './core/api-promise.ts';
export { type BaseUrlCheck, checkBaseUrl, isLoopbackHost } from './core/base-url.ts';
export { isPoisonedBatchFailure, maxSplitRequests } from './core/batcher.ts';
export {
  type Cache,
  DEFAULT_CACHE_MAX_ENTRIES,
  DEFAULT_CACHE_TTL_MS,
  MemoryCache,
  type MemoryCacheOptions,
} from './core/cache.ts';
export { todayInChina } from './core/china-time.ts';
export * from './core/errors.ts';
export { compareGrades, gradeOrder, gradeRank } from './core/grade-order.ts';
export { HEADLINE_SCALES, type HeadlineSource, headlineGrade } from './core/headline.ts';
export {
  type ClientHooks,
  type ErrorEvent,
  maskIdShaped,
  type RequestEvent,
  type RequestOptions,
  type ResponseEvent,
  type RetryEvent,
} from './core/http.ts';
export { Page, PagePromise } from './core/pagination.ts';
export { APIResource, type BatchOptions } from './core/resource.ts';
export {
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  type RetryPolicy,
  retryDelay,
  shouldRetry,
} from './core/retry.ts';
export * from './evidence/index.ts';
export * from './identifiers/index.ts';
export {
  CHANNEL_LABELS,
  DOMAIN_LABELS,
  describeRecord,
  formatCitation,
  gradeMeaning,
  LIST_LABELS,
  RECORD_CATEGORY_LABELS,
  type RecordTone,
  recordOutcome,
  SCALE_EXPLANATIONS,
  SCALE_LABELS,
} from './labels.ts';
export { AccountResource } from './resources/account.ts';
export { Domains } from './resources/domains.ts';
export { Keys } from './resources/keys.ts';
export { PRODUCT_IDS, type ProductId, Products } from './resources/products.ts';
export {
  type RatingLookupError,
  type RatingLookupItem,
  Ratings,
} from './resources/ratings.ts';
export { type ReportOrderParams, Reports, type WaitOptions } from './resources/reports.ts';
export { Subjects } from './resources/subjects.ts';
export * from './rules/index.ts';
export * from './schemas.ts';

/**
 * The API contract alone: zod schemas and their types, without the client. Import this entry
 * (`@xinjian/sdk/schemas`) to validate or type data where the client is not needed, such as
 * the mock server, seed data and contract tests.
 *
 * @example
 * ```ts
 * import { BatchRatingItem, type Report } from '@xinjian/sdk/schemas';
 * const item = BatchRatingItem.parse(JSON.parse(text));
 * ```
 */
export * from './core/records.ts';
export * from './core/schemas.ts';
export { Account } from './resources/account.ts';
export { Domain, DomainList, PolicyBasis } from './resources/domains.ts';
export { JWKS_PATH, Jwk, Jwks, ResultSignature } from './resources/keys.ts';
export { Product, ProductListParams, ProductPage, Provider, page } from './resources/products.ts';
export {
  BatchRatingItem,
  BatchRatingsRequest,
  BatchRatingsResponse,
  ListMembership,
  MAX_BATCH_SIZE,
  RatingSummary,
  ScreeningRecord,
} from './resources/ratings.ts';
export {
  Authorization,
  EnterpriseReportContent,
  IndividualReportContent,
  IndividualSubject,
  type ReadyReport,
  Report,
  ReportContent,
  ReportOrder,
} from './resources/reports.ts';
export { Subject, SubjectMatch, SubjectSearchParams, SubjectSearchResult } from './resources/subjects.ts';

import { z } from 'zod';
import { APIPromise, attachRequestId, type WithRequestId } from '../core/api-promise.ts';
import { APITimeoutError, AuthorizationRequiredError, ReportFailedError } from '../core/errors.ts';
import { type RequestOptions, sleep } from '../core/http.ts';
import {
  CourtEnforcementRecord,
  CreditAccount,
  CreditRecord,
  DishonestDebtorRecord,
  HousingFundAccount,
} from '../core/records.ts';
import { APIResource } from '../core/resource.ts';
import { parseRetryAfter } from '../core/retry.ts';
import { DomainId, Grade, IsoDate, IsoDateTime, SourceStatus } from '../core/schemas.ts';
import { isValidIdCard } from '../identifiers/index.ts';
import { ResultSignature } from './keys.ts';
import type { ProductId } from './products.ts';
import { ListMembership } from './ratings.ts';
import { Subject } from './subjects.ts';

/**
 * The subject's written authorization for a personal lookup (征信业管理条例 第18条).
 *
 * @example
 * ```ts
 * const authorization: Authorization = { reference: 'AUTH-2026-0001', grantedAt: '2026-10-30' };
 * ```
 */
export const Authorization = z
  .object({
    /** The reference of the signed authorization form, as filed by the lender. */
    reference: z.string().trim().min(1).max(100),
    grantedAt: IsoDate,
  })
  .meta({ id: 'Authorization' });
export type Authorization = z.infer<typeof Authorization>;

/**
 * Body of `POST /v1/reports`; send an `Idempotency-Key` header with it.
 *
 * @example
 * ```ts
 * ReportOrder.parse({
 *   productId: 'creditchina_public_report',
 *   subjectId: '91110000600037341L',
 *   purpose: 'government_procurement',
 * });
 * ```
 */
export const ReportOrder = z
  .object({
    productId: z.string(),
    /** USCC, org code or 注册号 for enterprises; 居民身份证号码 for individuals. */
    subjectId: z.string().min(1).max(64),
    purpose: DomainId,
    authorization: Authorization.optional(),
  })
  .meta({ id: 'ReportOrder' });
export type ReportOrder = z.infer<typeof ReportOrder>;

/**
 * An enterprise report: ratings, list memberships and records by category.
 *
 * @example
 * ```ts
 * if (report.status === 'ready' && report.content.subjectType === 'enterprise') {
 *   console.log(report.content.subject.name, report.content.records.length);
 * }
 * ```
 */
export const EnterpriseReportContent = z
  .object({
    subjectType: z.literal('enterprise'),
    subject: Subject,
    grades: z.array(Grade),
    lists: z.array(ListMembership),
    records: z.array(CreditRecord),
    sources: z.array(SourceStatus),
    generatedAt: IsoDateTime,
  })
  .meta({ id: 'EnterpriseReportContent' });
export type EnterpriseReportContent = z.infer<typeof EnterpriseReportContent>;

/**
 * An individual's report. The API never returns the full ID number: only the masked form and
 * a per-account hash, so a leaked response cannot leak the number.
 *
 * @example
 * ```ts
 * console.log(content.subject.nameMasked, content.subject.idNumberMasked); // '钟*' '330***********7745'
 * ```
 */
export const IndividualSubject = z
  .object({
    nameMasked: z.string(),
    idNumberMasked: z.string(),
    birthYear: z.number().int(),
    sex: z.enum(['male', 'female']),
  })
  .meta({ id: 'IndividualSubject' });
export type IndividualSubject = z.infer<typeof IndividualSubject>;

/**
 * An individual's report: 人行征信 credit accounts, court enforcement, 失信被执行人 listings and the
 * housing-fund account, with the masked subject.
 *
 * @example
 * ```ts
 * if (content.subjectType === 'individual') console.log(content.creditAccounts.length, content.housingFund);
 * ```
 */
export const IndividualReportContent = z
  .object({
    subjectType: z.literal('individual'),
    subject: IndividualSubject,
    creditAccounts: z.array(CreditAccount),
    courtEnforcements: z.array(CourtEnforcementRecord),
    dishonestListings: z.array(DishonestDebtorRecord),
    housingFund: HousingFundAccount.nullable(),
    sources: z.array(SourceStatus),
    generatedAt: IsoDateTime,
  })
  .meta({ id: 'IndividualReportContent' });
export type IndividualReportContent = z.infer<typeof IndividualReportContent>;

/**
 * A ready report's content: {@link EnterpriseReportContent} or {@link IndividualReportContent},
 * told apart by `subjectType`.
 *
 * @example
 * ```ts
 * const content = ReportContent.parse(body.content);
 * const records = content.subjectType === 'enterprise' ? content.records : content.courtEnforcements;
 * ```
 */
export const ReportContent = z
  .discriminatedUnion('subjectType', [EnterpriseReportContent, IndividualReportContent])
  .meta({ id: 'ReportContent' });
export type ReportContent = z.infer<typeof ReportContent>;

const reportBase = {
  id: z.string(),
  productId: z.string(),
  purpose: DomainId,
  createdAt: IsoDateTime,
  /** The subject identifier as ordered; masked for individuals. */
  subjectRef: z.string(),
};

/**
 * A report order and, once ready, its content.
 *
 * @example
 * ```ts
 * const report = await client.reports.retrieve('rpt_123');
 * if (report.status === 'failed') console.log(report.failure.code);
 * ```
 */
export const Report = z
  .discriminatedUnion('status', [
    z.object({ ...reportBase, status: z.literal('pending') }),
    z.object({
      ...reportBase,
      status: z.literal('ready'),
      readyAt: IsoDateTime,
      content: ReportContent,
      /** The service's Ed25519 signature over the ready report (see `verifySignature`). */
      signature: ResultSignature.optional(),
    }),
    z.object({
      ...reportBase,
      status: z.literal('failed'),
      failedAt: IsoDateTime,
      failure: z.object({ code: z.string(), message: z.string() }),
    }),
  ])
  .meta({ id: 'Report' });
export type Report = z.infer<typeof Report>;
/**
 * A {@link Report} in `ready` state, with its content.
 *
 * @example
 * ```ts
 * const ready: ReadyReport = await client.reports.waitUntilReady('rpt_123');
 * ready.content.generatedAt;
 * ```
 */
export type ReadyReport = Extract<Report, { status: 'ready' }>;

/**
 * How {@link Reports.waitUntilReady} polls.
 *
 * @example
 * ```ts
 * const wait: WaitOptions = { pollIntervalMs: 500, timeoutMs: 60_000 };
 * ```
 */
export interface WaitOptions {
  /** Stops waiting; the call rejects with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Pause between polls when the server suggests none (`Retry-After`). Default 1 s. */
  pollIntervalMs?: number | undefined;
  /** Give up after this long with `APITimeoutError`. Default 2 minutes. */
  timeoutMs?: number | undefined;
}

/**
 * The body of {@link Reports.order}: {@link ReportOrder}, with `purpose` optional in the type so
 * that a missing one is refused by the SDK (with its legal basis) rather than by the compiler
 * alone.
 *
 * @example
 * ```ts
 * const params: ReportOrderParams = {
 *   productId: 'personal_credit_report',
 *   subjectId: '11010519491231002X',
 *   purpose: 'housing_fund_loan',
 *   authorization: { reference: 'AUTH-2026-0001', grantedAt: '2026-10-30' },
 * };
 * ```
 */
export type ReportOrderParams = Omit<ReportOrder, 'productId' | 'purpose' | 'authorization'> & {
  /** A catalog product id (see {@link ProductId}). */
  productId: ProductId;
  purpose?: ReportOrder['purpose'] | undefined;
  authorization?: ReportOrder['authorization'] | undefined;
};

const DEFAULT_POLL_INTERVAL_MS = 1_000;
const DEFAULT_WAIT_TIMEOUT_MS = 120_000;

/**
 * `client.reports`: order credit reports and wait for them.
 *
 * @example
 * ```ts
 * const report = await client.reports.orderAndWait({
 *   productId: 'creditchina_public_report',
 *   subjectId: '91110000600037341L',
 *   purpose: 'government_procurement',
 * });
 * if (report.content.subjectType === 'enterprise') console.log(report.content.records.length);
 * ```
 */
export class Reports extends APIResource {
  /**
   * Orders a report; the answer is usually `pending`. One `Idempotency-Key` covers the call and
   * its retries, so a retry never orders twice. An individual's report (the subject is a
   * 居民身份证号码, or the product is known to be personal) without `purpose` and
   * `authorization.reference` is refused here with `AuthorizationRequiredError`, before any
   * request (征信业管理条例 第18条).
   *
   * @example
   * ```ts
   * const pending = await client.reports.order(
   *   {
   *     productId: 'personal_credit_report',
   *     subjectId: '11010519491231002X',
   *     purpose: 'housing_fund_loan',
   *     authorization: { reference: 'AUTH-2026-0001', grantedAt: '2026-10-30' },
   *   },
   *   { idempotencyKey: 'loan-application-4711' },
   * );
   * ```
   */
  order(params: ReportOrderParams, options?: RequestOptions): APIPromise<Report> {
    try {
      this.#checkAuthorization(params);
    } catch (e) {
      return new APIPromise(Promise.reject(e));
    }
    return this._ctx.transport.call(
      { method: 'POST', path: '/v1/reports', body: params, schema: Report },
      options,
    );
  }

  /**
   * A report by id, in whatever state it is.
   *
   * @example
   * ```ts
   * const report = await client.reports.retrieve('rpt_123');
   * if (report.status === 'ready') console.log(report.readyAt);
   * ```
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<Report> {
    return this._ctx.transport.call(
      { method: 'GET', path: `/v1/reports/${encodeURIComponent(id)}`, schema: Report },
      options,
    );
  }

  /**
   * Polls until the report is ready and returns it. A `failed` report rejects with
   * `ReportFailedError`; running out of `timeoutMs` rejects with `APITimeoutError`.
   *
   * @example
   * ```ts
   * const ac = new AbortController();
   * const ready = await client.reports.waitUntilReady('rpt_123', { signal: ac.signal, pollIntervalMs: 500 });
   * ready.content.generatedAt;
   * ```
   */
  async waitUntilReady(
    id: string,
    options: WaitOptions & RequestOptions = {},
  ): Promise<WithRequestId<ReadyReport>> {
    const {
      pollIntervalMs = DEFAULT_POLL_INTERVAL_MS,
      timeoutMs = DEFAULT_WAIT_TIMEOUT_MS,
      ...request
    } = options;
    const deadline = Date.now() + timeoutMs;
    const path = `/v1/reports/${encodeURIComponent(id)}`;
    for (;;) {
      const {
        data: report,
        response,
        requestId,
      } = await this._ctx.transport.requestWithResponse({ method: 'GET', path, schema: Report }, request);
      if (report.status === 'ready') return attachRequestId(report, requestId);
      if (report.status === 'failed') throw new ReportFailedError(report.id, report.failure);
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new APITimeoutError(
          { method: 'GET', path },
          { message: `Report ${id} was not ready after ${timeoutMs} ms: GET ${path}` },
        );
      }
      const suggested = parseRetryAfter(response.headers.get('retry-after'));
      await sleep(Math.min(suggested ?? pollIntervalMs, left), options.signal);
    }
  }

  /**
   * {@link Reports.order} then {@link Reports.waitUntilReady}.
   *
   * @example
   * ```ts
   * const ready = await client.reports.orderAndWait(
   *   { productId: 'creditchina_public_report', subjectId: '91110000600037341L', purpose: 'tendering' },
   *   { pollIntervalMs: 250, timeoutMs: 30_000 },
   * );
   * ```
   */
  async orderAndWait(
    params: ReportOrderParams,
    options: WaitOptions & RequestOptions = {},
  ): Promise<WithRequestId<ReadyReport>> {
    const { pollIntervalMs, timeoutMs, ...request } = options;
    const report = await this.order(params, request);
    if (report.status === 'ready') return report;
    if (report.status === 'failed') throw new ReportFailedError(report.id, report.failure);
    const { idempotencyKey: _, ...polling } = request;
    return this.waitUntilReady(report.id, { ...polling, pollIntervalMs, timeoutMs });
  }

  #checkAuthorization(params: ReportOrderParams): void {
    const hint = this._ctx.productHints.get(params.productId);
    const personal =
      isValidIdCard(String(params.subjectId ?? '').trim()) ||
      hint?.subjectType === 'individual' ||
      hint?.requiresAuthorization === true;
    if (!personal) return;
    const missing: Array<'purpose' | 'authorization.reference'> = [];
    if (!params.purpose) missing.push('purpose');
    if (!params.authorization?.reference?.trim()) missing.push('authorization.reference');
    if (missing.length > 0) throw new AuthorizationRequiredError(missing);
  }
}

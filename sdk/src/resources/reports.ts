import { z } from 'zod';
import { CourtEnforcementRecord, CreditAccount, CreditRecord, DishonestDebtorRecord, HousingFundAccount } from '../core/records.ts';
import { DomainId, Grade, IsoDate, IsoDateTime, SourceStatus } from '../core/schemas.ts';
import { ListMembership } from './ratings.ts';
import { Subject } from './subjects.ts';

/** The subject's written authorization for a personal lookup (征信业管理条例 第18条). */
export const Authorization = z
  .object({
    /** The reference of the signed authorization form, as filed by the lender. */
    reference: z.string().trim().min(1).max(100),
    grantedAt: IsoDate,
  })
  .meta({ id: 'Authorization' });
export type Authorization = z.infer<typeof Authorization>;

/** Body of `POST /v1/reports`; send an `Idempotency-Key` header with it. */
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

/** An enterprise report: ratings, list memberships and records by category. */
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

/** A report order and, once ready, its content. */
export const Report = z
  .discriminatedUnion('status', [
    z.object({ ...reportBase, status: z.literal('pending') }),
    z.object({ ...reportBase, status: z.literal('ready'), readyAt: IsoDateTime, content: ReportContent }),
    z.object({
      ...reportBase,
      status: z.literal('failed'),
      failedAt: IsoDateTime,
      failure: z.object({ code: z.string(), message: z.string() }),
    }),
  ])
  .meta({ id: 'Report' });
export type Report = z.infer<typeof Report>;
export type ReadyReport = Extract<Report, { status: 'ready' }>;

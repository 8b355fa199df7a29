import { z } from 'zod';
import {
  AbnormalOperationRecord,
  DishonestDebtorRecord,
  GpSeriousViolationRecord,
  MajorTaxViolationRecord,
  PenaltyRecord,
  SeriousIllegalRecord,
} from '../core/records.ts';
import { Grade, IsoDate, IsoDateTime, ListId, SourceStatus, TaxCreditGrade } from '../core/schemas.ts';
import { Subject } from './subjects.ts';

/** The API's maximum number of subjects in one batch request. */
export const MAX_BATCH_SIZE = 100;

/** Membership of a red or black list, current or past. */
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
 * The records a procurement or tendering check needs, with their sources: the three lists of
 * 财库〔2016〕125号, other black lists, and penalties (for 重大违法记录).
 */
export const ScreeningRecord = z
  .discriminatedUnion('category', [
    PenaltyRecord,
    DishonestDebtorRecord,
    MajorTaxViolationRecord,
    GpSeriousViolationRecord,
    AbnormalOperationRecord,
    SeriousIllegalRecord,
  ])
  .meta({ id: 'ScreeningRecord' });
export type ScreeningRecord = z.infer<typeof ScreeningRecord>;

/** What an overlay needs about one subject, in one batch item. */
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
  })
  .meta({ id: 'RatingSummary' });
export type RatingSummary = z.infer<typeof RatingSummary>;

export const BatchRatingsRequest = z
  .object({ ids: z.array(z.string().min(1).max(64)).min(1).max(MAX_BATCH_SIZE) })
  .meta({ id: 'BatchRatingsRequest' });
export type BatchRatingsRequest = z.infer<typeof BatchRatingsRequest>;

/** One result per requested id, in request order; a bad id fails its item, not the batch. */
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

export const BatchRatingsResponse = z
  .object({ data: z.array(BatchRatingItem) })
  .meta({ id: 'BatchRatingsResponse' });
export type BatchRatingsResponse = z.infer<typeof BatchRatingsResponse>;

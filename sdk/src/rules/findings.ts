/**
 * What every rule pack returns: findings with their citations and evidence, and the record of
 * which channels were checked. Schemas first, so the extension can validate a result that
 * crossed a message boundary.
 */
import { z } from 'zod';
import {
  IsoDate,
  IsoDateTime,
  IsoMonth,
  ListId,
  LocalizedText,
  RecordCategory,
  SourceChannel,
  SourceRef,
} from '../core/schemas.ts';
import { Citation } from './citations.ts';

/**
 * How much a finding weighs: `bar` excludes the subject, `review` needs a person's judgement,
 * `info` is kept for the evidence record, `missing` means a required source could not be read.
 *
 * @example
 * ```ts
 * const blocking = result.findings.filter((f) => f.severity === 'bar' || f.severity === 'missing');
 * ```
 */
export const Severity = z.enum(['bar', 'review', 'info', 'missing']).meta({ id: 'RuleSeverity' });
export type Severity = z.infer<typeof Severity>;

/**
 * One thing a rule found, with the rule it applied and the record it rests on.
 *
 * @example
 * ```ts
 * const f: Finding = {
 *   code: 'loan.consecutive_overdue',
 *   severity: 'bar',
 *   message: { zh: '2025-03..2025-05 连续 3 期逾期', en: '3 consecutive overdue periods 2025-03..2025-05' },
 *   citations: [],
 *   record: { id: 'acct-1', category: 'credit_accounts' },
 *   source: null,
 *   subjectId: 'applicant',
 *   months: ['2025-03', '2025-04', '2025-05'],
 * };
 * ```
 */
export const Finding = z
  .object({
    /** Stable machine code, e.g. `penalty.major.fine`; never translated. */
    code: z.string(),
    severity: Severity,
    message: LocalizedText,
    citations: z.array(Citation),
    /** The record that triggered the finding; null when it rests on a missing source or a list entry. */
    record: z.object({ id: z.string(), category: RecordCategory }).nullable(),
    source: SourceRef.nullable(),
    /** Enterprise subject id, or the borrower key (`applicant`, `spouse`, `co_borrower:1`). */
    subjectId: z.string(),
    /** The months that triggered a repayment or deposit finding, oldest first. */
    months: z.array(IsoMonth).optional(),
  })
  .meta({ id: 'RuleFinding' });
export type Finding = z.infer<typeof Finding>;

/**
 * One list looked up on one channel for one subject: the evidence record of 财库〔2016〕125号.
 *
 * @example
 * ```ts
 * for (const c of result.checked) console.log(c.subjectId, c.list, c.channel, c.status, c.fetchedAt);
 * ```
 */
export const CheckedList = z
  .object({
    subjectId: z.string(),
    list: ListId,
    channel: SourceChannel,
    fetchedAt: IsoDateTime.nullable(),
    /** `missing`: the channel is absent from the subject's `sources`. */
    status: z.enum(['ok', 'unavailable', 'missing']),
  })
  .meta({ id: 'CheckedList' });
export type CheckedList = z.infer<typeof CheckedList>;

/**
 * The rule set a screening result was produced by.
 *
 * @example
 * ```ts
 * result.ruleSet.id; // 'cn-gp-credit-check'
 * ```
 */
export const RuleSetRef = z
  .object({ id: z.string(), version: z.string(), title: LocalizedText })
  .meta({ id: 'RuleSetRef' });
export type RuleSetRef = z.infer<typeof RuleSetRef>;

/**
 * The result of a procurement or tendering screening of one bidder (or one consortium).
 * Validate one that crossed a message boundary with `ScreeningResult.parse(value)`.
 *
 * @example
 * ```ts
 * const result = ScreeningResult.parse(message.result);
 * if (result.verdict === 'incomplete') console.log('missing:', result.missing.join(', '));
 * ```
 */
export const ScreeningResult = z
  .object({
    verdict: z.enum(['pass', 'fail', 'review', 'incomplete']),
    ruleSet: RuleSetRef,
    asOf: IsoDate,
    cutoff: IsoDate,
    findings: z.array(Finding),
    checked: z.array(CheckedList),
    /** Channels that were required but unavailable or absent, as `subjectId:channel`. */
    missing: z.array(z.string()),
  })
  .meta({ id: 'ScreeningResult' });
export type ScreeningResult = z.infer<typeof ScreeningResult>;
/**
 * The verdict of a {@link ScreeningResult}.
 *
 * @example
 * ```ts
 * const verdict: ScreeningVerdict = result.verdict; // 'pass' | 'fail' | 'review' | 'incomplete'
 * ```
 */
export type ScreeningVerdict = ScreeningResult['verdict'];

/**
 * 信贷 (enterprise credit lending): what each list, record and rating weighs when a lender
 * reviews a borrower and its guarantors, as versioned data. Only the 失信被执行人 bar rests on
 * a named restriction (融资信贷 under 发改财金〔2016〕141号 and the court's listing rules);
 * everything else is the lender's credit policy, so it stays `review` for the officer and a
 * caller can change it. Sources and confidence: decision 0041.
 */
import { z } from 'zod';
import { ListId, Yuan } from '../../core/schemas.ts';
import { Weight } from '../categories.ts';
import { Citation, cite } from '../citations.ts';

/**
 * One rule: its weight and its basis.
 *
 * @example
 * ```ts
 * const rule: CreditRule = { severity: 'review', citations: [cite('cbrc-2004-51', '客户调查', 'unconfirmed')] };
 * ```
 */
export const CreditRule = z
  .object({ severity: Weight, citations: z.array(Citation).min(1) })
  .meta({ id: 'CreditRule' });
export type CreditRule = z.infer<typeof CreditRule>;

/**
 * A rating threshold: a grade on `scale` worse than `minimum` weighs `severity`.
 *
 * @example
 * ```ts
 * const r: RatingRule = { scale: 'sme_credit', minimum: 'BBB-', required: false, severity: 'review', citations: [cite('jrt-0030-2', '信用等级符号及含义')] };
 * ```
 */
export const RatingRule = z
  .object({
    scale: z.enum(['pboc_long_term', 'sme_credit']),
    /** The lowest grade that passes, e.g. `BBB-`. */
    minimum: z.string(),
    /** A party without a grade on this scale gets the pack's `missingRating` finding. */
    required: z.boolean(),
    severity: Weight,
    citations: z.array(Citation).min(1),
  })
  .meta({ id: 'RatingRule' });
export type RatingRule = z.infer<typeof RatingRule>;

/**
 * What the legal representative's (法定代表人) personal reports weigh, once the officer has
 * looked them up with the person's written authorization: each finding of that person counts
 * in the application's verdict with its weight here (decision 0063).
 *
 * @example
 * ```ts
 * CREDIT_LENDING_RULES.legalRepresentative.dishonest.severity; // 'review'
 * ```
 */
export const LegalRepresentativeRules = z
  .object({
    /** A 失信被执行人 listing of the person in force on the review date. */
    dishonest: CreditRule,
    /** An enforcement case against the person still executing. */
    enforcement: CreditRule,
    /** A loan classified 次级/可疑/损失, a card in 呆账, or an amount overdue now. */
    impairedAccount: CreditRule,
  })
  .meta({ id: 'LegalRepresentativeRules' });
export type LegalRepresentativeRules = z.infer<typeof LegalRepresentativeRules>;

const F141 = cite('fgcj-2016-141', '联合惩戒措施（限制融资、贷款，条目号待核）', 'unconfirmed');
const SPC8 = cite('spc-dishonest-list', '第八条（融资信贷等方面的信用惩戒）', 'secondary');
const DUE = cite('cbrc-2004-51', '客户调查与分析（条号待核）', 'unconfirmed');
const LOAN17 = cite('loan-general-rules', '第十七条（借款人的基本条件）', 'unconfirmed');

/**
 * The default weights of the legal representative's findings: all `review`, since the
 * restriction of 发改财金〔2016〕141号 binds the listed person, and whether it reaches the
 * company's loan is not confirmed clause by clause (decision 0063).
 *
 * @example
 * ```ts
 * LEGAL_REPRESENTATIVE_RULES.enforcement.severity; // 'review'
 * ```
 */
export const LEGAL_REPRESENTATIVE_RULES: LegalRepresentativeRules = {
  dishonest: {
    severity: 'review',
    citations: [
      cite(
        'fgcj-2016-141',
        '联合惩戒措施（失信被执行人为自然人及法定代表人的限制，条目号待核）',
        'unconfirmed',
      ),
      SPC8,
      cite('spc-dishonest-list', '第一条（纳入失信被执行人名单的情形）', 'secondary'),
    ],
  },
  enforcement: { severity: 'review', citations: [DUE, LOAN17] },
  impairedAccount: {
    severity: 'review',
    citations: [DUE, cite('credit-regulation-631', '第十八条（取得信息主体书面同意并约定用途）')],
  },
};

/**
 * The credit-lending pack: list weights, rating thresholds, penalty and enforcement weights,
 * and how a guarantor's bar counts for the whole application.
 *
 * @example
 * ```ts
 * CreditLendingRules.parse(CREDIT_LENDING_RULES).version; // '2026.12'
 * ```
 */
export const CreditLendingRules = z
  .object({
    id: z.string(),
    version: z.string(),
    effectiveFrom: z.iso.date(),
    effectiveTo: z.iso.date().nullable(),
    /** Black lists in force at the review date; a list absent here is not weighed. */
    lists: z.partialRecord(ListId, CreditRule),
    ratings: z.array(RatingRule),
    /** A rating whose issuer is a rating agency without a 备案 number. */
    unfiledRating: CreditRule,
    /** A rating past its `validUntil` at the review date. */
    expiredRating: CreditRule,
    /** No rating on a scale the pack reads: not a negative fact, kept for the record. */
    missingRating: CreditRule,
    /** 刑事处罚, 责令停产停业, 吊销许可证或者执照 within the look-back. */
    majorPenalty: CreditRule,
    /** A single fine at or above `largeFineYuan` within the look-back. */
    largeFine: CreditRule.extend({ thresholdYuan: Yuan }),
    /** An enforcement case still executing against the subject. */
    enforcement: CreditRule,
    /** A subject whose registration is not active. */
    notActive: CreditRule,
    /** What a guarantor with a bar weighs for the application as a whole. */
    guarantorFailed: CreditRule,
    /** The legal representative's personal findings; the default weights when absent. */
    legalRepresentative: LegalRepresentativeRules.default(LEGAL_REPRESENTATIVE_RULES),
  })
  .meta({ id: 'CreditLendingRules' });
export type CreditLendingRules = z.infer<typeof CreditLendingRules>;

const F3062 = cite('fgcj-2014-3062', '联合惩戒措施（融资授信审慎参考，条目号待核）', 'unconfirmed');
const JRT = cite('jrt-0030-2', '信用等级符号及含义（条号待核）', 'unconfirmed');
const SME = cite('jingjingxinwei-2010-44', '四（中小企业信用评价）');
const GUARANTEE = cite('civil-code', '第六百八十一条');

/**
 * The default credit-lending pack (version 2026.12).
 *
 * @example
 * ```ts
 * CREDIT_LENDING_RULES.lists.dishonest_judgment_debtor?.severity; // 'bar'
 * CREDIT_LENDING_RULES.ratings.find((r) => r.scale === 'sme_credit')?.minimum; // 'BBB-'
 * ```
 */
export const CREDIT_LENDING_RULES: CreditLendingRules = {
  id: 'cn-credit-lending',
  version: '2026.12',
  effectiveFrom: '2016-01-20',
  effectiveTo: null,
  lists: {
    dishonest_judgment_debtor: { severity: 'bar', citations: [F141, SPC8] },
    major_tax_violation: { severity: 'review', citations: [F3062, cite('sat-order-54', '第六条')] },
    serious_illegal_dishonest: {
      severity: 'review',
      citations: [cite('samr-order-44', '列入严重违法失信名单的情形（条号待核）', 'unconfirmed'), DUE],
    },
    abnormal_operation: {
      severity: 'review',
      citations: [cite('enterprise-disclosure-regulation', '第十七条', 'unconfirmed'), DUE],
    },
    // The 政府采购 ban binds procurement, not lending: kept for the record.
    gp_serious_violation: { severity: 'info', citations: [cite('caiku-2016-125', '二（一）'), DUE] },
  },
  ratings: [
    // Below BBB- is below 一般 on the credit-market scale: a person reads the rating report.
    { scale: 'pboc_long_term', minimum: 'BBB-', required: true, severity: 'review', citations: [JRT, DUE] },
    { scale: 'sme_credit', minimum: 'BBB-', required: false, severity: 'review', citations: [SME, JRT] },
  ],
  unfiledRating: { severity: 'review', citations: [JRT] },
  expiredRating: { severity: 'review', citations: [JRT, DUE] },
  missingRating: { severity: 'info', citations: [DUE] },
  majorPenalty: { severity: 'review', citations: [DUE, cite('administrative-penalty-law', '第九条')] },
  largeFine: {
    severity: 'review',
    thresholdYuan: 2_000_000,
    // The figure of 财库〔2022〕3号 as a reference point; lending has no statutory one.
    citations: [DUE],
  },
  enforcement: { severity: 'review', citations: [DUE, LOAN17] },
  notActive: { severity: 'review', citations: [LOAN17] },
  guarantorFailed: { severity: 'bar', citations: [GUARANTEE, F141, SPC8] },
  legalRepresentative: LEGAL_REPRESENTATIVE_RULES,
};

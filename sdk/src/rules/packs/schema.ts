/**
 * The shape of a housing-fund (住房公积金贷款) credit rule pack. Packs are versioned data, one
 * file per city and version, validated by {@link HousingFundRulePack}; "连三累六" is a template,
 * not a constant, and every figure a city sets lives here.
 */
import { z } from 'zod';
import { CreditAccount, FiveCategory } from '../../core/records.ts';
import { IsoDate, LocalizedText, SourceChannel } from '../../core/schemas.ts';
import { Citation } from '../citations.ts';

/**
 * Who a household application names.
 *
 * @example
 * ```ts
 * BorrowerRole.options; // ['applicant', 'spouse', 'co_borrower']
 * ```
 */
export const BorrowerRole = z.enum(['applicant', 'spouse', 'co_borrower']).meta({ id: 'BorrowerRole' });
export type BorrowerRole = z.infer<typeof BorrowerRole>;

/**
 * The account types of the 人行征信 report.
 *
 * @example
 * ```ts
 * AccountType.parse('credit_card');
 * ```
 */
export const AccountType = CreditAccount.shape.type;
export type AccountType = z.infer<typeof AccountType>;

/**
 * Every loan type of the 人行征信 report; cards are separate.
 *
 * @example
 * ```ts
 * const rule: OverdueRule = { accountTypes: LOAN_TYPES, windowMonths: 24, consecutiveThreshold: 3, cumulativeThreshold: 6, scope: 'per_account' };
 * ```
 */
export const LOAN_TYPES: AccountType[] = [
  'mortgage',
  'housing_fund_loan',
  'consumer_loan',
  'business_loan',
  'car_loan',
  'student_loan',
];

/**
 * One overdue-pattern rule: within the window, `consecutiveThreshold` overdue months in a row,
 * or `cumulativeThreshold` overdue months in all, make the borrower ineligible.
 *
 * @example
 * ```ts
 * // 武汉: 近60个月 累计≥12, loans and cards
 * const long: OverdueRule = { accountTypes: [...LOAN_TYPES, 'credit_card'], windowMonths: 60, consecutiveThreshold: null, cumulativeThreshold: 12, scope: 'per_account' };
 * ```
 */
export const OverdueRule = z
  .object({
    accountTypes: z.array(AccountType).min(1),
    /** The N months ending with the asOf month (inclusive); null: every reported month up to it. */
    windowMonths: z.number().int().positive().nullable(),
    consecutiveThreshold: z.number().int().positive().nullable(),
    cumulativeThreshold: z.number().int().positive().nullable(),
    /**
     * `per_account`: counted on each loan or card on its own (杭州: 单笔贷款/单张卡).
     * `all_accounts`: a month counts once when any covered account is overdue in it.
     */
    scope: z.enum(['per_account', 'all_accounts']),
  })
  .meta({ id: 'HousingFundOverdueRule' });
export type OverdueRule = z.infer<typeof OverdueRule>;

/** A finding's weight under a pack: `bar` makes the borrower ineligible; null: not checked. */
const Weight = z.enum(['bar', 'review', 'info']);

/**
 * A versioned, city-specific (or generic) housing-fund loan credit rule pack.
 *
 * @example
 * ```ts
 * const kunming = HousingFundRulePack.parse({
 *   ...genericLian3lei6,
 *   id: 'kunming-local',
 *   deposit: { ...genericLian3lei6.deposit, minConsecutiveMonths: 12 },
 * });
 * ```
 */
export const HousingFundRulePack = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.string(),
    /** GB/T 2260 code and name; null for a generic template. */
    city: z.object({ code: z.string(), name: LocalizedText }).nullable(),
    title: LocalizedText,
    source: z.object({
      /** Shown in findings: the document and, where known, its number and date. */
      citation: Citation,
      date: z.string().nullable(),
      note: LocalizedText.nullable(),
    }),
    /** domain.md labels: `confirmed` [C], `secondary` [S] (reposts, media), `unconfirmed` [U]. */
    confidence: z.enum(['confirmed', 'secondary', 'unconfirmed']),
    effectiveFrom: IsoDate.nullable(),
    effectiveTo: IsoDate.nullable(),
    /** The roles whose credit the pack checks. */
    covers: z.array(BorrowerRole).min(1),
    loanRules: z.array(OverdueRule),
    cardRules: z.array(OverdueRule),
    /** A longer look-back on top of the loan and card rules (武汉: 近60个月 累计≥12). */
    longWindow: OverdueRule.nullable(),
    /** 五级分类 values that bar; other 次级/可疑/损失 loans are `review`. */
    fiveCategoryBars: z.array(FiveCategory),
    /** Card statuses that bar; other frozen/stopped/bad-debt cards are `review`. */
    cardStatusBars: z.array(z.enum(['frozen', 'stopped', 'bad_debt'])),
    /** Repayment-grid statuses that bar wherever they appear (`B` 呆账, `D` 担保人代还); others are `review`. */
    repaymentStatusBars: z.array(z.enum(['B', 'D'])),
    /** Weight of a 失信被执行人 listing in force at asOf. */
    dishonest: Weight,
    /** Weight of 法院强制执行 records, executing and closed; null: not a finding. */
    courtEnforcement: z.object({ executing: Weight, closed: Weight.nullable() }),
    /** Exemption reasons the pack honours; an honoured month is not counted as overdue. */
    exemptions: z.array(z.enum(['annual_fee', 'bank_fault', 'student_loan'])),
    /** Weight of an overdue amount still unpaid on any account. */
    currentOverdue: Weight,
    /** 连续足额缴存: months in a row of full deposits, for the listed roles. */
    deposit: z
      .object({
        minConsecutiveMonths: z.number().int().positive(),
        appliesTo: z.array(BorrowerRole).min(1),
        requireNormalStatus: z.boolean(),
        citation: Citation,
      })
      .nullable(),
    /** (公积金月供 + 其他月供) / 家庭月收入 must not exceed `maxRatio`; needs application data. */
    incomeRatio: z.object({ maxRatio: z.number().positive() }).nullable(),
    /** Conditions the source names that no report field carries; shown for a person to check. */
    manualChecks: z.array(LocalizedText),
    /** Channels that must have been read, by what they feed; any one channel per entry suffices. */
    requiredSources: z.array(
      z.object({
        for: z.enum(['credit_accounts', 'dishonest', 'deposits']),
        channels: z.array(SourceChannel).min(1),
      }),
    ),
  })
  .meta({ id: 'HousingFundRulePack' });
export type HousingFundRulePack = z.infer<typeof HousingFundRulePack>;

/**
 * The channels every pack so far requires.
 *
 * @example
 * ```ts
 * DEFAULT_REQUIRED_SOURCES.map((s) => s.for); // ['credit_accounts', 'dishonest', 'deposits']
 * ```
 */
export const DEFAULT_REQUIRED_SOURCES: HousingFundRulePack['requiredSources'] = [
  { for: 'credit_accounts', channels: ['pbccrc'] },
  { for: 'dishonest', channels: ['zxgk', 'creditchina'] },
  { for: 'deposits', channels: ['housing_fund_center'] },
];

import { cite } from '../citations.ts';
import { DEFAULT_REQUIRED_SOURCES, type HousingFundRulePack, LOAN_TYPES } from './schema.ts';

/**
 * 杭州 (secondary reports [S]; date unknown): applicant, 配偶, 共有权人 and 共同还款承诺人;
 * overdue debt unpaid; 近24个月 单笔贷款/单张卡 3 in a row or 6 in all; card annual fees and
 * student loans excepted. The text does not name 失信被执行人 or 强制执行 (its 失信黑名单 is
 * 杭州's own), so those are `review`; its other conditions are manual checks.
 *
 * @example
 * ```ts
 * hangzhou.exemptions; // ['annual_fee', 'student_loan']
 * ```
 */
export const hangzhou = {
  id: 'hangzhou',
  version: '2026.1',
  city: { code: '330100', name: { zh: '杭州', en: 'Hangzhou' } },
  title: { zh: '杭州住房公积金贷款个人信用审核', en: 'Hangzhou housing-fund loan credit review' },
  source: { citation: cite('hangzhou-hf', '个人信用审核条件（据公开转述）'), date: null, note: null },
  confidence: 'secondary',
  effectiveFrom: null,
  effectiveTo: null,
  covers: ['applicant', 'spouse', 'co_borrower'],
  loanRules: [
    {
      accountTypes: LOAN_TYPES,
      windowMonths: 24,
      consecutiveThreshold: 3,
      cumulativeThreshold: 6,
      scope: 'per_account',
    },
  ],
  cardRules: [
    {
      accountTypes: ['credit_card'],
      windowMonths: 24,
      consecutiveThreshold: 3,
      cumulativeThreshold: 6,
      scope: 'per_account',
    },
  ],
  longWindow: null,
  fiveCategoryBars: [],
  cardStatusBars: [],
  repaymentStatusBars: [],
  dishonest: 'review',
  courtEnforcement: { executing: 'review', closed: null },
  exemptions: ['annual_fee', 'student_loan'],
  currentOverdue: 'bar',
  deposit: {
    minConsecutiveMonths: 6,
    appliesTo: ['applicant'],
    requireNormalStatus: true,
    citation: cite('jianjin-2014-148', '一（连续足额缴存6个月）', 'unconfirmed'),
  },
  incomeRatio: null,
  manualChecks: [
    {
      zh: '近5年内是否因信用不良被追究法律责任',
      en: 'Held legally liable for bad credit in the last 5 years',
    },
    {
      zh: '近3年内是否有骗提、骗贷住房公积金行为',
      en: 'Fraudulent housing-fund withdrawal or loan in the last 3 years',
    },
    {
      zh: '是否列入杭州市失信黑名单未满3年',
      en: 'On the Hangzhou dishonesty blacklist within the last 3 years',
    },
  ],
  requiredSources: DEFAULT_REQUIRED_SOURCES,
} as const satisfies HousingFundRulePack;

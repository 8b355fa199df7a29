import { cite } from '../citations.ts';
import { DEFAULT_REQUIRED_SOURCES, type HousingFundRulePack, LOAN_TYPES } from './schema.ts';

/**
 * 武汉 (secondary reports [S]; date unknown): 失信被执行人; 呆账, 账户冻结, 保证人代偿 and
 * 强制执行 in the report; overdue unpaid; 近24个月 3 in a row or 6 in all; 近60个月 12 in all.
 * The text names no exemption. A closed 强制执行 case is `review`: the summary does not say
 * whether a settled case still bars. 欠费/欠税/资产处置/行政处罚 are not in the report schema.
 *
 * @example
 * ```ts
 * wuhan.longWindow?.cumulativeThreshold; // 12
 * ```
 */
export const wuhan = {
  id: 'wuhan',
  version: '2026.1',
  city: { code: '420100', name: { zh: '武汉', en: 'Wuhan' } },
  title: { zh: '武汉住房公积金贷款个人信用审核', en: 'Wuhan housing-fund loan credit review' },
  source: { citation: cite('wuhan-hf', '个人信用审核条件（据公开转述）'), date: null, note: null },
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
  longWindow: {
    accountTypes: [...LOAN_TYPES, 'credit_card'],
    windowMonths: 60,
    consecutiveThreshold: null,
    cumulativeThreshold: 12,
    scope: 'per_account',
  },
  fiveCategoryBars: [],
  cardStatusBars: ['frozen', 'bad_debt'],
  repaymentStatusBars: ['B', 'D'],
  dishonest: 'bar',
  courtEnforcement: { executing: 'bar', closed: 'review' },
  exemptions: [],
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
      zh: '征信报告公共信息中的欠费、欠税、资产处置、行政处罚记录',
      en: 'Arrears, tax arrears, asset disposal and administrative penalty entries in the report’s public records',
    },
  ],
  requiredSources: DEFAULT_REQUIRED_SOURCES,
} as const satisfies HousingFundRulePack;

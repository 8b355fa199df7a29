import { cite } from '../citations.ts';
import { DEFAULT_REQUIRED_SOURCES, type HousingFundRulePack, LOAN_TYPES } from './schema.ts';

/**
 * The "连三累六" industry convention as a template: within the last 24 months, 3 overdue months
 * in a row or 6 in all on one loan or card. Not a national statute (domain.md §4 [S]); anything
 * a city text would decide and this template cannot (current overdue, 五级分类, card status,
 * 强制执行) is `review`. The deposit rule is 建金〔2014〕148号's 6 months.
 *
 * @example
 * ```ts
 * evaluateHousingFundLoan(report, { rulePack: genericLian3lei6, asOf: '2026-11-01' });
 * ```
 */
export const genericLian3lei6 = {
  id: 'generic-lian3lei6',
  version: '2026.1',
  city: null,
  title: { zh: '通用“连三累六”模板', en: 'Generic "3 in a row / 6 in all" template' },
  source: {
    citation: cite('hf-lian3lei6-practice', '近24个月内连续3期或累计6期逾期'),
    date: null,
    note: {
      zh: '行业惯例，各地公积金中心自定规则；仅作无城市规则时的默认模板',
      en: 'An industry convention; each centre sets its own rules. Default only where no city pack applies',
    },
  },
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
  dishonest: 'bar',
  courtEnforcement: { executing: 'review', closed: null },
  exemptions: ['annual_fee', 'bank_fault', 'student_loan'],
  currentOverdue: 'review',
  deposit: {
    minConsecutiveMonths: 6,
    appliesTo: ['applicant'],
    requireNormalStatus: true,
    citation: cite('jianjin-2014-148', '一（连续足额缴存6个月）', 'unconfirmed'),
  },
  incomeRatio: null,
  manualChecks: [],
  requiredSources: DEFAULT_REQUIRED_SOURCES,
} as const satisfies HousingFundRulePack;

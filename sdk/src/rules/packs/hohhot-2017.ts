import { cite } from '../citations.ts';
import { DEFAULT_REQUIRED_SOURCES, type HousingFundRulePack, LOAN_TYPES } from './schema.ts';

/**
 * 呼和浩特 (2017, under the 内蒙古自治区住房公积金贷款管理办法; secondary reports [S]): loans 3 in
 * a row or 6 in all (no window stated: every reported month); 贷记卡 6 months unpaid in the last
 * 12; 12 card months in all, ever; a card overdue now; 失信被执行人; and (公积金月供 + 其他月供)
 * > 60% of household wage income, which needs application data the report does not carry.
 *
 * @example
 * ```ts
 * hohhot2017.incomeRatio?.maxRatio; // 0.6
 * ```
 */
export const hohhot2017 = {
  id: 'hohhot-2017',
  version: '2017.1',
  city: { code: '150100', name: { zh: '呼和浩特', en: 'Hohhot' } },
  title: {
    zh: '呼和浩特住房公积金贷款个人信用审核（2017）',
    en: 'Hohhot housing-fund loan credit review (2017)',
  },
  source: {
    citation: cite('hohhot-hf-2017', '贷款信用条件（据公开转述）'),
    date: '2017',
    note: { zh: '施行日期未核实', en: 'Effective date not verified' },
  },
  confidence: 'secondary',
  effectiveFrom: null,
  effectiveTo: null,
  covers: ['applicant', 'spouse', 'co_borrower'],
  loanRules: [
    {
      accountTypes: LOAN_TYPES,
      windowMonths: null,
      consecutiveThreshold: 3,
      cumulativeThreshold: 6,
      scope: 'per_account',
    },
  ],
  cardRules: [
    {
      accountTypes: ['credit_card'],
      windowMonths: 12,
      consecutiveThreshold: null,
      cumulativeThreshold: 6,
      scope: 'per_account',
    },
  ],
  longWindow: {
    accountTypes: ['credit_card'],
    windowMonths: null,
    consecutiveThreshold: null,
    cumulativeThreshold: 12,
    scope: 'per_account',
  },
  fiveCategoryBars: [],
  cardStatusBars: [],
  repaymentStatusBars: [],
  dishonest: 'bar',
  courtEnforcement: { executing: 'review', closed: null },
  exemptions: [],
  currentOverdue: 'bar',
  deposit: {
    minConsecutiveMonths: 6,
    appliesTo: ['applicant'],
    requireNormalStatus: true,
    citation: cite('jianjin-2014-148', '一（连续足额缴存6个月）', 'unconfirmed'),
  },
  incomeRatio: { maxRatio: 0.6 },
  manualChecks: [],
  requiredSources: DEFAULT_REQUIRED_SOURCES,
} as const satisfies HousingFundRulePack;

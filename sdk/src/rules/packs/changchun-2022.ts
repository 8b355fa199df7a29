import { cite } from '../citations.ts';
import { DEFAULT_REQUIRED_SOURCES, type HousingFundRulePack, LOAN_TYPES } from './schema.ts';

/**
 * 长春 (notice of 2021-12-07, in force from 2022-01-01; secondary reports [S]): loans 近3年 and
 * cards 近2年, 3 in a row or 6 in all; 五级分类 次级/可疑/损失; card 止付/冻结/呆账; an
 * 正在执行中 强制执行 record. Checks the main and co-borrowers. A 失信被执行人 in force is
 * treated as a bar because its enforcement case is, by definition, still executing.
 *
 * @example
 * ```ts
 * changchun2022.loanRules[0]?.windowMonths; // 36
 * ```
 */
export const changchun2022 = {
  id: 'changchun-2022',
  version: '2022.1',
  city: { code: '220100', name: { zh: '长春', en: 'Changchun' } },
  title: {
    zh: '长春住房公积金贷款个人信用审核（2022）',
    en: 'Changchun housing-fund loan credit review (2022)',
  },
  source: {
    citation: cite('changchun-hf-2022', '不予贷款与限制贷款情形（据公开转述）'),
    date: '2021-12-07',
    note: {
      zh: '已结清的同类逾期为“限制贷款”，结清满2年后可再申请；逾期不足3期的，还清后可申请',
      en: 'Cleared patterns of the same kind restrict the loan until 2 years after settlement; fewer than 3 overdue periods may apply once repaid',
    },
  },
  confidence: 'secondary',
  effectiveFrom: '2022-01-01',
  effectiveTo: null,
  covers: ['applicant', 'spouse', 'co_borrower'],
  loanRules: [
    {
      accountTypes: LOAN_TYPES,
      windowMonths: 36,
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
  fiveCategoryBars: ['substandard', 'doubtful', 'loss'],
  cardStatusBars: ['stopped', 'frozen', 'bad_debt'],
  repaymentStatusBars: ['B'],
  dishonest: 'bar',
  courtEnforcement: { executing: 'bar', closed: null },
  exemptions: ['bank_fault'],
  currentOverdue: 'bar',
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

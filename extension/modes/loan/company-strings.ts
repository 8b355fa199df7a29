/**
 * The loan mode's strings for the companies on a loan page, as the side panel lists them
 * (zh-CN and English). Apart from strings.ts so the loan content script, which draws no company
 * text itself (the frame's screening card does), does not carry them.
 */
import { addStrings } from '../../core/i18n.ts';
import './strings.ts';

const zh = {
  'companies.title': '页面上的企业',
  'companies.note': '按企业信用核查，结果不计入家庭审核结论，也不写入审核记录。',
  'companies.none': '本页尚未发现企业',
  'companies.col_company': '企业',
  'companies.col_part': '身份',
  'companies.col_verdict': '结论',
  'companies.col_reason': '原因',
  'companies.part.developer': '售房单位',
  'companies.part.guarantor': '担保人',
  'companies.part.employer': '工作单位',
  'companies.part.other': '其他企业',
  'companies.rules.guarantor': '信贷规则：失信被执行人不予接受担保',
  'companies.rules.lowered': '信贷规则，失信等记录列为需复核',
  'companies.no_findings': '未发现需关注的记录',
  'companies.ambiguous': '同名企业不止一家，请在页面上该企业的标记中选择',
  'companies.idle': '尚未查询：在页面上该企业的标记中查询',
};

/**
 * A key of the company strings (under `loan.`).
 */
export type LoanCompanyMessageKey = keyof typeof zh;

const en: Record<LoanCompanyMessageKey, string> = {
  'companies.title': 'Companies on this page',
  'companies.note':
    'Checked as enterprises; their results are not part of the household verdict or of the review record.',
  'companies.none': 'No company found on this page yet',
  'companies.col_company': 'Company',
  'companies.col_part': 'Part',
  'companies.col_verdict': 'Verdict',
  'companies.col_reason': 'Reason',
  'companies.part.developer': 'Developer (seller)',
  'companies.part.guarantor': 'Guarantor',
  'companies.part.employer': 'Employer',
  'companies.part.other': 'Other company',
  'companies.rules.guarantor': 'Credit rules: a dishonest judgment debtor cannot guarantee',
  'companies.rules.lowered': 'Credit rules, with listings such as dishonest debtors for review',
  'companies.no_findings': 'Nothing found to weigh',
  'companies.ambiguous': 'Several companies share this name; pick one in its marker on the page',
  'companies.idle': 'Not looked up yet: look it up from its marker on the page',
};

addStrings('loan', zh, en);

declare module '../../core/i18n.ts' {
  interface ModeMessages extends Record<`loan.${LoanCompanyMessageKey}`, true> {}
}

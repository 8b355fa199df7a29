/**
 * The loan mode's strings for the options page (zh-CN and English). Apart from strings.ts so the
 * loan content script, which shows none of them, does not carry them.
 */
import { addStrings } from '../../core/i18n.ts';
import './strings.ts';

const zh = {
  'options.loan': '公积金贷款审核',
  'options.rule_pack': '规则包',
  'options.pack_source': '依据：{source}（{level}）',
  'options.review_date': '审核基准日（留空为当天）',
  'options.cache_reports':
    '在本次浏览器会话内缓存个人报告（仅存于 storage.session，关闭浏览器即清除；默认关闭）',
};

/**
 * A key of the options strings (under `loan.`).
 */
export type LoanOptionsMessageKey = keyof typeof zh;

const en: Record<LoanOptionsMessageKey, string> = {
  'options.loan': 'Housing-fund loan review',
  'options.rule_pack': 'Rule pack',
  'options.pack_source': 'Basis: {source} ({level})',
  'options.review_date': 'Review date (empty for today)',
  'options.cache_reports':
    'Cache personal reports for this browser session (storage.session only, cleared when the browser closes; off by default)',
};

addStrings('loan', zh, en);

declare module '../../core/i18n.ts' {
  interface ModeMessages extends Record<`loan.${LoanOptionsMessageKey}`, true> {}
}

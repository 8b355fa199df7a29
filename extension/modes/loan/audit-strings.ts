/**
 * The loan mode's strings for the options page and the audit log (zh-CN and English). Apart from
 * strings.ts so the loan content script, which shows neither, does not carry them.
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
  'options.retention': '审计日志保留天数',
  'options.retention_min': '至少 {n} 天（网络安全法第二十一条：网络日志留存不少于六个月），只能延长',
  'options.audit': '个人信用查询审计日志',
  'options.audit_note':
    '每次个人信用查询记录时间、经办人、用途、授权书编号、脱敏证件号及其 HMAC-SHA-256（本机密钥）和结论；超过保留天数的记录在浏览器启动、每次写入和打开本页时删除。',
  'options.audit_export': '导出审计日志（CSV）',
  'options.audit_refresh': '刷新',
  'options.audit_empty': '暂无查询记录',
  'audit.operator': '经办人',
  'audit.purpose': '用途',
  'audit.reference': '授权书编号',
  'audit.granted_at': '授权日期',
  'audit.role': '角色',
  'audit.id': '证件号码（脱敏）',
  'audit.hash': '条目哈希（SHA-256）',
  'audit.requested': '已申请查询',
  'audit.intact': '审计日志完整（{n} 条）',
  'audit.broken': '审计日志第 {n} 条起被改动（共 {total} 条）：条目被删除、插入或修改',
  'audit.write_failed':
    '审计日志无法写入，查询已拒绝，未调取任何报告：{reason}。请释放磁盘空间或检查浏览器存储后重试',
  'audit.pack': '规则包',
  'audit.outcome': '结果',
  'audit.site': '站点',
  'audit.reports': '报告编号',
  'audit.error': '查询失败：{reason}',
  'audit.failure.not_found': '未找到该人员的信用记录',
  'audit.failure.key': 'API 密钥无效或无此产品权限',
  'audit.failure.credits': '账户额度不足',
  'audit.failure.rate': '请求过于频繁',
  'audit.failure.service': '信用服务不可用或无法连接',
  'audit.failure.audit': '审计日志无法写入',
  'audit.failure.report': '报告生成失败',
  'audit.failure.other': '其他错误',
};

/**
 * A key of the audit and options strings (under `loan.`).
 */
export type AuditMessageKey = keyof typeof zh;

const en: Record<AuditMessageKey, string> = {
  'options.loan': 'Housing-fund loan review',
  'options.rule_pack': 'Rule pack',
  'options.pack_source': 'Basis: {source} ({level})',
  'options.review_date': 'Review date (empty for today)',
  'options.cache_reports':
    'Cache personal reports for this browser session (storage.session only, cleared when the browser closes; off by default)',
  'options.retention': 'Keep the audit log for (days)',
  'options.retention_min':
    'At least {n} days (Cybersecurity Law art. 21: logs are kept no less than six months); can only be lengthened',
  'options.audit': 'Personal credit query audit log',
  'options.audit_note':
    'Every personal credit query records the time, operator, purpose, authorization reference, masked ID number with its HMAC-SHA-256 (per-install key) and the outcome; entries past the retention are deleted at browser start, on every write and when this page opens.',
  'options.audit_export': 'Export the audit log (CSV)',
  'options.audit_refresh': 'Refresh',
  'options.audit_empty': 'No queries yet',
  'audit.operator': 'Operator',
  'audit.purpose': 'Purpose',
  'audit.reference': 'Authorization reference',
  'audit.granted_at': 'Authorized on',
  'audit.role': 'Role',
  'audit.id': 'ID number (masked)',
  'audit.hash': 'Entry hash (SHA-256)',
  'audit.requested': 'lookup requested',
  'audit.intact': 'Audit log intact ({n} entries)',
  'audit.broken':
    'Audit log altered from entry {n} on ({total} entries): an entry was deleted, inserted or edited',
  'audit.write_failed':
    'The audit log could not be written, so the lookup was refused and no report was ordered: {reason}. Free disk space or check the browser storage, then try again',
  'audit.pack': 'Rule pack',
  'audit.outcome': 'Outcome',
  'audit.site': 'Site',
  'audit.reports': 'Reports',
  'audit.error': 'failed: {reason}',
  'audit.failure.not_found': 'no credit record of this person',
  'audit.failure.key': 'the API key was refused or lacks this product',
  'audit.failure.credits': 'not enough credits on the account',
  'audit.failure.rate': 'too many requests',
  'audit.failure.service': 'the credit service was unavailable or unreachable',
  'audit.failure.audit': 'the audit log could not be written',
  'audit.failure.report': 'the report could not be produced',
  'audit.failure.other': 'another error',
};

addStrings('loan', zh, en);

declare module '../../core/i18n.ts' {
  interface ModeMessages extends Record<`loan.${AuditMessageKey}`, true> {}
}

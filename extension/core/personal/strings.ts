/**
 * The strings of the personal-lookup audit log (zh-CN and English), under `personal.`: one log
 * for every mode that looks people up, so its columns and the purposes, roles and outcomes an
 * entry can hold are named here, not in a mode.
 */
import { addStrings } from '../i18n.ts';

const zh = {
  'audit.title': '个人信用查询审计日志',
  'audit.note':
    '每次个人信用查询记录时间、经办人、用途、授权书编号、脱敏证件号和结论；超过保留天数的记录在浏览器启动、每次写入和打开本页时删除。',
  'audit.export': '导出审计日志（CSV）',
  'audit.refresh': '刷新',
  'audit.retention': '审计日志保留天数',
  'audit.retention_min': '至少 {n} 天（网络安全法第二十一条：网络日志留存不少于六个月），只能延长',
  'audit.empty': '暂无查询记录',
  'audit.time': '时间',
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
  'purpose.housing_fund_loan': '住房公积金贷款审批',
  'purpose.credit_lending': '信贷审批（授信）',
  'role.applicant': '申请人',
  'role.spouse': '配偶',
  'role.co_borrower': '共同借款人',
  'role.legal_representative': '法定代表人',
  'verdict.eligible': '符合条件',
  'verdict.ineligible': '不符合',
  'verdict.incomplete': '信息不全',
  'verdict.pass': '通过',
  'verdict.review': '需复核',
  'verdict.fail': '不通过',
};

/**
 * A key of the personal-lookup strings (under `personal.`).
 */
export type PersonalMessageKey = keyof typeof zh;

const en: Record<PersonalMessageKey, string> = {
  'audit.title': 'Personal credit query audit log',
  'audit.note':
    'Every personal credit query records the time, operator, purpose, authorization reference, masked ID number and the outcome; entries past the retention are deleted at browser start, on every write and when this page opens.',
  'audit.export': 'Export the audit log (CSV)',
  'audit.refresh': 'Refresh',
  'audit.retention': 'Keep the audit log for (days)',
  'audit.retention_min':
    'At least {n} days (Cybersecurity Law art. 21: logs are kept no less than six months); can only be lengthened',
  'audit.empty': 'No queries yet',
  'audit.time': 'Time',
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
  'purpose.housing_fund_loan': 'Housing-fund loan approval',
  'purpose.credit_lending': 'Credit lending approval',
  'role.applicant': 'Applicant',
  'role.spouse': 'Spouse',
  'role.co_borrower': 'Co-borrower',
  'role.legal_representative': 'Legal representative',
  'verdict.eligible': 'Eligible',
  'verdict.ineligible': 'Ineligible',
  'verdict.incomplete': 'Incomplete',
  'verdict.pass': 'Pass',
  'verdict.review': 'Review',
  'verdict.fail': 'Fail',
};

addStrings('personal', zh, en);

declare module '../i18n.ts' {
  interface ModeMessages extends Record<`personal.${PersonalMessageKey}`, true> {}
}

/**
 * Every UI string of the extension, in Simplified Chinese (default) and English. The language
 * follows the options page at run time, which `browser.i18n` cannot do.
 */

/**
 * A UI language.
 */
export type Language = 'zh-CN' | 'en';

const zh = {
  'state.checking': '检查中',
  'state.retrying': '检查中（第 {n} 次重试）',
  'state.pass': '通过',
  'state.review': '需复核',
  'state.fail': '不通过',
  'state.not_found': '未找到',
  'state.unavailable': '暂不可用',
  'state.invalid': '校验位不符：应为 {char}',
  'state.invalid_nochar': '代码校验不通过',
  'state.ambiguous': '请选择主体',
  'state.idle': '点击查询',
  'badge.label': '{name}：{verdict}，{grade}',
  'marker.label': '信鉴 核查结果',
  'frame.title': '信鉴 核查结果',
  'card.close': '关闭',
  'card.scale': '等级说明',
  'badge.no_grade': '无评级',
  'grade.pboc_long_term': '{value} 主体评级',
  'grade.pboc_short_term': '{value} 短期评级',
  'grade.sme_credit': '{value} 中小企业信用评级',
  'grade.tax_credit': '纳税 {value}',
  'grade.customs_251': '海关 {value}',
  'grade.customs_282': '海关 {value}',
  'grade.highway_construction': '公路 {value}',
  'grade.public_credit': '公共信用 {value}',
  'customs.advanced_certified': '高级认证企业',
  'customs.certified': '认证企业',
  'customs.regular': '常规企业',
  'customs.dishonest': '失信企业',
  'customs.seriously_dishonest': '严重失信企业',
  'card.uscc': '统一社会信用代码',
  'card.grades': '信用评级',
  'card.issuer_year': '{issuer}，{date}',
  'card.filing': '备案号 {no}',
  'card.lists': '名单',
  'card.records': '信用记录',
  'card.records_more': '另有 {n} 条，见完整报告',
  'card.no_lists': '未列入红黑名单',
  'card.list_since': '{since} 起',
  'card.list_until': '至 {until}',
  'card.list_inactive': '（已移出）',
  'card.verdict': '核查结论',
  'card.reasons': '依据',
  'citation.label': '（名称，非文号）',
  'citation.separator': '；',
  'citation.source_link': '查看来源',
  'card.freshness': '数据时效',
  'card.last_updated': '更新于 {time}',
  'card.fetched_at': '{channel} 读取于 {time}',
  'card.channel_unavailable': '{channel} 暂不可用',
  'card.open_report': '查看完整报告',
  'card.match': '名称匹配：{type}，置信度 {pct}%',
  'card.pick': '同名或近似主体，请选择：',
  'card.pick_item': '{name}（{region}，{uscc}）',
  'card.invalid_detail': '该代码未通过 GB 32100-2015 校验，可能为笔误；不表示主体不存在。',
  'card.not_found_detail': '未在信用数据中找到该主体。',
  'card.unavailable_detail': '原因：{reason}',
  'card.retry_scheduled': '将自动重试',
  'card.cutoff': '截止时点 {date}（{source}）',
  'card.lookup_now': '查询',
  'cutoff.page': '取自页面',
  'cutoff.fixed': '固定日期',
  'cutoff.today': '当天',
  'match.code': '代码',
  'match.exact_name': '全称',
  'match.prefix': '前缀',
  'match.partial': '部分',
  'error.incomplete': '以下渠道无法读取：{channels}',
  'mode.off': '关闭',
  'subject_status.active': '存续',
  'subject_status.revoked': '吊销',
  'subject_status.cancelled': '注销',
  'subject_status.suspended': '停业',
  'panel.consortium': '联合体：{name}',
  'panel.consortium_verdict': '联合体结论：{verdict}',
  'role.bidder': '投标人',
  'role.winner': '中标（成交）供应商',
  'role.candidate': '中标候选人',
  'role.consortium_member': '联合体成员',
  'role.borrower': '借款人',
  'role.guarantor': '担保人',
  'role.mention': '页面提及',
  'record.other': '其他记录',
  'severity.bar': '否决',
  'severity.review': '复核',
  'severity.info': '提示',
} as const;

/**
 * A key of the UI dictionary.
 */
export type MessageKey = keyof typeof zh | keyof ModeMessages;

/**
 * The keys a mode adds with {@link addStrings}, merged in from its folder by declaration
 * merging (`declare module '…/core/i18n.ts' { interface ModeMessages … }`), so one `t` serves
 * every mode and a context carries only the strings of the modes it imports.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modes' declaration merging
export interface ModeMessages {}

const en: Record<keyof typeof zh, string> = {
  'state.checking': 'Checking',
  'state.retrying': 'Checking (retry {n})',
  'state.pass': 'Pass',
  'state.review': 'Review',
  'state.fail': 'Fail',
  'state.not_found': 'Not found',
  'state.unavailable': 'Unavailable',
  'state.invalid': 'Check character wrong: expected {char}',
  'state.invalid_nochar': 'Code fails its check',
  'state.ambiguous': 'Pick a subject',
  'state.idle': 'Click to check',
  'badge.label': '{name}: {verdict}, {grade}',
  'marker.label': 'Xinjian check result',
  'frame.title': 'Xinjian check result',
  'card.close': 'Close',
  'card.scale': 'About the grades',
  'badge.no_grade': 'no rating',
  'grade.pboc_long_term': '{value} issuer rating',
  'grade.pboc_short_term': '{value} short-term rating',
  'grade.sme_credit': '{value} SME credit rating',
  'grade.tax_credit': 'Tax {value}',
  'grade.customs_251': 'Customs {value}',
  'grade.customs_282': 'Customs {value}',
  'grade.highway_construction': 'Highway {value}',
  'grade.public_credit': 'Public credit {value}',
  'customs.advanced_certified': 'advanced certified (AEO)',
  'customs.certified': 'certified (AEO)',
  'customs.regular': 'regular',
  'customs.dishonest': 'dishonest',
  'customs.seriously_dishonest': 'seriously dishonest',
  'card.uscc': 'Unified social credit code',
  'card.grades': 'Ratings',
  'card.issuer_year': '{issuer}, {date}',
  'card.filing': 'filing no. {no}',
  'card.lists': 'Lists',
  'card.records': 'On record',
  'card.records_more': '{n} more in the full report',
  'card.no_lists': 'On no red or black list',
  'card.list_since': 'since {since}',
  'card.list_until': 'until {until}',
  'card.list_inactive': '(removed)',
  'card.verdict': 'Verdict',
  'card.reasons': 'Grounds',
  'citation.label': ' (name, not a document number)',
  'citation.separator': '; ',
  'citation.source_link': 'read the source',
  'card.freshness': 'Data freshness',
  'card.last_updated': 'updated {time}',
  'card.fetched_at': '{channel} read {time}',
  'card.channel_unavailable': '{channel} unavailable',
  'card.open_report': 'Open full report',
  'card.match': 'Name match: {type}, confidence {pct}%',
  'card.pick': 'Several subjects match this name; pick one:',
  'card.pick_item': '{name} ({region}, {uscc})',
  'card.invalid_detail':
    'This code fails the GB 32100-2015 check, possibly a typo; it does not mean the subject does not exist.',
  'card.not_found_detail': 'The subject is not in the credit data.',
  'card.unavailable_detail': 'Reason: {reason}',
  'card.retry_scheduled': 'Will retry automatically',
  'card.cutoff': 'Cut-off {date} ({source})',
  'card.lookup_now': 'Check',
  'cutoff.page': 'from the page',
  'cutoff.fixed': 'fixed date',
  'cutoff.today': 'today',
  'match.code': 'code',
  'match.exact_name': 'full name',
  'match.prefix': 'prefix',
  'match.partial': 'partial',
  'error.incomplete': 'These channels could not be read: {channels}',
  'mode.off': 'Off',
  'subject_status.active': 'in business',
  'subject_status.revoked': 'licence revoked',
  'subject_status.cancelled': 'deregistered',
  'subject_status.suspended': 'suspended',
  'panel.consortium': 'Consortium: {name}',
  'panel.consortium_verdict': 'Consortium verdict: {verdict}',
  'role.bidder': 'Bidder',
  'role.winner': 'Awarded supplier',
  'role.candidate': 'Shortlisted candidate',
  'role.consortium_member': 'Consortium member',
  'role.borrower': 'Borrower',
  'role.guarantor': 'Guarantor',
  'role.mention': 'Mentioned',
  'record.other': 'Other record',
  'severity.bar': 'bar',
  'severity.review': 'review',
  'severity.info': 'note',
};

const dictionaries: Record<Language, Record<string, string>> = { 'zh-CN': { ...zh }, en: { ...en } };

/**
 * Adds a mode's strings under `<prefix>.` (the pages' own with an empty prefix), in both
 * languages (the types make a missing
 * translation a compile error).
 */
export function addStrings<K extends string>(
  prefix: string,
  zhStrings: Record<K, string>,
  enStrings: Record<K, string>,
): void {
  const full = (key: string) => (prefix ? `${prefix}.${key}` : key);
  for (const [key, value] of Object.entries<string>(zhStrings)) dictionaries['zh-CN'][full(key)] = value;
  for (const [key, value] of Object.entries<string>(enStrings)) dictionaries.en[full(key)] = value;
}

let current: Language = 'zh-CN';

/**
 * Switches the language of every later {@link t} call.
 */
export function setLanguage(language: Language): void {
  current = language;
}

/**
 * The current UI language.
 */
export function getLanguage(): Language {
  return current;
}

/**
 * Looks a string up in the current language and fills `{name}` placeholders.
 */
export function t(
  key: MessageKey,
  params?: Record<string, string | number>,
  language: Language = current,
): string {
  const template = dictionaries[language][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/**
 * Picks the side of a `{ zh, en }` text that matches the current language.
 */
export function localized(text: { zh: string; en: string }, language: Language = current): string {
  return language === 'en' ? text.en : text.zh;
}

/**
 * Every string of a language as loaded so far (the core's and those the loaded modules added),
 * for tests that check the tables themselves.
 */
export function dictionary(language: Language): Readonly<Record<string, string>> {
  return dictionaries[language];
}

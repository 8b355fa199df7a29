/**
 * Every UI string of the extension, in Simplified Chinese (default) and English. The language
 * follows the options page at run time, which `browser.i18n` cannot do.
 */

/**
 * A UI language.
 *
 * @example
 * ```ts
 * const lang: Language = 'en';
 * ```
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
  'card.lists': '名单',
  'card.no_lists': '未列入红黑名单',
  'card.list_since': '{since} 起',
  'card.list_until': '至 {until}',
  'card.list_inactive': '（已移出）',
  'card.verdict': '核查结论',
  'card.reasons': '依据',
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
  'popup.title': '信鉴 · 本站状态',
  'popup.site': '站点',
  'popup.mode': '模式',
  'popup.enabled': '已启用',
  'popup.disabled': '未启用',
  'popup.enable': '在本站启用',
  'popup.disable': '在本站停用',
  'popup.not_web': '此页面不支持',
  'popup.counts': '本页核查',
  'popup.checked': '已查',
  'popup.progress': '正在核查 {done}/{total}',
  'popup.open_panel': '打开侧边栏',
  'popup.quick': '快速查询',
  'popup.quick_placeholder': '统一社会信用代码或企业名称',
  'popup.quick_personal':
    '身份证号码不在快速查询中查询：个人信息只能在贷款审核模式下、记录用途和书面授权后查询。',
  'popup.search': '查询',
  'popup.options': '设置',
  'popup.permission_denied': '未获得本站访问权限',
  'mode.off': '关闭',
  'options.path_prefix': '路径前缀（可选，如 /loan/）',
  'options.site_mode': '模式',
  'options.path_invalid': '路径前缀须以 / 开头，且不含 * ? # 或空格',
  'options.title': '信鉴 设置',
  'options.api': '信用服务',
  'options.base_url': 'API 地址',
  'options.key': 'API 密钥',
  'options.test': '测试连接',
  'options.testing': '正在测试…',
  'options.test_ok': '连接成功：{name}，剩余额度 {credits}',
  'options.test_failed': '连接失败：{reason}',
  'options.sites': '站点',
  'options.site_pattern': '匹配规则',
  'options.site_add': '添加站点',
  'options.site_remove': '移除',
  'options.site_invalid': '匹配规则无效，例如 https://ggzy.example.gov.cn/*',
  'options.no_sites': '尚未启用任何站点',
  'options.cutoff': '截止时点',
  'options.cutoff_page': '页面注明截止时点时以页面为准',
  'options.cutoff_fixed': '固定日期（留空则为当天）',
  'options.cache': '缓存时长（分钟）',
  'options.lookup': '查询方式',
  'options.lookup_auto': '自动查询',
  'options.lookup_click': '点击后查询',
  'options.operator': '经办人',
  'options.language': '界面语言',
  'options.save': '保存',
  'options.saved': '已保存',
  'options.permission_denied': '未获得 API 地址的访问权限',
  'popup.not_found': '未找到',
  'popup.other': '其他',
  'panel.group_unavailable': '未能核查：{reason}',
  'panel.org_code': '组织机构代码',
  'panel.region': '地区',
  'panel.established': '成立日期',
  'panel.status': '登记状态',
  'panel.colon': '：',
  'panel.paren': '（{text}）',
  'panel.amount': '（{amount} 元）',
  'panel.removed': '（{date} 移出）',
  'subject_status.active': '存续',
  'subject_status.revoked': '吊销',
  'subject_status.cancelled': '注销',
  'subject_status.suspended': '停业',
  'court_status.executing': '执行中',
  'court_status.closed': '已结案',
  'panel.title': '信鉴 · 核查记录',
  'panel.page': '本页核查主体',
  'panel.no_page': '当前标签页没有核查记录',
  'panel.empty': '本页没有发现需要核查的主体，没有可导出的记录。',
  'panel.filter': '按结论筛选',
  'panel.filter_all': '全部',
  'panel.col_name': '名称',
  'panel.col_code': '统一社会信用代码',
  'panel.col_grade': '评级',
  'panel.col_verdict': '结论',
  'panel.col_role': '身份',
  'panel.consortium': '联合体：{name}',
  'panel.consortium_verdict': '联合体结论：{verdict}',
  'panel.export_json': '导出本页证据（JSON）',
  'panel.export_csv': '导出表格（CSV）',
  'panel.print': '打印证据页',
  'panel.export_one': '导出证据',
  'panel.report': '完整报告',
  'panel.report_loading': '正在生成报告…',
  'panel.report_failed': '报告生成失败：{reason}',
  'panel.report_id': '报告编号 {id}',
  'panel.section_subject': '基本信息',
  'panel.section_grades': '信用评级',
  'panel.section_lists': '红黑名单',
  'panel.section_records': '信用记录',
  'panel.section_sources': '数据来源',
  'panel.no_records': '无',
  'panel.back': '返回列表',
  'panel.sha256': 'SHA-256',
  'panel.cutoff': '截止时点',
  'panel.url': '页面',
  'panel.queried_at': '查询时间',
  'panel.operator': '经办人',
  'role.bidder': '投标人',
  'role.winner': '中标（成交）供应商',
  'role.candidate': '中标候选人',
  'role.consortium_member': '联合体成员',
  'role.borrower': '借款人',
  'role.guarantor': '担保人',
  'role.mention': '页面提及',
  'evidence.title': '信用信息查询记录',
  'evidence.channels': '查询渠道',
  'evidence.lists': '核查名单',
  'evidence.result': '查询结果',
  'evidence.signature': '查询人签字：__________  日期：__________',
  'evidence.hash_note': '本记录按 RFC 8785 规范化后的 SHA-256 摘要，与导出的 JSON 文件中的 digest 相同。',
  'evidence.generated_at': '记录生成时间',
  'evidence.as_of': '判断日期',
  'evidence.rule_set': '规则',
  'evidence.tool': '生成工具',
  'evidence.api': '信用服务',
  'evidence.demo': '演示数据（模拟服务），不能作为证据',
  'evidence.project_no': '项目编号',
  'evidence.lot': '标段（包）',
  'evidence.purchaser': '采购人',
  'evidence.read_from': '读取位置：{where}',
  'evidence.not_stated': '页面未载明',
  'evidence.no_operator': '未填写（在设置中填写经办人）',
  'evidence.unchecked': '未能查询',
  'evidence.unchecked_reason': '未能查询：{reason}',
  'evidence.listed': '■ 列入',
  'evidence.clear': '□ 未列入',
  'evidence.consortia': '联合体',
  'evidence.members': '成员',
  'evidence.partial': '本记录生成时仍有主体未查完（已查 {checked}/{total}）。',
  'evidence.verify': '核验方法',
  'evidence.keys': '信用服务公钥（JWKS）：{url}',
  'evidence.signed': '含信用服务签名结果 {n} 份（密钥 {kids}）',
  'record.other': '其他记录',
  'severity.bar': '否决',
  'severity.review': '复核',
  'severity.info': '提示',
} as const;

/**
 * A key of the UI dictionary.
 *
 * @example
 * ```ts
 * const key: MessageKey = 'state.pass';
 * ```
 */
export type MessageKey = keyof typeof zh | keyof ModeMessages;

/**
 * The keys a mode adds with {@link addStrings}, merged in from its folder by declaration
 * merging (`declare module '…/core/i18n.ts' { interface ModeMessages … }`), so one `t` serves
 * every mode and a context carries only the strings of the modes it imports.
 *
 * @example
 * ```ts
 * t('loan.verdict.eligible'); // '符合条件', once modes/loan/strings.ts is loaded
 * ```
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
  'card.lists': 'Lists',
  'card.no_lists': 'On no red or black list',
  'card.list_since': 'since {since}',
  'card.list_until': 'until {until}',
  'card.list_inactive': '(removed)',
  'card.verdict': 'Verdict',
  'card.reasons': 'Grounds',
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
  'popup.title': 'Xinjian · this site',
  'popup.site': 'Site',
  'popup.mode': 'Mode',
  'popup.enabled': 'Enabled',
  'popup.disabled': 'Not enabled',
  'popup.enable': 'Enable on this site',
  'popup.disable': 'Disable on this site',
  'popup.not_web': 'Not available on this page',
  'popup.counts': 'This page',
  'popup.checked': 'Checked',
  'popup.progress': 'Checking {done}/{total}',
  'popup.open_panel': 'Open side panel',
  'popup.quick': 'Quick lookup',
  'popup.quick_placeholder': 'Credit code or company name',
  'popup.quick_personal':
    'ID numbers are not looked up here: personal data is looked up only in loan-review mode, after the purpose and written authorization are recorded.',
  'popup.search': 'Look up',
  'popup.options': 'Settings',
  'popup.permission_denied': 'Access to this site was not granted',
  'mode.off': 'Off',
  'options.path_prefix': 'Path prefix (optional, e.g. /loan/)',
  'options.site_mode': 'Mode',
  'options.path_invalid': 'A path prefix starts with / and has no * ? # or spaces',
  'options.title': 'Xinjian settings',
  'options.api': 'Credit service',
  'options.base_url': 'API address',
  'options.key': 'API key',
  'options.test': 'Test connection',
  'options.testing': 'Testing…',
  'options.test_ok': 'Connected: {name}, {credits} credits left',
  'options.test_failed': 'Connection failed: {reason}',
  'options.sites': 'Sites',
  'options.site_pattern': 'Match pattern',
  'options.site_add': 'Add site',
  'options.site_remove': 'Remove',
  'options.site_invalid': 'Invalid match pattern, e.g. https://ggzy.example.gov.cn/*',
  'options.no_sites': 'No site enabled yet',
  'options.cutoff': 'Cut-off',
  'options.cutoff_page': 'Use the cut-off stated on the page when there is one',
  'options.cutoff_fixed': 'Fixed date (empty for today)',
  'options.cache': 'Cache lifetime (minutes)',
  'options.lookup': 'Lookup',
  'options.lookup_auto': 'Automatic',
  'options.lookup_click': 'On click',
  'options.operator': 'Operator',
  'options.language': 'Language',
  'options.save': 'Save',
  'options.saved': 'Saved',
  'options.permission_denied': 'Access to the API address was not granted',
  'popup.not_found': 'Not found',
  'popup.other': 'Other',
  'panel.group_unavailable': 'Not checked: {reason}',
  'panel.org_code': 'Organization code',
  'panel.region': 'Region',
  'panel.established': 'Established',
  'panel.status': 'Registration',
  'panel.colon': ': ',
  'panel.paren': ' ({text})',
  'panel.amount': ' (CNY {amount})',
  'panel.removed': ' (removed {date})',
  'subject_status.active': 'in business',
  'subject_status.revoked': 'licence revoked',
  'subject_status.cancelled': 'deregistered',
  'subject_status.suspended': 'suspended',
  'court_status.executing': 'being enforced',
  'court_status.closed': 'closed',
  'panel.title': 'Xinjian · check record',
  'panel.page': 'Bidders on this page',
  'panel.no_page': 'No check record for the current tab',
  'panel.empty': 'No subjects to check were found on this page; there is no record to export.',
  'panel.filter': 'Filter by verdict',
  'panel.filter_all': 'All',
  'panel.col_name': 'Name',
  'panel.col_code': 'Credit code',
  'panel.col_grade': 'Rating',
  'panel.col_verdict': 'Verdict',
  'panel.col_role': 'Role',
  'panel.consortium': 'Consortium: {name}',
  'panel.consortium_verdict': 'Consortium verdict: {verdict}',
  'panel.export_json': 'Export page evidence (JSON)',
  'panel.export_csv': 'Export table (CSV)',
  'panel.print': 'Print evidence',
  'panel.export_one': 'Export evidence',
  'panel.report': 'Full report',
  'panel.report_loading': 'Preparing the report…',
  'panel.report_failed': 'Report failed: {reason}',
  'panel.report_id': 'Report {id}',
  'panel.section_subject': 'Subject',
  'panel.section_grades': 'Ratings',
  'panel.section_lists': 'Red and black lists',
  'panel.section_records': 'Credit records',
  'panel.section_sources': 'Sources',
  'panel.no_records': 'None',
  'panel.back': 'Back to the list',
  'panel.sha256': 'SHA-256',
  'panel.cutoff': 'Cut-off',
  'panel.url': 'Page',
  'panel.queried_at': 'Queried at',
  'panel.operator': 'Operator',
  'role.bidder': 'Bidder',
  'role.winner': 'Awarded supplier',
  'role.candidate': 'Shortlisted candidate',
  'role.consortium_member': 'Consortium member',
  'role.borrower': 'Borrower',
  'role.guarantor': 'Guarantor',
  'role.mention': 'Mentioned',
  'evidence.title': 'Credit information query record',
  'evidence.channels': 'Channels',
  'evidence.lists': 'Lists checked',
  'evidence.result': 'Result',
  'evidence.signature': 'Queried by (signature): __________  Date: __________',
  'evidence.hash_note':
    'SHA-256 of this record in RFC 8785 canonical form; the same as the digest of the exported JSON file.',
  'evidence.generated_at': 'Record made',
  'evidence.as_of': 'Judged at',
  'evidence.rule_set': 'Rules',
  'evidence.tool': 'Made with',
  'evidence.api': 'Credit service',
  'evidence.demo': 'Demo data (mock service); not evidence',
  'evidence.project_no': 'Project no.',
  'evidence.lot': 'Lot',
  'evidence.purchaser': 'Purchaser',
  'evidence.read_from': 'read from: {where}',
  'evidence.not_stated': 'not stated on the page',
  'evidence.no_operator': 'not set (enter the operator in the options)',
  'evidence.unchecked': 'Could not be checked',
  'evidence.unchecked_reason': 'Could not be checked: {reason}',
  'evidence.listed': '■ listed',
  'evidence.clear': '□ not listed',
  'evidence.consortia': 'Consortia',
  'evidence.members': 'Members',
  'evidence.partial':
    'Some subjects were still being checked when this record was made ({checked}/{total} done).',
  'evidence.verify': 'How to verify',
  'evidence.keys': "Credit service's public keys (JWKS): {url}",
  'evidence.signed': '{n} answer(s) signed by the credit service (key {kids})',
  'record.other': 'Other record',
  'severity.bar': 'bar',
  'severity.review': 'review',
  'severity.info': 'note',
};

const dictionaries: Record<Language, Record<string, string>> = { 'zh-CN': { ...zh }, en: { ...en } };

/**
 * Adds a mode's strings under `<prefix>.`, in both languages (the types make a missing
 * translation a compile error).
 *
 * @example
 * ```ts
 * addStrings('loan', { 'verdict.eligible': '符合条件' }, { 'verdict.eligible': 'Eligible' });
 * ```
 */
export function addStrings<K extends string>(
  prefix: string,
  zhStrings: Record<K, string>,
  enStrings: Record<K, string>,
): void {
  for (const [key, value] of Object.entries<string>(zhStrings))
    dictionaries['zh-CN'][`${prefix}.${key}`] = value;
  for (const [key, value] of Object.entries<string>(enStrings)) dictionaries.en[`${prefix}.${key}`] = value;
}

let current: Language = 'zh-CN';

/**
 * Switches the language of every later {@link t} call.
 *
 * @example
 * ```ts
 * setLanguage('en');
 * t('state.pass'); // 'Pass'
 * ```
 */
export function setLanguage(language: Language): void {
  current = language;
}

/**
 * The current UI language.
 *
 * @example
 * ```ts
 * getLanguage(); // 'zh-CN'
 * ```
 */
export function getLanguage(): Language {
  return current;
}

/**
 * Looks a string up in the current language and fills `{name}` placeholders.
 *
 * @example
 * ```ts
 * t('state.invalid', { char: 'L' }); // '校验位不符：应为 L'
 * ```
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
 *
 * @example
 * ```ts
 * localized({ zh: '通过', en: 'Pass' }); // '通过'
 * ```
 */
export function localized(text: { zh: string; en: string }, language: Language = current): string {
  return language === 'en' ? text.en : text.zh;
}

/**
 * Every string of a language as loaded so far (the core's and those the loaded modules added),
 * for tests that check the tables themselves.
 *
 * @example
 * ```ts
 * Object.keys(dictionary('en')).length;
 * ```
 */
export function dictionary(language: Language): Readonly<Record<string, string>> {
  return dictionaries[language];
}

/**
 * Words for the API's codes, in Simplified Chinese and English: one table per enum, shared by
 * the rule packs' findings, the CLI and anything else that shows codes to people.
 */
import type { DomainId, GradeScale, ListId, LocalizedText, SourceChannel } from './core/schemas.ts';

/**
 * Names of the application-catalog domains (应用目录).
 *
 * @example
 * ```ts
 * DOMAIN_LABELS.housing_fund_loan.zh; // '住房公积金贷款'
 * ```
 */
export const DOMAIN_LABELS: Readonly<Record<DomainId, LocalizedText>> = {
  government_procurement: { zh: '政府采购', en: 'government procurement' },
  tendering: { zh: '工程建设项目招标投标', en: 'construction tendering' },
  government_investment: { zh: '政府投资', en: 'government investment' },
  market_supervision: { zh: '市场监管', en: 'market supervision' },
  credit_lending: { zh: '信贷', en: 'credit lending' },
  housing_fund_loan: { zh: '住房公积金贷款', en: 'housing-fund loans' },
  public_service: { zh: '公共服务', en: 'public services' },
};

/**
 * Short names of the grade scales.
 *
 * @example
 * ```ts
 * SCALE_LABELS.tax_credit.zh; // '纳税信用'
 * ```
 */
export const SCALE_LABELS: Readonly<Record<GradeScale, LocalizedText>> = {
  pboc_long_term: { zh: '人行长期信用等级', en: 'PBOC long-term' },
  pboc_short_term: { zh: '人行短期信用等级', en: 'PBOC short-term' },
  tax_credit: { zh: '纳税信用', en: 'tax credit' },
  customs_251: { zh: '海关信用（251号令）', en: 'customs credit (Order 251)' },
  customs_282: { zh: '海关信用（282号令）', en: 'customs credit (Order 282)' },
  highway_construction: { zh: '公路施工企业信用', en: 'highway construction credit' },
  public_credit: { zh: '公共信用综合评价', en: 'public credit evaluation' },
};

/**
 * Names of the public channels a summary can cite.
 *
 * @example
 * ```ts
 * CHANNEL_LABELS.ccgp.zh; // '中国政府采购网'
 * ```
 */
export const CHANNEL_LABELS: Readonly<Record<SourceChannel, LocalizedText>> = {
  creditchina: { zh: '信用中国', en: 'Credit China' },
  gsxt: { zh: '国家企业信用信息公示系统', en: 'National Enterprise Credit Information Publicity System' },
  zxgk: { zh: '中国执行信息公开网', en: 'China Enforcement Information Disclosure' },
  ccgp: { zh: '中国政府采购网', en: 'China Government Procurement' },
  chinatax: { zh: '国家税务总局', en: 'State Taxation Administration' },
  jzsc: { zh: '全国建筑市场监管公共服务平台', en: 'National Construction Market Platform' },
  customs: { zh: '海关', en: 'Customs' },
  pbccrc: { zh: '人民银行征信中心', en: 'PBOC Credit Reference Center' },
  housing_fund_center: { zh: '住房公积金管理中心', en: 'Housing Provident Fund Center' },
  agency: { zh: '评级机构', en: 'rating agency' },
};

/**
 * Names of the red and black lists.
 *
 * @example
 * ```ts
 * LIST_LABELS.dishonest_judgment_debtor.zh; // '失信被执行人'
 * ```
 */
export const LIST_LABELS: Readonly<Record<ListId, LocalizedText>> = {
  dishonest_judgment_debtor: { zh: '失信被执行人', en: 'dishonest judgment debtors' },
  major_tax_violation: { zh: '重大税收违法失信主体', en: 'major tax violators' },
  gp_serious_violation: {
    zh: '政府采购严重违法失信行为记录名单',
    en: 'government-procurement serious violation records',
  },
  serious_illegal_dishonest: { zh: '严重违法失信名单', en: 'serious illegal and dishonest list' },
  abnormal_operation: { zh: '经营异常名录', en: 'abnormal operation list' },
  construction_blacklist: { zh: '建筑市场黑名单', en: 'construction market blacklist' },
  consumption_restricted: { zh: '限制消费人员', en: 'consumption-restricted persons' },
  tax_a_grade: { zh: '纳税信用A级纳税人', en: 'A-grade taxpayers' },
  customs_aeo: { zh: '海关高级认证企业', en: 'customs AEO' },
  contract_abiding: { zh: '守合同重信用企业', en: 'contract-abiding enterprises' },
};

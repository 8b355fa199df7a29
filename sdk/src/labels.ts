/**
 * Words for the API's codes, in Simplified Chinese and English: one table per enum, shared by
 * the rule packs' findings, the CLI and anything else that shows codes to people.
 */
import type { CreditRecord, EnvironmentalGrade } from './core/records.ts';
import type {
  DomainId,
  GradeScale,
  ListId,
  LocalizedText,
  RecordCategory,
  SourceChannel,
} from './core/schemas.ts';
import type { Citation } from './rules/citations.ts';

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
  sme_credit: { zh: '中小企业信用评价', en: 'SME credit rating' },
  tax_credit: { zh: '纳税信用', en: 'tax credit' },
  customs_251: { zh: '海关信用（251号令）', en: 'customs credit (Order 251)' },
  customs_282: { zh: '海关信用（282号令）', en: 'customs credit (Order 282)' },
  highway_construction: { zh: '公路施工企业信用', en: 'highway construction credit' },
  public_credit: { zh: '公共信用综合评价', en: 'public credit evaluation' },
};

/**
 * What each grade scale means, in one sentence a card or a printout can show under the grade:
 * its order, who issues it, and what it is not.
 *
 * @example
 * ```ts
 * SCALE_EXPLANATIONS.sme_credit.zh; // '中小企业信用评价（备案信用评级机构出具）：AAA 最高 …'
 * ```
 */
export const SCALE_EXPLANATIONS: Readonly<Record<GradeScale, LocalizedText>> = {
  pboc_long_term: {
    zh: '信贷市场主体信用等级（JR/T 0030.2—2006）：AAA 最高，依次 AA、A、BBB、BB、B、CCC、CC、C；AA 至 B 可带“+”或“−”。须由备案评级机构出具。',
    en: 'Credit-market issuer rating (JR/T 0030.2—2006): AAA is highest, then AA, A, BBB, BB, B, CCC, CC, C; AA to B may carry + or −. Issued by a filed rating agency.',
  },
  pboc_short_term: {
    zh: '短期信用等级（JR/T 0030.2—2006）：A-1 最高，依次 A-2、A-3、B、C、D，不带“+”“−”。',
    en: 'Short-term rating (JR/T 0030.2—2006): A-1 is highest, then A-2, A-3, B, C, D, without + or −.',
  },
  sme_credit: {
    zh: '中小企业信用评价（备案信用评级机构出具）：AAA 最高，依次 AA、A、BBB、BB、B、CCC、CC、C；AA 至 B 可带“+”或“−”。与借款企业信用评级分开显示、不互相比较；无出具机构或备案号的“AAA”不是评级。',
    en: 'SME credit rating (issued by a filed rating agency): AAA is highest, then AA, A, BBB, BB, B, CCC, CC, C; AA to B may carry + or −. Shown apart from the borrower rating and never compared with it; an "AAA" without an issuer or filing number is not a rating.',
  },
  tax_credit: {
    zh: '纳税信用级别（国家税务总局）：A 最高，依次 B、M、C、D；M 为新设立或无经营收入的企业，D 级为失信。',
    en: 'Tax credit grade (State Taxation Administration): A is highest, then B, M, C, D; M is a new or revenue-less company, D is dishonest.',
  },
  customs_251: {
    zh: '海关企业信用（海关总署令第251号，至 2026-03-31）：高级认证企业、常规管理企业、失信企业。',
    en: 'Customs credit (GACC Order 251, until 2026-03-31): advanced certified, regular, dishonest.',
  },
  customs_282: {
    zh: '海关企业信用（海关总署令第282号，自 2026-04-01）：高级认证企业、认证企业、常规企业、失信企业、严重失信企业。',
    en: 'Customs credit (GACC Order 282, from 2026-04-01): advanced certified, certified, regular, dishonest, seriously dishonest.',
  },
  highway_construction: {
    zh: '公路施工企业信用评价（交通运输部）：AA 最高，依次 A、B、C、D。',
    en: 'Highway contractor credit evaluation (Ministry of Transport): AA is highest, then A, B, C, D.',
  },
  public_credit: {
    zh: '公共信用综合评价：等级符号与标准因评价主体而异，未经核实，不排序、不比较。',
    en: 'Public credit evaluation: symbols and criteria differ by evaluator and are unconfirmed, so they are neither ordered nor compared.',
  },
};

const LONG_TERM_MEANINGS: Readonly<Record<string, LocalizedText>> = {
  AAA: {
    zh: '偿还债务的能力极强，违约风险极低',
    en: 'extremely strong capacity to repay; default risk extremely low',
  },
  AA: { zh: '偿还债务的能力很强，违约风险很低', en: 'very strong capacity to repay; default risk very low' },
  A: { zh: '偿还债务的能力较强，违约风险较低', en: 'strong capacity to repay; default risk low' },
  BBB: { zh: '偿还债务的能力一般，违约风险一般', en: 'adequate capacity to repay; moderate default risk' },
  BB: { zh: '偿还债务的能力较弱，违约风险较高', en: 'weak capacity to repay; high default risk' },
  B: {
    zh: '偿还债务较大地依赖良好的经济环境，违约风险很高',
    en: 'repayment depends largely on a good economic environment; default risk very high',
  },
  CCC: {
    zh: '偿还债务极度依赖良好的经济环境，违约风险极高',
    en: 'repayment depends extremely on a good economic environment; default risk extremely high',
  },
  CC: {
    zh: '在破产或重组时可获得的保护较小，基本不能保证偿还债务',
    en: 'little protection in bankruptcy or restructuring; repayment hardly assured',
  },
  C: { zh: '不能偿还债务', en: 'unable to repay' },
};

/**
 * What one grade means on its scale, or `null` where the scale gives no meaning per symbol.
 * Long-term and SME grades read by their letters (`AA-` as AA); the wording is the common
 * paraphrase of rating agencies, not the text of JR/T 0030.2.
 *
 * @example
 * ```ts
 * gradeMeaning('sme_credit', 'BB+')?.zh; // '偿还债务的能力较弱，违约风险较高'
 * gradeMeaning('public_credit', 'A'); // null
 * ```
 */
export function gradeMeaning(scale: GradeScale, value: string): LocalizedText | null {
  if (scale !== 'pboc_long_term' && scale !== 'sme_credit') return null;
  return LONG_TERM_MEANINGS[value.replace(/[+-]$/, '')] ?? null;
}

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

/**
 * Names of the record categories a report can carry.
 *
 * @example
 * ```ts
 * RECORD_CATEGORY_LABELS.land_resources.zh; // '国土资源'
 * ```
 */
export const RECORD_CATEGORY_LABELS: Readonly<Record<RecordCategory, LocalizedText>> = {
  administrative_license: { zh: '行政许可', en: 'administrative licences' },
  administrative_penalty: { zh: '行政处罚', en: 'administrative penalties' },
  dishonest_judgment_debtor: { zh: '失信被执行人', en: 'dishonest judgment debtor' },
  major_tax_violation: { zh: '重大税收违法失信主体', en: 'major tax violations' },
  gp_serious_violation: { zh: '政府采购严重违法失信行为', en: 'government-procurement serious violations' },
  abnormal_operation: { zh: '经营异常名录', en: 'abnormal operation' },
  serious_illegal_dishonest: { zh: '严重违法失信名单', en: 'serious illegal and dishonest list' },
  tax_credit: { zh: '纳税信用', en: 'tax credit' },
  contract_performance: { zh: '合同履约', en: 'contract performance' },
  product_quality: { zh: '产品质量', en: 'product quality' },
  construction: { zh: '工程建设', en: 'construction' },
  environmental: { zh: '环保', en: 'environmental protection' },
  work_safety: { zh: '安全生产', en: 'work safety' },
  land_resources: { zh: '国土资源', en: 'land and resources' },
  food_safety: { zh: '食品安全', en: 'food safety' },
  court_enforcement: { zh: '法院强制执行', en: 'court enforcement' },
  credit_accounts: { zh: '信贷账户', en: 'credit accounts' },
  housing_fund: { zh: '住房公积金', en: 'housing provident fund' },
};

/**
 * Whether a record speaks for or against the subject: `positive` (an award, a red list, a
 * performed contract), `negative`, or `neutral` (a licence, a grade without a bad outcome).
 *
 * @example
 * ```ts
 * const tone: RecordTone = recordOutcome(record).tone;
 * ```
 */
export type RecordTone = 'positive' | 'negative' | 'neutral';

const ENV_GRADES: Readonly<Record<EnvironmentalGrade, LocalizedText & { tone: RecordTone }>> = {
  trustworthy: { zh: '环保诚信企业', en: 'environmentally trustworthy', tone: 'positive' },
  good: { zh: '环保良好企业', en: 'environmentally good', tone: 'positive' },
  warning: { zh: '环保警示企业', en: 'environmental warning', tone: 'negative' },
  bad: { zh: '环保不良企业', en: 'environmentally bad', tone: 'negative' },
};

/**
 * The kind and outcome of one record in words, so that a blacklist entry never reads like an
 * award: 合同履约 已履约/违约, 工程建设 良好行为/不良行为/黑名单, 环保 评价等级/红名单/黑名单 …
 *
 * @example
 * ```ts
 * recordOutcome({ category: 'construction', kind: 'blacklist', … }).zh; // '建筑市场主体黑名单'
 * ```
 */
export function recordOutcome(r: CreditRecord): LocalizedText & { tone: RecordTone } {
  switch (r.category) {
    case 'contract_performance':
      return r.result === 'performed'
        ? { zh: '合同已履约', en: 'contract performed', tone: 'positive' }
        : { zh: '合同违约', en: 'contract breached', tone: 'negative' };
    case 'product_quality':
      if (r.kind === 'major_quality_issue')
        return { zh: '重大质量问题', en: 'major quality issue', tone: 'negative' };
      return r.result === 'pass'
        ? { zh: '监督抽查合格', en: 'spot check passed', tone: 'positive' }
        : { zh: '监督抽查不合格', en: 'spot check failed', tone: 'negative' };
    case 'construction':
      return {
        good: { zh: '良好行为（表彰）', en: 'good conduct (award)', tone: 'positive' as const },
        bad: { zh: '不良行为', en: 'bad conduct', tone: 'negative' as const },
        blacklist: {
          zh: '建筑市场主体黑名单',
          en: 'construction market blacklist',
          tone: 'negative' as const,
        },
      }[r.kind];
    case 'environmental':
      if (r.kind === 'rating')
        return r.grade === null
          ? { zh: '环保信用评价', en: 'environmental credit rating', tone: 'neutral' }
          : { ...ENV_GRADES[r.grade], zh: `环保信用评价：${ENV_GRADES[r.grade].zh}` };
      return {
        violation: { zh: '环境违法', en: 'environmental violation', tone: 'negative' as const },
        red_list: { zh: '环保信用红名单', en: 'environmental red list', tone: 'positive' as const },
        black_list: { zh: '环保信用黑名单', en: 'environmental black list', tone: 'negative' as const },
      }[r.kind];
    case 'work_safety':
      return {
        accident: { zh: '生产安全事故', en: 'work-safety accident', tone: 'negative' as const },
        violation: { zh: '安全生产违法', en: 'work-safety violation', tone: 'negative' as const },
        commendation: { zh: '安全生产表彰/达标', en: 'work-safety commendation', tone: 'positive' as const },
        dishonest_list: {
          zh: '安全生产严重失信主体名单',
          en: 'work-safety dishonest list',
          tone: 'negative' as const,
        },
      }[r.kind];
    case 'land_resources':
      return r.kind === 'idle_land'
        ? { zh: '闲置土地', en: 'idle land', tone: 'negative' }
        : { zh: '违法用地', en: 'illegal land use', tone: 'negative' };
    case 'food_safety':
      return r.kind === 'violation'
        ? { zh: '食品安全违法', en: 'food-safety violation', tone: 'negative' }
        : { zh: '严重违法生产经营者黑名单', en: 'serious food-safety violator blacklist', tone: 'negative' };
    case 'administrative_license':
      return { zh: '行政许可', en: 'licence', tone: 'neutral' };
    case 'administrative_penalty':
      return { zh: '行政处罚', en: 'penalty', tone: 'negative' };
    case 'tax_credit':
      return {
        zh: `纳税信用 ${r.grade} 级`,
        en: `tax credit grade ${r.grade}`,
        tone: r.grade === 'A' || r.grade === 'B' ? 'positive' : r.grade === 'M' ? 'neutral' : 'negative',
      };
    case 'court_enforcement':
      return r.status === 'executing'
        ? { zh: '强制执行中', en: 'enforcement in progress', tone: 'negative' }
        : { zh: '强制执行已结案', en: 'enforcement closed', tone: 'neutral' };
    default:
      return { ...LIST_LABELS[r.category], tone: 'negative' };
  }
}

/**
 * One line for a record in a card, the side panel, an export or the CLI: date, category,
 * kind and outcome, authority and what happened.
 *
 * @example
 * ```ts
 * describeRecord(record, 'zh'); // '2026-03-10 工程建设·建筑市场主体黑名单 北京市住房和城乡建设委员会：发生转包行为…'
 * ```
 */
export function describeRecord(r: CreditRecord, lang: 'zh' | 'en' = 'zh'): string {
  const head = `${RECORD_CATEGORY_LABELS[r.category][lang]}·${recordOutcome(r)[lang]}`;
  const sep = lang === 'zh' ? '：' : ': ';
  switch (r.category) {
    case 'administrative_penalty':
      return `${r.decidedAt} ${head} ${r.authority} ${r.documentNo}${sep}${r.reason}`;
    case 'dishonest_judgment_debtor':
      return `${r.listedAt} ${head} ${r.court} ${r.caseNo}${r.removedAt ? (lang === 'zh' ? `（${r.removedAt} 移出）` : ` (removed ${r.removedAt})`) : ''}`;
    case 'major_tax_violation':
      return `${r.listedAt} ${head} ${r.authority}${sep}${r.caseNature}`;
    case 'abnormal_operation':
    case 'serious_illegal_dishonest':
      return `${r.listedAt} ${head} ${r.authority}${sep}${r.reason}`;
    case 'gp_serious_violation':
      return `${r.banFrom}–${r.banUntil} ${head} ${r.authority} ${r.decisionNo}${sep}${r.reason}`;
    case 'tax_credit':
      return `${r.year} ${head}`;
    case 'administrative_license':
      return `${r.date} ${head} ${r.authority}${sep}${r.title}`;
    case 'court_enforcement':
      return `${r.filedAt} ${head} ${r.court} ${r.caseNo}`;
    case 'contract_performance':
      return `${r.date} ${head} ${r.counterparty}${sep}${r.description}`;
    case 'product_quality':
      return `${r.date} ${head} ${r.authority} ${r.product}`;
    case 'land_resources':
      return `${r.date} ${head} ${r.authority} ${r.parcel}${sep}${r.description}`;
    default:
      return `${r.date} ${head} ${r.authority}${sep}${r.description}`;
  }
}

/**
 * A citation as text: `财库〔2016〕125号 二（一）`. A name that is not a 文号 says so.
 *
 * @example
 * ```ts
 * formatCitation(cite('wuhan-hf', '个人信用审核条件'), 'en'); // '武汉住房公积金贷款信用审核规定 (name, not a document number) 个人信用审核条件'
 * ```
 */
export function formatCitation(c: Citation, lang: 'zh' | 'en' = 'zh'): string {
  const label =
    c.label === true ? (lang === 'zh' ? '（名称，非文号）' : ' (name, not a document number)') : '';
  return `${c.documentNo}${label}${c.article ? ` ${c.article}` : ''}`;
}

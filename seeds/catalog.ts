/**
 * The fixed part of the seed data: providers, the product catalog, the 应用目录 domains and the
 * API keys. Nothing here is random.
 */
import type { Domain, DomainId, PolicyBasis, Product, Provider } from '@xinjian/sdk';
import { DEMO_API_KEY, type KeySeed } from './schema.ts';

/**
 * A key entitled to enterprise products only: a personal product answers 403 `not_entitled`.
 *
 * @example
 * ```ts
 * await client({ apiKey: ENTERPRISE_ONLY_API_KEY }).reports.order({ productId: 'personal_credit_report', … });
 * // throws a 403 error
 * ```
 */
export const ENTERPRISE_ONLY_API_KEY = 'xj_test_enterprise_only';
/**
 * A key whose account has no credits left: a paid product answers 402 `insufficient_credits`.
 *
 * @example
 * ```ts
 * headers: { authorization: `Bearer ${NO_CREDITS_API_KEY}` }
 * ```
 */
export const NO_CREDITS_API_KEY = 'xj_test_no_credits';
/**
 * A revoked key: every request answers 401 `unauthorized`.
 *
 * @example
 * ```ts
 * headers: { authorization: `Bearer ${REVOKED_API_KEY}` }
 * ```
 */
export const REVOKED_API_KEY = 'xj_test_revoked';
/**
 * A key limited to {@link RATE_LIMITED_PER_MINUTE} requests a minute: the next one answers 429.
 *
 * @example
 * ```ts
 * for (let i = 0; i <= RATE_LIMITED_PER_MINUTE; i++) await call(RATE_LIMITED_API_KEY); // the last throws 429
 * ```
 */
export const RATE_LIMITED_API_KEY = 'xj_test_rate_limited';
/**
 * The per-minute limit of {@link RATE_LIMITED_API_KEY}.
 *
 * @example
 * ```ts
 * RATE_LIMITED_PER_MINUTE; // 3
 * ```
 */
export const RATE_LIMITED_PER_MINUTE = 3;
/**
 * The per-minute limit of the demo key and the other test keys.
 *
 * @example
 * ```ts
 * DEMO_RATE_LIMIT_PER_MINUTE; // 600
 * ```
 */
export const DEMO_RATE_LIMIT_PER_MINUTE = 600;

const provider = {
  creditchina: {
    id: 'creditchina',
    name: {
      zh: '信用中国（国家公共信用信息中心）',
      en: 'Credit China (National Public Credit Information Center)',
    },
    kind: 'public_platform',
    filingNo: null,
  },
  gsxt: {
    id: 'gsxt',
    name: { zh: '国家企业信用信息公示系统', en: 'National Enterprise Credit Information Publicity System' },
    kind: 'public_platform',
    filingNo: null,
  },
  chinatax: {
    id: 'chinatax',
    name: { zh: '国家税务总局', en: 'State Taxation Administration' },
    kind: 'public_platform',
    filingNo: null,
  },
  customs: {
    id: 'customs',
    name: { zh: '海关总署（中国海关企业进出口信用信息公示平台）', en: 'General Administration of Customs' },
    kind: 'public_platform',
    filingNo: null,
  },
  jzsc: {
    id: 'jzsc',
    name: {
      zh: '全国建筑市场监管公共服务平台（住房和城乡建设部）',
      en: 'National Construction Market Supervision Platform (MOHURD)',
    },
    kind: 'public_platform',
    filingNo: null,
  },
  highway: {
    id: 'mot_highway',
    name: {
      zh: '全国公路建设市场信用信息管理系统（交通运输部）',
      en: 'Highway Construction Market Credit System (MOT)',
    },
    kind: 'public_platform',
    filingNo: null,
  },
  zxgk: {
    id: 'zxgk',
    name: {
      zh: '中国执行信息公开网（最高人民法院）',
      en: 'China Enforcement Information Disclosure (Supreme People’s Court)',
    },
    kind: 'public_platform',
    filingNo: null,
  },
  agencyReport: {
    id: 'jingxin_credit',
    name: { zh: '京信企业征信有限公司', en: 'Jingxin Enterprise Credit Reporting Co., Ltd.' },
    kind: 'credit_agency',
    filingNo: '京征备〔2016〕第0032号',
  },
  rating: {
    id: 'huacheng_rating',
    name: { zh: '华诚国际信用评级有限公司', en: 'Huacheng International Credit Rating Co., Ltd.' },
    kind: 'rating_agency',
    filingNo: '银评备〔2019〕第018号',
  },
  pbccrc: {
    id: 'pbccrc',
    name: { zh: '中国人民银行征信中心', en: 'Credit Reference Center of the People’s Bank of China' },
    kind: 'credit_agency',
    filingNo: null,
  },
  housingFund: {
    id: 'housing_fund_centers',
    name: { zh: '住房公积金管理中心（各城市）', en: 'Housing Provident Fund Management Centers' },
    kind: 'public_platform',
    filingNo: null,
  },
} as const satisfies Record<string, Provider>;

/** Rating agencies that issue the PBOC-scale grades in the data (each with its 备案 number). */
export const RATING_AGENCIES = [
  {
    name: { zh: provider.rating.name.zh, en: provider.rating.name.en },
    filingNo: provider.rating.filingNo,
    site: 'https://www.huacheng-rating.example/',
  },
  {
    name: { zh: '东信资信评估股份有限公司', en: 'Dongxin Credit Assessment Co., Ltd.' },
    filingNo: '银评备〔2020〕第007号',
    site: 'https://www.dongxin-credit.example/',
  },
  {
    name: { zh: '北方联合信用评级有限公司', en: 'Northern United Credit Rating Co., Ltd.' },
    filingNo: '银评备〔2018〕第031号',
    site: 'https://www.beifang-rating.example/',
  },
] as const;

type ProductDraft = Omit<Product, 'domains'>;

const ENTERPRISE_PRODUCTS: readonly ProductDraft[] = [
  {
    id: 'creditchina_public_report',
    name: { zh: '公共信用信息报告（信用中国）', en: 'Public credit information report (Credit China)' },
    description: {
      zh: '按《公共信用信息报告标准（2022年版）》出具的事实记录：行政许可与行政处罚、严重失信主体名单、经营异常名录、守信激励、信用承诺与司法判决。不含评分或等级。',
      en: 'A factual record under the Public Credit Information Report Standard (2022): licences and penalties, serious-dishonesty lists, abnormal operations, red lists, commitments and judgments. No score or grade.',
    },
    provider: provider.creditchina,
    subjectType: 'enterprise',
    recordCategories: [
      'administrative_license',
      'administrative_penalty',
      'dishonest_judgment_debtor',
      'major_tax_violation',
      'abnormal_operation',
      'serious_illegal_dishonest',
      'tax_credit',
      'contract_performance',
      'environmental',
      'work_safety',
    ],
    ratingScales: [],
    priceCredits: 0,
    freshness: { updateFrequency: 'daily', maxAgeDays: 7 },
    requiresAuthorization: false,
  },
  {
    id: 'gsxt_disclosure_report',
    name: {
      zh: '企业信用信息公示报告（国家企业信用信息公示系统）',
      en: 'Enterprise credit disclosure report (GSXT)',
    },
    description: {
      zh: '登记备案、年报、行政处罚、经营异常名录与严重违法失信名单（企业信息公示暂行条例）。',
      en: 'Registration, annual reports, penalties, the abnormal-operations list and the serious illegal and dishonest list.',
    },
    provider: provider.gsxt,
    subjectType: 'enterprise',
    recordCategories: [
      'administrative_penalty',
      'abnormal_operation',
      'serious_illegal_dishonest',
      'product_quality',
    ],
    ratingScales: [],
    priceCredits: 0,
    freshness: { updateFrequency: 'daily', maxAgeDays: 7 },
    requiresAuthorization: false,
  },
  {
    id: 'enterprise_credit_report',
    name: { zh: '企业信用报告（备案企业征信机构）', en: 'Enterprise credit report (filed credit agency)' },
    description: {
      zh: '备案企业征信机构汇集公共信用信息、司法与行业信用记录及等级，出具的企业信用报告。',
      en: 'A report from a filed enterprise credit agency combining public, court and sector records and grades.',
    },
    provider: provider.agencyReport,
    subjectType: 'enterprise',
    recordCategories: [
      'administrative_license',
      'administrative_penalty',
      'dishonest_judgment_debtor',
      'major_tax_violation',
      'gp_serious_violation',
      'abnormal_operation',
      'serious_illegal_dishonest',
      'tax_credit',
      'contract_performance',
      'product_quality',
      'construction',
      'environmental',
      'work_safety',
      'land_resources',
      'food_safety',
      'court_enforcement',
    ],
    ratingScales: [
      'pboc_long_term',
      'sme_credit',
      'tax_credit',
      'customs_251',
      'customs_282',
      'highway_construction',
    ],
    priceCredits: 20,
    freshness: { updateFrequency: 'daily', maxAgeDays: 30 },
    requiresAuthorization: false,
  },
  {
    id: 'pboc_borrower_rating',
    name: { zh: '借款企业信用评级（信贷市场评级）', en: 'Borrower credit rating (credit-market rating)' },
    description: {
      zh: '信用评级机构按 JR/T 0030.2—2006 出具的长期信用等级（三等九级，AAA 至 C，除 AAA 及 CCC 以下可加“+”“−”）与短期等级。',
      en: 'Long-term grades (AAA to C with +/− except AAA and CCC and below) and short-term grades issued by a rating agency under JR/T 0030.2—2006.',
    },
    provider: provider.rating,
    subjectType: 'enterprise',
    recordCategories: [],
    ratingScales: ['pboc_long_term', 'pboc_short_term'],
    priceCredits: 50,
    freshness: { updateFrequency: 'annual', maxAgeDays: 365 },
    requiresAuthorization: false,
  },
  {
    id: 'sme_credit_rating',
    name: { zh: '中小企业信用评价（备案评级机构）', en: 'SME credit rating (filed rating agency)' },
    description: {
      zh: '备案信用评级机构对中小企业出具的信用等级（AAA 至 C，AA 至 B 可加“+”“−”），载明评级机构、备案号、评定日与有效期；单列显示，不与借款企业信用评级互相比较（京经信委发〔2010〕44号 四）。',
      en: 'Credit grades for small and medium enterprises from a filed rating agency (AAA to C, +/− on AA to B), with the agency, its filing number, the rating date and validity; shown apart from the borrower rating and never compared with it.',
    },
    provider: provider.rating,
    subjectType: 'enterprise',
    recordCategories: [],
    ratingScales: ['sme_credit'],
    priceCredits: 30,
    freshness: { updateFrequency: 'annual', maxAgeDays: 365 },
    requiresAuthorization: false,
  },
  {
    id: 'gp_credit_screening',
    name: {
      zh: '政府采购信用记录查询（财库〔2016〕125号）',
      en: 'Government procurement credit screening (Caiku [2016] No. 125)',
    },
    description: {
      zh: '查询失信被执行人、重大税收违法失信主体、政府采购严重违法失信行为记录名单三类名单，以及近三年重大违法记录（行政处罚），保留查询渠道与查询时间。',
      en: 'Checks the three lists (dishonest judgment debtors, major tax violators, serious GP violations) and major violations in the past three years, recording channel and query time.',
    },
    provider: provider.agencyReport,
    subjectType: 'enterprise',
    recordCategories: [
      'dishonest_judgment_debtor',
      'major_tax_violation',
      'gp_serious_violation',
      'administrative_penalty',
      'abnormal_operation',
      'serious_illegal_dishonest',
    ],
    ratingScales: [],
    priceCredits: 5,
    freshness: { updateFrequency: 'realtime', maxAgeDays: 1 },
    requiresAuthorization: false,
  },
  {
    id: 'tendering_dishonest_check',
    name: {
      zh: '招标投标失信被执行人查询（法〔2016〕285号）',
      en: 'Tendering dishonest-debtor check (Fa [2016] No. 285)',
    },
    description: {
      zh: '评标阶段查询投标人及联合体各成员是否为失信被执行人。',
      en: 'Checks at the evaluation stage whether a bidder or any consortium member is a dishonest judgment debtor.',
    },
    provider: provider.zxgk,
    subjectType: 'enterprise',
    recordCategories: ['dishonest_judgment_debtor', 'court_enforcement'],
    ratingScales: [],
    priceCredits: 3,
    freshness: { updateFrequency: 'realtime', maxAgeDays: 1 },
    requiresAuthorization: false,
  },
  {
    id: 'tax_credit_grade',
    name: { zh: '纳税信用级别查询', en: 'Tax credit grade lookup' },
    description: {
      zh: '纳税信用级别 A/B/M/C/D 的逐年评价结果（每年 4 月前后发布上一年度结果）。',
      en: 'Yearly tax credit grades A/B/M/C/D, published around April for the previous year.',
    },
    provider: provider.chinatax,
    subjectType: 'enterprise',
    recordCategories: ['tax_credit', 'major_tax_violation'],
    ratingScales: ['tax_credit'],
    priceCredits: 2,
    freshness: { updateFrequency: 'annual', maxAgeDays: 400 },
    requiresAuthorization: false,
  },
  {
    id: 'customs_credit_grade',
    name: { zh: '海关企业信用等级查询', en: 'Customs enterprise credit grade' },
    description: {
      zh: '海关信用等级：2026-04-01 前按海关总署令第251号，之后按第282号。',
      en: 'Customs credit grade: under GACC Order No. 251 before 2026-04-01, No. 282 from that date.',
    },
    provider: provider.customs,
    subjectType: 'enterprise',
    recordCategories: [],
    ratingScales: ['customs_251', 'customs_282'],
    priceCredits: 2,
    freshness: { updateFrequency: 'weekly', maxAgeDays: 30 },
    requiresAuthorization: false,
  },
  {
    id: 'construction_market_credit',
    name: { zh: '建筑市场信用记录查询', en: 'Construction market credit records' },
    description: {
      zh: '良好行为、不良行为与建筑市场主体“黑名单”（建市〔2017〕241号）。',
      en: 'Good and bad conduct records and the construction-market black list (Jianshi [2017] No. 241).',
    },
    provider: provider.jzsc,
    subjectType: 'enterprise',
    recordCategories: ['construction', 'work_safety'],
    ratingScales: [],
    priceCredits: 5,
    freshness: { updateFrequency: 'weekly', maxAgeDays: 30 },
    requiresAuthorization: false,
  },
  {
    id: 'highway_construction_credit',
    name: { zh: '公路施工企业信用评价', en: 'Highway construction contractor credit evaluation' },
    description: {
      zh: '交公路发〔2009〕733号 公路施工企业信用评价结果（AA、A、B、C、D）。',
      en: 'Highway contractor credit grades AA, A, B, C, D (Jiaogonglufa [2009] No. 733).',
    },
    provider: provider.highway,
    subjectType: 'enterprise',
    recordCategories: [],
    ratingScales: ['highway_construction'],
    priceCredits: 5,
    freshness: { updateFrequency: 'annual', maxAgeDays: 400 },
    requiresAuthorization: false,
  },
];

const INDIVIDUAL_PRODUCTS: readonly ProductDraft[] = [
  {
    id: 'personal_credit_report',
    name: { zh: '个人信用报告（人行征信）', en: 'Personal credit report (PBOC Credit Reference Center)' },
    description: {
      zh: '信贷交易信息（贷款、信用卡、五级分类、24个月还款记录）。须取得信息主体书面授权并约定用途（征信业管理条例 第十八条）。',
      en: 'Credit accounts with five-category status and 24-month repayment grids. Needs the subject’s written authorization and an agreed purpose (Credit Reporting Regulation art. 18).',
    },
    provider: provider.pbccrc,
    subjectType: 'individual',
    recordCategories: ['credit_accounts'],
    ratingScales: [],
    priceCredits: 30,
    freshness: { updateFrequency: 'monthly', maxAgeDays: 30 },
    requiresAuthorization: true,
  },
  {
    id: 'housing_fund_deposit_history',
    name: { zh: '住房公积金缴存记录', en: 'Housing provident fund deposit history' },
    description: {
      zh: '公积金账户状态与逐月缴存记录，用于判断是否连续足额缴存 6 个月（建金〔2014〕148号）。',
      en: 'Account status and monthly deposits, to check six months of continuous full deposits (Jianjin [2014] No. 148).',
    },
    provider: provider.housingFund,
    subjectType: 'individual',
    recordCategories: ['housing_fund'],
    ratingScales: [],
    priceCredits: 10,
    freshness: { updateFrequency: 'monthly', maxAgeDays: 31 },
    requiresAuthorization: true,
  },
  {
    id: 'personal_court_enforcement',
    name: { zh: '个人涉诉执行信息查询', en: 'Personal court enforcement check' },
    description: {
      zh: '中国执行信息公开网公开的被执行人与失信被执行人信息。信息依法公开，仍须约定查询用途并最小化使用。',
      en: 'Published enforcement cases and dishonest-debtor listings. Public by law; the lookup still needs an agreed purpose and minimal use.',
    },
    provider: provider.zxgk,
    subjectType: 'individual',
    recordCategories: ['court_enforcement', 'dishonest_judgment_debtor'],
    ratingScales: [],
    priceCredits: 5,
    freshness: { updateFrequency: 'daily', maxAgeDays: 7 },
    requiresAuthorization: false,
  },
];

const CATALOG_BASIS: PolicyBasis = {
  documentNo: '京经信委发〔2010〕44号',
  title: '北京市社会信用体系建设文件：在政府投资、市场监管、公共服务中使用信用产品，发布应用目录',
  article: '七（二）',
  issuer: '北京市经济和信息化委员会',
  effectiveFrom: null,
};
const CREDIT_REGULATION_18: PolicyBasis = {
  documentNo: '国务院令第631号',
  title: '征信业管理条例',
  article: '第十八条',
  issuer: '国务院',
  effectiveFrom: '2013-03-15',
};

type DomainDraft = Omit<Domain, 'requiredProducts' | 'recommendedProducts'> & {
  required: readonly string[];
  recommended: readonly string[];
};

const DOMAINS: readonly DomainDraft[] = [
  {
    id: 'government_procurement',
    name: { zh: '政府采购', en: 'Government procurement' },
    description: {
      zh: '采购人、采购代理机构在截止时点查询供应商信用记录，对列入失信被执行人、重大税收违法失信主体、政府采购严重违法失信行为记录名单的供应商拒绝其参与；近三年有重大违法记录的同样不符合第二十二条。',
      en: 'Buyers check suppliers at the document’s cut-off time and reject anyone on the three lists or with a major violation in the past three years.',
    },
    required: ['gp_credit_screening', 'creditchina_public_report'],
    recommended: ['tax_credit_grade', 'enterprise_credit_report', 'gsxt_disclosure_report'],
    policyBasis: [
      CATALOG_BASIS,
      {
        documentNo: '财库〔2016〕125号',
        title: '财政部关于在政府采购活动中查询及使用信用记录有关问题的通知',
        article: null,
        issuer: '财政部',
        effectiveFrom: null,
      },
      {
        documentNo: '中华人民共和国政府采购法',
        title: '中华人民共和国政府采购法（供应商条件）',
        article: '第二十二条',
        issuer: '全国人民代表大会常务委员会',
        effectiveFrom: '2003-01-01',
      },
      {
        documentNo: '国务院令第658号',
        title: '中华人民共和国政府采购法实施条例（重大违法记录）',
        article: '第十九条',
        issuer: '国务院',
        effectiveFrom: '2015-03-01',
      },
      {
        documentNo: '财库〔2022〕3号',
        title:
          '关于《中华人民共和国政府采购法实施条例》第十九条第一款“较大数额罚款”具体适用问题的意见（200万元以上）',
        article: null,
        issuer: '财政部',
        effectiveFrom: '2022-02-08',
      },
    ],
  },
  {
    id: 'tendering',
    name: { zh: '招标投标', en: 'Tendering' },
    description: {
      zh: '依法必须招标的工程建设项目在评标阶段查询投标人是否为失信被执行人；联合体任一成员失信即限制整个联合体。',
      en: 'For construction projects that must be tendered, bidders are checked for dishonest-debtor listings at evaluation; one listed consortium member restricts the whole consortium.',
    },
    required: ['tendering_dishonest_check'],
    recommended: ['creditchina_public_report', 'construction_market_credit', 'highway_construction_credit'],
    policyBasis: [
      CATALOG_BASIS,
      {
        documentNo: '法〔2016〕285号',
        title: '关于在招标投标活动中对失信被执行人实施联合惩戒的通知',
        article: null,
        issuer: '最高人民法院、国家发展改革委等九部门',
        effectiveFrom: null,
      },
    ],
  },
  {
    id: 'government_investment',
    name: { zh: '政府投资', en: 'Government investment' },
    description: {
      zh: '政府投资项目在立项、招标和资金安排中使用信用产品。',
      en: 'Credit products in approving, tendering and funding government-invested projects.',
    },
    required: ['creditchina_public_report'],
    recommended: [
      'enterprise_credit_report',
      'construction_market_credit',
      'pboc_borrower_rating',
      'sme_credit_rating',
    ],
    policyBasis: [CATALOG_BASIS],
  },
  {
    id: 'market_supervision',
    name: { zh: '市场监管', en: 'Market supervision' },
    description: {
      zh: '监管部门按信用状况分类监管，参考公示信息、纳税信用与海关信用。',
      en: 'Regulators supervise by credit standing, using disclosures, tax credit and customs credit.',
    },
    required: ['gsxt_disclosure_report'],
    recommended: ['creditchina_public_report', 'tax_credit_grade', 'customs_credit_grade'],
    policyBasis: [
      CATALOG_BASIS,
      {
        documentNo: '国务院令第654号',
        title: '企业信息公示暂行条例',
        article: null,
        issuer: '国务院',
        effectiveFrom: '2014-10-01',
      },
    ],
  },
  {
    id: 'credit_lending',
    name: { zh: '信贷', en: 'Credit lending' },
    description: {
      zh: '金融机构授信审批前核查借款企业及担保人：失信被执行人限制融资，借款企业信用评级、中小企业信用评价与信用报告供审查；查询法定代表人等个人信息须取得书面授权并约定用途。',
      en: 'Before approving credit, lenders check the borrower and its guarantors: dishonest judgment debtors are restricted from financing; the borrower rating, SME rating and credit reports inform the review; personal lookups (e.g. the legal representative) need written authorization and an agreed purpose.',
    },
    required: ['pboc_borrower_rating'],
    recommended: [
      'enterprise_credit_report',
      'sme_credit_rating',
      'creditchina_public_report',
      'tax_credit_grade',
      'personal_credit_report',
      'personal_court_enforcement',
    ],
    policyBasis: [
      CATALOG_BASIS,
      {
        documentNo: '发改财金〔2016〕141号',
        title: '关于对失信被执行人实施联合惩戒的合作备忘录（融资、贷款限制）',
        article: null,
        issuer: '国家发展改革委、最高人民法院等',
        effectiveFrom: null,
      },
      CREDIT_REGULATION_18,
    ],
  },
  {
    id: 'housing_fund_loan',
    name: { zh: '住房公积金贷款', en: 'Housing provident fund loans' },
    description: {
      zh: '公积金中心审批个人贷款：连续足额缴存 6 个月（含）以上，并按各城市规则审查申请人、配偶和共同借款人的征信与执行记录。',
      en: 'Centers approve loans after six months of continuous full deposits and check applicants, spouses and co-borrowers under each city’s rules.',
    },
    required: ['personal_credit_report', 'housing_fund_deposit_history'],
    recommended: ['personal_court_enforcement'],
    policyBasis: [
      CATALOG_BASIS,
      {
        documentNo: '建金〔2014〕148号',
        title: '关于发展住房公积金个人住房贷款业务的通知（连续足额缴存6个月（含）以上）',
        article: null,
        issuer: '住房和城乡建设部、财政部、中国人民银行',
        effectiveFrom: null,
      },
      CREDIT_REGULATION_18,
    ],
  },
  {
    id: 'public_service',
    name: { zh: '公共服务', en: 'Public services' },
    description: {
      zh: '公共服务中对守信主体给予便利、对失信主体依法限制。',
      en: 'Public services reward trustworthy subjects and restrict listed dishonest ones as the law allows.',
    },
    required: ['creditchina_public_report'],
    recommended: ['gsxt_disclosure_report'],
    policyBasis: [CATALOG_BASIS],
  },
];

/**
 * The application catalog. Each domain lists its products, and each product's `domains` is
 * derived from those lists so the two directions cannot disagree.
 *
 * @example
 * ```ts
 * buildCatalog().domains.find((d) => d.id === 'tendering')?.requiredProducts; // ['tendering_dishonest_check']
 * ```
 */
export function buildCatalog(): { products: Product[]; domains: Domain[] } {
  const domains: Domain[] = DOMAINS.map(({ required, recommended, ...d }) => ({
    ...d,
    requiredProducts: [...required],
    recommendedProducts: [...recommended],
  }));
  const products: Product[] = [...ENTERPRISE_PRODUCTS, ...INDIVIDUAL_PRODUCTS].map((p) => ({
    ...p,
    domains: domains
      .filter((d) => d.requiredProducts.includes(p.id) || d.recommendedProducts.includes(p.id))
      .map((d): DomainId => d.id),
  }));
  return { products, domains };
}

/**
 * The API keys: the demo key and one key per failure the SDK must handle (401, 402, 403, 429).
 *
 * @example
 * ```ts
 * buildKeys(products).find((k) => k.key === REVOKED_API_KEY)?.revoked; // true
 * ```
 */
export function buildKeys(products: readonly Product[]): KeySeed[] {
  const all = products.map((p) => p.id);
  const enterprise = products.filter((p) => p.subjectType === 'enterprise').map((p) => p.id);
  return [
    {
      key: DEMO_API_KEY,
      revoked: false,
      account: {
        id: 'acct_demo',
        name: '信鉴演示账户',
        credits: { remaining: 100_000, monthlyAllowance: 100_000 },
        entitledProducts: all,
      },
      rateLimitPerMinute: DEMO_RATE_LIMIT_PER_MINUTE,
    },
    {
      key: ENTERPRISE_ONLY_API_KEY,
      revoked: false,
      account: {
        id: 'acct_enterprise_only',
        name: '测试账户（仅企业产品）',
        credits: { remaining: 10_000, monthlyAllowance: 10_000 },
        entitledProducts: enterprise,
      },
      rateLimitPerMinute: DEMO_RATE_LIMIT_PER_MINUTE,
    },
    {
      key: NO_CREDITS_API_KEY,
      revoked: false,
      account: {
        id: 'acct_no_credits',
        name: '测试账户（额度用尽）',
        credits: { remaining: 0, monthlyAllowance: 1_000 },
        entitledProducts: all,
      },
      rateLimitPerMinute: DEMO_RATE_LIMIT_PER_MINUTE,
    },
    {
      key: REVOKED_API_KEY,
      revoked: true,
      account: {
        id: 'acct_revoked',
        name: '测试账户（密钥已吊销）',
        credits: { remaining: 10_000, monthlyAllowance: 10_000 },
        entitledProducts: all,
      },
      rateLimitPerMinute: DEMO_RATE_LIMIT_PER_MINUTE,
    },
    {
      key: RATE_LIMITED_API_KEY,
      revoked: false,
      account: {
        id: 'acct_rate_limited',
        name: '测试账户（每分钟 3 次）',
        credits: { remaining: 10_000, monthlyAllowance: 10_000 },
        entitledProducts: all,
      },
      rateLimitPerMinute: RATE_LIMITED_PER_MINUTE,
    },
  ];
}

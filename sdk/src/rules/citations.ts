/**
 * The policy documents the rule packs rest on, as data. Findings cite them by id, so a
 * document's number or title is written once. `confidence` carries domain.md's labels:
 * `confirmed` [C], `secondary` [S], `unconfirmed` [U].
 */
import { z } from 'zod';

/**
 * One policy document: a law, regulation, ministry notice or local rule.
 *
 * @example
 * ```ts
 * PolicyDocument.parse(policyDocuments['fa-2016-285']).issuer.startsWith('最高人民法院'); // true
 * ```
 */
export const PolicyDocument = z
  .object({
    id: z.string(),
    /** 文号, or the short name of a law that is cited without one. */
    documentNo: z.string(),
    /**
     * True when `documentNo` is a descriptive name the project gave the document (a local
     * rule known only from reposts, a judicial rule cited by title), not its 文号.
     */
    isLabel: z.boolean(),
    title: z.string(),
    issuer: z.string(),
    /** Date of issue, as precise as known (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
    date: z.string().nullable(),
    effectiveFrom: z.string().nullable(),
    confidence: z.enum(['confirmed', 'secondary', 'unconfirmed']),
    /** Where to read it: the issuer's site, or the public page the rule is known from. */
    url: z.string().nullable(),
  })
  .meta({ id: 'PolicyDocument' });
export type PolicyDocument = z.infer<typeof PolicyDocument>;

/**
 * What a finding cites: the document and its article (or, for a notice without articles, its
 * section, e.g. 财库〔2016〕125号 `二（一）`). `label` marks a `documentNo` that is a name rather
 * than a 文号, with `url` to the source. `confidence` is that of the article cited: an article
 * number recalled but not re-read in the text is `unconfirmed`.
 *
 * @example
 * ```ts
 * const c: Citation = { documentNo: '财库〔2022〕3号', article: '全文', title: '…', confidence: 'confirmed' };
 * ```
 */
export const Citation = z
  .object({
    documentNo: z.string(),
    article: z.string().nullable(),
    title: z.string(),
    label: z.boolean().optional(),
    url: z.string().optional(),
    confidence: z.enum(['confirmed', 'secondary', 'unconfirmed']).optional(),
  })
  .meta({ id: 'Citation' });
export type Citation = z.infer<typeof Citation>;

const documents = [
  {
    id: 'gp-law',
    documentNo: '政府采购法',
    isLabel: false,
    title: '中华人民共和国政府采购法',
    issuer: '全国人民代表大会常务委员会',
    date: '2002-06-29',
    effectiveFrom: '2003-01-01',
    confidence: 'confirmed',
    url: 'https://www.ccgp.gov.cn/',
  },
  {
    id: 'gp-regulation',
    documentNo: '国务院令第658号',
    isLabel: false,
    title: '中华人民共和国政府采购法实施条例',
    issuer: '国务院',
    date: null,
    effectiveFrom: null,
    confidence: 'confirmed',
    url: 'https://www.ccgp.gov.cn/',
  },
  {
    id: 'caiku-2016-125',
    documentNo: '财库〔2016〕125号',
    isLabel: false,
    title: '财政部关于在政府采购活动中查询及使用信用记录有关问题的通知',
    issuer: '财政部',
    date: '2016-08',
    effectiveFrom: null,
    confidence: 'secondary',
    url: 'https://www.ccgp.gov.cn/',
  },
  {
    id: 'caiku-2022-3',
    documentNo: '财库〔2022〕3号',
    isLabel: false,
    title: '财政部关于《中华人民共和国政府采购法实施条例》第十九条第一款“较大数额罚款”具体适用问题的意见',
    issuer: '财政部',
    date: '2022-01-05',
    effectiveFrom: '2022-02-08',
    confidence: 'confirmed',
    url: 'https://www.ccgp.gov.cn/',
  },
  {
    id: 'administrative-penalty-law',
    documentNo: '行政处罚法',
    isLabel: false,
    title: '中华人民共和国行政处罚法',
    issuer: '全国人民代表大会常务委员会',
    date: null,
    effectiveFrom: null,
    confidence: 'secondary',
    url: null,
  },
  {
    id: 'sat-order-54',
    documentNo: '国家税务总局令第54号',
    isLabel: false,
    title: '重大税收违法失信主体信息公布管理办法',
    issuer: '国家税务总局',
    date: '2021-12-31',
    effectiveFrom: '2022-02-01',
    confidence: 'confirmed',
    url: 'http://hd.chinatax.gov.cn/xxk/',
  },
  {
    id: 'spc-dishonest-list',
    documentNo: '最高人民法院失信被执行人名单规定',
    isLabel: true,
    title: '最高人民法院关于公布失信被执行人名单信息的若干规定（2017年修正）',
    issuer: '最高人民法院',
    date: '2017-01-16',
    effectiveFrom: null,
    confidence: 'confirmed',
    url: 'https://zxgk.court.gov.cn/shixin/',
  },
  {
    id: 'fa-2016-285',
    documentNo: '法〔2016〕285号',
    isLabel: false,
    title: '关于在招标投标活动中对失信被执行人实施联合惩戒的通知',
    issuer:
      '最高人民法院、国家发展改革委、工业和信息化部、住房城乡建设部、交通运输部、水利部、商务部、国家铁路局、中国民航局',
    date: '2016-08-30',
    effectiveFrom: null,
    confidence: 'secondary',
    url: null,
  },
  {
    id: 'tendering-law',
    documentNo: '招标投标法',
    isLabel: false,
    title: '中华人民共和国招标投标法',
    issuer: '全国人民代表大会常务委员会',
    date: null,
    effectiveFrom: null,
    confidence: 'secondary',
    url: null,
  },
  {
    id: 'enterprise-disclosure-regulation',
    documentNo: '国务院令第654号',
    isLabel: false,
    title: '企业信息公示暂行条例',
    issuer: '国务院',
    date: '2014',
    effectiveFrom: null,
    confidence: 'secondary',
    url: 'https://www.gsxt.gov.cn/',
  },
  {
    id: 'jianshi-2017-241',
    documentNo: '建市〔2017〕241号',
    isLabel: false,
    title: '建筑市场信用管理暂行办法',
    issuer: '住房城乡建设部',
    date: '2017-12',
    effectiveFrom: null,
    confidence: 'secondary',
    url: 'https://jzsc.mohurd.gov.cn/',
  },
  {
    id: 'civil-code',
    documentNo: '民法典',
    isLabel: false,
    title: '中华人民共和国民法典',
    issuer: '全国人民代表大会',
    date: '2020-05-28',
    effectiveFrom: '2021-01-01',
    confidence: 'secondary',
    url: null,
  },
  {
    id: 'product-quality-law',
    documentNo: '产品质量法',
    isLabel: false,
    title: '中华人民共和国产品质量法',
    issuer: '全国人民代表大会常务委员会',
    date: null,
    effectiveFrom: null,
    confidence: 'secondary',
    url: null,
  },
  {
    id: 'land-administration-law',
    documentNo: '土地管理法',
    isLabel: false,
    title: '中华人民共和国土地管理法',
    issuer: '全国人民代表大会常务委员会',
    date: null,
    effectiveFrom: null,
    confidence: 'secondary',
    url: null,
  },
  {
    id: 'mlr-order-53',
    documentNo: '国土资源部令第53号',
    isLabel: false,
    title: '闲置土地处置办法',
    issuer: '国土资源部',
    date: '2012-06-01',
    effectiveFrom: '2012-07-01',
    confidence: 'unconfirmed',
    url: null,
  },
  {
    id: 'huanfa-2013-150',
    documentNo: '环发〔2013〕150号',
    isLabel: false,
    title: '企业环境信用评价办法（试行）',
    issuer: '环境保护部、国家发展改革委、中国人民银行、中国银监会',
    date: '2013-12-18',
    effectiveFrom: '2014-03-01',
    confidence: 'unconfirmed',
    url: null,
  },
  {
    id: 'mem-order-11',
    documentNo: '应急管理部令第11号',
    isLabel: false,
    title: '安全生产严重失信主体名单管理办法',
    issuer: '应急管理部',
    date: '2023-08-08',
    effectiveFrom: '2023-10-01',
    confidence: 'unconfirmed',
    url: null,
  },
  {
    id: 'food-safety-law',
    documentNo: '食品安全法',
    isLabel: false,
    title: '中华人民共和国食品安全法',
    issuer: '全国人民代表大会常务委员会',
    date: null,
    effectiveFrom: null,
    confidence: 'secondary',
    url: null,
  },
  {
    id: 'samr-order-44',
    documentNo: '国家市场监督管理总局令第44号',
    isLabel: false,
    title: '市场监督管理严重违法失信名单管理办法',
    issuer: '国家市场监督管理总局',
    date: '2021-07-30',
    effectiveFrom: '2021-09-01',
    confidence: 'unconfirmed',
    url: 'https://www.gsxt.gov.cn/',
  },
  {
    id: 'fgcj-2016-141',
    documentNo: '发改财金〔2016〕141号',
    isLabel: false,
    title: '关于对失信被执行人实施联合惩戒的合作备忘录',
    issuer: '国家发展改革委、最高人民法院等',
    date: '2016-01',
    effectiveFrom: null,
    confidence: 'secondary',
    url: 'https://www.creditchina.gov.cn/',
  },
  {
    id: 'fgcj-2014-3062',
    documentNo: '发改财金〔2014〕3062号',
    isLabel: false,
    title: '关于对重大税收违法案件当事人实施联合惩戒措施的合作备忘录',
    issuer: '国家发展改革委、国家税务总局等',
    date: '2014-12',
    effectiveFrom: null,
    confidence: 'secondary',
    url: 'https://www.creditchina.gov.cn/',
  },
  {
    id: 'jrt-0030-2',
    documentNo: 'JR/T 0030.2—2006',
    isLabel: false,
    title: '信贷市场和银行间债券市场信用评级规范 第2部分：信用评级业务规范',
    issuer: '中国人民银行',
    date: '2006-11-21',
    effectiveFrom: null,
    confidence: 'confirmed',
    url: 'http://www.pbc.gov.cn/',
  },
  {
    id: 'jingjingxinwei-2010-44',
    documentNo: '京经信委发〔2010〕44号',
    isLabel: false,
    title: '北京市经济和信息化委员会关于推进社会信用体系建设的通知',
    issuer: '北京市经济和信息化委员会',
    date: '2010',
    effectiveFrom: null,
    confidence: 'secondary',
    url: null,
  },
  {
    id: 'loan-general-rules',
    documentNo: '中国人民银行令1996年第2号',
    isLabel: false,
    title: '贷款通则',
    issuer: '中国人民银行',
    date: '1996-06-28',
    effectiveFrom: '1996-08-01',
    confidence: 'secondary',
    url: 'http://www.pbc.gov.cn/',
  },
  {
    id: 'cbrc-2004-51',
    documentNo: '银监发〔2004〕51号',
    isLabel: false,
    title: '商业银行授信工作尽职指引',
    issuer: '中国银行业监督管理委员会',
    date: '2004-07',
    effectiveFrom: null,
    confidence: 'unconfirmed',
    url: 'https://www.nfra.gov.cn/',
  },
  {
    id: 'credit-regulation-631',
    documentNo: '国务院令第631号',
    isLabel: false,
    title: '征信业管理条例',
    issuer: '国务院',
    date: null,
    effectiveFrom: '2013-03-15',
    confidence: 'confirmed',
    url: 'http://www.pbccrc.org.cn/',
  },
  {
    id: 'jianjin-2014-148',
    documentNo: '建金〔2014〕148号',
    isLabel: false,
    title: '关于发展住房公积金个人住房贷款业务的通知',
    issuer: '住房城乡建设部、财政部、中国人民银行',
    date: '2014-10-09',
    effectiveFrom: null,
    confidence: 'secondary',
    url: null,
  },
  {
    id: 'hf-lian3lei6-practice',
    documentNo: '连三累六（行业惯例）',
    isLabel: true,
    title: '住房公积金贷款个人征信审核“连三累六”惯例（非全国性规定）',
    issuer: '各地住房公积金管理中心',
    date: null,
    effectiveFrom: null,
    confidence: 'secondary',
    url: 'https://www.mohurd.gov.cn/',
  },
  {
    id: 'changchun-hf-2022',
    documentNo: '长春市住房公积金管理中心通知（2021-12-07）',
    isLabel: true,
    title: '长春市住房公积金管理中心关于个人住房公积金贷款信用审核的通知（据公开转述）',
    issuer: '长春市住房公积金管理中心',
    date: '2021-12-07',
    effectiveFrom: '2022-01-01',
    confidence: 'secondary',
    url: 'http://www.cczfgjj.gov.cn/',
  },
  {
    id: 'hohhot-hf-2017',
    documentNo: '内蒙古自治区住房公积金贷款管理办法（呼和浩特 2017 实施）',
    isLabel: true,
    title: '呼和浩特市住房公积金贷款信用审核规定（据公开转述）',
    issuer: '呼和浩特市住房公积金管理中心',
    date: '2017',
    effectiveFrom: null,
    confidence: 'secondary',
    url: 'https://www.huhhot.gov.cn/',
  },
  {
    id: 'hangzhou-hf',
    documentNo: '杭州住房公积金贷款信用审核规定',
    isLabel: true,
    title: '杭州住房公积金管理中心个人住房公积金贷款信用审核规定（据公开转述）',
    issuer: '杭州住房公积金管理中心',
    date: null,
    effectiveFrom: null,
    confidence: 'secondary',
    url: 'https://gjj.hangzhou.gov.cn/',
  },
  {
    id: 'wuhan-hf',
    documentNo: '武汉住房公积金贷款信用审核规定',
    isLabel: true,
    title: '武汉住房公积金管理中心个人住房公积金贷款信用审核规定（据公开转述）',
    issuer: '武汉住房公积金管理中心',
    date: null,
    effectiveFrom: null,
    confidence: 'secondary',
    url: 'https://gjj.wuhan.gov.cn/',
  },
] as const satisfies readonly PolicyDocument[];

/**
 * The id of a document in {@link policyDocuments}.
 *
 * @example
 * ```ts
 * const id: PolicyDocumentId = 'caiku-2016-125';
 * ```
 */
export type PolicyDocumentId = (typeof documents)[number]['id'];

/**
 * Every policy document a rule cites, by id.
 *
 * @example
 * ```ts
 * policyDocuments['caiku-2022-3'].effectiveFrom; // '2022-02-08'
 * ```
 */
export const policyDocuments = Object.fromEntries(documents.map((d) => [d.id, d])) as Record<
  PolicyDocumentId,
  PolicyDocument
>;

/**
 * A citation of one document's article or section. A label document carries `label: true`
 * and its `url`; `confidence` defaults to the document's and can be lowered for an article
 * whose number is not confirmed.
 *
 * @example
 * ```ts
 * cite('gp-regulation', '第十九条');
 * // { documentNo: '国务院令第658号', article: '第十九条', title: '中华人民共和国政府采购法实施条例', confidence: 'confirmed' }
 * ```
 */
export function cite(
  id: PolicyDocumentId,
  article: string,
  confidence?: 'confirmed' | 'secondary' | 'unconfirmed',
): Citation {
  const doc = policyDocuments[id];
  const c: Citation = { documentNo: doc.documentNo, article, title: doc.title };
  if (doc.isLabel) {
    c.label = true;
    if (doc.url !== null) c.url = doc.url;
  }
  c.confidence = confidence ?? doc.confidence;
  return c;
}

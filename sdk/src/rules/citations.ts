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
    title: z.string(),
    issuer: z.string(),
    /** Date of issue, as precise as known (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
    date: z.string().nullable(),
    effectiveFrom: z.string().nullable(),
    confidence: z.enum(['confirmed', 'secondary', 'unconfirmed']),
  })
  .meta({ id: 'PolicyDocument' });
export type PolicyDocument = z.infer<typeof PolicyDocument>;

/**
 * What a finding cites: the document and, where one applies, the article.
 *
 * @example
 * ```ts
 * const c: Citation = { documentNo: '财库〔2022〕3号', article: null, title: '…' };
 * ```
 */
export const Citation = z
  .object({ documentNo: z.string(), article: z.string().nullable(), title: z.string() })
  .meta({ id: 'Citation' });
export type Citation = z.infer<typeof Citation>;

const documents = [
  {
    id: 'gp-law',
    documentNo: '政府采购法',
    title: '中华人民共和国政府采购法',
    issuer: '全国人民代表大会常务委员会',
    date: '2002-06-29',
    effectiveFrom: '2003-01-01',
    confidence: 'confirmed',
  },
  {
    id: 'gp-regulation',
    documentNo: '国务院令第658号',
    title: '中华人民共和国政府采购法实施条例',
    issuer: '国务院',
    date: null,
    effectiveFrom: null,
    confidence: 'confirmed',
  },
  {
    id: 'caiku-2016-125',
    documentNo: '财库〔2016〕125号',
    title: '财政部关于在政府采购活动中查询及使用信用记录有关问题的通知',
    issuer: '财政部',
    date: '2016-08',
    effectiveFrom: null,
    confidence: 'secondary',
  },
  {
    id: 'caiku-2022-3',
    documentNo: '财库〔2022〕3号',
    title: '财政部关于《中华人民共和国政府采购法实施条例》第十九条第一款“较大数额罚款”具体适用问题的意见',
    issuer: '财政部',
    date: '2022-01-05',
    effectiveFrom: '2022-02-08',
    confidence: 'confirmed',
  },
  {
    id: 'administrative-penalty-law',
    documentNo: '行政处罚法',
    title: '中华人民共和国行政处罚法',
    issuer: '全国人民代表大会常务委员会',
    date: null,
    effectiveFrom: null,
    confidence: 'secondary',
  },
  {
    id: 'sat-order-54',
    documentNo: '国家税务总局令第54号',
    title: '重大税收违法失信主体信息公布管理办法',
    issuer: '国家税务总局',
    date: '2021-12-31',
    effectiveFrom: '2022-02-01',
    confidence: 'confirmed',
  },
  {
    id: 'spc-dishonest-list',
    documentNo: '最高人民法院失信被执行人名单规定',
    title: '最高人民法院关于公布失信被执行人名单信息的若干规定（2017年修正）',
    issuer: '最高人民法院',
    date: '2017-01-16',
    effectiveFrom: null,
    confidence: 'confirmed',
  },
  {
    id: 'fa-2016-285',
    documentNo: '法〔2016〕285号',
    title: '关于在招标投标活动中对失信被执行人实施联合惩戒的通知',
    issuer:
      '最高人民法院、国家发展改革委、工业和信息化部、住房城乡建设部、交通运输部、水利部、商务部、国家铁路局、中国民航局',
    date: '2016-08-30',
    effectiveFrom: null,
    confidence: 'secondary',
  },
  {
    id: 'jianjin-2014-148',
    documentNo: '建金〔2014〕148号',
    title: '关于发展住房公积金个人住房贷款业务的通知',
    issuer: '住房城乡建设部、财政部、中国人民银行',
    date: '2014-10-09',
    effectiveFrom: null,
    confidence: 'secondary',
  },
  {
    id: 'hf-lian3lei6-practice',
    documentNo: '连三累六（行业惯例）',
    title: '住房公积金贷款个人征信审核“连三累六”惯例（非全国性规定）',
    issuer: '各地住房公积金管理中心',
    date: null,
    effectiveFrom: null,
    confidence: 'secondary',
  },
  {
    id: 'changchun-hf-2022',
    documentNo: '长春市住房公积金管理中心通知（2021-12-07）',
    title: '长春市住房公积金管理中心关于个人住房公积金贷款信用审核的通知（据公开转述）',
    issuer: '长春市住房公积金管理中心',
    date: '2021-12-07',
    effectiveFrom: '2022-01-01',
    confidence: 'secondary',
  },
  {
    id: 'hohhot-hf-2017',
    documentNo: '内蒙古自治区住房公积金贷款管理办法（呼和浩特 2017 实施）',
    title: '呼和浩特市住房公积金贷款信用审核规定（据公开转述）',
    issuer: '呼和浩特市住房公积金管理中心',
    date: '2017',
    effectiveFrom: null,
    confidence: 'secondary',
  },
  {
    id: 'hangzhou-hf',
    documentNo: '杭州住房公积金贷款信用审核规定',
    title: '杭州住房公积金管理中心个人住房公积金贷款信用审核规定（据公开转述）',
    issuer: '杭州住房公积金管理中心',
    date: null,
    effectiveFrom: null,
    confidence: 'secondary',
  },
  {
    id: 'wuhan-hf',
    documentNo: '武汉住房公积金贷款信用审核规定',
    title: '武汉住房公积金管理中心个人住房公积金贷款信用审核规定（据公开转述）',
    issuer: '武汉住房公积金管理中心',
    date: null,
    effectiveFrom: null,
    confidence: 'secondary',
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
 * A citation of one document, optionally of one article.
 *
 * @example
 * ```ts
 * cite('gp-regulation', '第十九条');
 * // { documentNo: '国务院令第658号', article: '第十九条', title: '中华人民共和国政府采购法实施条例' }
 * ```
 */
export function cite(id: PolicyDocumentId, article: string | null = null): Citation {
  const doc = policyDocuments[id];
  return { documentNo: doc.documentNo, article, title: doc.title };
}

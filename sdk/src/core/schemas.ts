/**
 * Schemas shared by several resources: problem details, text in two languages, grade scales,
 * record sources and the credit-record categories. Resource files hold their own schemas.
 */
import { z } from 'zod';

/**
 * Text shown to people, in Simplified Chinese and English.
 *
 * @example
 * ```ts
 * const label = LocalizedText.parse({ zh: '武汉', en: 'Wuhan' });
 * label.zh; // '武汉'
 * ```
 */
export const LocalizedText = z.object({ zh: z.string(), en: z.string() }).meta({ id: 'LocalizedText' });
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * An ISO 8601 calendar date, `YYYY-MM-DD`, that exists on the calendar.
 *
 * @example
 * ```ts
 * IsoDate.safeParse('2026-11-01').success; // true
 * IsoDate.safeParse('2026/11/01').success; // false
 * IsoDate.safeParse('2026-02-30').success; // false
 * ```
 */
export const IsoDate = z.iso.date({ error: 'expected a calendar date YYYY-MM-DD' });
/**
 * A calendar month, `YYYY-MM`.
 *
 * @example
 * ```ts
 * IsoMonth.safeParse('2026-10').success; // true
 * IsoMonth.safeParse('2026-13').success; // false
 * ```
 */
export const IsoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM');
/**
 * An instant, ISO 8601 with offset.
 *
 * @example
 * ```ts
 * IsoDateTime.safeParse('2026-10-31T14:48:20+08:00').success; // true
 * ```
 */
export const IsoDateTime = z.iso.datetime({ offset: true });

/**
 * Stable machine codes carried by every problem response.
 *
 * @example
 * ```ts
 * if (isAPIError(e) && e.code === 'insufficient_credits') console.log('充值后再试 / top up and retry');
 * ```
 */
export const ProblemCode = z
  .enum([
    'invalid_request',
    'unauthorized',
    'forbidden',
    'not_entitled',
    'not_found',
    'idempotency_conflict',
    'conflict',
    'authorization_required',
    'unprocessable',
    'insufficient_credits',
    'rate_limited',
    'internal',
    'unavailable',
  ])
  .meta({ id: 'ProblemCode' });
export type ProblemCode = z.infer<typeof ProblemCode>;

/**
 * An RFC 9457 problem document (`application/problem+json`).
 *
 * @example
 * ```ts
 * const problem = Problem.parse(await response.json());
 * console.log(problem.status, problem.code, problem.requestId);
 * ```
 */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: ProblemCode,
    message: z.string(),
    requestId: z.string(),
    detail: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

/**
 * The kinds of identifier the API accepts for a subject.
 *
 * @example
 * ```ts
 * const kind: IdentifierKind = 'org_code';
 * ```
 */
export const IdentifierKind = z
  .enum(['uscc', 'org_code', 'reg_no', 'id_card'])
  .meta({ id: 'IdentifierKind' });
export type IdentifierKind = z.infer<typeof IdentifierKind>;

/**
 * Whether a subject is an enterprise (or another organisation with a code) or an individual.
 *
 * @example
 * ```ts
 * const products = await client.products.list({ subjectType: 'individual' });
 * ```
 */
export const SubjectType = z.enum(['enterprise', 'individual']).meta({ id: 'SubjectType' });
export type SubjectType = z.infer<typeof SubjectType>;

/**
 * The 应用目录 domains. A domain id doubles as the purpose of a lookup: personal reports
 * are ordered for one agreed purpose (征信业管理条例 第18条, 第20条).
 *
 * @example
 * ```ts
 * const purpose: DomainId = 'housing_fund_loan';
 * DomainId.options.length; // 7
 * ```
 */
export const DomainId = z
  .enum([
    'government_procurement',
    'tendering',
    'government_investment',
    'market_supervision',
    'credit_lending',
    'housing_fund_loan',
    'public_service',
  ])
  .meta({ id: 'DomainId' });
export type DomainId = z.infer<typeof DomainId>;

/**
 * Where a record was fetched from.
 *
 * @example
 * ```ts
 * const channel: SourceChannel = 'ccgp'; // 中国政府采购网
 * ```
 */
export const SourceChannel = z
  .enum([
    'creditchina',
    'gsxt',
    'zxgk',
    'ccgp',
    'chinatax',
    'jzsc',
    'customs',
    'pbccrc',
    'housing_fund_center',
    'agency',
  ])
  .meta({ id: 'SourceChannel' });
export type SourceChannel = z.infer<typeof SourceChannel>;

/**
 * The channel a record came from and when it was read there.
 *
 * @example
 * ```ts
 * const ref: SourceRef = {
 *   channel: 'ccgp',
 *   url: 'http://www.ccgp.gov.cn/cr/list',
 *   fetchedAt: '2026-10-31T14:48:20+08:00',
 * };
 * ```
 */
export const SourceRef = z
  .object({ channel: SourceChannel, url: z.string(), fetchedAt: IsoDateTime })
  .meta({ id: 'SourceRef' });
export type SourceRef = z.infer<typeof SourceRef>;

/**
 * Whether a channel could be read for this subject. A rule pack turns an `unavailable`
 * channel into an `incomplete` verdict instead of a silent pass.
 *
 * @example
 * ```ts
 * const unread = summary.sources.filter((s) => s.status === 'unavailable').map((s) => s.channel);
 * ```
 */
export const SourceStatus = z
  .object({
    channel: SourceChannel,
    status: z.enum(['ok', 'unavailable']),
    fetchedAt: IsoDateTime.nullable(),
    reason: z.string().optional(),
  })
  .meta({ id: 'SourceStatus' });
export type SourceStatus = z.infer<typeof SourceStatus>;

/**
 * Who issued a grade: a rating agency with its 备案 number, or a public authority.
 *
 * @example
 * ```ts
 * if (grade.issuer.kind === 'rating_agency') console.log(grade.issuer.name.zh, grade.issuer.filingNo);
 * ```
 */
export const Issuer = z
  .object({
    name: LocalizedText,
    kind: z.enum(['rating_agency', 'authority']),
    filingNo: z.string().nullable(),
  })
  .meta({ id: 'Issuer' });
export type Issuer = z.infer<typeof Issuer>;

/**
 * JR/T 0030.2—2006 long-term symbols: +/− on every grade but AAA and CCC and below.
 *
 * @example
 * ```ts
 * PbocLongTermGrade.safeParse('AA+').success; // true
 * PbocLongTermGrade.safeParse('AAA+').success; // false: AAA takes no modifier
 * ```
 */
export const PbocLongTermGrade = z.enum([
  'AAA',
  'AA+',
  'AA',
  'AA-',
  'A+',
  'A',
  'A-',
  'BBB+',
  'BBB',
  'BBB-',
  'BB+',
  'BB',
  'BB-',
  'B+',
  'B',
  'B-',
  'CCC',
  'CC',
  'C',
]);
/**
 * 中小企业信用评价 symbols. Filed rating agencies issue SME ratings on the credit-market scale
 * (三等九级, +/− on AA to B); that SME programmes keep exactly these symbols is unconfirmed, so
 * the scale is its own and never compared with a PBOC rating (decision 0040).
 *
 * @example
 * ```ts
 * SmeCreditGrade.safeParse('BBB-').success; // true
 * SmeCreditGrade.safeParse('AAA+').success; // false
 * ```
 */
export const SmeCreditGrade = z.enum(PbocLongTermGrade.options).meta({ id: 'SmeCreditGrade' });
export type SmeCreditGrade = z.infer<typeof SmeCreditGrade>;
/**
 * JR/T 0030.2—2006 short-term symbols (四等六级), never with +/−.
 *
 * @example
 * ```ts
 * PbocShortTermGrade.safeParse('A-1').success; // true
 * PbocShortTermGrade.safeParse('A+').success; // false
 * ```
 */
export const PbocShortTermGrade = z.enum(['A-1', 'A-2', 'A-3', 'B', 'C', 'D']);
/**
 * 纳税信用级别 (国家税务总局公告2014年第40号, 2018年第8号 added M).
 *
 * @example
 * ```ts
 * TaxCreditGrade.options; // ['A', 'B', 'M', 'C', 'D']
 * ```
 */
export const TaxCreditGrade = z.enum(['A', 'B', 'M', 'C', 'D']).meta({ id: 'TaxCreditGrade' });
export type TaxCreditGrade = z.infer<typeof TaxCreditGrade>;
/**
 * 海关总署令第251号 categories, in force until 2026-03-31.
 *
 * @example
 * ```ts
 * Customs251Grade.options; // ['advanced_certified', 'regular', 'dishonest']
 * ```
 */
export const Customs251Grade = z.enum(['advanced_certified', 'regular', 'dishonest']);
/**
 * 海关总署令第282号 levels, in force from 2026-04-01.
 *
 * @example
 * ```ts
 * Customs282Grade.safeParse('seriously_dishonest').success; // true
 * ```
 */
export const Customs282Grade = z.enum([
  'advanced_certified',
  'certified',
  'regular',
  'dishonest',
  'seriously_dishonest',
]);
/**
 * 公路施工企业信用评价 (交公路发〔2009〕733号).
 *
 * @example
 * ```ts
 * HighwayGrade.options[0]; // 'AA', the highest
 * ```
 */
export const HighwayGrade = z.enum(['AA', 'A', 'B', 'C', 'D']);

const issued = { issuer: Issuer, ratedAt: IsoDate, validUntil: IsoDate.nullable() };

/**
 * A grade on a named scale. The scale decides which symbols are valid, so an "AAA" with no
 * scale or issuer cannot pass as a PBOC rating.
 *
 * @example
 * ```ts
 * const issuer = { name: { zh: '国家税务总局杭州市税务局', en: 'Hangzhou Tax Service' }, kind: 'authority' };
 * const issued = { issuer: { ...issuer, filingNo: null }, ratedAt: '2026-04-10', validUntil: null };
 * Grade.safeParse({ scale: 'tax_credit', value: 'A', year: 2025, ...issued }).success; // true
 * Grade.safeParse({ scale: 'pboc_short_term', value: 'AA', ...issued }).success; // false: long-term symbol
 * ```
 */
export const Grade = z
  .discriminatedUnion('scale', [
    z.object({ scale: z.literal('pboc_long_term'), value: PbocLongTermGrade, ...issued }),
    z.object({ scale: z.literal('pboc_short_term'), value: PbocShortTermGrade, ...issued }),
    z.object({ scale: z.literal('sme_credit'), value: SmeCreditGrade, ...issued }),
    z.object({ scale: z.literal('tax_credit'), value: TaxCreditGrade, year: z.number().int(), ...issued }),
    z.object({ scale: z.literal('customs_251'), value: Customs251Grade, ...issued }),
    z.object({ scale: z.literal('customs_282'), value: Customs282Grade, ...issued }),
    z.object({
      scale: z.literal('highway_construction'),
      value: HighwayGrade,
      year: z.number().int(),
      ...issued,
    }),
    // GB/T 45255-2025 symbols are not confirmed: carried as text, never compared.
    z.object({ scale: z.literal('public_credit'), value: z.string().min(1).max(16), ...issued }),
  ])
  .meta({ id: 'Grade' });
export type Grade = z.infer<typeof Grade>;
/**
 * The scales a {@link Grade} can be on.
 *
 * @example
 * ```ts
 * const scale: GradeScale = 'customs_282';
 * ```
 */
export type GradeScale = Grade['scale'];

/**
 * Lists a subject can be on. Black lists bar or restrict; red lists reward.
 *
 * @example
 * ```ts
 * const listed = summary.lists.some((m) => m.active && m.list === 'dishonest_judgment_debtor');
 * ```
 */
export const ListId = z
  .enum([
    // 财库〔2016〕125号's three lists
    'dishonest_judgment_debtor',
    'major_tax_violation',
    'gp_serious_violation',
    // other black lists
    'serious_illegal_dishonest',
    'abnormal_operation',
    'construction_blacklist',
    'consumption_restricted',
    // red lists (守信激励)
    'tax_a_grade',
    'customs_aeo',
    'contract_abiding',
  ])
  .meta({ id: 'ListId' });
export type ListId = z.infer<typeof ListId>;

/**
 * The categories of credit record a report can carry.
 *
 * @example
 * ```ts
 * const category: RecordCategory = 'administrative_penalty';
 * ```
 */
export const RecordCategory = z
  .enum([
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
    'credit_accounts',
    'housing_fund',
  ])
  .meta({ id: 'RecordCategory' });
export type RecordCategory = z.infer<typeof RecordCategory>;

/**
 * Money in yuan, as a number (the API never sends 万 units).
 *
 * @example
 * ```ts
 * Yuan.parse(2_000_000); // 200万元
 * Yuan.safeParse(-1).success; // false
 * ```
 */
export const Yuan = z.number().nonnegative();

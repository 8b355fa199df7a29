/**
 * Builds one synthetic enterprise: a valid subject (USCC, org code, 注册号), then its grades,
 * records, list memberships and sources, all consistent with each other.
 */
import {
  type CreditRecord,
  computeOrgCodeCheckChar,
  computeRegNoCheckDigit,
  computeUsccCheckChar,
  type Grade,
  isValidIdCard,
  type ListMembership,
  listingInForce,
  listingLastDay,
  listingPeriodEnd,
  type PenaltyKind,
  type SourceChannel,
  type SourceRef,
  type SourceStatus,
  type Subject,
  type TaxCreditGrade,
  USCC_CHARSET,
} from '@xinjian/sdk';
import { RATING_AGENCIES } from './catalog.ts';
import { addDays, addYears, atChinaTime } from './dates.ts';
import { groupThousands } from './format.ts';
import {
  companyName,
  INDUSTRIES,
  nonProfitName,
  publicInstitutionName,
  type Sector,
  soleTraderName,
  zihao,
} from './names.ts';
import { CITIES, type City, cityById, type District, districtCourt } from './places.ts';
import { createRng, deriveSeed, type Rng } from './prng.ts';
import type { EnterpriseSeed } from './schema.ts';

/** A JR/T 0030.2 long-term symbol. */
export type PbocLongTermGrade = Extract<Grade, { scale: 'pboc_long_term' }>['value'];

/** USCC positions 1–2: 91 企业, 92 个体工商户, 12 事业单位, 52 民办非企业单位. */
export type EnterpriseKind = '91' | '92' | '12' | '52';

/** How much history a generated enterprise gets. */
export type Profile = 'clean' | 'random' | 'light';

/** Shared state of one generator run: the dates and the codes and names already taken. */
export interface EnterpriseContext {
  seed: number;
  asOf: string;
  usedCodes: Set<string>;
  usedNames: Set<string>;
}

/** What to generate; every field but `profile` defaults to a random choice. */
export interface EnterpriseSpec {
  profile: Profile;
  tags?: readonly string[];
  note?: string | null;
  kind?: EnterpriseKind;
  cityId?: string;
  /** An industry word from {@link INDUSTRIES}; decides the sector. */
  industry?: string;
  /** A fixed name (same-name pairs); otherwise generated and unique. */
  name?: string;
  layout?: 'short' | 'district' | 'bracket' | 'regionless';
  establishedAt?: string;
  /** Registered before the 2015 reform: digit org code and a 15-digit 注册号. */
  legacy?: boolean;
  /** Tax grades by evaluation year, replacing the generated ones. */
  tax?: Readonly<Record<number, TaxCreditGrade>>;
  pboc?: PbocLongTermGrade;
  /** A 中小企业信用评价 grade; random subjects sometimes get one. */
  sme?: SmeSpec;
  /** Channels that could not be read, with the reason. */
  unavailable?: Readonly<Partial<Record<SourceChannel, string>>>;
  /** Adds the records that make the edge case. */
  add?: (d: Draft) => void;
}

/** An enterprise being built. */
export interface Draft {
  rng: Rng;
  ctx: EnterpriseContext;
  subject: Subject;
  city: City;
  district: District;
  sector: Sector;
  kind: EnterpriseKind;
  records: CreditRecord[];
  grades: Grade[];
  redLists: ListMembership[];
  fetched: Map<SourceChannel, string>;
}

const CHANNEL_ORDER: readonly SourceChannel[] = [
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
];
const STANDARD_CHANNELS: readonly SourceChannel[] = ['creditchina', 'gsxt', 'zxgk', 'ccgp', 'chinatax'];
const BUILDS: readonly Sector[] = ['construction', 'highway', 'design'];
// Org-code body characters that are also USCC characters (the body sits inside the USCC).
const BODY_CHARS = Array.from(USCC_CHARSET);
const DIGITS = Array.from('0123456789');

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function randomDate(rng: Rng, from: string, to: string): string {
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return addDays(from, rng.int(0, span));
}

function chars(rng: Rng, pool: readonly string[], count: number): string {
  let s = '';
  for (let i = 0; i < count; i++) s += rng.pick(pool);
  return s;
}

function orgBody(rng: Rng, kind: EnterpriseKind, legacy: boolean): string {
  if (kind === '12') return `4${chars(rng, DIGITS, 7)}`;
  if (kind === '52') return `MJ${rng.pick(DIGITS)}${chars(rng, BODY_CHARS, 5)}`;
  if (legacy)
    return kind === '92'
      ? `L${chars(rng, DIGITS, 7)}`
      : `${rng.pick(['5', '6', '7'])}${chars(rng, DIGITS, 7)}`;
  return `MA${rng.pick(DIGITS)}${chars(rng, BODY_CHARS, 5)}`;
}

/** Draws codes until the USCC, org code and 注册号 are all unused. */
function makeCodes(
  rng: Rng,
  ctx: EnterpriseContext,
  kind: EnterpriseKind,
  legacy: boolean,
  region: string,
): { uscc: string; orgCode: string; regNo: string | null } {
  for (;;) {
    const body = orgBody(rng, kind, legacy);
    const org9 = body + computeOrgCodeCheckChar(body);
    const first17 = `${kind}${region}${org9}`;
    const uscc = first17 + computeUsccCheckChar(first17);
    let regNo: string | null = null;
    if (legacy && (kind === '91' || kind === '92')) {
      // 顺序码 first digit: 0–3 内资企业, 6–9 个体工商户 (GS 15-2006).
      const lead = kind === '92' ? rng.pick(['6', '7', '8', '9']) : rng.pick(['0', '1', '2', '3']);
      const first14 = `${region}${lead}${chars(rng, DIGITS, 7)}`;
      regNo = first14 + computeRegNoCheckDigit(first14);
    }
    // An all-digit USCC that also passes as an ID number would be read as a person's ID.
    if (isValidIdCard(uscc)) continue;
    if (ctx.usedCodes.has(uscc) || ctx.usedCodes.has(org9) || (regNo !== null && ctx.usedCodes.has(regNo)))
      continue;
    ctx.usedCodes.add(uscc);
    ctx.usedCodes.add(org9);
    if (regNo !== null) ctx.usedCodes.add(regNo);
    return { uscc, orgCode: `${body}-${org9.charAt(8)}`, regNo };
  }
}

function makeName(
  rng: Rng,
  ctx: EnterpriseContext,
  spec: EnterpriseSpec,
  kind: EnterpriseKind,
  city: City,
  district: District,
  industry: string,
): string {
  if (spec.name !== undefined) return spec.name;
  for (;;) {
    const zh = zihao(rng);
    let name: string;
    if (kind === '92') name = soleTraderName(rng, zh, city, district);
    else if (kind === '12') name = publicInstitutionName(rng, zh, city, district);
    else if (kind === '52') name = nonProfitName(rng, zh, city);
    else {
      const parts = { zihao: zh, industry, city, district };
      name = companyName(rng, spec.layout === undefined ? parts : { ...parts, layout: spec.layout });
    }
    if (!ctx.usedNames.has(name)) {
      ctx.usedNames.add(name);
      return name;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Sources

function fetchedAt(d: Draft, channel: SourceChannel): string {
  let at = d.fetched.get(channel);
  if (at === undefined) {
    // A few days before "today": the crawl that produced the data.
    at = atChinaTime(
      addDays(d.ctx.asOf, -d.rng.int(1, 6)),
      d.rng.int(8, 18),
      d.rng.int(0, 59),
      d.rng.int(0, 59),
    );
    d.fetched.set(channel, at);
  }
  return at;
}

/**
 * A source reference on the channel's own site.
 *
 * @example
 * ```ts
 * ref(d, 'ccgp'); // { channel: 'ccgp', url: 'http://www.ccgp.gov.cn/cr/list', fetchedAt: '2026-10-29T…+08:00' }
 * ```
 */
export function ref(d: Draft, channel: SourceChannel, path?: string): SourceRef {
  return { channel, url: path ?? channelUrl(d, channel), fetchedAt: fetchedAt(d, channel) };
}

function channelUrl(d: Draft, channel: SourceChannel): string {
  const u = d.subject.uscc;
  switch (channel) {
    case 'creditchina':
      return `https://www.creditchina.gov.cn/xinyongxinxixiangqing/xyDetail.html?searchState=1&entityType=1&keyword=${u}`;
    case 'gsxt':
      return `https://www.gsxt.gov.cn/corp-query-search-1.html?searchword=${u}`;
    case 'zxgk':
      return 'https://zxgk.court.gov.cn/shixin/';
    case 'ccgp':
      return 'http://www.ccgp.gov.cn/cr/list';
    case 'chinatax':
      return `https://hd.chinatax.gov.cn/nszx/InitCredit.html?nsrsbh=${u}`;
    case 'jzsc':
      return `https://jzsc.mohurd.gov.cn/data/company/detail?id=${deriveSeed(0, u).toString(16).padStart(8, '0')}`;
    case 'customs':
      return `https://credit.customs.gov.cn/ccppserver/ccpp/queryList?uscc=${u}`;
    case 'pbccrc':
      return 'https://ipcrs.pbccrc.org.cn/';
    case 'housing_fund_center':
      return d.city.housingFund.url;
    case 'agency':
      return `${RATING_AGENCIES[0].site}reports/${u}`;
  }
}

function nextId(d: Draft): string {
  return `${d.subject.id}-r${pad(d.records.length + 1)}`;
}

function caseNo(d: Draft, year: number, kind: '执' | '执恢'): string {
  return `（${year}）${districtCourt(d.city, d.district).code}${kind}${d.rng.int(100, 9999)}号`;
}

function docPrefix(d: Draft): string {
  return `${d.city.abbr}${d.district.name.charAt(0)}`;
}

// ---------------------------------------------------------------------------------------------
// Records

const LICENSES: Readonly<Record<Sector, readonly string[]>> = {
  tech: ['增值电信业务经营许可证', '网络文化经营许可证', '信息系统建设和服务能力等级证书备案'],
  construction: [
    '建筑业企业资质证书（建筑工程施工总承包贰级）',
    '安全生产许可证',
    '建筑业企业资质证书（市政公用工程施工总承包叁级）',
  ],
  highway: ['建筑业企业资质证书（公路工程施工总承包贰级）', '安全生产许可证'],
  design: [
    '工程设计资质证书（建筑行业乙级）',
    '工程监理资质证书（房屋建筑工程专业乙级）',
    '工程造价咨询企业备案',
  ],
  manufacturing: ['排污许可证', '第二类医疗器械经营备案凭证', '食品生产许可证', '工业产品生产许可证'],
  trade: ['对外贸易经营者备案登记', '海关进出口货物收发货人备案', '食品经营许可证'],
  service: ['食品经营许可证', '公共场所卫生许可证', '民办学校办学许可证'],
  environment: ['排污许可证', '危险废物经营许可证', '环境污染治理设施运营资质'],
};

/**
 * Adds a 行政许可 record.
 *
 * @example
 * ```ts
 * addLicense(d);
 * ```
 */
export function addLicense(d: Draft): void {
  const date = randomDate(
    d.rng,
    d.subject.establishedAt > '2019-01-01' ? d.subject.establishedAt : '2019-01-01',
    addDays(d.ctx.asOf, -30),
  );
  const title = d.rng.pick(LICENSES[d.sector]);
  const byHousing = title.includes('资质') || title.includes('安全生产');
  d.records.push({
    id: nextId(d),
    source: ref(d, 'creditchina'),
    category: 'administrative_license',
    title,
    authority: byHousing
      ? `${d.city.name}住房和城乡建设局`
      : `${d.city.name}${d.district.name}市场监督管理局`,
    documentNo: `${docPrefix(d)}许〔${date.slice(0, 4)}〕${d.rng.int(10, 9999)}号`,
    date,
    validUntil: d.rng.chance(0.8) ? addYears(date, 5) : null,
  });
}

/** A record without the id and source the draft gives it. */
export type RecordDraft = CreditRecord extends infer R
  ? R extends CreditRecord
    ? Omit<R, 'id' | 'source'>
    : never
  : never;

/**
 * Adds any record, with the next record id and a source on `channel`.
 *
 * @example
 * ```ts
 * addRecord(d, 'creditchina', { category: 'land_resources', kind: 'idle_land', authority: '…', date: '2025-09-12', parcel: '…', description: '…' });
 * ```
 */
export function addRecord(d: Draft, channel: SourceChannel, record: RecordDraft): void {
  d.records.push({ id: nextId(d), source: ref(d, channel), ...record } as CreditRecord);
}

/** A penalty's facts; the authority defaults to the district's 市场监督管理局. */
export interface PenaltySpec {
  decidedAt: string;
  kinds: readonly PenaltyKind[];
  amountYuan: number | null;
  reason: string;
  sector: string;
  authority?: string;
}

/**
 * Adds a 行政处罚 record.
 *
 * @example
 * ```ts
 * addPenalty(d, { decidedAt: '2025-06-18', kinds: ['fine'], amountYuan: 2_000_000, reason: '…', sector: 'market_regulation' });
 * ```
 */
export function addPenalty(d: Draft, p: PenaltySpec): void {
  const authority = p.authority ?? `${d.city.name}${d.district.name}市场监督管理局`;
  const short = authority.includes('税务')
    ? '税'
    : authority.includes('应急')
      ? '应急'
      : authority.includes('生态')
        ? '环'
        : '市监';
  d.records.push({
    id: nextId(d),
    source: ref(d, 'creditchina'),
    category: 'administrative_penalty',
    authority,
    documentNo: `${docPrefix(d)}${short}罚〔${p.decidedAt.slice(0, 4)}〕${d.rng.int(1, 999)}号`,
    decidedAt: p.decidedAt,
    kinds: [...p.kinds],
    amountYuan: p.amountYuan,
    reason: p.reason,
    sector: p.sector,
  });
}

/**
 * Adds a 法院强制执行 case.
 *
 * @example
 * ```ts
 * addEnforcement(d, { filedAt: '2024-09-02', status: 'executing', amountYuan: 1_286_400 });
 * ```
 */
export function addEnforcement(
  d: Draft,
  e: { filedAt: string; status: 'executing' | 'closed'; amountYuan: number | null; caseNo?: string },
): string {
  const no = e.caseNo ?? caseNo(d, Number(e.filedAt.slice(0, 4)), '执');
  d.records.push({
    id: nextId(d),
    source: ref(d, 'zxgk', 'https://zxgk.court.gov.cn/zhzxgk/'),
    category: 'court_enforcement',
    court: districtCourt(d.city, d.district).name,
    caseNo: no,
    filedAt: e.filedAt,
    status: e.status,
    amountYuan: e.amountYuan,
  });
  return no;
}

/**
 * Adds a 失信被执行人 listing, with the enforcement case behind it.
 *
 * @example
 * ```ts
 * addDishonest(d, { listedAt: '2025-04-16', expiresAt: '2027-04-16', removedAt: null, enforcement: 'executing' });
 * ```
 */
export function addDishonest(
  d: Draft,
  l: {
    listedAt: string;
    expiresAt: string | null;
    removedAt: string | null;
    enforcement: 'executing' | 'closed';
  },
): void {
  const amount = d.rng.int(80, 3200) * 1000 + d.rng.int(0, 9) * 100;
  const filedAt = addDays(l.listedAt, -d.rng.int(60, 200));
  const no = addEnforcement(d, { filedAt, status: l.enforcement, amountYuan: amount });
  d.records.push({
    id: nextId(d),
    source: ref(d, 'zxgk'),
    category: 'dishonest_judgment_debtor',
    court: districtCourt(d.city, d.district).name,
    caseNo: no,
    listedAt: l.listedAt,
    expiresAt: l.expiresAt,
    removedAt: l.removedAt,
    obligation: `支付工程款及利息共计人民币 ${groupThousands(amount)} 元`,
  });
}

/**
 * Adds a 重大税收违法失信主体 listing.
 *
 * @example
 * ```ts
 * addMajorTax(d, { listedAt: '2025-10-28', removedAt: null, caseNature: '虚开增值税专用发票' });
 * ```
 */
export function addMajorTax(
  d: Draft,
  t: { listedAt: string; removedAt: string | null; caseNature: string },
): void {
  d.records.push({
    id: nextId(d),
    source: ref(d, 'chinatax', 'https://hd.chinatax.gov.cn/xxk/'),
    category: 'major_tax_violation',
    authority: `国家税务总局${d.city.name}税务局稽查局`,
    listedAt: t.listedAt,
    removedAt: t.removedAt,
    caseNature: t.caseNature,
  });
}

/**
 * Adds a 政府采购严重违法失信行为记录 (a ban from government procurement).
 *
 * @example
 * ```ts
 * addGpBan(d, { banFrom: '2026-05-12', banUntil: '2027-05-11', reason: '提供虚假材料谋取中标、成交' });
 * ```
 */
export function addGpBan(d: Draft, b: { banFrom: string; banUntil: string; reason: string }): void {
  d.records.push({
    id: nextId(d),
    source: ref(d, 'ccgp'),
    category: 'gp_serious_violation',
    authority: `${d.city.name}财政局`,
    decisionNo: `${d.city.abbr}财采处〔${b.banFrom.slice(0, 4)}〕${d.rng.int(1, 60)}号`,
    banFrom: b.banFrom,
    banUntil: b.banUntil,
    reason: b.reason,
  });
}

/**
 * Adds a 经营异常名录 listing.
 *
 * @example
 * ```ts
 * addAbnormal(d, { listedAt: '2026-06-20', removedAt: null, reason: '通过登记的住所或者经营场所无法联系' });
 * ```
 */
export function addAbnormal(
  d: Draft,
  a: { listedAt: string; removedAt: string | null; reason: string },
): void {
  d.records.push({
    id: nextId(d),
    source: ref(d, 'gsxt'),
    category: 'abnormal_operation',
    authority: `${d.city.name}${d.district.name}市场监督管理局`,
    listedAt: a.listedAt,
    removedAt: a.removedAt,
    reason: a.reason,
  });
}

const TAX_SCORES: readonly (readonly [TaxCreditGrade, number])[] = [
  ['A', 22],
  ['B', 60],
  ['C', 12],
  ['D', 3],
];

/** The evaluation years "today" knows: the last three published (April of the next year). */
function taxYears(asOf: string): number[] {
  const y = Number(asOf.slice(0, 4));
  // Results for year Y are out by late April of Y+1.
  const latest = asOf.slice(5) >= '05-01' ? y - 1 : y - 2;
  return [latest - 2, latest - 1, latest];
}

/**
 * Sets the tax credit grades: one `tax_credit` grade and one record per evaluation year.
 *
 * @example
 * ```ts
 * setTax(d, { 2023: 'B', 2024: 'A', 2025: 'A' });
 * ```
 */
export function setTax(d: Draft, grades: Readonly<Record<number, TaxCreditGrade>>): void {
  const issuer = {
    name: {
      zh: `国家税务总局${d.city.name}税务局`,
      en: `${d.city.en} Tax Service, State Taxation Administration`,
    },
    kind: 'authority' as const,
    filingNo: null,
  };
  for (const year of Object.keys(grades).map(Number).sort()) {
    const value = grades[year];
    if (value === undefined) continue;
    const ratedAt = `${year + 1}-04-${pad(d.rng.int(8, 25))}`;
    d.grades.push({ scale: 'tax_credit', value, year, issuer, ratedAt, validUntil: null });
    d.records.push({ id: nextId(d), source: ref(d, 'chinatax'), category: 'tax_credit', year, grade: value });
  }
}

function generatedTax(d: Draft, clean: boolean): Record<number, TaxCreditGrade> {
  const out: Record<number, TaxCreditGrade> = {};
  const founded = Number(d.subject.establishedAt.slice(0, 4));
  let prev: TaxCreditGrade | null = null;
  for (const year of taxYears(d.ctx.asOf)) {
    if (year < founded) continue;
    // 新设立企业 are graded M in their first evaluation year.
    let g: TaxCreditGrade = year === founded ? 'M' : clean ? 'B' : d.rng.weighted(TAX_SCORES);
    if (prev !== null && prev !== 'M' && d.rng.chance(0.6)) g = prev;
    out[year] = g;
    prev = g;
  }
  return out;
}

/**
 * Adds a PBOC-scale long-term grade from one of the rating agencies (with its 备案 number).
 *
 * @example
 * ```ts
 * addPboc(d, 'AA+');
 * ```
 */
export function addPboc(d: Draft, value: PbocLongTermGrade, ratedAt?: string): void {
  const agency = d.rng.pick(RATING_AGENCIES);
  const at = ratedAt ?? addDays(d.ctx.asOf, -d.rng.int(20, 330));
  ref(d, 'agency', `${agency.site}reports/${d.subject.uscc}`);
  d.grades.push({
    scale: 'pboc_long_term',
    value,
    issuer: {
      name: { zh: agency.name.zh, en: agency.name.en },
      kind: 'rating_agency',
      filingNo: agency.filingNo,
    },
    ratedAt: at,
    validUntil: addYears(at, 1),
  });
  if (d.rng.chance(0.15)) {
    d.grades.push({
      scale: 'pboc_short_term',
      value: value.startsWith('AA') ? 'A-1' : value.startsWith('A') ? 'A-2' : 'A-3',
      issuer: {
        name: { zh: agency.name.zh, en: agency.name.en },
        kind: 'rating_agency',
        filingNo: agency.filingNo,
      },
      ratedAt: at,
      validUntil: addYears(at, 1),
    });
  }
}

/** How an SME rating is issued: by a filed agency (default), valid one year from `ratedAt`. */
export interface SmeSpec {
  value: PbocLongTermGrade;
  ratedAt?: string;
  validUntil?: string | null;
}

/**
 * Adds a 中小企业信用评价 grade from a filed rating agency. It draws from its own PRNG stream, so
 * giving a subject an SME rating changes nothing else about it.
 *
 * @example
 * ```ts
 * addSme(d, { value: 'BB+' });
 * ```
 */
export function addSme(d: Draft, spec: SmeSpec): void {
  const rng = createRng(deriveSeed(d.ctx.seed, 'sme', d.subject.id));
  const agency = rng.pick(RATING_AGENCIES);
  const at = spec.ratedAt ?? addDays(d.ctx.asOf, -rng.int(20, 300));
  if (!d.fetched.has('agency'))
    d.fetched.set('agency', atChinaTime(addDays(d.ctx.asOf, -rng.int(1, 6)), rng.int(8, 18), rng.int(0, 59)));
  d.grades.push({
    scale: 'sme_credit',
    value: spec.value,
    issuer: {
      name: { zh: agency.name.zh, en: agency.name.en },
      kind: 'rating_agency',
      filingNo: agency.filingNo,
    },
    ratedAt: at,
    validUntil: spec.validUntil === undefined ? addYears(at, 1) : spec.validUntil,
  });
}

const SME_RANDOM: readonly (readonly [PbocLongTermGrade, number])[] = [
  ['AA', 4],
  ['AA-', 6],
  ['A+', 10],
  ['A', 14],
  ['A-', 12],
  ['BBB+', 10],
  ['BBB', 8],
  ['BBB-', 5],
  ['BB+', 3],
  ['BB', 2],
  ['B', 1],
];

const PBOC_RANDOM: readonly (readonly [PbocLongTermGrade, number])[] = [
  ['AAA', 3],
  ['AA+', 6],
  ['AA', 12],
  ['AA-', 10],
  ['A+', 12],
  ['A', 14],
  ['A-', 10],
  ['BBB+', 8],
  ['BBB', 8],
  ['BBB-', 5],
  ['BB+', 3],
  ['BB', 2],
  ['BB-', 2],
  ['B+', 1],
  ['B', 1],
  ['B-', 1],
  ['CCC', 0.5],
  ['CC', 0.3],
  ['C', 0.2],
];

function addCustoms(d: Draft): void {
  const issuer = {
    name: { zh: `${d.city.short}海关`, en: `${d.city.en} Customs` },
    kind: 'authority' as const,
    filingNo: null,
  };
  ref(d, 'customs');
  const old = d.rng.weighted<'advanced_certified' | 'regular' | 'dishonest'>([
    ['advanced_certified', 12],
    ['regular', 84],
    ['dishonest', 4],
  ]);
  // 令第251号 stopped applying on 2026-03-31; its grades were all given before that.
  d.grades.push({
    scale: 'customs_251',
    value: old,
    issuer,
    ratedAt: randomDate(d.rng, '2023-06-01', '2026-03-20'),
    validUntil: '2026-03-31',
  });
  if (d.rng.chance(0.6)) {
    const value =
      old === 'advanced_certified'
        ? d.rng.pick(['advanced_certified', 'certified'] as const)
        : old === 'dishonest'
          ? 'dishonest'
          : d.rng.chance(0.1)
            ? 'certified'
            : 'regular';
    d.grades.push({
      scale: 'customs_282',
      value,
      issuer,
      ratedAt: randomDate(d.rng, '2026-04-01', addDays(d.ctx.asOf, -10)),
      validUntil: null,
    });
  }
}

function addHighway(d: Draft): void {
  const issuer = {
    name: { zh: '交通运输部', en: 'Ministry of Transport' },
    kind: 'authority' as const,
    filingNo: null,
  };
  const years = taxYears(d.ctx.asOf).slice(1);
  let g = d.rng.weighted<'AA' | 'A' | 'B' | 'C' | 'D'>([
    ['AA', 20],
    ['A', 50],
    ['B', 25],
    ['C', 4],
    ['D', 1],
  ]);
  for (const year of years) {
    d.grades.push({
      scale: 'highway_construction',
      value: g,
      year,
      issuer,
      ratedAt: `${year + 1}-03-${pad(d.rng.int(5, 28))}`,
      validUntil: null,
    });
    if (d.rng.chance(0.3)) g = d.rng.pick(['AA', 'A', 'B'] as const);
  }
}

const PUBLIC_BUYERS = [
  '教育局',
  '卫生健康委员会',
  '城市管理局',
  '水务局',
  '交通运输局',
  '人民医院',
  '实验中学',
];

function addContract(d: Draft, result: 'performed' | 'breached'): void {
  const date = randomDate(d.rng, '2022-01-01', addDays(d.ctx.asOf, -20));
  d.records.push({
    id: nextId(d),
    source: ref(d, 'creditchina'),
    category: 'contract_performance',
    counterparty:
      result === 'performed'
        ? `${d.city.name}${d.district.name}${d.rng.pick(PUBLIC_BUYERS)}`
        : `${d.city.short}${zihao(d.rng)}置业有限公司`,
    result,
    date,
    description:
      result === 'performed'
        ? '政府采购合同按期履约，验收合格'
        : '未按合同约定期限交付，经仲裁裁决承担违约责任',
  });
}

function addQuality(d: Draft, result: 'pass' | 'fail'): void {
  d.records.push({
    id: nextId(d),
    source: ref(d, 'gsxt'),
    category: 'product_quality',
    kind: 'spot_check',
    authority: `${d.city.name}市场监督管理局`,
    product: d.rng.pick([
      '电线电缆',
      '医用外科口罩',
      '电动自行车充电器',
      '预包装食品',
      '办公用纸',
      'LED 灯具',
    ]),
    result,
    date: randomDate(d.rng, '2023-01-01', addDays(d.ctx.asOf, -15)),
  });
}

function addConstruction(d: Draft, kind: 'good' | 'bad'): void {
  d.records.push({
    id: nextId(d),
    source: ref(d, 'jzsc'),
    category: 'construction',
    kind,
    authority: `${d.city.name}住房和城乡建设局`,
    date: randomDate(d.rng, '2022-06-01', addDays(d.ctx.asOf, -15)),
    until: null,
    description:
      kind === 'good'
        ? d.rng.pick(['承建项目获评市级安全文明标准化工地', '承建项目获评省级优质工程'])
        : d.rng.pick([
            '施工现场未按规定设置安全防护设施，予以通报批评',
            '未按规定履行工程质量安全责任，记不良行为一次',
          ]),
  });
}

function addEnvironmental(d: Draft, kind: 'violation' | 'rating'): void {
  d.records.push({
    id: nextId(d),
    source: ref(d, 'creditchina'),
    category: 'environmental',
    kind,
    grade: kind === 'rating' ? 'trustworthy' : null,
    authority: `${d.city.name}生态环境局`,
    date: randomDate(d.rng, '2023-01-01', addDays(d.ctx.asOf, -15)),
    until: null,
    description: kind === 'rating' ? '企业环境信用评价：环保诚信企业' : '超标排放大气污染物，已责令改正',
  });
}

function addWorkSafety(d: Draft, kind: 'accident' | 'violation' | 'commendation'): void {
  d.records.push({
    id: nextId(d),
    source: ref(d, 'creditchina'),
    category: 'work_safety',
    kind,
    authority: `${d.city.name}应急管理局`,
    date: randomDate(d.rng, '2023-01-01', addDays(d.ctx.asOf, -15)),
    until: null,
    description:
      kind === 'commendation'
        ? '安全生产标准化三级达标企业'
        : kind === 'violation'
          ? '未按规定对从业人员进行安全生产教育和培训'
          : '施工作业中发生一般生产安全事故（1 人受伤）',
  });
}

const SMALL_PENALTIES: readonly (readonly [string, string, string])[] = [
  ['发布违法广告', 'market_regulation', '市场监督管理局'],
  ['未按规定期限办理纳税申报和报送纳税资料', 'taxation', '税务局'],
  ['未落实施工扬尘污染防治措施', 'ecology_environment', '生态环境局'],
  ['未按规定开展安全生产教育和培训', 'emergency_management', '应急管理局'],
  ['销售的商品标签标识不符合规定', 'market_regulation', '市场监督管理局'],
];

function addSmallPenalty(d: Draft): void {
  const [reason, sector, office] = d.rng.pick(SMALL_PENALTIES);
  const fine = d.rng.chance(0.8);
  const authority =
    office === '税务局'
      ? `国家税务总局${d.city.name}${d.district.name}税务局`
      : `${d.city.name}${d.district.name}${office}`;
  addPenalty(d, {
    decidedAt: randomDate(d.rng, '2021-06-01', addDays(d.ctx.asOf, -10)),
    kinds: fine ? ['fine'] : ['warning'],
    amountYuan: fine ? d.rng.int(2, 150) * 1000 : null,
    reason,
    sector,
    authority,
  });
}

function contractAbiding(d: Draft): void {
  const year = d.rng.pick(taxYears(d.ctx.asOf).slice(1));
  d.redLists.push({
    list: 'contract_abiding',
    kind: 'red',
    since: `${year + 1}-06-${pad(d.rng.int(1, 28))}`,
    until: null,
    active: true,
  });
}

function fillClean(d: Draft): void {
  addLicense(d);
  if (d.rng.chance(0.4)) addContract(d, 'performed');
  if (BUILDS.includes(d.sector)) addConstruction(d, 'good');
  if (d.sector === 'highway') addHighway(d);
}

function fillRandom(d: Draft): void {
  const r = d.rng;
  addLicense(d);
  if (r.chance(0.35)) addLicense(d);
  const plain = d.kind === '91' || d.kind === '92';
  if (plain && r.chance(0.2)) addSmallPenalty(d);
  if (r.chance(0.3)) addContract(d, 'performed');
  if (plain && r.chance(0.03)) addContract(d, 'breached');
  if (r.chance(0.08)) contractAbiding(d);
  if (d.sector === 'manufacturing') {
    if (r.chance(0.5)) addQuality(d, r.chance(0.9) ? 'pass' : 'fail');
    if (r.chance(0.3)) addCustoms(d);
  }
  if (d.sector === 'trade' && r.chance(0.7)) addCustoms(d);
  if (d.sector === 'manufacturing' || d.sector === 'environment') {
    if (r.chance(0.2)) addEnvironmental(d, r.chance(0.75) ? 'rating' : 'violation');
  }
  if (BUILDS.includes(d.sector)) {
    if (r.chance(0.45)) addConstruction(d, r.chance(0.8) ? 'good' : 'bad');
    if (r.chance(0.15))
      addWorkSafety(
        d,
        r.weighted([
          ['commendation', 6],
          ['violation', 3],
          ['accident', 1],
        ]),
      );
    if (d.sector === 'highway' && r.chance(0.85)) addHighway(d);
  }
  if (plain) {
    if (r.chance(0.06))
      addEnforcement(d, {
        filedAt: randomDate(r, '2021-01-01', '2025-12-31'),
        status: 'closed',
        amountYuan: r.int(10, 800) * 1000,
      });
    if (r.chance(0.01))
      addEnforcement(d, {
        filedAt: randomDate(r, '2025-06-01', addDays(d.ctx.asOf, -20)),
        status: 'executing',
        amountYuan: r.int(10, 800) * 1000,
      });
    if (r.chance(0.025)) {
      const listedAt = randomDate(r, '2021-01-01', '2024-06-30');
      addDishonest(d, {
        listedAt,
        expiresAt: listingPeriodEnd(listedAt, 2),
        removedAt: addDays(listedAt, r.int(30, 300)),
        enforcement: 'closed',
      });
    }
    if (r.chance(0.07)) {
      const listedAt = randomDate(r, '2021-01-01', '2025-12-31');
      addAbnormal(d, {
        listedAt,
        removedAt: addDays(listedAt, r.int(20, 200)),
        reason: '未依照规定期限公示年度报告',
      });
    } else if (r.chance(0.015)) {
      addAbnormal(d, {
        listedAt: randomDate(r, '2026-01-01', addDays(d.ctx.asOf, -10)),
        removedAt: null,
        reason: '未依照规定期限公示年度报告',
      });
    }
    if (r.chance(0.005)) {
      const listedAt = randomDate(r, '2020-01-01', '2022-12-31');
      d.records.push({
        id: nextId(d),
        source: ref(d, 'gsxt'),
        category: 'serious_illegal_dishonest',
        authority: `${d.city.name}市场监督管理局`,
        listedAt,
        removedAt: addYears(listedAt, 3),
        reason: '被列入经营异常名录届满3年仍未履行相关义务',
      });
    }
  }
  if (d.kind === '91' && r.chance(0.35)) addPboc(d, r.weighted(PBOC_RANDOM));
}

function fillLight(d: Draft): void {
  addLicense(d);
  const r = d.rng;
  if (r.chance(0.08)) addSmallPenalty(d);
  if (r.chance(0.01)) {
    addAbnormal(d, {
      listedAt: randomDate(r, '2026-01-01', addDays(d.ctx.asOf, -10)),
      removedAt: null,
      reason: '未依照规定期限公示年度报告',
    });
  }
  if (r.chance(0.005)) {
    const listedAt = randomDate(r, '2025-01-01', '2026-06-30');
    addDishonest(d, {
      listedAt,
      expiresAt: listingPeriodEnd(listedAt, 2),
      removedAt: null,
      enforcement: 'executing',
    });
  }
  if (d.kind === '91' && r.chance(0.1)) addPboc(d, r.weighted(PBOC_RANDOM));
}

// ---------------------------------------------------------------------------------------------
// Lists and sources

/**
 * The list memberships the records and grades imply, as of `asOf`: a 失信被执行人 record is a
 * black-list membership (in force as {@link listingInForce} says, `until` its last day), a tax A grade in the latest year
 * is the tax_a_grade red list, an AEO customs grade is customs_aeo.
 *
 * @example
 * ```ts
 * deriveLists(records, grades, [], '2026-11-01'); // [{ list: 'dishonest_judgment_debtor', kind: 'black', … }]
 * ```
 */
export function deriveLists(
  records: readonly CreditRecord[],
  grades: readonly Grade[],
  extra: readonly ListMembership[],
  asOf: string,
): ListMembership[] {
  const out: ListMembership[] = [];
  for (const r of records) {
    switch (r.category) {
      case 'dishonest_judgment_debtor':
      case 'major_tax_violation':
      case 'abnormal_operation':
      case 'serious_illegal_dishonest':
        // The SDK's rule for a listing's last day, so the summary and the record agree.
        out.push({
          list: r.category,
          kind: 'black',
          since: r.listedAt,
          until: listingLastDay(r),
          active: listingInForce(r, asOf),
        });
        break;
      case 'gp_serious_violation':
        out.push({
          list: 'gp_serious_violation',
          kind: 'black',
          since: r.banFrom,
          until: r.banUntil,
          active: r.banFrom <= asOf && asOf <= r.banUntil,
        });
        break;
      default:
        break;
    }
  }
  let latestTax: Extract<Grade, { scale: 'tax_credit' }> | undefined;
  let latestCustoms: Extract<Grade, { scale: 'customs_251' | 'customs_282' }> | undefined;
  for (const g of grades) {
    if (g.scale === 'tax_credit' && (latestTax === undefined || g.year > latestTax.year)) latestTax = g;
    if (
      (g.scale === 'customs_251' || g.scale === 'customs_282') &&
      (latestCustoms === undefined || g.ratedAt > latestCustoms.ratedAt)
    ) {
      latestCustoms = g;
    }
  }
  if (latestTax?.value === 'A')
    out.push({ list: 'tax_a_grade', kind: 'red', since: latestTax.ratedAt, until: null, active: true });
  if (
    latestCustoms !== undefined &&
    (latestCustoms.value === 'advanced_certified' || latestCustoms.value === 'certified')
  ) {
    out.push({ list: 'customs_aeo', kind: 'red', since: latestCustoms.ratedAt, until: null, active: true });
  }
  out.push(...extra);
  return out.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.list < b.list ? -1 : 1));
}

function buildSources(
  d: Draft,
  unavailable: Readonly<Partial<Record<SourceChannel, string>>>,
): SourceStatus[] {
  const wanted = new Set<SourceChannel>([...STANDARD_CHANNELS, ...d.fetched.keys()]);
  if (BUILDS.includes(d.sector)) wanted.add('jzsc');
  const out: SourceStatus[] = [];
  for (const channel of CHANNEL_ORDER) {
    if (!wanted.has(channel)) continue;
    const reason = unavailable[channel];
    if (reason !== undefined) out.push({ channel, status: 'unavailable', fetchedAt: null, reason });
    else out.push({ channel, status: 'ok', fetchedAt: fetchedAt(d, channel) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function sectorOf(industry: string): Sector {
  const hit = INDUSTRIES.find(([word]) => word === industry);
  if (hit === undefined) throw new RangeError(`unknown industry ${industry}`);
  return hit[1];
}

/**
 * Generates one enterprise from its own PRNG stream (seeded by the run seed and `id`).
 *
 * @example
 * ```ts
 * const ctx = { seed: 1, asOf: '2026-11-01', usedCodes: new Set(), usedNames: new Set() };
 * buildEnterprise(ctx, 'ent-0001', { profile: 'clean', tags: ['edge:clean'] }).subject.uscc; // 18 characters, valid
 * ```
 */
export function buildEnterprise(ctx: EnterpriseContext, id: string, spec: EnterpriseSpec): EnterpriseSeed {
  const rng = createRng(deriveSeed(ctx.seed, 'enterprise', id));
  const kind: EnterpriseKind =
    spec.kind ??
    (spec.profile === 'clean'
      ? '91'
      : rng.weighted<EnterpriseKind>([
          ['91', 88],
          ['92', 4],
          ['12', 4],
          ['52', 4],
        ]));
  const city = spec.cityId === undefined ? rng.pick(CITIES) : cityById(spec.cityId);
  const district = rng.pick(city.districts);
  const industry =
    spec.industry ??
    (kind === '91'
      ? rng.pick(INDUSTRIES)[0]
      : kind === '92'
        ? '商贸'
        : kind === '12'
          ? '工程咨询'
          : '物业管理');
  const sector = kind === '52' ? 'service' : sectorOf(industry);
  const legacy =
    spec.legacy ??
    (spec.establishedAt === undefined
      ? kind === '12' || ((kind === '91' || kind === '92') && rng.chance(0.34))
      : spec.establishedAt < '2015-10-01');
  const establishedAt =
    spec.establishedAt ??
    (kind === '12'
      ? randomDate(rng, '1992-01-01', '2012-12-31')
      : legacy
        ? randomDate(rng, '1998-01-01', '2015-09-30')
        : randomDate(rng, '2015-10-01', addYears(ctx.asOf, -1)));
  const cityLevel = kind !== '92' && rng.chance(0.15);
  const region = cityLevel
    ? { code: city.code, name: city.name }
    : { code: district.code, name: `${city.name}${district.name}` };
  const codes = makeCodes(rng, ctx, kind, legacy, region.code);
  const name = makeName(rng, ctx, spec, kind, city, district, industry);
  let status: Subject['status'] = 'active';
  if (spec.profile !== 'clean' && spec.tags === undefined) {
    status = rng.weighted<Subject['status']>([
      ['active', 97],
      ['cancelled', 2],
      ['revoked', 1],
    ]);
  }
  const subject: Subject = {
    id,
    name,
    uscc: codes.uscc,
    orgCode: codes.orgCode,
    regNo: codes.regNo,
    region,
    establishedAt,
    status,
  };
  const d: Draft = {
    rng,
    ctx,
    subject,
    city,
    district,
    sector,
    kind,
    records: [],
    grades: [],
    redLists: [],
    fetched: new Map(),
  };

  let tax = spec.tax ?? generatedTax(d, spec.profile === 'clean');
  if (spec.profile === 'light' && spec.tax === undefined) {
    // Large sets keep only the latest evaluation year.
    const latest = Math.max(...Object.keys(tax).map(Number));
    tax = tax[latest] === undefined ? {} : { [latest]: tax[latest] };
  }
  setTax(d, tax);
  if (spec.pboc !== undefined) addPboc(d, spec.pboc);
  if (spec.profile === 'clean') fillClean(d);
  else if (spec.profile === 'random') fillRandom(d);
  else fillLight(d);
  if (status === 'revoked') {
    addPenalty(d, {
      decidedAt: randomDate(rng, '2019-01-01', '2022-06-30'),
      kinds: ['license_revocation'],
      amountYuan: null,
      reason: '成立后无正当理由超过六个月未开业，吊销营业执照',
      sector: 'market_regulation',
    });
  }
  spec.add?.(d);
  if (spec.sme !== undefined) addSme(d, spec.sme);
  else if (spec.profile === 'random' && kind === '91') {
    const sme = createRng(deriveSeed(ctx.seed, 'sme-draw', id));
    if (sme.chance(0.15)) addSme(d, { value: sme.weighted(SME_RANDOM) });
  }

  return {
    subject,
    grades: d.grades,
    lists: deriveLists(d.records, d.grades, d.redLists, ctx.asOf),
    records: d.records,
    sources: buildSources(d, spec.unavailable ?? {}),
    tags: [...(spec.tags ?? [])],
    note: spec.note ?? null,
  };
}

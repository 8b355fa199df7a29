/**
 * Read-only views over the seed data: lookups by every identifier kind, identifier
 * classification with the SDK toolkit, subject search, rating summaries and report content.
 */
import {
  type CreditRecord,
  type EnterpriseReportContent,
  type IndividualReportContent,
  type LocalizedText,
  maskIdCard,
  type Product,
  parseIdCard,
  parseOrgCode,
  parseRegNo,
  parseUscc,
  type RatingSummary,
  ScreeningRecord,
  type SubjectMatch,
  type SubjectSearchResult,
} from '@xinjian/sdk';
import type { EnterpriseSeed, IndividualSeed, KeySeed, SeedData } from '../../seeds/schema.ts';

/** Indexes over one seed data set. */
export interface Catalog {
  seeds: SeedData;
  products: Product[];
  productsById: Map<string, Product>;
  keys: Map<string, KeySeed>;
  enterprisesByCode: Map<string, EnterpriseSeed>;
  enterprisesByName: Map<string, EnterpriseSeed[]>;
  individualsById: Map<string, IndividualSeed>;
}

/** Full-width brackets, spaces and case must not split one company name into two. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

const stripHyphen = (s: string) => s.replace(/-/g, '').toUpperCase();

export function buildCatalog(seeds: SeedData): Catalog {
  const enterprisesByCode = new Map<string, EnterpriseSeed>();
  const enterprisesByName = new Map<string, EnterpriseSeed[]>();
  for (const e of seeds.enterprises) {
    enterprisesByCode.set(`uscc:${e.subject.uscc.toUpperCase()}`, e);
    enterprisesByCode.set(`org_code:${stripHyphen(e.subject.orgCode)}`, e);
    if (e.subject.regNo !== null) enterprisesByCode.set(`reg_no:${e.subject.regNo}`, e);
    const name = normalizeName(e.subject.name);
    const same = enterprisesByName.get(name);
    if (same) same.push(e);
    else enterprisesByName.set(name, [e]);
  }
  const products = [...seeds.products].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    seeds,
    products,
    productsById: new Map(products.map((p) => [p.id, p])),
    keys: new Map(seeds.keys.map((k) => [k.key, k])),
    enterprisesByCode,
    enterprisesByName,
    individualsById: new Map(seeds.individuals.map((i) => [i.idNumber.toUpperCase(), i])),
  };
}

/**
 * What an identifier string is. 18-character values that are valid ID numbers are personal
 * first, as in the SDK's `findIdentifiers`: a person's number must never reach an enterprise
 * lookup by accident.
 */
export type Classified =
  | { kind: 'uscc' | 'org_code' | 'reg_no' | 'id_card'; value: string }
  | { kind: 'invalid'; message: LocalizedText; expectedCheckChar: string | null; looksPersonal: boolean };

const ID_SHAPE = /^\d{17}[\dXx]$/;

export function classifyIdentifier(raw: string, asOf: Date): Classified {
  const s = raw.trim();
  if (s.length === 18) {
    const id = parseIdCard(s, { asOf });
    if (id.ok) return { kind: 'id_card', value: id.value };
    const uscc = parseUscc(s);
    if (uscc.ok) return { kind: 'uscc', value: uscc.value };
    // All digits with a real birth date and a bad check digit: a mistyped ID number.
    if (ID_SHAPE.test(s) && id.reason === 'checksum') {
      return {
        kind: 'invalid',
        message: id.message,
        expectedCheckChar: id.expectedCheckChar ?? null,
        looksPersonal: true,
      };
    }
    return {
      kind: 'invalid',
      message: uscc.message,
      expectedCheckChar: uscc.expectedCheckChar ?? null,
      looksPersonal: false,
    };
  }
  if (s.length === 15 && /^\d{15}$/.test(s)) {
    const reg = parseRegNo(s);
    if (reg.ok) return { kind: 'reg_no', value: reg.value };
    return {
      kind: 'invalid',
      message: reg.message,
      expectedCheckChar: reg.expectedCheckChar ?? null,
      looksPersonal: false,
    };
  }
  if (s.length === 9 || (s.length === 10 && s.charAt(8) === '-')) {
    const org = parseOrgCode(s);
    if (org.ok) return { kind: 'org_code', value: org.value };
    return {
      kind: 'invalid',
      message: org.message,
      expectedCheckChar: org.expectedCheckChar ?? null,
      looksPersonal: false,
    };
  }
  return {
    kind: 'invalid',
    message: {
      zh: `无法识别的标识：应为统一社会信用代码（18 位）、组织机构代码（9 位，可含连字符）或注册号（15 位），实为 ${s.length} 位`,
      en: `unrecognised identifier: expected a USCC (18 characters), an org code (9, optionally hyphenated) or a 15-digit registration number, got ${s.length} characters`,
    },
    expectedCheckChar: null,
    looksPersonal: false,
  };
}

/** The enterprise an enterprise identifier names, if the seed has it. */
export function findEnterprise(catalog: Catalog, c: Classified): EnterpriseSeed | undefined {
  if (c.kind === 'invalid' || c.kind === 'id_card') return undefined;
  return catalog.enterprisesByCode.get(`${c.kind}:${c.value}`);
}

/** Both languages in one string, for fields that carry a single message. */
export function bilingual(text: LocalizedText): string {
  return `${text.zh}（${text.en}）`;
}

export const PERSONAL_NEEDS_ORDER: LocalizedText = {
  zh: '个人主体不能批量查询：请通过带书面授权的报告订单查询（征信业管理条例 第十八条）',
  en: "personal subjects cannot be looked up in a batch: order a report with the subject's written authorization",
};

const SCREENING_CATEGORIES: ReadonlySet<string> = new Set(
  ScreeningRecord.options.map((o) => o.shape.category.value as string),
);

function latest(instants: Iterable<string>, fallback: Date): string {
  let best: string | null = null;
  let bestMs = Number.NEGATIVE_INFINITY;
  for (const s of instants) {
    const ms = Date.parse(s);
    if (ms > bestMs) {
      bestMs = ms;
      best = s;
    }
  }
  return best ?? fallback.toISOString();
}

/** The batch view of one enterprise: screening records only, tax grades by year, newest first. */
export function ratingSummary(e: EnterpriseSeed, now: Date): RatingSummary {
  const taxByYear = new Map<number, RatingSummary['taxCredit'][number]>();
  for (const r of e.records) {
    if (r.category === 'tax_credit') taxByYear.set(r.year, { year: r.year, grade: r.grade });
  }
  // A published grade outranks a record copy of the same year.
  for (const g of e.grades) {
    if (g.scale === 'tax_credit') taxByYear.set(g.year, { year: g.year, grade: g.value });
  }
  const records = e.records.filter((r) => SCREENING_CATEGORIES.has(r.category)) as RatingSummary['records'];
  return {
    subject: e.subject,
    grades: e.grades,
    taxCredit: [...taxByYear.values()].sort((a, b) => b.year - a.year),
    lists: e.lists,
    records,
    sources: e.sources,
    lastUpdated: latest(
      [
        ...e.sources.flatMap((s) => (s.fetchedAt === null ? [] : [s.fetchedAt])),
        ...e.records.map((r: CreditRecord) => r.source.fetchedAt),
      ],
      now,
    ),
  };
}

/**
 * Searches enterprises by name or by any code. A code match is confidence 1; a name shared by
 * several enterprises is never above 0.5; `ambiguous` when the two best share a name.
 */
export function searchSubjects(catalog: Catalog, q: string, limit: number, now: Date): SubjectSearchResult {
  const c = classifyIdentifier(q, now);
  if (c.kind === 'id_card') return { data: [], ambiguous: false };
  if (c.kind !== 'invalid') {
    const e = findEnterprise(catalog, c);
    if (e === undefined) return { data: [], ambiguous: false };
    const sameName = catalog.enterprisesByName.get(normalizeName(e.subject.name))?.length ?? 1;
    return {
      data: [{ subject: e.subject, confidence: 1, matchType: 'code', sameNameCount: sameName - 1 }],
      ambiguous: false,
    };
  }
  const needle = normalizeName(q);
  const matches: SubjectMatch[] = [];
  for (const [name, group] of catalog.enterprisesByName) {
    let matchType: SubjectMatch['matchType'];
    let confidence: number;
    const coverage = needle.length / name.length;
    if (name === needle) {
      matchType = 'exact_name';
      confidence = 0.95;
    } else if (name.startsWith(needle)) {
      matchType = 'prefix';
      confidence = 0.4 + 0.4 * coverage;
    } else if (name.includes(needle)) {
      matchType = 'partial';
      confidence = 0.2 + 0.4 * coverage;
    } else {
      continue;
    }
    if (group.length > 1) confidence = Math.min(confidence, 0.5);
    for (const e of group) {
      matches.push({
        subject: e.subject,
        confidence: Math.round(confidence * 1000) / 1000,
        matchType,
        sameNameCount: group.length - 1,
      });
    }
  }
  const rank = { code: 0, exact_name: 1, prefix: 2, partial: 3 } as const;
  matches.sort(
    (a, b) =>
      b.confidence - a.confidence ||
      rank[a.matchType] - rank[b.matchType] ||
      a.subject.name.localeCompare(b.subject.name, 'zh-CN') ||
      (a.subject.uscc < b.subject.uscc ? -1 : a.subject.uscc > b.subject.uscc ? 1 : 0),
  );
  const data = matches.slice(0, limit);
  const [first, second] = data;
  const ambiguous =
    first !== undefined &&
    second !== undefined &&
    normalizeName(first.subject.name) === normalizeName(second.subject.name);
  return { data, ambiguous };
}

/** Enterprise report content, restricted to the product's record categories and rating scales. */
export function enterpriseContent(
  e: EnterpriseSeed,
  product: Product,
  generatedAt: Date,
): EnterpriseReportContent {
  const categories = new Set<string>(product.recordCategories);
  const scales = new Set<string>(product.ratingScales);
  return {
    subjectType: 'enterprise',
    subject: e.subject,
    grades: e.grades.filter((g) => scales.has(g.scale)),
    lists: e.lists,
    records: e.records.filter((r) => categories.has(r.category)),
    sources: e.sources,
    generatedAt: generatedAt.toISOString(),
  };
}

/**
 * Individual report content from the seed (which carries only masked identity), restricted to
 * the product's record categories: a housing-fund lookup must not return credit accounts.
 */
export function individualContent(
  i: IndividualSeed,
  product: Product,
  generatedAt: Date,
): IndividualReportContent {
  const has = (c: string) => (product.recordCategories as readonly string[]).includes(c);
  return {
    subjectType: 'individual',
    subject: i.content.subject,
    creditAccounts: has('credit_accounts') ? i.content.creditAccounts : [],
    courtEnforcements: has('court_enforcement') ? i.content.courtEnforcements : [],
    dishonestListings: has('dishonest_judgment_debtor') ? i.content.dishonestListings : [],
    housingFund: has('housing_fund') ? i.content.housingFund : null,
    sources: i.content.sources,
    generatedAt: generatedAt.toISOString(),
  };
}

// Far enough ahead that no birth date is "in the future": masking must not depend on the clock.
const MASK_AS_OF = new Date('9999-12-31T00:00:00Z');

/** Masks every valid ID number in a JSON value (journal bodies and queries). */
export function maskIdNumbers(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.replace(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, (m) =>
      parseIdCard(m, { asOf: MASK_AS_OF }).ok ? maskIdCard(m) : m,
    );
  }
  if (Array.isArray(value)) return value.map(maskIdNumbers);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskIdNumbers(v)]));
  }
  return value;
}

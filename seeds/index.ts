/**
 * The committed seed data, parsed once, with lookups by tag and by code. Works in Node 24
 * directly, in vitest and in a Vite/WXT bundle (a plain JSON import, no file-system access).
 *
 * @example
 * ```ts
 * import { enterpriseByTag, seeds } from './index.ts';
 * enterpriseByTag('edge:dishonest-active').lists[0]?.active; // true
 * ```
 */
import data from './data/seed.json' with { type: 'json' };
import { type EnterpriseSeed, type IndividualSeed, SeedData } from './schema.ts';

export {
  DEMO_RATE_LIMIT_PER_MINUTE,
  ENTERPRISE_ONLY_API_KEY,
  NO_CREDITS_API_KEY,
  RATE_LIMITED_API_KEY,
  RATE_LIMITED_PER_MINUTE,
  REVOKED_API_KEY,
} from './catalog.ts';
export type { Consortium, EnterpriseSeed, IndividualSeed, KeySeed } from './schema.ts';
export { DEMO_API_KEY, DEMO_CUTOFF, SEED_AS_OF, SeedData } from './schema.ts';

/**
 * The default seed data set (seeds/data/seed.json), validated against the contract.
 *
 * @example
 * ```ts
 * seeds.enterprises.length; // 300
 * seeds.keys.map((k) => k.key); // [DEMO_API_KEY, 'xj_test_enterprise_only', …]
 * ```
 */
export const seeds: SeedData = SeedData.parse(data);

function exactlyOne<T>(items: readonly T[], what: string): T {
  const [first] = items;
  if (first === undefined || items.length !== 1) {
    throw new Error(`expected exactly one ${what}, found ${items.length}`);
  }
  return first;
}

/**
 * The one enterprise carrying `tag` (e.g. `edge:fine-2000000`, `magic:503-twice`).
 *
 * @throws Error when no enterprise, or more than one, carries the tag.
 * @example
 * ```ts
 * enterpriseByTag('edge:clean').subject.name;
 * ```
 */
export function enterpriseByTag(tag: string): EnterpriseSeed {
  return exactlyOne(
    seeds.enterprises.filter((e) => e.tags.includes(tag)),
    `enterprise tagged ${tag}`,
  );
}

/**
 * Every enterprise with a tag starting with `prefix`, in data order (`'consortium:cons-b'`
 * gives the consortium's members, `'edge:'` every enterprise edge case).
 *
 * @example
 * ```ts
 * enterprisesByTag('same-name:1').length; // 2
 * ```
 */
export function enterprisesByTag(prefix: string): EnterpriseSeed[] {
  return seeds.enterprises.filter((e) => e.tags.some((t) => t.startsWith(prefix)));
}

/**
 * The one individual carrying `tag` (e.g. `edge:hf-3-consecutive`).
 *
 * @throws Error when no individual, or more than one, carries the tag (household tags are on
 * two people: use {@link individualsByTag}).
 * @example
 * ```ts
 * individualByTag('edge:hf-deposits-5').content.housingFund?.deposits.length; // 5
 * ```
 */
export function individualByTag(tag: string): IndividualSeed {
  return exactlyOne(
    seeds.individuals.filter((p) => p.tags.includes(tag)),
    `individual tagged ${tag}`,
  );
}

/**
 * Every individual with a tag starting with `prefix`, in data order.
 *
 * @example
 * ```ts
 * individualsByTag('household:hh-2').map((p) => p.tags); // applicant, then co-borrower
 * ```
 */
export function individualsByTag(prefix: string): IndividualSeed[] {
  return seeds.individuals.filter((p) => p.tags.some((t) => t.startsWith(prefix)));
}

let byCode: Map<string, EnterpriseSeed> | undefined;

/**
 * The enterprise with this 统一社会信用代码, 组织机构代码 (with or without the hyphen) or 15-digit
 * 注册号; case and surrounding whitespace are ignored. No check-character validation: a code
 * that is not in the data is simply not found.
 *
 * @example
 * ```ts
 * const e = enterpriseByTag('edge:clean');
 * findEnterprise(e.subject.orgCode.replace('-', ''))?.subject.id === e.subject.id; // true
 * findEnterprise('91110000600037341L'); // undefined
 * ```
 */
export function findEnterprise(code: string): EnterpriseSeed | undefined {
  if (byCode === undefined) {
    byCode = new Map();
    for (const e of seeds.enterprises) {
      byCode.set(e.subject.uscc, e);
      byCode.set(e.subject.orgCode.replace('-', ''), e);
      if (e.subject.regNo !== null) byCode.set(e.subject.regNo, e);
    }
  }
  return byCode.get(code.trim().toUpperCase().replace('-', ''));
}

/**
 * The individual with this 居民身份证号码 (a lower-case `x` is accepted).
 *
 * @example
 * ```ts
 * findIndividual(individualByTag('edge:hf-clean').idNumber)?.tags; // ['edge:hf-clean']
 * ```
 */
export function findIndividual(idNumber: string): IndividualSeed | undefined {
  const id = idNumber.trim().toUpperCase();
  return seeds.individuals.find((p) => p.idNumber === id);
}

import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainId, RecordCategory } from '../sdk/src/core/schemas.ts';
import {
  findIdentifiers,
  isValidIdCard,
  isValidOrgCode,
  isValidRegNo,
  maskIdCard,
  maskName,
  parseUscc,
} from '../sdk/src/identifiers/index.ts';
import { listingInForce, listingPeriodEnd } from '../sdk/src/rules/screening.ts';
import { addDays, addYears, monthOf } from './dates.ts';
import { SEED_PATHS } from './generate.ts';
import {
  DEMO_API_KEY,
  DEMO_CUTOFF,
  ENTERPRISE_ONLY_API_KEY,
  enterpriseByTag,
  enterprisesByTag,
  findEnterprise,
  findIndividual,
  individualByTag,
  individualsByTag,
  NO_CREDITS_API_KEY,
  RATE_LIMITED_API_KEY,
  REVOKED_API_KEY,
  SEED_AS_OF,
  seeds,
} from './index.ts';
import { BIRTHPLACES, CITIES } from './places.ts';
import { EDGE_TAGS } from './tags.ts';

const asOf = new Date(`${SEED_AS_OF}T12:00:00+08:00`);
const regionCodes = new Set([
  ...CITIES.flatMap((c) => [c.code, ...c.districts.map((d) => d.code)]),
  ...BIRTHPLACES.map((b) => b.code),
]);

describe('identifiers', () => {
  it('gives every enterprise a valid USCC whose embedded org code and region are real', () => {
    for (const { subject: s } of seeds.enterprises) {
      const parsed = parseUscc(s.uscc);
      expect(parsed.ok, s.uscc).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.warnings, s.uscc).toEqual([]);
      expect(s.orgCode, s.uscc).toBe(`${s.uscc.slice(8, 16)}-${s.uscc.charAt(16)}`);
      expect(isValidOrgCode(s.orgCode), s.orgCode).toBe(true);
      expect(s.region.code).toBe(s.uscc.slice(2, 8));
      expect(regionCodes.has(s.region.code), s.region.code).toBe(true);
    }
  });

  it('uses mostly 91 companies, with some 92, 12 and 52', () => {
    const count = (p: string) => seeds.enterprises.filter((e) => e.subject.uscc.startsWith(p)).length;
    expect(count('91')).toBeGreaterThan(240);
    for (const p of ['92', '12', '52']) expect(count(p), p).toBeGreaterThanOrEqual(3);
    expect(count('91') + count('92') + count('12') + count('52')).toBe(seeds.enterprises.length);
  });

  it('gives about a third of enterprises a valid 注册号 starting with their region', () => {
    const withRegNo = seeds.enterprises.filter((e) => e.subject.regNo !== null);
    expect(withRegNo.length / seeds.enterprises.length).toBeGreaterThan(0.25);
    expect(withRegNo.length / seeds.enterprises.length).toBeLessThan(0.42);
    for (const { subject: s } of withRegNo) {
      expect(isValidRegNo(s.regNo ?? ''), s.regNo ?? '').toBe(true);
      expect(s.regNo?.slice(0, 6)).toBe(s.region.code);
      expect(s.establishedAt < '2015-10-01', s.id).toBe(true);
    }
  });

  it('never reuses a code, and no USCC reads as an ID number', () => {
    const codes = seeds.enterprises.flatMap((e) =>
      [e.subject.uscc, e.subject.orgCode, e.subject.regNo ?? []].flat(),
    );
    expect(new Set(codes).size).toBe(codes.length);
    const text = seeds.enterprises.map((e) => e.subject.uscc).join(' ');
    const found = findIdentifiers(text, { asOf });
    expect(found.every((m) => m.kind === 'uscc')).toBe(true);
    expect(found).toHaveLength(seeds.enterprises.length);
  });

  it('gives every individual a valid, unique ID number with a real region and a birth date in 1960–2000', () => {
    const ids = seeds.individuals.map((p) => p.idNumber);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of seeds.individuals) {
      expect(isValidIdCard(p.idNumber, { asOf }), p.idNumber).toBe(true);
      expect(regionCodes.has(p.idNumber.slice(0, 6)), p.idNumber).toBe(true);
      const year = Number(p.idNumber.slice(6, 10));
      expect(year).toBeGreaterThanOrEqual(1960);
      expect(year).toBeLessThanOrEqual(2000);
      expect(p.content.subject.birthYear).toBe(year);
      expect(p.content.subject.sex).toBe(Number(p.idNumber.charAt(16)) % 2 === 1 ? 'male' : 'female');
      expect(p.content.subject.idNumberMasked).toBe(maskIdCard(p.idNumber));
      expect(p.content.subject.nameMasked).toBe(maskName(p.name));
      expect(p.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
    }
  });
});

describe('tags', () => {
  it('puts every edge tag on exactly one subject and every household tag on two people', () => {
    for (const tag of EDGE_TAGS.enterprises)
      expect(
        enterprisesByTag(tag).filter((e) => e.tags.includes(tag)),
        tag,
      ).toHaveLength(1);
    for (const tag of EDGE_TAGS.individuals)
      expect(
        individualsByTag(tag).filter((p) => p.tags.includes(tag)),
        tag,
      ).toHaveLength(1);
    for (const tag of EDGE_TAGS.households) expect(individualsByTag(tag), tag).toHaveLength(2);
    for (const tag of EDGE_TAGS.consortia) expect(enterprisesByTag(tag), tag).toHaveLength(3);
  });

  it('gives every tagged subject a note and no tag to an untagged one', () => {
    for (const s of [...seeds.enterprises, ...seeds.individuals]) {
      if (s.tags.length > 0) expect(s.note?.length ?? 0, s.tags.join()).toBeGreaterThan(10);
      else expect(s.note).toBeNull();
    }
  });

  it('has at least three same-name pairs in different regions', () => {
    const byName = Map.groupBy(seeds.enterprises, (e) => e.subject.name);
    const pairs = [...byName.values()].filter((group) => group.length > 1);
    expect(pairs.length).toBeGreaterThanOrEqual(3);
    for (const [a, b, ...more] of pairs) {
      expect(more).toEqual([]);
      expect(a?.subject.uscc).not.toBe(b?.subject.uscc);
      expect(a?.subject.region.code).not.toBe(b?.subject.region.code);
      expect(a?.tags.find((t) => t.startsWith('same-name:'))).toBe(
        b?.tags.find((t) => t.startsWith('same-name:')),
      );
    }
  });

  it('builds consortia from tagged members, one clean and one with an active dishonest member', () => {
    expect(seeds.consortia.map((c) => c.id)).toEqual(['cons-a', 'cons-b']);
    const activeBlack = (id: string) =>
      findEnterprise(seeds.enterprises.find((e) => e.subject.id === id)?.subject.uscc ?? '')?.lists.some(
        (l) => l.kind === 'black' && l.active,
      );
    for (const c of seeds.consortia) {
      expect(c.memberIds).toContain(c.leadId);
      expect(enterprisesByTag(`consortium:${c.id}`).map((e) => e.subject.id)).toEqual(c.memberIds);
    }
    expect(seeds.consortia[0]?.memberIds.map(activeBlack)).toEqual([false, false, false]);
    expect(seeds.consortia[1]?.memberIds.map(activeBlack)).toEqual([false, false, true]);
  });
});

describe('enterprise edge cases', () => {
  const threeYears = addYears(DEMO_CUTOFF, -3);
  const penalties = (tag: string) =>
    enterpriseByTag(tag).records.filter((r) => r.category === 'administrative_penalty');
  const black = (tag: string) => enterpriseByTag(tag).lists.filter((l) => l.kind === 'black');

  it('fines: exactly 2,000,000 and 1,990,000 yuan within three years of the cut-off', () => {
    for (const [tag, amount] of [
      ['edge:fine-2000000', 2_000_000],
      ['edge:fine-1990000', 1_990_000],
    ] as const) {
      const [p, ...more] = penalties(tag);
      expect(more).toEqual([]);
      expect(p?.amountYuan).toBe(amount);
      expect(p?.kinds).toEqual(['fine']);
      expect((p?.decidedAt ?? '') > threeYears && (p?.decidedAt ?? '') <= DEMO_CUTOFF).toBe(true);
      expect(black(tag)).toEqual([]);
    }
  });

  it('suspensions three years minus and plus one day before the cut-off', () => {
    expect(penalties('edge:penalty-3y-minus-1d').map((p) => [p.decidedAt, p.kinds])).toEqual([
      [addDays(threeYears, 1), ['suspension']],
    ]);
    expect(penalties('edge:penalty-3y-plus-1d').map((p) => [p.decidedAt, p.kinds])).toEqual([
      [addDays(threeYears, -1), ['suspension']],
    ]);
    expect(addDays(threeYears, 1)).toBe('2023-11-21');
  });

  it('dishonest listings: active, expired before the cut-off, removed', () => {
    expect(black('edge:dishonest-active').map((l) => [l.list, l.active])).toEqual([
      ['dishonest_judgment_debtor', true],
    ]);
    const expired = enterpriseByTag('edge:dishonest-expired').records.find(
      (r) => r.category === 'dishonest_judgment_debtor',
    );
    expect(
      expired?.category === 'dishonest_judgment_debtor' &&
        expired.removedAt === null &&
        (expired.expiresAt ?? '') < DEMO_CUTOFF,
    ).toBe(true);
    expect(black('edge:dishonest-expired').map((l) => l.active)).toEqual([false]);
    const removed = enterpriseByTag('edge:dishonest-removed').records.find(
      (r) => r.category === 'dishonest_judgment_debtor',
    );
    expect(removed?.category === 'dishonest_judgment_debtor' ? removed.removedAt : null).toBe('2026-02-12');
    // The summary's `until` is the last day in force: the day before the removal.
    expect(black('edge:dishonest-removed').map((l) => [l.active, l.until])).toEqual([[false, '2026-02-11']]);
  });

  it('a listing ends on one day for the seeds and the SDK: its last day is in force, a removal day is not', () => {
    expect(black('edge:dishonest-expires-at-cutoff').map((l) => [l.active, l.until])).toEqual([
      [true, DEMO_CUTOFF],
    ]);
    expect(black('edge:dishonest-removed-on-as-of').map((l) => [l.active, l.until])).toEqual([
      [false, addDays(SEED_AS_OF, -1)],
    ]);
    // Computed listing periods follow the SDK's 民法典 rule: the corresponding day is the last.
    const periods = seeds.enterprises.flatMap((e) =>
      e.tags.some((t) => t.startsWith('edge:'))
        ? []
        : e.records.flatMap((r) =>
            r.category === 'dishonest_judgment_debtor' && r.expiresAt !== null
              ? [[r.listedAt, r.expiresAt]]
              : [],
          ),
    );
    expect(periods.length).toBeGreaterThan(3);
    for (const [listedAt = '', expiresAt] of periods) expect(expiresAt).toBe(listingPeriodEnd(listedAt, 2));
  });

  it('the major tax violator and the two government-procurement bans', () => {
    expect(black('edge:major-tax').map((l) => [l.list, l.active])).toEqual([['major_tax_violation', true]]);
    expect(black('edge:gp-ban-active').map((l) => [l.list, l.active])).toEqual([
      ['gp_serious_violation', true],
    ]);
    const ban = (tag: string) =>
      enterpriseByTag(tag).records.find((r) => r.category === 'gp_serious_violation');
    const active = ban('edge:gp-ban-active');
    expect(
      active?.category === 'gp_serious_violation' &&
        active.banFrom <= DEMO_CUTOFF &&
        DEMO_CUTOFF <= active.banUntil,
    ).toBe(true);
    const ended = ban('edge:gp-ban-ended');
    expect(
      ended?.category === 'gp_serious_violation' &&
        ended.banUntil < DEMO_CUTOFF &&
        ended.banFrom > threeYears,
    ).toBe(true);
    expect(black('edge:gp-ban-ended').map((l) => l.active)).toEqual([false]);
  });

  it('one unavailable channel, a spotless company and an abnormal-operation-only company', () => {
    const unavailable = enterpriseByTag('edge:source-unavailable').sources.filter(
      (s) => s.status === 'unavailable',
    );
    expect(unavailable).toEqual([
      {
        channel: 'ccgp',
        status: 'unavailable',
        fetchedAt: null,
        reason: '中国政府采购网查询超时（已重试 3 次）',
      },
    ]);
    const clean = enterpriseByTag('edge:clean');
    expect(clean.lists.filter((l) => l.kind === 'black')).toEqual([]);
    expect(
      clean.records
        .map((r) => r.category)
        .filter((c) => c === 'administrative_penalty' || c === 'court_enforcement'),
    ).toEqual([]);
    expect(clean.grades.filter((g) => g.scale === 'pboc_long_term').map((g) => g.value)).toEqual(['AAA']);
    expect(clean.lists.map((l) => l.list)).toContain('tax_a_grade');
    expect(black('edge:abnormal-operation').map((l) => [l.list, l.active])).toEqual([
      ['abnormal_operation', true],
    ]);
  });

  it('tax and PBOC grade tags match the latest grade', () => {
    for (const grade of ['A', 'B', 'M', 'C', 'D']) {
      const tax = enterpriseByTag(`edge:tax-${grade}`).grades.filter((g) => g.scale === 'tax_credit');
      expect(tax.at(-1)?.value, grade).toBe(grade);
      expect(tax.at(-1)?.scale === 'tax_credit' ? tax.at(-1)?.year : null).toBe(2025);
    }
    for (const grade of ['AAA', 'AA+', 'BBB-', 'C']) {
      const pboc = enterpriseByTag(`edge:pboc-${grade}`).grades.filter((g) => g.scale === 'pboc_long_term');
      expect(pboc.map((g) => g.value)).toEqual([grade]);
    }
  });
});

describe('consistency', () => {
  it('every grade names its issuer; agency grades carry a filing number; customs scales follow the date', () => {
    for (const e of seeds.enterprises) {
      for (const g of e.grades) {
        expect(g.issuer.name.zh.length).toBeGreaterThan(2);
        if (g.scale === 'pboc_long_term' || g.scale === 'pboc_short_term' || g.scale === 'sme_credit') {
          expect(g.issuer.kind).toBe('rating_agency');
          // The one exception is the edge case of an unfiled issuer.
          if (!e.tags.includes('edge:rating-unfiled')) expect(g.issuer.filingNo).toMatch(/备/);
        } else expect(g.issuer.kind).toBe('authority');
        if (g.scale === 'customs_251') expect(g.ratedAt < '2026-04-01').toBe(true);
        if (g.scale === 'customs_282') expect(g.ratedAt >= '2026-04-01').toBe(true);
        expect(g.ratedAt <= SEED_AS_OF).toBe(true);
      }
      const years = e.grades.flatMap((g) => (g.scale === 'tax_credit' ? [`${g.year}${g.value}`] : []));
      const records = e.records.flatMap((r) => (r.category === 'tax_credit' ? [`${r.year}${r.grade}`] : []));
      expect(records).toEqual(years);
    }
    const scales = new Set(seeds.enterprises.flatMap((e) => e.grades.map((g) => g.scale)));
    for (const s of [
      'pboc_long_term',
      'sme_credit',
      'tax_credit',
      'customs_251',
      'customs_282',
      'highway_construction',
    ])
      expect(scales.has(s as never), s).toBe(true);
  });

  it('every record category appears and every record cites a consulted channel', () => {
    const categories = new Set(seeds.enterprises.flatMap((e) => e.records.map((r) => r.category)));
    // Every category but the individuals' two (credit accounts, housing fund).
    expect([...categories].sort()).toEqual(
      RecordCategory.options.filter((c) => c !== 'credit_accounts' && c !== 'housing_fund').sort(),
    );
    const earliest = `${addDays(SEED_AS_OF, -7)}T00:00:00+08:00`;
    for (const e of seeds.enterprises) {
      const ok = new Map(e.sources.map((s) => [s.channel, s]));
      for (const ch of ['creditchina', 'gsxt', 'zxgk', 'ccgp', 'chinatax'] as const)
        expect(ok.has(ch), `${e.subject.id} ${ch}`).toBe(true);
      for (const r of e.records) {
        expect(ok.get(r.source.channel)?.fetchedAt, `${r.id}`).toBe(r.source.fetchedAt);
        expect(r.source.fetchedAt >= earliest && r.source.fetchedAt < `${SEED_AS_OF}T00:00:00+08:00`).toBe(
          true,
        );
        expect(r.source.url).toMatch(/^https?:\/\/[a-z.-]+\//);
      }
    }
  });

  it('derives list memberships from the records and the latest tax grade', () => {
    for (const e of seeds.enterprises) {
      for (const r of e.records) {
        if (r.category !== 'dishonest_judgment_debtor') continue;
        const active = listingInForce(r, SEED_AS_OF);
        const membership = e.lists.find(
          (l) => l.list === 'dishonest_judgment_debtor' && l.since === r.listedAt,
        );
        expect(membership?.active, e.subject.id).toBe(active);
        expect(membership?.kind).toBe('black');
      }
      const latest = e.grades.filter((g) => g.scale === 'tax_credit').at(-1);
      expect(
        e.lists.some((l) => l.list === 'tax_a_grade'),
        e.subject.id,
      ).toBe(latest?.value === 'A');
      const listed = e.records.filter((r) => r.category === 'abnormal_operation').length;
      expect(e.lists.filter((l) => l.list === 'abnormal_operation')).toHaveLength(listed);
    }
  });

  it('keeps the committed JSON under 3 MB', () => {
    expect(statSync(SEED_PATHS.data).size).toBeLessThan(3 * 1024 * 1024);
  });
});

describe('housing-fund individuals', () => {
  const latest = monthOf(SEED_AS_OF, -1);
  const window24 = monthOf(SEED_AS_OF, -24);
  const overdue = (tag: string, sinceMonth = '0000-00') =>
    individualByTag(tag).content.creditAccounts.flatMap((a) =>
      a.repayment.filter((m) => m.month >= sinceMonth && /^[1-7]$/.test(m.status)).map((m) => m.month),
    );
  const longestRun = (tag: string) =>
    Math.max(
      0,
      ...individualByTag(tag).content.creditAccounts.map((a) => {
        let run = 0;
        let best = 0;
        for (const m of a.repayment) {
          run = /^[1-7]$/.test(m.status) ? run + 1 : 0;
          best = Math.max(best, run);
        }
        return best;
      }),
    );

  it('grids reach the latest month and span 24 months or more', () => {
    for (const p of seeds.individuals) {
      for (const a of p.content.creditAccounts) {
        expect(a.repayment.at(-1)?.month).toBe(latest);
        expect(a.repayment.length).toBeGreaterThanOrEqual(24);
      }
    }
    expect(latest).toBe('2026-10');
    expect(window24).toBe('2024-11');
  });

  it('overdue patterns', () => {
    expect(overdue('edge:hf-clean')).toEqual([]);
    expect([overdue('edge:hf-3-consecutive', window24).length, longestRun('edge:hf-3-consecutive')]).toEqual([
      3, 3,
    ]);
    expect([overdue('edge:hf-2-consecutive', window24).length, longestRun('edge:hf-2-consecutive')]).toEqual([
      3, 2,
    ]);
    expect([
      overdue('edge:hf-6-cumulative-inside', window24).length,
      longestRun('edge:hf-6-cumulative-inside'),
    ]).toEqual([6, 1]);
    expect([
      overdue('edge:hf-6-cumulative-outside').length,
      overdue('edge:hf-6-cumulative-outside', window24).length,
    ]).toEqual([6, 5]);
    const wuhan = individualByTag('edge:hf-12-cumulative-60m');
    expect([
      overdue('edge:hf-12-cumulative-60m', monthOf(SEED_AS_OF, -60)).length,
      overdue('edge:hf-12-cumulative-60m', window24).length,
    ]).toEqual([12, 5]);
    expect(longestRun('edge:hf-12-cumulative-60m')).toBe(1);
    expect(wuhan.content.housingFund?.city).toBe('武汉市');
  });

  it('annual-fee exemptions cover exactly the overdue months', () => {
    const card = individualByTag('edge:hf-card-annual-fee').content.creditAccounts.find(
      (a) => a.exemptions.length > 0,
    );
    expect(card?.exemptions.map((x) => x.month)).toEqual(overdue('edge:hf-card-annual-fee'));
    expect(card?.exemptions.every((x) => x.reason === 'annual_fee')).toBe(true);
  });

  it('deposits: exactly 6 and 5 consecutive full months up to the latest', () => {
    for (const [tag, n] of [
      ['edge:hf-deposits-6', 6],
      ['edge:hf-deposits-5', 5],
    ] as const) {
      const fund = individualByTag(tag).content.housingFund;
      expect(fund?.deposits.map((d) => d.paid)).toEqual(Array(n).fill(true));
      expect(fund?.deposits.at(-1)?.month).toBe(latest);
      expect((fund?.openedAt ?? '').slice(0, 7)).toBe(monthOf(SEED_AS_OF, -n));
    }
  });

  it('court, dishonest, five-category and card-status cases', () => {
    const c = (tag: string) => individualByTag(tag).content;
    expect(
      c('edge:hf-dishonest').dishonestListings.map((l) => [l.removedAt, (l.expiresAt ?? '') > DEMO_CUTOFF]),
    ).toEqual([[null, true]]);
    expect(c('edge:hf-court-executing').courtEnforcements.map((x) => x.status)).toEqual(['executing']);
    expect(c('edge:hf-court-executing').dishonestListings).toEqual([]);
    expect(c('edge:hf-five-category-substandard').creditAccounts.map((a) => a.fiveCategory)).toContain(
      'substandard',
    );
    expect(c('edge:hf-card-frozen').creditAccounts.map((a) => a.cardStatus)).toContain('frozen');
  });

  it('households: hh-2 has a clean applicant and a co-borrower with three months in a row', () => {
    const [applicant, coBorrower] = individualsByTag('household:hh-2');
    expect(applicant?.tags).toEqual(['household:hh-2', 'role:applicant']);
    expect(coBorrower?.tags).toEqual(['household:hh-2', 'role:co_borrower']);
    const runs = (tags: readonly string[] | undefined) =>
      seeds.individuals
        .find((p) => p.tags === tags)
        ?.content.creditAccounts.flatMap((a) =>
          a.repayment.filter((m) => m.status !== 'N').map((m) => m.status),
        );
    expect(runs(applicant?.tags)).toEqual([]);
    expect(runs(coBorrower?.tags)).toEqual(['1', '2', '3']);
    expect(individualsByTag('household:hh-1').map((p) => runs(p.tags))).toEqual([[], []]);
  });
});

describe('catalog and keys', () => {
  it('has the seven domains, each with policy basis and existing products', () => {
    expect(seeds.domains.map((d) => d.id).sort()).toEqual([...DomainId.options].sort());
    const ids = new Set(seeds.products.map((p) => p.id));
    for (const d of seeds.domains) {
      for (const p of [...d.requiredProducts, ...d.recommendedProducts]) expect(ids.has(p), p).toBe(true);
      expect(d.policyBasis.map((b) => b.documentNo)).toContain('京经信委发〔2010〕44号');
    }
    const basis = (id: string) =>
      seeds.domains.find((d) => d.id === id)?.policyBasis.map((b) => `${b.documentNo}${b.article ?? ''}`);
    expect(basis('government_procurement')).toEqual([
      '京经信委发〔2010〕44号七（二）',
      '财库〔2016〕125号',
      '中华人民共和国政府采购法第二十二条',
      '国务院令第658号第十九条',
      '财库〔2022〕3号',
    ]);
    expect(basis('tendering')).toContain('法〔2016〕285号');
    expect(basis('housing_fund_loan')).toEqual([
      '京经信委发〔2010〕44号七（二）',
      '建金〔2014〕148号',
      '国务院令第631号第十八条',
    ]);
  });

  it('has 10–15 products whose domains agree with the domain lists', () => {
    expect(seeds.products.length).toBeGreaterThanOrEqual(10);
    expect(seeds.products.length).toBeLessThanOrEqual(15);
    for (const p of seeds.products) {
      const listed = seeds.domains
        .filter((d) => [...d.requiredProducts, ...d.recommendedProducts].includes(p.id))
        .map((d) => d.id);
      expect(p.domains, p.id).toEqual(listed);
      expect(p.domains.length, p.id).toBeGreaterThan(0);
    }
    const personal = seeds.products.find((p) => p.id === 'personal_credit_report');
    expect([personal?.subjectType, personal?.requiresAuthorization]).toEqual(['individual', true]);
    const free = seeds.products.find((p) => p.id === 'creditchina_public_report');
    expect([free?.provider.kind, free?.priceCredits]).toEqual(['public_platform', 0]);
    expect(seeds.products.find((p) => p.id === 'enterprise_credit_report')?.provider.filingNo).toMatch(/备/);
  });

  it('has a key for each failure the SDK handles', () => {
    const key = (k: string) => seeds.keys.find((x) => x.key === k);
    const all = seeds.products.map((p) => p.id);
    expect(key(DEMO_API_KEY)?.account.entitledProducts).toEqual(all);
    expect(key(DEMO_API_KEY)?.rateLimitPerMinute).toBe(600);
    expect(key(ENTERPRISE_ONLY_API_KEY)?.account.entitledProducts).toEqual(
      seeds.products.filter((p) => p.subjectType === 'enterprise').map((p) => p.id),
    );
    expect(key(NO_CREDITS_API_KEY)?.account.credits.remaining).toBe(0);
    expect(key(REVOKED_API_KEY)?.revoked).toBe(true);
    expect(key(RATE_LIMITED_API_KEY)?.rateLimitPerMinute).toBe(3);
    expect(seeds.keys.filter((k) => k.revoked).map((k) => k.key)).toEqual([REVOKED_API_KEY]);
  });
});

describe('lookups', () => {
  it('finds an enterprise by USCC, org code with or without hyphen, and 注册号', () => {
    const e = enterpriseByTag('edge:clean');
    const { uscc, orgCode, regNo } = e.subject;
    expect(regNo).not.toBeNull();
    for (const code of [
      uscc,
      uscc.toLowerCase(),
      ` ${uscc} `,
      orgCode,
      orgCode.replace('-', ''),
      regNo ?? '',
    ]) {
      expect(findEnterprise(code)?.subject.id, code).toBe(e.subject.id);
    }
    expect(findEnterprise('91110000600037341L')).toBeUndefined();
  });

  it('finds an individual by ID number', () => {
    const p = individualByTag('edge:hf-clean');
    expect(findIndividual(p.idNumber.toLowerCase())?.tags).toEqual(['edge:hf-clean']);
    expect(findIndividual('11010519491231002X')).toBeUndefined();
  });

  it('refuses an ambiguous or missing tag', () => {
    expect(() => enterpriseByTag('same-name:1')).toThrow(
      'expected exactly one enterprise tagged same-name:1, found 2',
    );
    expect(() => enterpriseByTag('edge:nope')).toThrow('found 0');
    expect(() => individualByTag('household:hh-1')).toThrow('found 2');
  });
});

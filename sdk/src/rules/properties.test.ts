import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED_AS_OF, seeds } from '../../../seeds/index.ts';
import { type CreditAccount, type CreditRecord, RepaymentStatus } from '../core/records.ts';
import type { ListId, SourceStatus } from '../core/schemas.ts';
import { EnterpriseReportContent, IndividualReportContent } from '../resources/reports.ts';
import { CreditLendingResult, evaluateCreditLending } from './credit-lending.ts';
import { ScreeningResult } from './findings.ts';
import { evaluateHousingFundLoan, HousingFundResult } from './housing-fund.ts';
import { housingFundRulePacks } from './packs/index.ts';
import { evaluateProcurement } from './procurement.ts';
import { evaluateTendering } from './tendering.ts';

const GENERATED_AT = `${SEED_AS_OF}T09:00:00+08:00`;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

// Calendar days only: the schema rejects impossible ones (rule-fixes.test.ts covers hand-built input).
const realDate = fc
  .tuple(
    fc.integer({ min: 2012, max: 2032 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`);
const anyDate = realDate;
const amount = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 10_000_000 }));

const enterprises = seeds.enterprises;
const individuals = seeds.individuals;
const aSource = enterprises[0]?.records[0]?.source ?? {
  channel: 'creditchina' as const,
  url: 'https://x',
  fetchedAt: GENERATED_AT,
};

/** A screening record of any category with arbitrary dates. */
const screeningRecord: fc.Arbitrary<CreditRecord> = fc.oneof(
  fc
    .record({
      kinds: fc.uniqueArray(
        fc.constantFrom(
          'warning',
          'fine',
          'confiscation',
          'suspension',
          'license_revocation',
          'business_restriction',
          'detention',
          'criminal',
        ),
        { minLength: 1, maxLength: 3 },
      ),
      decidedAt: anyDate,
      amountYuan: amount,
      sector: fc.constantFrom(null, 'market_regulation', 'finance'),
    })
    .map((r) => ({
      id: 'p-gen',
      source: aSource,
      category: 'administrative_penalty' as const,
      authority: '某局',
      documentNo: '某罚〔2025〕1号',
      reason: '测试',
      ...r,
    })),
  fc
    .record({
      listedAt: anyDate,
      expiresAt: fc.option(anyDate, { nil: null }),
      removedAt: fc.option(anyDate, { nil: null }),
    })
    .map((r) => ({
      id: 'd-gen',
      source: aSource,
      category: 'dishonest_judgment_debtor' as const,
      court: '某法院',
      caseNo: '（2025）执1号',
      obligation: '给付',
      ...r,
    })),
  fc.record({ listedAt: anyDate, removedAt: fc.option(anyDate, { nil: null }) }).map((r) => ({
    id: 't-gen',
    source: aSource,
    category: 'major_tax_violation' as const,
    authority: '某税务局',
    caseNature: '虚开',
    ...r,
  })),
  fc.record({ banFrom: anyDate, banUntil: anyDate }).map((r) => ({
    id: 'g-gen',
    source: aSource,
    category: 'gp_serious_violation' as const,
    authority: '某财政局',
    decisionNo: '某〔2025〕1号',
    reason: '虚假材料',
    ...r,
  })),
  fc
    .record({
      category: fc.constantFrom('abnormal_operation' as const, 'serious_illegal_dishonest' as const),
      listedAt: anyDate,
      removedAt: fc.option(anyDate, { nil: null }),
    })
    .map((r) => ({ id: 'a-gen', source: aSource, authority: '某市场监管局', reason: '无法联系', ...r })),
);

/** A record that bars when it is in force: 125号's lists and 重大违法记录 kinds. */
const barRecord: fc.Arbitrary<CreditRecord> = screeningRecord.filter(
  (r) =>
    r.category === 'dishonest_judgment_debtor' ||
    r.category === 'major_tax_violation' ||
    r.category === 'gp_serious_violation' ||
    (r.category === 'administrative_penalty' &&
      r.kinds.some((k) => k === 'criminal' || k === 'suspension' || k === 'license_revocation')),
);

const LISTS: ListId[] = [
  'dishonest_judgment_debtor',
  'major_tax_violation',
  'gp_serious_violation',
  'abnormal_operation',
];
const membership = fc.record({
  list: fc.constantFrom(...LISTS),
  kind: fc.constantFrom('black' as const, 'red' as const),
  since: anyDate,
  until: fc.option(anyDate, { nil: null }),
  active: fc.boolean(),
});

const sources = (base: readonly SourceStatus[]) =>
  fc
    .subarray([...base])
    .chain((kept) =>
      fc.tuple(
        ...kept.map((s) => fc.boolean().map((down) => (down ? { ...s, status: 'unavailable' as const } : s))),
      ),
    );

const enterpriseReport: fc.Arbitrary<EnterpriseReportContent> = fc.constantFrom(...enterprises).chain((e) =>
  fc
    .record({
      records: fc.tuple(fc.subarray(e.records), fc.array(screeningRecord, { maxLength: 4 })),
      lists: fc.tuple(fc.subarray(e.lists), fc.array(membership, { maxLength: 2 })),
      sources: sources(e.sources),
    })
    .map(({ records, lists, sources }) => ({
      subjectType: 'enterprise' as const,
      subject: e.subject,
      grades: e.grades,
      lists: [...lists[0], ...lists[1]],
      records: [...records[0], ...records[1]],
      sources,
      generatedAt: GENERATED_AT,
    })),
);

const RANK = { pass: 0, review: 1, incomplete: 2, fail: 3, eligible: 0, ineligible: 3 } as const;

describe('procurement and tendering properties', () => {
  it('are deterministic, never throw on schema-valid input and return a valid result', () => {
    fc.assert(
      fc.property(
        enterpriseReport,
        fc.array(enterpriseReport, { maxLength: 2 }),
        realDate,
        (input, others, cutoff) => {
          expect(EnterpriseReportContent.parse(input)).toEqual(input);
          const before = structuredClone(input);
          for (const evaluate of [evaluateProcurement, evaluateTendering]) {
            const opts = { asOf: SEED_AS_OF, cutoff, consortium: others };
            const a = evaluate(input, opts);
            expect(evaluate(input, opts)).toEqual(a);
            expect(ScreeningResult.parse(a)).toEqual(a);
          }
          const credit = evaluateCreditLending(input, { asOf: SEED_AS_OF, cutoff, guarantors: others });
          expect(evaluateCreditLending(input, { asOf: SEED_AS_OF, cutoff, guarantors: others })).toEqual(
            credit,
          );
          expect(CreditLendingResult.parse(credit)).toEqual(credit);
          expect(credit.parties).toHaveLength(others.length + 1);
          expect(input).toEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never improve a verdict when a barring record is added', () => {
    fc.assert(
      fc.property(enterpriseReport, barRecord, realDate, (input, extra, cutoff) => {
        // A record that ended by the cut-off is information, not a bar: it may settle a listing
        // whose state was unknown and so rightly improve a review to a pass.
        // So may one that starts after the cut-off: the record, not the summary, then decides.
        const removedAt = 'removedAt' in extra ? extra.removedAt : null;
        fc.pre(removedAt === null || removedAt === undefined || removedAt > cutoff);
        const start =
          'listedAt' in extra
            ? extra.listedAt
            : 'banFrom' in extra
              ? extra.banFrom
              : 'decidedAt' in extra
                ? extra.decidedAt
                : null;
        fc.pre(start === null || start <= cutoff);
        const opts = { asOf: SEED_AS_OF, cutoff };
        const more = { ...input, records: [...input.records, extra] };
        for (const evaluate of [evaluateProcurement, evaluateTendering, evaluateCreditLending]) {
          expect(RANK[evaluate(more, opts).verdict]).toBeGreaterThanOrEqual(
            RANK[evaluate(input, opts).verdict],
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('fail a clean, fully sourced subject once a record in force at the cutoff is added', () => {
    const clean = enterprises.find((e) => e.tags.includes('edge:clean'));
    if (!clean) throw new Error('no edge:clean enterprise');
    fc.assert(
      fc.property(realDate, (cutoff) => {
        const input = { ...clean, subjectType: 'enterprise' as const, generatedAt: GENERATED_AT };
        expect(evaluateProcurement(input, { asOf: SEED_AS_OF, cutoff }).verdict).toBe('pass');
        const listed = {
          ...input,
          records: [
            ...input.records,
            {
              id: 'd-gen',
              source: aSource,
              category: 'dishonest_judgment_debtor' as const,
              court: '某法院',
              caseNo: '（2025）执1号',
              obligation: '给付',
              listedAt: cutoff,
              expiresAt: null,
              removedAt: null,
            },
          ],
        };
        expect(evaluateProcurement(listed, { asOf: SEED_AS_OF, cutoff }).verdict).toBe('fail');
      }),
      { numRuns: 50 },
    );
  });
});

const STATUSES = RepaymentStatus.options;
const OVERDUE = ['1', '2', '3', '4', '5', '6', '7'] as const;
const NEUTRAL = new Set(['N', '*', 'C', '#']);

/** A seed individual with some repayment months, exemptions and sources changed at random. */
const individualReport: fc.Arbitrary<IndividualReportContent> = fc.constantFrom(...individuals).chain((p) =>
  fc
    .record({
      statuses: fc.tuple(
        ...p.content.creditAccounts.map((a) =>
          fc.array(fc.option(fc.constantFrom(...STATUSES), { nil: undefined, freq: 3 }), {
            minLength: a.repayment.length,
            maxLength: a.repayment.length,
          }),
        ),
      ),
      exempt: fc.array(
        fc.constantFrom('annual_fee' as const, 'bank_fault' as const, 'student_loan' as const),
        {
          maxLength: 2,
        },
      ),
      sources: sources(p.content.sources),
    })
    .map(({ statuses, exempt, sources }) => ({
      ...p.content,
      generatedAt: GENERATED_AT,
      sources,
      creditAccounts: p.content.creditAccounts.map((a, i) => {
        const repayment = a.repayment.map((e, j) => ({ ...e, status: statuses[i]?.[j] ?? e.status }));
        const exemptions = exempt.flatMap((reason, k) => {
          const month = repayment[k * 5]?.month;
          return month ? [{ month, reason }] : [];
        });
        return { ...a, repayment, exemptions: [...a.exemptions, ...exemptions] };
      }),
    })),
);

const packId = fc.constantFrom(...housingFundRulePacks.map((p) => p.id));
const coBorrowers = fc.array(
  fc.record({ role: fc.constantFrom('spouse' as const, 'co_borrower' as const), report: individualReport }),
  { maxLength: 2 },
);

describe('housing-fund properties', () => {
  it('is deterministic, never throws on schema-valid input and returns a valid result', () => {
    fc.assert(
      fc.property(individualReport, packId, anyDate, coBorrowers, (report, rulePack, asOf, co) => {
        expect(IndividualReportContent.parse(report)).toEqual(report);
        const opts = { rulePack, asOf, coBorrowers: co };
        const a = evaluateHousingFundLoan(report, opts);
        expect(evaluateHousingFundLoan(report, opts)).toEqual(a);
        expect(HousingFundResult.parse(a)).toEqual(a);
        expect(a.borrowers).toHaveLength(1 + co.length);
      }),
      { numRuns: 300 },
    );
  });

  it('never improves a verdict when overdue months or a dishonest listing are added', () => {
    const worsen = fc.record({
      months: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...OVERDUE)), {
        minLength: 1,
        maxLength: 8,
      }),
      listedAt: fc.option(realDate, { nil: undefined }),
    });
    fc.assert(
      fc.property(individualReport, packId, realDate, worsen, (report, rulePack, asOf, w) => {
        const accounts: CreditAccount[] = report.creditAccounts.map((a) => ({
          ...a,
          repayment: [...a.repayment],
        }));
        for (const [i, j, status] of w.months) {
          const account = accounts[i % Math.max(1, accounts.length)];
          const month = account?.repayment[j % Math.max(1, account.repayment.length)];
          // Only a neutral month can get worse: B (呆账) and D (代还) already weigh more than an overdue digit.
          if (account && month && NEUTRAL.has(month.status)) {
            account.repayment[j % account.repayment.length] = { ...month, status };
          }
        }
        const dishonest = w.listedAt
          ? [
              {
                id: 'd-gen',
                source: aSource,
                category: 'dishonest_judgment_debtor' as const,
                court: '某法院',
                caseNo: '（2025）执1号',
                obligation: '给付',
                listedAt: w.listedAt,
                expiresAt: null,
                removedAt: null,
              },
            ]
          : [];
        const worse = {
          ...report,
          creditAccounts: accounts,
          dishonestListings: [...report.dishonestListings, ...dishonest],
        };
        const before = evaluateHousingFundLoan(report, { rulePack, asOf }).verdict;
        const after = evaluateHousingFundLoan(worse, { rulePack, asOf }).verdict;
        expect(RANK[after]).toBeGreaterThanOrEqual(RANK[before]);
      }),
      { numRuns: 300 },
    );
  });
});

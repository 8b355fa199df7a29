import { describe, expect, it } from 'vitest';
import { type IndividualSeed, individualByTag, individualsByTag, SEED_AS_OF } from '../../../seeds/index.ts';
import type { CreditAccount } from '../core/records.ts';
import type { IndividualReportContent } from '../resources/reports.ts';
import { evaluateHousingFundLoan, HousingFundResult } from './housing-fund.ts';
import { getRulePack, housingFundRulePacks } from './packs/index.ts';
import { HousingFundRulePack } from './packs/schema.ts';

/** A seed individual as the report API returns it. */
function asReport(p: IndividualSeed, patch: Partial<IndividualReportContent> = {}): IndividualReportContent {
  return { ...p.content, generatedAt: `${SEED_AS_OF}T09:00:00+08:00`, ...patch };
}

const review = (tag: string, rulePack: string) =>
  evaluateHousingFundLoan(asReport(individualByTag(tag)), { rulePack, asOf: SEED_AS_OF });
const codes = (r: HousingFundResult) => r.findings.map((f) => f.code);

/** The applicant's own verdict differs from the household's only through household findings. */
type Row = [
  tag: string,
  verdict: HousingFundResult['verdict'],
  codes: string[],
  applicant?: HousingFundResult['verdict'],
];

// Every edge individual under every pack, asOf SEED_AS_OF (2026-11-01): 24-month windows are
// 2024-11..2026-10, deposit streaks end 2026-10.
const TABLE: Record<string, Row[]> = {
  'generic-lian3lei6': [
    ['edge:hf-clean', 'eligible', ['deposit.ok']],
    ['edge:hf-3-consecutive', 'ineligible', ['loan.consecutive_overdue', 'deposit.ok']],
    ['edge:hf-2-consecutive', 'eligible', ['deposit.ok']],
    ['edge:hf-6-cumulative-inside', 'ineligible', ['loan.cumulative_overdue', 'deposit.ok']],
    ['edge:hf-6-cumulative-outside', 'eligible', ['deposit.ok']],
    ['edge:hf-deposits-6', 'eligible', ['deposit.ok']],
    ['edge:hf-deposits-5', 'ineligible', ['deposit.insufficient']],
    ['edge:hf-dishonest', 'ineligible', ['list.dishonest_judgment_debtor.active', 'deposit.ok']],
    ['edge:hf-court-executing', 'review', ['court_enforcement.executing', 'deposit.ok']],
    ['edge:hf-five-category-substandard', 'review', ['loan.five_category', 'deposit.ok']],
    ['edge:hf-card-frozen', 'review', ['card.status', 'deposit.ok']],
    ['edge:hf-12-cumulative-60m', 'eligible', ['deposit.ok']],
    ['edge:hf-card-annual-fee', 'eligible', ['exemption.applied', 'deposit.ok']],
  ],
  'changchun-2022': [
    ['edge:hf-clean', 'eligible', ['deposit.ok']],
    ['edge:hf-3-consecutive', 'ineligible', ['loan.consecutive_overdue', 'deposit.ok']],
    ['edge:hf-2-consecutive', 'eligible', ['deposit.ok']],
    ['edge:hf-6-cumulative-inside', 'ineligible', ['loan.cumulative_overdue', 'deposit.ok']],
    ['edge:hf-6-cumulative-outside', 'eligible', ['deposit.ok']],
    ['edge:hf-deposits-5', 'ineligible', ['deposit.insufficient']],
    ['edge:hf-dishonest', 'ineligible', ['list.dishonest_judgment_debtor.active', 'deposit.ok']],
    ['edge:hf-court-executing', 'ineligible', ['court_enforcement.executing', 'deposit.ok']],
    ['edge:hf-five-category-substandard', 'ineligible', ['loan.five_category', 'deposit.ok']],
    ['edge:hf-card-frozen', 'ineligible', ['card.status', 'deposit.ok']],
    // Loans look back 3 years in 长春: 7 overdue months 2023-11..2026-10.
    ['edge:hf-12-cumulative-60m', 'ineligible', ['loan.cumulative_overdue', 'deposit.ok']],
    // 长春 honours only proven bank faults: the annual-fee months count.
    [
      'edge:hf-card-annual-fee',
      'ineligible',
      ['exemption.not_honoured', 'card.consecutive_overdue', 'deposit.ok'],
    ],
  ],
  hangzhou: [
    ['edge:hf-clean', 'eligible', ['deposit.ok', 'pack.manual_checks']],
    ['edge:hf-3-consecutive', 'ineligible', ['loan.consecutive_overdue', 'deposit.ok', 'pack.manual_checks']],
    ['edge:hf-6-cumulative-outside', 'eligible', ['deposit.ok', 'pack.manual_checks']],
    [
      'edge:hf-dishonest',
      'review',
      ['list.dishonest_judgment_debtor.active', 'deposit.ok', 'pack.manual_checks'],
    ],
    [
      'edge:hf-court-executing',
      'review',
      ['court_enforcement.executing', 'deposit.ok', 'pack.manual_checks'],
    ],
    ['edge:hf-12-cumulative-60m', 'eligible', ['deposit.ok', 'pack.manual_checks']],
    ['edge:hf-card-annual-fee', 'eligible', ['exemption.applied', 'deposit.ok', 'pack.manual_checks']],
  ],
  wuhan: [
    ['edge:hf-clean', 'eligible', ['deposit.ok', 'pack.manual_checks']],
    ['edge:hf-2-consecutive', 'eligible', ['deposit.ok', 'pack.manual_checks']],
    [
      'edge:hf-12-cumulative-60m',
      'ineligible',
      ['long_window.cumulative_overdue', 'deposit.ok', 'pack.manual_checks'],
    ],
    ['edge:hf-card-frozen', 'ineligible', ['card.status', 'deposit.ok', 'pack.manual_checks']],
    [
      'edge:hf-five-category-substandard',
      'review',
      ['loan.five_category', 'deposit.ok', 'pack.manual_checks'],
    ],
    [
      'edge:hf-court-executing',
      'ineligible',
      ['court_enforcement.executing', 'deposit.ok', 'pack.manual_checks'],
    ],
    [
      'edge:hf-dishonest',
      'ineligible',
      ['list.dishonest_judgment_debtor.active', 'deposit.ok', 'pack.manual_checks'],
    ],
    [
      'edge:hf-card-annual-fee',
      'ineligible',
      ['exemption.not_honoured', 'card.consecutive_overdue', 'deposit.ok', 'pack.manual_checks'],
    ],
  ],
  // Without household income the 60% rule cannot be checked: review, never eligible.
  'hohhot-2017': [
    ['edge:hf-clean', 'review', ['deposit.ok', 'income_ratio.data_missing'], 'eligible'],
    [
      'edge:hf-3-consecutive',
      'ineligible',
      ['loan.consecutive_overdue', 'deposit.ok', 'income_ratio.data_missing'],
    ],
    // Card rules: 6 in the last 12 months or 12 ever; this card has 6 ever, 2 in 12 months.
    ['edge:hf-6-cumulative-outside', 'review', ['deposit.ok', 'income_ratio.data_missing'], 'eligible'],
    // Loans have no window in 呼和浩特: 12 overdue months ever.
    [
      'edge:hf-12-cumulative-60m',
      'ineligible',
      ['loan.cumulative_overdue', 'deposit.ok', 'income_ratio.data_missing'],
    ],
    [
      'edge:hf-dishonest',
      'ineligible',
      ['list.dishonest_judgment_debtor.active', 'deposit.ok', 'income_ratio.data_missing'],
    ],
    [
      'edge:hf-card-annual-fee',
      'review',
      ['exemption.not_honoured', 'deposit.ok', 'income_ratio.data_missing'],
      'eligible',
    ],
  ],
};

describe.each(Object.keys(TABLE))('pack %s over the seed edge cases', (packId) => {
  it.each(TABLE[packId] ?? [])('%s → %s %j', (tag, verdict, expected, applicant = verdict) => {
    const result = review(tag, packId);
    expect(result.verdict).toBe(verdict);
    expect(codes(result)).toEqual(expected);
    expect(result.rulePack.id).toBe(packId);
    expect(result.borrowers.map((b) => [b.key, b.verdict])).toEqual([['applicant', applicant]]);
    expect(HousingFundResult.parse(result)).toEqual(result);
  });
});

describe('the months behind each finding', () => {
  const months = (r: HousingFundResult, code: string) => r.findings.find((f) => f.code === code)?.months;

  it('names the three consecutive months', () => {
    const r = review('edge:hf-3-consecutive', 'generic-lian3lei6');
    expect(months(r, 'loan.consecutive_overdue')).toEqual(['2025-08', '2025-09', '2025-10']);
    const f = r.findings[0];
    const account = individualByTag('edge:hf-3-consecutive').content.creditAccounts.find(
      (a) => a.type === 'consumer_loan',
    );
    expect(f?.message.zh).toBe(
      `2025-08..2025-10 连续 3 期逾期（${account?.institution}个人消费贷款（${account?.id}），近24个月；标准：连续 3 期）`,
    );
    expect(f?.message.en.startsWith('3 consecutive overdue periods 2025-08..2025-10')).toBe(true);
    expect(f?.record).toEqual({ id: account?.id, category: 'credit_accounts' });
  });

  it('names the six cumulative months', () => {
    expect(
      months(review('edge:hf-6-cumulative-inside', 'generic-lian3lei6'), 'loan.cumulative_overdue'),
    ).toEqual(['2025-01', '2025-04', '2025-07', '2025-11', '2026-03', '2026-08']);
  });

  it('names the twelve months of the 武汉 60-month rule', () => {
    expect(months(review('edge:hf-12-cumulative-60m', 'wuhan'), 'long_window.cumulative_overdue')).toEqual([
      '2022-01',
      '2022-06',
      '2022-11',
      '2023-04',
      '2023-09',
      '2024-02',
      '2024-07',
      '2024-12',
      '2025-05',
      '2025-10',
      '2026-03',
      '2026-08',
    ]);
  });

  it('names the excused annual-fee months', () => {
    expect(months(review('edge:hf-card-annual-fee', 'hangzhou'), 'exemption.applied')).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
    ]);
    expect(months(review('edge:hf-card-annual-fee', 'wuhan'), 'card.consecutive_overdue')).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
    ]);
  });

  it('names the deposit streak: 6 months passes, 5 does not', () => {
    expect(months(review('edge:hf-deposits-6', 'generic-lian3lei6'), 'deposit.ok')).toEqual([
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    const five = review('edge:hf-deposits-5', 'generic-lian3lei6');
    expect(months(five, 'deposit.insufficient')).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    expect(five.findings[0]?.citations[0]?.documentNo).toBe('建金〔2014〕148号');
  });
});

describe('window and deposit edges (variations on seed individuals)', () => {
  const clean = individualByTag('edge:hf-clean');
  const card = clean.content.creditAccounts.find((a) => a.type === 'credit_card');
  if (!card) throw new Error('edge:hf-clean has no credit card');
  const withCard = (overdue: string[], extraMonths: string[] = []) => {
    const months = [...extraMonths, ...card.repayment.map((e) => e.month)].sort();
    const repayment = months.map((month) => ({
      month,
      status: overdue.includes(month) ? ('1' as const) : ('N' as const),
    }));
    const accounts: CreditAccount[] = clean.content.creditAccounts.map((a) =>
      a.id === card.id ? { ...a, repayment } : a,
    );
    return evaluateHousingFundLoan(asReport(clean, { creditAccounts: accounts }), {
      rulePack: 'generic-lian3lei6',
      asOf: SEED_AS_OF,
    });
  };
  const five = ['2025-02', '2025-05', '2025-08', '2025-11', '2026-02'];

  it('the report grid starts at the first window month (2024-11)', () => {
    expect(card.repayment[0]?.month).toBe('2024-11');
    expect(card.repayment.at(-1)?.month).toBe('2026-10');
  });

  it('counts the first window month, 2024-11', () => {
    const r = withCard(['2024-11', ...five]);
    expect(r.verdict).toBe('ineligible');
    expect(r.findings.find((f) => f.code === 'card.cumulative_overdue')?.months).toEqual([
      '2024-11',
      ...five,
    ]);
  });

  it('does not count 2024-10, one month before the window', () => {
    const r = withCard(['2024-10', ...five], ['2024-10']);
    expect(r.verdict).toBe('eligible');
    expect(codes(r)).toEqual(['deposit.ok']);
  });

  it('does not count the asOf month, 2026-11', () => {
    const r = withCard(['2026-11', ...five], ['2026-11']);
    expect(r.verdict).toBe('eligible');
  });

  it('counts 2026-10, the last window month', () => {
    const r = withCard(['2026-10', ...five]);
    expect(r.verdict).toBe('ineligible');
  });

  it('extends a 5-month streak with a paid asOf month', () => {
    const p = individualByTag('edge:hf-deposits-5');
    const hf = p.content.housingFund;
    if (!hf) throw new Error('edge:hf-deposits-5 has no housing fund');
    const last = hf.deposits.at(-1);
    if (!last) throw new Error('edge:hf-deposits-5 has no deposits');
    const housingFund = { ...hf, deposits: [...hf.deposits, { ...last, month: '2026-11' }] };
    const r = evaluateHousingFundLoan(asReport(p, { housingFund }), {
      rulePack: 'generic-lian3lei6',
      asOf: SEED_AS_OF,
    });
    expect(r.verdict).toBe('eligible');
    expect(r.findings.find((f) => f.code === 'deposit.ok')?.months).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
  });

  it('is incomplete when the 人行征信 report could not be read', () => {
    const sources = clean.content.sources.map((s) =>
      s.channel === 'pbccrc' ? { ...s, status: 'unavailable' as const, fetchedAt: null } : s,
    );
    const r = evaluateHousingFundLoan(asReport(clean, { sources }), {
      rulePack: 'generic-lian3lei6',
      asOf: SEED_AS_OF,
    });
    expect(r.verdict).toBe('incomplete');
    expect(codes(r)).toEqual(['source.unavailable', 'deposit.ok']);
    expect(r.findings[0]?.message.en).toBe('Cannot check credit accounts: pbccrc: unavailable');
  });

  it('checks the 呼和浩特 income ratio when the application data is given', () => {
    const at = (monthlyRepaymentsYuan: number) =>
      evaluateHousingFundLoan(asReport(clean), {
        rulePack: 'hohhot-2017',
        asOf: SEED_AS_OF,
        householdIncome: { monthlyIncomeYuan: 20000, monthlyRepaymentsYuan },
      });
    expect(at(12000).verdict).toBe('eligible');
    expect(codes(at(12000))).toEqual(['deposit.ok', 'income_ratio.within']);
    expect(at(12001).verdict).toBe('ineligible');
    expect(codes(at(12001))).toEqual(['deposit.ok', 'income_ratio.exceeded']);
  });
});

describe('households', () => {
  const household = (id: string) => {
    const people = individualsByTag(`household:${id}`);
    const applicant = people.find((p) => p.tags.includes('role:applicant'));
    if (!applicant) throw new Error(`household ${id} has no applicant`);
    const coBorrowers = people
      .filter((p) => p !== applicant)
      .map((p) => ({
        role: p.tags.includes('role:spouse') ? ('spouse' as const) : ('co_borrower' as const),
        report: asReport(p),
      }));
    return { applicant: asReport(applicant), coBorrowers };
  };

  it('hh-1: applicant and spouse both clean → eligible', () => {
    const { applicant, coBorrowers } = household('hh-1');
    const r = evaluateHousingFundLoan(applicant, { rulePack: 'hangzhou', asOf: SEED_AS_OF, coBorrowers });
    expect(r.verdict).toBe('eligible');
    expect(r.borrowers.map((b) => [b.key, b.role, b.verdict, b.findings.map((f) => f.code)])).toEqual([
      ['applicant', 'applicant', 'eligible', ['deposit.ok']],
      ['spouse:1', 'spouse', 'eligible', []],
    ]);
    expect(r.borrowers[1]?.subject).toEqual(coBorrowers[0]?.report.subject);
  });

  it('hh-2: a co-borrower with 3 consecutive overdue months makes the household ineligible, and says who', () => {
    const { applicant, coBorrowers } = household('hh-2');
    const r = evaluateHousingFundLoan(applicant, { rulePack: 'hangzhou', asOf: SEED_AS_OF, coBorrowers });
    expect(r.verdict).toBe('ineligible');
    expect(r.borrowers.map((b) => [b.key, b.verdict])).toEqual([
      ['applicant', 'eligible'],
      ['co_borrower:1', 'ineligible'],
    ]);
    expect(r.findings.map((f) => [f.code, f.subjectId])).toEqual([
      ['deposit.ok', 'applicant'],
      ['loan.consecutive_overdue', 'co_borrower:1'],
      ['pack.manual_checks', 'household'],
      ['household.borrower_ineligible', 'household'],
    ]);
    const co = coBorrowers[0]?.report.subject;
    expect(r.findings.at(-1)?.message.zh).toBe(
      `共同借款人 ${co?.nameMasked}（${co?.idNumberMasked}）不符合贷款条件，家庭申请不予贷款`,
    );
    // A whole sentence in English too: no rule codes, not cut off.
    expect(r.findings.at(-1)?.message.en).toBe(
      `The co-borrower ${co?.nameMasked} (${co?.idNumberMasked}) does not meet the loan conditions, so the household application is refused`,
    );
    expect(r.findings[1]?.months).toEqual(['2025-12', '2026-01', '2026-02']);
  });
});

describe('rule packs as data', () => {
  it('ships the five packs, each valid, and no Beijing pack', () => {
    expect(housingFundRulePacks.map((p) => p.id)).toEqual([
      'generic-lian3lei6',
      'changchun-2022',
      'hangzhou',
      'wuhan',
      'hohhot-2017',
    ]);
    for (const p of housingFundRulePacks) {
      expect(HousingFundRulePack.parse(p)).toEqual(p);
      expect(p.confidence).toBe('secondary');
    }
    expect(housingFundRulePacks.some((p) => p.city?.name.zh === '北京')).toBe(false);
    expect(getRulePack('beijing')).toBeUndefined();
  });

  it('holds the city figures domain.md reports', () => {
    expect(getRulePack('changchun-2022')?.loanRules[0]?.windowMonths).toBe(36);
    expect(getRulePack('changchun-2022')?.cardRules[0]?.windowMonths).toBe(24);
    expect(getRulePack('changchun-2022')?.effectiveFrom).toBe('2022-01-01');
    expect(getRulePack('wuhan')?.longWindow).toMatchObject({ windowMonths: 60, cumulativeThreshold: 12 });
    expect(getRulePack('hohhot-2017')?.incomeRatio).toEqual({ maxRatio: 0.6 });
    expect(getRulePack('generic-lian3lei6')?.deposit?.minConsecutiveMonths).toBe(6);
  });

  it('accepts a caller-defined pack, e.g. a stricter deposit rule', () => {
    const base = getRulePack('generic-lian3lei6');
    if (!base?.deposit) throw new Error('generic pack has no deposit rule');
    const strict = { ...base, id: 'kunming-test', deposit: { ...base.deposit, minConsecutiveMonths: 12 } };
    const r = evaluateHousingFundLoan(asReport(individualByTag('edge:hf-deposits-6')), {
      rulePack: strict,
      asOf: SEED_AS_OF,
    });
    expect(r.verdict).toBe('ineligible');
    expect(codes(r)).toEqual(['deposit.insufficient']);
  });

  it('flags a pack used outside its effective dates', () => {
    const base = getRulePack('changchun-2022');
    if (!base) throw new Error('no changchun-2022 pack');
    const r = evaluateHousingFundLoan(asReport(individualByTag('edge:hf-clean')), {
      rulePack: { ...base, effectiveTo: '2026-10-31' },
      asOf: SEED_AS_OF,
    });
    expect(r.verdict).toBe('review');
    expect(codes(r).at(-1)).toBe('pack.not_in_force');
  });

  it('rejects an unknown pack id', () => {
    expect(() =>
      evaluateHousingFundLoan(asReport(individualByTag('edge:hf-clean')), {
        rulePack: 'beijing',
        asOf: SEED_AS_OF,
      }),
    ).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { compareGrades, gradeOrder, gradeRank } from './grade-order.ts';
import { HEADLINE_SCALES, headlineGrade } from './headline.ts';
import { Grade, PbocLongTermGrade, TaxCreditGrade } from './schemas.ts';

describe('grade order', () => {
  it('is each scale enum, best first', () => {
    expect(gradeOrder('tax_credit')).toEqual(TaxCreditGrade.options);
    expect(gradeOrder('pboc_long_term')).toEqual(PbocLongTermGrade.options);
    expect(gradeOrder('highway_construction')?.[0]).toBe('AA');
    expect(gradeOrder('public_credit')).toBeNull();
  });

  it('ranks within a scale, not by the letters', () => {
    // As text, D sorts before M and AAA between AA+ and BB+.
    expect(gradeRank('tax_credit', 'M')).toBeLessThan(gradeRank('tax_credit', 'D') ?? -1);
    expect(gradeRank('tax_credit', 'B')).toBeLessThan(gradeRank('tax_credit', 'M') ?? -1);
    const sorted = ['BB+', 'AA+', 'AAA', 'A-', 'CCC'].map((value) => ({
      scale: 'pboc_long_term' as const,
      value,
    }));
    expect(sorted.sort(compareGrades).map((g) => g.value)).toEqual(['AAA', 'AA+', 'A-', 'BB+', 'CCC']);
    expect(gradeRank('tax_credit', 'AAA')).toBeNull();
  });

  it('groups by scale and puts unordered symbols after the ordered ones, by their text', () => {
    const grades = [
      { scale: 'tax_credit' as const, value: 'D' },
      { scale: 'public_credit' as const, value: '良' },
      { scale: 'pboc_long_term' as const, value: 'BBB' },
      { scale: 'tax_credit' as const, value: 'M' },
      { scale: 'public_credit' as const, value: '优' },
      { scale: 'pboc_long_term' as const, value: 'AA' },
    ];
    expect(grades.sort(compareGrades).map((g) => `${g.scale}:${g.value}`)).toEqual([
      'pboc_long_term:AA',
      'pboc_long_term:BBB',
      'tax_credit:M',
      'tax_credit:D',
      'public_credit:优',
      'public_credit:良',
    ]);
  });
});

describe('the SME credit scale (中小企业信用评价)', () => {
  it('is ordered best first like the credit-market scale, on a scale of its own', () => {
    expect(gradeOrder('sme_credit')).toEqual(PbocLongTermGrade.options);
    expect(gradeRank('sme_credit', 'BBB-')).toBeLessThan(gradeRank('sme_credit', 'BB+') ?? -1);
    const grades = [
      { scale: 'sme_credit' as const, value: 'BB' },
      { scale: 'pboc_long_term' as const, value: 'A' },
      { scale: 'sme_credit' as const, value: 'AA-' },
    ];
    // Never interleaved with a borrower rating: sorted by scale first.
    expect(grades.sort(compareGrades).map((g) => `${g.scale}:${g.value}`)).toEqual([
      'pboc_long_term:A',
      'sme_credit:AA-',
      'sme_credit:BB',
    ]);
  });
});

describe('headline grade', () => {
  const grade = (scale: string, value: string, ratedAt: string) => ({ scale, value, ratedAt }) as never;

  it('takes the newest grade of the first scale the subject has', () => {
    const summary = {
      grades: [
        grade('tax_credit', 'A', '2026-04-01'),
        grade('pboc_long_term', 'AA', '2024-05-01'),
        grade('pboc_long_term', 'AA+', '2026-05-01'),
      ],
      taxCredit: [],
    };
    expect(headlineGrade(summary)).toEqual({ scale: 'pboc_long_term', value: 'AA+' });
  });

  it('heads an SME with its 中小企业信用评价 before its tax grade', () => {
    const summary = {
      grades: [grade('tax_credit', 'B', '2026-04-01'), grade('sme_credit', 'A', '2026-03-01')],
      taxCredit: [],
    };
    expect(headlineGrade(summary)).toEqual({ scale: 'sme_credit', value: 'A' });
  });

  it('lets the yearly tax history stand in for a tax grade, and has none for a bare subject', () => {
    const taxCredit = [
      { year: 2024, grade: 'A' },
      { year: 2025, grade: 'M' },
    ];
    expect(headlineGrade({ grades: [grade('customs_282', 'advanced', '2026-01-01')], taxCredit })).toEqual({
      scale: 'tax_credit',
      value: 'M',
    });
    expect(headlineGrade({ grades: [], taxCredit: [] })).toBeNull();
  });

  it('lists every scale of the schema once', () => {
    expect([...HEADLINE_SCALES].sort()).toEqual(Grade.options.map((o) => o.shape.scale.value).sort());
  });
});

import { describe, expect, it } from 'vitest';
import type { TabSubject } from '../screening/model.ts';
import { byGrade, pageNumbers } from './sidepanel.tsx';

function entry(
  key: string,
  grades: Array<{ scale: string; value: string }>,
  consortium?: string,
): TabSubject {
  return {
    subject: {
      key,
      code: null,
      invalid: null,
      name: key,
      role: 'bidder',
      consortium: consortium ? { id: consortium, name: null } : null,
    },
    result: {
      state: 'done',
      summary: {
        grades: grades.map((g) => ({ ...g, ratedAt: '2026-01-01', year: 2025 })),
        taxCredit: [],
      },
    },
  } as unknown as TabSubject;
}

describe("the side panel's 评级 sort", () => {
  it("follows each scale's order: AAA above AA+ above BB+, tax M above D, ungraded last", () => {
    const rows = [
      entry('bb+', [{ scale: 'pboc_long_term', value: 'BB+' }]),
      entry('none', []),
      entry('aa+', [{ scale: 'pboc_long_term', value: 'AA+' }]),
      entry('aaa', [{ scale: 'pboc_long_term', value: 'AAA' }]),
      entry('tax-d', [{ scale: 'tax_credit', value: 'D' }]),
      entry('tax-m', [{ scale: 'tax_credit', value: 'M' }]),
    ];
    // By the symbols' text: AA+ < AAA < BB+ and D < M.
    expect(rows.sort(byGrade).map((r) => r.subject.key)).toEqual([
      'aaa',
      'aa+',
      'bb+',
      'tax-m',
      'tax-d',
      'none',
    ]);
  });
});

describe("the side panel's numbering", () => {
  it("counts the page's rows: the members of a 联合体 share their row's number", () => {
    const numbers = pageNumbers([
      entry('a', []),
      entry('b1', [], 'row-2'),
      entry('b2', [], 'row-2'),
      entry('c', []),
    ]);
    expect([...numbers.entries()]).toEqual([
      ['a', 1],
      ['b1', 2],
      ['b2', 2],
      ['c', 3],
    ]);
  });
});

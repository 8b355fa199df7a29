/**
 * The package's subpaths, as a consumer imports them: each has a source, a types and a
 * default entry, and the rules subpath carries what a 信贷 screen needs without the client.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCALE_EXPLANATIONS as labelsExplanations, gradeMeaning as labelsMeaning } from '@xinjian/sdk/labels';
import * as rules from '@xinjian/sdk/rules';
import { describe, expect, expectTypeOf, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { source: string; types: string; default: string }>;
};

describe('package exports', () => {
  it('every code subpath has source, types and default, and its source exists', () => {
    for (const [path, entry] of Object.entries(pkg.exports)) {
      if (typeof entry === 'string') continue;
      expect(Object.keys(entry), path).toEqual(['source', 'types', 'default']);
      expect(existsSync(join(ROOT, entry.source)), `${path} → ${entry.source}`).toBe(true);
      const stem = entry.source.replace(/^\.\/src\//, './dist/').replace(/\.ts$/, '');
      expect(entry.types, path).toBe(`${stem}.d.ts`);
      expect(entry.default, path).toBe(`${stem}.js`);
    }
    expect(Object.keys(pkg.exports)).toEqual(expect.arrayContaining(['./rules', './labels']));
  });

  it('@xinjian/sdk/rules carries the credit-lending rule set, RULE_SETS and the scale labels', () => {
    expect(rules.RULE_SETS.credit.evaluate).toBe(rules.evaluateCreditLending);
    expect(rules.RuleSetId.options).toEqual(['procurement', 'tendering', 'credit', 'loan']);
    expect(rules.SCALE_LABELS.sme_credit.zh).toBe('中小企业信用评价');
    expect(rules.SCALE_EXPLANATIONS.sme_credit.en).toContain('filed rating agency');
    expect(rules.SCALE_EXPLANATIONS).toBe(labelsExplanations);
    expect(rules.gradeMeaning).toBe(labelsMeaning);
    expect(rules.listingLastDay({ expiresAt: null, removedAt: '2026-03-01' })).toBe('2026-02-28');
    expectTypeOf(rules.evaluateCreditLending).returns.toEqualTypeOf<rules.CreditLendingResult>();
    expectTypeOf<rules.CreditLendingOptions['guarantors']>().toEqualTypeOf<
      readonly rules.ScreeningSubject[] | undefined
    >();
  });

  it('explains every scale in both languages, and means each long-term and SME grade', () => {
    for (const [scale, text] of Object.entries(rules.SCALE_EXPLANATIONS)) {
      expect(text.zh.length, scale).toBeGreaterThan(10);
      expect(text.en.length, scale).toBeGreaterThan(10);
    }
    expect(rules.gradeMeaning('sme_credit', 'AA-')?.zh).toBe('偿还债务的能力很强，违约风险很低');
    expect(rules.gradeMeaning('pboc_long_term', 'C')?.en).toBe('unable to repay');
    expect(rules.gradeMeaning('tax_credit', 'A')).toBeNull();
  });
});

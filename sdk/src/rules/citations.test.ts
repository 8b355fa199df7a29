/**
 * Every finding of every pack cites its basis: a document and the article (or, for a notice
 * without articles, the section). A name that is not a 文号 says so and links the source.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_CUTOFF, SEED_AS_OF, seeds } from '../../../seeds/index.ts';
import { asReport } from '../test-utils/seed-report.ts';
import { Citation, policyDocuments } from './citations.ts';
import { evaluateCreditLending } from './credit-lending.ts';
import type { Finding } from './findings.ts';
import { evaluateHousingFundLoan } from './housing-fund.ts';
import { housingFundRulePacks } from './packs/index.ts';
import { ENTERPRISE_RULE_SETS, RULE_SETS } from './registry.ts';

const GENERATED_AT = `${SEED_AS_OF}T09:00:00+08:00`;
const enterprises = seeds.enterprises.map((e) => asReport(e));

function* allFindings(): Generator<[string, Finding]> {
  const cutoffs = [DEMO_CUTOFF, '2026-12-20', '2024-06-01', '2029-01-01'];
  for (const id of ENTERPRISE_RULE_SETS) {
    const set = RULE_SETS[id];
    if (set.kind !== 'enterprise') continue;
    for (const cutoff of cutoffs) {
      for (const projectKind of ['works', 'goods'] as const) {
        for (const e of enterprises) {
          const result = set.evaluate(e, { asOf: SEED_AS_OF, cutoff, projectKind });
          for (const f of result.findings) yield [`${set.id} ${e.subject.id} ${cutoff}`, f];
        }
      }
    }
  }
  // 信贷 with guarantors: every enterprise guarantees the next one's application.
  for (const cutoff of cutoffs) {
    for (const [i, e] of enterprises.entries()) {
      const guarantors = [
        enterprises[(i + 1) % enterprises.length],
        enterprises[(i + 7) % enterprises.length],
      ];
      const result = evaluateCreditLending(e, {
        asOf: SEED_AS_OF,
        cutoff,
        guarantors: guarantors.filter((g) => g !== undefined),
      });
      for (const f of result.findings) yield [`credit+guarantors ${e.subject.id} ${cutoff}`, f];
    }
  }
  for (const pack of housingFundRulePacks) {
    for (const p of seeds.individuals) {
      const content = { ...p.content, generatedAt: GENERATED_AT };
      const result = evaluateHousingFundLoan(content, { rulePack: pack.id, asOf: SEED_AS_OF });
      for (const b of result.borrowers) for (const f of b.findings) yield [`${pack.id} ${p.name}`, f];
      for (const f of result.findings) yield [`${pack.id} ${p.name}`, f];
    }
  }
}

// Walked once: both tests read the same findings.
const walked = [...allFindings()];

describe('citations', () => {
  it('every finding of every pack cites a document and its article or section', () => {
    let count = 0;
    const codes = new Set<string>();
    for (const [where, f] of walked) {
      count++;
      codes.add(f.code);
      expect(f.citations.length, `${where} ${f.code} cites nothing`).toBeGreaterThan(0);
      for (const c of f.citations) {
        expect(Citation.parse(c)).toEqual(c);
        expect(c.documentNo.trim(), `${where} ${f.code}`).not.toBe('');
        expect(
          c.article?.trim() ?? '',
          `${where} ${f.code} cites ${c.documentNo} without an article`,
        ).not.toBe('');
        if (c.label === true)
          expect(c.url, `${where} ${f.code}: label ${c.documentNo} has no link`).toMatch(/^https?:\/\//);
      }
    }
    // The walk reaches far enough to mean something.
    expect(count).toBeGreaterThan(1000);
    for (const code of [
      'list.dishonest_judgment_debtor.active',
      'penalty.major.fine',
      'source.unavailable',
      'subject.not_active',
      'guarantor.failed',
      'rating.pboc_long_term.below_minimum',
      'rating.pboc_long_term.grade',
      'rating.pboc_long_term.missing',
      'enforcement.executing',
    ]) {
      expect(codes, code).toContain(code);
    }
  });

  it('says which document names are labels rather than 文号, and links them', () => {
    const labels = Object.values(policyDocuments).filter((d) => d.isLabel);
    expect(labels.map((d) => d.id)).toEqual(
      expect.arrayContaining(['spc-dishonest-list', 'hangzhou-hf', 'wuhan-hf', 'changchun-hf-2022']),
    );
    for (const d of labels) expect(d.url, d.id).toMatch(/^https?:\/\//);
    const numbered = Object.values(policyDocuments).filter((d) => !d.isLabel);
    for (const d of numbered)
      expect(d.documentNo, d.id).toMatch(/〔\d{4}〕\d+号|令第\d+号|令\d{4}年第\d+号|法$|民法典|^JR\/T /);
  });

  it('cites 财库〔2016〕125号 by section', () => {
    for (const [, f] of walked) {
      for (const c of f.citations) {
        if (c.documentNo === '财库〔2016〕125号')
          expect(c.article).toMatch(/^[一二三四五六七八九十]+(（[一二三四五六七八九十]+）)?$/);
      }
    }
  });
});

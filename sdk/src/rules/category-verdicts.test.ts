/**
 * Every record category of the seeds reaches every enterprise verdict: one edge subject per
 * category outcome, screened by procurement (a 工程 project), tendering and credit lending,
 * yields that outcome's finding with the weight and citations the pack's data gives it; and
 * each record reads with its kind and outcome, so a blacklist never reads like an award.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_CUTOFF, enterpriseByTag, SEED_AS_OF } from '../../../seeds/index.ts';
import { describeRecord, RECORD_CATEGORY_LABELS, recordOutcome } from '../labels.ts';
import { asReport } from '../test-utils/seed-report.ts';
import type { CategoryRuleId, CategoryRuleSet } from './categories.ts';
import {
  CREDIT_CATEGORY_RULES,
  PROCUREMENT_CATEGORY_RULES,
  TENDERING_CATEGORY_RULES,
} from './packs/categories.ts';
import { RULE_SETS } from './registry.ts';

const opts = { asOf: SEED_AS_OF, cutoff: DEMO_CUTOFF, projectKind: 'works' as const };
const PACKS: [string, (typeof RULE_SETS)['procurement' | 'tendering' | 'credit'], CategoryRuleSet][] = [
  ['procurement', RULE_SETS.procurement, PROCUREMENT_CATEGORY_RULES],
  ['tendering', RULE_SETS.tendering, TENDERING_CATEGORY_RULES],
  ['credit', RULE_SETS.credit, CREDIT_CATEGORY_RULES],
];
const CASES: [string, CategoryRuleId, string][] = [
  ['edge:contract-breached', 'contract.breached', '合同违约'],
  ['edge:quality-failed', 'product_quality.failed', '监督抽查不合格'],
  ['edge:quality-major-issue', 'product_quality.major_issue', '重大质量问题'],
  ['edge:construction-blacklist', 'construction.blacklist', '建筑市场主体黑名单'],
  ['edge:construction-blacklist-summary', 'construction.blacklist', '建筑市场黑名单'],
  ['edge:land-idle', 'land.idle', '闲置土地'],
  ['edge:land-illegal-use', 'land.illegal_use', '违法用地'],
  ['edge:env-black-list', 'environmental.black_list', '环保信用黑名单'],
  ['edge:env-bad-rating', 'environmental.bad_rating', '环保信用评价：环保不良企业'],
  ['edge:work-safety-dishonest', 'work_safety.dishonest_list', '安全生产严重失信主体名单'],
  ['edge:food-blacklist', 'food_safety.blacklist', '严重违法生产经营者黑名单'],
];

describe('every record category feeds every enterprise verdict', () => {
  for (const [pack, set, rules] of PACKS) {
    it.each(CASES)(`${pack}: %s → %s, weighed and cited as the pack's data says`, (tag, code, words) => {
      const result = set.evaluate(asReport(enterpriseByTag(tag)), opts);
      const found = result.findings.filter((f) => f.code === code);
      expect(found, `${pack} ${tag}`).toHaveLength(1);
      const [f] = found;
      const rule = rules.rules[code];
      expect(f?.severity).toBe(rule?.severity);
      expect(f?.citations).toEqual(rule?.citations);
      expect(f?.message.zh).toContain(words);
      expect(result.verdict).toBe(rule?.severity === 'info' ? 'pass' : 'review');
    });

    it(`${pack}: an award and a red list are shown, not weighed`, () => {
      for (const tag of ['edge:construction-award', 'edge:env-red-list']) {
        const result = set.evaluate(asReport(enterpriseByTag(tag)), opts);
        expect(result.verdict, tag).toBe('pass');
      }
    });
  }

  it('a changed weight in the versioned data changes the verdict', () => {
    const categoryRules = {
      ...CREDIT_CATEGORY_RULES,
      version: 'bank-2027.01',
      rules: {
        ...CREDIT_CATEGORY_RULES.rules,
        'land.idle': { ...CREDIT_CATEGORY_RULES.rules['land.idle'], severity: 'bar' },
      },
    } as CategoryRuleSet;
    const result = RULE_SETS.credit.evaluate(asReport(enterpriseByTag('edge:land-idle')), {
      ...opts,
      config: { categoryRules },
    });
    expect(result.verdict).toBe('fail');
  });
});

describe('describeRecord shows the kind and the outcome of every category', () => {
  const lines = (tag: string) =>
    enterpriseByTag(tag)
      .records.filter((r) => r.category !== 'tax_credit' && r.category !== 'administrative_license')
      .map((r) => ({ r, zh: describeRecord(r, 'zh'), en: describeRecord(r, 'en') }));

  it.each([
    ...CASES.filter(([tag]) => tag !== 'edge:construction-blacklist-summary'),
    ['edge:construction-award', 'construction.blacklist', '良好行为（表彰）'],
    ['edge:env-red-list', 'environmental.black_list', '环保信用红名单'],
  ] as [string, string, string][])('%s', (tag, _code, words) => {
    // The edge case's record, among the subject's ordinary ones: kind and outcome in words.
    const line = lines(tag).find((l) => l.zh.includes(words));
    expect(line, `${tag}: no line says ${words}`).toBeDefined();
    expect(line?.zh).toContain(`${RECORD_CATEGORY_LABELS[line?.r.category ?? 'construction'].zh}·${words}`);
    expect(line?.en).toContain(line ? recordOutcome(line.r).en : '?');
  });

  it('a blacklist entry and an award read differently, with opposite tones', () => {
    const black = lines('edge:construction-blacklist').find((l) => l.zh.includes('黑名单'));
    const award = lines('edge:construction-award').find((l) => l.zh.includes('优质工程'));
    expect(black && recordOutcome(black.r).tone).toBe('negative');
    expect(award && recordOutcome(award.r).tone).toBe('positive');
    expect(black?.zh).not.toContain('表彰');
    expect(award?.zh).not.toContain('黑名单');
  });
});

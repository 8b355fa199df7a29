/**
 * 信贷 cases written from the lender's side: a 失信被执行人 borrower is barred from financing,
 * a guarantor's bar fails the application as offered, ratings below the configured floor go
 * to a person, and an "AAA" from an unfiled issuer is not a rating.
 */
import { describe, expect, it } from 'vitest';
import {
  DEMO_CUTOFF,
  enterpriseByTag,
  enterprisesByTag,
  individualsByTag,
  SEED_AS_OF,
} from '../../../seeds/index.ts';
import type { Grade } from '../core/schemas.ts';
import { isValidIdCard } from '../identifiers/index.ts';
import type { IndividualReportContent } from '../resources/reports.ts';
import { asReport } from '../test-utils/seed-report.ts';
import {
  CreditLendingConfig,
  CreditLendingResult,
  evaluateCreditLending,
  evaluateLegalRepresentative,
  representativeId,
} from './credit-lending.ts';
import { CREDIT_LENDING_RULES } from './packs/credit-lending.ts';
import { evaluateEnterprise, RULE_SETS, RuleSetId } from './registry.ts';

const opts = { asOf: SEED_AS_OF, cutoff: DEMO_CUTOFF };
const codes = (r: CreditLendingResult) =>
  r.findings.filter((f) => f.code !== 'data.recheck_at_cutoff').map((f) => `${f.code}:${f.severity}`);
const report = (tag: string) => asReport(enterpriseByTag(tag));

const agency = {
  name: { zh: '华诚国际信用评级有限公司', en: 'Huacheng Rating' },
  kind: 'rating_agency' as const,
};
const grade = (scale: 'pboc_long_term' | 'sme_credit', value: string, extra: Partial<Grade> = {}): Grade =>
  ({
    scale,
    value,
    issuer: { ...agency, filingNo: '银评备〔2019〕第018号' },
    ratedAt: '2026-03-01',
    validUntil: '2027-02-28',
    ...extra,
  }) as Grade;
const withGrades = (grades: Grade[]) => ({ ...report('edge:clean'), grades });

describe('evaluateCreditLending: one borrower', () => {
  it.each([
    ['edge:clean', 'pass', ['rating.pboc_long_term.grade:info']],
    [
      'edge:dishonest-active',
      'fail',
      ['list.dishonest_judgment_debtor.active:bar', 'enforcement.executing:review'],
    ],
    ['edge:dishonest-expired', 'pass', ['list.dishonest_judgment_debtor.ended:info']],
    ['edge:major-tax', 'review', ['list.major_tax_violation.active:review']],
    ['edge:gp-ban-active', 'pass', ['list.gp_serious_violation.active:info']],
    ['edge:abnormal-operation', 'review', ['list.abnormal_operation.active:review']],
    ['edge:pboc-C', 'review', ['rating.pboc_long_term.below_minimum:review']],
    ['edge:pboc-BBB-', 'pass', ['rating.pboc_long_term.grade:info']],
  ])('%s → %s', (tag, verdict, expected) => {
    const result = evaluateCreditLending(report(tag), opts);
    expect(result.verdict).toBe(verdict);
    for (const code of expected) expect(codes(result)).toContain(code);
    expect(result.parties).toEqual([
      expect.objectContaining({ role: 'borrower', subjectId: enterpriseByTag(tag).subject.id, verdict }),
    ]);
    expect(result.ruleSet.id).toBe('cn-credit-lending');
  });

  it('bars a 失信被执行人 under the 融资 restriction of 发改财金〔2016〕141号', () => {
    const result = evaluateCreditLending(report('edge:dishonest-active'), opts);
    const bar = result.findings.find((f) => f.code === 'list.dishonest_judgment_debtor.active');
    expect(bar?.citations.map((c) => c.documentNo)).toEqual([
      '发改财金〔2016〕141号',
      '最高人民法院失信被执行人名单规定',
    ]);
    expect(bar?.citations[0]?.confidence).toBe('unconfirmed');
  });

  it('a borrower without a 借款企业信用评级 gets an info finding, not a review', () => {
    const result = evaluateCreditLending(withGrades([]), opts);
    expect(result.verdict).toBe('pass');
    expect(codes(result)).toContain('rating.pboc_long_term.missing:info');
  });

  it('reads the SME rating against its own floor, configurable', () => {
    const sme = withGrades([grade('pboc_long_term', 'A'), grade('sme_credit', 'BB+')]);
    const result = evaluateCreditLending(sme, opts);
    expect(result.verdict).toBe('review');
    const f = result.findings.find((x) => x.code === 'rating.sme_credit.below_minimum');
    expect(f?.message.zh).toContain('中小企业信用评价 BB+');
    expect(f?.message.zh).toContain('低于授信要求的 BBB-');
    expect(f?.message.zh).toContain('违约风险较高');
    const lowered = evaluateCreditLending(sme, { ...opts, config: { minimumGrades: { sme_credit: 'BB' } } });
    expect(lowered.verdict).toBe('pass');
    expect(codes(lowered)).toContain('rating.sme_credit.grade:info');
    const raised = evaluateCreditLending(sme, {
      ...opts,
      config: { minimumGrades: { pboc_long_term: 'AA-' } },
    });
    expect(codes(raised)).toContain('rating.pboc_long_term.below_minimum:review');
  });

  it('uses the newest grade rated by the review date', () => {
    const g = [
      grade('sme_credit', 'B', { ratedAt: '2025-03-01' }),
      grade('sme_credit', 'A', { ratedAt: '2026-03-01' }),
    ];
    expect(codes(evaluateCreditLending(withGrades(g), opts))).toContain('rating.sme_credit.grade:info');
    const early = evaluateCreditLending(withGrades(g), { asOf: '2025-06-01', cutoff: '2025-06-02' });
    expect(codes(early)).toContain('rating.sme_credit.below_minimum:review');
  });

  it('does not take an "AAA" from an issuer without a 备案 number as a rating', () => {
    const unfiled = withGrades([grade('pboc_long_term', 'AAA', { issuer: { ...agency, filingNo: null } })]);
    const result = evaluateCreditLending(unfiled, opts);
    expect(result.verdict).toBe('review');
    expect(codes(result)).toEqual(['rating.pboc_long_term.unfiled:review']);
  });

  it('asks for a surveillance rating once the rating has expired', () => {
    const old = withGrades([grade('pboc_long_term', 'AA', { validUntil: '2026-11-19' })]);
    expect(codes(evaluateCreditLending(old, opts))).toEqual([
      'rating.pboc_long_term.expired:review',
      'rating.pboc_long_term.grade:info',
    ]);
    const valid = withGrades([grade('pboc_long_term', 'AA', { validUntil: DEMO_CUTOFF })]);
    expect(evaluateCreditLending(valid, opts).verdict).toBe('pass');
  });

  it('rejects a floor that is not on the scale, saying which', () => {
    expect(() =>
      evaluateCreditLending(withGrades([]), { ...opts, config: { minimumGrades: { sme_credit: 'AAA+' } } }),
    ).toThrow(/AAA\+.{0,4} is not a grade on the sme_credit scale/);
  });

  it('severities are data: a list weight can be raised by the caller', () => {
    const result = evaluateCreditLending(report('edge:major-tax'), {
      ...opts,
      config: { severities: { 'list.major_tax_violation.active': 'bar' } },
    });
    expect(result.verdict).toBe('fail');
    expect(CreditLendingConfig.parse({}).rules).toEqual(CREDIT_LENDING_RULES);
  });
});

describe('evaluateCreditLending: borrower with guarantors', () => {
  it('a listed guarantor fails the application as offered; the borrower itself passes', () => {
    const result = evaluateCreditLending(report('edge:clean'), {
      ...opts,
      guarantors: [report('edge:pboc-AAA'), report('edge:dishonest-active')],
    });
    expect(CreditLendingResult.parse(result)).toEqual(result);
    expect(result.verdict).toBe('fail');
    expect(result.parties.map((p) => [p.role, p.verdict])).toEqual([
      ['borrower', 'pass'],
      ['guarantor', 'pass'],
      ['guarantor', 'fail'],
    ]);
    const g = enterpriseByTag('edge:dishonest-active').subject;
    const failed = result.findings.find((f) => f.code === 'guarantor.failed');
    expect(failed).toMatchObject({ severity: 'bar', subjectId: g.id });
    expect(failed?.message.zh).toContain(`担保人 ${g.name}（${g.uscc}）`);
    expect(failed?.citations[0]).toMatchObject({ documentNo: '民法典', article: '第六百八十一条' });
  });

  it('a lender that takes a listed guarantor to committee configures guarantor.failed as review', () => {
    const result = evaluateCreditLending(report('edge:clean'), {
      ...opts,
      guarantors: [report('edge:dishonest-active')],
      config: { severities: { 'guarantor.failed': 'review' } },
    });
    expect(result.verdict).toBe('review');
    expect(result.parties[1]?.verdict).toBe('fail');
  });

  it('a guarantor that needs review makes the whole application review; a failing borrower fails it', () => {
    const review = evaluateCreditLending(report('edge:clean'), {
      ...opts,
      guarantors: [report('edge:pboc-C')],
    });
    expect(review.verdict).toBe('review');
    const fail = evaluateCreditLending(report('edge:dishonest-active'), {
      ...opts,
      guarantors: [report('edge:clean')],
    });
    expect(fail.verdict).toBe('fail');
    expect(fail.findings.some((f) => f.code === 'guarantor.failed')).toBe(false);
  });

  it('an unread court channel of a guarantor leaves the application incomplete', () => {
    const unread = { ...report('edge:clean'), sources: [] };
    const result = evaluateCreditLending(report('edge:clean'), { ...opts, guarantors: [unread] });
    expect(result.verdict).toBe('incomplete');
    expect(result.missing).toEqual([`${unread.subject.id}:creditchina`, `${unread.subject.id}:zxgk`]);
  });
});

describe('RULE_SETS', () => {
  it('registers credit lending as the credit mode of the 信贷 domain', () => {
    expect(RuleSetId.options).toContain('credit');
    expect(RULE_SETS.credit).toMatchObject({
      kind: 'enterprise',
      domain: 'credit_lending',
      parties: 'guarantors',
    });
    expect(RULE_SETS.credit.evaluate(report('edge:dishonest-active'), opts).verdict).toBe('fail');
  });
});

describe('the seed 授信审批 case credit-case:cc-1', () => {
  const parties = enterprisesByTag('credit-case:cc-1');
  const borrower = parties.find((e) => e.tags.includes('role:borrower'));
  const guarantors = parties.filter((e) => e.tags.includes('role:guarantor'));

  it('is a borrower and two guarantors, with the legal representative a person with an ID number', () => {
    expect(borrower).toBeDefined();
    expect(guarantors).toHaveLength(2);
    const rep = individualsByTag('credit-case:cc-1');
    expect(rep.map((p) => p.tags)).toEqual([['credit-case:cc-1', 'role:legal_representative']]);
    expect(isValidIdCard(rep[0]?.idNumber ?? '')).toBe(true);
  });

  it('the borrower passes on its own; the listed, low-rated guarantor fails the application', () => {
    if (!borrower) throw new Error('no borrower in credit-case:cc-1');
    const result = evaluateCreditLending(asReport(borrower), {
      ...opts,
      guarantors: guarantors.map((g) => asReport(g)),
    });
    expect(result.parties.map((p) => [p.role, p.verdict])).toEqual([
      ['borrower', 'pass'],
      ['guarantor', 'pass'],
      ['guarantor', 'fail'],
    ]);
    expect(result.verdict).toBe('fail');
    const weak = guarantors[1]?.subject.id;
    expect(result.findings.filter((f) => f.subjectId === weak).map((f) => f.code)).toEqual(
      expect.arrayContaining([
        'list.dishonest_judgment_debtor.active',
        'rating.sme_credit.below_minimum',
        'guarantor.failed',
      ]),
    );
  });

  it.each([
    ['edge:sme-A-', 'pass'],
    ['edge:sme-BB', 'review'],
    ['edge:rating-unfiled', 'review'],
    ['edge:rating-expired', 'review'],
    ['edge:dishonest-expires-at-cutoff', 'fail'],
    ['edge:dishonest-removed-on-as-of', 'pass'],
  ])('%s → %s', (tag, verdict) => {
    expect(evaluateCreditLending(report(tag), opts).verdict).toBe(verdict);
  });
});

describe('the legal representative (法定代表人) in a credit application', () => {
  const parties = enterprisesByTag('credit-case:cc-1');
  const lead = parties.find((e) => e.tags.includes('role:borrower'));
  if (!lead) throw new Error('no borrower in credit-case:cc-1');
  const borrower = asReport(lead);
  const rep = individualsByTag('credit-case:cc-1')[0];
  const person = (tag: string, patch: Partial<IndividualReportContent> = {}): IndividualReportContent => {
    const seed = individualsByTag(tag)[0];
    if (!seed) throw new Error(`no individual tagged ${tag}`);
    return { ...seed.content, generatedAt: `${SEED_AS_OF}T09:00:00+08:00`, ...patch };
  };
  const repCodes = (r: CreditLendingResult) =>
    r.findings
      .filter((f) => f.subjectId.startsWith('legal_representative:'))
      .map((f) => `${f.code}:${f.severity}`);

  it("leaves the verdict as it was when the person was not looked up, and adds the person's own when they were", () => {
    if (!rep) throw new Error('no legal representative in credit-case:cc-1');
    expect(evaluateCreditLending(borrower, opts).verdict).toBe('pass');
    const result = evaluateCreditLending(borrower, {
      ...opts,
      legalRepresentative: person('credit-case:cc-1'),
    });
    expect(result.verdict).toBe('pass');
    expect(repCodes(result)).toEqual([]);
    expect(result.parties.at(-1)).toEqual({
      subjectId: representativeId(rep.content.subject.idNumberMasked),
      role: 'legal_representative',
      name: rep.content.subject.nameMasked,
      uscc: '',
      idNumberMasked: rep.content.subject.idNumberMasked,
      verdict: 'pass',
    });
    // Nothing in the result holds the full number.
    expect(JSON.stringify(result)).not.toContain(rep.idNumber);
  });

  it('a 失信被执行人 representative sends the application to review, citing 141号 and the court rules', () => {
    const result = evaluateCreditLending(borrower, {
      ...opts,
      legalRepresentative: person('edge:hf-dishonest'),
    });
    expect(result.verdict).toBe('review');
    expect(repCodes(result)).toContain('legal_representative.dishonest_judgment_debtor.active:review');
    const f = result.findings.find((x) => x.code === 'legal_representative.dishonest_judgment_debtor.active');
    expect(f?.citations.map((c) => c.documentNo)).toEqual([
      '发改财金〔2016〕141号',
      '最高人民法院失信被执行人名单规定',
      '最高人民法院失信被执行人名单规定',
    ]);
    expect(f?.citations[0]?.confidence).toBe('unconfirmed');
    expect(result.parties.find((p) => p.role === 'legal_representative')?.verdict).toBe('review');
    expect(result.parties[0]).toMatchObject({ role: 'borrower', verdict: 'pass' });
  });

  it('a lender whose policy bars it sets the weight by finding code, or in the pack', () => {
    const dishonest = person('edge:hf-dishonest');
    const bySeverity = evaluateCreditLending(borrower, {
      ...opts,
      legalRepresentative: dishonest,
      config: { severities: { 'legal_representative.dishonest_judgment_debtor.active': 'bar' } },
    });
    expect(bySeverity.verdict).toBe('fail');
    const rules = {
      ...CREDIT_LENDING_RULES,
      legalRepresentative: {
        ...CREDIT_LENDING_RULES.legalRepresentative,
        dishonest: { ...CREDIT_LENDING_RULES.legalRepresentative.dishonest, severity: 'bar' as const },
      },
    };
    expect(
      evaluateCreditLending(borrower, { ...opts, legalRepresentative: dishonest, config: { rules } }).verdict,
    ).toBe('fail');
    // A pack written before the representative's rules still parses, with the default weights.
    const { legalRepresentative: _, ...older } = CREDIT_LENDING_RULES;
    expect(CreditLendingConfig.parse({ rules: older }).rules.legalRepresentative).toEqual(
      CREDIT_LENDING_RULES.legalRepresentative,
    );
  });

  it('an executing case and an impaired account are for review; a listing that ended is not weighed', () => {
    const court = evaluateCreditLending(borrower, {
      ...opts,
      legalRepresentative: person('edge:hf-court-executing'),
    });
    expect(repCodes(court)).toEqual(['legal_representative.enforcement.executing:review']);
    expect(court.verdict).toBe('review');
    const account = evaluateCreditLending(borrower, {
      ...opts,
      legalRepresentative: person('edge:hf-five-category-substandard'),
    });
    expect(repCodes(account)).toContain('legal_representative.account.impaired:review');
    const [listing] = person('edge:hf-dishonest').dishonestListings;
    if (!listing) throw new Error('edge:hf-dishonest has no listing');
    const ended = evaluateCreditLending(borrower, {
      ...opts,
      legalRepresentative: person('credit-case:cc-1', {
        dishonestListings: [{ ...listing, removedAt: '2025-01-01', listedAt: '2024-01-01' }],
      }),
    });
    expect(ended.verdict).toBe('pass');
  });

  it('a court check that was not read leaves the application incomplete, never a pass', () => {
    const clean = person('credit-case:cc-1');
    const unread = { ...clean, sources: clean.sources.filter((s) => s.channel === 'pbccrc') };
    const result = evaluateCreditLending(borrower, { ...opts, legalRepresentative: unread });
    expect(result.verdict).toBe('incomplete');
    const id = representativeId(clean.subject.idNumberMasked);
    expect(result.missing).toEqual(expect.arrayContaining([`${id}:zxgk`, `${id}:creditchina`]));
    const noReport = { ...clean, sources: clean.sources.filter((s) => s.channel !== 'pbccrc') };
    expect(repCodes(evaluateCreditLending(borrower, { ...opts, legalRepresentative: noReport }))).toContain(
      'legal_representative.source.unavailable:missing',
    );
  });

  it('evaluateEnterprise passes the representative to the credit rule set, and no other mode takes one', () => {
    const dishonest = person('edge:hf-dishonest');
    const people = [{ role: 'legal_representative', report: dishonest }];
    expect(evaluateEnterprise('credit', borrower, { ...opts, people }).verdict).toBe('review');
    expect(
      evaluateEnterprise('credit', borrower, { ...opts, people: [{ role: 'spouse', report: dishonest }] })
        .verdict,
    ).toBe('pass');
    expect(
      evaluateEnterprise('procurement', borrower, { ...opts, people }).findings.map((f) => f.subjectId),
    ).not.toContain(representativeId(dishonest.subject.idNumberMasked));
  });

  it("the person's own result is the same findings, and the registry gives it for the role it weighs", () => {
    const dishonest = person('edge:hf-dishonest');
    const alone = evaluateLegalRepresentative(dishonest, opts);
    expect(alone.verdict).toBe('review');
    const inApplication = evaluateCreditLending(borrower, { ...opts, legalRepresentative: dishonest });
    expect(alone.findings).toEqual(
      inApplication.findings.filter(
        (f) => f.subjectId === representativeId(dishonest.subject.idNumberMasked),
      ),
    );
    expect(RULE_SETS.credit.evaluatePerson?.('legal_representative', dishonest, opts)?.verdict).toBe(
      'review',
    );
    expect(RULE_SETS.credit.evaluatePerson?.('guarantor', dishonest, opts)).toBeNull();
    expect(RULE_SETS.procurement.evaluatePerson).toBeUndefined();
  });

  it('every finding of the representative carries a citation', () => {
    for (const tag of ['edge:hf-dishonest', 'edge:hf-court-executing', 'edge:hf-five-category-substandard']) {
      const result = evaluateCreditLending(borrower, { ...opts, legalRepresentative: person(tag) });
      for (const f of result.findings) expect(f.citations.length, f.code).toBeGreaterThan(0);
    }
  });
});

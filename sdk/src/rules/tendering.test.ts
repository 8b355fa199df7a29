import { describe, expect, it } from 'vitest';
import { DEMO_CUTOFF, enterpriseByTag, SEED_AS_OF, seeds } from '../../../seeds/index.ts';
import { asReport } from '../test-utils/seed-report.ts';
import type { ScreeningResult } from './findings.ts';
import { evaluateTendering } from './tendering.ts';

const opts = { asOf: SEED_AS_OF, cutoff: DEMO_CUTOFF };
// The demo data is read 19 days before the cutoff; the re-check reminder that adds is tested in rule-fixes.test.ts.
const screened = (r: ScreeningResult) => r.findings.filter((f) => f.code !== 'data.recheck_at_cutoff');
const codes = (r: ScreeningResult) => screened(r).map((f) => `${f.code}:${f.severity}`);

describe('evaluateTendering over the seed edge cases (评标 on DEMO_CUTOFF)', () => {
  it.each([
    ['edge:clean', 'pass', []],
    ['edge:fine-2000000', 'pass', []],
    ['edge:penalty-3y-minus-1d', 'review', ['penalty.major.suspension:review']],
    ['edge:penalty-3y-plus-1d', 'pass', []],
    ['edge:dishonest-active', 'fail', ['list.dishonest_judgment_debtor.active:bar']],
    ['edge:dishonest-expired', 'pass', ['list.dishonest_judgment_debtor.expired:info']],
    ['edge:dishonest-removed', 'pass', ['list.dishonest_judgment_debtor.removed:info']],
    ['edge:major-tax', 'review', ['list.major_tax_violation.active:review']],
    ['edge:gp-ban-active', 'pass', ['list.gp_serious_violation.active:info']],
    ['edge:gp-ban-ended', 'pass', []],
    // Tendering needs 信用中国 or zxgk, not ccgp.
    ['edge:source-unavailable', 'pass', []],
    ['edge:abnormal-operation', 'pass', ['list.abnormal_operation.active:info']],
  ])('%s → %s %j', (tag, verdict, expected) => {
    const result = evaluateTendering(asReport(enterpriseByTag(tag)), opts);
    expect(result.verdict).toBe(verdict);
    expect(codes(result)).toEqual(expected);
    expect(result.ruleSet.id).toBe('cn-tendering-dishonest-debtor');
  });

  it('cites 法〔2016〕285号 四（一） for the restriction', () => {
    const [f] = evaluateTendering(asReport(enterpriseByTag('edge:dishonest-active')), opts).findings;
    expect(f?.citations[0]).toEqual({
      documentNo: '法〔2016〕285号',
      article: '四（一）',
      title: '关于在招标投标活动中对失信被执行人实施联合惩戒的通知',
      confidence: 'secondary',
    });
  });

  it('restricts the whole consortium when one member is listed (cons-b)', () => {
    const c = seeds.consortia.find((x) => x.id === 'cons-b');
    const member = (id: string) => {
      const e = seeds.enterprises.find((x) => x.subject.id === id);
      if (!e) throw new Error(`no member ${id}`);
      return asReport(e);
    };
    if (!c) throw new Error('no consortium cons-b in the seeds');
    const result = evaluateTendering(member(c.leadId), {
      ...opts,
      consortium: c.memberIds.filter((m) => m !== c.leadId).map(member),
    });
    expect(result.verdict).toBe('fail');
    expect(screened(result).map((f) => [f.code, f.subjectId])).toEqual([
      ['list.dishonest_judgment_debtor.active', 'ent-0028'],
      ['consortium.member_failed', 'ent-0028'],
    ]);
  });
});

describe('tendering sources', () => {
  const clean = enterpriseByTag('edge:clean');
  const down = (channels: string[]) =>
    clean.sources.map((s) =>
      channels.includes(s.channel)
        ? { ...s, status: 'unavailable' as const, fetchedAt: null, reason: 'timeout' }
        : s,
    );

  it('accepts zxgk when 信用中国 is unavailable', () => {
    const r = evaluateTendering(asReport(clean, { sources: down(['creditchina']) }), opts);
    expect(r.verdict).toBe('pass');
    expect(r.checked.map((c) => [c.channel, c.status])).toEqual([
      ['creditchina', 'unavailable'],
      ['zxgk', 'ok'],
    ]);
  });

  it('is incomplete when neither 信用中国 nor zxgk was read, naming both', () => {
    const r = evaluateTendering(asReport(clean, { sources: down(['creditchina', 'zxgk']) }), opts);
    expect(r.verdict).toBe('incomplete');
    expect(codes(r)).toEqual(['source.unavailable:missing']);
    expect(r.missing).toEqual([`${clean.subject.id}:creditchina`, `${clean.subject.id}:zxgk`]);
  });
});

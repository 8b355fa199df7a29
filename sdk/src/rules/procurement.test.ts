import { describe, expect, it } from 'vitest';
import {
  DEMO_CUTOFF,
  type EnterpriseSeed,
  enterpriseByTag,
  SEED_AS_OF,
  seeds,
} from '../../../seeds/index.ts';
import type { CreditRecord } from '../core/records.ts';
import { RatingSummary, ScreeningRecord } from '../resources/ratings.ts';
import { asReport } from '../test-utils/seed-report.ts';
import { ScreeningResult } from './findings.ts';
import { evaluateProcurement, type ProcurementConfig } from './procurement.ts';

/** A seed enterprise as the batch ratings API returns it: screening records only. */
function asSummary(e: EnterpriseSeed): RatingSummary {
  return RatingSummary.parse({
    subject: e.subject,
    grades: e.grades,
    taxCredit: [],
    lists: e.lists,
    records: e.records.filter((r) => ScreeningRecord.safeParse(r).success),
    sources: e.sources,
    lastUpdated: `${SEED_AS_OF}T09:00:00+08:00`,
  });
}

const opts = { asOf: SEED_AS_OF, cutoff: DEMO_CUTOFF };
const run = (tag: string, config?: ProcurementConfig) =>
  evaluateProcurement(asReport(enterpriseByTag(tag)), config ? { ...opts, config } : opts);
// The demo data is read 19 days before the cutoff; the re-check reminder that adds is tested in rule-fixes.test.ts.
const screened = (r: ScreeningResult) => r.findings.filter((f) => f.code !== 'data.recheck_at_cutoff');
const codes = (r: ScreeningResult) => screened(r).map((f) => f.code);

describe('evaluateProcurement over the seed edge cases', () => {
  it.each([
    ['edge:clean', 'pass', []],
    ['edge:fine-2000000', 'fail', ['penalty.major.fine']],
    ['edge:fine-1990000', 'pass', ['penalty.below_threshold']],
    ['edge:penalty-3y-minus-1d', 'fail', ['penalty.major.suspension']],
    ['edge:penalty-3y-plus-1d', 'pass', ['penalty.major.outside_window']],
    ['edge:dishonest-active', 'fail', ['list.dishonest_judgment_debtor.active']],
    ['edge:dishonest-expired', 'pass', ['list.dishonest_judgment_debtor.expired']],
    ['edge:dishonest-removed', 'pass', ['list.dishonest_judgment_debtor.removed']],
    ['edge:major-tax', 'fail', ['list.major_tax_violation.active']],
    ['edge:gp-ban-active', 'fail', ['list.gp_serious_violation.active']],
    ['edge:gp-ban-ended', 'pass', ['gp_ban.ended']],
    ['edge:source-unavailable', 'incomplete', ['source.unavailable']],
    ['edge:abnormal-operation', 'review', ['list.abnormal_operation.active']],
  ])('%s → %s %j', (tag, verdict, expected) => {
    const result = run(tag);
    expect(result.verdict).toBe(verdict);
    expect(codes(result)).toEqual(expected);
    expect(ScreeningResult.parse(result)).toEqual(result);
  });

  it('gives the same result for the batch summary as for the full report', () => {
    for (const e of seeds.enterprises.filter((x) => x.tags.some((t) => t.startsWith('edge:')))) {
      expect(evaluateProcurement(asSummary(e), opts)).toEqual(evaluateProcurement(asReport(e), opts));
    }
  });

  it('names the unavailable ccgp channel and never passes', () => {
    const e = enterpriseByTag('edge:source-unavailable');
    const result = run('edge:source-unavailable');
    expect(e.sources.find((s) => s.channel === 'ccgp')).toMatchObject({
      status: 'unavailable',
      fetchedAt: null,
    });
    expect(result.missing).toEqual([`${e.subject.id}:ccgp`]);
    expect(result.findings[0]).toMatchObject({ severity: 'missing', record: null, subjectId: e.subject.id });
    expect(result.findings[0]?.message.en).toBe(
      'Cannot check government-procurement serious violation records: ccgp: unavailable (requires ccgp)',
    );
    expect(result.checked.find((c) => c.list === 'gp_serious_violation')).toEqual({
      subjectId: e.subject.id,
      list: 'gp_serious_violation',
      channel: 'ccgp',
      fetchedAt: null,
      status: 'unavailable',
    });
  });

  it('records what was checked, on which channel and when', () => {
    const e = enterpriseByTag('edge:clean');
    const at = (c: string) => e.sources.find((s) => s.channel === c)?.fetchedAt ?? 'absent';
    expect(run('edge:clean').checked).toEqual([
      {
        subjectId: e.subject.id,
        list: 'dishonest_judgment_debtor',
        channel: 'creditchina',
        fetchedAt: at('creditchina'),
        status: 'ok',
      },
      {
        subjectId: e.subject.id,
        list: 'major_tax_violation',
        channel: 'creditchina',
        fetchedAt: at('creditchina'),
        status: 'ok',
      },
      {
        subjectId: e.subject.id,
        list: 'gp_serious_violation',
        channel: 'ccgp',
        fetchedAt: at('ccgp'),
        status: 'ok',
      },
    ]);
  });

  it('cites the threshold document and the record behind a major fine', () => {
    const e = enterpriseByTag('edge:fine-2000000');
    const [f] = run('edge:fine-2000000').findings;
    const penalty = e.records.find((r) => r.category === 'administrative_penalty');
    expect(f?.record).toEqual({ id: penalty?.id, category: 'administrative_penalty' });
    expect(f?.source).toEqual(penalty?.source);
    expect(f?.citations.map((c) => [c.documentNo, c.article])).toEqual([
      ['政府采购法', '第二十二条第一款第（五）项'],
      ['国务院令第658号', '第十九条'],
      ['财库〔2022〕3号', '全文（较大数额罚款为200万元以上）'],
    ]);
    expect(f?.message.zh).toContain('罚款200万元');
    expect(f?.message.zh).toContain('达到较大数额罚款标准200万元');
  });

  it('notes an ended ban under 实施条例 第十九条', () => {
    const [f] = run('edge:gp-ban-ended').findings;
    expect(f?.severity).toBe('info');
    expect(f?.citations).toEqual([
      {
        documentNo: '国务院令第658号',
        article: '第十九条',
        title: '中华人民共和国政府采购法实施条例',
        confidence: 'confirmed',
      },
    ]);
  });
});

describe('consortia', () => {
  const bid = (id: string) => {
    const c = seeds.consortia.find((x) => x.id === id);
    if (!c) throw new Error(`no consortium ${id} in the seeds`);
    const member = (mid: string) => {
      const e = seeds.enterprises.find((x) => x.subject.id === mid);
      if (!e) throw new Error(`no member ${mid}`);
      expect(e.tags).toContain(`consortium:${id}`);
      return asReport(e);
    };
    return {
      lead: member(c.leadId),
      others: c.memberIds.filter((m) => m !== c.leadId).map(member),
    };
  };

  it('passes a consortium whose members are all clean (cons-a)', () => {
    const { lead, others } = bid('cons-a');
    const result = evaluateProcurement(lead, { ...opts, consortium: others });
    expect(result.verdict).toBe('pass');
    expect(codes(result)).toEqual([]);
    expect(result.checked).toHaveLength(9);
  });

  it('fails the whole consortium when one member is a 失信被执行人 (cons-b)', () => {
    const { lead, others } = bid('cons-b');
    const result = evaluateProcurement(lead, { ...opts, consortium: others });
    expect(result.verdict).toBe('fail');
    expect(screened(result).map((f) => [f.code, f.subjectId])).toEqual([
      ['list.dishonest_judgment_debtor.active', 'ent-0028'],
      ['consortium.member_failed', 'ent-0028'],
    ]);
    const member = others.find((o) => o.subject.id === 'ent-0028');
    expect(screened(result)[1]?.message.zh).toBe(
      `联合体成员 ${member?.subject.name}（${member?.subject.uscc}）存在不良信用记录，视同联合体存在不良信用记录`,
    );
  });

  it('fails a bid whose lead is barred, naming the lead', () => {
    const lead = asReport(enterpriseByTag('edge:major-tax'));
    const result = evaluateProcurement(lead, {
      ...opts,
      consortium: [asReport(enterpriseByTag('edge:clean'))],
    });
    expect(result.verdict).toBe('fail');
    expect(screened(result).map((f) => [f.code, f.subjectId])).toEqual([
      ['list.major_tax_violation.active', lead.subject.id],
      ['consortium.member_failed', lead.subject.id],
    ]);
  });

  it('is incomplete when a member could not be checked and none is barred', () => {
    const unavailable = enterpriseByTag('edge:source-unavailable');
    const result = evaluateProcurement(asReport(enterpriseByTag('edge:clean')), {
      ...opts,
      consortium: [asReport(unavailable)],
    });
    expect(result.verdict).toBe('incomplete');
    expect(result.missing).toEqual([`${unavailable.subject.id}:ccgp`]);
  });
});

describe('variations on seed subjects', () => {
  const suspension = enterpriseByTag('edge:penalty-3y-minus-1d');
  const withDecision = (decidedAt: string) => {
    const records = suspension.records.map((r) =>
      r.category === 'administrative_penalty' ? { ...r, decidedAt } : r,
    );
    return evaluateProcurement(asReport(suspension, { records }), opts);
  };

  // Window (cutoff − 3 years, cutoff] with cutoff 2026-11-20.
  it.each([
    ['2023-11-19', 'pass', 'penalty.major.outside_window'],
    ['2023-11-20', 'pass', 'penalty.major.outside_window'],
    ['2023-11-21', 'fail', 'penalty.major.suspension'],
    ['2026-11-20', 'fail', 'penalty.major.suspension'],
    ['2026-11-21', 'pass', 'penalty.after_cutoff'],
  ])('a suspension decided %s → %s (%s)', (decidedAt, verdict, code) => {
    const result = withDecision(decidedAt);
    expect(result.verdict).toBe(verdict);
    expect(codes(result)).toEqual([code]);
  });

  it('maps 29 February to 28 February three years earlier', () => {
    const records = suspension.records.map((r) =>
      r.category === 'administrative_penalty' ? { ...r, decidedAt: '2021-03-01' } : r,
    );
    const input = asReport(suspension, { records });
    expect(evaluateProcurement(input, { asOf: '2024-02-29', cutoff: '2024-02-29' }).verdict).toBe('fail');
    const onEdge = asReport(suspension, {
      records: records.map((r) =>
        r.category === 'administrative_penalty' ? { ...r, decidedAt: '2021-02-28' } : r,
      ),
    });
    expect(codes(evaluateProcurement(onEdge, { asOf: '2024-02-29', cutoff: '2024-02-29' }))).toEqual([
      'penalty.major.outside_window',
    ]);
  });

  it('applies a higher sector threshold and ignores a lower one', () => {
    const higher = {
      sectorThresholds: [{ sector: 'market_regulation', thresholdYuan: 5_000_000, source: '某行业规定' }],
    };
    const r = run('edge:fine-2000000', higher);
    expect(r.verdict).toBe('pass');
    expect(codes(r)).toEqual(['penalty.below_threshold']);
    expect(r.findings[0]?.citations.at(-1)).toEqual({
      documentNo: '某行业规定',
      article: '较大数额罚款标准',
      title: '某行业规定',
    });
    const lower = {
      sectorThresholds: [{ sector: 'market_regulation', thresholdYuan: 1_000_000, source: '某地规定' }],
    };
    expect(run('edge:fine-1990000', lower).verdict).toBe('pass');
    expect(run('edge:fine-2000000', lower).verdict).toBe('fail');
    const otherSector = {
      sectorThresholds: [{ sector: 'finance', thresholdYuan: 5_000_000, source: '金融' }],
    };
    expect(run('edge:fine-2000000', otherSector).verdict).toBe('fail');
  });

  it('can treat below-threshold fines as review', () => {
    const r = run('edge:fine-1990000', { belowThresholdFineSeverity: 'review' });
    expect(r.verdict).toBe('review');
    expect(r.findings[0]?.severity).toBe('review');
  });

  it('asks for review when no threshold applies at the cutoff', () => {
    const r = run('edge:fine-2000000', { fineThresholds: [] });
    expect(r.verdict).toBe('review');
    expect(codes(r)).toEqual(['penalty.fine_threshold_unknown']);
  });

  it('still fails on a bar when a channel is also unavailable, and lists the channel', () => {
    const e = enterpriseByTag('edge:dishonest-active');
    const sources = e.sources.map((s) =>
      s.channel === 'ccgp' ? { ...s, status: 'unavailable' as const, fetchedAt: null, reason: 'timeout' } : s,
    );
    const r = evaluateProcurement(asReport(e, { sources }), opts);
    expect(r.verdict).toBe('fail');
    expect(codes(r)).toEqual(['list.dishonest_judgment_debtor.active', 'source.unavailable']);
    expect(r.missing).toEqual([`${e.subject.id}:ccgp`]);
  });

  it('treats a channel absent from sources as missing', () => {
    const e = enterpriseByTag('edge:clean');
    const r = evaluateProcurement(
      asReport(e, { sources: e.sources.filter((s) => s.channel !== 'creditchina') }),
      opts,
    );
    expect(r.verdict).toBe('incomplete');
    expect(r.missing).toEqual([`${e.subject.id}:creditchina`]);
    expect(codes(r)).toEqual(['source.unavailable', 'source.unavailable']);
    expect(r.checked.map((c) => c.status)).toEqual(['missing', 'missing', 'ok']);
  });

  it('bars on a list summary whose record is absent', () => {
    const e = enterpriseByTag('edge:dishonest-active');
    const records: CreditRecord[] = e.records.filter((r) => r.category !== 'dishonest_judgment_debtor');
    const r = evaluateProcurement(asReport(e, { records }), opts);
    expect(r.verdict).toBe('fail');
    expect(screened(r).map((f) => [f.code, f.record])).toEqual([
      ['list.dishonest_judgment_debtor.active', null],
    ]);
  });

  it('judges the dishonest listing on the cutoff, not on asOf', () => {
    const e = enterpriseByTag('edge:dishonest-active');
    // Listed 2025-04-16 until 2027-04-16: a cutoff after the expiry is clear.
    const r = evaluateProcurement(asReport(e), { asOf: SEED_AS_OF, cutoff: '2027-04-17' });
    expect(codes(r)).toEqual(['list.dishonest_judgment_debtor.expired']);
    expect(evaluateProcurement(asReport(e), { asOf: SEED_AS_OF, cutoff: '2027-04-16' }).verdict).toBe('fail');
  });

  it('rejects a malformed cutoff', () => {
    expect(() =>
      evaluateProcurement(asReport(enterpriseByTag('edge:clean')), {
        asOf: SEED_AS_OF,
        cutoff: '2026/11/20',
      }),
    ).toThrow(RangeError);
  });
});

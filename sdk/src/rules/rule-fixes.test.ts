/**
 * Cases a compliance reviewer writes from the regulations before reading the rule code: an
 * unknown listing state at the 截止时点, dates that are not ISO 8601, the 建筑市场 blacklist,
 * and data read long before a future cut-off.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_CUTOFF, enterpriseByTag, SEED_AS_OF } from '../../../seeds/index.ts';
import type { CreditRecord } from '../core/records.ts';
import { asReport } from '../test-utils/seed-report.ts';
import type { ScreeningResult } from './findings.ts';
import { evaluateProcurement } from './procurement.ts';
import { evaluateTendering } from './tendering.ts';

const clean = () => asReport(enterpriseByTag('edge:clean'));
const byCode = (r: ScreeningResult, code: string) => r.findings.filter((f) => f.code === code);
const source = {
  channel: 'creditchina' as const,
  url: 'https://www.creditchina.gov.cn/',
  fetchedAt: `${SEED_AS_OF}T09:00:00+08:00`,
};
const PACKS = [
  ['procurement', evaluateProcurement],
  ['tendering', evaluateTendering],
] as const;

describe('a listing whose state at the 截止时点 is unknown', () => {
  // The summary was read after the cut-off; it says "no longer listed" but not since when.
  const membership = {
    list: 'dishonest_judgment_debtor' as const,
    kind: 'black' as const,
    since: '2026-06-01',
    until: null,
    active: false,
  };
  const unknownAtCutoff = { ...clean(), lists: [membership] };
  const late = { asOf: '2026-12-05', cutoff: DEMO_CUTOFF };

  it.each(PACKS)(
    '%s: no longer active, no end date, no record, checked after the cut-off → review saying why',
    (_, evaluate) => {
      const result = evaluate(unknownAtCutoff, late);
      expect(result.verdict).toBe('review');
      const [f] = byCode(result, 'list.dishonest_judgment_debtor.state_unknown');
      expect(f?.severity).toBe('review');
      expect(f?.message.zh).toContain(DEMO_CUTOFF);
      expect(f?.message.zh).toContain('无法确定');
      expect(f?.message.en).toMatch(/cannot tell whether .* in force on 2026-11-20/);
    },
  );

  it.each(PACKS)('%s: the same summary read before the cut-off is not in force there', (_, evaluate) => {
    const result = evaluate(unknownAtCutoff, { asOf: SEED_AS_OF, cutoff: DEMO_CUTOFF });
    expect(byCode(result, 'list.dishonest_judgment_debtor.state_unknown')).toEqual([]);
    expect(result.verdict).toBe('pass');
  });

  it.each(PACKS)(
    '%s: an active summary read after the cut-off, listed before it, still bars',
    (_, evaluate) => {
      const active = { ...unknownAtCutoff, lists: [{ ...membership, active: true }] };
      expect(evaluate(active, late).verdict).toBe('fail');
    },
  );
});

describe('record dates that are not ISO 8601, in hand-built input', () => {
  const listed: CreditRecord = {
    id: 'hand-1',
    source,
    category: 'dishonest_judgment_debtor',
    court: '北京市朝阳区人民法院',
    caseNo: '（2026）京0105执1234号',
    listedAt: '2026/11/15',
    expiresAt: null,
    removedAt: null,
    obligation: '给付工程款',
  };

  it.each(PACKS)('%s: 2026/11/15 is incomplete, naming the field, never a pass', (_, evaluate) => {
    const result = evaluate({ ...clean(), records: [listed] }, { asOf: SEED_AS_OF, cutoff: DEMO_CUTOFF });
    expect(result.verdict).toBe('incomplete');
    const [f] = byCode(result, 'record.invalid_date');
    expect(f?.severity).toBe('missing');
    expect(f?.message.en).toContain('records[0].listedAt');
    expect(f?.message.en).toContain('"2026/11/15"');
    expect(f?.message.zh).toContain('YYYY-MM-DD');
    expect(f?.record).toEqual({ id: 'hand-1', category: 'dishonest_judgment_debtor' });
  });

  it.each(PACKS)('%s: an impossible calendar day (2026-02-30) is incomplete too', (_, evaluate) => {
    const result = evaluate(
      { ...clean(), records: [{ ...listed, listedAt: '2026-02-30' }] },
      { asOf: SEED_AS_OF, cutoff: DEMO_CUTOFF },
    );
    expect(result.verdict).toBe('incomplete');
    expect(byCode(result, 'record.invalid_date')[0]?.message.en).toContain('records[0].listedAt');
  });

  it.each(PACKS)('%s: a bad list-summary date names lists[i].since', (_, evaluate) => {
    const input = {
      ...clean(),
      lists: [
        {
          list: 'major_tax_violation' as const,
          kind: 'black' as const,
          since: '15.11.2026',
          until: null,
          active: true,
        },
      ],
    };
    const result = evaluate(input, { asOf: SEED_AS_OF, cutoff: DEMO_CUTOFF });
    expect(result.verdict).toBe('incomplete');
    expect(byCode(result, 'record.invalid_date')[0]?.message.en).toContain('lists[0].since');
  });

  it.each(PACKS)('%s: a cutoff that is not a calendar day throws, naming the value', (_, evaluate) => {
    expect(() => evaluate(clean(), { asOf: SEED_AS_OF, cutoff: '2026-02-30' })).toThrow(/cutoff.*2026-02-30/);
  });
});

describe('the 建筑市场 blacklist (建市〔2017〕241号)', () => {
  const blacklistRecord: CreditRecord = {
    id: 'jz-1',
    source: { ...source, channel: 'jzsc', url: 'https://jzsc.mohurd.gov.cn/asite/credit/record/blackList' },
    category: 'construction',
    kind: 'blacklist',
    authority: '北京市住房和城乡建设委员会',
    date: '2026-03-10',
    until: '2027-03-09',
    description: '发生转包行为，列入建筑市场主体“黑名单”',
  };
  const summary = {
    list: 'construction_blacklist' as const,
    kind: 'black' as const,
    since: '2026-03-10',
    until: '2027-03-09',
    active: true,
  };
  const opts = { asOf: SEED_AS_OF, cutoff: DEMO_CUTOFF };

  it('tendering: a blacklist record is review by default, citing 241号', () => {
    const result = evaluateTendering({ ...clean(), records: [blacklistRecord] }, opts);
    expect(result.verdict).toBe('review');
    const [f] = byCode(result, 'construction.blacklist');
    expect(f?.severity).toBe('review');
    expect(f?.citations.map((c) => c.documentNo)).toContain('建市〔2017〕241号');
    expect(f?.record).toEqual({ id: 'jz-1', category: 'construction' });
  });

  it('tendering: a list summary alone is evaluated as well', () => {
    const result = evaluateTendering({ ...clean(), lists: [summary] }, opts);
    expect(result.verdict).toBe('review');
    expect(byCode(result, 'construction.blacklist')).toHaveLength(1);
  });

  it('tendering: a tender document that excludes blacklisted firms can make it a bar', () => {
    const result = evaluateTendering(
      { ...clean(), lists: [summary] },
      { ...opts, config: { severities: { 'construction.blacklist': 'bar' } } },
    );
    expect(result.verdict).toBe('fail');
  });

  it('tendering: a blacklist period that ended before the cut-off is not in force', () => {
    const ended = { ...summary, since: '2024-01-01', until: '2025-01-01', active: false };
    expect(byCode(evaluateTendering({ ...clean(), lists: [ended] }, opts), 'construction.blacklist')).toEqual(
      [],
    );
  });

  it('procurement: evaluated for a 工程 project, not for goods', () => {
    const input = { ...clean(), records: [blacklistRecord] };
    const works = evaluateProcurement(input, { ...opts, projectKind: 'works' });
    expect(works.verdict).toBe('review');
    expect(byCode(works, 'construction.blacklist')[0]?.citations.map((c) => c.documentNo)).toContain(
      '建市〔2017〕241号',
    );
    expect(
      byCode(evaluateProcurement(input, { ...opts, projectKind: 'goods' }), 'construction.blacklist'),
    ).toEqual([]);
  });

  it('marks the blacklist article as unconfirmed', () => {
    const [f] = byCode(evaluateTendering({ ...clean(), lists: [summary] }, opts), 'construction.blacklist');
    expect(f?.citations.find((c) => c.documentNo === '建市〔2017〕241号')?.confidence).toBe('unconfirmed');
  });
});

describe('data read well before a future 截止时点', () => {
  it.each(PACKS)(
    '%s: asks for the check to be repeated at the cut-off, after the default 7 days',
    (_, evaluate) => {
      const early = evaluate(clean(), { asOf: '2026-11-01', cutoff: '2026-11-20' });
      const [f] = byCode(early, 'data.recheck_at_cutoff');
      expect(f?.severity).toBe('info');
      expect(f?.message.zh).toContain('截止时点');
      expect(f?.message.zh).toContain('2026-11-20');
      expect(early.verdict).toBe('pass');
      expect(
        byCode(evaluate(clean(), { asOf: '2026-11-14', cutoff: '2026-11-20' }), 'data.recheck_at_cutoff'),
      ).toEqual([]);
      expect(
        byCode(evaluate(clean(), { asOf: '2026-11-25', cutoff: '2026-11-20' }), 'data.recheck_at_cutoff'),
      ).toEqual([]);
    },
  );

  it.each(PACKS)('%s: the number of days and the weight are configurable', (_, evaluate) => {
    const config = { recheckAfterDays: 30, severities: { 'data.recheck_at_cutoff': 'review' as const } };
    expect(
      byCode(
        evaluate(clean(), { asOf: '2026-11-01', cutoff: '2026-11-20', config }),
        'data.recheck_at_cutoff',
      ),
    ).toEqual([]);
    const r = evaluate(clean(), { asOf: '2026-10-01', cutoff: '2026-11-20', config });
    expect(r.verdict).toBe('review');
  });
});

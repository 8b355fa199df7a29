import { createHash } from 'node:crypto';
import { evaluateProcurement } from '@xinjian/sdk/rules';
import { describe, expect, it } from 'vitest';
import { ratingSummary } from '../../../mock-server/src/catalog.ts';
import { enterpriseByTag, enterprisesByTag } from '../../../seeds/index.ts';
import {
  bidderEvidence,
  canonicalJson,
  pageEvidence,
  sealEvidence,
  sha256Hex,
  tableCsv,
  verifyEvidence,
} from './evidence.ts';
import type { TabRecord, TabSubject } from './model.ts';
import { codeSubject, invalidUsccSubject, nameSubject } from './subjects.ts';

const NOW = new Date('2026-11-25T02:00:00Z');
const dates = { asOf: '2026-11-25', cutoff: '2026-11-20' };

function checked(tag: string, extra: Partial<TabSubject['subject']> = {}): TabSubject {
  const seed = enterpriseByTag(tag);
  const summary = ratingSummary(seed, NOW);
  return {
    subject: {
      ...codeSubject('uscc', seed.subject.uscc, { name: seed.subject.name, role: 'bidder' }),
      ...extra,
    },
    result: {
      state: 'done',
      summary,
      screening: evaluateProcurement(summary, dates),
      match: null,
      checkedAt: '2026-11-25T02:00:00.000Z',
    },
  };
}

function tab(subjects: TabSubject[]): TabRecord {
  return {
    tabId: 7,
    url: 'http://127.0.0.1:8787/demo/bid-opening',
    title: '开标记录',
    mode: 'procurement',
    ruleSet: 'procurement',
    layoutId: 'demo-bid-opening',
    pageCutoff: '2026-11-20',
    cutoff: { date: '2026-11-20', source: 'page' },
    startedAt: '2026-11-25T01:59:00.000Z',
    subjects,
    consortia: [],
  };
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: 'x', c: undefined }], 中: '文' })).toBe(
      '{"a":[true,null,{"d":"x"}],"b":1,"中":"文"}',
    );
  });

  it('gives the same text for the same record built in another order', () => {
    expect(canonicalJson({ x: { q: 1, p: 2 }, y: [1, 2] })).toBe(
      canonicalJson({ y: [1, 2], x: { p: 2, q: 1 } }),
    );
  });
});

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vector and Node for Chinese text', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('信用中国')).toBe(createHash('sha256').update('信用中国', 'utf8').digest('hex'));
  });
});

describe('evidence records', () => {
  it('records what 125号 asks for: channels, lists, time, operator, page, cut-off, result', () => {
    const entry = checked('edge:dishonest-active');
    const e = bidderEvidence(tab([entry]), entry, { operator: '张三', reportIds: {} });
    expect(e.operator).toBe('张三');
    expect(e.page).toEqual({ url: 'http://127.0.0.1:8787/demo/bid-opening', title: '开标记录' });
    expect(e.cutoff).toEqual({ date: '2026-11-20', source: 'page' });
    expect(e.queriedAt).toBe('2026-11-25T02:00:00.000Z');
    expect(e.result.verdict).toBe('fail');
    expect(e.result.label).toBe('不通过');
    expect(e.channels.map((c) => c.channel)).toContain('creditchina');
    expect(e.channels.find((c) => c.channel === 'ccgp')?.url).toBe('http://www.ccgp.gov.cn/cr/list');
    expect(e.lists.find((l) => l.list === 'dishonest_judgment_debtor')).toMatchObject({
      hit: true,
      status: 'ok',
    });
    expect(e.result.findings.some((f) => f.citations.some((c) => c.startsWith('财库〔2016〕125号')))).toBe(
      true,
    );
  });

  it('carries the report ids ordered for the subject', () => {
    const entry = checked('edge:clean');
    const uscc = enterpriseByTag('edge:clean').subject.uscc;
    expect(
      bidderEvidence(tab([entry]), entry, { operator: '', reportIds: { [uscc]: ['rep_1'] } }).reportIds,
    ).toEqual(['rep_1']);
  });

  it('seals a page record so any change is detected', async () => {
    const record = pageEvidence(tab([checked('edge:clean'), checked('edge:abnormal-operation')]), {
      operator: '张三',
      reportIds: {},
      generatedAt: '2026-11-25T02:01:00.000Z',
    });
    const sealed = await sealEvidence(record);
    expect(sealed.sha256).toBe(createHash('sha256').update(canonicalJson(record), 'utf8').digest('hex'));
    expect(await verifyEvidence(JSON.parse(JSON.stringify(sealed)))).toBe(true);
    const tampered = JSON.parse(JSON.stringify(sealed));
    tampered.record.bidders[1].result.verdict = 'pass';
    expect(await verifyEvidence(tampered)).toBe(false);
  });

  it('keeps subjects without a result in the record, with why', () => {
    const invalid = invalidUsccSubject('91110000600037341N', { role: 'bidder' });
    if (!invalid) throw new Error('expected an invalid subject');
    const entry: TabSubject = {
      subject: invalid,
      result: {
        state: 'invalid',
        expectedCheckChar: 'L',
        message: invalid.invalid?.message ?? { zh: '', en: '' },
      },
    };
    const e = bidderEvidence(tab([entry]), entry, { operator: '', reportIds: {} });
    expect(e.result).toMatchObject({ state: 'invalid', verdict: null, label: '校验位不符：应为 L' });
    expect(e.subject.code).toBe('91110000600037341N');
  });

  it('lists consortia with their combined verdict', () => {
    const members = enterprisesByTag('consortium:cons-b');
    const summaries = members.map((m) => ratingSummary(m, NOW));
    const [lead, ...rest] = summaries;
    if (!lead) throw new Error('cons-b has no members');
    const record = tab([]);
    record.consortia = [
      {
        id: 'consortium-1',
        name: lead.subject.name,
        memberKeys: members.map((m) => `code:${m.subject.uscc}`),
        screening: evaluateProcurement(lead, { ...dates, consortium: rest }),
      },
    ];
    expect(
      pageEvidence(record, { operator: '', reportIds: {}, generatedAt: NOW.toISOString() }).consortia,
    ).toEqual([
      {
        id: 'consortium-1',
        name: lead.subject.name,
        members: members.map((m) => `code:${m.subject.uscc}`),
        verdict: 'fail',
      },
    ]);
  });
});

describe('tableCsv', () => {
  it('writes UTF-8 with a BOM and CRLF, one row per subject', () => {
    const page = pageEvidence(tab([checked('edge:clean'), checked('edge:major-tax')]), {
      operator: '',
      reportIds: {},
      generatedAt: NOW.toISOString(),
    });
    const csv = tableCsv(page);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, two rows, trailing empty
    expect(lines[0]).toBe('#,名称,统一社会信用代码,身份,联合体,评级,结论,依据,查询时间,截止时点');
    expect(lines[1]).toContain(
      `${enterpriseByTag('edge:clean').subject.name},${enterpriseByTag('edge:clean').subject.uscc}`,
    );
    expect(lines[2]).toContain('不通过');
  });

  it('quotes separators and defuses formulas in page text', () => {
    const entry: TabSubject = {
      subject: nameSubject('=HYPERLINK("http://x","点我"),甲公司', { role: 'bidder' }),
      result: { state: 'not_found' },
    };
    const csv = tableCsv(
      pageEvidence(tab([entry]), { operator: '', reportIds: {}, generatedAt: NOW.toISOString() }),
    );
    expect(csv.split('\r\n')[1]).toBe(
      `1,"'=HYPERLINK(""http://x"",""点我""),甲公司",,投标人,,,未找到,,,2026-11-20`,
    );
  });
});

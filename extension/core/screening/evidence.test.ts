// @vitest-environment node
import { createClient, type Jwks, type XinjianClient } from '@xinjian/sdk';
import { canonicalDigest, type EvidenceFile, verifyEvidence } from '@xinjian/sdk/evidence';
import { type CategoryRuleId, TENDERING_CATEGORY_RULES } from '@xinjian/sdk/rules';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type RunningMockServer, startMockServer } from '../../../mock-server/src/index.ts';
import { DEMO_API_KEY, enterpriseByTag, enterprisesByTag } from '../../../seeds/index.ts';
import { maskedId, maskedName } from '../personal.ts';
import { fromItem, screenConsortium } from './background/resolve.ts';
import {
  type EvidenceContext,
  evidenceStorageKey,
  savedEvidence,
  screeningRecord,
  tableCsv,
} from './evidence.ts';
import type { TabRecord, TabSubject } from './model.ts';
import { codeSubject, invalidUsccSubject, nameSubject } from './subjects.ts';
import { applicationPeople, failedPerson, LISTED_REP, REP_CONSENT, WAITING_REP } from './test-people.ts';

let server: RunningMockServer;
let client: XinjianClient;
let jwks: Jwks;

const CTX_DATES = { ruleSet: 'procurement' as const, asOf: '2026-11-25', cutoff: '2026-11-20' };
// China Standard Time, so the tests do not depend on the machine's zone.
const ctx: EvidenceContext = {
  operator: '张三',
  language: 'zh-CN',
  reportIds: {},
  tool: { name: 'xinjian-extension', version: '0.0.0-test' },
  api: null,
  offsetMinutes: 480,
};

beforeAll(async () => {
  server = await startMockServer({ port: 0, reportDelayMs: 0 });
  client = createClient({ baseUrl: server.url, apiKey: DEMO_API_KEY, cache: false });
  jwks = await client.keys.list();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  fakeBrowser.reset();
});

// A subject as the background records it: the service's answer, screened, with its lookup time.
async function looked(tag: string, extra: Partial<TabSubject['subject']> = {}): Promise<TabSubject> {
  const seed = enterpriseByTag(tag);
  const item = await client.ratings.get(seed.subject.uscc);
  return {
    subject: {
      ...codeSubject('uscc', seed.subject.uscc, { name: seed.subject.name, role: 'bidder' }),
      ...extra,
    },
    result: fromItem(item, null, { client, ...CTX_DATES }),
  };
}

function tab(subjects: TabSubject[], consortia: TabRecord['consortia'] = []): TabRecord {
  return {
    tabId: 7,
    url: 'http://127.0.0.1:8787/demo/bid-opening?token=secret#x',
    title: '开标记录',
    mode: 'procurement',
    ruleSet: 'procurement',
    layoutId: 'demo-bid-opening',
    pageCutoff: '2026-11-20',
    cutoff: { date: '2026-11-20', source: 'page' },
    startedAt: '2026-11-25T01:59:00.000Z',
    subjects,
    consortia,
  };
}

const edit = (file: EvidenceFile): EvidenceFile => JSON.parse(JSON.stringify(file)) as EvidenceFile;

describe('the screening evidence record', () => {
  it('is the SDK record, with the signed answers as received and each lookup time in the officer zone', async () => {
    const entry = await looked('edge:dishonest-active');
    const record = screeningRecord(tab([entry]), ctx, '2026-12-01T10:00:00.000+08:00');
    expect(record.schema).toBe('xinjian.evidence/2');
    expect(record.origin.page).toEqual({
      origin: 'http://127.0.0.1:8787',
      path: '/demo/bid-opening',
      title: '开标记录',
    });
    expect(record.facts.cutoff).toEqual({ date: '2026-11-20', source: 'page', readFrom: null });
    expect(record.operator).toBe('张三');
    const [s] = record.subjects;
    expect(s?.verdict).toBe('fail');
    expect(s?.label).toBe('不通过');
    expect(s?.roleLabel).toBe('投标人');
    expect(s?.queriedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/);
    expect(Date.parse(s?.queriedAt ?? '')).toBe(
      Date.parse(entry.result.state === 'done' ? entry.result.checkedAt : ''),
    );
    // The summary is the very object the service signed.
    expect(s?.signed[0]?.payload).toEqual(entry.result.state === 'done' ? entry.result.summary : null);
    expect(s?.signed[0]?.kid).toBe(jwks.keys[0]?.kid);
    expect(s?.lists.find((l) => l.list === 'dishonest_judgment_debtor')?.status).toBe('listed');
  });

  it('passes the SDK verifier, and an edited verdict fails it even with the digest recomputed', async () => {
    const subjects = await Promise.all(['edge:clean', 'edge:dishonest-active'].map((t) => looked(t)));
    const file = await savedEvidence(tab(subjects), ctx);
    const result = await verifyEvidence(JSON.parse(JSON.stringify(file)), jwks);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.checked.signatures).toBe(2);

    const forged = edit(file);
    const failing = forged.record.subjects.find((s) => s.verdict === 'fail');
    if (!failing) throw new Error('expected a failing subject');
    failing.verdict = 'pass';
    failing.label = '通过';
    forged.digest.value = await canonicalDigest(forged.record);
    const check = await verifyEvidence(forged, jwks);
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => [p.code, p.field])).toContainEqual(['subject_mismatch', 'verdict']);
  });

  it('keeps subjects without an answer, with why, and marks a record made mid-check as partial', async () => {
    const invalid = invalidUsccSubject('91110000600037341N', { role: 'bidder' });
    if (!invalid) throw new Error('expected an invalid subject');
    const record = screeningRecord(
      tab([
        {
          subject: invalid,
          result: {
            state: 'invalid',
            expectedCheckChar: 'L',
            message: invalid.invalid?.message ?? { zh: '', en: '' },
          },
        },
        {
          subject: nameSubject('某某公司', { role: 'winner' }),
          result: {
            state: 'unavailable',
            reason: { zh: '信用服务暂时不可用（503）', en: 'unavailable (503)' },
            error: null,
            retryAt: null,
          },
        },
        { subject: nameSubject('乙公司', { role: 'bidder' }), result: { state: 'checking', attempt: 0 } },
        {
          subject: nameSubject('丙公司', { role: 'bidder' }),
          result: { state: 'not_found', checkedAt: '2026-12-01T01:59:00.000Z' },
        },
      ]),
      ctx,
      '2026-12-01T10:00:00.000+08:00',
    );
    const [a, b, c, d] = record.subjects;
    expect(a).toMatchObject({ state: 'invalid', verdict: null, code: '91110000600037341N', lists: [] });
    expect(a?.reason).toContain('L');
    expect(b).toMatchObject({
      state: 'unavailable',
      reason: '信用服务暂时不可用（503）',
      roleLabel: '中标（成交）供应商',
    });
    expect(b?.lookup).toMatchObject({ query: '某某公司', by: 'name' });
    expect(c).toMatchObject({ state: 'interrupted', queriedAt: null });
    // A subject the service does not know was still looked up, at a time the record keeps.
    expect(d).toMatchObject({
      state: 'not_found',
      label: '未找到',
      queriedAt: '2026-12-01T09:59:00.000+08:00',
    });
    expect(record.partial).toEqual({ reason: 'interrupted', checked: 3, total: 4 });
  });

  it('does not claim a verdict whose signed answer was lost in a restart', async () => {
    const entry = await looked('edge:clean');
    const slim = { ...entry, slim: true as const };
    const record = screeningRecord(tab([slim]), ctx, '2026-12-01T10:00:00.000+08:00');
    expect(record.subjects[0]).toMatchObject({ state: 'unavailable', verdict: null, signed: [] });
    expect(record.subjects[0]?.reason).toContain('重新查询');
  });

  it('carries the page facts the reader found, and where each was read', async () => {
    const t = tab([await looked('edge:clean')]);
    const withFacts = Object.assign(t, {
      facts: {
        projectNo: { value: 'ZFCG-2026-118', source: '页面标题下“项目编号”' },
        lot: { value: '第2包', source: '表格上方“包号”' },
        purchaser: null,
        cutoff: { value: '2026-11-20', source: '“投标截止时间”' },
      },
    });
    const record = screeningRecord(withFacts, ctx, '2026-12-01T10:00:00.000+08:00');
    expect(record.facts.projectNo).toEqual({ value: 'ZFCG-2026-118', readFrom: '页面标题下“项目编号”' });
    expect(record.facts.lot?.value).toBe('第2包');
    expect(record.facts.purchaser).toBeNull();
    expect(record.facts.cutoff?.readFrom).toBe('“投标截止时间”');
  });

  it('names the rule set of the tab’s mode, credit lending included', async () => {
    const t = { ...tab([await looked('edge:clean')]), mode: 'credit', ruleSet: 'credit' as const };
    const record = screeningRecord(t, ctx, '2026-12-01T10:00:00.000+08:00');
    expect(record.ruleSet?.id).toBe('cn-credit-lending');
    expect(record.basis).toContain('141');
  });

  it('gives consortia their combined verdict', async () => {
    const members = enterprisesByTag('consortium:cons-b');
    const entries = await Promise.all(
      members.map(async (m) => {
        const item = await client.ratings.get(m.subject.uscc);
        return {
          subject: codeSubject('uscc', m.subject.uscc, {
            role: 'consortium_member',
            consortium: { id: 'consortium-1', name: '乙联合体' },
          }),
          result: fromItem(item, null, { client, ...CTX_DATES }),
        } satisfies TabSubject;
      }),
    );
    const summaries = entries.flatMap((e) => (e.result.state === 'done' ? [e.result.summary] : []));
    const keys = entries.map((e) => e.subject.key);
    const record = screeningRecord(
      tab(entries, [
        {
          id: 'consortium-1',
          name: '乙联合体',
          memberKeys: keys,
          screening: screenConsortium(summaries, CTX_DATES),
        },
      ]),
      ctx,
      '2026-12-01T10:00:00.000+08:00',
    );
    expect(record.groups).toEqual([
      expect.objectContaining({
        id: 'consortium-1',
        name: '乙联合体',
        members: keys,
        verdict: 'fail',
        label: '不通过',
      }),
    ]);
    expect(record.subjects.every((s) => s.group === 'consortium-1')).toBe(true);
  });
});

describe('the saved seal', () => {
  it('gives the same file on every call while the results stay the same', async () => {
    const t = tab([await looked('edge:clean')]);
    const first = await savedEvidence(t, ctx, { now: () => new Date('2026-12-01T02:00:00Z') });
    const again = await savedEvidence(t, ctx, { now: () => new Date('2026-12-01T03:00:00Z') });
    expect(again).toEqual(first);
    expect(first.record.generatedAt).toBe('2026-12-01T10:00:00.000+08:00');
    const stored = (await fakeBrowser.storage.session.get(evidenceStorageKey(7, null)))['evidence:7'] as {
      digest: string;
    };
    expect(stored.digest).toBe(first.digest.value);
  });

  it('seals anew once a result changes', async () => {
    const t = tab([await looked('edge:clean')]);
    const first = await savedEvidence(t, ctx, { now: () => new Date('2026-12-01T02:00:00Z') });
    t.subjects.push(await looked('edge:major-tax'));
    const next = await savedEvidence(t, ctx, { now: () => new Date('2026-12-01T03:00:00Z') });
    expect(next.digest.value).not.toBe(first.digest.value);
    expect(next.record.subjects).toHaveLength(2);
    expect(next.record.generatedAt).toBe('2026-12-01T11:00:00.000+08:00');
  });

  it('rebuilds a large record from its kept stamp to the same digest', async () => {
    const t = tab([await looked('edge:clean')]);
    const first = await savedEvidence(t, ctx, { now: () => new Date('2026-12-01T02:00:00Z') });
    // As a record too large to keep whole is kept: its stamp only.
    const key = evidenceStorageKey(7, null);
    const { file: _file, ...stamp } = (await fakeBrowser.storage.session.get(key))[key] as { file: unknown };
    await fakeBrowser.storage.session.set({ [key]: stamp });
    const again = await savedEvidence(t, ctx, { now: () => new Date('2026-12-01T05:00:00Z') });
    expect(again.digest.value).toBe(first.digest.value);
  });

  it('drops the seals of closed tabs when it makes one', async () => {
    await fakeBrowser.storage.session.set({ 'evidence:99': { fingerprint: 'x' }, 'evidence:99:loan': {} });
    const open = await fakeBrowser.tabs.create({ url: 'http://127.0.0.1:8787/demo/bid-opening' });
    const t = { ...tab([await looked('edge:clean')]), tabId: open.id ?? 0 };
    await savedEvidence(t, ctx);
    const keys = Object.keys(await fakeBrowser.storage.session.get(null));
    expect(keys).toEqual([evidenceStorageKey(open.id ?? 0, null)]);
  });

  it("lists the page's legal representative masked, with the person's own result and authorization", async () => {
    const listed = LISTED_REP;
    const waiting = WAITING_REP;
    const consent = REP_CONSENT;
    const t: TabRecord = {
      ...tab([await looked('edge:clean')]),
      people: applicationPeople({ reportIds: ['r1', 'r2'], group: 'credit-application' }),
    };
    const file = await savedEvidence(t, ctx);
    expect(file.record.people).toEqual([
      expect.objectContaining({
        key: 'person:1',
        roleLabel: '法定代表人',
        idMasked: maskedId(listed.idNumber),
        verdict: 'review',
        label: '需复核',
        reportIds: ['r1', 'r2'],
        authorization: consent,
      }),
      expect.objectContaining({
        key: 'person:2',
        state: 'consent',
        label: '需授权确认',
        verdict: null,
        findings: [],
        authorization: null,
      }),
    ]);
    const finding = file.record.people?.[0]?.findings.find(
      (f) => f.code === 'legal_representative.dishonest_judgment_debtor.active',
    );
    expect(finding?.citations.join(' ')).toContain('发改财金〔2016〕141号');
    const text = JSON.stringify(file);
    for (const id of [listed.idNumber, waiting.idNumber]) {
      expect(text).not.toContain(id);
      expect(text).not.toContain(id.slice(0, 14));
    }
    // The companies' answers still verify; the person is recorded, not derived again.
    expect((await verifyEvidence(file, jwks)).ok).toBe(true);
    const one = await savedEvidence(t, ctx, { only: t.subjects[0]?.subject.key ?? null });
    expect(one.record.people).toBeUndefined();
  });

  it("records the application's verdict with its representative counted beside the companies' own, which still verifies", async () => {
    const seed = enterpriseByTag('edge:clean');
    const credit = { ...CTX_DATES, ruleSet: 'credit' as const };
    const item = await client.ratings.get(seed.subject.uscc);
    if (item.status !== 'found') throw new Error('the clean seed is not found');
    const borrower: TabSubject = {
      subject: codeSubject('uscc', seed.subject.uscc, {
        name: seed.subject.name,
        role: 'borrower',
        consortium: { id: 'credit-application', name: null },
      }),
      result: fromItem(item, null, { client, ...credit }),
    };
    const people = applicationPeople({ group: 'credit-application' });
    const report = people[0]?.report;
    if (!report) throw new Error('no report for the looked-up representative');
    const application = (withPeople: boolean): TabRecord => ({
      ...tab([borrower]),
      mode: 'credit',
      ruleSet: 'credit',
      consortia: [
        {
          id: 'credit-application',
          name: null,
          memberKeys: [borrower.subject.key],
          screening: screenConsortium(
            [item.summary],
            credit,
            withPeople ? [{ role: 'legal_representative', report }] : [],
          ),
        },
      ],
      people: withPeople ? people : people.slice(1),
    });
    const file = await savedEvidence(application(true), ctx);
    // The companies' verdict as their signed answers give it; the representative's listing
    // turns the application to review, recorded beside it.
    expect(file.record.groups[0]).toMatchObject({
      verdict: 'pass',
      withPeople: { verdict: 'review', label: '需复核' },
    });
    expect((await verifyEvidence(file, jwks)).ok).toBe(true);
    // No one looked up: nothing beside the companies' verdict.
    const waiting = await savedEvidence(application(false), ctx);
    expect(waiting.record.groups[0]?.withPeople ?? null).toBeNull();
  });

  it('records a failed personal lookup as failed, in words, with its reason', async () => {
    const t: TabRecord = { ...tab([await looked('edge:clean')]), people: [failedPerson()] };
    const zh = (await savedEvidence(t, ctx)).record.people?.[0];
    expect(zh).toMatchObject({ state: 'error', verdict: null, label: '查询失败', findings: [] });
    expect(zh?.reason).toBe('信用服务暂时不可用（503），请稍后重试。');
    const en = (await savedEvidence(t, { ...ctx, language: 'en' })).record.people?.[0];
    expect(en).toMatchObject({
      label: 'lookup failed',
      reason: 'The credit service is unavailable (503); try again later.',
    });
    // A reason that quotes the number it was sent keeps it masked.
    const quoting = failedPerson();
    if (quoting.result.state === 'error')
      quoting.result.reason = {
        zh: `没有该个人的信用记录（${LISTED_REP.idNumber}）`,
        en: `no file for ${LISTED_REP.idNumber}`,
      };
    const masked = (await savedEvidence({ ...t, people: [quoting] }, ctx)).record.people?.[0];
    expect(masked?.reason).toContain(maskedId(LISTED_REP.idNumber));
    expect(JSON.stringify(masked)).not.toContain(LISTED_REP.idNumber.slice(0, 14));
  });

  it('keeps one subject’s record apart from the page’s', async () => {
    const subjects = await Promise.all(['edge:clean', 'edge:major-tax'].map((t) => looked(t)));
    const one = await savedEvidence(tab(subjects), ctx, { only: subjects[1]?.subject.key ?? null });
    expect(one.record.subjects.map((s) => s.key)).toEqual([subjects[1]?.subject.key]);
    expect((await verifyEvidence(one, jwks)).ok).toBe(true);
  });
});

describe('tableCsv', () => {
  it('writes UTF-8 with a BOM and CRLF, one row per subject, 查询时间 with its offset', async () => {
    const subjects = await Promise.all(['edge:clean', 'edge:major-tax'].map((t) => looked(t)));
    const file = await savedEvidence(tab(subjects), ctx);
    const csv = tableCsv(file.record);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, two rows, trailing empty
    expect(lines[0]).toBe('#,名称,统一社会信用代码,身份,联合体,评级,结论,依据,查询时间,截止时点');
    const clean = enterpriseByTag('edge:clean').subject;
    expect(lines[1]).toContain(`1,${clean.name},"=""${clean.uscc}""",投标人`);
    expect(lines[1]).toMatch(/,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\+08:00,2026-11-20$/);
    expect(lines[2]).toContain('不通过');
  });

  it("numbers each row with the page's 序号, a 联合体's members as 3-1 and 3-2, in the sealed record", async () => {
    const consortium = { id: 'consortium-1', name: null };
    const subjects = [
      await looked('edge:clean', { rowNo: '2' }),
      await looked('edge:tax-A', { rowNo: '3', role: 'consortium_member', consortium }),
      await looked('edge:major-tax', { rowNo: '3', role: 'consortium_member', consortium }),
    ];
    const members = subjects.slice(1).map((s) => s.subject.key);
    const file = await savedEvidence(
      tab(subjects, [{ id: 'consortium-1', name: null, memberKeys: members, screening: null }]),
      ctx,
    );
    expect(file.record.subjects.map((s) => s.rowNo)).toEqual(['2', '3-1', '3-2']);
    expect((await verifyEvidence(file, jwks)).ok).toBe(true);
    const rows = tableCsv(file.record).slice(1).split('\r\n').slice(1, 4);
    expect(rows.map((r) => r.split(',')[0])).toEqual(['2', '3-1', '3-2']);
  });

  it("adds a row per person under the subjects' columns, the ID number masked only", async () => {
    const listed = LISTED_REP;
    const waiting = WAITING_REP;
    const t: TabRecord = {
      ...tab([await looked('edge:clean')]),
      people: applicationPeople({ reportIds: ['r1'] }),
    };
    const file = await savedEvidence(t, ctx);
    const lines = tableCsv(file.record).slice(1).split('\r\n');
    // The header stays the subjects' one; the people follow the subjects.
    expect(lines[0]).toBe('#,名称,统一社会信用代码,身份,联合体,评级,结论,依据,查询时间,截止时点');
    expect(lines).toHaveLength(5);
    const [, , done, open] = lines;
    expect(done).toBe(
      `,${maskedName(listed.name)},${maskedId(listed.idNumber)},法定代表人,,,需复核,${file.record.people?.[0]?.findings
        .filter((f) => f.severity !== 'info')
        .map((f) => f.message)
        .join('；')},2026-11-25 10:01:00 UTC+08:00,2026-11-20`,
    );
    expect(open).toContain(`,${maskedId(waiting.idNumber)},法定代表人,,,需授权确认,`);
    for (const id of [listed.idNumber, waiting.idNumber]) {
      expect(lines.join('\n')).not.toContain(id);
      expect(lines.join('\n')).not.toContain(id.slice(6, 14));
    }
    const en = tableCsv((await savedEvidence(t, { ...ctx, language: 'en' })).record).split('\r\n');
    expect(en[2]).toContain(`,${maskedId(listed.idNumber)},Legal representative,,,review,`);
    expect(en[3]).toContain(',Needs authorization,');
  });

  it('quotes separators, defuses formulas and drops bidi controls in page text', () => {
    const entry: TabSubject = {
      subject: nameSubject('=HYPERLINK("http://x","点我"),甲\u202e公司', { role: 'bidder' }),
      result: { state: 'not_found' },
    };
    const record = screeningRecord(tab([entry]), ctx, '2026-12-01T10:00:00.000+08:00');
    expect(tableCsv(record).split('\r\n')[1]).toBe(
      `1,"'=HYPERLINK(""http://x"",""点我""),甲公司",,投标人,,,未找到,,,2026-11-20`,
    );
  });
});

describe('every record category in the exports', () => {
  // Each category's adverse edge, screened under tendering, and the words its finding must use.
  const CASES = [
    ['edge:contract-breached', '合同履约·合同违约'],
    ['edge:quality-failed', '产品质量·监督抽查不合格'],
    ['edge:quality-major-issue', '产品质量·重大质量问题'],
    ['edge:construction-blacklist', '建筑市场主体黑名单'],
    ['edge:land-idle', '国土资源·闲置土地'],
    ['edge:land-illegal-use', '国土资源·违法用地'],
    ['edge:env-black-list', '环保信用黑名单'],
    ['edge:work-safety-dishonest', '安全生产严重失信主体名单'],
    ['edge:food-blacklist', '严重违法生产经营者黑名单'],
  ] as const;

  it('the evidence record and its CSV say each kind and outcome, with its citation', async () => {
    const entries = await Promise.all(
      CASES.map(async ([tag]) => {
        const seed = enterpriseByTag(tag);
        const item = await client.ratings.get(seed.subject.uscc);
        return {
          subject: codeSubject('uscc', seed.subject.uscc, { name: seed.subject.name, role: 'bidder' }),
          result: fromItem(item, null, { client, ...CTX_DATES, ruleSet: 'tendering' }),
        } satisfies TabSubject;
      }),
    );
    const record = screeningRecord(
      { ...tab(entries), mode: 'tendering', ruleSet: 'tendering' },
      ctx,
      '2026-12-01T10:00:00.000+08:00',
    );
    const csv = tableCsv(record);
    for (const [i, [tag, words]] of CASES.entries()) {
      const finding = record.subjects[i]?.findings.find((f) => f.message.includes(words));
      expect(finding, `${tag}: no finding says ${words}`).toBeDefined();
      // Weighed as the pack's data says (a failed spot check is information in tendering).
      expect(finding?.severity).toBe(
        TENDERING_CATEGORY_RULES.rules[finding?.code as CategoryRuleId]?.severity,
      );
      expect(finding?.citations.length).toBeGreaterThan(0);
      // The CSV's reasons column carries what needs attention, information left to the record.
      const row = csv.split('\n').find((l) => l.includes(enterpriseByTag(tag).subject.uscc));
      if (finding?.severity === 'info') expect(row, tag).not.toContain(words);
      else expect(row, tag).toContain(words);
    }
  });
});

// @vitest-environment node

import { createClient, type XinjianClient } from '@xinjian/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../../../../mock-server/src/index.ts';
import { DEMO_API_KEY, enterpriseByTag, enterprisesByTag } from '../../../../seeds/index.ts';
import { clientFor } from '../../background/client.ts';
import { defaultSettings } from '../../settings.ts';
import { codeSubject, invalidUsccSubject, nameSubject } from '../subjects.ts';
import {
  needsPick,
  type ResolveContext,
  resolveCode,
  resolveSubject,
  screenConsortium,
  unavailable,
} from './resolve.ts';

let server: RunningMockServer;
let client: XinjianClient;
let ctx: ResolveContext;

type JournalEntry = { path: string; status: number | null; body: unknown };
async function journal(): Promise<JournalEntry[]> {
  return ((await (await fetch(`${server.url}/__mock/journal`)).json()) as { data: JournalEntry[] }).data;
}

beforeAll(async () => {
  server = await startMockServer({ port: 0, reportDelayMs: 0 });
  client = createClient({ baseUrl: server.url, apiKey: DEMO_API_KEY, cache: false, retryBaseDelayMs: 5 });
  ctx = { client, ruleSet: 'procurement', asOf: '2026-11-25', cutoff: '2026-11-20' };
});
afterAll(() => server.close());
beforeEach(async () => {
  await fetch(`${server.url}/__mock/journal`, { method: 'DELETE' });
});

describe('resolveSubject against the mock server', () => {
  it('screens a code: the clean enterprise passes', async () => {
    const clean = enterpriseByTag('edge:clean');
    const result = await resolveSubject(ctx, codeSubject('uscc', clean.subject.uscc));
    expect(result.state).toBe('done');
    if (result.state !== 'done') return;
    expect(result.summary.subject.name).toBe(clean.subject.name);
    expect(result.screening.verdict).toBe('pass');
    expect(result.screening.cutoff).toBe('2026-11-20');
    expect(result.match).toBeNull();
  });

  it('fails an active dishonest debtor, with the rule it broke', async () => {
    const result = await resolveSubject(
      ctx,
      codeSubject('uscc', enterpriseByTag('edge:dishonest-active').subject.uscc),
    );
    expect(result.state === 'done' && result.screening.verdict).toBe('fail');
    expect(result.state === 'done' && result.screening.findings.map((f) => f.code)).toContain(
      'list.dishonest_judgment_debtor.active',
    );
  });

  it('keeps a wrong check character local: no request', async () => {
    const subject = invalidUsccSubject('91110000600037341N');
    if (!subject) throw new Error('expected an invalid subject');
    expect(await resolveSubject(ctx, subject)).toEqual({
      state: 'invalid',
      expectedCheckChar: 'L',
      message: { zh: '校验位不符：应为 L，实为 N', en: expect.any(String) },
    });
    expect(await journal()).toEqual([]);
  });

  it('reports a valid code the data does not know as not found', async () => {
    const before = Date.now();
    const result = await resolveSubject(ctx, codeSubject('uscc', '91350100M000100Y43'));
    expect(result).toEqual({ state: 'not_found', checkedAt: expect.any(String) });
    // When the service said so: the evidence record's 查询时间.
    expect(Date.parse(result.state === 'not_found' ? (result.checkedAt ?? '') : '')).toBeGreaterThanOrEqual(
      before,
    );
  });

  it('asks to pick when two companies share a name', async () => {
    const [a, b] = enterprisesByTag('same-name:1');
    const result = await resolveSubject(ctx, nameSubject(a?.subject.name ?? ''));
    expect(result.state).toBe('ambiguous');
    if (result.state !== 'ambiguous') return;
    expect(new Set(result.candidates.map((c) => c.subject.uscc))).toEqual(
      new Set([a?.subject.uscc, b?.subject.uscc]),
    );
  });

  it('takes a confident name match and says how it matched', async () => {
    const clean = enterpriseByTag('edge:clean');
    const result = await resolveSubject(ctx, nameSubject(clean.subject.name));
    expect(result.state).toBe('done');
    if (result.state !== 'done') return;
    expect(result.summary.subject.uscc).toBe(clean.subject.uscc);
    expect(result.match?.matchType).toBe('exact_name');
    expect(result.match?.confidence).toBeGreaterThan(0.5);
  });

  it('keeps one subject the server cannot answer from taking the others down', async () => {
    const clean = enterpriseByTag('edge:clean').subject.uscc;
    const broken = enterpriseByTag('magic:500').subject.uscc;
    const [good, bad] = await Promise.all([resolveCode(ctx, clean, null), resolveCode(ctx, broken, null)]);
    expect(good.state === 'done' && good.screening.verdict).toBe('pass');
    expect(bad.state).toBe('unavailable');
    if (bad.state === 'unavailable') {
      expect(bad.error?.name).toBe('InternalServerError');
      expect(bad.reason.zh).toContain('信用服务暂时不可用');
    }
    const batches = (await journal()).filter((e) => e.path === '/v1/ratings/batch');
    // First the shared batch (with its retries), then the SDK splits it and the clean id passes alone.
    expect(((batches[0]?.body ?? { ids: [] }) as { ids: string[] }).ids.sort()).toEqual(
      [clean, broken].sort(),
    );
    expect(
      batches.some((e) => JSON.stringify(e.body) === JSON.stringify({ ids: [clean] }) && e.status === 200),
    ).toBe(true);
  });

  it('bars the whole consortium when one member is barred', async () => {
    const members = enterprisesByTag('consortium:cons-b');
    const results = await Promise.all(members.map((m) => resolveCode(ctx, m.subject.uscc, null)));
    const summaries = results.map((r) => (r.state === 'done' ? r.summary : null)).filter((s) => s !== null);
    expect(summaries).toHaveLength(members.length);
    expect(screenConsortium(summaries, ctx)?.verdict).toBe('fail');
    expect(results.filter((r) => r.state === 'done' && r.screening.verdict === 'fail')).toHaveLength(1);
  });
});

describe('needsPick', () => {
  it('asks at or below the confidence floor, or when the API says so', () => {
    const match = (confidence: number) => ({ confidence }) as never;
    expect(needsPick({ data: [match(0.5)], ambiguous: false })).toBe(true);
    expect(needsPick({ data: [match(0.51)], ambiguous: false })).toBe(false);
    expect(needsPick({ data: [match(0.9)], ambiguous: true })).toBe(true);
    expect(needsPick({ data: [], ambiguous: false })).toBe(false);
  });
});

describe('an unconfigured extension', () => {
  it('refuses to build a client and explains what to set', () => {
    let thrown: unknown;
    try {
      clientFor({ ...defaultSettings(), api: { baseUrl: '', key: '' } });
    } catch (e) {
      thrown = e;
    }
    expect((thrown as Error).name).toBe('XinjianError');
    const result = unavailable(thrown);
    expect(result.state === 'unavailable' && result.reason.zh).toBe(
      '尚未配置 API 地址或密钥，请在设置中填写。',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { individualsByTag } from '../../../seeds/index.ts';
import {
  AUDIT_GENESIS,
  type AuditEntry,
  auditCsv,
  buildAuditEntry,
  canonicalJson,
  chainAuditEntry,
  entryHash,
  pruneAuditEntries,
  verifyAuditChain,
} from './audit.ts';
import type { PersonalConsent } from './consent.ts';

const [applicant] = individualsByTag('household:hh-2');
const ID = applicant?.idNumber ?? '';
const consent: PersonalConsent = {
  purpose: 'housing_fund_loan',
  reference: 'SQ-2026-0001',
  grantedAt: '2026-11-03',
  confirmedAt: '2026-11-25T01:00:00.000Z',
};

function entry(
  overrides: Partial<Parameters<typeof buildAuditEntry>[0]> = {},
  seq = 1,
  prev = AUDIT_GENESIS,
): Promise<AuditEntry> {
  return chainAuditEntry(
    buildAuditEntry({
      idNumber: ID,
      time: '2026-11-25T01:00:05.000Z',
      operator: '张三',
      mode: 'loan',
      consent,
      role: 'applicant',
      site: 'http://127.0.0.1:8787',
      rulePack: { id: 'generic-lian3lei6', version: '2026.1' },
      reportIds: ['rpt_000001', 'rpt_000002'],
      outcome: { kind: 'verdict', verdict: 'eligible', cached: false },
      ...overrides,
    }),
    seq,
    prev,
  );
}

async function chain(n: number): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for (let i = 1; i <= n; i++)
    out.push(await entry({ time: `2026-11-25T01:00:0${i}.000Z` }, i, out.at(-1)?.hash ?? AUDIT_GENESIS));
  return out;
}

describe('an audit entry', () => {
  it('records who, when, why, with which authorization, the masked number and the outcome', async () => {
    const e = await entry();
    expect(e).toMatchObject({
      schema: 'xinjian.audit/v2',
      seq: 1,
      prev: AUDIT_GENESIS,
      lookupId: null,
      time: '2026-11-25T01:00:05.000Z',
      operator: '张三',
      mode: 'loan',
      purpose: 'housing_fund_loan',
      authorization: { reference: 'SQ-2026-0001', grantedAt: '2026-11-03', confirmedAt: consent.confirmedAt },
      subject: { role: 'applicant', idMasked: '330***********9966' },
      site: 'http://127.0.0.1:8787',
      rulePack: { id: 'generic-lian3lei6', version: '2026.1' },
      reportIds: ['rpt_000001', 'rpt_000002'],
      outcome: { kind: 'verdict', verdict: 'eligible', cached: false },
    });
    expect(e.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.hash).toBe(await entryHash(e));
  });

  it('keeps nothing the ID number could be recovered from: the subject is the mask and the role', async () => {
    const e = await entry();
    expect(Object.keys(e.subject).sort()).toEqual(['idMasked', 'role']);
    // Two different people with the same mask leave the same subject: the log cannot tell them apart.
    const other = `${ID.slice(0, 3)}${'1'.repeat(11)}${ID.slice(-4)}`;
    expect((await entry({ idNumber: other })).subject).toEqual(e.subject);
  });

  it('contains no raw ID number, no 17-digit prefix and no birth date anywhere', async () => {
    const text = JSON.stringify(
      await entry({
        operator: `经办 ${ID}`,
        site: `http://x.cn/?id=${ID}`,
        outcome: { kind: 'error', code: `not_found ${ID}` },
      }),
    );
    for (const needle of [ID, ID.slice(0, 17), ID.slice(6, 14)]) expect(text).not.toContain(needle);
    expect(text).toContain('330***********9966');
  });
});

describe('the hash chain', () => {
  it('hashes the canonical JSON, keys sorted', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }], e: null })).toBe(
      '{"a":[2,{"c":4,"d":3}],"b":1,"e":null}',
    );
  });

  it('verifies an untouched log', async () => {
    const log = await chain(4);
    const head = { seq: 4, hash: log[3]?.hash ?? '' };
    expect(await verifyAuditChain(log, { seq: 0, hash: AUDIT_GENESIS }, head)).toEqual({
      intact: true,
      entries: 4,
    });
  });

  it('finds an edited entry, even with its own hash recomputed', async () => {
    const log = await chain(4);
    const head = { seq: 4, hash: log[3]?.hash ?? '' };
    const edited = {
      ...(log[1] as AuditEntry),
      outcome: { kind: 'verdict' as const, verdict: 'ineligible' as const, cached: false },
    };
    expect(
      await verifyAuditChain(
        [log[0] as AuditEntry, edited, ...log.slice(2)],
        { seq: 0, hash: AUDIT_GENESIS },
        head,
      ),
    ).toMatchObject({
      intact: false,
      brokenAt: 2,
    });
    const rehashed = { ...edited, hash: await entryHash(edited) };
    expect(
      await verifyAuditChain(
        [log[0] as AuditEntry, rehashed, ...log.slice(2)],
        { seq: 0, hash: AUDIT_GENESIS },
        head,
      ),
    ).toMatchObject({
      intact: false,
      brokenAt: 3,
    });
  });

  it('finds a deleted entry in the middle and at the end', async () => {
    const log = await chain(4);
    const head = { seq: 4, hash: log[3]?.hash ?? '' };
    const anchor = { seq: 0, hash: AUDIT_GENESIS };
    expect(await verifyAuditChain([log[0], log[2], log[3]] as AuditEntry[], anchor, head)).toMatchObject({
      intact: false,
      brokenAt: 2,
    });
    expect(await verifyAuditChain(log.slice(0, 3), anchor, head)).toMatchObject({
      intact: false,
      brokenAt: 4,
    });
    expect(await verifyAuditChain(log.slice(1), anchor, head)).toMatchObject({ intact: false, brokenAt: 1 });
    // Deleted for retention: the anchor says where the kept part starts.
    expect(await verifyAuditChain(log.slice(1), { seq: 1, hash: log[0]?.hash ?? '' }, head)).toEqual({
      intact: true,
      entries: 3,
    });
  });
});

describe('retention', () => {
  it('keeps entries newer than the retention period and drops older or unreadable ones', async () => {
    const now = new Date('2026-11-25T00:00:00.000Z');
    const keep = await entry({ time: '2026-05-29T00:00:00.000Z' }); // exactly 180 days before
    const recent = await entry({ time: '2026-11-24T23:59:59.000Z' });
    const old = await entry({ time: '2026-05-28T23:59:59.999Z' });
    const junk = { ...(await entry()), time: 'yesterday' };
    expect(pruneAuditEntries([old, keep, junk, recent], now, 180).map((e) => e.time)).toEqual([
      keep.time,
      recent.time,
    ]);
    expect(pruneAuditEntries([keep, recent], now, 1).map((e) => e.time)).toEqual([recent.time]);
  });
});

describe('the CSV export', () => {
  it('is UTF-8 with a BOM and CRLF, one row per entry, oldest first, masked', async () => {
    const a = await entry({
      time: '2026-11-25T02:00:00.000Z',
      outcome: { kind: 'error', code: 'not_found' },
    });
    const b = await entry({ time: '2026-11-25T01:00:00.000Z', operator: '=cmd' });
    const csv = auditCsv([a, b]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      '时间,经办人,用途,授权书编号,授权日期,角色,证件号码（脱敏）,条目哈希（SHA-256）,站点,规则包,报告编号,结果',
    );
    expect(lines[1]).toBe(
      `2026-11-25T01:00:00.000Z,'=cmd,住房公积金贷款审批,SQ-2026-0001,2026-11-03,申请人,330***********9966,${b.hash},http://127.0.0.1:8787,generic-lian3lei6@2026.1,rpt_000001 rpt_000002,符合条件`,
    );
    // In words, with the code kept for whoever audits the export.
    expect(lines[2]?.endsWith(',查询失败：未找到该人员的信用记录 [not_found]')).toBe(true);
    expect(csv).not.toContain(ID);
  });
});

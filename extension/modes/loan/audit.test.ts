import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { individualsByTag } from '../../../seeds/index.ts';
import {
  type AuditEntry,
  auditCsv,
  buildAuditEntry,
  generateSecret,
  idHmac,
  pruneAuditEntries,
} from './audit.ts';
import type { LoanConsent } from './model.ts';

const [applicant, coBorrower] = individualsByTag('household:hh-2');
const ID = applicant?.idNumber ?? '';
const ID2 = coBorrower?.idNumber ?? '';
const SECRET = 'a'.repeat(64);
const OTHER_SECRET = 'b'.repeat(64);
const consent: LoanConsent = {
  purpose: 'housing_fund_loan',
  reference: 'SQ-2026-0001',
  grantedAt: '2026-11-03',
  confirmedAt: '2026-11-25T01:00:00.000Z',
};

function entry(overrides: Partial<Parameters<typeof buildAuditEntry>[0]> = {}): Promise<AuditEntry> {
  return buildAuditEntry({
    secretHex: SECRET,
    idNumber: ID,
    time: '2026-11-25T01:00:05.000Z',
    operator: '张三',
    consent,
    role: 'applicant',
    site: 'http://127.0.0.1:8787',
    rulePack: { id: 'generic-lian3lei6', version: '2026.1' },
    reportIds: ['rpt_000001', 'rpt_000002'],
    outcome: { kind: 'verdict', verdict: 'eligible', cached: false },
    ...overrides,
  });
}

describe('the HMAC of an ID number', () => {
  it('is the same for the same number and secret, whatever the case of X or surrounding space', async () => {
    expect(await idHmac(SECRET, ID)).toBe(await idHmac(SECRET, ` ${ID} `));
    expect(await idHmac(SECRET, '11010519491231002x')).toBe(await idHmac(SECRET, '11010519491231002X'));
    expect(await idHmac(SECRET, ID)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs for another secret and for another number', async () => {
    expect(await idHmac(OTHER_SECRET, ID)).not.toBe(await idHmac(SECRET, ID));
    expect(await idHmac(SECRET, ID2)).not.toBe(await idHmac(SECRET, ID));
  });

  it('is HMAC-SHA-256 of the upper-cased number under the secret bytes (checked with node:crypto)', async () => {
    const expected = createHmac('sha256', Buffer.from(SECRET, 'hex'))
      .update('11010519491231002X')
      .digest('hex');
    expect(await idHmac(SECRET, '11010519491231002x')).toBe(expected);
  });

  it('uses a fresh 32-byte secret per install', () => {
    const a = generateSecret();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(generateSecret()).not.toBe(a);
  });
});

describe('an audit entry', () => {
  it('records who, when, why, with which authorization, the masked number and its HMAC, and the outcome', async () => {
    const e = await entry();
    expect(e).toMatchObject({
      schema: 'xinjian.audit/v1',
      time: '2026-11-25T01:00:05.000Z',
      operator: '张三',
      purpose: 'housing_fund_loan',
      authorization: { reference: 'SQ-2026-0001', grantedAt: '2026-11-03', confirmedAt: consent.confirmedAt },
      subject: { role: 'applicant', idMasked: '330***********9966', idHmac: await idHmac(SECRET, ID) },
      site: 'http://127.0.0.1:8787',
      rulePack: { id: 'generic-lian3lei6', version: '2026.1' },
      reportIds: ['rpt_000001', 'rpt_000002'],
      outcome: { kind: 'verdict', verdict: 'eligible', cached: false },
    });
    expect(e.id).toMatch(/^[0-9a-f-]{36}$/);
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

  it('matches repeated lookups of one person by HMAC, and only under the same secret', async () => {
    const first = await entry();
    const again = await entry({ time: '2026-11-26T01:00:00.000Z', role: 'co_borrower' });
    const elsewhere = await entry({ secretHex: OTHER_SECRET });
    expect(again.subject.idHmac).toBe(first.subject.idHmac);
    expect(elsewhere.subject.idHmac).not.toBe(first.subject.idHmac);
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
      '时间,经办人,用途,授权书编号,授权日期,角色,证件号码（脱敏）,HMAC-SHA-256,站点,规则包,报告编号,结果',
    );
    expect(lines[1]).toBe(
      `2026-11-25T01:00:00.000Z,'=cmd,住房公积金贷款审批,SQ-2026-0001,2026-11-03,申请人,330***********9966,${b.subject.idHmac},http://127.0.0.1:8787,generic-lian3lei6@2026.1,rpt_000001 rpt_000002,符合条件`,
    );
    expect(lines[2]?.endsWith(',错误 not_found')).toBe(true);
    expect(csv).not.toContain(ID);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type AuditEntry, buildAuditEntry } from './audit.ts';
import {
  AUDIT_LOG_KEY,
  AUDIT_SECRET_KEY,
  appendAuditEntry,
  ensureAuditSecret,
  pruneAuditLog,
} from './audit-store.ts';

beforeEach(() => fakeBrowser.reset());

const entryAt = async (time: string, secretHex: string): Promise<AuditEntry> =>
  buildAuditEntry({
    secretHex,
    idNumber: '11010519491231002X',
    time,
    operator: '张三',
    consent: { purpose: 'housing_fund_loan', reference: 'SQ-1', grantedAt: '2026-11-03', confirmedAt: time },
    role: 'applicant',
    site: 'https://gjj.example.cn',
    rulePack: { id: 'hangzhou', version: '2026.1' },
    reportIds: [],
    outcome: { kind: 'verdict', verdict: 'eligible', cached: false },
  });

describe('the audit store', () => {
  it('makes the install secret once and keeps it', async () => {
    const [a, b] = await Promise.all([ensureAuditSecret(), ensureAuditSecret()]);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
    expect((await fakeBrowser.storage.local.get(AUDIT_SECRET_KEY))[AUDIT_SECRET_KEY]).toBe(a);
    expect(await ensureAuditSecret()).toBe(a);
  });

  it('appends, pruning past retention in the same write, and reads oldest first', async () => {
    const secret = await ensureAuditSecret();
    const now = new Date('2026-11-25T00:00:00.000Z');
    const old = await entryAt('2026-01-01T00:00:00.000Z', secret);
    await fakeBrowser.storage.local.set({ [AUDIT_LOG_KEY]: [old, { junk: true }] });
    const a = await entryAt('2026-11-24T10:00:00.000Z', secret);
    const b = await entryAt('2026-11-24T09:00:00.000Z', secret);
    await Promise.all([appendAuditEntry(a, 180, now), appendAuditEntry(b, 180, now)]);
    const stored = (await fakeBrowser.storage.local.get(AUDIT_LOG_KEY))[AUDIT_LOG_KEY] as AuditEntry[];
    expect(stored.map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
    expect((await pruneAuditLog(180, now)).map((e) => e.id)).toEqual([b.id, a.id]);
    expect(await pruneAuditLog(1, new Date('2026-12-31T00:00:00.000Z'))).toEqual([]);
    expect((await fakeBrowser.storage.local.get(AUDIT_LOG_KEY))[AUDIT_LOG_KEY]).toEqual([]);
  });
});

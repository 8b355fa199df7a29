import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_GENESIS, type AuditDraft, type AuditEntry, buildAuditEntry } from './audit.ts';
import { AUDIT_DB, appendAuditEntry, closeAuditDb, pruneAuditLog, readAuditLog } from './audit-store.ts';

afterEach(async () => {
  await closeAuditDb();
  await new Promise<void>((resolve, reject) => {
    const r = indexedDB.deleteDatabase(AUDIT_DB);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error);
  });
}, 60_000);

const draftAt = (time: string): AuditDraft =>
  buildAuditEntry({
    idNumber: '11010519491231002X',
    time,
    operator: '张三',
    mode: 'loan',
    consent: { purpose: 'housing_fund_loan', reference: 'SQ-1', grantedAt: '2026-11-03', confirmedAt: time },
    role: 'applicant',
    site: 'https://gjj.example.cn',
    rulePack: { id: 'hangzhou', version: '2026.1' },
    reportIds: [],
    outcome: { kind: 'requested' },
  });

// Reaches past the store, as someone with access to the profile could.
async function tamper(change: (entries: IDBObjectStore) => void, store = 'entries'): Promise<void> {
  await closeAuditDb();
  const d = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(AUDIT_DB, 1);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const tx = d.transaction(store, 'readwrite');
  change(tx.objectStore(store));
  await new Promise<void>((resolve) => {
    tx.oncomplete = () => resolve();
  });
  d.close();
}

const now = new Date('2026-11-25T08:00:00.000Z');

describe('the audit store', () => {
  it('chains entries in the order written, even when written at once', async () => {
    const [a, b] = await Promise.all([
      appendAuditEntry(draftAt('2026-11-25T01:00:00.000Z'), 365, now),
      appendAuditEntry(draftAt('2026-11-25T01:00:01.000Z'), 365, now),
    ]);
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect(a.prev).toBe(AUDIT_GENESIS);
    expect(b.prev).toBe(a.hash);
    const log = await readAuditLog(365, { now });
    expect(log.entries.map((e) => e.id)).toEqual([a.id, b.id]);
    expect(log.status).toEqual({ intact: true, entries: 2 });
  });

  it('shows an edited or deleted entry as the first altered one', async () => {
    for (let i = 0; i < 5; i++) await appendAuditEntry(draftAt(`2026-11-25T01:00:0${i}.000Z`), 365, now);
    await tamper((s) => {
      const get = s.get(3);
      get.onsuccess = () => s.put({ ...(get.result as AuditEntry), operator: '李四' });
    });
    expect((await readAuditLog(365, { now })).status).toEqual({
      intact: false,
      entries: 5,
      brokenAt: 3,
      seq: 3,
    });
    await tamper((s) => s.delete(3));
    expect((await readAuditLog(365, { now })).status).toMatchObject({
      intact: false,
      entries: 4,
      brokenAt: 3,
    });
  });

  it('shows a deletion of the newest entries', async () => {
    for (let i = 0; i < 3; i++) await appendAuditEntry(draftAt(`2026-11-25T01:00:0${i}.000Z`), 365, now);
    await tamper((s) => s.delete(3));
    expect((await readAuditLog(365, { now })).status).toEqual({
      intact: false,
      entries: 2,
      brokenAt: 3,
      seq: 3,
    });
  });

  it('deletes only entries past retention, and the rest still verifies', async () => {
    await appendAuditEntry(draftAt('2025-01-01T00:00:00.000Z'), 365, new Date('2025-01-02T00:00:00.000Z'));
    await appendAuditEntry(draftAt('2025-06-01T00:00:00.000Z'), 365, new Date('2025-06-02T00:00:00.000Z'));
    const fresh = await appendAuditEntry(draftAt('2026-11-20T00:00:00.000Z'), 365, now);
    await pruneAuditLog(365, now);
    const log = await readAuditLog(365, { now });
    expect(log.entries.map((e) => e.seq)).toEqual([fresh.seq]);
    expect(log.status).toEqual({ intact: true, entries: 1 });
  });

  it('holds 100,000 entries: the last write, the read and the check still work', async () => {
    const n = 100_000;
    const d = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(AUDIT_DB, 1);
      r.onupgradeneeded = () => {
        r.result.createObjectStore('entries', { keyPath: 'seq' });
        r.result.createObjectStore('meta');
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    d.close();
    // Written through the store's own chaining, in bulk batches to keep the test quick.
    const { chainAuditEntry } = await import('./audit.ts');
    let prev = AUDIT_GENESIS;
    const base = draftAt('2026-11-25T01:00:00.000Z');
    const batch: AuditEntry[] = [];
    for (let seq = 1; seq < n; seq++) {
      const e = await chainAuditEntry({ ...base, id: `e${seq}` }, seq, prev);
      prev = e.hash;
      batch.push(e);
    }
    await tamper((s) => {
      for (const e of batch) s.put(e);
    });
    await tamper((s) => s.put({ seq: n - 1, hash: prev }, 'head'), 'meta');
    await closeAuditDb();
    const last = await appendAuditEntry(draftAt('2026-11-25T02:00:00.000Z'), 365, now);
    expect(last.seq).toBe(n);
    const log = await readAuditLog(365, { now, limit: 500 });
    expect(log.total).toBe(n);
    expect(log.entries).toHaveLength(500);
    expect(log.entries.at(-1)?.id).toBe(last.id);
    expect(log.status).toEqual({ intact: true, entries: n });
  }, 240_000);
});

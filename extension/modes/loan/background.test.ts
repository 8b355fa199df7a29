// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type RunningMockServer, startMockServer } from '../../../mock-server/src/index.ts';
import { SEED_AS_OF } from '../../../seeds/index.ts';
import type { AuditEntry } from '../../core/personal/audit.ts';
import { AUDIT_DB, closeAuditDb, pruneAuditLog, readAuditLog } from '../../core/personal/audit-store.ts';
import { type Settings, saveSettings, todayInChina } from '../../core/settings.ts';
import {
  addLoanBorrowers,
  lookupBorrower as lookupRaw,
  recordLoanConsent,
  setBusinessNo,
  startLoanPage,
} from './background.ts';
import type { LoanBorrowerRef, LoanConsent, LoanTabRecord } from './model.ts';
import { getLoanTab } from './tabs.ts';
import {
  APPLICANT_ID,
  CARD_URL,
  CO_ID,
  HOUSEHOLD_REFS,
  loanConsent,
  loanTestSettings,
} from './test-household.ts';

let server: RunningMockServer;
const TAB = 7;

type JournalEntry = { method: string; path: string; body: unknown };
async function journal(): Promise<JournalEntry[]> {
  return ((await (await fetch(`${server.url}/__mock/journal`)).json()) as { data: JournalEntry[] }).data;
}
async function storageDump(): Promise<string> {
  return JSON.stringify([
    await fakeBrowser.storage.local.get(null),
    await fakeBrowser.storage.sync.get(null),
    await fakeBrowser.storage.session.get(null),
  ]);
}
const settings = (loan: Partial<Settings['loan']> = {}): Settings => loanTestSettings(server.url, { loan });
const loanUrl = () => `${server.url}/demo/loan-review`;
// As in the browser: the card frame records the consent, then the content script asks.
async function lookupBorrower(...[from, request]: Parameters<typeof lookupRaw>) {
  await recordLoanConsent(
    { tabId: from.tabId, url: CARD_URL },
    { key: request.borrower.key, consent: request.consent },
  );
  return lookupRaw(from, request);
}

beforeAll(async () => {
  server = await startMockServer({ port: 0, reportDelayMs: 0 });
});
afterAll(() => server.close());
afterEach(async () => {
  vi.unstubAllGlobals();
  await closeAuditDb();
  await new Promise((resolve) => {
    indexedDB.deleteDatabase(AUDIT_DB).onsuccess = resolve;
  });
});
const auditLog = async (): Promise<AuditEntry[]> => (await readAuditLog(365)).entries;
// The outcome entries (each lookup writes its request first).
const outcomes = async (): Promise<AuditEntry[]> =>
  (await auditLog()).filter((e) => e.outcome.kind !== 'requested');
beforeEach(async () => {
  fakeBrowser.reset();
  await fetch(`${server.url}/__mock/journal`, { method: 'DELETE' });
  await saveSettings(settings());
  await startLoanPage(TAB, { url: loanUrl(), title: '住房公积金个人贷款审批' });
  await addLoanBorrowers(TAB, HOUSEHOLD_REFS);
});

describe('a consented lookup in the background', () => {
  it('orders the three personal products with the authorization, reviews both and decides the household', async () => {
    const from = { tabId: TAB, frameId: 0, url: loanUrl() };
    const [first, second] = await Promise.all([
      lookupBorrower(from, {
        borrower: HOUSEHOLD_REFS[0] as LoanBorrowerRef,
        idNumber: APPLICANT_ID,
        consent: loanConsent('SQ-1'),
      }),
      lookupBorrower(from, {
        borrower: HOUSEHOLD_REFS[1] as LoanBorrowerRef,
        idNumber: CO_ID,
        consent: loanConsent('SQ-2'),
      }),
    ]);
    expect(first).toMatchObject({ state: 'done', verdict: 'eligible', asOf: SEED_AS_OF, cached: false });
    expect(second).toMatchObject({ state: 'done', verdict: 'ineligible' });
    expect(
      second.state === 'done' && second.review.findings.find((f) => f.severity === 'bar')?.months,
    ).toEqual(['2025-12', '2026-01', '2026-02']);

    const orders = (await journal()).filter((e) => e.method === 'POST' && e.path === '/v1/reports');
    expect(orders).toHaveLength(6);
    for (const o of orders) {
      expect(o.body).toMatchObject({
        purpose: 'housing_fund_loan',
        authorization: { grantedAt: '2026-11-03' },
      });
    }
    expect(orders.map((o) => (o.body as { productId: string }).productId).sort()).toEqual([
      'housing_fund_deposit_history',
      'housing_fund_deposit_history',
      'personal_court_enforcement',
      'personal_court_enforcement',
      'personal_credit_report',
      'personal_credit_report',
    ]);

    const record = (await getLoanTab(TAB)) as LoanTabRecord;
    expect(record.household.state).toBe('done');
    expect(record.household.state === 'done' && record.household.result.verdict).toBe('ineligible');
    expect(record.borrowers.map((b) => [b.key, b.consent?.reference, b.result.state])).toEqual([
      ['borrower:1', 'SQ-1', 'done'],
      ['borrower:2', 'SQ-2', 'done'],
    ]);
  });

  it('writes the request before any order and the outcome after, chained and masked', async () => {
    const from = { tabId: TAB, frameId: 0, url: loanUrl() };
    await lookupBorrower(from, {
      borrower: HOUSEHOLD_REFS[0] as LoanBorrowerRef,
      idNumber: APPLICANT_ID,
      consent: loanConsent('SQ-1'),
    });
    await lookupBorrower(from, {
      borrower: HOUSEHOLD_REFS[0] as LoanBorrowerRef,
      idNumber: APPLICANT_ID,
      consent: loanConsent('SQ-1b'),
    });
    const all = await auditLog();
    expect(all.map((e) => e.outcome.kind)).toEqual(['requested', 'verdict', 'requested', 'verdict']);
    expect(all[1]?.lookupId).toBe(all[0]?.id);
    expect((await readAuditLog(365)).status).toEqual({ intact: true, entries: 4 });
    const log = all.filter((e) => e.outcome.kind !== 'requested');
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      operator: '张三',
      purpose: 'housing_fund_loan',
      authorization: { reference: 'SQ-1', grantedAt: '2026-11-03' },
      subject: { role: 'applicant', idMasked: '330***********9966' },
      site: server.url,
      rulePack: { id: 'generic-lian3lei6', version: '2026.1' },
      outcome: { kind: 'verdict', verdict: 'eligible', cached: false },
    });
    expect(log[0]?.reportIds).toHaveLength(3);
    expect(log[1]?.subject).toEqual(log[0]?.subject);
    expect(Object.keys(log[0]?.subject ?? {}).sort()).toEqual(['idMasked', 'role']);
  });

  it('refuses the lookup, orders nothing and says why when the audit log cannot be written', async () => {
    await closeAuditDb();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.stubGlobal('indexedDB', {
      open: () => {
        throw new DOMException('the disk is full', 'QuotaExceededError');
      },
    });
    const result = await lookupBorrower(
      { tabId: TAB, frameId: 0, url: loanUrl() },
      {
        borrower: HOUSEHOLD_REFS[0] as LoanBorrowerRef,
        idNumber: APPLICANT_ID,
        consent: loanConsent('SQ-1'),
      },
    );
    expect(result).toMatchObject({ state: 'error', code: 'audit_unavailable', retryable: true });
    expect(result.state === 'error' && result.reason.zh).toMatch(
      /审计日志无法写入，查询已拒绝.*QuotaExceededError/,
    );
    expect(result.state === 'error' && result.reason.en).toMatch(
      /could not be written, so the lookup was refused/,
    );
    expect((await journal()).filter((e) => e.path.startsWith('/v1/'))).toEqual([]);
    const record = (await getLoanTab(TAB)) as LoanTabRecord;
    expect(record.borrowers[0]?.result).toMatchObject({ state: 'error', code: 'audit_unavailable' });
    expect(record.borrowers[0]?.report).toBeNull();
    expect(logged.mock.calls[0]?.slice(0, 2).join(' ')).toMatch(/\[xinjian\] loan: .*lookup refused/);
    expect(JSON.stringify(logged.mock.calls)).not.toContain(APPLICANT_ID);
  });

  it('keeps no full number, prefix or birth date in any storage area', async () => {
    const from = { tabId: TAB, frameId: 0, url: `${loanUrl()}?id=${APPLICANT_ID}` };
    await startLoanPage(TAB, { url: from.url, title: `审批 ${APPLICANT_ID}` });
    await addLoanBorrowers(TAB, HOUSEHOLD_REFS);
    await lookupBorrower(from, {
      borrower: HOUSEHOLD_REFS[0] as LoanBorrowerRef,
      idNumber: APPLICANT_ID,
      consent: loanConsent('SQ-1'),
    });
    await lookupBorrower(from, {
      borrower: HOUSEHOLD_REFS[1] as LoanBorrowerRef,
      idNumber: CO_ID,
      consent: loanConsent('SQ-2'),
    });
    const dump = await storageDump();
    for (const id of [APPLICANT_ID, CO_ID]) {
      for (const needle of [id, id.slice(0, 17), id.slice(6, 14)]) expect(dump).not.toContain(needle);
    }
    expect(dump).toContain('330***********9966');
  });

  it('reuses the session cache only when enabled, and still audits the lookup', async () => {
    await saveSettings(settings({ cacheReports: true }));
    const from = { tabId: TAB, frameId: 0, url: loanUrl() };
    const args = {
      borrower: HOUSEHOLD_REFS[0] as LoanBorrowerRef,
      idNumber: APPLICANT_ID,
      consent: loanConsent('SQ-1'),
    };
    expect(await lookupBorrower(from, args)).toMatchObject({ state: 'done', cached: false });
    await fetch(`${server.url}/__mock/journal`, { method: 'DELETE' });
    expect(await lookupBorrower(from, args)).toMatchObject({
      state: 'done',
      cached: true,
      verdict: 'eligible',
    });
    expect((await journal()).filter((e) => e.path.startsWith('/v1/'))).toEqual([]);
    const session = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(session).filter((k) => k.startsWith('loan-cache:'))).toHaveLength(1);
    expect(
      Object.keys(await fakeBrowser.storage.local.get(null)).some((k) => k.startsWith('loan-cache')),
    ).toBe(false);
    const log = await outcomes();
    expect(log.map((e) => e.outcome)).toEqual([
      { kind: 'verdict', verdict: 'eligible', cached: false },
      { kind: 'verdict', verdict: 'eligible', cached: true },
    ]);
  });

  it('orders fresh reports every time by default', async () => {
    const from = { tabId: TAB, frameId: 0, url: loanUrl() };
    const args = {
      borrower: HOUSEHOLD_REFS[0] as LoanBorrowerRef,
      idNumber: APPLICANT_ID,
      consent: loanConsent('SQ-1'),
    };
    await lookupBorrower(from, args);
    await lookupBorrower(from, args);
    expect((await journal()).filter((e) => e.method === 'POST' && e.path === '/v1/reports')).toHaveLength(6);
    expect(
      Object.keys(await fakeBrowser.storage.session.get(null)).some((k) => k.startsWith('loan-cache:')),
    ).toBe(false);
  });

  it('records an error outcome when the API refuses', async () => {
    await saveSettings({ ...settings(), api: { baseUrl: server.url, key: 'xj_test_enterprise_only' } });
    const result = await lookupBorrower(
      { tabId: TAB, frameId: 0, url: loanUrl() },
      {
        borrower: HOUSEHOLD_REFS[0] as LoanBorrowerRef,
        idNumber: APPLICANT_ID,
        consent: loanConsent('SQ-1'),
      },
    );
    expect(result).toMatchObject({ state: 'error', code: 'not_entitled' });
    const log = await outcomes();
    expect(log.map((e) => e.outcome)).toEqual([{ kind: 'error', code: 'not_entitled' }]);
  });
});

describe('the review date', () => {
  it("defaults to the data's as-of date when that is earlier than today, and says so", async () => {
    await saveSettings(settings({ reviewDate: null }));
    await startLoanPage(TAB, { url: loanUrl(), title: '住房公积金个人贷款审批' });
    await addLoanBorrowers(TAB, HOUSEHOLD_REFS);
    expect((await getLoanTab(TAB))?.asOf).toBe(todayInChina());
    const result = await lookupBorrower(
      { tabId: TAB, frameId: 0, url: loanUrl() },
      {
        borrower: HOUSEHOLD_REFS[0] as LoanBorrowerRef,
        idNumber: APPLICANT_ID,
        consent: loanConsent('SQ-1'),
      },
    );
    // The demo data ends before today: reviewed as of today, 24 paid months would read as 0.
    expect(SEED_AS_OF < todayInChina()).toBe(true);
    expect(result).toMatchObject({ state: 'done', verdict: 'eligible', asOfSource: 'data' });
    const asOf = result.state === 'done' ? result.asOf : '';
    expect(asOf <= SEED_AS_OF && asOf >= '2026-10-01').toBe(true);
    expect(result.state === 'done' && result.facts.deposit?.months).toBeGreaterThan(0);
    const record = (await getLoanTab(TAB)) as LoanTabRecord;
    expect([record.asOf, record.asOfSource]).toEqual([asOf, 'data']);
  });

  it('keeps the date set in the options', async () => {
    const result = await lookupBorrower(
      { tabId: TAB, frameId: 0, url: loanUrl() },
      {
        borrower: HOUSEHOLD_REFS[0] as LoanBorrowerRef,
        idNumber: APPLICANT_ID,
        consent: loanConsent('SQ-1'),
      },
    );
    expect(result).toMatchObject({ state: 'done', asOf: SEED_AS_OF, asOfSource: 'settings' });
  });
});

describe('an in-page navigation while a lookup is on its way', () => {
  it("keeps the previous page's answer out of the record and the badges of the page that replaced it", async () => {
    // Reviewed as of today, so a late report could also move the new page's review date.
    await saveSettings(settings({ reviewDate: null }));
    await startLoanPage(TAB, { url: loanUrl(), title: '住房公积金个人贷款审批' });
    await addLoanBorrowers(TAB, HOUSEHOLD_REFS);
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
    await fetch(`${server.url}/__mock/config`, { method: 'PUT', body: JSON.stringify({ latencyMs: 300 }) });
    try {
      const pending = lookupBorrower(
        { tabId: TAB, frameId: 0, url: loanUrl() },
        {
          borrower: HOUSEHOLD_REFS[0] as LoanBorrowerRef,
          idNumber: APPLICANT_ID,
          consent: loanConsent('SQ-1'),
        },
      );
      await vi.waitFor(async () =>
        expect((await getLoanTab(TAB))?.borrowers[0]?.result.state).toBe('checking'),
      );
      // The next application: its applicant is another person under the same page key.
      await startLoanPage(TAB, { url: loanUrl(), title: '下一笔贷款' });
      const next: LoanBorrowerRef = {
        ...(HOUSEHOLD_REFS[1] as LoanBorrowerRef),
        key: 'borrower:1',
        role: 'applicant',
      };
      await addLoanBorrowers(TAB, [next]);
      sent.mockClear();
      expect(await pending).toMatchObject({ state: 'done', verdict: 'eligible' });
      const record = (await getLoanTab(TAB)) as LoanTabRecord;
      expect(record.title).toBe('下一笔贷款');
      expect(record.borrowers).toEqual([
        { ...next, consent: null, result: { state: 'consent' }, report: null },
      ]);
      expect(record.household).toEqual({ state: 'pending', waiting: 1 });
      expect([record.asOf, record.asOfSource]).toEqual([todayInChina(), 'today']);
      // Nor pushed to the tab, whose badge `borrower:1` is now the next applicant's.
      expect(sent.mock.calls.filter(([, m]) => (m as { type?: string }).type === 'bg:loan-result')).toEqual(
        [],
      );
    } finally {
      await fetch(`${server.url}/__mock/config`, { method: 'PUT', body: JSON.stringify({ latencyMs: 0 }) });
    }
  });
});

describe('what the background refuses before any request', () => {
  it('a page not set to loan mode', async () => {
    await expect(
      lookupBorrower(
        { tabId: TAB, frameId: 0, url: `${server.url}/demo/bid-opening` },
        {
          borrower: HOUSEHOLD_REFS[0] as LoanBorrowerRef,
          idNumber: APPLICANT_ID,
          consent: loanConsent('SQ-1'),
        },
      ),
    ).rejects.toThrow(/loan_mode_off/);
    expect((await journal()).filter((e) => e.path.startsWith('/v1/'))).toEqual([]);
  });

  it('a lookup without a complete consent', async () => {
    const from = { tabId: TAB, frameId: 0, url: loanUrl() };
    const borrower = HOUSEHOLD_REFS[0] as LoanBorrowerRef;
    for (const bad of [
      { ...loanConsent(''), reference: '' },
      { ...loanConsent('SQ-1'), purpose: 'credit_lending' },
      { ...loanConsent('SQ-1'), grantedAt: '2999-01-01' },
      null,
    ]) {
      await expect(
        lookupBorrower(from, { borrower, idNumber: APPLICANT_ID, consent: bad as LoanConsent }),
      ).rejects.toThrow(/consent_required/);
    }
    expect((await journal()).filter((e) => e.path.startsWith('/v1/'))).toEqual([]);
    expect(await auditLog()).toEqual([]);
  });

  it('a borrower the tab never announced, or announced under another number or role', async () => {
    const from = { tabId: TAB, frameId: 0, url: loanUrl() };
    const stranger: LoanBorrowerRef = {
      key: 'borrower:9',
      role: 'applicant',
      idMasked: '330***********9966',
      nameMasked: null,
    };
    await expect(
      lookupBorrower(from, { borrower: stranger, idNumber: APPLICANT_ID, consent: loanConsent('SQ-1') }),
    ).rejects.toThrow(/not_announced/);
    await expect(
      lookupBorrower(from, {
        borrower: { ...(HOUSEHOLD_REFS[0] as LoanBorrowerRef), role: 'spouse' },
        idNumber: APPLICANT_ID,
        consent: loanConsent('SQ-1'),
      }),
    ).rejects.toThrow(/not_announced/);
    expect((await journal()).filter((e) => e.path.startsWith('/v1/'))).toEqual([]);
    expect(await auditLog()).toEqual([]);
  });

  it('a number that does not match the borrower it claims to be', async () => {
    await expect(
      lookupBorrower(
        { tabId: TAB, frameId: 0, url: loanUrl() },
        { borrower: HOUSEHOLD_REFS[0] as LoanBorrowerRef, idNumber: CO_ID, consent: loanConsent('SQ-1') },
      ),
    ).rejects.toThrow(/invalid_subject/);
  });
});

describe('the recorded consent', () => {
  const from = () => ({ tabId: TAB, frameId: 0, url: loanUrl() });
  const args = () => ({
    borrower: HOUSEHOLD_REFS[0] as LoanBorrowerRef,
    idNumber: APPLICANT_ID,
    consent: loanConsent('SQ-1'),
  });

  it('refuses a lookup whose consent the card frame did not record, or recorded differently', async () => {
    await expect(lookupRaw(from(), args())).rejects.toThrow(/consent_not_recorded/);
    const a = args();
    await recordLoanConsent({ tabId: TAB, url: CARD_URL }, { key: a.borrower.key, consent: a.consent });
    await expect(
      lookupRaw(from(), { ...a, consent: { ...a.consent, reference: 'SQ-OTHER' } }),
    ).rejects.toThrow(/consent_not_recorded/);
    // Another borrower's consent does not cover this one.
    await expect(
      lookupRaw(from(), {
        borrower: HOUSEHOLD_REFS[1] as LoanBorrowerRef,
        idNumber: CO_ID,
        consent: a.consent,
      }),
    ).rejects.toThrow(/consent_not_recorded/);
    expect((await journal()).filter((e) => e.path.startsWith('/v1/'))).toEqual([]);
    expect(await lookupRaw(from(), a)).toMatchObject({ state: 'done' });
  });

  it('records a consent only from the card page of a tab, complete, for an announced borrower', async () => {
    const c = loanConsent('SQ-1');
    await expect(
      recordLoanConsent(
        { tabId: TAB, url: 'chrome-extension://abcdefghijklmnop/sidepanel.html' },
        { key: 'borrower:1', consent: c },
      ),
    ).rejects.toThrow(/only from the card/);
    await expect(
      recordLoanConsent({ tabId: null, url: CARD_URL }, { key: 'borrower:1', consent: c }),
    ).rejects.toThrow(/only from the card/);
    await expect(
      recordLoanConsent(
        { tabId: TAB, url: CARD_URL },
        { key: 'borrower:1', consent: { ...c, reference: '' } },
      ),
    ).rejects.toThrow(/consent_required/);
    await expect(
      recordLoanConsent({ tabId: TAB, url: CARD_URL }, { key: 'borrower:9', consent: c }),
    ).rejects.toThrow(/not_announced/);
  });

  it('forgets recorded consents when the tab starts another loan page', async () => {
    const a = args();
    await recordLoanConsent({ tabId: TAB, url: CARD_URL }, { key: a.borrower.key, consent: a.consent });
    await startLoanPage(TAB, { url: loanUrl(), title: '下一笔' });
    await addLoanBorrowers(TAB, HOUSEHOLD_REFS);
    await expect(lookupRaw(from(), a)).rejects.toThrow(/consent_not_recorded/);
  });
});

describe('retention', () => {
  it('deletes entries past the retention period, never sooner than the legal minimum', async () => {
    const from = { tabId: TAB, frameId: 0, url: loanUrl() };
    const args = {
      borrower: HOUSEHOLD_REFS[0] as LoanBorrowerRef,
      idNumber: APPLICANT_ID,
      consent: loanConsent('SQ-1'),
    };
    await lookupBorrower(from, args);
    // A stored retention of one day is raised to the minimum: the entries stay.
    await saveSettings({ ...settings(), audit: { retentionDays: 1 } });
    await pruneAuditLog(184, new Date(Date.now() + 100 * 86_400_000));
    await lookupBorrower(from, args);
    expect(await auditLog()).toHaveLength(4);
    await pruneAuditLog(184, new Date(Date.now() + 200 * 86_400_000));
    expect(await readAuditLog(184, { now: new Date(Date.now() + 200 * 86_400_000) })).toMatchObject({
      total: 0,
      status: { intact: true, entries: 0 },
    });
  });
});

describe('the page record', () => {
  it('keeps the page address without its query, masks an ID in the title and fixes the pack and date', async () => {
    const info = await startLoanPage(TAB, { url: `${loanUrl()}?sfz=${CO_ID}`, title: `丁斌 ${CO_ID}` });
    expect(info).toMatchObject({ asOf: SEED_AS_OF, today: todayInChina() });
    expect(info.rulePack.id).toBe('generic-lian3lei6');
    const record = (await getLoanTab(TAB)) as LoanTabRecord;
    expect(record.url).toBe(loanUrl());
    expect(record.title).toBe('丁斌 340***********1694');
    expect(record.household).toEqual({ state: 'pending', waiting: 0 });
    await addLoanBorrowers(TAB, HOUSEHOLD_REFS);
    expect(((await getLoanTab(TAB)) as LoanTabRecord).household).toEqual({ state: 'pending', waiting: 2 });
  });

  it("keeps the page's 业务编号 with its label, cleaned, and the officer's own once changed", async () => {
    await startLoanPage(TAB, {
      url: loanUrl(),
      title: '住房公积金个人贷款审批',
      businessNo: { value: '\u202eGJJ-DK-2026-110301\u200b', label: '业务编号' },
    });
    expect(((await getLoanTab(TAB)) as LoanTabRecord).businessNo).toEqual({
      value: 'GJJ-DK-2026-110301',
      readFrom: '业务编号',
    });
    // Confirmed as read: still the page's.
    expect(await setBusinessNo(TAB, ' GJJ-DK-2026-110301 ')).toEqual({
      value: 'GJJ-DK-2026-110301',
      readFrom: '业务编号',
    });
    // Changed: the officer's, and an ID number in it is masked.
    expect(await setBusinessNo(TAB, `SQ-${CO_ID}`)).toEqual({
      value: 'SQ-340***********1694',
      readFrom: null,
    });
    expect(JSON.stringify(await getLoanTab(TAB))).not.toContain(CO_ID);
    expect(await setBusinessNo(TAB, '  ')).toBeNull();
    expect(((await getLoanTab(TAB)) as LoanTabRecord).businessNo).toBeNull();
    // Too long for a reference: not kept.
    await startLoanPage(TAB, {
      url: loanUrl(),
      title: 't',
      businessNo: { value: 'A'.repeat(65), label: '业务编号' },
    });
    expect(((await getLoanTab(TAB)) as LoanTabRecord).businessNo).toBeNull();
  });
});

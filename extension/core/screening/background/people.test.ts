// @vitest-environment node
/**
 * The legal representative's lookup in the background (credit mode, real mock server and SDK):
 * nothing is ordered without a consent recorded from the card, the audit entry is stored before
 * any order and a failing audit store orders nothing, the orders carry purpose and authorization,
 * no full number is kept anywhere, and the person's result joins the application's verdict.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type RunningMockServer, startMockServer } from '../../../../mock-server/src/index.ts';
import { DEMO_API_KEY, enterprisesByTag, individualsByTag } from '../../../../seeds/index.ts';
import { AUDIT_DB, closeAuditDb, readAuditLog } from '../../personal/audit-store.ts';
import type { PersonalConsent } from '../../personal/consent.ts';
import type { PersonRef } from '../../personal/person.ts';
import { expectPersonalOrders } from '../../personal/test-orders.ts';
import { maskedId, maskedName } from '../../personal.ts';
import { defaultSettings, saveSettings, todayInChina } from '../../settings.ts';
import type { PageSubject } from '../model.ts';
import { lookupForTab } from './lookups.ts';
import { addPeople, forgetPersonConsents, lookupPerson, recordPersonConsent } from './people.ts';
import { getTabRecord, startTabRecord } from './tabs.ts';
import { emptyTabRecord } from './test-record.ts';

let server: RunningMockServer;
const TAB = 11;
const CARD_URL = 'chrome-extension://abcdefghijklmnop/card.html';
const parties = enterprisesByTag('credit-case:cc-1');
const borrower = parties.find((e) => e.tags.includes('role:borrower'));
const [cleanGuarantor] = parties.filter(
  (e) => e.tags.includes('role:guarantor') && !e.tags.includes('edge:dishonest-active'),
);
const rep = individualsByTag('credit-case:cc-1')[0];
const listed = individualsByTag('edge:hf-dishonest')[0];
const GROUP = { id: 'credit-application', name: null };

const pageUrl = () => `${server.url}/demo/credit-review`;
const refOf = (p: { idNumber: string; name: string }, key = 'person:1'): PersonRef => ({
  key,
  role: 'legal_representative',
  idMasked: maskedId(p.idNumber),
  nameMasked: maskedName(p.name),
  group: GROUP.id,
});
const consent = (reference = 'SX-2026-001'): PersonalConsent => ({
  purpose: 'credit_lending',
  reference,
  grantedAt: todayInChina(),
  confirmedAt: new Date().toISOString(),
});

type JournalEntry = { method: string; path: string; url?: string; query?: unknown; body: unknown };
async function journal(): Promise<JournalEntry[]> {
  return ((await (await fetch(`${server.url}/__mock/journal`)).json()) as { data: JournalEntry[] }).data;
}
const reportOrders = async () => (await journal()).filter((e) => e.path.startsWith('/v1/reports'));

async function startPage(page: { title?: string; startedAt?: string } = {}): Promise<void> {
  startTabRecord({
    ...emptyTabRecord(TAB, pageUrl()),
    mode: 'credit',
    ruleSet: 'credit',
    title: '授信审批表',
    ...page,
  });
  const subjects: PageSubject[] = [borrower, cleanGuarantor].map((e, i) => ({
    key: `code:${e?.subject.uscc}`,
    code: { kind: 'uscc', value: e?.subject.uscc ?? '' },
    invalid: null,
    name: e?.subject.name ?? null,
    role: i === 0 ? 'borrower' : 'guarantor',
    consortium: GROUP,
  }));
  await lookupForTab(TAB, 0, subjects);
}
const application = async () => (await getTabRecord(TAB))?.consortia[0]?.screening ?? null;

beforeAll(async () => {
  server = await startMockServer({ port: 0, reportDelayMs: 0 });
});
afterAll(() => server.close());
beforeEach(async () => {
  if (!borrower || !cleanGuarantor || !rep || !listed) throw new Error('the credit case lacks its parties');
  fakeBrowser.reset();
  const d = defaultSettings();
  await saveSettings({
    ...d,
    api: { baseUrl: server.url, key: DEMO_API_KEY },
    sites: [{ pattern: 'http://127.0.0.1/*', pathPrefix: '/demo/credit-review', mode: 'credit' }],
    operator: '授信审批岗 02',
  });
  await startPage();
  await fetch(`${server.url}/__mock/journal`, { method: 'DELETE' });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await forgetPersonConsents(TAB);
  await closeAuditDb();
  await new Promise((resolve) => {
    indexedDB.deleteDatabase(AUDIT_DB).onsuccess = resolve;
  });
});

const from = () => ({ tabId: TAB, frameId: 0, url: pageUrl() });

describe("the legal representative's lookup", () => {
  it('refuses without a consent recorded from the card, and orders nothing', async () => {
    const person = refOf(rep as { idNumber: string; name: string });
    await addPeople(TAB, [person]);
    const given = consent();
    await expect(
      lookupPerson(from(), { person, idNumber: rep?.idNumber ?? '', consent: given }),
    ).rejects.toThrow(/consent_not_recorded/);
    // Recorded from anywhere but the card page: refused.
    await expect(
      recordPersonConsent({ tabId: TAB, url: `${pageUrl()}` }, { key: person.key, consent: given }),
    ).rejects.toThrow(/only from the card/);
    // A consent for another purpose: refused.
    await expect(
      recordPersonConsent(
        { tabId: TAB, url: CARD_URL },
        { key: person.key, consent: { ...given, purpose: 'housing_fund_loan' } },
      ),
    ).rejects.toThrow(/consent_required/);
    // A person the page did not announce: refused.
    await expect(
      recordPersonConsent({ tabId: TAB, url: CARD_URL }, { key: 'person:9', consent: given }),
    ).rejects.toThrow(/not_announced/);
    expect(await reportOrders()).toEqual([]);
    expect((await readAuditLog(365)).entries).toEqual([]);
    expect((await getTabRecord(TAB))?.people?.[0]?.result).toEqual({ state: 'consent' });
  });

  it('refuses a number that is not the announced person’s', async () => {
    const person = refOf(rep as { idNumber: string; name: string });
    await addPeople(TAB, [person]);
    const given = consent();
    await recordPersonConsent({ tabId: TAB, url: CARD_URL }, { key: person.key, consent: given });
    await expect(
      lookupPerson(from(), { person, idNumber: listed?.idNumber ?? '', consent: given }),
    ).rejects.toThrow(/invalid_subject/);
    expect(await reportOrders()).toEqual([]);
  });

  it('stores the audit entry first, then orders the two personal products with purpose and authorization', async () => {
    const person = refOf(rep as { idNumber: string; name: string });
    await addPeople(TAB, [person]);
    const given = consent('SX-2026-001');
    await recordPersonConsent({ tabId: TAB, url: CARD_URL }, { key: person.key, consent: given });
    const result = await lookupPerson(from(), { person, idNumber: rep?.idNumber ?? '', consent: given });
    expect(result).toMatchObject({ state: 'done', result: { verdict: 'pass' } });

    expectPersonalOrders(await journal(), rep?.idNumber ?? '', {
      reference: 'SX-2026-001',
      grantedAt: given.grantedAt,
    });

    const { entries } = await readAuditLog(365);
    expect(entries.map((e) => e.outcome.kind)).toEqual(['requested', 'verdict']);
    expect(entries[0]).toMatchObject({
      mode: 'credit',
      purpose: 'credit_lending',
      operator: '授信审批岗 02',
      subject: { role: 'legal_representative', idMasked: person.idMasked },
      authorization: { reference: 'SX-2026-001' },
      rulePack: { id: 'cn-credit-lending' },
    });
    expect(entries[1]?.lookupId).toBe(entries[0]?.id);
    expect(entries[1]?.reportIds).toHaveLength(2);
  });

  it('orders nothing when the audit entry cannot be stored (fails closed)', async () => {
    const person = refOf(rep as { idNumber: string; name: string });
    await addPeople(TAB, [person]);
    const given = consent();
    await recordPersonConsent({ tabId: TAB, url: CARD_URL }, { key: person.key, consent: given });
    await closeAuditDb();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.stubGlobal('indexedDB', {
      open: () => {
        throw new DOMException('the disk is full', 'QuotaExceededError');
      },
    });
    const result = await lookupPerson(from(), { person, idNumber: rep?.idNumber ?? '', consent: given });
    expect(result).toMatchObject({ state: 'error', code: 'audit_unavailable', retryable: true });
    expect(result.state === 'error' && result.reason.zh).toMatch(/审计日志无法写入，查询已拒绝/);
    expect(await reportOrders()).toEqual([]);
    expect((await getTabRecord(TAB))?.people?.[0]).toMatchObject({
      result: { state: 'error', code: 'audit_unavailable' },
      report: null,
    });
    expect(logged.mock.calls[0]?.slice(0, 2).join(' ')).toMatch(/\[xinjian\] credit: .*lookup refused/);
    expect(JSON.stringify(logged.mock.calls)).not.toContain(rep?.idNumber);
  });

  it("counts the representative's result in the application's verdict, per the credit rule set", async () => {
    expect((await application())?.verdict).toBe('pass');
    const person = refOf(listed as { idNumber: string; name: string });
    await addPeople(TAB, [person]);
    const given = consent();
    await recordPersonConsent({ tabId: TAB, url: CARD_URL }, { key: person.key, consent: given });
    const result = await lookupPerson(from(), { person, idNumber: listed?.idNumber ?? '', consent: given });
    expect(result.state === 'done' && result.result.verdict).toBe('review');
    expect(result.state === 'done' && result.result.findings.map((f) => f.code)).toContain(
      'legal_representative.dishonest_judgment_debtor.active',
    );
    const screened = await application();
    expect(screened?.verdict).toBe('review');
    expect(
      screened?.findings.some((f) => f.code === 'legal_representative.dishonest_judgment_debtor.active'),
    ).toBe(true);
  });

  it('keeps no full number, prefix or birth date in the record, the session storage or the audit log', async () => {
    const person = refOf(rep as { idNumber: string; name: string });
    await addPeople(TAB, [person]);
    const given = consent();
    await recordPersonConsent({ tabId: TAB, url: CARD_URL }, { key: person.key, consent: given });
    await lookupPerson(from(), { person, idNumber: rep?.idNumber ?? '', consent: given });
    const id = rep?.idNumber ?? '';
    const stored = JSON.stringify([
      await getTabRecord(TAB),
      await fakeBrowser.storage.local.get(null),
      await fakeBrowser.storage.session.get(null),
      (await readAuditLog(365)).entries,
    ]);
    expect(stored).toContain(person.idMasked);
    for (const part of [id, id.slice(0, 14), id.slice(6, 14)]) expect(stored).not.toContain(part);
  });

  it('ignores people in roles the rule set does not weigh, and pages whose mode looks no one up', async () => {
    await addPeople(TAB, [{ ...refOf(rep as { idNumber: string; name: string }), role: 'spouse' }]);
    expect((await getTabRecord(TAB))?.people ?? []).toEqual([]);
    startTabRecord(emptyTabRecord(TAB + 1));
    await addPeople(TAB + 1, [refOf(rep as { idNumber: string; name: string })]);
    expect((await getTabRecord(TAB + 1))?.people ?? []).toEqual([]);
  });

  it("keeps a late answer for the previous page out of the next page's record and badges", async () => {
    const person = refOf(rep as { idNumber: string; name: string });
    await addPeople(TAB, [person]);
    const given = consent();
    await recordPersonConsent({ tabId: TAB, url: CARD_URL }, { key: person.key, consent: given });
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
    await fetch(`${server.url}/__mock/config`, { method: 'PUT', body: JSON.stringify({ latencyMs: 300 }) });
    try {
      const pending = lookupPerson(from(), { person, idNumber: rep?.idNumber ?? '', consent: given });
      await vi.waitFor(async () =>
        expect((await getTabRecord(TAB))?.people?.[0]?.result.state).toBe('checking'),
      );
      // An in-page navigation: the next application's representative is another person under
      // the same page key.
      await startPage({ title: '下一笔授信', startedAt: new Date().toISOString() });
      const next = refOf(listed as { idNumber: string; name: string });
      await addPeople(TAB, [next]);
      sent.mockClear();
      expect(await pending).toMatchObject({ state: 'done' });
      const record = await getTabRecord(TAB);
      expect(record?.title).toBe('下一笔授信');
      expect(record?.people?.map((p) => [p.person.idMasked, p.result, p.report])).toEqual([
        [next.idMasked, { state: 'consent' }, null],
      ]);
      expect(sent.mock.calls.filter(([, m]) => (m as { type?: string }).type === 'bg:person-result')).toEqual(
        [],
      );
    } finally {
      await fetch(`${server.url}/__mock/config`, { method: 'PUT', body: JSON.stringify({ latencyMs: 0 }) });
    }
  });
});

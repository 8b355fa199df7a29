// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type RunningMockServer, startMockServer } from '../../../mock-server/src/index.ts';
import { enterpriseByTag, enterprisesByTag } from '../../../seeds/index.ts';
import { AUDIT_DB, closeAuditDb } from '../../core/personal/audit-store.ts';
import { codeSubject, nameSubject } from '../../core/screening/subjects.ts';
import { type Settings, saveSettings } from '../../core/settings.ts';
import {
  addLoanBorrowers,
  background,
  lookupBorrower,
  recordLoanConsent,
  startLoanPage,
} from './background.ts';
import { checkLoanCompanies, companyConfig, pickLoanCompany } from './companies.ts';
import type { LoanBorrowerRef, LoanCompanyRef, LoanTabRecord } from './model.ts';
import { loanDecisionRecord, sealDecision } from './record.ts';
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
const TAB = 11;
const dishonest = enterpriseByTag('edge:dishonest-active').subject;
const clean = enterpriseByTag('edge:clean').subject;
const company = (part: LoanCompanyRef['part'], uscc: string): LoanCompanyRef => ({
  subject: codeSubject('uscc', uscc, { role: 'mention' }),
  part,
});

type JournalEntry = { method: string; path: string; body: unknown };
async function journal(): Promise<JournalEntry[]> {
  return ((await (await fetch(`${server.url}/__mock/journal`)).json()) as { data: JournalEntry[] }).data;
}
const apiCalls = async () => (await journal()).filter((e) => e.path.startsWith('/v1/'));
const settings = (api: Partial<Settings['api']> = {}): Settings => loanTestSettings(server.url, { api });
const loanUrl = () => `${server.url}/demo/loan-review`;
const from = () => ({ tabId: TAB, url: loanUrl() });

beforeAll(async () => {
  server = await startMockServer({ port: 0, reportDelayMs: 0 });
});
afterAll(() => server.close());
afterEach(async () => {
  await closeAuditDb();
  await new Promise((resolve) => {
    indexedDB.deleteDatabase(AUDIT_DB).onsuccess = resolve;
  });
});
beforeEach(async () => {
  fakeBrowser.reset();
  await fetch(`${server.url}/__mock/journal`, { method: 'DELETE' });
  await saveSettings(settings());
  await startLoanPage(TAB, { url: loanUrl(), title: '住房公积金个人贷款审批' });
  await addLoanBorrowers(TAB, HOUSEHOLD_REFS);
});

describe('the companies of a loan page, in the background', () => {
  it('bars a listed guarantor under credit as it stands, and only reviews the same company as developer or employer', async () => {
    const results = await checkLoanCompanies(from(), [company('guarantor', dishonest.uscc)]);
    expect(results).toHaveLength(1);
    const guarantor = results[0]?.result;
    expect(guarantor?.state === 'done' && guarantor.screening.verdict).toBe('fail');
    expect(guarantor?.state === 'done' && guarantor.screening.ruleSet.id).toBe('cn-credit-lending');
    for (const part of ['developer', 'employer', 'other'] as const) {
      const [other] = await checkLoanCompanies(from(), [company(part, dishonest.uscc)]);
      const r = other?.result;
      expect(r?.state === 'done' && r.screening.verdict, part).toBe('review');
      // The active 失信 listing is still found and shown, weighed for the officer.
      expect(
        r?.state === 'done' &&
          r.screening.findings.find((f) => f.code === 'list.dishonest_judgment_debtor.active')?.severity,
      ).toBe('review');
      expect(r?.state === 'done' && r.screening.ruleSet.version).toMatch(/\+review$/);
    }
    expect(companyConfig('guarantor')).toBeUndefined();
    const record = (await getLoanTab(TAB)) as LoanTabRecord;
    // One entry per company key: the last part it was checked under.
    expect(record.companies?.map((c) => [c.subject.key, c.part, c.result.state])).toEqual([
      [`code:${dishonest.uscc}`, 'other', 'done'],
    ]);
  });

  it('keeps a failing company out of the household verdict, its evidence and the record digest', async () => {
    for (const [ref, idNumber] of [
      [HOUSEHOLD_REFS[0], APPLICANT_ID],
      [HOUSEHOLD_REFS[1], CO_ID],
    ] as const) {
      const c = loanConsent(`SQ-${ref?.key}`);
      await recordLoanConsent({ tabId: TAB, url: CARD_URL }, { key: ref?.key ?? '', consent: c });
      await lookupBorrower(
        { tabId: TAB, frameId: 0, url: loanUrl() },
        { borrower: ref as LoanBorrowerRef, idNumber, consent: c },
      );
    }
    const before = structuredClone((await getLoanTab(TAB)) as LoanTabRecord);
    expect(before.household.state).toBe('done');
    const sealed = async (r: LoanTabRecord) =>
      sealDecision(loanDecisionRecord(r, { operator: '张三', generatedAt: '2026-11-25T02:00:00.000Z' }));
    const digest = (await sealed(before)).digest.value;

    const [failing] = await checkLoanCompanies(from(), [company('guarantor', dishonest.uscc)]);
    expect(failing?.result.state === 'done' && failing.result.screening.verdict).toBe('fail');

    const after = (await getLoanTab(TAB)) as LoanTabRecord;
    expect(after.companies?.[0]?.result).toEqual(failing?.result);
    expect(after.household).toEqual(before.household);
    expect(after.borrowers).toEqual(before.borrowers);
    const text = JSON.stringify(after.household);
    expect(text).not.toContain(dishonest.uscc);
    expect(text).not.toContain(dishonest.name);
    expect((await sealed(after)).digest.value).toBe(digest);
    expect(JSON.stringify(loanDecisionRecord(after, { operator: '张三', generatedAt: '' }))).not.toContain(
      dishonest.uscc,
    );
  });

  it('never looks an ID number up as a company, nor a person’s name', async () => {
    const results = await checkLoanCompanies(from(), [
      { subject: codeSubject('uscc', APPLICANT_ID, { role: 'mention' }), part: 'employer' },
      { subject: nameSubject('冯小明', { role: 'mention' }), part: 'guarantor' },
      company('developer', clean.uscc),
    ]);
    expect(results.map((r) => r.result.state)).toEqual(['invalid', 'invalid', 'done']);
    // The page's script gets its own key back; the record keeps the masked one.
    expect(results[0]?.key).toBe(`code:${APPLICANT_ID}`);
    const calls = JSON.stringify(await apiCalls());
    expect(calls).not.toContain(APPLICANT_ID);
    expect(calls).not.toContain(encodeURIComponent('冯小明'));
    expect(calls).not.toContain('冯小明');
    expect(calls).toContain(clean.uscc);
    const stored = JSON.stringify(await getLoanTab(TAB));
    expect(stored).not.toContain(APPLICANT_ID);
    expect(stored).toContain('330***********9966');
  });

  it('looks a company up by name, and after an ambiguous name by the candidate the officer picked', async () => {
    const [byName] = await checkLoanCompanies(from(), [
      { subject: nameSubject(clean.name, { role: 'mention' }), part: 'employer' },
    ]);
    expect(byName?.result.state).toBe('done');
    expect(byName?.result.state === 'done' && byName.result.summary.subject.uscc).toBe(clean.uscc);
    // A name two companies share: the officer picks in the card, only among its candidates.
    const [a, b] = enterprisesByTag('same-name:1');
    const shared = nameSubject(a?.subject.name ?? '', { role: 'mention' });
    const [asked] = await checkLoanCompanies(from(), [{ subject: shared, part: 'developer' }]);
    expect(asked?.result.state).toBe('ambiguous');
    await expect(pickLoanCompany(from(), { key: shared.key, uscc: dishonest.uscc })).rejects.toThrow(
      /not_announced/,
    );
    const picked = await pickLoanCompany(from(), { key: shared.key, uscc: b?.subject.uscc ?? '' });
    expect(picked.state === 'done' && picked.summary.subject.uscc).toBe(b?.subject.uscc);
    const record = (await getLoanTab(TAB)) as LoanTabRecord;
    expect(record.companies?.find((c) => c.subject.key === shared.key)).toMatchObject({
      part: 'developer',
      result: { state: 'done' },
    });
  });

  it('lists a company printed as a name and a code once, with one lookup, and the name marked by its result', async () => {
    // As on gjj-loan-form.html: 售房单位 and 售房单位统一社会信用代码 in two fields of one row.
    const byName = { subject: nameSubject(clean.name, { role: 'mention' }), part: 'developer' } as const;
    const results = await checkLoanCompanies(from(), [byName, company('developer', clean.uscc)]);
    expect(results.map((r) => r.key)).toEqual([byName.subject.key, `code:${clean.uscc}`]);
    expect(results[0]?.result.state).toBe('done');
    expect(results[0]?.result).toEqual(results[1]?.result);
    const record = (await getLoanTab(TAB)) as LoanTabRecord;
    expect(record.companies?.map((c) => [c.subject.key, c.part])).toEqual([
      [`code:${clean.uscc}`, 'developer'],
    ]);
    // The code answered for the name: the name was never searched.
    const calls = JSON.stringify(await apiCalls());
    expect(calls).not.toContain(clean.name);
    expect(calls).not.toContain(encodeURIComponent(clean.name));
    // The name on a later scan joins the same row.
    const [again] = await checkLoanCompanies(from(), [byName]);
    expect(again?.result).toEqual(results[1]?.result);
    expect((await getLoanTab(TAB))?.companies).toHaveLength(1);
  });

  it('joins a name printed with the other width of bracket, letter or space to its code row', async () => {
    // The register writes 沐嘉（长春）…; a form prints half-width brackets, a full-width space.
    const printed = dishonest.name.replace('（', '(').replace('）', ')').replace('建筑', '建筑\u3000');
    expect(printed).not.toBe(dishonest.name);
    const byName = { subject: nameSubject(printed, { role: 'mention' }), part: 'guarantor' } as const;
    const [name, code] = await checkLoanCompanies(from(), [byName, company('guarantor', dishonest.uscc)]);
    expect(name?.result).toEqual(code?.result);
    expect((await getLoanTab(TAB))?.companies?.map((c) => c.subject.key)).toEqual([`code:${dishonest.uscc}`]);
    // The name was never searched: its code answered for it.
    const calls = JSON.stringify(await apiCalls());
    const stem = dishonest.name.slice(0, 2);
    expect(calls).not.toContain(stem);
    expect(calls).not.toContain(encodeURIComponent(stem));
  });

  it('screens a merged company under the stricter part, and never merges two different companies', async () => {
    const guarantor = {
      subject: nameSubject(dishonest.name, { role: 'mention' }),
      part: 'guarantor',
    } as const;
    const [, code] = await checkLoanCompanies(from(), [guarantor, company('other', dishonest.uscc)]);
    expect(code?.result.state === 'done' && code.result.screening.verdict).toBe('fail');
    expect((await getLoanTab(TAB))?.companies?.map((c) => [c.subject.key, c.part])).toEqual([
      [`code:${dishonest.uscc}`, 'guarantor'],
    ]);
    // A name and a code of two companies stay two rows, each with its own result.
    const other = { subject: nameSubject(clean.name, { role: 'mention' }), part: 'developer' } as const;
    const [name] = await checkLoanCompanies(from(), [other]);
    expect(name?.result.state === 'done' && name.result.summary.subject.uscc).toBe(clean.uscc);
    const record = (await getLoanTab(TAB)) as LoanTabRecord;
    expect(record.companies?.map((c) => c.subject.key)).toEqual([
      `code:${dishonest.uscc}`,
      other.subject.key,
    ]);
  });

  it('shows an API failure as unavailable with its reason, never as a pass', async () => {
    await saveSettings(settings({ key: 'not-a-key' }));
    const [r] = await checkLoanCompanies(from(), [company('guarantor', clean.uscc)]);
    expect(r?.result.state).toBe('unavailable');
    expect(r?.result.state === 'unavailable' && r.result.reason.zh.length).toBeGreaterThan(0);
    await saveSettings(settings({ baseUrl: '', key: '' }));
    const [unset] = await checkLoanCompanies(from(), [company('developer', clean.uscc)]);
    expect(unset?.result).toMatchObject({
      state: 'unavailable',
      reason: { zh: expect.stringContaining('API') },
    });
    const record = (await getLoanTab(TAB)) as LoanTabRecord;
    expect(record.companies?.map((c) => c.result.state)).toEqual(['unavailable']);
  });

  it('keeps a late answer for the previous page out of the record of the page that replaced it', async () => {
    await fetch(`${server.url}/__mock/config`, { method: 'PUT', body: JSON.stringify({ latencyMs: 300 }) });
    try {
      // A company no other test looks up, so no cache answers it before the navigation.
      const late = enterpriseByTag('edge:major-tax').subject.uscc;
      const pending = checkLoanCompanies(from(), [company('guarantor', late)]);
      await vi.waitFor(async () => expect((await getLoanTab(TAB))?.companies?.length).toBe(1));
      // An in-page navigation starts a fresh record while the lookup is on its way.
      await startLoanPage(TAB, { url: loanUrl(), title: '下一笔贷款' });
      await pending;
      const record = (await getLoanTab(TAB)) as LoanTabRecord;
      expect(record.title).toBe('下一笔贷款');
      expect(record.companies ?? []).toEqual([]);
    } finally {
      await fetch(`${server.url}/__mock/config`, { method: 'PUT', body: JSON.stringify({ latencyMs: 0 }) });
    }
  });

  it('refuses companies from a site that is not in loan mode, and before the page started', async () => {
    await expect(
      checkLoanCompanies({ tabId: TAB, url: `${server.url}/demo/bid-opening` }, [
        company('guarantor', clean.uscc),
      ]),
    ).rejects.toThrow(/loan_mode_off/);
    await expect(
      checkLoanCompanies({ tabId: 99, url: loanUrl() }, [company('guarantor', clean.uscc)]),
    ).rejects.toThrow(/no_page/);
    expect(await apiCalls()).toEqual([]);
  });

  it('answers the loan message through the mode’s background', async () => {
    const handler = background.content?.['cs:loan-companies'];
    const out = await handler?.(
      { type: 'cs:loan-companies', companies: [company('guarantor', dishonest.uscc)] },
      { tabId: TAB, frameId: 0, url: loanUrl() } as never,
    );
    expect(out?.[0]).toMatchObject({ key: `code:${dishonest.uscc}`, result: { state: 'done' } });
  });
});

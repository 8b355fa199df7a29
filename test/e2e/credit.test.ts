/**
 * The credit-lending mode (信贷) in Chromium on the mock server's 授信审批表: the borrower and
 * both guarantors are checked automatically under the SDK's credit rule set, each with its own
 * verdict; the application's combined verdict (borrower with guarantors) is in the side panel;
 * the legal representative, a person, is never looked up without consent: the person's badge
 * waits for the officer's consent in the card frame (by keyboard), and only then are the two
 * personal products ordered, with the purpose and the authorization and never the full number in
 * an address; the person's verdict is shown masked.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createClient } from '@xinjian/sdk';
import { CREDIT_LENDING_RULE_SET, evaluateCreditLending, type ScreeningSubject } from '@xinjian/sdk/rules';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectPersonalOrders } from '../../extension/core/personal/test-orders.ts';
import type { TabPerson } from '../../extension/core/screening/model.ts';
import { todayInChina } from '../../sdk/src/core/china-time.ts';
import { canonicalJson, type EvidenceFile, verifyEvidence } from '../../sdk/src/evidence/index.ts';
import { DEMO_API_KEY, individualsByTag } from '../../seeds/index.ts';
import expectedPages from '../../seeds/pages/expected.json' with { type: 'json' };
import {
  type BadgeSnapshot,
  type ChromeGlobal,
  confirmConsentByKeyboard,
  type ExtensionBrowser,
  launchWithExtension,
  readAuditLog,
  screenshotPath,
  settledBadges,
  snapshot,
  tabRecord,
  tabToBadge,
  until,
} from './browser.ts';

const mockUrl = inject('mockUrl');
const expected = expectedPages.find((p) => p.page === 'credit-review.html')?.subjects ?? [];
const enterprises = expected.filter((s) => s.kind === 'uscc');
const borrower = enterprises.find((s) => s.role === 'borrower');
const guarantors = enterprises.filter((s) => s.role === 'guarantor');
const legal = individualsByTag('credit-case:cc-1').find((p) => p.tags.includes('role:legal_representative'));

let browser: ExtensionBrowser;
let page: Page;
let badges: BadgeSnapshot[];
let firstSeq = 0;

beforeAll(async () => {
  if (!borrower || guarantors.length !== 2 || !legal)
    throw new Error('the credit demo page lacks its parties');
  browser = await launchWithExtension(inject('extensionDir'));
  page = await browser.context.newPage();
  await fetch(`${mockUrl}/__mock/reset`, { method: 'POST' });
  const journal = (await (await fetch(`${mockUrl}/__mock/journal`)).json()) as {
    data: Array<{ seq: number }>;
  };
  firstSeq = journal.data.at(-1)?.seq ?? 0;
  await page.goto(`${mockUrl}/demo/credit-review`);
  badges = await settledBadges(page, enterprises.length);
});

afterAll(async () => {
  await browser?.close();
});

async function summaries(): Promise<Map<string, ScreeningSubject>> {
  const client = createClient({ baseUrl: mockUrl, apiKey: DEMO_API_KEY, cache: false });
  const out = new Map<string, ScreeningSubject>();
  for (const s of enterprises) {
    const item = await client.ratings.get(s.value);
    if (item.status !== 'found') throw new Error(`${s.value} is ${item.status}`);
    out.set(s.value, item.summary);
  }
  return out;
}

// The page's evidence as the side panel exports it (its JSON download).
async function exportEvidence(tabId: number): Promise<EvidenceFile> {
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
  await until(
    () => panel.locator('tr.group').textContent(),
    (text) => (text ?? '').includes('整笔授信结论'),
    'the application verdict in the side panel',
  );
  const [download] = await Promise.all([
    panel.waitForEvent('download'),
    panel.getByText('导出本页证据（JSON）').click(),
  ]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as EvidenceFile;
  await panel.close();
  return file;
}

describe('the credit mode on a 授信审批表', () => {
  it('badges the borrower and both guarantors, and not the legal representative', () => {
    expect(badges.map((b) => b.key).sort()).toEqual(enterprises.map((s) => `code:${s.value}`).sort());
    expect(badges.some((b) => b.key.includes(legal?.idNumber ?? '-'))).toBe(false);
  });

  it("shows each party's verdict under the SDK's credit rule set", async () => {
    const record = await tabRecord(browser.worker, '/demo/credit-review');
    expect(record).toMatchObject({ mode: 'credit', ruleSet: 'credit' });
    const byCode = await summaries();
    const options = { asOf: record.startedAt.slice(0, 10), cutoff: record.cutoff.date };
    for (const s of enterprises) {
      const verdict = evaluateCreditLending(byCode.get(s.value) as ScreeningSubject, options).verdict;
      expect(badges.find((b) => b.key === `code:${s.value}`)?.state, s.value).toBe(
        verdict === 'incomplete' ? 'unavailable' : verdict,
      );
    }
    // The seed case: the borrower passes alone, one guarantor is a judgment defaulter.
    expect(badges.find((b) => b.key === `code:${borrower?.value}`)?.state).toBe('pass');
    expect(badges.filter((b) => b.state === 'fail')).toHaveLength(1);
  });

  it('screens the application as a whole: the borrower with its guarantors', async () => {
    const byCode = await summaries();
    const combined = evaluateCreditLending(byCode.get(borrower?.value ?? '') as ScreeningSubject, {
      asOf: todayInChina(),
      cutoff: (await tabRecord(browser.worker, '/demo/credit-review')).cutoff.date,
      guarantors: guarantors.map((g) => byCode.get(g.value) as ScreeningSubject),
    }).verdict;
    expect(combined).toBe('fail');
    const record = await until(
      () => tabRecord(browser.worker, '/demo/credit-review'),
      (r) => r.consortia.length === 1 && r.consortia[0]?.screening !== null,
      'the application screened',
    );
    expect(record.consortia[0]?.memberKeys[0]).toBe(`code:${borrower?.value}`);
    expect(record.consortia[0]?.screening?.verdict).toBe(combined);

    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${record.tabId}`);
    const group = panel.locator('tr.group');
    await until(
      () => group.textContent(),
      (text) => (text ?? '').includes('整笔授信结论：不通过'),
      'the application verdict in the side panel',
    );
    expect(await group.textContent()).toContain('授信申请（借款人及担保人）');
    await panel.screenshot({ path: screenshotPath('credit-panel.png') });
    await panel.close();
  });

  it('exports the application as evidence: the three parties, the credit rule set and the combined verdict', async () => {
    const record = await tabRecord(browser.worker, '/demo/credit-review');
    const file = await exportEvidence(record.tabId);
    expect(file.digest.value).toBe(
      createHash('sha256').update(canonicalJson(file.record), 'utf8').digest('hex'),
    );
    expect(file.record.origin.page).toMatchObject({ origin: mockUrl, path: '/demo/credit-review' });
    expect(file.record.ruleSet?.id).toBe(CREDIT_LENDING_RULE_SET.id);
    expect(file.record.basis).toContain('发改财金〔2016〕141号');
    // The borrower and the guarantors, each with a verdict; the person is not in it.
    expect(file.record.subjects.map((s) => s.code).sort()).toEqual(enterprises.map((s) => s.value).sort());
    expect(JSON.stringify(file.record)).not.toContain((legal?.idNumber ?? '').slice(0, 14));
    expect(file.record.groups).toEqual([
      expect.objectContaining({ members: record.consortia[0]?.memberKeys, verdict: 'fail' }),
    ]);
    const jwks = await (await fetch(`${mockUrl}/.well-known/jwks.json`)).json();
    const verified = await verifyEvidence(file, jwks);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
  });

  it('sends no request that carries the legal representative', async () => {
    const journal = (await (await fetch(`${mockUrl}/__mock/journal`)).json()) as {
      data: Array<{ seq: number; path: string; body: unknown; query?: unknown }>;
    };
    const mine = journal.data.filter((e) => e.seq > firstSeq);
    expect(mine.length).toBeGreaterThan(0);
    const id = legal?.idNumber ?? '';
    for (const e of mine) expect(JSON.stringify(e)).not.toContain(id.slice(0, 14));
    expect(mine.some((e) => e.path.startsWith('/v1/reports'))).toBe(false);
  });
});

type JournalEntry = { seq: number; method: string; path: string; query: unknown; body: unknown };
async function journalSince(seq: number): Promise<JournalEntry[]> {
  const all = ((await (await fetch(`${mockUrl}/__mock/journal`)).json()) as { data: JournalEntry[] }).data;
  return all.filter((e) => e.seq > seq);
}
const people = () => snapshot(page, 'people');
const readAudit = () => readAuditLog(browser.worker);

describe('the legal representative, looked up after consent', () => {
  const id = () => legal?.idNumber ?? '';
  const masked = () => `${id().slice(0, 3)}***********${id().slice(-4)}`;

  it('has a masked consent badge in a closed shadow root, and nothing personal is ordered', async () => {
    const found = await until(people, (all) => all.length === 1, "the representative's badge");
    expect(found[0]).toMatchObject({
      key: 'person:1',
      state: 'consent',
      text: `legal_representative ${masked()}`,
    });
    // The page cannot look inside the marker.
    expect(
      await page.evaluate(() => document.querySelector('[data-xinjian-test="person:1"]')?.shadowRoot ?? null),
    ).toBeNull();
    const sent = await journalSince(firstSeq);
    expect(sent.some((e) => e.path.startsWith('/v1/reports'))).toBe(false);
    for (const e of sent) expect(JSON.stringify(e)).not.toContain(id().slice(0, 14));
  });

  it('takes the consent in the card frame by keyboard, then orders the two personal products', async () => {
    await page.bringToFront();
    await page.locator('body').focus();
    await tabToBadge(page.keyboard, people, 'person:1');
    // The preview on focus names the person masked.
    await page.keyboard.press('Enter');
    const open = await until(
      people,
      (all) => all.some((b) => b.cardOpen && b.cardText.includes('授权书编号')),
      'the consent dialog',
    );
    expect(open[0]?.cardText).toContain(masked());
    expect(open[0]?.cardText).toContain('信贷审批（授信）');
    expect(open[0]?.cardText).not.toContain(id());
    // Still nothing ordered while the dialog is open.
    expect((await journalSince(firstSeq)).some((e) => e.path.startsWith('/v1/reports'))).toBe(false);

    await confirmConsentByKeyboard(page, 'SX-2026-1203-07', todayInChina());

    const done = await until(
      people,
      (all) => all.some((b) => b.state !== 'consent' && b.state !== 'checking'),
      "the representative's verdict",
    );
    // The seed's representative is clean: a pass, shown masked.
    expect(done[0]?.state).toBe('pass');
    const card = await until(
      people,
      (all) => all.some((b) => b.cardOpen && b.cardText.includes('个人核查结论')),
      "the representative's card",
    );
    expect(card[0]?.cardText).toContain(masked());
    expect(card[0]?.cardText).not.toContain(id());
    await page.screenshot({ path: screenshotPath('credit-representative.png') });

    expectPersonalOrders(await journalSince(firstSeq), id(), {
      reference: 'SX-2026-1203-07',
      grantedAt: todayInChina(),
    });
  });

  it("records the audit entries masked, and keeps the person's result masked in the tab record", async () => {
    const audit = await until(readAudit, (all) => all.length >= 2, 'the audit entries');
    expect(audit.map((e) => e.outcome.kind)).toEqual(['requested', 'verdict']);
    expect(audit[0]).toMatchObject({
      mode: 'credit',
      purpose: 'credit_lending',
      subject: { role: 'legal_representative', idMasked: masked() },
      authorization: { reference: 'SX-2026-1203-07' },
    });
    const record = await until(
      () => tabRecord(browser.worker, '/demo/credit-review'),
      (r) => ((r as { people?: TabPerson[] }).people ?? []).some((p) => p.result.state === 'done'),
      "the representative's result in the record",
    );
    const person = (record as { people?: TabPerson[] }).people?.[0];
    expect(person?.person).toMatchObject({ role: 'legal_representative', idMasked: masked() });
    // The application's verdict still fails on the listed guarantor; the person is counted in it.
    expect(record.consortia[0]?.screening?.verdict).toBe('fail');
    const stored = await browser.worker.evaluate(async () =>
      JSON.stringify(await (globalThis as unknown as ChromeGlobal).chrome.storage.session.get(null)),
    );
    for (const part of [id(), id().slice(0, 14), id().slice(6, 14)]) {
      expect(JSON.stringify(audit)).not.toContain(part);
      expect(stored).not.toContain(part);
    }
  });

  it("exports the person's result masked in the page's evidence, beside the companies' verified answers", async () => {
    const record = await tabRecord(browser.worker, '/demo/credit-review');
    const file = await exportEvidence(record.tabId);
    expect(file.record.people).toEqual([
      expect.objectContaining({
        role: 'legal_representative',
        roleLabel: '法定代表人',
        idMasked: masked(),
        state: 'done',
        verdict: 'pass',
        authorization: expect.objectContaining({ purpose: 'credit_lending', reference: 'SX-2026-1203-07' }),
      }),
    ]);
    expect(file.record.people?.[0]?.reportIds).toHaveLength(2);
    for (const part of [id(), id().slice(0, 14)]) expect(JSON.stringify(file)).not.toContain(part);
    const jwks = await (await fetch(`${mockUrl}/.well-known/jwks.json`)).json();
    expect((await verifyEvidence(file, jwks)).ok).toBe(true);
  });

  it("lists the person masked in the side panel under the application, with the person's verdict", async () => {
    const record = await tabRecord(browser.worker, '/demo/credit-review');
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${record.tabId}`);
    const row = panel.locator('tr.person');
    const text = await until(
      () => row.textContent(),
      (t) => (t ?? '').includes('通过'),
      "the representative's row in the side panel",
    );
    expect(text).toContain(masked());
    expect(text).toContain('法定代表人');
    expect(await row.getAttribute('data-state')).toBe('pass');
    expect(await panel.content()).not.toContain(id());
    await panel.close();
  });
  it('prints the person masked, with the verdict, the authorization and what the signatures leave out', async () => {
    const record = await tabRecord(browser.worker, '/demo/credit-review');
    const printable = await browser.context.newPage();
    await printable.goto(`chrome-extension://${browser.extensionId}/evidence.html?tab=${record.tabId}`);
    const people = printable.getByTestId('people');
    const text = await until(
      () => people.textContent({ timeout: 2000 }).catch(() => null),
      (t) => (t ?? '').includes(masked()),
      'the people on the printed evidence',
    );
    expect(text).toContain('法定代表人');
    expect(await people.locator('.verdict').textContent()).toBe('✓ 通过');
    expect(text).toContain('SX-2026-1203-07');
    expect(text).toContain('信贷审批（授信）');
    expect(await printable.getByTestId('people-unsigned').textContent()).toContain('不在信用服务签名');
    // The application's verdict with the representative counted, as the card showed it: a
    // guarantor on the list fails it whatever the clean representative adds.
    const application = record.consortia.find((c) => c.id === 'credit-application')?.screening;
    expect(application?.verdict).toBe('fail');
    expect(await printable.getByTestId('group-with-people').textContent()).toContain(
      '计入人员结果后：不通过',
    );
    const html = await printable.content();
    for (const part of [id(), id().slice(6, 14)]) expect(html).not.toContain(part);
    await printable.close();
  });

  it("adds the person to the side panel's CSV with the masked ID only", async () => {
    const record = await tabRecord(browser.worker, '/demo/credit-review');
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${record.tabId}`);
    await until(
      () => panel.locator('tr.person').textContent(),
      (t) => (t ?? '').includes('通过'),
      "the representative's row in the side panel",
    );
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByText('导出表格（CSV）').click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    await panel.close();
    const row = csv.split('\r\n').find((l) => l.includes(masked()));
    expect(row).toContain('法定代表人');
    expect(row).toContain('通过');
    for (const part of [id(), id().slice(6, 14)]) expect(csv).not.toContain(part);
  });

  it('starts over on an in-page navigation: the next application asks for consent again and orders nothing', async () => {
    const since = (await journalSince(firstSeq)).at(-1)?.seq ?? firstSeq;
    // A single-page review system: the next application comes in without a page load.
    await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      const next = new DOMParser().parseFromString(html, 'text/html').body;
      history.pushState(null, '', `${location.pathname}?application=2`);
      document.body.replaceWith(document.adoptNode(next));
    });
    const fresh = await until(
      people,
      (all) => all.length === 1 && all[0]?.state === 'consent',
      "the representative's badge on the next application",
    );
    expect(fresh[0]?.text).toContain(masked());
    expect(fresh[0]?.text).not.toContain(id());
    // The consent given on the previous application does not carry over.
    const record = await until(
      () => tabRecord(browser.worker, '?application=2'),
      (r) => (r.people ?? []).length === 1,
      "the next application's record with its representative",
    );
    expect(record.people?.[0]?.result).toEqual({ state: 'consent' });
    expect(record.people?.[0]?.consent ?? null).toBeNull();
    expect((await journalSince(since)).some((e) => e.path.startsWith('/v1/reports'))).toBe(false);
  });
});

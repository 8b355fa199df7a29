/**
 * The credit-lending mode (信贷) in Chromium on the mock server's 授信审批表: the borrower and
 * both guarantors are checked automatically under the SDK's credit rule set, each with its own
 * verdict; the application's combined verdict (borrower with guarantors) is in the side panel;
 * the legal representative, a person, is never looked up without consent.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createClient } from '@xinjian/sdk';
import { CREDIT_LENDING_RULE_SET, evaluateCreditLending, type ScreeningSubject } from '@xinjian/sdk/rules';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canonicalJson, type EvidenceFile, verifyEvidence } from '../../sdk/src/evidence/index.ts';
import { DEMO_API_KEY, individualsByTag } from '../../seeds/index.ts';
import expectedPages from '../../seeds/pages/expected.json' with { type: 'json' };
import {
  type BadgeSnapshot,
  type ExtensionBrowser,
  launchWithExtension,
  screenshotPath,
  settledBadges,
  tabRecord,
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
      asOf: new Date().toISOString().slice(0, 10),
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
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${record.tabId}`);
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

/**
 * The tendering mode (法〔2016〕285号) in Chromium on the mock server's works-tender
 * bid-opening record: the badges carry the verdicts the SDK's tendering rule set gives for the
 * same data, the card cites 法〔2016〕285号, the project managers on the page are not looked
 * up, and the side panel lists the bidders and exports evidence under the tendering rule set.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createClient } from '@xinjian/sdk';
import { evaluateProcurement, evaluateTendering, TENDERING_RULE_SET } from '@xinjian/sdk/rules';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canonicalJson, type EvidenceFile, verifyEvidence } from '../../sdk/src/evidence/index.ts';
import { DEMO_API_KEY, seeds } from '../../seeds/index.ts';
import expectedPages from '../../seeds/pages/expected.json' with { type: 'json' };
import {
  type BadgeSnapshot,
  type ExtensionBrowser,
  launchWithExtension,
  screenshotPath,
  settledBadges,
  snapshot,
  tabRecord,
  until,
} from './browser.ts';

const mockUrl = inject('mockUrl');
const page$ = expectedPages.find((p) => p.page === 'tendering.html');
if (!page$) throw new Error('seeds/pages/expected.json has no tendering.html');
const subjects = page$.subjects;

let browser: ExtensionBrowser;
let page: Page;
let badges: BadgeSnapshot[];

beforeAll(async () => {
  browser = await launchWithExtension(inject('extensionDir'));
  page = await browser.context.newPage();
  await fetch(`${mockUrl}/__mock/reset`, { method: 'POST' });
  await page.goto(`${mockUrl}/demo/tendering`);
  badges = await settledBadges(page, subjects.length);
});

afterAll(async () => {
  await browser?.close();
});

describe('the tendering mode on a works-tender bid-opening record', () => {
  it('badges every bidder, and no project manager', () => {
    expect(badges.map((b) => b.key).sort()).toEqual(subjects.map((s) => `code:${s.value}`).sort());
    const managers = ['王建国', '李振华', '陈志强'];
    for (const b of badges) for (const m of managers) expect(b.name ?? '').not.toContain(m);
  });

  it("shows the verdicts of the SDK's tendering rule set, which are not procurement's", async () => {
    const record = await tabRecord(browser.worker, '/demo/tendering');
    expect(record.mode).toBe('tendering');
    expect(record.cutoff).toEqual({ date: seeds.meta.cutoff, source: 'page' });
    const client = createClient({ baseUrl: mockUrl, apiKey: DEMO_API_KEY, cache: false });
    let differs = 0;
    for (const s of subjects) {
      const item = await client.ratings.get(s.value);
      if (item.status !== 'found') throw new Error(`${s.value} is ${item.status} in the seeds`);
      const { summary } = item;
      const options = { asOf: record.startedAt.slice(0, 10), cutoff: record.cutoff.date };
      const tendering = evaluateTendering(summary, options).verdict;
      if (evaluateProcurement(summary, options).verdict !== tendering) differs++;
      const badge = badges.find((b) => b.key === `code:${s.value}`);
      expect(badge?.state, s.value).toBe(tendering === 'incomplete' ? 'unavailable' : tendering);
    }
    // The page holds subjects the two rule sets judge differently: the mode's own rules apply.
    expect(differs).toBeGreaterThan(0);
    expect(badges.some((b) => b.state === 'fail')).toBe(true);
    expect(badges.some((b) => b.state === 'pass')).toBe(true);
  });

  it('opens a failing card that cites 法〔2016〕285号', async () => {
    const failing = badges.find((b) => b.state === 'fail');
    if (!failing) throw new Error('no failing badge');
    await page.bringToFront();
    await page.locator(`[data-xinjian-test="${failing.key}"]`).click();
    const open = await until(
      async () => (await snapshot(page)).find((b) => b.key === failing.key),
      (b) => b?.cardOpen === true,
      'the failing card open',
    );
    expect(open?.cardText).toContain('法〔2016〕285号');
    await page.locator('#tender-opening-table').screenshot({ path: screenshotPath('tendering.png') });
    await page.keyboard.press('Escape');
  });
});

describe('the side panel on the tendering page', () => {
  it('lists every bidder and exports evidence under the tendering rule set', async () => {
    const record = await tabRecord(browser.worker, '/demo/tendering');
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${record.tabId}`);
    const rows = panel.locator('[data-testid="bidders"] tbody tr[data-key]');
    await until(
      () => rows.count(),
      (n) => n === subjects.length,
      'one row per bidder',
    );
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByText('导出本页证据（JSON）').click(),
    ]);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as EvidenceFile;
    expect(file.digest.value).toBe(
      createHash('sha256').update(canonicalJson(file.record), 'utf8').digest('hex'),
    );
    expect(file.record.origin.page).toMatchObject({ origin: mockUrl, path: '/demo/tendering' });
    expect(file.record.subjects).toHaveLength(subjects.length);
    expect(file.record.ruleSet?.id).toBe(TENDERING_RULE_SET.id);
    expect(file.record.basis).toContain('法〔2016〕285号');
    const jwks = await (await fetch(`${mockUrl}/.well-known/jwks.json`)).json();
    const verified = await verifyEvidence(file, jwks);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
    await panel.close();

    // The printed page is the exported record, not a new one.
    const printable = await browser.context.newPage();
    await printable.goto(`chrome-extension://${browser.extensionId}/evidence.html?tab=${record.tabId}`);
    const hash = printable.getByTestId('sha256');
    await hash.waitFor();
    expect((await hash.textContent())?.trim()).toBe(file.digest.value);
    expect(await printable.locator('main').textContent()).toContain('法〔2016〕285号');
    await printable.close();
  });
});

/**
 * Loan-review mode in Chromium against the real mock server: on the demo loan page (preset to
 * loan mode in the e2e build) nothing is queried before consent; after the officer confirms
 * each person's written authorization by keyboard, the verdicts match the seed notes (hh-2:
 * applicant eligible, co-borrower ineligible for 3 consecutive overdue months, household 不予
 * 贷款); the audit log has one entry per lookup; retention deletes old entries; and no full ID
 * number, 17-digit prefix or birth date is anywhere in storage.local, storage.sync or the
 * exports. A procurement page never detects ID numbers at all.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LoanTabRecord } from '../../extension/modes/loan/model.ts';
import type { LoanDecisionFile } from '../../extension/modes/loan/record.ts';
import { canonicalJson } from '../../sdk/src/evidence/index.ts';
import { enterpriseByTag, individualsByTag, SEED_AS_OF } from '../../seeds/index.ts';
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
  until,
} from './browser.ts';

const mockUrl = inject('mockUrl');
const [applicant, coBorrower] = individualsByTag('household:hh-2');
const APPLICANT_ID = applicant?.idNumber ?? '';
const CO_ID = coBorrower?.idNumber ?? '';
// Every form in which a number could leak: whole, without its check character, its birth date.
const FORBIDDEN = [APPLICANT_ID, CO_ID].flatMap((id) => [id, id.slice(0, 17), id.slice(6, 14)]);

const percent = (s: string) => [...s].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('');
const fullWidth = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const URL_ID_FORMS = [
  `sfz=${APPLICANT_ID}`,
  `enc=${percent(APPLICANT_ID)}`,
  `fw=${encodeURIComponent(fullWidth(APPLICANT_ID))}`,
  `sp=${encodeURIComponent(`${APPLICANT_ID.slice(0, 6)} ${APPLICANT_ID.slice(6, 14)} ${APPLICANT_ID.slice(14)}`)}`,
  `q=id${APPLICANT_ID}`,
  `co=${CO_ID.slice(0, 6)}-${CO_ID.slice(6, 14)}-${CO_ID.slice(14)}`,
].join('&');

let browser: ExtensionBrowser;
let page: Page;
const exports: Record<string, string> = {};

type Journal = Array<{ method: string; path: string; body: unknown }>;
async function journal(): Promise<Journal> {
  return ((await (await fetch(`${mockUrl}/__mock/journal`)).json()) as { data: Journal }).data;
}
const apiCalls = async () => (await journal()).filter((e) => e.path.startsWith('/v1/'));

function loanRecord(): Promise<LoanTabRecord> {
  return until(
    () =>
      browser.worker.evaluate(async () => {
        const all = await (globalThis as unknown as ChromeGlobal).chrome.storage.session.get(null);
        return (Object.entries(all).find(([k]) => k.startsWith('loan:'))?.[1] ??
          null) as LoanTabRecord | null;
      }),
    (r): r is LoanTabRecord => r !== null,
    'the loan record',
  ) as Promise<LoanTabRecord>;
}
// The whole audit log, straight from the extension's IndexedDB (requests and outcomes).
const readAuditAll = () => readAuditLog(browser.worker);
// One entry per lookup's outcome (each lookup's request entry is written before it).
const readAudit = async () => (await readAuditAll()).filter((e) => e.outcome.kind !== 'requested');

// Tab from the page body to the badge of `key` (closed shadow roots: the hook says which has focus).
async function focusBadge(key: string): Promise<void> {
  await page.bringToFront();
  await page.locator('body').focus();
  let focused: BadgeSnapshot | undefined;
  for (let i = 0; i < 40 && focused?.key !== key; i++) {
    await page.keyboard.press('Tab');
    focused = (await snapshot(page)).find((b) => b.focused);
  }
  expect(focused?.key).toBe(key);
}

// The consent dialog by keyboard: open, confirm the purpose, type the reference and the
// authorization date (not prefilled), submit.
async function consentByKeyboard(key: string, reference: string): Promise<void> {
  await focusBadge(key);
  await page.keyboard.press('Enter');
  await until(
    () => snapshot(page),
    (all) => all.some((b) => b.key === key && b.cardOpen && b.cardText.includes('授权书编号')),
    'the consent dialog',
  );
  await confirmConsentByKeyboard(page, reference, '2026-11-03');
}

beforeAll(async () => {
  browser = await launchWithExtension(inject('extensionDir'));
  // The seed data's reference date as the review date, so the 24-month windows match the notes.
  await browser.worker.evaluate(async (asOf) => {
    const { chrome } = globalThis as unknown as ChromeGlobal;
    const stored = ((await chrome.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await chrome.storage.local.set({
      settings: { ...stored, operator: '审批岗 01', loan: { reviewDate: asOf } },
    });
  }, SEED_AS_OF);
  await fetch(`${mockUrl}/__mock/journal`, { method: 'DELETE' });
  page = await browser.context.newPage();
  // The address carries the applicant's number in every form that used to slip past redaction:
  // nothing of it may reach a record, a storage area or an export.
  await page.goto(`${mockUrl}/demo/loan-review?${URL_ID_FORMS}`);
});

afterAll(async () => {
  await browser?.close();
});

describe('before consent', () => {
  it('badges both borrowers as needing authorization and sends no request', async () => {
    const badges = await until(
      () => snapshot(page),
      (all) => all.length === 2,
      'two loan badges',
    );
    expect(badges.map((b) => [b.key, b.state, b.text])).toEqual([
      ['borrower:1', 'consent', '✎需授权确认'],
      ['borrower:2', 'consent', '✎需授权确认'],
    ]);
    expect(badges.map((b) => b.label)).toEqual([
      '申请人 冯** 330***********9966：需授权确认',
      '共同借款人 丁* 340***********1694：需授权确认',
    ]);
    const record = await until(loanRecord, (r) => r.borrowers.length === 2, 'both borrowers recorded');
    expect(record.borrowers.map((b) => [b.role, b.idMasked, b.result.state])).toEqual([
      ['applicant', '330***********9966', 'consent'],
      ['co_borrower', '340***********1694', 'consent'],
    ]);
    expect(await apiCalls()).toEqual([]);
  });

  it('still sends nothing when the dialog is opened and submitted incomplete', async () => {
    await focusBadge('borrower:1');
    await page.keyboard.press('Enter');
    await until(
      () => snapshot(page),
      (all) => all.some((b) => b.key === 'borrower:1' && b.cardText.includes('授权书编号')),
      'the consent dialog',
    );
    await page.keyboard.press('Tab'); // past the purpose checkbox, unchecked
    await page.keyboard.type('SQ-INCOMPLETE');
    await page.keyboard.press('Enter');
    const after = await until(
      () => snapshot(page),
      (all) =>
        all.some((b) => b.key === 'borrower:1' && b.cardText.includes('请确认已取得书面授权并约定用途')),
      'the validation message',
    );
    expect(after.find((b) => b.key === 'borrower:1')?.state).toBe('consent');
    await page.keyboard.press('Escape');
    expect(await apiCalls()).toEqual([]);
  });
});

describe('after consent for both people', () => {
  beforeAll(async () => {
    await page.locator('#loan-parties').screenshot({ path: screenshotPath('loan-consent.png') });
    await consentByKeyboard('borrower:1', 'SQ-2026-1103-01');
    await until(
      () => snapshot(page),
      (all) => all.find((b) => b.key === 'borrower:1')?.state === 'eligible',
      'the applicant verdict',
      30_000,
    );
    await page.keyboard.press('Escape');
    await consentByKeyboard('borrower:2', 'SQ-2026-1103-02');
    await until(
      () => snapshot(page),
      (all) => all.find((b) => b.key === 'borrower:2')?.state === 'ineligible',
      'the co-borrower verdict',
      30_000,
    );
  });

  it('shows the verdicts of the seed notes, the co-borrower with the months that triggered it', async () => {
    const badges = await snapshot(page);
    expect(badges.map((b) => [b.key, b.state, b.text])).toEqual([
      ['borrower:1', 'eligible', '✓符合条件'],
      ['borrower:2', 'ineligible', '✕不符合'],
    ]);
    const card = badges.find((b) => b.key === 'borrower:2');
    expect(card?.cardOpen).toBe(true);
    expect(card?.cardText).toContain('2025-12..2026-02 连续 3 期逾期');
    expect(card?.cardText).toContain('涉及月份：2025-12、2026-01、2026-02');
    expect(card?.cardText).toContain('通用“连三累六”模板 · 通用模板 · 版本 2026.1');
    expect(card?.cardText).toContain('授权书 SQ-2026-1103-02');
    await page.screenshot({ path: screenshotPath('loan-card.png') });
    await page.keyboard.press('Escape');
    await until(
      () => snapshot(page),
      (all) => all.every((b) => !b.cardOpen),
      'the card to close',
    );
    await page.locator('#loan-parties').screenshot({ path: screenshotPath('loan-badges.png') });
  });

  it('ordered the three personal products for each person, with purpose and authorization', async () => {
    const orders = (await journal()).filter((e) => e.method === 'POST' && e.path === '/v1/reports');
    expect(orders).toHaveLength(6);
    const bodies = orders.map(
      (o) => o.body as { productId: string; purpose: string; authorization: { reference: string } },
    );
    expect(bodies.every((b) => b.purpose === 'housing_fund_loan')).toBe(true);
    expect(
      orders.every(
        (o) => (o.body as { authorization: { grantedAt: string } }).authorization.grantedAt === '2026-11-03',
      ),
    ).toBe(true);
    expect(bodies.map((b) => b.authorization.reference).sort()).toEqual([
      'SQ-2026-1103-01',
      'SQ-2026-1103-01',
      'SQ-2026-1103-01',
      'SQ-2026-1103-02',
      'SQ-2026-1103-02',
      'SQ-2026-1103-02',
    ]);
  });

  it('keeps the reports and verdicts in storage.session, and the household is ineligible', async () => {
    const record = await until(loanRecord, (r) => r.household.state === 'done', 'the household verdict');
    expect(record.household.state === 'done' && record.household.result.verdict).toBe('ineligible');
    expect(record.borrowers.map((b) => [b.key, b.result.state, b.report?.subject.idNumberMasked])).toEqual([
      ['borrower:1', 'done', '330***********9966'],
      ['borrower:2', 'done', '340***********1694'],
    ]);
    const local = await browser.worker.evaluate(async () =>
      Object.keys(await (globalThis as unknown as ChromeGlobal).chrome.storage.local.get(null)),
    );
    // The audit log lives in IndexedDB; no HMAC secret is stored anywhere.
    expect(local.sort()).toEqual(['settings']);
    expect(record.url).toBe(`${mockUrl}/demo/loan-review`);
  });

  it('shows the household view in the side panel and exports a verifiable decision record', async () => {
    const record = await loanRecord();
    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 480, height: 900 });
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${record.tabId}`);
    const household = panel.getByTestId('household');
    await household.waitFor();
    expect(await household.locator('.chip').getAttribute('data-state')).toBe('ineligible');
    expect(await household.locator('.chip').textContent()).toContain('不予贷款');
    expect(await panel.getByTestId('household-decided-by').textContent()).toContain(
      '共同借款人 丁*（340***********1694）',
    );
    const rows = panel.locator('[data-testid="borrowers"] tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state')))).toEqual([
      'eligible',
      'ineligible',
    ]);
    // The 业务编号 the form prints, read for the officer to confirm.
    expect(await panel.locator('#business-no').inputValue()).toBe('GJJ-DK-2026-110301');
    expect(await panel.getByTestId('business-no-source').textContent()).toBe('读自页面“业务编号”');
    await panel.screenshot({ path: screenshotPath('loan-household.png'), fullPage: true });

    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByText('导出审核记录（JSON）').click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    exports['decision.json'] = text;
    const file = JSON.parse(text) as LoanDecisionFile;
    expect(file.digest.value).toBe(
      createHash('sha256').update(canonicalJson(file.record), 'utf8').digest('hex'),
    );
    expect(file.record).toMatchObject({
      schema: 'xinjian.loan-decision/v1',
      purpose: 'housing_fund_loan',
      operator: '审批岗 01',
      asOf: SEED_AS_OF,
      rulePack: { id: 'generic-lian3lei6', version: '2026.1' },
      household: { verdict: 'ineligible', label: '不予贷款' },
      businessNo: { value: 'GJJ-DK-2026-110301', readFrom: '业务编号' },
    });
    expect(file.record.borrowers.map((b) => [b.idMasked, b.authorization?.reference, b.verdict])).toEqual([
      ['330***********9966', 'SQ-2026-1103-01', 'eligible'],
      ['340***********1694', 'SQ-2026-1103-02', 'ineligible'],
    ]);
    expect(file.record.borrowers[1]?.findings.find((f) => f.severity === 'bar')?.months).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
    ]);

    // One borrower's personal report, masked.
    await panel.getByRole('button', { name: '丁*' }).click();
    const report = panel.getByTestId('personal-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('340***********1694');
    exports['panel.txt'] = (await panel.locator('main').textContent()) ?? '';
    await panel.close();
  });

  it('prints the decision record page with its hash', async () => {
    const record = await loanRecord();
    const printable = await browser.context.newPage();
    await printable.goto(
      `chrome-extension://${browser.extensionId}/evidence.html?mode=loan&tab=${record.tabId}`,
    );
    const hash = printable.getByTestId('sha256');
    await hash.waitFor();
    // The record the side panel exported, not a new one.
    const exported = JSON.parse(exports['decision.json'] ?? 'null') as LoanDecisionFile | null;
    expect((await hash.textContent())?.trim()).toBe(exported?.digest.value);
    expect(await printable.getByTestId('household-verdict').textContent()).toBe('不予贷款');
    expect(await printable.getByTestId('business-no').textContent()).toContain('GJJ-DK-2026-110301');
    exports['record.html.txt'] = (await printable.locator('main').textContent()) ?? '';
    await printable.close();
  });

  it('audits each lookup once, with operator, purpose, authorization, masked ID only and outcome, chained by hash', async () => {
    const log = await readAudit();
    expect(log).toHaveLength(2);
    expect(
      log.map((e) => [e.subject.role, e.subject.idMasked, e.authorization.reference, e.outcome]),
    ).toEqual([
      [
        'applicant',
        '330***********9966',
        'SQ-2026-1103-01',
        { kind: 'verdict', verdict: 'eligible', cached: false },
      ],
      [
        'co_borrower',
        '340***********1694',
        'SQ-2026-1103-02',
        { kind: 'verdict', verdict: 'ineligible', cached: false },
      ],
    ]);
    for (const e of log) {
      expect(e).toMatchObject({ operator: '审批岗 01', purpose: 'housing_fund_loan', site: mockUrl });
      expect(Object.keys(e.subject).sort()).toEqual(['idMasked', 'role']);
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(e.rulePack).toEqual({ id: 'generic-lian3lei6', version: '2026.1' });
      expect(e.reportIds).toHaveLength(3);
    }
    expect((await readAuditAll()).map((e) => e.seq)).toEqual([1, 2, 3, 4]);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const table = options.getByTestId('audit-table');
    await table.waitFor();
    // Two lookups: each its request and its outcome.
    expect(await table.locator('tbody tr').count()).toBe(4);
    expect(await options.getByTestId('audit-chain').textContent()).toBe('审计日志完整（4 条）');
    const [csv] = await Promise.all([
      options.waitForEvent('download'),
      options.getByText('导出审计日志（CSV）').click(),
    ]);
    const text = readFileSync(await csv.path(), 'utf8');
    exports['audit.csv'] = text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(5);
    expect(text).toContain('SQ-2026-1103-02');
    await options.locator('[data-testid="audit"]').screenshot({ path: screenshotPath('loan-audit.png') });
    await options.close();
  });

  it('leaves no full ID number, 17-digit prefix or birth date in storage.local, storage.sync or any export', async () => {
    const dump = await browser.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as ChromeGlobal;
      return JSON.stringify({
        local: await chrome.storage.local.get(null),
        sync: await chrome.storage.sync.get(null),
      });
    });
    const session = await browser.worker.evaluate(async () =>
      JSON.stringify(await (globalThis as unknown as ChromeGlobal).chrome.storage.session.get(null)),
    );
    expect(Object.keys(exports).sort()).toEqual([
      'audit.csv',
      'decision.json',
      'panel.txt',
      'record.html.txt',
    ]);
    const audit = JSON.stringify(await readAuditAll());
    const everything = [dump, session, audit, ...Object.values(exports)].join('\n');
    for (const needle of FORBIDDEN) expect(everything).not.toContain(needle);
    // The dump is not empty: the masked forms are there (the audit log is in IndexedDB now).
    expect(audit).toContain('330***********9966');
    expect(audit).toContain('340***********1694');
    expect(session).toContain('330***********9966');
  });
});

describe('audit retention', () => {
  it('deletes an entry older than the retention period when the log is next read', async () => {
    // An entry from 2020 before the first one (seq 0, chained from the start): past any retention.
    await browser.worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const r = indexedDB.open('xinjian-audit');
          r.onerror = () => reject(r.error);
          r.onsuccess = () => {
            const d = r.result;
            const store = d.transaction('entries', 'readwrite').objectStore('entries');
            const first = store.get(1);
            first.onsuccess = () => {
              const old = {
                ...first.result,
                seq: 0,
                id: 'seeded-old-entry',
                time: '2020-01-01T00:00:00.000Z',
              };
              old.hash = first.result.prev;
              store.put(old).onsuccess = () => {
                d.close();
                resolve();
              };
            };
          };
        }),
    );
    expect((await readAuditAll()).map((e) => e.id)).toContain('seeded-old-entry');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('audit-table').waitFor();
    const after = await until(
      readAuditAll,
      (log) => !log.some((e) => e.id === 'seeded-old-entry'),
      'the old entry to be pruned',
    );
    expect(after).toHaveLength(4);
    expect(await options.getByTestId('audit-table').locator('tbody tr').count()).toBe(4);
    expect(await options.getByTestId('audit-chain').textContent()).toBe('审计日志完整（4 条）');
    await options.close();
  });

  it('shows where the log was altered after an entry is deleted', async () => {
    await browser.worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const r = indexedDB.open('xinjian-audit');
          r.onerror = () => reject(r.error);
          r.onsuccess = () => {
            const d = r.result;
            const tx = d.transaction('entries', 'readwrite');
            tx.objectStore('entries').delete(2);
            tx.oncomplete = () => {
              d.close();
              resolve();
            };
          };
        }),
    );
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const chain = options.getByTestId('audit-chain');
    await chain.waitFor();
    expect(await chain.textContent()).toBe('审计日志第 2 条起被改动（共 3 条）：条目被删除、插入或修改');
    await options.close();
  });
});

describe('a procurement page', () => {
  it('does not detect ID numbers at all', async () => {
    await fetch(`${mockUrl}/__mock/journal`, { method: 'DELETE' });
    const bids = await browser.context.newPage();
    await bids.goto(`${mockUrl}/demo/bid-opening`);
    const before = await settledBadges(bids, 15);
    const added = enterpriseByTag('edge:tax-A').subject.uscc;
    await bids.evaluate(
      ({ id, uscc }) => {
        const p = document.createElement('p');
        p.textContent = `联系人身份证号 ${id}，投标人统一社会信用代码：${uscc}`;
        document.body.append(p);
      },
      { id: APPLICANT_ID, uscc: added },
    );
    // The added code is badged, so the paragraph was scanned; the ID number next to it is not.
    const after = await settledBadges(bids, before.length + 1);
    expect(after.map((b) => b.key)).toContain(`code:${added}`);
    const text = JSON.stringify(after);
    for (const needle of [APPLICANT_ID, '330***********9966']) expect(text).not.toContain(needle);
    const sent = JSON.stringify(await journal());
    expect(sent).not.toContain('330***********9966');
    expect((await journal()).some((e) => e.path === '/v1/reports')).toBe(false);
    await bids.close();
  });
});

describe('the loan script bundle', () => {
  const KB = 1024;
  it('stays within 30 KB gzip without zod or ky, and production carries no loan preset', () => {
    for (const dir of [inject('extensionDir'), inject('productionDir')]) {
      const code = readFileSync(join(dir, 'content-scripts/loan.js'));
      expect(gzipSync(code).length).toBeLessThanOrEqual(30 * KB);
      expect(code.toString()).not.toMatch(/ZodError|\$ZodType|HTTPError\b/);
    }
    const background = readFileSync(join(inject('productionDir'), 'background.js'), 'utf8');
    // The local builds' presets (the mock's sites, each mode's demo page as a path rule) come
    // from the build's local defaults; production has none, so no local site is named.
    expect(background).not.toMatch(/http:\/\/(127\.0\.0\.1|localhost)\/\*/);
    expect(readFileSync(join(inject('extensionDir'), 'background.js'), 'utf8')).toContain(
      'http://127.0.0.1/*',
    );
  });
});

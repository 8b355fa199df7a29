/**
 * axe-core on every extension page (popup, options, side panel, evidence, welcome; in the light and the dark colour scheme, so contrast is
 * checked in both), on the loan side panel with the companies of the corpus's loan pages listed,
 * on the printed evidence of the credit demo page once its legal representative has been looked up
 * after consent (the people section filled, in both schemes),
 * and on demo pages with badges, in Chromium: a serious or critical violation
 * fails the test and names the rule, the element and how to fix it.
 * (The badges' own markup sits in closed shadow roots, which axe cannot enter; their names,
 * roles and keyboard paths are asserted in procurement.test.ts and hostile.test.ts.)
 */

import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LoanTabRecord } from '../../extension/modes/loan/model.ts';
import { todayInChina } from '../../sdk/src/core/china-time.ts';
import { individualsByTag } from '../../seeds/index.ts';
import {
  type ChromeGlobal,
  confirmConsentByKeyboard,
  type ExtensionBrowser,
  launchWithExtension,
  loanTabRecord,
  readAuditLog,
  settledBadges,
  snapshot,
  tabRecord,
  tabToBadge,
  until,
} from './browser.ts';
import { corpus, corpusPath, serveCorpus } from './corpus-server.ts';

const mockUrl = inject('mockUrl');
let browser: ExtensionBrowser;
let demo: Page;
let tabId: number;

/** The serious and critical violations on `page`, one readable line per element. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary ?? v.help}`),
    );
}

let scheme: 'light' | 'dark' = 'light';

async function extensionPage(path: string, width = 1280): Promise<Page> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  await page.locator('main').first().waitFor();
  return page;
}

beforeAll(async () => {
  browser = await launchWithExtension(inject('extensionDir'));
  await fetch(`${mockUrl}/__mock/reset`, { method: 'POST' });
  demo = await browser.context.newPage();
  await demo.goto(`${mockUrl}/demo/bid-opening`);
  await settledBadges(demo, 15);
  tabId = (await tabRecord(browser.worker, '/demo/bid-opening')).tabId;
});

afterAll(async () => {
  await browser?.close();
});

describe('axe-core finds no serious or critical violation', () => {
  it('on the demo bid-opening page with its badges', async () => {
    expect(await seriousViolations(demo)).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    describe(`${colorScheme} scheme`, () => {
      beforeAll(() => {
        scheme = colorScheme;
      });
      it('follows the scheme (dark text on light, light text on dark)', async () => {
        const page = await extensionPage('options.html');
        const [bg, fg] = await page.evaluate(() => {
          const luminance = (c: string) => {
            const [r = 0, g = 0, b = 0] = (c.match(/\d+(\.\d+)?/g) ?? []).map(Number);
            return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
          };
          const root = getComputedStyle(document.documentElement);
          // A transparent root shows the browser's white canvas.
          const bgColor =
            root.backgroundColor === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : root.backgroundColor;
          return [luminance(bgColor), luminance(getComputedStyle(document.body).color)];
        });
        if (colorScheme === 'dark') expect([bg < 0.2, fg > 0.8]).toEqual([true, true]);
        else expect([bg > 0.9, fg < 0.2]).toEqual([true, true]);
        await page.close();
      });
      it('in the popup', async () => {
        const page = await extensionPage(`popup.html?tab=${tabId}`, 360);
        await page.getByTestId('counts').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await page.close();
      });

      it('on the options page', async () => {
        const page = await extensionPage('options.html');
        await page.locator('input[name="baseUrl"]').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await page.close();
      });

      it('in the side panel table', async () => {
        const page = await extensionPage(`sidepanel.html?tab=${tabId}`, 480);
        await page.getByTestId('bidders').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await page.close();
      });

      it("in the side panel's subject report", async () => {
        const record = await tabRecord(browser.worker, '/demo/bid-opening');
        const key = record.subjects.find((s) => s.result.state === 'done')?.subject.key ?? '';
        const page = await extensionPage(
          `sidepanel.html?tab=${tabId}&subject=${encodeURIComponent(key)}`,
          480,
        );
        await page.getByTestId('report').waitFor({ timeout: 15_000 });
        expect(await seriousViolations(page)).toEqual([]);
        await page.close();
      });

      it('on the welcome page', async () => {
        const page = await extensionPage('welcome.html');
        await page.getByTestId('demo').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await page.close();
      });

      it('on the printable evidence page', async () => {
        const page = await extensionPage(`evidence.html?tab=${tabId}`);
        await page.getByTestId('sha256').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await page.close();
      });
    });
  }

  it('on the demo loan-review page and in its household panel, before any consent', async () => {
    const loan = await browser.context.newPage();
    await loan.goto(`${mockUrl}/demo/loan-review`);
    await until(
      () => snapshot(loan),
      (badges) => badges.length > 0,
      'the borrowers badged',
    );
    expect(await seriousViolations(loan)).toEqual([]);
    const record = await until(
      () =>
        browser.worker.evaluate(async () => {
          const all = await (globalThis as unknown as ChromeGlobal).chrome.storage.session.get(null);
          return (Object.entries(all).find(([k]) => k.startsWith('loan:'))?.[1] ??
            null) as LoanTabRecord | null;
        }),
      (r): r is LoanTabRecord => r !== null,
      'the loan record',
    );
    const panel = await extensionPage(`sidepanel.html?tab=${(record as LoanTabRecord).tabId}`, 480);
    await panel.getByTestId('borrowers').waitFor();
    expect(await seriousViolations(panel)).toEqual([]);
    await panel.close();
    await loan.close();
  });

  // The companies section filled: every loan page of the corpus that names companies, so the
  // table shows each part and as many verdicts as the corpus has, in both schemes.
  for (const expected of corpus.filter((p) => p.mode === 'loan' && p.must.length > 0)) {
    it(`in the loan side panel listing the companies of ${expected.page}`, async () => {
      const pages = await serveCorpus();
      const loan = await browser.context.newPage();
      try {
        await loan.goto(`${pages.origin}${corpusPath(expected)}`);
        const record = await loanTabRecord(browser.worker, corpusPath(expected), expected.must.length);
        for (const colorScheme of ['light', 'dark'] as const) {
          scheme = colorScheme;
          const panel = await extensionPage(`sidepanel.html?tab=${record.tabId}`, 480);
          const section = panel.getByTestId('companies');
          for (const m of expected.must) await section.locator(`tr[data-key="${m.key}"]`).waitFor();
          expect(await seriousViolations(panel), colorScheme).toEqual([]);
          await panel.close();
        }
      } finally {
        await loan.close();
        await pages.close();
      }
    });
  }

  // The people section filled: the credit page's legal representative consented by keyboard in
  // the card frame and looked up, then the printed evidence read in both schemes.
  it('on the printed evidence of the credit page with its legal representative looked up', async () => {
    const legal = individualsByTag('credit-case:cc-1').find((p) =>
      p.tags.includes('role:legal_representative'),
    );
    if (!legal) throw new Error('the credit demo page lacks its legal representative');
    const masked = `${legal.idNumber.slice(0, 3)}***********${legal.idNumber.slice(-4)}`;
    const credit = await browser.context.newPage();
    try {
      await credit.goto(`${mockUrl}/demo/credit-review`);
      await settledBadges(credit, 3);
      await until(
        () => snapshot(credit, 'people'),
        (all) => all.length === 1,
        "the representative's badge",
      );
      await credit.bringToFront();
      await credit.locator('body').focus();
      await tabToBadge(credit.keyboard, () => snapshot(credit, 'people'), 'person:1');
      await credit.keyboard.press('Enter');
      await confirmConsentByKeyboard(credit, 'SX-2026-1203-07', todayInChina());
      await until(
        () => snapshot(credit, 'people'),
        (all) => all.some((b) => b.state !== 'consent' && b.state !== 'checking'),
        "the representative's verdict",
      );
      const audit = await until(
        () => readAuditLog(browser.worker),
        (all) => all.some((e) => e.mode === 'credit' && e.outcome.kind === 'verdict'),
        'the audit entries',
      );
      expect(audit.find((e) => e.mode === 'credit')?.subject).toMatchObject({ idMasked: masked });
      const record = await until(
        () => tabRecord(browser.worker, '/demo/credit-review'),
        (r) => (r.people ?? []).some((p) => p.result.state === 'done'),
        "the representative's result in the record",
      );
      for (const colorScheme of ['light', 'dark'] as const) {
        scheme = colorScheme;
        const printable = await extensionPage(`evidence.html?tab=${record.tabId}`);
        await printable.getByTestId('sha256').waitFor();
        await until(
          () =>
            printable
              .getByTestId('people')
              .textContent({ timeout: 2000 })
              .catch(() => null),
          (t) => (t ?? '').includes(masked),
          'the people on the printed evidence',
        );
        expect(await seriousViolations(printable), colorScheme).toEqual([]);
        await printable.close();
      }
    } finally {
      await credit.close();
    }
  });
});

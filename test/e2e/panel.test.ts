/**
 * The side panel and the popup as an officer uses them, in Chromium: at 360 px nothing scrolls
 * sideways and no verdict chip is cut; rows carry the page's printed 序号;
 * with the key missing or the service down, one banner says so and no row (the 联合体 row
 * included) stays 检查中; the popup's 已查 is the sum of its counts; an empty page has its
 * exports disabled; the 评级 sort follows each scale's order.
 */
import { compareGrades, gradeRank } from '@xinjian/sdk';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_API_KEY } from '../../mock-server/src/index.ts';
import {
  type ExtensionBrowser,
  launchWithExtension,
  screenshotPath,
  settledBadges,
  until,
} from './browser.ts';
import { servePages, setApi } from './harness.ts';

const mockUrl = inject('mockUrl');
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension(inject('extensionDir'));
  await fetch(`${mockUrl}/__mock/reset`, { method: 'POST' });
});
afterAll(async () => {
  await browser?.close();
});

async function extensionPage(path: string, width: number): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 800 });
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  await page.locator('main').first().waitFor();
  return page;
}

/** What a 360 px panel must not do: scroll sideways, or cut a chip off at its right edge. */
async function overflow(page: Page): Promise<{ scroll: number; client: number; cut: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const cut = [...document.querySelectorAll<HTMLElement>('.chip')]
      .filter(
        (c) => c.getBoundingClientRect().right > root.clientWidth + 0.5 || c.scrollWidth > c.clientWidth + 1,
      )
      .map((c) => c.textContent ?? '');
    return { scroll: root.scrollWidth, client: root.clientWidth, cut };
  });
}

async function demoTab(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(`${mockUrl}${path}`);
  await settledBadges(page, 15);
  // Records keep origin and path only: the tab is found by its own address.
  const tabId = await until(
    () =>
      browser.worker.evaluate(async (url) => {
        const { chrome } = globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
        };
        return (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? null;
      }, page.url()),
    (id): id is number => id !== null,
    `the tab of ${path}`,
  );
  return { page, tabId: tabId as number };
}

describe('with the service answering', () => {
  let demo: { page: Page; tabId: number };
  let panel: Page;
  beforeAll(async () => {
    demo = await demoTab('/demo/bid-opening');
    panel = await extensionPage(`sidepanel.html?tab=${demo.tabId}`, 360);
    await panel.getByTestId('bidders').waitFor();
  });
  afterAll(async () => {
    await panel.close();
    await demo.page.close();
  });

  it('fits 360 px: no sideways scroll, every verdict chip whole', async () => {
    const o = await overflow(panel);
    expect(o.cut).toEqual([]);
    expect(o.scroll).toBeLessThanOrEqual(o.client);
  });

  it("numbers the rows with the page's 序号 (a 联合体's members as 7-1, 7-2, 7-3)", async () => {
    const pageNumbers = await demo.page.evaluate(() =>
      [...document.querySelectorAll('#bid-opening-table tbody tr')].map(
        (tr) => tr.querySelector('td')?.textContent?.trim() ?? '',
      ),
    );
    const rows = await panel.locator('[data-testid="bidders"] tbody tr[data-key]').evaluateAll((trs) =>
      trs.map((tr) => ({
        no: tr.querySelector('[data-testid="row-no"]')?.textContent ?? '',
        member: tr.hasAttribute('data-group'),
      })),
    );
    expect(new Set(rows.map((r) => r.no.split('-')[0]))).toEqual(new Set(pageNumbers));
    expect(rows.filter((r) => r.member).map((r) => r.no)).toEqual(['7-1', '7-2', '7-3']);
    expect(rows.filter((r) => !r.member).every((r) => pageNumbers.includes(r.no))).toBe(true);
  });

  it("sorts 评级 by each scale's order, not by the symbols' text", async () => {
    await panel.getByRole('button', { name: /^评级/ }).click();
    // Members of a 联合体 stay under their group's row wherever it sorts: single bidders only.
    const shown = await panel
      .locator('[data-testid="bidders"] tbody tr[data-key]:not([data-group])')
      .evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[2]?.textContent ?? ''));
    // The grade column as scale and symbol ('AA+ 主体评级', '纳税 M'), in panel order.
    const parsed = shown.flatMap((text): Array<{ scale: 'pboc_long_term' | 'tax_credit'; value: string }> => {
      const long = /^(\S+) 主体评级$/.exec(text);
      if (long?.[1]) return [{ scale: 'pboc_long_term' as const, value: long[1] }];
      const tax = /^纳税 (\S+)$/.exec(text);
      return tax?.[1] ? [{ scale: 'tax_credit' as const, value: tax[1] }] : [];
    });
    expect(parsed.length).toBeGreaterThan(3);
    expect(parsed).toEqual([...parsed].sort(compareGrades));
    expect(parsed.every((g) => gradeRank(g.scale, g.value) !== null)).toBe(true);
    // Rows without a grade come last.
    const firstEmpty = shown.findIndex((text) => text === '');
    if (firstEmpty >= 0) expect(shown.slice(firstEmpty).every((text) => text === '')).toBe(true);
  });

  it('shows no banner and no progress once everything has answered', async () => {
    expect(await panel.getByTestId('service-banner').count()).toBe(0);
    expect(await panel.getByTestId('progress').count()).toBe(0);
  });

  it('follows the dark scheme at 360 px', async () => {
    await panel.emulateMedia({ colorScheme: 'dark' });
    const background = await panel.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe('rgb(13, 17, 23)');
    const o = await overflow(panel);
    expect(o.scroll).toBeLessThanOrEqual(o.client);
    await panel.screenshot({ path: screenshotPath('side-panel-dark.png'), fullPage: true });
    await panel.emulateMedia({ colorScheme: 'light' });
  });

  it("adds the popup's counts up to its 已查", async () => {
    const popup = await extensionPage(`popup.html?tab=${demo.tabId}`, 360);
    const counts = popup.getByTestId('counts');
    await counts.waitFor();
    const values = await counts
      .locator('[data-count]')
      .evaluateAll((els) =>
        els.map(
          (el) => [el.getAttribute('data-count'), Number(el.querySelector('dd')?.textContent)] as const,
        ),
      );
    const checked = values.find(([name]) => name === 'checked')?.[1] ?? -1;
    const rest = values.filter(([name]) => name !== 'checked').reduce((sum, [, n]) => sum + n, 0);
    expect(checked).toBe(15);
    expect(rest).toBe(checked);
    const o = await overflow(popup);
    expect(o.scroll).toBeLessThanOrEqual(o.client);
    await popup.close();
  });
});

describe('with the key missing', () => {
  let demo: { page: Page; tabId: number };
  beforeAll(async () => {
    await setApi(browser.worker, { key: '' });
    demo = await demoTab('/demo/bid-opening?nokey');
  });
  afterAll(async () => {
    await demo.page.close();
    await setApi(browser.worker, { baseUrl: mockUrl, key: DEMO_API_KEY });
  });

  it('shows one banner in the side panel, and no row or 联合体 row stays 检查中', async () => {
    const panel = await extensionPage(`sidepanel.html?tab=${demo.tabId}`, 360);
    await panel.getByTestId('bidders').waitFor();
    const banner = panel.getByTestId('service-banner');
    await banner.waitFor();
    expect(await banner.count()).toBe(1);
    expect(await banner.getAttribute('data-problem')).toBe('unconfigured');
    expect(await banner.textContent()).toContain('尚未配置 API 地址或密钥');
    const table = (await panel.getByTestId('bidders').textContent()) ?? '';
    expect(table).not.toContain('检查中');
    expect(await panel.locator('tr.group').first().textContent()).toContain('未能核查');
    const o = await overflow(panel);
    expect(o.cut).toEqual([]);
    expect(o.scroll).toBeLessThanOrEqual(o.client);
    await panel.close();
  });

  it('shows one banner in the popup, and a quick lookup says the key is missing in zh-CN', async () => {
    const popup = await extensionPage(`popup.html?tab=${demo.tabId}`, 360);
    await popup.getByTestId('service-banner').waitFor();
    expect(await popup.getByTestId('service-banner').count()).toBe(1);
    await popup.getByRole('searchbox').fill('91110000600037341L');
    await popup.getByRole('button', { name: '查询' }).click();
    const error = popup.getByTestId('quick-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('尚未配置 API 地址或密钥：请在设置或欢迎页填写后再查询。');
    await popup.close();
  });
});

describe('with the service unreachable', () => {
  it('shows one banner saying the service cannot be reached, no row 检查中', async () => {
    await setApi(browser.worker, { baseUrl: 'http://127.0.0.1:1' });
    const demo = await demoTab('/demo/bid-opening?down');
    try {
      const panel = await extensionPage(`sidepanel.html?tab=${demo.tabId}`, 360);
      const banner = panel.getByTestId('service-banner');
      await banner.waitFor({ timeout: 30_000 });
      expect(await banner.getAttribute('data-problem')).toBe('unreachable');
      await until(
        async () => (await panel.getByTestId('bidders').textContent()) ?? '',
        (text) => !text.includes('检查中'),
        'no row checking',
        30_000,
      );
      await panel.close();
    } finally {
      await demo.page.close();
      await setApi(browser.worker, { baseUrl: mockUrl, key: DEMO_API_KEY });
    }
  });
});

describe('on a page with nothing to check', () => {
  it('says so and disables the exports', async () => {
    const pages = await servePages(browser.context, mockUrl);
    const page = await pages.open(
      '/x/empty',
      '<!doctype html><html lang="zh-CN"><body><h1>公告</h1><p>无</p></body></html>',
    );
    const tabId = await until(
      () =>
        browser.worker.evaluate(async () => {
          const { chrome } = globalThis as unknown as {
            chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
          };
          const tabs = await chrome.tabs.query({});
          return tabs.find((t) => t.url?.endsWith('/x/empty'))?.id ?? null;
        }),
      (id): id is number => id !== null,
      'the tab',
    );
    const panel = await extensionPage(`sidepanel.html?tab=${tabId}`, 360);
    await until(
      async () =>
        (await panel.getByTestId('empty').count()) +
        (await panel.getByText('当前标签页没有核查记录').count()),
      (n) => n > 0,
      'the empty state',
    );
    for (const name of ['导出本页证据（JSON）', '导出表格（CSV）', '打印证据页']) {
      const button = panel.getByRole('button', { name });
      if ((await button.count()) > 0) expect(await button.isDisabled()).toBe(true);
    }
    await panel.close();
    await page.close();
  });
});

/**
 * First run in Chromium: a production build (no address, no key, no site) opens the welcome
 * page on install, and its connection test explains each failure in the UI language against
 * the mock server; the e2e build (demo defaults) offers the demo page and opens nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_API_KEY } from '../../mock-server/src/index.ts';
import { type ChromeGlobal, launchWithExtension, screenshotPath, until } from './browser.ts';
import { buildVariant, type Variant } from './variants.ts';

const mockUrl = inject('mockUrl');
let production: Variant;
let context: BrowserContext;
let userDataDir: string;
let welcome: Page;

beforeAll(async () => {
  production = await buildVariant({ mode: 'production', browser: 'chrome' });
  userDataDir = mkdtempSync(join(tmpdir(), 'xinjian-welcome-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    args: [
      `--disable-extensions-except=${production.dir}`,
      `--load-extension=${production.dir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-gpu',
    ],
  });
  welcome = (await until(
    async () => context.pages().find((p) => p.url().endsWith('/welcome.html')) ?? null,
    (p): p is Page => p !== null,
    'the welcome page opened on install',
  )) as Page;
  await welcome.locator('h1').waitFor();
}, 180_000);

afterAll(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  await production?.remove();
});

async function probe(baseUrl: string, key: string): Promise<string> {
  await welcome.locator('input[name="baseUrl"]').fill(baseUrl);
  await welcome.locator('input[name="apiKey"]').fill(key);
  await welcome.getByRole('button', { name: /测试连接|Test connection/ }).click();
  const status = welcome.getByTestId('probe');
  await until(
    () => status.textContent(),
    (text) => text !== null && text !== '' && !/正在测试|Testing/.test(text),
    'the connection test',
  );
  return (await status.textContent()) ?? '';
}

describe('the welcome page on install', () => {
  it('opens in zh-CN with the three steps and no demo link in a production build', async () => {
    expect(await welcome.locator('h1').textContent()).toBe('欢迎使用信鉴');
    expect(await welcome.locator('legend').allTextContents()).toEqual([
      '第一步：连接信用服务',
      '第二步：经办人',
      '第三步：启用第一个站点',
    ]);
    expect(await welcome.getByTestId('demo').count()).toBe(0);
  });

  it('explains each connection failure in zh-CN, never as an unknown error', async () => {
    expect(await probe(mockUrl, '')).toBe('连接失败：尚未填写 API 密钥，请填写信用服务发给贵单位的密钥。');
    expect(await probe(mockUrl, 'sk_test_not_a_key')).toBe('连接失败：API 密钥无效或已吊销，请检查设置。');
    expect(await probe('http://127.0.0.1:1', 'sk_test_x')).toMatch(/^连接失败：无法连接信用服务/);
    expect(await probe('http://api.example.cn', 'sk_test_x')).toMatch(/^连接失败：.*https/);
    expect(await probe(mockUrl, DEMO_API_KEY)).toMatch(/^连接成功：/);
  });

  it('switches to English and explains failures in English', async () => {
    await welcome.locator('select[name="language"]').selectOption('en');
    await welcome.getByRole('heading', { name: 'Welcome to Xinjian' }).waitFor();
    expect(await probe(mockUrl, '')).toMatch(/^Connection failed: No API key yet/);
    expect(await probe('http://127.0.0.1:1', 'sk_test_x')).toMatch(/^Connection failed: Cannot reach/);
    await welcome.locator('select[name="language"]').selectOption('zh-CN');
    await welcome.getByRole('heading', { name: '欢迎使用信鉴' }).waitFor();
  });

  it('tells a site it cannot read', async () => {
    await welcome.locator('input[name="site"]').fill('ggzy');
    await welcome.getByRole('button', { name: '启用该站点' }).click();
    expect(await welcome.getByTestId('site-note').textContent()).toMatch(/^匹配规则无效/);
  });
});

describe('the welcome page of a demo build', () => {
  it('offers the demo page, and the install opened no page (the demo key is set)', async () => {
    const demo = await launchWithExtension(inject('extensionDir'));
    try {
      expect(demo.context.pages().some((p) => p.url().includes('welcome.html'))).toBe(false);
      const page = await demo.context.newPage();
      await page.goto(`chrome-extension://${demo.extensionId}/welcome.html`);
      const link = page.getByTestId('demo');
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(`${mockUrl}/demo/bid-opening`);
      // The demo build may reach the mock already: saving asks for nothing and keeps the operator.
      await page.locator('input[name="operator"]').fill('张三');
      await page.getByRole('button', { name: '保存' }).click();
      await until(
        () => page.getByTestId('saved').textContent(),
        (text) => text === '已保存。',
        'saved',
      );
      const operator = await demo.worker.evaluate(
        async () =>
          (
            (await (globalThis as unknown as ChromeGlobal).chrome.storage.local.get('settings')).settings as {
              operator: string;
            }
          ).operator,
      );
      expect(operator).toBe('张三');
      await page.screenshot({ path: screenshotPath('welcome.png'), fullPage: true });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: screenshotPath('welcome-dark.png'), fullPage: true });
    } finally {
      await demo.close();
    }
  });
});

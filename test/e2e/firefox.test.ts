/**
 * The Firefox build in a real Firefox (Debian's firefox-esr, driven over WebDriver BiDi): badges
 * and verdicts on the procurement demo page, the options page with its connection test, and the
 * side panel's view of the same tab. The build is `wxt build --mode e2e -b firefox`, pointed at
 * the mock server (the production Firefox manifest and Mozilla's add-on linter are in
 * manifest.test.ts).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TabRecord } from '../../extension/core/screening/model.ts';
import { computeUsccCheckChar } from '../../sdk/src/identifiers/index.ts';
import { enterpriseByTag, enterprisesByTag, seeds } from '../../seeds/index.ts';
import { type BadgeSnapshot, until } from './browser.ts';
import { type FirefoxWithExtension, firefoxBadges, launchFirefox } from './firefox.ts';
import { buildVariant, type Variant } from './variants.ts';

const mockUrl = inject('mockUrl');
const usccOf = (tag: string) => enterpriseByTag(tag).subject.uscc;
// 13 bidder rows, one of them a consortium of three: 15 badges.
const BID_OPENING_BADGES = 15;

let build: Variant;
let firefox: FirefoxWithExtension;
let page: Page;
let badges: BadgeSnapshot[];

const badgeFor = (key: string) => {
  const found = badges.find((b) => b.key === key);
  if (!found) throw new Error(`no badge for ${key}; have ${badges.map((b) => b.key).join(', ')}`);
  return found;
};

/** The background's record of the tab showing `urlPart`, read from an extension page. */
function tabRecordFrom(extensionPage: Page, urlPart: string): Promise<TabRecord> {
  return until(
    () =>
      extensionPage.evaluate(async (part) => {
        const all = await (
          globalThis as unknown as {
            browser: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } };
          }
        ).browser.storage.session.get(null);
        return (Object.entries(all).find(
          ([k, v]) => k.startsWith('tab:') && (v as TabRecord).url.includes(part),
        )?.[1] ?? null) as TabRecord | null;
      }, urlPart),
    (r): r is TabRecord => r?.subjects.every((s) => s.result.state !== 'checking') ?? false,
    `the tab record of ${urlPart}`,
  ) as Promise<TabRecord>;
}

beforeAll(async () => {
  build = await buildVariant({ mode: 'e2e', browser: 'firefox', apiBaseUrl: mockUrl });
  firefox = await launchFirefox(build.dir);
  await fetch(`${mockUrl}/__mock/reset`, { method: 'POST' });
  page = await firefox.browser.newPage();
  await page.goto(`${mockUrl}/demo/bid-opening`);
  badges = await until(
    () => firefoxBadges(page),
    (all) => all.length === BID_OPENING_BADGES && all.every((b) => b.state !== 'checking'),
    `${BID_OPENING_BADGES} settled badges in Firefox`,
  );
});

afterAll(async () => {
  await firefox?.close();
  await build?.remove();
});

describe('Firefox: the procurement demo page', () => {
  it('badges every bidder with the verdict the seed data implies', () => {
    expect(badgeFor(`code:${usccOf('edge:clean')}`).state).toBe('pass');
    expect(badgeFor(`code:${usccOf('edge:clean')}`).text).toContain('通过');
    expect(badgeFor(`code:${usccOf('edge:dishonest-active')}`).state).toBe('fail');
    expect(badgeFor(`code:${usccOf('edge:dishonest-active')}`).text).toContain('不通过');
    expect(badgeFor(`code:${usccOf('edge:abnormal-operation')}`).state).toBe('review');
    expect(badgeFor(`code:${usccOf('edge:major-tax')}`).state).toBe('fail');
    expect(badgeFor(`code:${usccOf('edge:fine-1990000')}`).state).toBe('pass');
    const unavailable = badgeFor(`code:${usccOf('edge:source-unavailable')}`);
    expect(unavailable.state).toBe('unavailable');
    expect(unavailable.label).toContain('中国政府采购网');
    expect(badgeFor('name:栖禾建设工程有限公司').state).toBe('ambiguous');
  });

  it('names the expected check character of a mistyped code', () => {
    const printed = '91330108MA5WY2EA7L';
    const b = badgeFor(`invalid:${printed}`);
    expect(b.state).toBe('invalid');
    expect(b.text).toContain(`应为 ${computeUsccCheckChar(printed.slice(0, 17))}`);
  });

  it('fails the consortium on its listed member only', () => {
    for (const member of enterprisesByTag('consortium:cons-b')) {
      const listed = member.lists.some((l) => l.list === 'dishonest_judgment_debtor' && l.active);
      expect(badgeFor(`code:${member.subject.uscc}`).state).toBe(listed ? 'fail' : 'pass');
    }
  });
});

describe('Firefox: the card frame', () => {
  it('opens the card in the extension frame by keyboard and closes it with Escape', async () => {
    const target = `code:${usccOf('edge:dishonest-active')}`;
    await page.bringToFront();
    await page.focus('body');
    let focused: BadgeSnapshot | undefined;
    for (let i = 0; i < 40 && focused?.key !== target; i++) {
      await page.keyboard.press('Tab');
      focused = (await firefoxBadges(page)).find((b) => b.focused);
    }
    expect(focused?.key).toBe(target);
    await page.keyboard.press('Enter');
    const open = await until(
      () => firefoxBadges(page),
      (all) => all.some((b) => b.key === target && b.cardOpen),
      'the card in Firefox',
    );
    const card = open.find((b) => b.key === target)?.cardText ?? '';
    expect(card).toContain('不通过');
    expect(card).toContain(enterpriseByTag('edge:dishonest-active').subject.name);
    await page.keyboard.press('Escape');
    await until(
      () => firefoxBadges(page),
      (all) => all.every((b) => !b.cardOpen),
      'the card to close in Firefox',
    );
  });
});

describe('Firefox: extension pages', () => {
  it('the options page tests the connection with the stored key', async () => {
    const options = await firefox.openExtensionPage('options.html');
    const baseUrl = await options.waitForSelector('input[name="baseUrl"]');
    expect(await baseUrl?.evaluate((el) => (el as HTMLInputElement).value)).toBe(mockUrl);
    const button = await options.waitForSelector('::-p-text(测试连接)');
    await button?.click();
    const account = seeds.keys.find((k) => k.account.name)?.account.name ?? '';
    const probe = await until(
      () => options.$eval('[data-testid="probe"]', (el) => el.textContent ?? ''),
      (text) => text.includes('连接成功'),
      'the connection test in Firefox',
    );
    expect(probe).toContain(account);
    await options.close();
  });

  it("the side panel lists the tab's subjects with the consortium verdict", async () => {
    const options = await firefox.openExtensionPage('options.html');
    const record = await tabRecordFrom(options, '/demo/bid-opening');
    await options.close();
    const panel = await firefox.openExtensionPage(`sidepanel.html?tab=${record.tabId}`);
    const keys = await until(
      () =>
        panel.$$eval('[data-testid="bidders"] tbody tr[data-key]', (rows) =>
          rows.map((r) => r.getAttribute('data-key')),
        ),
      (found) => found.length === new Set(badges.map((b) => b.key)).size,
      'one side-panel row per subject',
    );
    expect(new Set(keys)).toEqual(new Set(badges.map((b) => b.key)));
    expect(await panel.$eval('tr.group', (el) => el.textContent ?? '')).toContain('联合体结论：不通过');
    await panel.close();
  });
});

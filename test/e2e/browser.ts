/**
 * Driving the built extension in Debian's Chromium: launch with the extension loaded, find
 * its service worker and id, read the badges through the e2e build's test hook (the shadow
 * roots are closed), and wait for conditions instead of sleeping.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import type { BadgeSnapshot } from '../../extension/core/badges/test-hook.ts';
import type { AuditEntry } from '../../extension/core/personal/audit.ts';
import type { TabRecord } from '../../extension/core/screening/model.ts';
import type { LoanTabRecord } from '../../extension/modes/loan/model.ts';

/** The extension APIs as seen inside `worker.evaluate` (the service worker's `chrome`). */
export type ChromeGlobal = { chrome: WxtBrowser };

export type { BadgeSnapshot };

/**
 * Where screenshots go: the README's folder when `XINJIAN_UPDATE_SCREENSHOTS=1`, else the
 * ignored artifacts folder, so an ordinary test run leaves the working tree clean (the options
 * page shows the mock server's ephemeral port).
 */
export const SCREENSHOTS = process.env.XINJIAN_UPDATE_SCREENSHOTS
  ? join(import.meta.dirname, '../../docs/screenshots')
  : join(import.meta.dirname, 'artifacts/screenshots');

/**
 * A running browser with the extension.
 *
 * @example
 * ```ts
 * const browser = await launchWithExtension(inject('extensionDir'));
 * const page = await browser.context.newPage();
 * ```
 */
export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * Launches Chromium with the unpacked extension and waits until its content script is
 * registered for the local sites (the e2e build enables them at install).
 *
 * @example
 * ```ts
 * const { context, extensionId } = await launchWithExtension(dir);
 * ```
 */
export async function launchWithExtension(extensionDir: string): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'xinjian-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-gpu',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  await until(
    () =>
      worker.evaluate(
        async () =>
          (await (globalThis as unknown as ChromeGlobal).chrome.scripting.getRegisteredContentScripts())
            .length,
      ),
    (n) => n === 1,
    'content script registration',
  );
  return {
    context,
    worker,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Polls `read` until `done` accepts its value (every 100 ms, up to `timeoutMs`).
 *
 * @example
 * ```ts
 * await until(() => snapshot(page), (badges) => badges.length === 15, 'badges');
 * ```
 */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch {
      // Not ready yet (page navigating, worker restarting).
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Runs IN the page (pass it to `page.evaluate`): every badge, read through the test hook; empty
 * until the content script runs. Shared by the Chromium and Firefox harnesses.
 *
 * @example
 * ```ts
 * const badges = await page.evaluate(readBadgesInPage);
 * ```
 */
export function readBadgesInPage(request = 'snapshot'): Promise<BadgeSnapshot[]> {
  return new Promise<BadgeSnapshot[]>((resolve) => {
    const id = Math.random().toString(36).slice(2);
    const timer = setTimeout(() => {
      window.removeEventListener('message', onReply);
      resolve([]);
    }, 500);
    function onReply(event: MessageEvent) {
      const data = event.data as { xinjianTestReply?: string; badges?: BadgeSnapshot[] } | null;
      if (data?.xinjianTestReply !== id) return;
      clearTimeout(timer);
      window.removeEventListener('message', onReply);
      resolve(data.badges ?? []);
    }
    window.addEventListener('message', onReply);
    window.postMessage({ xinjianTest: request, id }, '*');
  });
}

/**
 * Every badge on the page, read through the test hook; empty until the content script runs.
 * `request: 'people'` reads the markers of the people a screening page shows instead.
 *
 * @example
 * ```ts
 * (await snapshot(page)).filter((b) => b.state === 'pass');
 * ```
 */
export function snapshot(page: Page, request: 'snapshot' | 'people' = 'snapshot'): Promise<BadgeSnapshot[]> {
  return page.evaluate(readBadgesInPage, request);
}

/**
 * Waits until the page has `count` badges and none is still checking.
 *
 * @example
 * ```ts
 * const badges = await settledBadges(page, 14);
 * ```
 */
export function settledBadges(page: Page, count: number, timeoutMs = 20_000): Promise<BadgeSnapshot[]> {
  return until(
    () => snapshot(page),
    (badges) => badges.length === count && badges.every((b) => b.state !== 'checking'),
    `${count} settled badges`,
    timeoutMs,
  );
}

/**
 * The record the background stored under `prefix` + tab id for the newest tab showing `urlPart`,
 * or null. Records keep a page's origin and path only, so the tab is found by its full address.
 */
function storedRecord<T>(worker: Worker, urlPart: string, prefix: 'tab:' | 'loan:'): Promise<T | null> {
  return worker.evaluate(
    async ([part, pre]) => {
      const { chrome } = globalThis as unknown as ChromeGlobal;
      const tabs = (await chrome.tabs.query({})).filter((t) => t.url?.includes(part));
      for (const tab of tabs.reverse()) {
        const key = `${pre}${tab.id}`;
        const record = (await chrome.storage.session.get(key))[key] as T | undefined;
        if (record) return record;
      }
      return null;
    },
    [urlPart, prefix] as const,
  ) as Promise<T | null>;
}

/**
 * The background's record of the tab showing `urlPart`.
 *
 * @example
 * ```ts
 * const record = await tabRecord(worker, '/demo/bid-opening');
 * ```
 */
export async function tabRecord(worker: Worker, urlPart: string): Promise<TabRecord> {
  return until(
    () => storedRecord<TabRecord>(worker, urlPart, 'tab:'),
    (r): r is TabRecord => r !== null,
    `the tab record of ${urlPart}`,
  ) as Promise<TabRecord>;
}

/**
 * The loan record of the tab showing `urlPart`, once it holds `companies` answered companies.
 *
 * @example
 * ```ts
 * const record = await loanTabRecord(worker, '/demo/loan-review/gjj-loan-table.html', 2);
 * ```
 */
export function loanTabRecord(worker: Worker, urlPart: string, companies = 0): Promise<LoanTabRecord> {
  return until(
    () => storedRecord<LoanTabRecord>(worker, urlPart, 'loan:'),
    (r): r is LoanTabRecord =>
      r !== null && (r.companies ?? []).filter((c) => c.result.state !== 'checking').length >= companies,
    `the loan record of ${urlPart}`,
  ) as Promise<LoanTabRecord>;
}

/**
 * The path of a screenshot, creating its folder.
 *
 * @example
 * ```ts
 * await page.screenshot({ path: screenshotPath('badge.png') });
 * ```
 */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

/**
 * The whole audit log of personal lookups (requests and outcomes), oldest first, straight from
 * the extension's IndexedDB.
 *
 * @example
 * ```ts
 * const entries = await readAuditLog(browser.worker);
 * ```
 */
export function readAuditLog(worker: Worker): Promise<AuditEntry[]> {
  return worker.evaluate(
    () =>
      new Promise<AuditEntry[]>((resolve, reject) => {
        const r = indexedDB.open('xinjian-audit');
        r.onerror = () => reject(r.error);
        r.onsuccess = () => {
          const d = r.result;
          if (!d.objectStoreNames.contains('entries')) return resolve([]);
          const all = d.transaction('entries').objectStore('entries').getAll();
          all.onsuccess = () => {
            d.close();
            resolve(all.result as AuditEntry[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/**
 * Presses Tab from where the focus is until one of `badges` has it (at most 20 stops), as a
 * keyboard user reaches it, and returns what it reads; throws unless it is the badge `key`. For
 * Chromium and Firefox alike: only the driver's `keyboard.press` is used.
 *
 * @example
 * ```ts
 * await tabToBadge(page.keyboard, () => page.evaluate(readBadgesInPage, 'people'), 'person:1');
 * ```
 */
export async function tabToBadge(
  keyboard: { press: (key: 'Tab') => Promise<unknown> },
  badges: () => Promise<BadgeSnapshot[]>,
  key: string,
): Promise<BadgeSnapshot> {
  let focused: BadgeSnapshot | undefined;
  for (let i = 0; i < 20 && !focused; i++) {
    await keyboard.press('Tab');
    focused = (await badges()).find((b) => b.focused);
  }
  if (focused?.key !== key)
    throw new Error(`the first badge Tab reached is ${focused?.key ?? 'none in 20 presses'}, not ${key}`);
  return focused;
}

/**
 * Fills the open consent dialog of a card frame by keyboard: waits for the focus on the purpose
 * checkbox (the dialog moves it there once drawn; a Space before would land elsewhere), confirms
 * the purpose, types the reference, sets the authorization date and submits.
 *
 * @example
 * ```ts
 * await confirmConsentByKeyboard(page, 'SQ-2026-1103-01', '2026-11-03');
 * ```
 */
export async function confirmConsentByKeyboard(
  page: Page,
  reference: string,
  grantedAt: string,
): Promise<void> {
  const cards = () => page.frames().filter((f) => f.url().includes('/card.html'));
  await until(
    () =>
      Promise.all(
        cards().map((f) =>
          f.evaluate(() => document.activeElement?.getAttribute('name') ?? '').catch(() => ''),
        ),
      ),
    (names) => names.includes('purposeConfirmed'),
    'the focus on the purpose checkbox',
  );
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.type(reference);
  // The date field's order follows the browser's locale; fill sets it as a date, as a picker
  // would. A page can have more than one card frame (the people script has its own).
  const frames = cards();
  const counts = await Promise.all(frames.map((f) => f.locator('input[name="grantedAt"]').count()));
  await frames[counts.findIndex((n) => n > 0)]?.locator('input[name="grantedAt"]').fill(grantedAt);
  await page.keyboard.press('Enter');
}

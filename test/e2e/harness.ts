/**
 * What the reliability and hostile-page browser tests share: pages served from test HTML on a
 * 127.0.0.1 origin (the e2e build enables every port of it), the extension's settings, the mock
 * server's journal, the popup's counts, and a watch on every extension context for uncaught
 * errors and unhandled promise rejections.
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { JournalEntry } from '../../mock-server/src/index.ts';
import type { EnterpriseSeed } from '../../seeds/index.ts';
import type { ChromeGlobal } from './browser.ts';

/**
 * Serves test HTML at `origin + path` for every page of the browser context, without the
 * mock server (it may be stopped on purpose). `open` can run a script in the page's main
 * world before any of its own (and before the content script).
 *
 * @example
 * ```ts
 * const pages = await servePages(context, mock.url);
 * const page = await pages.open('/x/one', '<p>…</p>');
 * ```
 */
export async function servePages(
  context: BrowserContext,
  origin: string,
): Promise<{
  open(path: string, html: string, options?: { init?: string }): Promise<Page>;
  serve(path: string, html: string): string;
  url(path: string): string;
}> {
  const html = new Map<string, string>();
  await context.route(`${origin}/x/**`, (route) => {
    const body = html.get(new URL(route.request().url()).pathname);
    return body === undefined
      ? route.fulfill({ status: 404, body: 'not found' })
      : route.fulfill({ contentType: 'text/html; charset=utf-8', body });
  });
  return {
    url: (path) => `${origin}${path}`,
    serve(path, body) {
      html.set(path, body);
      return `${origin}${path}`;
    },
    async open(path, body, options = {}) {
      html.set(path, body);
      const page = await context.newPage();
      if (options.init) await page.addInitScript({ content: options.init });
      await page.goto(`${origin}${path}`);
      return page;
    },
  };
}

/**
 * A page with one bidder table (投标人名称 / 统一社会信用代码), the shape generic detection reads.
 *
 * @example
 * ```ts
 * bidderTable('开标记录', [enterpriseByTag('edge:clean')]);
 * ```
 */
export function bidderTable(title: string, bidders: readonly EnterpriseSeed[], extra = ''): string {
  const rows = bidders
    .map(
      (e, i) => `<tr><td>${i + 1}</td><td>${e.subject.name}</td><td class="code">${e.subject.uscc}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1>
<table id="bidders"><thead><tr><th>序号</th><th>投标人名称</th><th>统一社会信用代码</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${extra}
</body></html>`;
}

/**
 * Changes the stored settings the way the options page saves them (a partial `api` merges).
 *
 * @example
 * ```ts
 * await setApi(worker, { baseUrl: mock.url, key: DEMO_API_KEY });
 * ```
 */
export async function setApi(worker: Worker, api: { baseUrl?: string; key?: string }): Promise<void> {
  await worker.evaluate(async (patch) => {
    const { chrome } = globalThis as unknown as ChromeGlobal;
    const settings = ((await chrome.storage.local.get('settings')).settings ?? {}) as {
      api?: Record<string, string>;
    };
    await chrome.storage.local.set({ settings: { ...settings, api: { ...settings.api, ...patch } } });
  }, api);
}

/**
 * Sets the rating cache's lifetime to zero, so every lookup reaches the API (and its faults).
 * Emptying `storage.session` is not enough: the background keeps the cache in memory too.
 *
 * @example
 * ```ts
 * await noRatingCache(worker);
 * ```
 */
export async function noRatingCache(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as ChromeGlobal;
    const settings = ((await chrome.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await chrome.storage.local.set({ settings: { ...settings, cacheTtlMinutes: 0 } });
  });
}

/**
 * The mock server's journal (every request since the last reset).
 *
 * @example
 * ```ts
 * (await journal(mock.url)).filter((e) => e.path === '/v1/ratings/batch');
 * ```
 */
export async function journal(mockUrl: string): Promise<JournalEntry[]> {
  const res = await fetch(`${mockUrl}/__mock/journal`);
  return ((await res.json()) as { data: JournalEntry[] }).data;
}

/**
 * Every id the ratings batches in `entries` asked about.
 *
 * @example
 * ```ts
 * expect(askedIds(await journal(url))).not.toContain(hiddenCode);
 * ```
 */
export function askedIds(entries: readonly JournalEntry[]): string[] {
  return entries
    .filter((e) => e.path === '/v1/ratings/batch')
    .flatMap((e) => ((e.body as { ids?: unknown } | null)?.ids as string[] | undefined) ?? []);
}

/** The counts the popup shows for a tab. */
export interface PopupCounts {
  checked: number;
  pass: number;
  review: number;
  fail: number;
  unavailable: number;
}

/**
 * Opens the popup for `tabId` and reads its counts.
 *
 * @example
 * ```ts
 * expect((await popupCounts(context, extensionId, tabId)).unavailable).toBe(3);
 * ```
 */
export async function popupCounts(
  context: BrowserContext,
  extensionId: string,
  tabId: number,
): Promise<PopupCounts> {
  const popup = await context.newPage();
  try {
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    const counts = popup.getByTestId('counts');
    await counts.waitFor();
    const read = async (name: keyof PopupCounts) =>
      Number(await counts.locator(`[data-count="${name}"] dd`).textContent());
    return {
      checked: await read('checked'),
      pass: await read('pass'),
      review: await read('review'),
      fail: await read('fail'),
      unavailable: await read('unavailable'),
    };
  } finally {
    await popup.close();
  }
}

/**
 * Collects what no extension context may produce: uncaught errors and unhandled rejections of
 * pages (the content script's isolated world included, it reports through the page) and of
 * the service worker (listeners installed right after launch), and console errors of both.
 *
 * @example
 * ```ts
 * const watch = await watchErrors(browser.context, browser.worker);
 * expect(await watch.take()).toEqual([]);
 * ```
 */
export async function watchErrors(
  context: BrowserContext,
  worker: Worker,
): Promise<{ take(): Promise<string[]> }> {
  const seen: string[] = [];
  context.on('weberror', (e) => seen.push(`page ${e.page()?.url() ?? '?'}: ${e.error().message}`));
  context.on('console', (m) => {
    if (m.type() === 'error') seen.push(`console.error ${m.location().url}: ${m.text()}`);
  });
  await worker.evaluate(() => {
    const scope = globalThis as unknown as {
      __xinjianErrors?: string[];
      addEventListener(type: string, listener: (event: Event) => void): void;
    };
    if (scope.__xinjianErrors) return;
    const errors: string[] = [];
    scope.__xinjianErrors = errors;
    scope.addEventListener('unhandledrejection', (event) => {
      const reason = (event as PromiseRejectionEvent).reason as { stack?: string } | undefined;
      errors.push(`unhandledrejection: ${reason?.stack ?? String(reason)}`);
    });
    scope.addEventListener('error', (event) => {
      errors.push(`error: ${(event as ErrorEvent).message}`);
    });
  });
  return {
    async take() {
      const fromWorker = await worker.evaluate(() => {
        const scope = globalThis as unknown as { __xinjianErrors?: string[] };
        return (scope.__xinjianErrors ?? []).splice(0);
      });
      return [...seen.splice(0), ...fromWorker.map((e) => `service worker ${e}`)];
    },
  };
}

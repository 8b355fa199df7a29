/**
 * Chromium for the benchmarks: the extension browser comes from the e2e helpers
 * (test/e2e/browser.ts), plus what only the benchmarks need: a long-task observer in every page,
 * a probe in the content script's isolated world that timestamps badge changes inside the
 * closed shadow roots, the content script's own `xinjian:*` performance entries, heap usage,
 * and a plain browser without the extension for the baselines.
 */
import { type Browser, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';
import {
  type ChromeGlobal,
  type ExtensionBrowser,
  launchWithExtension,
  snapshot,
} from '../../e2e/browser.ts';

export type { ExtensionBrowser };
export { snapshot };

const CHROMIUM = '/usr/bin/chromium';
// The same quiet flags as the e2e browser, so both sides of a ratio run alike.
const FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-gpu',
];

/**
 * A long task seen by the page: start and duration, in page milliseconds.
 *
 * @example
 * ```ts
 * const t: LongTask = { start: 812.4, duration: 164 };
 * ```
 */
export interface LongTask {
  start: number;
  duration: number;
}

/**
 * The extension browser with a `longtask` observer installed (buffered) in every new page.
 *
 * @example
 * ```ts
 * const browser = await launchBenchBrowser(ext.dir);
 * ```
 */
export async function launchBenchBrowser(extensionDir: string): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension(extensionDir);
  await browser.context.addInitScript(observeLongTasks);
  return browser;
}

/**
 * Page init script: records every long task (buffered, so none before the observer is lost).
 *
 * @example
 * ```ts
 * await page.addInitScript(observeLongTasks);
 * ```
 */
export function observeLongTasks(): void {
  const tasks: { start: number; duration: number }[] = [];
  (window as unknown as { __xjLongTasks: typeof tasks }).__xjLongTasks = tasks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * Headless Chromium without the extension, for the bare-scan and memory baselines.
 *
 * @example
 * ```ts
 * const plain = await launchPlainBrowser();
 * const page = await plain.newPage();
 * ```
 */
export function launchPlainBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/**
 * The extension's service worker as it is now: MV3 may stop and restart it, and a restarted
 * worker is a new `Worker` (the one from launch then throws "Service worker restarted").
 *
 * @example
 * ```ts
 * const worker = await currentWorker(browser);
 * ```
 */
export async function currentWorker(browser: ExtensionBrowser): Promise<Worker> {
  const prefix = `chrome-extension://${browser.extensionId}/`;
  const live = browser.context.serviceWorkers().find((w) => w.url().startsWith(prefix));
  if (live) return live;
  // Waking it: any extension event starts it again; opening an extension page is the simplest.
  const page = await browser.context.newPage();
  try {
    const started = browser.context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith(prefix),
      timeout: 30_000,
    });
    await page.goto(`${prefix}popup.html`).catch(() => undefined);
    return browser.context.serviceWorkers().find((w) => w.url().startsWith(prefix)) ?? (await started);
  } finally {
    await page.close();
  }
}

/**
 * Removes the background's cached ratings (`cache:*` in `storage.session`), so the next page
 * is looked up cold.
 *
 * @example
 * ```ts
 * await clearRatingCache(browser);
 * ```
 */
export async function clearRatingCache(browser: ExtensionBrowser): Promise<number> {
  try {
    return await removeCacheKeys(await currentWorker(browser));
  } catch (error) {
    // The worker stopped under us (MV3 does that); the next one answers.
    if (!/restarted|closed|Target/i.test(String(error))) throw error;
    return removeCacheKeys(await currentWorker(browser));
  }
}

function removeCacheKeys(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    const area = (globalThis as unknown as ChromeGlobal).chrome.storage.session as unknown as {
      getKeys?: () => Promise<string[]>;
      get(keys: null): Promise<Record<string, unknown>>;
      remove(keys: string[]): Promise<void>;
    };
    // getKeys (Chrome 130+) avoids reading megabytes of cached ratings just to list them.
    const all = area.getKeys ? await area.getKeys() : Object.keys(await area.get(null));
    const keys = all.filter((k) => k.startsWith('cache:'));
    if (keys.length > 0) await area.remove(keys);
    return keys.length;
  });
}

/**
 * What the probe reports, in page milliseconds (`performance.now()` of the page).
 *
 * @example
 * ```ts
 * const s: ProbeState = { hosts: 60, pending: 0, firstHostAt: 210, lastHostAt: 340, lastChangeAt: 420, dcl: 95, timeOrigin: 1.7e12 };
 * ```
 */
export interface ProbeState {
  /** Badge hosts inserted so far (the extension may defer off-screen ones). */
  hosts: number;
  /** Mounted badges whose `.badge[data-state]` is still `checking` (or not rendered yet). */
  pending: number;
  firstHostAt: number | null;
  lastHostAt: number | null;
  /** The last badge host inserted or badge state changed. */
  lastChangeAt: number | null;
  /** `domContentLoadedEventStart` of the page. */
  dcl: number;
  /** `performance.timeOrigin` of the page (epoch ms), to compare with the mock's journal. */
  timeOrigin: number;
}

interface ProbeApi {
  quiet(minHosts: number): Promise<ProbeState>;
  state(): ProbeState;
}

/*
 * Runs in the content script's isolated world, where `chrome.dom.openOrClosedShadowRoot` can
 * open the closed badge roots. One MutationObserver watches the document for badge hosts and
 * each host's shadow root for `data-state` changes; the callbacks stamp the times.
 */
function probe(): boolean {
  const g = globalThis as unknown as {
    __xjBench?: ProbeApi;
    chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } };
  };
  if (g.__xjBench) return false;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const s = {
    hosts: 0,
    changes: 0,
    firstHostAt: null as number | null,
    lastHostAt: null as number | null,
    lastChangeAt: null as number | null,
  };
  const pending = new Set<Element>();
  const seen = new WeakSet<Element>();
  const hostOf = new WeakMap<Node, Element>();
  const state = (): ProbeState => ({
    hosts: s.hosts,
    pending: pending.size,
    firstHostAt: s.firstHostAt,
    lastHostAt: s.lastHostAt,
    lastChangeAt: s.lastChangeAt,
    dcl: nav?.domContentLoadedEventStart ?? 0,
    timeOrigin: performance.timeOrigin,
  });
  const update = (host: Element, root: ShadowRoot, now: number) => {
    // A result-free marker says nothing of its result; quiet() asks the background for that.
    const value =
      root.querySelector('.badge')?.getAttribute('data-state') ??
      (root.querySelector('.marker') ? 'marker' : null);
    if (value === null || value === 'checking') pending.add(host);
    else pending.delete(host);
    s.changes += 1;
    s.lastChangeAt = now;
  };
  const observer = new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      const root = r.target.getRootNode();
      const host = hostOf.get(root);
      if (host) {
        update(host, root as ShadowRoot, now);
        continue;
      }
      for (const n of r.addedNodes) {
        if (n.nodeName === 'XINJIAN-BADGE') track(n as Element, now);
        else if (n.nodeType === 1)
          for (const h of (n as Element).querySelectorAll('xinjian-badge')) track(h, now);
      }
    }
  });
  function track(host: Element, now: number) {
    if (seen.has(host)) return;
    seen.add(host);
    s.hosts += 1;
    s.firstHostAt ??= now;
    s.lastHostAt = now;
    const root = g.chrome.dom.openOrClosedShadowRoot(host);
    if (!root) return;
    hostOf.set(root, host);
    observer.observe(root, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    });
    update(host, root, now);
  }
  observer.observe(document, { childList: true, subtree: true });
  for (const h of document.querySelectorAll('xinjian-badge')) track(h, performance.now());
  g.__xjBench = {
    state,
    // Two animation frames in a row without a badge change, nothing checking: the write
    // queue is drained (a queued badge is written every frame until none is left).
    quiet(minHosts: number) {
      return new Promise<ProbeState>((resolve) => {
        let quietFrames = 0;
        let seenChanges = s.changes;
        const tick = () => {
          const still = s.changes === seenChanges && s.hosts >= minHosts && pending.size === 0;
          quietFrames = still ? quietFrames + 1 : 0;
          seenChanges = s.changes;
          if (quietFrames >= 2) resolve(state());
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
  };
  return true;
}

/**
 * A page of the extension browser with the probe installed in the content script's world
 * (again after every navigation).
 *
 * @example
 * ```ts
 * const probe = await attachProbe(browser, page);
 * await page.goto(url);
 * const state = await probe.quiet(); // badges on screen settled, nothing left to write
 * ```
 */
export interface Probe {
  /**
   * Resolves once at least `minHosts` badges are mounted, none is checking, and two animation
   * frames passed without a badge change.
   */
  quiet(minHosts?: number, timeoutMs?: number): Promise<ProbeState>;
  state(): Promise<ProbeState | null>;
  cdp: CDPSession;
  detach(): Promise<void>;
}

/**
 * Installs the probe for `page`; call before navigating.
 *
 * @example
 * ```ts
 * const probe = await attachProbe(browser, page);
 * ```
 */
export async function attachProbe(browser: ExtensionBrowser, page: Page): Promise<Probe> {
  const cdp = await browser.context.newCDPSession(page);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const mainFrame = frameTree.frame.id;
  const origin = `chrome-extension://${browser.extensionId}`;
  const source = `(${probe.toString()})()`;
  let world: number | null = null;
  let installed: Promise<unknown> = Promise.resolve();
  cdp.on('Runtime.executionContextCreated', (event) => {
    const c = event.context as { id: number; origin: string; auxData?: { frameId?: string; type?: string } };
    if (c.origin !== origin || c.auxData?.frameId !== mainFrame || c.auxData.type !== 'isolated') return;
    world = c.id;
    // As soon as the world exists: the content script still awaits the background then.
    installed = cdp.send('Runtime.evaluate', { expression: source, contextId: c.id }).catch(() => undefined);
  });
  // A reload or navigation destroys the world; the next one gets the probe again.
  cdp.on('Runtime.executionContextDestroyed', (event) => {
    if ((event as { executionContextId: number }).executionContextId === world) world = null;
  });
  cdp.on('Runtime.executionContextsCleared', () => {
    world = null;
  });
  await cdp.send('Runtime.enable');
  const evaluate = async <T>(expression: string): Promise<T> => {
    if (world === null) throw new Error('the content script has not started on this page');
    await installed;
    const r = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world,
      awaitPromise: true,
      returnByValue: true,
    })) as {
      result: { value: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (r.exceptionDetails) {
      throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    }
    return r.result.value;
  };
  const state = () => evaluate<ProbeState>('globalThis.__xjBench.state()');
  return {
    cdp,
    async quiet(minHosts = 1, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      // The world appears when the content script is injected, after the page loads.
      while (world === null) {
        if (Date.now() > deadline) throw new Error('the content script never started on the page');
        await new Promise((r) => setTimeout(r, 20));
      }
      // Markers carry no result: the content script marks `xinjian:settled` once every subject
      // it read has its answer (core/screening/content.ts); the background's tab record, which
      // trails by its batched writes, is the fallback for a build without the mark.
      for (;;) {
        const marked = await page
          .evaluate(() => performance.getEntriesByName('xinjian:settled').length > 0)
          .catch(() => false);
        if (marked) break;
        const counts = await currentWorker(browser)
          .then((w) => tabRecordCounts(w, page.url()))
          .catch(() => null);
        if (counts && counts.subjects > 0 && counts.checking === 0) break;
        if (Date.now() > deadline) {
          throw new Error(`timed out after ${timeoutMs} ms waiting for lookups: ${JSON.stringify(counts)}`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => {
            void state()
              .catch(() => null)
              .then((s) =>
                reject(
                  new Error(
                    `timed out after ${timeoutMs} ms waiting for settled badges: ${JSON.stringify(s)}`,
                  ),
                ),
              );
          },
          Math.max(0, deadline - Date.now()),
        );
      });
      try {
        return await Promise.race([evaluate<ProbeState>(`globalThis.__xjBench.quiet(${minHosts})`), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    state: () => (world === null ? Promise.resolve(null) : state()),
    detach: () => cdp.detach(),
  };
}

/**
 * The background's record of the tab showing `url` (in `storage.session`, as the e2e tests
 * read it): how many subjects it holds and how many are still checking; null without one.
 *
 * @example
 * ```ts
 * await tabRecordCounts(browser.worker, page.url()); // { subjects: 500, checking: 0 }
 * ```
 */
export function tabRecordCounts(
  worker: Worker,
  url: string,
): Promise<{ subjects: number; checking: number } | null> {
  return worker.evaluate(async (target) => {
    const { chrome } = globalThis as unknown as ChromeGlobal;
    const tab = (await chrome.tabs.query({})).find((t) => t.url === target);
    if (tab?.id === undefined) return null;
    const key = `tab:${tab.id}`;
    const record = (await chrome.storage.session.get(key))[key] as
      | { subjects: { result: { state: string } }[] }
      | undefined;
    if (!record) return null;
    return {
      subjects: record.subjects.length,
      checking: record.subjects.filter((s) => s.result.state === 'checking').length,
    };
  }, url);
}

/**
 * `domContentLoadedEventStart` of the page's navigation, on the page's clock.
 *
 * @example
 * ```ts
 * const dcl = await domContentLoaded(page);
 * ```
 */
export function domContentLoaded(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
        .domContentLoadedEventStart,
  );
}

/**
 * The page's `xinjian:*` user-timing entries (the content script's own phase measures), and
 * the long tasks since the page started.
 *
 * @example
 * ```ts
 * const { measures, longTasks } = await pageTimings(page);
 * ```
 */
export function pageTimings(
  page: Page,
): Promise<{ measures: { name: string; start: number; duration: number }[]; longTasks: LongTask[] }> {
  return page.evaluate(() => ({
    measures: performance
      .getEntries()
      .filter((e) => e.name.startsWith('xinjian:') && (e.entryType === 'measure' || e.entryType === 'mark'))
      .map((e) => ({ name: e.name, start: e.startTime, duration: e.duration })),
    longTasks: [...((window as unknown as { __xjLongTasks?: LongTask[] }).__xjLongTasks ?? [])],
  }));
}

/**
 * V8 heap of the page's renderer after a full GC: `used` is the JavaScript heap of every world
 * in the page (main and the content script's isolated world), `embedder` Blink's heap (DOM).
 *
 * @example
 * ```ts
 * const { used } = await heapAfterGc(cdp);
 * ```
 */
export async function heapAfterGc(cdp: CDPSession): Promise<{ used: number; embedder: number }> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const r = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  await cdp.send('HeapProfiler.disable');
  return { used: r.usedSize, embedder: r.embedderHeapUsedSize ?? 0 };
}

/**
 * The baseline scan: a bare TreeWalker over the body's text nodes running the SDK's candidate
 * regex, no validation, lookups or rendering. Returns page milliseconds and the match count.
 *
 * @example
 * ```ts
 * const { ms, matches } = await bareScan(page, CANDIDATE_SOURCE);
 * ```
 */
export function bareScan(page: Page, patternSource: string): Promise<{ ms: number; matches: number }> {
  return page.evaluate((source) => {
    const re = new RegExp(source, 'g');
    const start = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let matches = 0;
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      const text = (n as Text).data;
      re.lastIndex = 0;
      while (re.exec(text) !== null) matches += 1;
    }
    return { ms: performance.now() - start, matches };
  }, patternSource);
}

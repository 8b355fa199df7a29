/**
 * A page that floods itself: over 100,000 nodes of its own, then a fixed number of mutation
 * bursts. `hostile.test.ts` checks what the extension does on it; the browser bench measures
 * its long tasks with and without the extension.
 */
import type { Page } from 'playwright-core';

/** Rows the page builds for itself (two nodes each: the element and its text). */
export const FLOOD_ROWS = 50_000;
/** Bursts of the flood, one every 50 ms: about 4 s on an idle machine. */
export const FLOOD_TICKS = 80;
/** Rows each burst rewrites; with {@link FLOOD_TICKS} every rewritten row is written once. */
export const FLOOD_BATCH = 400;
/** The burst after which the page appends `added`: detection must keep up during the flood. */
export const FLOOD_ADD_AT = 20;

/**
 * The page's HTML: `visible` in a paragraph before the flood, `hidden` in a `hidden` paragraph
 * (the extension must not look it up).
 *
 * @example
 * ```ts
 * const html = floodPage('投标人：甲公司（统一社会信用代码：91110000600037341L）', '');
 * ```
 */
export function floodPage(visible: string, hidden: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>公告</title></head><body>
<p>${visible}</p><p hidden>${hidden}</p><div id="flood"></div>
<script>
  const flood = document.getElementById('flood');
  const frag = document.createDocumentFragment();
  for (let i = 0; i < ${FLOOD_ROWS}; i++) {
    const d = document.createElement('div');
    d.textContent = '项目编号 ' + i + '，附件 ' + (i % 97);
    frag.appendChild(d);
  }
  flood.appendChild(frag);
  window.__flood = (text) => new Promise((resolve) => {
    let n = 0;
    const timer = setInterval(() => {
      for (let i = 0; i < ${FLOOD_BATCH}; i++) {
        const d = flood.children[(n * ${FLOOD_BATCH} + i) % flood.children.length];
        d.textContent = '更新 ' + n + '-' + i;
        d.className = 'c' + (n % 3);
      }
      n++;
      if (n === ${FLOOD_ADD_AT}) {
        const p = document.createElement('p');
        p.textContent = text;
        document.body.appendChild(p);
      }
      if (n === ${FLOOD_TICKS}) {
        clearInterval(timer);
        resolve(n);
      }
    }, 50);
  });
</script></body></html>`;
}

/**
 * Runs the flood on a loaded {@link floodPage} and appends `added` in the middle of it.
 * Resolves with the bursts the page ran once it has run them all.
 *
 * @example
 * ```ts
 * const bursts = await runFlood(page, '补充投标人：乙公司（统一社会信用代码：…）');
 * ```
 */
export function runFlood(page: Page, added: string): Promise<number> {
  return page.evaluate(
    (text) => (window as unknown as { __flood(t: string): Promise<number> }).__flood(text),
    added,
  );
}

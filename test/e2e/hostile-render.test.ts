/**
 * What a hostile page can learn from, or do to, what the extension shows (docs/decisions/0024).
 * The page's scripts search for verdicts with `window.find`, read the officer's card with
 * selections, measure and restyle the markers, fire synthetic input at them, move one under
 * the officer's pointer and listen to the keys of the consent dialog. They run against a
 * `development` build: production's content script and card frame with the mock server's
 * address and without the e2e test hook (which would answer the page by design).
 *
 * The tests read what the officer sees where the officer sees it: in the card frame, which
 * Playwright reaches like DevTools and page scripts cannot. The host-layout and dark-mode tests
 * at the end measure the page and the frame in Chromium at 1280 and 800 px.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { computeUsccCheckChar } from '../../sdk/src/identifiers/index.ts';
import { enterpriseByTag } from '../../seeds/index.ts';
import { type ExtensionBrowser, launchWithExtension, tabRecord, until } from './browser.ts';
import { bidderTable, servePages, watchErrors } from './harness.ts';
import { buildVariant, type Variant } from './variants.ts';

const mockUrl = inject('mockUrl');
const BASELINE_ORIGIN = `http://127.0.0.2:${new URL(mockUrl).port}`;

const PASS = enterpriseByTag('edge:clean');
const FAIL = enterpriseByTag('edge:dishonest-active');
const REVIEW = enterpriseByTag('edge:abnormal-operation');
const VERDICT_WORDS = ['不通过', '通过', '需复核', '暂不可用', '未找到', '校验位不符', '主体评级', '纳税'];

type Pages = Awaited<ReturnType<typeof servePages>>;

let dev: Variant;
let browser: ExtensionBrowser;
let pages: Pages;
let errors: Awaited<ReturnType<typeof watchErrors>>;

beforeAll(async () => {
  dev = await buildVariant({ mode: 'development', browser: 'chrome', apiBaseUrl: mockUrl });
  browser = await launchWithExtension(dev.dir);
  errors = await watchErrors(browser.context, browser.worker);
  pages = await servePages(browser.context, mockUrl);
});

afterAll(async () => {
  await browser?.close();
  await dev?.remove();
});

afterEach(async () => {
  for (const page of browser.context.pages()) await page.close();
  expect(await errors.take()).toEqual([]);
});

/** The card frame of a page, once the extension made it. */
function cardFrame(page: Page): Frame | undefined {
  return page.frames().find((f) => new URL(f.url()).pathname === '/card.html');
}

/** What the frame shows now: its view and text, or null while it is hidden or absent. */
async function shown(page: Page): Promise<{ view: string; text: string } | null> {
  const frame = cardFrame(page);
  if (!frame) return null;
  const element = await frame.frameElement();
  if (!(await element.isVisible())) return null;
  return frame.evaluate(() => ({
    view: document.documentElement.dataset.view ?? '',
    text: document.getElementById('app')?.textContent ?? '',
  }));
}

/** Waits until the background has checked every subject of the page. */
async function checkedAll(path: string, count: number): Promise<void> {
  await until(
    () => tabRecord(browser.worker, path),
    (r) => r.subjects.length === count && r.subjects.every((s) => s.result.state !== 'checking'),
    `${count} subjects checked on ${path}`,
  );
}

/** Tabs from the top of the page until the preview names `name`; the officer's keyboard. */
async function tabTo(page: Page, name: string): Promise<void> {
  await page.bringToFront();
  await page.locator('body').focus();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const now = await until(
      () => shown(page),
      (s) => s !== null && s.view === 'preview',
      'a preview',
      2_000,
    ).catch(() => null);
    if (now?.text.includes(name)) return;
  }
  throw new Error(`no marker previews ${name}`);
}

/** Opens the card of `name` by keyboard and returns its text, as the frame shows it. */
async function openCard(page: Page, name: string): Promise<string> {
  await tabTo(page, name);
  await page.keyboard.press('Enter');
  const card = await until(
    () => shown(page),
    (s) => s?.view === 'card' && s.text.includes(name) && !s.text.includes('检查中'),
    `the card of ${name}`,
  );
  return card?.text ?? '';
}

const notFound = (() => {
  const body = '91110000MA00XJ0T0';
  return `${body}${computeUsccCheckChar(body)}`;
})();
const invalid = (() => {
  const body = PASS.subject.uscc.slice(0, 17);
  const right = computeUsccCheckChar(body);
  return `${body}${right === '0' ? '1' : '0'}`;
})();

describe('the page learns nothing of a result', () => {
  const subjects = [PASS, FAIL, REVIEW];
  const html = bidderTable('开标记录', subjects);

  it('finds no verdict or grade with window.find, one marker at a time', async () => {
    const page = await pages.open('/x/render/find', html);
    await checkedAll('/x/render/find', subjects.length);
    await until(
      () => page.locator('xinjian-badge').count(),
      (n) => n === subjects.length,
      'the markers',
    );
    const found = await page.evaluate((words) => {
      const find = (text: string) =>
        (window as unknown as { find(s: string, c: boolean, b: boolean, w: boolean): boolean }).find(
          text,
          false,
          false,
          true,
        );
      const hits: string[] = [];
      const hosts = [...document.querySelectorAll<HTMLElement>('xinjian-badge')];
      for (const keep of hosts) {
        for (const h of hosts) h.style.display = h === keep ? '' : 'none';
        for (const word of words) {
          getSelection()?.removeAllRanges();
          if (find(word)) hits.push(word);
        }
      }
      return hits;
    }, VERDICT_WORDS);
    expect(found).toEqual([]);
  });

  it('reads nothing of an open card with find, selections or Selection.modify', async () => {
    const page = await pages.open('/x/render/card', html);
    await checkedAll('/x/render/card', subjects.length);
    const card = await openCard(page, FAIL.subject.name);
    expect(card).toContain('不通过');
    expect(card).toContain('失信被执行人');
    // Every distinctive piece of the card the page did not print itself.
    const pieces = (await cardFrame(page)?.evaluate(() =>
      [...document.querySelectorAll('#app *')]
        .filter((el) => el.children.length === 0)
        .map((el) => (el.textContent ?? '').trim()),
    )) as string[];
    const secrets = [...new Set(pieces)].filter((p) => p.length >= 2 && !html.includes(p));
    expect(secrets.length).toBeGreaterThan(8);
    const seen = await page.evaluate((list) => {
      const find = (text: string) =>
        (window as unknown as { find(s: string, c: boolean, b: boolean, w: boolean): boolean }).find(
          text,
          false,
          false,
          true,
        );
      const hits = list.filter((s) => {
        getSelection()?.removeAllRanges();
        return find(s);
      });
      const selection = getSelection() as Selection;
      selection.removeAllRanges();
      selection.selectAllChildren(document.documentElement);
      const all = selection.toString();
      selection.collapse(document.body, 0);
      for (let i = 0; i < 200; i++) selection.modify('extend', 'forward', 'line');
      return { hits, all, modified: selection.toString() };
    }, secrets);
    expect(seen.hits).toEqual([]);
    for (const secret of secrets) {
      expect(seen.all).not.toContain(secret);
      expect(seen.modified).not.toContain(secret);
    }
  });

  it("cannot read the officer's own selection in the card", async () => {
    const page = await pages.open('/x/render/selection', html);
    await checkedAll('/x/render/selection', subjects.length);
    await openCard(page, FAIL.subject.name);
    await page.keyboard.press('ControlOrMeta+A');
    const inFrame = await cardFrame(page)?.evaluate(() => getSelection()?.toString() ?? '');
    expect(inFrame).toContain('不通过'); // the officer did select the card
    const inPage = await page.evaluate(() => getSelection()?.toString() ?? '');
    expect(inPage).not.toContain('不通过');
    expect(inPage).not.toContain('失信被执行人');
  });

  it('gives every marker one size and one look, whatever its result', async () => {
    const odd = [
      { name: '未收录测试公司', uscc: notFound },
      { name: '校验位错误测试公司', uscc: invalid },
    ];
    const rows = [...subjects.map((e) => ({ name: e.subject.name, uscc: e.subject.uscc })), ...odd];
    const body = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>开标记录</title>
<style>td { padding: 4px 8px; background: #fff; font: 14px/20px monospace; } body { background: #fff; }</style></head><body>
<table><thead><tr><th>投标人名称</th><th>统一社会信用代码</th></tr></thead><tbody>
${rows.map((r) => `<tr><td>${r.name}</td><td>${r.uscc}</td></tr>`).join('\n')}
</tbody></table></body></html>`;
    const page = await pages.open('/x/render/sizes', body);
    await checkedAll('/x/render/sizes', rows.length);
    const record = await tabRecord(browser.worker, '/x/render/sizes');
    expect(new Set(record.subjects.map((s) => s.result.state)).size).toBeGreaterThanOrEqual(3);
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll('xinjian-badge')].map((h) => {
        const r = h.getBoundingClientRect();
        return `${r.width}x${r.height}`;
      }),
    );
    expect(boxes).toHaveLength(rows.length);
    expect(new Set(boxes).size).toBe(1);
    const markers = page.locator('xinjian-badge');
    const shots = await Promise.all(rows.map((_, i) => markers.nth(i).screenshot()));
    for (const shot of shots) expect(shot.equals(shots[0] as Buffer)).toBe(true);
  });

  it('cannot restyle what the officer reads (a red 不通过 turned green)', async () => {
    const page = await pages.open('/x/render/restyle', html);
    await checkedAll('/x/render/restyle', subjects.length);
    await openCard(page, FAIL.subject.name);
    const frame = cardFrame(page) as Frame;
    const element = await frame.frameElement();
    const before = await element.screenshot();
    const verdictColour = () =>
      frame.evaluate(() => getComputedStyle(document.querySelector('.verdict-line') as Element).color);
    const colour = await verdictColour();
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = `xinjian-badge, xinjian-frame, xinjian-frame *, iframe, span {
        filter: hue-rotate(120deg) !important; color: #0a0 !important; background: #0a0 !important; opacity: .5 !important; }`;
      document.head.append(style);
    });
    expect(await verdictColour()).toBe(colour);
    expect((await element.screenshot()).equals(before)).toBe(true);
  });
});

describe('the page cannot open a card', () => {
  const html = bidderTable('开标记录', [PASS, FAIL]);

  it('by synthetic pointer, key and focus events, or by moving a marker under the pointer', async () => {
    const page = await pages.open('/x/render/synthetic', html);
    await checkedAll('/x/render/synthetic', 2);
    await page.mouse.move(300, 300);
    await page.evaluate(() => {
      const host = document.querySelector('xinjian-badge') as HTMLElement;
      const init = { bubbles: true, composed: true, cancelable: true, clientX: 300, clientY: 300 };
      for (const type of [
        'pointerover',
        'pointerenter',
        'mouseover',
        'mouseenter',
        'pointerdown',
        'mousedown',
        'pointerup',
        'mouseup',
        'click',
      ])
        host.dispatchEvent(
          type.startsWith('pointer') ? new PointerEvent(type, init) : new MouseEvent(type, init),
        );
      for (const key of ['Enter', ' ']) host.dispatchEvent(new KeyboardEvent('keydown', { ...init, key }));
      host.dispatchEvent(new FocusEvent('focus'));
      host.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
      host.click();
      host.focus();
      // Under the resting pointer, on top of everything.
      Object.assign(host.style, { position: 'fixed', left: '290px', top: '290px', zIndex: '2147483647' });
    });
    // The officer's pointer twitches: a real hover over the moved marker.
    await page.mouse.move(299, 299);
    await page.mouse.move(300, 300);
    // Longer than any hover delay the extension ever had (200 ms).
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    expect(await page.locator('xinjian-frame').count()).toBe(0);
    expect(await shown(page)).toBeNull();
    // The marker's own !important rules kept it in its cell: the page could not move it.
    const box = await page.locator('xinjian-badge').first().boundingBox();
    expect(box?.x).not.toBe(290);
    // The officer's own click on the same marker does open it.
    await page.locator('xinjian-badge').first().click();
    await until(
      () => shown(page),
      (s) => s?.view === 'card',
      'the card after a real click',
    );
  });
});

describe('the keyboard', () => {
  it('moves one frame along with fast tabbing, opens on Enter and gives the focus back on Escape', async () => {
    const subjects = [PASS, FAIL, REVIEW];
    const page = await pages.open('/x/render/keys', bidderTable('开标记录', subjects));
    await checkedAll('/x/render/keys', subjects.length);
    await tabTo(page, PASS.subject.name);
    for (let i = 0; i < 2; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    const card = await until(
      () => shown(page),
      (s) => s?.view === 'card' && s.text.includes(FAIL.subject.name),
      'the card of the marker that had the focus',
    );
    expect(card?.text).not.toContain(PASS.subject.name);
    expect(page.frames().filter((f) => new URL(f.url()).pathname === '/card.html')).toHaveLength(1);
    expect(await page.locator('xinjian-frame').count()).toBe(1);
    await page.keyboard.press('Escape');
    // The focus is back on the marker: its preview shows again.
    const back = await until(
      () => shown(page),
      (s) => s?.view === 'preview',
      'the preview after Escape',
    );
    expect(back?.text).toContain(FAIL.subject.name);
  });
});

describe('the consent dialog', () => {
  it('takes the officer’s typing where page key listeners cannot hear it', async () => {
    const LISTEN = `(() => {
      const heard = [];
      for (const target of [window, document])
        for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput'])
          target.addEventListener(type, (e) => heard.push(type + ':' + (e.key ?? e.data ?? '')), true);
      Object.defineProperty(window, '__heard', { value: heard });
    })();`;
    const page = await browser.context.newPage();
    await page.addInitScript({ content: LISTEN });
    await page.goto(`${mockUrl}/demo/loan-review`);
    await until(
      () => page.locator('xinjian-badge').count(),
      (n) => n === 2,
      'two loan markers',
    );
    await page.bringToFront();
    await tabTo(page, '申请人');
    await page.keyboard.press('Enter');
    const frame = await until(
      async () => cardFrame(page),
      (f) => f !== undefined,
      'the card frame',
    );
    await frame?.locator('input[name="reference"]').waitFor();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    const reference = 'QZ-7394-XK';
    await page.keyboard.type(reference);
    expect(await frame?.locator('input[name="reference"]').inputValue()).toBe(reference);
    const heard = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
    expect(heard.some((h) => h.startsWith('keydown:Enter'))).toBe(true); // the page did hear the page's keys
    for (const ch of new Set(reference)) expect(heard.filter((h) => h.endsWith(`:${ch}`))).toEqual([]);
    expect(heard.filter((h) => h.startsWith('input') || h.startsWith('beforeinput'))).toEqual([]);
  });
});

describe('the host page keeps its layout', () => {
  const demo = readFileSync(join(import.meta.dirname, '../../seeds/pages/bid-opening.html'), 'utf8');

  for (const width of [1280, 800]) {
    it(`at ${width} px the bid table keeps its width and grows at most one line per badged cell`, async () => {
      await browser.context.route(`${BASELINE_ORIGIN}/demo/bid-opening`, (route) =>
        route.fulfill({ contentType: 'text/html; charset=utf-8', body: demo }),
      );
      const measure = (page: Page) =>
        page.evaluate(() => {
          const table = document.querySelector('table') as HTMLTableElement;
          const container = table.parentElement as HTMLElement;
          const cell = table.querySelector('tbody td') as HTMLElement;
          return {
            table: table.getBoundingClientRect().width,
            container: container.getBoundingClientRect().width,
            height: document.documentElement.scrollHeight,
            sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
            line: Number.parseFloat(getComputedStyle(cell).lineHeight) || cell.getBoundingClientRect().height,
            badgedCells: new Set([...document.querySelectorAll('xinjian-badge')].map((h) => h.closest('td')))
              .size,
          };
        });
      const base = await browser.context.newPage();
      await base.setViewportSize({ width, height: 900 });
      await base.goto(`${BASELINE_ORIGIN}/demo/bid-opening`);
      const before = await measure(base);
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${mockUrl}/demo/bid-opening`);
      await checkedAll('/demo/bid-opening', 15);
      await until(
        () => page.locator('xinjian-badge').count(),
        (n) => n >= 13,
        'the markers',
      );
      const after = await measure(page);
      expect(after.badgedCells).toBeGreaterThanOrEqual(13);
      expect(after.table).toBeLessThanOrEqual(before.table + 0.5);
      expect(after.table).toBeLessThanOrEqual(after.container + 0.5);
      expect(after.sideways).toBe(before.sideways);
      expect(after.height - before.height).toBeLessThanOrEqual(after.badgedCells * after.line);
      await browser.context.unroute(`${BASELINE_ORIGIN}/demo/bid-opening`);
    });
  }
});

describe('dark mode', () => {
  /** WCAG contrast of two `rgb()` colours. */
  const contrast = (a: string, b: string): number => {
    const lum = (c: string) => {
      const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
        const s = Number(v) / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };

  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: the card's text meets 4.5:1 against its background`, async () => {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(pages.serve(`/x/render/${scheme}`, bidderTable('开标记录', [PASS, FAIL, REVIEW])));
      await checkedAll(`/x/render/${scheme}`, 3);
      await openCard(page, FAIL.subject.name);
      const pairs = (await cardFrame(page)?.evaluate(() => {
        const opaque = (el: Element | null): string => {
          for (let e = el; e; e = e.parentElement) {
            const bg = getComputedStyle(e).backgroundColor;
            if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
          }
          return 'rgb(255, 255, 255)';
        };
        return [...document.querySelectorAll('#app *')]
          .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim()))
          .map((el) => ({
            text: (el.textContent ?? '').slice(0, 20),
            fg: getComputedStyle(el).color,
            bg: opaque(el),
          }));
      })) as Array<{ text: string; fg: string; bg: string }>;
      expect(pairs.length).toBeGreaterThan(10);
      const cardBg = pairs[0]?.bg ?? '';
      // The scheme took effect: a dark card is dark, a light one light.
      expect(contrast(cardBg, scheme === 'dark' ? 'rgb(0, 0, 0)' : 'rgb(255, 255, 255)')).toBeLessThan(2);
      const low = pairs.filter((p) => contrast(p.fg, p.bg) < 4.5);
      expect(low).toEqual([]);
      // axe-core in the frame too: no serious or critical violation in the open card.
      const axe = await new AxeBuilder({ page }).analyze();
      const frameUrl = cardFrame(page)?.url() ?? '';
      expect(axe.passes.length).toBeGreaterThan(0);
      expect(
        axe.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
      ).toEqual([]);
      expect(frameUrl).not.toBe('');
    });
  }
});

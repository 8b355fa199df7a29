/**
 * Lookups of the built extension in Chromium, counted in the mock's request journal: exactly
 * ceil(distinct / 100) batch requests on a cold page of any size, every id in one of them, none
 * on a reload within the cache lifetime, and the content script's phase measures on the page's
 * timeline with no data in them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { distinctBidders } from '../../seeds/pages.ts';
import { clearRatingCache } from '../bench/lib/browser.ts';
import { type ExtensionBrowser, launchWithExtension, tabRecord, until } from './browser.ts';

const mockUrl = inject('mockUrl');
let browser: ExtensionBrowser;

interface Entry {
  seq: number;
  method: string;
  path: string;
  body: unknown;
}

async function journal(): Promise<Entry[]> {
  return ((await (await fetch(`${mockUrl}/__mock/journal`)).json()) as { data: Entry[] }).data;
}

/** The ids of each ratings batch request after journal entry `after`. */
async function batchesAfter(after: number): Promise<string[][]> {
  return (await journal())
    .filter((e) => e.seq > after && e.method === 'POST' && e.path === '/v1/ratings/batch')
    .map((e) => (e.body as { ids: string[] }).ids);
}

const lastSeq = async () => (await journal()).at(-1)?.seq ?? 0;

/** Opens the bidder page of `rows` rows and waits until no subject is still checking. */
async function settledPage(page: Page, rows: number, tag: string): Promise<void> {
  const url = `bidders?n=${rows}&run=${tag}`;
  await page.goto(`${mockUrl}/demo/${url}`);
  const distinct = distinctBidders(rows).length;
  await until(
    () => tabRecord(browser.worker, url),
    (r) => r.subjects.length === distinct && r.subjects.every((s) => s.result.state !== 'checking'),
    `every bidder of ${url} checked`,
    60_000,
  );
}

beforeAll(async () => {
  browser = await launchWithExtension(inject('extensionDir'));
  await fetch(`${mockUrl}/__mock/reset`, { method: 'POST' });
});

afterAll(async () => {
  await browser?.close();
});

describe('lookups at the network pace', () => {
  it.each([
    [2, 'one part-filled batch'],
    [250, 'two batches'],
    [1000, 'five full batches'],
  ])('%i rows: ceil(distinct / 100) requests (%s), each id once, 0 on a reload', async (rows) => {
    const distinct = distinctBidders(rows).length;
    await clearRatingCache(browser);
    const before = await lastSeq();
    const page = await browser.context.newPage();
    await settledPage(page, rows, `cold-${rows}`);
    const batches = await batchesAfter(before);
    expect(batches).toHaveLength(Math.ceil(distinct / 100));
    // No 8 + 92 splits: every batch is full but the last.
    expect(batches.slice(0, -1).every((ids) => ids.length === 100)).toBe(true);
    const ids = batches.flat();
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(distinctBidders(rows).map((e) => e.subject.uscc)));

    const reloaded = await lastSeq();
    await page.reload();
    await settledPage(page, rows, `cold-${rows}`);
    expect(await batchesAfter(reloaded)).toEqual([]);
    await page.close();
  });

  it('puts xinjian:scan, xinjian:lookup and xinjian:render on the timeline, and xinjian:settled marks, with no data', async () => {
    await clearRatingCache(browser);
    const page = await browser.context.newPage();
    await settledPage(page, 250, 'marks');
    // Read from the page's own world: what the hosting page could see.
    const measures = await until(
      () =>
        page.evaluate(() =>
          performance
            .getEntriesByType('measure')
            .filter((m) => m.name.startsWith('xinjian:'))
            .map((m) => ({ name: m.name, detail: (m as PerformanceMeasure).detail, duration: m.duration })),
        ),
      (list) => new Set(list.map((m) => m.name)).size === 3,
      'the three phase measures',
    );
    expect(new Set(measures.map((m) => m.name))).toEqual(
      new Set(['xinjian:scan', 'xinjian:lookup', 'xinjian:render']),
    );
    expect(measures.every((m) => m.detail === null && m.duration >= 0)).toBe(true);
    // The one mark says when every subject read had its answer, nothing about any answer.
    const marks = await page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('xinjian'))
        .map((m) => ({ name: m.name, detail: (m as PerformanceMark).detail })),
    );
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.name === 'xinjian:settled' && m.detail === null)).toBe(true);
    await page.close();
  });
});

// @vitest-environment node

import type { BatchRatingItem } from '@xinjian/sdk';
import { createClient } from '@xinjian/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RunningMockServer } from '../../../../mock-server/src/index.ts';
import { DEMO_API_KEY } from '../../../../seeds/schema.ts';
import {
  CACHE_MARKER_KEY,
  CACHE_PREFIX,
  type SessionArea,
  SessionRatingCache,
} from '../../background/session-cache.ts';
import { defaultSettings, saveSettings } from '../../settings.ts';
import type { PageSubject, TabRecord } from '../model.ts';
import { codeSubject } from '../subjects.ts';
import { createRatingQueue } from './rating-queue.ts';
import { emptyTabRecord, startBulkMock } from './test-record.ts';

// Chrome's storage.session quota.
const QUOTA_BYTES = 10 * 1024 * 1024;
const SUBJECTS = 5_000;

let server: RunningMockServer;
let usccs: string[];

type JournalEntry = { method: string; path: string; status: number | null };
async function ratingBatches(): Promise<number> {
  const body = (await (await fetch(`${server.url}/__mock/journal`)).json()) as { data: JournalEntry[] };
  return body.data.filter((e) => e.path === '/v1/ratings/batch').length;
}
async function ratingBatchSizes(): Promise<number[]> {
  const body = (await (await fetch(`${server.url}/__mock/journal`)).json()) as {
    data: Array<JournalEntry & { body: { ids?: string[] } | null }>;
  };
  return body.data.filter((e) => e.path === '/v1/ratings/batch').map((e) => e.body?.ids?.length ?? 0);
}
async function clearJournal(): Promise<void> {
  await fetch(`${server.url}/__mock/journal`, { method: 'DELETE' });
}

// Bytes storage.session holds now, counted the way its quota is (JSON of key and value).
async function storedBytes(): Promise<number> {
  const all = await fakeBrowser.storage.session.get(null);
  return Object.entries(all).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
}

/**
 * What the content script does on a 10,000-row page of 5,000 bidders: a tab record, then one
 * lookup message per frame, of uneven sizes that do not line up with the batch size.
 */
async function loadPage(tabId: number): Promise<void> {
  const { startTabRecord } = await import('./tabs.ts');
  const { lookupForTab } = await import('./lookups.ts');
  startTabRecord(emptyTabRecord(tabId, `http://127.0.0.1/demo/bidders?n=10000&tab=${tabId}`));
  const subjects: PageSubject[] = usccs.map((u) => codeSubject('uscc', u));
  const messages: Array<Promise<unknown>> = [];
  for (let i = 0, size = 37; i < subjects.length; i += size, size = (size * 7) % 290 || 53) {
    messages.push(lookupForTab(tabId, 0, subjects.slice(i, i + size), { more: i + size < subjects.length }));
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(messages);
}

beforeAll(async () => {
  ({ server, usccs } = await startBulkMock(SUBJECTS + 100));
  usccs = usccs.slice(0, SUBJECTS);
}, 60_000);
afterAll(() => server.close());
beforeEach(async () => {
  fakeBrowser.reset();
  vi.resetModules();
  await clearJournal();
});

describe('a 5,000-bidder page', () => {
  it('fits storage.session, batches by 100 across messages, and survives a worker restart', async () => {
    expect(usccs).toHaveLength(SUBJECTS);
    // storage.session with Chrome's quota: a write past it fails as Chrome's does.
    const session = fakeBrowser.storage.session;
    const realSet = session.set.bind(session);
    let quotaErrors = 0;
    vi.spyOn(session, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      const all = { ...(await session.get(null)), ...items };
      const bytes = Object.entries(all).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
      if (bytes > QUOTA_BYTES) {
        quotaErrors++;
        throw new Error('Session storage quota bytes exceeded. Values were not stored.');
      }
      await realSet(items);
    });
    await saveSettings({ ...defaultSettings(), api: { baseUrl: server.url, key: DEMO_API_KEY } });
    const { getTabRecord } = await import('./tabs.ts');
    const { ratingCache } = await import('../../background/session-cache.ts');
    const tabId = 7;
    await loadPage(tabId);

    expect(await ratingBatches()).toBe(Math.ceil(SUBJECTS / 100));
    const record = (await getTabRecord(tabId)) as TabRecord;
    expect(record.subjects.filter((s) => s.result.state === 'done')).toHaveLength(SUBJECTS);

    // Everything is written: the slim record and the cache mirror, within the quota.
    await ratingCache().settle();
    await vi.waitFor(
      async () => {
        const stored = (await session.get(`tab:${tabId}`))[`tab:${tabId}`] as TabRecord | undefined;
        expect(stored?.subjects.filter((s) => s.result.state === 'done')).toHaveLength(SUBJECTS);
      },
      { timeout: 20_000, interval: 50 },
    );
    expect(quotaErrors).toBe(0);
    const bytes = await storedBytes();
    // Slim record (~1 KB a subject) plus the cache's 3 MiB: room left for other tabs.
    expect(bytes).toBeLessThan(0.85 * QUOTA_BYTES);
    const stored = (await session.get(`tab:${tabId}`))[`tab:${tabId}`] as TabRecord;
    expect(JSON.stringify(stored).length / SUBJECTS).toBeLessThan(1_150);
    const cached = Object.keys(await session.get(null)).filter((k) => k.startsWith(CACHE_PREFIX));
    expect(cached.length).toBeGreaterThan(500);
    expect(cached.length).toBeLessThan(SUBJECTS);

    // The side panel reads the full record from the worker: every field is still there.
    const full = record.subjects.at(-1)?.result;
    expect(full?.state === 'done' && full.summary.sources.length).toBeGreaterThan(0);
    expect(full?.state === 'done' && full.screening.checked.length).toBeGreaterThan(0);

    // A restarted worker: memory is gone; the record and the newest summaries come back.
    vi.resetModules();
    const restarted = await import('./tabs.ts');
    const again = (await restarted.getTabRecord(tabId)) as TabRecord;
    expect(again.subjects).toHaveLength(SUBJECTS);
    const last = again.subjects.at(-1);
    expect(last?.subject.key).toBe(record.subjects.at(-1)?.subject.key);
    expect(last?.result.state === 'done' && last.result.summary).toEqual(
      full?.state === 'done' && full.summary,
    );
    expect(last?.result.state === 'done' && last.result.screening).toEqual(
      full?.state === 'done' && full.screening,
    );
    // The oldest summaries left the cache mirror: their verdict, name and grade remain.
    const first = again.subjects[0]?.result;
    const firstFull = record.subjects[0]?.result;
    expect(first?.state === 'done' && first.screening.verdict).toBe(
      firstFull?.state === 'done' && firstFull.screening.verdict,
    );
    expect(first?.state === 'done' && first.summary.subject.name).toBe(
      firstFull?.state === 'done' && firstFull.summary.subject.name,
    );
  }, 120_000);

  // The bench's second load of the 10,000-row page: "asked for 0 of 5000 identifiers and then
  // nothing". Tab records had pushed every cached rating out of storage (they stay in memory),
  // so clearing the cache's keys from storage removed nothing the cache could notice, and the
  // second page was answered from a cache that was meant to be empty.
  it('a page after an outside clear asks the API again, even when the quota had pushed the cache out of storage', async () => {
    await saveSettings({ ...defaultSettings(), api: { baseUrl: server.url, key: DEMO_API_KEY } });
    const { getTabRecord, dropTabRecord } = await import('./tabs.ts');
    const { ratingCache } = await import('../../background/session-cache.ts');
    const session = fakeBrowser.storage.session;
    const cacheKeys = async () =>
      Object.keys(await session.get(null)).filter((k) => k.startsWith(CACHE_PREFIX));

    await loadPage(7);
    expect(await ratingBatches()).toBe(50);
    await ratingCache().settle();
    // What writeRecord does when a big record hits the quota: every mirrored rating leaves storage.
    await ratingCache().evictStorage(Number.POSITIVE_INFINITY);
    expect(ratingCache().persistedBytes).toBe(0);
    await dropTabRecord(7);

    // An outside "clear the rating cache": every `cache:` key removed from storage.
    await session.remove(await cacheKeys());
    await clearJournal();

    await loadPage(8);
    expect(await ratingBatches()).toBe(50);
    const record = (await getTabRecord(8)) as TabRecord;
    expect(record.subjects.filter((s) => s.result.state === 'done')).toHaveLength(SUBJECTS);
    // Let the pending writes land here, not in the next test's storage.
    await ratingCache().settle();
    await vi.waitFor(
      async () => {
        const stored = (await session.get('tab:8'))['tab:8'] as TabRecord | undefined;
        expect(stored?.subjects.filter((s) => s.result.state === 'done')).toHaveLength(SUBJECTS);
      },
      { timeout: 20_000, interval: 50 },
    );
  }, 120_000);
});

describe('SessionRatingCache', () => {
  async function realItems(n: number): Promise<BatchRatingItem[]> {
    const client = createClient({ baseUrl: server.url, apiKey: DEMO_API_KEY, cache: false });
    return Promise.all(usccs.slice(0, n).map((u) => client.ratings.get(u)));
  }

  it('evicts the oldest mirrored entries when the quota is hit, and retries once', async () => {
    const items = await realItems(60);
    const store = new Map<string, unknown>();
    const bytesOf = (m: Map<string, unknown>) =>
      [...m].reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
    // Someone else's data leaves room for about 40 entries, not the 50 the budget allows.
    const one = CACHE_PREFIX.length + 20 + JSON.stringify({ value: items[0], expires: 0, at: 0 }).length;
    const quota = one * 40;
    const sets: number[] = [];
    const area: SessionArea = {
      async get(keys) {
        if (keys === null) return Object.fromEntries(store);
        const list = typeof keys === 'string' ? [keys] : keys;
        return Object.fromEntries(list.filter((k) => store.has(k)).map((k) => [k, store.get(k)]));
      },
      async set(values) {
        const next = new Map([...store, ...Object.entries(values)]);
        sets.push(Object.keys(values).length);
        if (bytesOf(next) > quota) throw new Error('Session storage quota bytes exceeded.');
        for (const [k, v] of Object.entries(values)) store.set(k, v);
      },
      async remove(keys) {
        for (const k of typeof keys === 'string' ? [keys] : keys) store.delete(k);
      },
    };
    const cache = new SessionRatingCache({ area, budgetBytes: one * 50, writeDelayMs: 0 });
    for (const [i, item] of items.slice(0, 30).entries()) await cache.set(`k${i}`, item, 60_000);
    await cache.settle();
    // The marker that lets an outside clear reach memory-only entries, then the entries.
    expect(sets).toEqual([1, 30]);
    for (const [i, item] of items.slice(30).entries()) await cache.set(`k${i + 30}`, item, 60_000);
    await cache.settle();
    // 30 new ones: the budget first evicts the 10 oldest, the quota refuses, a quarter of the
    // budget more goes and the write is tried once more.
    expect(sets).toEqual([1, 30, 30, 30]);
    expect(bytesOf(store)).toBeLessThanOrEqual(quota);
    const kept = [...store.keys()]
      .filter((k) => k !== CACHE_MARKER_KEY)
      .map((k) => Number(k.slice(CACHE_PREFIX.length + 1)))
      .sort((a, b) => a - b);
    expect(kept.at(-1)).toBe(59);
    expect(kept.slice(-30)).toEqual(Array.from({ length: 30 }, (_, i) => 30 + i));
    expect(kept[0]).toBeGreaterThan(9);
    // Evicted from storage, still answered from memory.
    expect(await cache.get('k0')).toEqual(items[0]);
    expect(cache.size).toBe(60);
  });

  it('empties memory when someone else clears the cache keys, unwritten entries included', async () => {
    const items = await realItems(3);
    const cache = new SessionRatingCache({ writeDelayMs: 0 });
    const stop = cache.followStorage();
    await cache.set('a', items[0] as BatchRatingItem, 60_000);
    await cache.set('b', items[1] as BatchRatingItem, 60_000);
    await cache.settle();
    await cache.set('c', items[2] as BatchRatingItem, 60_000);
    expect(await cache.get('c')).toEqual(items[2]);
    const keys = Object.keys(await fakeBrowser.storage.session.get(null));
    expect(keys.sort()).toEqual([`${CACHE_PREFIX}a`, `${CACHE_PREFIX}b`, CACHE_MARKER_KEY].sort());
    await fakeBrowser.storage.session.remove(keys);
    await vi.waitFor(() => expect(cache.size).toBe(0));
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('c')).toBeUndefined();
    stop();
  });

  it('never mirrors more than its budget', async () => {
    const items = await realItems(100);
    const cache = new SessionRatingCache({ budgetBytes: 50_000, writeDelayMs: 0 });
    for (const [i, item] of items.entries()) await cache.set(`k${i}`, item, 60_000);
    await cache.settle();
    expect(cache.persistedBytes).toBeLessThanOrEqual(50_000);
    expect(cache.persistedBytes).toBeGreaterThan(40_000);
    const marker = CACHE_MARKER_KEY.length + JSON.stringify(1).length;
    expect(await storedBytes()).toBe(cache.persistedBytes + marker);
  });
});

describe('createRatingQueue', () => {
  it('sends ceil(distinct / 100) batches for ids spread over many messages', async () => {
    const client = createClient({ baseUrl: server.url, apiKey: DEMO_API_KEY, cache: false });
    const { get } = createRatingQueue((id) => client.ratings.get(id));
    const ids = usccs.slice(0, 500);
    const asked: Array<Promise<BatchRatingItem>> = [];
    for (let i = 0, size = 13; i < ids.length; i += size, size = (size * 5) % 71 || 29) {
      // An id repeated within a message: shared, not asked twice.
      const part = ids.slice(i, i + size);
      for (const id of [...part, part[0] as string]) asked.push(get(id));
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const items = await Promise.all(asked);
    expect(await ratingBatches()).toBe(5);
    expect(new Set(items.map((item) => item.id))).toEqual(new Set(ids));
    expect(items.every((item) => item.status === 'found')).toBe(true);
  });

  it("sends one tab's rest when its scan ends, and holds another tab's for that tab's scan", async () => {
    const client = createClient({ baseUrl: server.url, apiKey: DEMO_API_KEY, cache: false });
    const queue = createRatingQueue((id) => client.ratings.get(id));
    const [first, second] = [usccs.slice(0, 100), usccs.slice(100, 130)];
    // Tab 1 reads a long page; tab 2 a short one that is done while tab 1 still reads.
    queue.expectMore(1);
    const firstHalf = first.slice(0, 50).map((id) => queue.get(id, 1));
    queue.expectMore(2);
    const short = second.map((id) => queue.get(id, 2));
    queue.release(2);
    await Promise.all(short);
    const rest = first.slice(50).map((id) => queue.get(id, 1));
    queue.release(1);
    const items = await Promise.all([...firstHalf, ...rest]);
    expect(items.every((item) => item.status === 'found')).toBe(true);
    // Tab 2's 30 alone, then tab 1's 100 in one: not 80 when tab 2 finished, then 50.
    expect(await ratingBatchSizes()).toEqual([30, 100]);
  });

  it("never holds an id longer than its own tab's hold, and lets ids no scan holds go when idle", async () => {
    const client = createClient({ baseUrl: server.url, apiKey: DEMO_API_KEY, cache: false });
    const queue = createRatingQueue((id) => client.ratings.get(id), { idleMs: 10, maxHoldMs: 300 });
    queue.expectMore(1);
    const held = usccs.slice(0, 20).map((id) => queue.get(id, 1));
    const free = usccs.slice(20, 25).map((id) => queue.get(id));
    await Promise.all(free);
    // The free five went on their own while tab 1 still held its twenty.
    expect(await ratingBatchSizes()).toEqual([5]);
    // Tab 1 never says it is done (its page closed): its ids go when its hold runs out.
    expect((await Promise.all(held)).every((item) => item.status === 'found')).toBe(true);
    expect(await ratingBatchSizes()).toEqual([5, 20]);
  });

  it('sends straight through, one batch per idle window, without the queue', async () => {
    const client = createClient({ baseUrl: server.url, apiKey: DEMO_API_KEY, cache: false });
    const ids = usccs.slice(0, 500);
    const asked: Array<Promise<BatchRatingItem>> = [];
    for (let i = 0, size = 13; i < ids.length; i += size, size = (size * 5) % 71 || 29) {
      for (const id of ids.slice(i, i + size)) asked.push(client.ratings.get(id));
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    await Promise.all(asked);
    // What the extension did before: more than one request per hundred.
    expect(await ratingBatches()).toBeGreaterThan(5);
  });
});

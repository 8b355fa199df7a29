// @vitest-environment node

// Lookups at the network's pace (issue 14): nothing the background does for its own sake may
// stand between one batch answering and the next being asked.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RunningMockServer } from '../../../../mock-server/src/index.ts';
import { DEMO_API_KEY } from '../../../../seeds/schema.ts';
import type { BackgroundToContent } from '../../messages.ts';
import { defaultSettings, saveSettings } from '../../settings.ts';
import type { PageSubject, TabRecord } from '../model.ts';
import { codeSubject } from '../subjects.ts';
import { emptyTabRecord, startBulkMock } from './test-record.ts';

let server: RunningMockServer;
let usccs: string[];

beforeAll(async () => {
  ({ server, usccs } = await startBulkMock(900));
}, 60_000);
afterAll(() => server.close());
beforeEach(async () => {
  fakeBrowser.reset();
  vi.resetModules();
  await fetch(`${server.url}/__mock/journal`, { method: 'DELETE' });
  await saveSettings({ ...defaultSettings(), api: { baseUrl: server.url, key: DEMO_API_KEY } });
});

function startPage(tabId: number, startTabRecord: (r: TabRecord) => TabRecord): void {
  startTabRecord(emptyTabRecord(tabId, `http://127.0.0.1/demo/bidders?tab=${tabId}`));
}

// What happened, in order: batch requests leaving and answering (seen on the way out, the
// request itself untouched) and writes to storage.session.
type Event = 'ask' | 'answer' | 'write-record' | 'write-cache';
function record(events: Event[], cacheWrites: number[] = []): void {
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const isBatch = url.includes('/v1/ratings/batch');
    if (isBatch) events.push('ask');
    const response = await realFetch(input, init);
    if (isBatch) events.push('answer');
    return response;
  });
  const area = fakeBrowser.storage.session;
  const set = area.set.bind(area);
  vi.spyOn(area, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    const keys = Object.keys(items);
    if (keys.some((k) => k.startsWith('tab:'))) events.push('write-record');
    // The cache's one-byte marker is not a write of entries.
    const entries = keys.filter((k) => k.startsWith('cache:') && k !== 'cache:~held').length;
    if (entries > 0) {
      events.push('write-cache');
      cacheWrites.push(entries);
    }
    return set(items);
  });
}

describe('the stored copies wait while a page’s lookups land', () => {
  it('writes neither the tab record nor cached ratings between the first batch asked and the last answered', async () => {
    const { startTabRecord, getTabRecord } = await import('./tabs.ts');
    const { lookupForTab } = await import('./lookups.ts');
    const { WRITE_SLICE } = await import('../../background/session-cache.ts');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const events: Event[] = [];
    const cacheWrites: number[] = [];
    record(events, cacheWrites);
    const tabId = 5;
    startPage(tabId, startTabRecord);
    // A page read over several frames: one message per 100 subjects, the last says it is done.
    const subjects: PageSubject[] = usccs.slice(0, 800).map((u) => codeSubject('uscc', u));
    const replies: Promise<unknown>[] = [];
    for (let i = 0; i < subjects.length; i += 100) {
      const more = i + 100 < subjects.length;
      replies.push(lookupForTab(tabId, 0, subjects.slice(i, i + 100), { more }));
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(replies);
    // Both copies are written once the lookups are done.
    await vi.waitFor(
      () => {
        expect(events).toContain('write-record');
        expect(events).toContain('write-cache');
      },
      { timeout: 10_000 },
    );
    const asks = events.filter((e) => e === 'ask').length;
    expect(asks).toBe(8);
    const first = events.indexOf('ask');
    const last = events.lastIndexOf('answer');
    const during = events.slice(first, last).filter((e) => e.startsWith('write'));
    expect(during).toEqual([]);
    // And what was written at the end is the whole record.
    await vi.waitFor(async () => {
      const stored = (await fakeBrowser.storage.session.get(`tab:${tabId}`))[`tab:${tabId}`] as TabRecord;
      expect(stored.subjects.filter((s) => s.result.state === 'done')).toHaveLength(800);
    });
    expect((await getTabRecord(tabId))?.subjects).toHaveLength(800);
    // The 800 cached ratings went in slices, each write a short task of its own.
    await vi.waitFor(() => expect(cacheWrites.reduce((a, b) => a + b, 0)).toBe(800));
    expect(Math.max(...cacheWrites)).toBeLessThanOrEqual(WRITE_SLICE);
  }, 30_000);
});

describe('a 联合体 is screened once per landed batch', () => {
  it('screens the consortia once for a batch of 40 members, not once per member', async () => {
    const setConsortia = vi.fn();
    vi.doMock('./tabs.ts', async (importOriginal) => {
      const real = await importOriginal<typeof import('./tabs.ts')>();
      return {
        ...real,
        // Counted on the way through; the record is set as always.
        setConsortia: (...args: Parameters<typeof real.setConsortia>) => {
          setConsortia();
          return real.setConsortia(...args);
        },
      };
    });
    const { startTabRecord, getTabRecord } = await import('./tabs.ts');
    const { lookupForTab } = await import('./lookups.ts');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const tabId = 6;
    startPage(tabId, startTabRecord);
    // Ten 联合体 of four members each, and 40 bidders of their own: one batch of 80.
    const members: PageSubject[] = usccs.slice(0, 40).map((u, i) =>
      codeSubject('uscc', u, {
        role: 'consortium_member',
        consortium: { id: `c${Math.floor(i / 4)}`, name: `联合体${Math.floor(i / 4)}` },
      }),
    );
    const alone = usccs.slice(40, 80).map((u) => codeSubject('uscc', u, { role: 'bidder' }));
    await lookupForTab(tabId, 0, [...members, ...alone]);
    const record = await getTabRecord(tabId);
    expect(record?.consortia).toHaveLength(10);
    expect(record?.consortia.every((c) => c.screening !== null)).toBe(true);
    // One batch answered: its members are screened together, then once more at the reply at most.
    expect(setConsortia.mock.calls.length).toBeLessThanOrEqual(2);
    vi.doUnmock('./tabs.ts');
  }, 30_000);
});

describe('the scan’s last message releases the part-filled batch whatever order it is handled in', () => {
  // A restarted worker reads the tab record back from storage for each message that arrives;
  // the first read also fills the record's summaries from the cache, so a later message can
  // finish its read first. When the scan's last message (`more: false`) overtook the one
  // before it, that one's `more: true` came after the release and held its rest for 5 s.
  it('asks for the rest of a page read by a restarted worker without waiting for the hold', async () => {
    {
      const { startTabRecord } = await import('./tabs.ts');
      startPage(8, startTabRecord);
      await vi.waitFor(async () =>
        expect((await fakeBrowser.storage.session.get('tab:8'))['tab:8']).toMatchObject({ tabId: 8 }),
      );
    }
    // The worker restarts: its memory is gone, storage stays.
    vi.resetModules();
    const { lookupForTab } = await import('./lookups.ts');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const events: Event[] = [];
    record(events);
    const subjects: PageSubject[] = usccs.slice(0, 150).map((u) => codeSubject('uscc', u));
    // A frame's 150 subjects, then the scan's end with nothing more: sent back to back.
    const first = lookupForTab(8, 0, subjects, { more: true });
    const last = lookupForTab(8, 0, [], { more: false });
    await last;
    // Nothing is left to come: a second, part-filled batch goes before a hold of a second
    // could end (the hold is 5 s; the two asks take a few milliseconds here).
    const order: string[] = [];
    const held = new Promise<void>((resolve) =>
      setTimeout(() => {
        order.push('a second passed');
        resolve();
      }, 1_000),
    );
    const asked = vi
      .waitFor(() => expect(events.filter((e) => e === 'ask')).toHaveLength(2), { timeout: 6_000 })
      .then(() => order.push('rest asked'));
    await Promise.all([held, asked]);
    expect(order).toEqual(['rest asked', 'a second passed']);
    const results = await first;
    expect(results.every((r) => r.result.state === 'done')).toBe(true);
  }, 30_000);
});

describe('a batch’s answers are screened after the next batch is asked', () => {
  it('asks for the fifth batch before any answer of the first is screened', async () => {
    const { startTabRecord, getTabRecord } = await import('./tabs.ts');
    const { lookupForTab } = await import('./lookups.ts');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const tabId = 9;
    startPage(tabId, startTabRecord);
    const page = (await getTabRecord(tabId)) as TabRecord;
    // How many answers were screened into the record when each batch request left.
    const screenedAtAsk: number[] = [];
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('/v1/ratings/batch'))
        screenedAtAsk.push(page.subjects.filter((s) => s.result.state === 'done').length);
      return realFetch(input, init);
    });
    // Eight batches at four in flight: the fifth leaves when the first answers.
    await fetch(`${server.url}/__mock/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: 40 }),
    });
    try {
      const subjects = usccs.slice(0, 800).map((u) => codeSubject('uscc', u));
      await lookupForTab(tabId, 0, subjects);
    } finally {
      await fetch(`${server.url}/__mock/config`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ latencyMs: 0 }),
      });
    }
    expect(screenedAtAsk).toHaveLength(8);
    expect(screenedAtAsk.slice(0, 4)).toEqual([0, 0, 0, 0]);
    // The first answers wait for the next request to be on its way, not the other way round.
    expect(screenedAtAsk[4]).toBe(0);
  }, 30_000);
});

describe('each result crosses to the tab once', () => {
  it('pushes what it looked up and replies with what it already knew, never both', async () => {
    const { startTabRecord } = await import('./tabs.ts');
    const { lookupForTab } = await import('./lookups.ts');
    const pushed = new Map<string, number>();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_tab: number, m: unknown) => {
      const message = m as BackgroundToContent;
      if (message.type === 'bg:results')
        for (const { key, result } of message.results)
          if (result.state !== 'checking') pushed.set(key, (pushed.get(key) ?? 0) + 1);
      return undefined;
    });
    const tabId = 10;
    startPage(tabId, startTabRecord);
    const subjects = usccs.slice(0, 100).map((u) => codeSubject('uscc', u));
    // A batch of 100 new subjects: each answer was pushed as it landed, the reply repeats none.
    const first = await lookupForTab(tabId, 0, subjects);
    await vi.waitFor(() => expect(pushed.size).toBe(100));
    expect(first).toEqual([]);
    // Ten of them again (a rescan finds them): known already, so they come in the reply.
    const again = await lookupForTab(tabId, 0, subjects.slice(0, 10));
    expect(again).toHaveLength(10);
    expect(again.every((r) => r.result.state === 'done')).toBe(true);
    expect([...pushed.values()].every((n) => n === 1)).toBe(true);
  }, 30_000);
});

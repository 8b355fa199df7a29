// @vitest-environment node

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { magicSubject } from '../../../../mock-server/src/helpers.ts';
import type { RunningMockServer } from '../../../../mock-server/src/index.ts';
import { DEMO_API_KEY, type SeedData } from '../../../../seeds/schema.ts';
import type { BackgroundToContent } from '../../messages.ts';
import { defaultSettings, saveSettings } from '../../settings.ts';
import type { PageSubject, SubjectResult } from '../model.ts';
import { codeSubject } from '../subjects.ts';
import { emptyTabRecord, startBulkMock } from './test-record.ts';

let server: RunningMockServer;
let seeds: SeedData;
let usccs: string[];

async function ratingBatches(): Promise<number> {
  const body = (await (await fetch(`${server.url}/__mock/journal`)).json()) as {
    data: Array<{ path: string }>;
  };
  return body.data.filter((e) => e.path === '/v1/ratings/batch').length;
}

beforeAll(async () => {
  ({ server, seeds, usccs } = await startBulkMock(400));
}, 60_000);
afterAll(() => server.close());
beforeEach(async () => {
  fakeBrowser.reset();
  vi.resetModules();
  await fetch(`${server.url}/__mock/journal`, { method: 'DELETE' });
  await saveSettings({ ...defaultSettings(), api: { baseUrl: server.url, key: DEMO_API_KEY } });
});

const answered = (r: SubjectResult | undefined) =>
  r !== undefined && r.state !== 'checking' && r.state !== 'idle';

// "200 lookups show per-badge 检查中, and the popup bar stays at 0/100 until everything arrives
// at once": the answers of a message's first batch waited for its last one.
describe('answers reach the page and the popup as each batch answers', () => {
  it('the first batch is counted and pushed while a slow second batch is still out', async () => {
    const { startTabRecord, getTabRecord } = await import('./tabs.ts');
    const { lookupForTab } = await import('./lookups.ts');
    const tabId = 3;
    startTabRecord(emptyTabRecord(tabId));
    // One message of 200 subjects (a page read in one frame): two batches, the second held up
    // 2 s by the one subject the mock server answers slowly.
    const codes = [...usccs.slice(0, 150), magicSubject('magic:slow', seeds), ...usccs.slice(150, 199)];
    const subjects: PageSubject[] = codes.map((u) => codeSubject('uscc', u));

    // What the popup and side panel see: the record, fetched again on each notice or write.
    const seenByPages: number[] = [];
    const count = async () => {
      const record = await getTabRecord(tabId);
      seenByPages.push(record?.subjects.filter((s) => answered(s.result)).length ?? 0);
    };
    fakeBrowser.storage.session.onChanged.addListener((changes) => {
      if (changes[`tab:${tabId}`]) void count();
    });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (m: unknown) => {
      if ((m as { type?: string }).type === 'bg:tab' && (m as { tabId?: number }).tabId === tabId)
        void count();
      return undefined;
    });
    // What the content script is sent: answers, in few messages.
    const pushed = new Map<string, SubjectResult>();
    let messages = 0;
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_id: number, m: unknown) => {
      const message = m as BackgroundToContent;
      if (message.type !== 'bg:results') return undefined;
      messages++;
      for (const { key, result } of message.results) pushed.set(key, result);
      return undefined;
    });

    let replied = false;
    const reply = lookupForTab(tabId, 0, subjects).then((r) => {
      replied = true;
      return r;
    });
    const pushedAnswers = () => [...pushed.values()].filter(answered).length;
    await vi.waitFor(() => expect(pushedAnswers()).toBeGreaterThanOrEqual(100), { timeout: 1_500 });
    expect(replied).toBe(false);
    const partial = seenByPages.filter((n) => n > 0 && n < codes.length);
    expect(partial.length).toBeGreaterThan(0);
    expect(pushedAnswers()).toBeLessThan(codes.length);

    // Every answer came by push; the reply repeats none of them (decision 0071).
    const results = await reply;
    expect(results).toEqual([]);
    await vi.waitFor(() => expect(pushedAnswers()).toBe(codes.length));
    // Pushed by the frame, not one message per subject; and no request more than the batches.
    expect(messages).toBeLessThan(20);
    expect(await ratingBatches()).toBe(2);
  }, 30_000);
});

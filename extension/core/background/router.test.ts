import { NotFoundError } from '@xinjian/sdk';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentToBackgroundMap, PageToBackgroundMap } from '../messages.ts';
import { type Handlers, listenInBackground } from './router.ts';

const EXTENSION_PAGE = 'chrome-extension://test-extension-id/popup.html';
const WEB_PAGE = 'http://127.0.0.1:8787/demo/bid-opening';

beforeEach(() => fakeBrowser.reset());

const refuse = () => {
  throw new Error('must not be called');
};
const content = {
  'cs:hello': async (m: { url: string }) => ({
    mode: 'procurement',
    lookup: 'auto',
    language: 'zh-CN',
    cutoff: { readFromPage: true, fixedDate: null },
    url: m.url,
  }),
  'cs:page': refuse,
  'cs:lookup': refuse,
  'cs:pick': refuse,
  'cs:open-report': refuse,
} as unknown as Handlers<ContentToBackgroundMap>;
const pages = {
  'page:get-tab': async () => {
    throw new NotFoundError(404, undefined, { method: 'GET', path: '/v1/x', requestId: 'req_1' });
  },
  'page:site-status': async () => ({ pattern: 'http://127.0.0.1/*', site: null, granted: true }),
} as unknown as Handlers<PageToBackgroundMap>;

async function deliver(message: unknown, sender: Record<string, unknown>): Promise<unknown> {
  let reply: unknown = 'no reply';
  const replied = new Promise<void>((resolve) => {
    void fakeBrowser.runtime.onMessage
      .trigger(message, { id: fakeBrowser.runtime.id, ...sender }, (r: unknown) => {
        reply = r;
        resolve();
      })
      .then((results: unknown[]) => {
        if (!results.includes(true)) resolve();
      });
  });
  await replied;
  return reply;
}

describe('listenInBackground', () => {
  it('answers a content script in a tab', async () => {
    listenInBackground(content, pages);
    const reply = await deliver(
      { type: 'cs:hello', url: WEB_PAGE },
      { tab: { id: 3 }, frameId: 0, url: WEB_PAGE },
    );
    expect(reply).toMatchObject({ ok: true, value: { mode: 'procurement', url: WEB_PAGE } });
  });

  it('never lets a web page reach the page-only handlers', async () => {
    listenInBackground(content, pages);
    expect(
      await deliver({ type: 'page:site-status', url: WEB_PAGE }, { tab: { id: 3 }, url: WEB_PAGE }),
    ).toBe('no reply');
  });

  it('answers extension pages, and refuses their content-script messages', async () => {
    listenInBackground(content, pages);
    expect(await deliver({ type: 'page:site-status', url: WEB_PAGE }, { url: EXTENSION_PAGE })).toMatchObject(
      {
        ok: true,
        value: { granted: true },
      },
    );
    expect(await deliver({ type: 'cs:hello', url: WEB_PAGE }, { url: EXTENSION_PAGE })).toBe(
      'no reply',
    );
  });

  it('ignores other extensions', async () => {
    listenInBackground(content, pages);
    expect(
      await deliver({ type: 'page:site-status', url: WEB_PAGE }, { id: 'someone-else', url: EXTENSION_PAGE }),
    ).toBe('no reply');
  });

  it('sends a thrown SDK error across as a serialised copy', async () => {
    listenInBackground(content, pages);
    expect(await deliver({ type: 'page:get-tab', tabId: 1 }, { url: EXTENSION_PAGE })).toEqual({
      ok: false,
      error: expect.objectContaining({
        name: 'NotFoundError',
        status: 404,
        requestId: 'req_1',
        method: 'GET',
      }),
    });
  });
});

/**
 * The background's message router: one handler per message type, typed by the maps in
 * lib/messages.ts. Replies are envelopes; a thrown error crosses as `serializeError(e)`.
 */

import { serializeError } from '@xinjian/sdk';
import { browser } from 'wxt/browser';
import type { ContentToBackgroundMap, PageToBackgroundMap } from '../messages.ts';

/** What a handler learns about the sender. */
export interface SenderInfo {
  tabId: number | null;
  frameId: number | null;
  url: string | null;
}

/** Handlers for every message of one direction. */
export type Handlers<M> = {
  [K in keyof M]: (
    request: { type: K } & (M[K] extends { request: infer R } ? R : never),
    sender: SenderInfo,
  ) =>
    | Promise<M[K] extends { response: infer R } ? R : never>
    | (M[K] extends { response: infer R } ? R : never);
};

/**
 * Installs the background's message router. Content-script messages are only accepted from
 * tabs, page messages only from the extension's own pages, so a web page's script cannot
 * reach the page-only handlers (which hold the key) through a content script.
 */
export function listenInBackground(
  content: Partial<Handlers<ContentToBackgroundMap>>,
  pages: Partial<Handlers<PageToBackgroundMap>>,
): () => void {
  const extensionOrigin = browser.runtime.getURL('/');
  const listener = (
    message: unknown,
    sender: { id?: string; tab?: { id?: number }; frameId?: number; url?: string },
    sendResponse: (reply: unknown) => void,
  ): true | undefined => {
    if (sender.id !== browser.runtime.id || !isMessage(message)) return undefined;
    const fromPage = typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
    const info: SenderInfo = {
      tabId: sender.tab?.id ?? null,
      frameId: sender.frameId ?? null,
      url: sender.url ?? null,
    };
    let handler: ((m: never, s: SenderInfo) => unknown) | undefined;
    if (message.type.startsWith('cs:') && !fromPage && info.tabId !== null) {
      handler = (content as Record<string, (m: never, s: SenderInfo) => unknown>)[message.type];
    } else if (message.type.startsWith('page:') && fromPage) {
      handler = (pages as Record<string, (m: never, s: SenderInfo) => unknown>)[message.type];
    }
    if (!handler) return undefined;
    Promise.resolve()
      .then(() => handler(message as never, info))
      .then(
        (value) => sendResponse({ ok: true, value: value ?? null }),
        (error: unknown) => sendResponse({ ok: false, error: serializeError(error) }),
      );
    return true;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

function isMessage(m: unknown): m is { type: string } {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}

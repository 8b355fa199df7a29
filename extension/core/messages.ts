/**
 * Typed messages between the extension's contexts, one union per direction (Dark Reader's
 * `MessageTypeCStoBG` habit): content script → background, extension page (popup, side panel,
 * options) → background, and background → content script. One `send()` for the first two,
 * one `sendToTab()` for the third. Errors cross as serialised SDK errors (`serializeError`);
 * the SDK's guards (`isRateLimitError`, …) and `describeError` read them by name, so the
 * receiving side needs no error classes (the content script stays small).
 *
 * The maps are interfaces so that a mode adds its own messages from its folder, by declaration
 * merging (modes/loan/messages.ts), without editing this file.
 */

import type { Account, ReadyReport, SerializedError } from '@xinjian/sdk';
import { browser } from 'wxt/browser';
import type { Language } from './i18n.ts';
import type { PageSubject, SubjectResult, TabFacts, TabRecord } from './screening/model.ts';
import type { CutoffSetting, SiteMode, SiteSetting } from './settings.ts';

/**
 * What a content script is told when it starts: whether and how to run on this page. No
 * endpoint and no key: those stay in the background.
 */
export interface ContentSession {
  mode: Exclude<SiteMode, 'off'>;
  lookup: 'auto' | 'click';
  language: Language;
  cutoff: CutoffSetting;
}

/**
 * The result of a quick lookup from the popup: by code, or by name with its candidates.
 */
export interface QuickLookup {
  subject: PageSubject;
  result: SubjectResult;
}

/** Content script → background: request and response of each message type. */
export interface ContentToBackgroundMap {
  /** The script started on a page; answers `null` when the site is not enabled. */
  'cs:hello': { request: { url: string }; response: ContentSession | null };
  /** The page's layout and stated cut-off; starts a fresh tab record. */
  'cs:page': {
    request: {
      url: string;
      title: string;
      layoutId: string | null;
      pageCutoff: string | null;
      /** The page facts the reader found (项目编号, 标段, 采购人, cut-off), each with its source. */
      facts?: TabFacts;
    };
    response: TabRecord['cutoff'];
  };
  /** Look these subjects up; results also arrive as they land, in `bg:results`. */
  'cs:lookup': {
    /** `more`: the scan goes on and more subjects follow, so part-filled batches can wait. */
    request: { subjects: PageSubject[]; more?: boolean };
    response: Array<{ key: string; result: SubjectResult }>;
  };
  /** The user picked one candidate for an ambiguous name. */
  'cs:pick': { request: { key: string; uscc: string }; response: SubjectResult };
  /** Open the side panel on one subject's full report (or one borrower in loan mode). */
  'cs:open-report': { request: { key: string }; response: null };
  /** A mode with its own content-script bundle: inject it into this frame. */
  'cs:start-bundle': { request: Record<never, never>; response: null };
}

/** Extension page → background. */
export interface PageToBackgroundMap {
  'page:get-tab': { request: { tabId: number }; response: TabRecord | null };
  /** Whether the site of `url` is enabled, its mode and whether the host permission is granted. */
  'page:site-status': {
    request: { url: string };
    response: { pattern: string | null; site: SiteSetting | null; granted: boolean };
  };
  /**
   * Enable a site, or one path of it (the page already obtained the host permission), and
   * start on `tabId`. The rule is identified by pattern and path prefix.
   */
  'page:set-site': {
    request: { pattern: string; pathPrefix?: string | undefined; mode: SiteMode; tabId: number | null };
    response: null;
  };
  'page:remove-site': { request: { pattern: string; pathPrefix?: string | undefined }; response: null };
  'page:quick-lookup': { request: { query: string }; response: QuickLookup };
  'page:test-connection': { request: { baseUrl: string; apiKey: string }; response: Account };
  /** Order the enterprise credit report, for the purpose of the tab's mode, and wait for it. */
  'page:order-report': { request: { subjectId: string; tabId?: number | null }; response: ReadyReport };
  'page:open-side-panel': { request: { tabId: number; key: string | null }; response: null };
}

/** Background → content script (progress and retry notifications). */
export interface BackgroundToContentMap {
  /**
   * Results that changed since the last push (a batch answered, a retry finished, a name was
   * resolved): everything that landed within a frame, in one message.
   */
  'bg:results': { request: { results: Array<{ key: string; result: SubjectResult }> }; response: null };
  /** The settings changed: new session, or `null` when the site was switched off. */
  'bg:session': { request: { session: ContentSession | null }; response: null };
}

/** Background → extension pages (popup, side panel): notices, no reply expected. */
export interface BackgroundToPageMap {
  /** The record of a tab changed: a page showing it asks for it again (`page:get-tab`). */
  'bg:tab': { request: { tabId: number }; response: null };
}

type Union<M> = { [K in keyof M]: { type: K } & (M[K] extends { request: infer R } ? R : never) }[keyof M];
type ResponseIn<M, T> = T extends keyof M ? (M[T] extends { response: infer R } ? R : never) : never;

/** Any message a content script sends. */
export type ContentToBackground = Union<ContentToBackgroundMap>;
/** Any message an extension page sends. */
export type PageToBackground = Union<PageToBackgroundMap>;
/** Any message the background sends to a content script. */
export type BackgroundToContent = Union<BackgroundToContentMap>;
/** Any notice the background sends to the extension's pages. */
export type BackgroundToPage = Union<BackgroundToPageMap>;

/**
 * The response type of a message.
 */
export type ResponseOf<T extends { type: string }> = ResponseIn<
  ContentToBackgroundMap & PageToBackgroundMap & BackgroundToContentMap,
  T['type']
>;

/**
 * What crosses the boundary: a value, or a serialised error.
 */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

/**
 * An error thrown by {@link send}: an `Error` carrying every field of the serialised SDK error
 * (`name`, `status`, `code`, `requestId`, …), so the SDK's guards recognise it.
 */
export type RemoteError = Error & SerializedError;

function unwrap<T>(reply: unknown): T {
  const r = reply as Envelope<T> | undefined;
  if (!r || typeof r !== 'object' || !('ok' in r)) throw new Error('[xinjian] no reply from the background');
  if (r.ok) return r.value;
  const error = new Error(r.error.message) as RemoteError;
  Object.assign(error, r.error);
  throw error;
}

/**
 * Sends a message to the background and returns its typed response; a failure there is
 * thrown here as a {@link RemoteError}.
 */
export async function send<M extends ContentToBackground | PageToBackground>(
  message: M,
): Promise<ResponseOf<M>> {
  return unwrap<ResponseOf<M>>(await browser.runtime.sendMessage(message));
}

/**
 * Sends a notification to the content script of one tab (and frame). A tab without a listener
 * (closed, navigated away, site disabled) is not an error.
 */
export async function sendToTab(
  tabId: number,
  message: BackgroundToContent,
  frameId?: number,
): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId });
  } catch {
    // No receiver: nothing to update.
  }
}

/**
 * Sends a notice to the extension's open pages. No page open is not an error.
 */
export async function notifyPages(message: BackgroundToPage): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // No page listening.
  }
}

/**
 * Listens for the background's notices in an extension page; returns the unsubscribe.
 */
export function listenInPage(handler: (message: BackgroundToPage) => void): () => void {
  const listener = (message: unknown, sender: { id?: string }): undefined => {
    if (sender.id !== browser.runtime.id || !isMessage(message) || message.type !== 'bg:tab') return;
    handler(message as BackgroundToPage);
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/**
 * Listens for background notifications in a content script, until `signal` aborts.
 */
export function listenInContent(signal: AbortSignal, handler: (message: BackgroundToContent) => void): void {
  const listener = (message: unknown, sender: { id?: string }): undefined => {
    if (sender.id !== browser.runtime.id || !isMessage(message) || !message.type.startsWith('bg:')) return;
    handler(message as BackgroundToContent);
  };
  browser.runtime.onMessage.addListener(listener as never);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener as never), {
    once: true,
  });
}

function isMessage(m: unknown): m is { type: string } {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}

/**
 * The private channel between a content script and the card frame (docs/decisions/0024). The
 * content script owns the page's subjects and results; the frame, an extension page in an
 * iframe, draws the one preview or card the officer asked for and sends back what the officer
 * did. The page takes no part: the frame is cross-origin to it, and the two ends talk over a
 * `runtime` port, never `window.postMessage`.
 */
import { browser } from 'wxt/browser';
import type { Language } from '../i18n.ts';

/** The extension page drawn in the frame; the only web-accessible resource. */
export const FRAME_PAGE = '/card.html';

/** A port for the frame is named with this prefix and the frame's one-time name. */
export const FRAME_PORT_PREFIX = 'xinjian-card:';

/** What the frame shows: the one-line preview on focus, or the full card. */
export type FrameView = 'preview' | 'card';

/**
 * The frame's size per view, in CSS pixels. Fixed, so nothing about a result can be read from
 * the frame's box; the card scrolls inside.
 */
export const FRAME_SIZE: Readonly<Record<FrameView, { width: number; height: number }>> = {
  preview: { width: 360, height: 44 },
  card: { width: 380, height: 480 },
};

/** Content script → frame. */
export type ToFrame =
  | {
      type: 'render';
      /** Increases with every render; the frame's e2e report names the one it shows. */
      seq: number;
      /** The mode whose card body draws `props` (`procurement`, `loan`, …). */
      mode: string;
      view: FrameView;
      language: Language;
      props: unknown;
    }
  /** The officer opened the card: the frame has the focus now, move it into the dialog. */
  | { type: 'focus' };

/** Frame → content script. */
export type FromFrame =
  /** The officer did something in the card (the mode's own action, passed through). */
  | { type: 'action'; seq: number; action: unknown }
  /** Escape or the close button; `refocus`: give the focus back to the marker. */
  | { type: 'close'; refocus: boolean }
  /** The frame lost the focus (the officer tabbed or clicked out of it). */
  | { type: 'blur' }
  /** e2e builds only: what the frame now shows, for the browser tests' hook. */
  | { type: 'rendered'; seq: number; view: FrameView; text: string; tags: Record<string, number> };

/** The handshake the content script posts to the frame in Firefox, with a `MessagePort`. */
export const FRAME_HANDSHAKE = 'xinjianCard';

/**
 * Whether the channel is a `MessagePort` handed to the frame (Firefox, which has
 * `runtime.getFrameId`: it neither hands a content script's runtime port to an extension frame
 * of the same tab nor answers `tabs.getCurrent` there) rather than a `runtime` port (Chrome).
 */
export function usesMessagePort(): boolean {
  return typeof (browser.runtime as { getFrameId?: unknown }).getFrameId === 'function';
}

/** Either end of the channel, whichever kind of port carries it. */
export interface FramePort {
  post(message: unknown): void;
  listen(handler: (message: unknown) => void): void;
  /** Called when the other end goes away (runtime ports only; a MessagePort never says). */
  closed(handler: () => void): void;
  close(): void;
}

/**
 * Wraps a `runtime` port or a `MessagePort`.
 */
export function framePort(port: ReturnType<typeof browser.runtime.connect> | MessagePort): FramePort {
  if ('onMessage' in port) {
    return {
      post: (m) => port.postMessage(m),
      listen: (h) => port.onMessage.addListener((m: unknown) => h(m)),
      closed: (h) => port.onDisconnect.addListener(() => h()),
      close: () => port.disconnect(),
    };
  }
  return {
    post: (m) => port.postMessage(m),
    listen: (h) => {
      port.onmessage = (e) => h(e.data);
    },
    closed: () => {},
    close: () => port.close(),
  };
}

/**
 * The private channel between a content script and the card frame (docs/decisions/0022). The
 * content script owns the page's subjects and results; the frame, an extension page in an
 * iframe, draws the one preview or card the officer asked for and sends back what the officer
 * did. The page takes no part: the frame is cross-origin to it, and the two ends talk over a
 * `runtime` port, never `window.postMessage`.
 */
import type { Language } from '../../lib/i18n.ts';

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

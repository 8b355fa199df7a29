/**
 * The marker a subject gets in the page: a fixed-size, result-free button in a closed shadow
 * root. Its text, size, attributes, style and accessible name are the same for every subject
 * and every result; what the extension found is drawn only in the card frame
 * (docs/decisions/0024). The marker reacts to trusted input only: focus by the officer shows
 * the preview, a click or Enter/Space opens the card. Pointer movement does nothing, because a
 * page can move a marker under a resting pointer.
 */
import { t } from '../i18n.ts';

/** The tag of a marker host; a valid custom-element name, so it can carry a shadow root. */
export const MARKER_TAG = 'xinjian-badge';

// Every host we made (markers and the frame's shell), whatever its tag.
const ownHosts = new WeakSet<Node>();

/**
 * Whether a node is the extension's own UI (ignored by the observer and the detectors).
 */
export function isOwnUi(node: Node): boolean {
  return ownHosts.has(node) || node.nodeName === 'XINJIAN-BADGE' || node.nodeName === 'XINJIAN-FRAME';
}

/**
 * A new host element, not yet attached. A page that registers our tag as a custom element runs
 * its own constructor on every host we create and could attach a shadow root first (ours would
 * then fail); on such a page the host is a plain `<span>`, which no page can redefine.
 */
export function createHost(doc: Document, tag: string): HTMLElement {
  let host = doc.createElement(tag);
  // An undefined custom element does not match :defined; one the page defined does.
  if (host.matches(':defined')) host = doc.createElement('span');
  ownHosts.add(host);
  return host;
}

/**
 * The marker's styles. One size for every state (the box says nothing); the glyph comes from
 * generated content, so `window.find` and selections see no text at all.
 */
export const MARKER_CSS = `
/* Important rules of a shadow root win over the page's, even inline !important ones. */
:host {
  all: initial !important; display: inline-block !important; vertical-align: middle !important;
  width: 18px !important; height: 18px !important; margin: 0 0 0 4px !important;
}
.marker {
  box-sizing: border-box; display: block; width: 18px; height: 18px; padding: 0; border-radius: 50%;
  border: 1px solid #0a4fa3; color: #0a4fa3; background: #ffffff; cursor: pointer; user-select: none;
  font: 600 11px/16px system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; text-align: center;
}
.marker::before { content: "\\4FE1"; }
.marker:focus-visible, .marker[aria-expanded="true"] { outline: 2px solid #0b57d0; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .marker { color: #a5d6ff; background: #0d1117; border-color: #a5d6ff; }
  .marker:focus-visible, .marker[aria-expanded="true"] { outline-color: #a5d6ff; }
}
`;

/** What a marker asks for; each is called only for the officer's own (trusted) input. */
export interface MarkerEvents {
  /** The officer moved the focus onto the marker: show the preview. */
  preview(): void;
  /** The focus left the marker (not into the card). */
  leave(): void;
  /** Click, Enter or Space: open the card. */
  open(): void;
  /** Escape on the marker: close what is shown. */
  dismiss(): void;
}

/** A mounted marker: its host in the page and the button inside the closed root. */
export interface Marker {
  host: HTMLElement;
  root: ShadowRoot;
  button: HTMLElement;
}

// Keys that reach a focused marker should not trigger the page's own shortcuts.
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/**
 * Creates a marker (not yet in the page). `sheet` is shared by every marker of the page; pass
 * `null` where adopting sheets fails, and the marker gets its own `<style>`.
 */
export function createMarker(doc: Document, sheet: CSSStyleSheet | null, events: MarkerEvents): Marker {
  const host = createHost(doc, MARKER_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  adopt(root, sheet, MARKER_CSS);
  const button = doc.createElement('span');
  button.className = 'marker';
  button.setAttribute('role', 'button');
  button.tabIndex = 0;
  button.setAttribute('aria-label', t('marker.label'));
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  root.append(button);
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());
  button.addEventListener('focus', (e) => {
    if (e.isTrusted) events.preview();
  });
  button.addEventListener('blur', () => events.leave());
  button.addEventListener('click', (e) => {
    if (e.isTrusted) events.open();
  });
  button.addEventListener('keydown', (e) => {
    if (!e.isTrusted) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      events.open();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      events.dismiss();
    }
  });
  return { host, root, button };
}

/**
 * The stylesheet every marker adopts, or `null` where constructed sheets cannot be adopted
 * (Firefox content scripts cannot hand a page-world array their own sheet).
 */
export function markerSheet(): CSSStyleSheet | null {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(MARKER_CSS);
    return sheet;
  } catch {
    return null;
  }
}

/**
 * Styles a shadow root with `sheet`, or a `<style>` with `css` where adopting fails.
 */
export function adopt(root: ShadowRoot, sheet: CSSStyleSheet | null, css: string): void {
  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // Fall through to a <style>.
    }
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.append(style);
}

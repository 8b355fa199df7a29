/**
 * The one card frame of a page (docs/decisions/0024): an extension page in an iframe, inside a
 * closed shadow root, in the top layer. It shows the preview of the focused marker or the card
 * of the opened one; never two at once, so fast tabbing moves it instead of stacking cards.
 * Its box has a fixed size per view (`FRAME_SIZE`), whatever the result. The content script
 * sends it what to draw over a `runtime` port that only the frame it created accepts; the page
 * sees neither the port nor what travels on it.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { getLanguage, t } from '../i18n.ts';
import { createHost, createMarker, type Marker } from './marker.ts';
import {
  FRAME_HANDSHAKE,
  FRAME_PAGE,
  FRAME_PORT_PREFIX,
  FRAME_SIZE,
  type FramePort,
  type FrameView,
  type FromFrame,
  framePort,
  type ToFrame,
  usesMessagePort,
} from './protocol.ts';

/** The marker a preview or card belongs to, and how its mode draws and acts. */
export interface FrameOwner {
  /** The marker's host in the page: the frame is placed next to it. */
  host: HTMLElement;
  /** The marker's button: the focus returns to it when the card closes. */
  button: HTMLElement;
  /** The mode whose card body draws this owner (`procurement`, `loan`). */
  mode: string;
  /** What the card body is given, as of now. */
  props(): unknown;
  /** The officer did something in the card. */
  act(action: unknown): void;
  /** The card is closing (a draft consent is dropped, for instance). */
  closed?(): void;
}

/** What the e2e hook may read of the frame: who it shows, which view, and what it drew. */
export interface FrameState {
  owner: FrameOwner | null;
  view: FrameView | null;
  /** The text the frame last drew for what is shown now (e2e builds only; else ''). */
  text: string;
  tags: Record<string, number>;
}

const SHELL_CSS = `
/* Important rules of a shadow root win over the page's, even its inline !important ones: the
   page can neither hide nor filter, fade or transform the frame. */
:host { all: initial !important; display: block !important; position: static !important; }
.shell { position: fixed; inset: auto; margin: 0; padding: 0; border: 0; background: transparent; overflow: visible; }
.shell:not(:popover-open) { display: none; }
iframe { display: block; border: 0; border-radius: 8px; box-shadow: 0 8px 24px rgba(31, 35, 40, .25); background: transparent; color-scheme: normal; }
`;

/**
 * The card frame of one content script.
 */
export class CardFrame {
  readonly #ctx: ContentScriptContext;
  #host: HTMLElement | null = null;
  #shell: HTMLElement | null = null;
  #iframe: HTMLIFrameElement | null = null;
  #port: FramePort | null = null;
  #pending: ToFrame[] = [];
  #owner: FrameOwner | null = null;
  #view: FrameView | null = null;
  #seq = 0;
  // The first render of what is shown now: a report from before it is about something else.
  #shownSince = 0;
  #report: { seq: number; text: string; tags: Record<string, number> } | null = null;

  constructor(ctx: ContentScriptContext) {
    this.#ctx = ctx;
    const place = () => this.#place();
    ctx.addEventListener(window, 'scroll', place, { passive: true, capture: true });
    ctx.addEventListener(window, 'resize', place, { passive: true });
    // A click elsewhere closes the card; only the officer's own click counts.
    ctx.addEventListener(
      document,
      'pointerdown',
      (e: PointerEvent) => {
        if (!e.isTrusted || !this.#owner) return;
        const target = e.target as Node | null;
        if (target === this.#host || target === this.#owner.host) return;
        this.hide(false);
      },
      { capture: true },
    );
    ctx.onInvalidated(() => this.#destroy());
  }

  /** Who the frame shows now, and what (for the e2e hook). */
  state(): FrameState {
    // The last thing the frame drew for what is shown now (a newer render may be on its way).
    const report = this.#report && this.#report.seq >= this.#shownSince ? this.#report : null;
    return { owner: this.#owner, view: this.#view, text: report?.text ?? '', tags: report?.tags ?? {} };
  }

  /**
   * Resolves once the frame has drawn the latest render (or nothing is shown), or after
   * `timeoutMs`: the e2e hook answers with what the officer sees now, not a moment ago.
   */
  settled(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    return new Promise((resolve) => {
      const check = () => {
        if (!this.#owner || this.#report?.seq === this.#seq || performance.now() >= deadline) resolve();
        else setTimeout(check, 10);
      };
      check();
    });
  }

  /** Shows `owner`'s preview or card; the card also takes the focus. */
  show(owner: FrameOwner, view: FrameView): void {
    if (!owner.host.isConnected) return;
    if (this.#owner && this.#owner !== owner) this.#closeOwner();
    this.#owner = owner;
    this.#view = view;
    this.#shownSince = this.#seq + 1;
    owner.button.setAttribute('aria-expanded', String(view === 'card'));
    this.#ensure();
    this.#place();
    const shell = this.#shell as HTMLElement;
    if (typeof shell.showPopover === 'function' && !shell.matches(':popover-open')) shell.showPopover();
    this.#render();
    if (view === 'card') {
      this.#iframe?.focus();
      this.#post({ type: 'focus' });
    }
  }

  /** Draws again when `owner` is the one shown (its result or consent changed). */
  refresh(owner?: FrameOwner): void {
    if (!this.#owner || (owner && owner !== this.#owner)) return;
    if (!this.#owner.host.isConnected) {
      this.hide(false);
      return;
    }
    this.#render();
  }

  /** Whether `owner` is shown, in `view` when given. */
  shows(owner: FrameOwner, view?: FrameView): boolean {
    return this.#owner === owner && (view === undefined || this.#view === view);
  }

  /** Hides the frame; `refocus` gives the focus back to the owner's marker. */
  hide(refocus: boolean): void {
    const owner = this.#owner;
    if (!owner) return;
    this.#closeOwner();
    const shell = this.#shell;
    if (shell && typeof shell.hidePopover === 'function' && shell.matches(':popover-open'))
      shell.hidePopover();
    if (refocus) owner.button.focus();
  }

  #closeOwner(): void {
    const owner = this.#owner;
    this.#owner = null;
    this.#view = null;
    if (!owner) return;
    owner.button.setAttribute('aria-expanded', 'false');
    owner.closed?.();
  }

  #render(): void {
    const owner = this.#owner;
    const view = this.#view;
    if (!owner || !view) return;
    this.#seq++;
    this.#post({
      type: 'render',
      seq: this.#seq,
      mode: owner.mode,
      view,
      language: getLanguage(),
      props: owner.props(),
    });
  }

  #post(message: ToFrame): void {
    if (this.#port) this.#port.post(message);
    else {
      // Until the frame has loaded, only the latest render (and a focus request) matter.
      if (message.type === 'render') this.#pending = this.#pending.filter((m) => m.type !== 'render');
      this.#pending.push(message);
    }
  }

  // The host, its closed root and the iframe, made on first use and again if the page removed
  // them. The iframe's name is a one-time secret: the frame accepts only the port named after it.
  #ensure(): void {
    if (this.#host?.isConnected) return;
    this.#port?.close();
    this.#port = null;
    const host = createHost(document, 'xinjian-frame');
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = SHELL_CSS;
    // A key that reached the iframe element rather than the frame's document (the focus was
    // still crossing into it) closes the card all the same.
    host.addEventListener('keydown', (e) => {
      if (e.isTrusted && e.key === 'Escape' && this.#view === 'card') this.hide(true);
    });
    const shell = document.createElement('div');
    shell.className = 'shell';
    shell.setAttribute('popover', 'manual');
    const iframe = document.createElement('iframe');
    const secret = randomName();
    iframe.name = secret;
    iframe.title = t('frame.title');
    iframe.setAttribute('allow', '');
    const src = browser.runtime.getURL(FRAME_PAGE as '/card.html');
    iframe.addEventListener('load', () => this.#connect(iframe, src, secret), { once: true });
    iframe.src = src;
    shell.append(iframe);
    root.append(style, shell);
    document.documentElement.append(host);
    this.#host = host;
    this.#shell = shell;
    this.#iframe = iframe;
  }

  // Once the frame has loaded. Chrome: a runtime port named after the secret; every extension
  // frame hears it and only ours knows the name. Firefox: a MessagePort posted to the frame's
  // own window (the page does not see messages sent to a child), with the secret beside it.
  #connect(iframe: HTMLIFrameElement, src: string, secret: string): void {
    if (this.#ctx.isInvalid) return;
    let port: FramePort;
    if (usesMessagePort()) {
      const channel = new MessageChannel();
      iframe.contentWindow?.postMessage({ [FRAME_HANDSHAKE]: secret }, new URL(src).origin, [channel.port2]);
      port = framePort(channel.port1);
    } else {
      port = framePort(browser.runtime.connect({ name: `${FRAME_PORT_PREFIX}${secret}` }));
    }
    this.#port = port;
    port.listen((message) => this.#receive(message as FromFrame));
    port.closed(() => {
      if (this.#port === port) this.#port = null;
    });
    const pending = this.#pending;
    this.#pending = [];
    for (const m of pending) port.post(m);
  }

  #receive(message: FromFrame): void {
    switch (message.type) {
      case 'action':
        if (message.seq <= this.#seq) this.#owner?.act(message.action);
        break;
      case 'close':
        this.hide(message.refocus);
        break;
      case 'blur':
        // Focus went back into the page (Shift+Tab, a click): the card closes. The frame also
        // loses the focus when the window does; then the page's focus is still on our host.
        if (this.#view === 'card' && document.activeElement !== this.#host) this.hide(false);
        break;
      case 'rendered':
        if (import.meta.env.MODE === 'e2e')
          this.#report = { seq: message.seq, text: message.text, tags: message.tags };
        break;
    }
  }

  // Next to the marker: below it when the frame fits, else above; always inside the viewport.
  #place(): void {
    const owner = this.#owner;
    const view = this.#view;
    const iframe = this.#iframe;
    const shell = this.#shell;
    if (!owner || !view || !iframe || !shell) return;
    const size = FRAME_SIZE[view];
    const width = Math.min(size.width, window.innerWidth - 16);
    const height = Math.min(size.height, window.innerHeight - 16);
    iframe.style.width = `${width}px`;
    iframe.style.height = `${height}px`;
    const r = owner.host.getBoundingClientRect();
    const below = r.bottom + 6;
    const top =
      below + height <= window.innerHeight - 8 || r.top - height - 6 < 8
        ? Math.min(below, window.innerHeight - height - 8)
        : r.top - height - 6;
    shell.style.left = `${Math.max(8, Math.min(r.left, window.innerWidth - width - 8))}px`;
    shell.style.top = `${Math.max(8, top)}px`;
  }

  #destroy(): void {
    this.#port?.close();
    this.#port = null;
    this.#host?.remove();
    this.#host = null;
    this.#owner = null;
    this.#view = null;
  }
}

/**
 * A marker wired to the card frame: the officer's focus shows `owner`'s preview, leaving hides
 * it, Escape closes what is shown (returning the focus from a card), and `open` runs on a
 * click, Enter or Space. The marker's host and button are copied onto `owner`.
 */
export function frameMarker(
  doc: Document,
  sheet: CSSStyleSheet | null,
  frame: CardFrame,
  owner: FrameOwner,
  open: () => void,
): Marker {
  const marker = createMarker(doc, sheet, {
    preview: () => frame.show(owner, 'preview'),
    leave: () => {
      if (frame.shows(owner, 'preview')) frame.hide(false);
    },
    open,
    dismiss: () => {
      if (frame.shows(owner, 'card')) frame.hide(true);
      else if (frame.shows(owner)) frame.hide(false);
    },
  });
  Object.assign(owner, marker);
  return marker;
}

/**
 * Adds a handle to its key's set (a subject printed twice has two markers).
 */
export function addHandle<H>(byKey: Map<string, Set<H>>, key: string, handle: H): void {
  let set = byKey.get(key);
  if (!set) {
    set = new Set();
    byKey.set(key, set);
  }
  set.add(handle);
}

function randomName(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

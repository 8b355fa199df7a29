/**
 * The card frame's side of the channel (docs/decisions/0024): accepts the one port that comes
 * with this frame's secret name, draws what the content script sends with the mode's card body, and
 * sends back what the officer does. Knows no mode: the entrypoint hands it the bodies.
 */
import { type JSX, render } from 'preact';
import { browser } from 'wxt/browser';
import { setLanguage } from '../i18n.ts';
import {
  FRAME_HANDSHAKE,
  FRAME_PORT_PREFIX,
  type FramePort,
  type FrameView,
  type FromFrame,
  framePort,
  type ToFrame,
  usesMessagePort,
} from './protocol.ts';

/** What a mode's card body is given. */
export interface FrameBodyProps {
  view: FrameView;
  /** The mode's own props, as its content side sent them. */
  props: unknown;
  /** Sends a mode action back to the content script. */
  act(action: unknown): void;
  /** Closes the card; `refocus` returns the focus to the marker. */
  close(refocus: boolean): void;
}

/** A mode's card body: draws the preview and the card of one subject. */
export type FrameBody = (props: FrameBodyProps) => JSX.Element;

/** What a mode's `card.tsx` exports as `card`: its body and the styles it needs in the frame. */
export interface FrameCard {
  body: FrameBody;
  css: string;
}

/**
 * Starts the frame with the modes' card bodies.
 */
export function startFrame(root: HTMLElement, bodies: Readonly<Record<string, FrameBody>>): void {
  const secret = window.name;
  let port: FramePort | null = null;
  let seq = 0;
  let view: FrameView | null = null;
  const send = (message: FromFrame) => port?.post(message);

  const attach = (candidate: FramePort) => {
    port = candidate;
    candidate.listen((message) => receive(message as ToFrame));
    candidate.closed(() => {
      port = null;
      render(null, root);
    });
  };
  if (usesMessagePort()) {
    // Firefox: the content script that made this frame posts a MessagePort with our name.
    window.addEventListener('message', (event) => {
      const data = event.data as Record<string, unknown> | null;
      if (port || !secret || event.source !== window.parent || data?.[FRAME_HANDSHAKE] !== secret) return;
      const [received] = event.ports;
      if (received) attach(framePort(received));
    });
  } else {
    browser.runtime.onConnect.addListener((candidate) => {
      const sender = candidate.sender;
      // Only the content script that made this frame knows its name; the first such port wins.
      if (port || !secret || candidate.name !== `${FRAME_PORT_PREFIX}${secret}`) return;
      if (sender?.id !== browser.runtime.id || sender.tab === undefined) return;
      attach(framePort(candidate));
    });
  }

  function receive(message: ToFrame): void {
    if (message.type === 'focus') {
      // The card's own autofocus (the consent form) keeps what it chose.
      window.focus();
      if (!root.contains(document.activeElement) || document.activeElement === root) {
        (
          root.querySelector<HTMLElement>('[data-autofocus]') ??
          root.querySelector<HTMLElement>('[role="dialog"]')
        )?.focus();
      }
      return;
    }
    seq = message.seq;
    view = message.view;
    setLanguage(message.language);
    document.documentElement.lang = message.language;
    document.documentElement.dataset.view = message.view;
    const Body = bodies[message.mode];
    if (!Body) return;
    const mine = message.seq;
    render(
      <Body
        view={message.view}
        props={message.props}
        act={(action) => send({ type: 'action', seq: mine, action })}
        close={(refocus) => send({ type: 'close', refocus })}
      />,
      root,
    );
    if (import.meta.env.MODE === 'e2e') report();
  }

  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && view === 'card') {
      e.preventDefault();
      send({ type: 'close', refocus: true });
    }
  });
  window.addEventListener('blur', () => {
    if (view === 'card') send({ type: 'blur' });
  });

  // e2e builds: tell the content script what is on screen, after each change settles.
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  function report(): void {
    clearTimeout(reportTimer);
    reportTimer = setTimeout(() => {
      if (!view) return;
      const tags: Record<string, number> = {};
      for (const el of root.querySelectorAll('*')) tags[el.localName] = (tags[el.localName] ?? 0) + 1;
      send({ type: 'rendered', seq, view, text: root.textContent ?? '', tags });
    }, 0);
  }
  if (import.meta.env.MODE === 'e2e') {
    new MutationObserver(() => report()).observe(root, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  }
}

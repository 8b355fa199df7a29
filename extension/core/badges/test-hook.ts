/**
 * The browser tests' window into the closed shadow roots and the card frame. Compiled only
 * into the `e2e` build (the call site is behind `import.meta.env.MODE === 'e2e'`, which the
 * production build folds to `false` and drops); see docs/decisions/0008 and 0024. The page
 * asks with `postMessage({ xinjianTest: 'snapshot', id })` and gets
 * `{ xinjianTestReply: id, badges }`: per marker, the preview text the frame shows for it, and
 * the card's text as the frame reported it when that marker's card is open.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardFrame, FrameOwner } from '../overlay/card-frame.ts';
import type { BadgeHandle, BadgeHost } from './host.ts';

/**
 * What the tests can see of one badge.
 */
export interface BadgeSnapshot {
  key: string;
  name: string | null;
  state: string;
  text: string;
  label: string;
  cardOpen: boolean;
  cardText: string;
  focused: boolean;
  /** Elements of the open card in the frame by lower-case tag name (`{ div: 4, h2: 1 }`). */
  tags: Record<string, number>;
}

/** What a mode says of one subject for the tests: its name, state and the texts it shows. */
export type DescribeBadge<S, R> = (
  subject: S,
  result: R,
) => Pick<BadgeSnapshot, 'name' | 'state' | 'text' | 'label'>;

/** One badge host the hook reads: its frame and, per marker, what the mode says of it. */
export interface HookSource {
  frame(): CardFrame;
  badges(): Array<{ handle: BadgeHandle; seen: Seen }>;
}

type Seen = Pick<BadgeSnapshot, 'name' | 'state' | 'text' | 'label'>;

/**
 * A host for {@link installTestHooks}, described by its mode.
 */
export function hookSource<S, R>(host: () => BadgeHost<S, R>, describe: DescribeBadge<S, R>): HookSource {
  return {
    frame: () => host().frame,
    badges: () =>
      [...host().handles()].map((handle) => {
        const result = host().result(handle.key);
        const subject = host().subjects.get(handle.key);
        const seen: Seen =
          subject !== undefined && result !== undefined
            ? describe(subject, result)
            : { name: null, state: 'unknown', text: '', label: '' };
        return { handle, seen };
      }),
  };
}

/**
 * Answers snapshot requests from the page until the context ends.
 */
export function installTestHook<S, R>(
  ctx: ContentScriptContext,
  host: () => BadgeHost<S, R>,
  describe: DescribeBadge<S, R>,
  /** The request it answers: a second script's markers on the page (its people) answer under another name. */
  request = 'snapshot',
): void {
  installTestHooks(ctx, [hookSource(host, describe)], request);
}

/**
 * Answers snapshot requests with the markers of every host (a loan page has its people's and
 * its companies'), in page order. The hosts share the page's one card frame.
 */
export function installTestHooks(
  ctx: ContentScriptContext,
  sources: readonly HookSource[],
  request = 'snapshot',
): void {
  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    const data = event.data as { xinjianTest?: string; id?: string } | null;
    if (event.source !== window || data?.xinjianTest !== request) return;
    void Promise.all(sources.map((s) => s.frame().settled(300))).then(() => reply(data.id));
  });
  function reply(id: string | undefined): void {
    const all = sources.flatMap((s) =>
      s.badges().map((b) => ({ ...b, host: b.handle.host, frame: s.frame() })),
    );
    const badges: BadgeSnapshot[] = inPageOrder(all).map(({ handle, seen, frame }) => ({
      key: handle.key,
      ...seen,
      ...frameSnapshot(frame, handle),
    }));
    window.postMessage({ xinjianTestReply: id, badges }, '*');
  }
}

/**
 * Markers in page order, whatever order they were mounted in.
 */
export function inPageOrder<H extends { host: HTMLElement }>(handles: Iterable<H>): H[] {
  return [...handles].sort((a, b) =>
    a.host.compareDocumentPosition(b.host) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
}

/**
 * What the frame shows of one marker, and whether the marker has the focus.
 */
export function frameSnapshot(
  frame: CardFrame,
  handle: FrameOwner & { root: ShadowRoot },
): Pick<BadgeSnapshot, 'cardOpen' | 'cardText' | 'focused' | 'tags'> {
  const state = frame.state();
  // Open once the frame has drawn it for this marker: what the officer sees, not what was asked.
  const open = state.owner === handle && state.view === 'card' && state.text !== '';
  return {
    cardOpen: open,
    cardText: open ? state.text : '',
    focused: document.activeElement === handle.host && handle.root.activeElement === handle.button,
    tags: open ? state.tags : {},
  };
}

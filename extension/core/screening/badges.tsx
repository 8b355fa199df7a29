/**
 * The procurement markers on a page: one fixed-size, result-free marker per occurrence, in a
 * closed shadow root (docs/decisions/0024). The registry keeps each subject's result; the
 * result is drawn only in the card frame, for the one marker the officer focused or opened,
 * and drawn again there when it changes. A result never touches the page.
 */
import { addHandle, type CardFrame, type FrameOwner, frameMarker } from '../overlay/card-frame.ts';
import { createHost, isOwnUi, MARKER_TAG, markerSheet } from '../overlay/marker.ts';
import type { Occurrence } from '../scan/detect.ts';
import type { ScreeningAction, ScreeningCardProps } from './card.tsx';
import type { PageSubject, SubjectResult } from './model.ts';

/** The tag of a marker host. */
export const BADGE_TAG = MARKER_TAG;

export { isOwnUi };

/**
 * A new marker host, not yet attached (a plain `<span>` on a page that defined our tag).
 *
 * @example
 * ```ts
 * const host = createBadgeHost(document);
 * ```
 */
export function createBadgeHost(doc: Document): HTMLElement {
  return createHost(doc, MARKER_TAG);
}

/** What a mounted marker needs for unmounting: its host in the page. */
interface MountedHost {
  host: HTMLElement;
}

/**
 * Forgets the markers whose host left the page (the page removed their row).
 *
 * @example
 * ```ts
 * pruneDetached(handlesByKey); // keys whose every badge is gone are dropped
 * ```
 */
export function pruneDetached<H extends MountedHost>(byKey: Map<string, Set<H>>): void {
  for (const [key, set] of byKey) {
    for (const handle of set) {
      if (!handle.host.isConnected) set.delete(handle);
    }
    if (set.size === 0) byKey.delete(key);
  }
}

/**
 * Takes markers out of the page.
 *
 * @example
 * ```ts
 * unmountAll(allHandles);
 * ```
 */
export function unmountAll(handles: Iterable<MountedHost>): void {
  for (const handle of handles) handle.host.remove();
}

/** What badges can ask the feature to do. */
export interface BadgeActions {
  lookup(key: string): void;
  pick(key: string, uscc: string): void;
  openReport(key: string): void;
}

/** One mounted marker and what the card frame needs to show it. */
export interface BadgeHandle extends FrameOwner {
  key: string;
  root: ShadowRoot;
}
// Closing brackets that belong to the code they follow: `（统一社会信用代码：…）`.
const TRAILING_CLOSERS = /^[）)】\]」』]+/;
const ONLY_PUNCTUATION = /^[\s）)】\]」』。，,；;、：:]*$/;

/**
 * The registry of one page's markers.
 *
 * @example
 * ```ts
 * const badges = new BadgeRegistry(actions, new CardFrame(ctx));
 * badges.mount(occurrence, subject, { state: 'checking', attempt: 0 });
 * badges.setResult(subject.key, { state: 'not_found' });
 * ```
 */
export class BadgeRegistry {
  readonly #actions: BadgeActions;
  readonly #frame: CardFrame;
  readonly #handles = new Map<string, Set<BadgeHandle>>();
  readonly #subjects = new Map<string, PageSubject>();
  readonly #results = new Map<string, SubjectResult>();
  #cutoff: { date: string; source: 'page' | 'fixed' | 'today' } | null = null;
  #sheet: CSSStyleSheet | null | undefined;

  constructor(actions: BadgeActions, frame: CardFrame) {
    this.#actions = actions;
    this.#frame = frame;
  }

  /** Subjects with at least one marker. */
  get subjects(): ReadonlyMap<string, PageSubject> {
    return this.#subjects;
  }

  /** The card frame the markers open. */
  get frame(): CardFrame {
    return this.#frame;
  }

  /** The current result of a subject. */
  result(key: string): SubjectResult | undefined {
    return this.#results.get(key);
  }

  /** Every mounted marker, for the test hook. */
  *handles(): Generator<BadgeHandle> {
    for (const set of this.#handles.values()) yield* set;
  }

  setCutoff(cutoff: { date: string; source: 'page' | 'fixed' | 'today' }): void {
    this.#cutoff = cutoff;
    this.rerenderAll();
  }

  /** Knows a subject (and takes its results) before, or without, a marker on screen. */
  track(subject: PageSubject, initial: SubjectResult): void {
    if (!this.#subjects.has(subject.key)) this.#subjects.set(subject.key, subject);
    if (!this.#results.has(subject.key)) this.#results.set(subject.key, initial);
  }

  /**
   * Puts a marker right after the occurrence's text (splitting the text node when more text
   * follows in it). Returns the handle; the caller marks new text as processed.
   */
  mount(
    occurrence: Occurrence,
    subject: PageSubject,
    initial: SubjectResult,
  ): { handle: BadgeHandle; split: Text | null } {
    this.track(subject, initial);
    const doc = occurrence.node.ownerDocument;
    if (this.#sheet === undefined) this.#sheet = markerSheet();
    const key = subject.key;
    const frame = this.#frame;
    // The handle is the frame's owner: it draws from the registry's current state.
    const handle = {
      key,
      mode: 'screening',
      props: (): ScreeningCardProps => ({
        subject: this.#subjects.get(key) ?? subject,
        result: this.#results.get(key) ?? initial,
        cutoff: this.#cutoff,
      }),
      act: (action: unknown) => this.#act(key, action as ScreeningAction),
    } as BadgeHandle;
    const marker = frameMarker(doc, this.#sheet, frame, handle, () => {
      if (this.#results.get(key)?.state === 'idle') this.#actions.lookup(key);
      frame.show(handle, 'card');
    });
    // Test builds mark hosts so browser tests can find them; production drops this line.
    if (import.meta.env.MODE === 'e2e') marker.host.setAttribute('data-xinjian-test', key);
    const split = place(occurrence, marker.host);
    addHandle(this.#handles, key, handle);
    return { handle, split };
  }

  setResult(key: string, result: SubjectResult): void {
    if (!this.#subjects.has(key)) return;
    const current = this.#results.get(key);
    if (current && sameResult(current, result)) return;
    this.#results.set(key, result);
    for (const handle of this.#handles.get(key) ?? []) this.#frame.refresh(handle);
  }

  /** Draws the shown preview or card again (language or cut-off changed). */
  rerenderAll(): void {
    this.#frame.refresh();
  }

  /** Forgets markers whose host left the page (the page removed their row); subjects stay known. */
  prune(): void {
    pruneDetached(this.#handles);
  }

  /** Removes every marker (navigation, site disabled, extension updated). */
  clear(): void {
    this.#frame.hide(false);
    unmountAll(this.handles());
    this.#handles.clear();
    this.#subjects.clear();
    this.#results.clear();
  }

  #act(key: string, action: ScreeningAction): void {
    if (action.name === 'lookup') this.#actions.lookup(key);
    else if (action.name === 'pick') this.#actions.pick(key, action.uscc);
    else if (action.name === 'openReport') this.#actions.openReport(key);
  }
}

/**
 * Inserts `host` after the occurrence. When real text follows the code in the same text node,
 * the node is split after the code (and any closing bracket), so each badge sits next to its
 * own code; trailing punctuation alone does not justify a split.
 *
 * @example
 * ```ts
 * place(occurrence, host); // returns the new text node when it split one
 * ```
 */
export function place(occurrence: Occurrence, host: Element): Text | null {
  const node = occurrence.node;
  let end = occurrence.index + occurrence.length;
  const closers = TRAILING_CLOSERS.exec(node.data.slice(end));
  if (closers) end += closers[0].length;
  const rest = node.data.slice(end);
  if (end >= node.data.length || ONLY_PUNCTUATION.test(rest)) {
    node.after(host);
    return null;
  }
  const tail = node.splitText(end);
  node.after(host);
  return tail;
}

// The same result delivered twice (pushed, then in the lookup's reply) renders once.
function sameResult(a: SubjectResult, b: SubjectResult): boolean {
  if (a.state !== b.state) return false;
  if (a.state === 'done' && b.state === 'done')
    return a.checkedAt === b.checkedAt && JSON.stringify(a.match) === JSON.stringify(b.match);
  return JSON.stringify(a) === JSON.stringify(b);
}

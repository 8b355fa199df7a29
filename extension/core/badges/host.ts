/**
 * The markers of one page, for any mode: one fixed-size, result-free marker per occurrence in a
 * closed shadow root (docs/decisions/0024), each subject's current result, and the one card
 * frame that draws the result for the marker the officer focused or opened. A result never
 * touches the page. The mode says what its card is given and what its actions do.
 */
import { addHandle, type CardFrame, type FrameOwner, frameMarker } from '../overlay/card-frame.ts';
import { isOwnUi, markerSheet } from '../overlay/marker.ts';

export { isOwnUi };

/** Where a marker goes: after `length` characters of `node` from `index`. */
export interface MarkerPlace {
  node: Text;
  index: number;
  length: number;
}

/** One mounted marker and what the card frame needs to show it. */
export interface BadgeHandle extends FrameOwner {
  key: string;
  root: ShadowRoot;
}

/**
 * What a mode tells the host.
 */
export interface BadgeView<S, R> {
  /** The frame's card body that draws these markers (`screening`, `loan`). */
  mode: string;
  /** What the card body is given for a subject, as of now. */
  props(key: string, subject: S, result: R): unknown;
  /** The officer did something in the card. */
  act(key: string, action: unknown): void;
  /** The officer activated a marker (a trusted click or Enter). */
  activate(key: string, handle: BadgeHandle): void;
  /** The card of this subject is closing. */
  closed?(key: string): void;
  /** The same result delivered twice renders once. */
  same?(a: R, b: R): boolean;
}

// Closing brackets that belong to the code they follow: `（统一社会信用代码：…）`.
const TRAILING_CLOSERS = /^[）)】\]」』]+/;
const ONLY_PUNCTUATION = /^[\s）)】\]」』。，,；;、：:]*$/;

/**
 * The markers of one page and their subjects' results.
 */
export class BadgeHost<S, R> {
  readonly #view: BadgeView<S, R>;
  readonly #frame: CardFrame;
  readonly #handles = new Map<string, Set<BadgeHandle>>();
  readonly #subjects = new Map<string, S>();
  readonly #results = new Map<string, R>();
  #sheet: CSSStyleSheet | null | undefined;

  constructor(view: BadgeView<S, R>, frame: CardFrame) {
    this.#view = view;
    this.#frame = frame;
  }

  /** Subjects known on the page, with or without a marker. */
  get subjects(): ReadonlyMap<string, S> {
    return this.#subjects;
  }

  /** The card frame the markers open. */
  get frame(): CardFrame {
    return this.#frame;
  }

  result(key: string): R | undefined {
    return this.#results.get(key);
  }

  /** Every mounted marker. */
  *handles(): Generator<BadgeHandle> {
    for (const set of this.#handles.values()) yield* set;
  }

  /** Knows a subject (and takes its results) before, or without, a marker on screen. */
  track(key: string, subject: S, initial: R): void {
    if (!this.#subjects.has(key)) this.#subjects.set(key, subject);
    if (!this.#results.has(key)) this.#results.set(key, initial);
  }

  /**
   * Puts a marker for a tracked subject right after its text, splitting the text node when
   * more text follows; the caller marks the split-off text as processed.
   */
  mount(at: MarkerPlace, key: string): { handle: BadgeHandle; split: Text | null } {
    const doc = at.node.ownerDocument;
    if (this.#sheet === undefined) this.#sheet = markerSheet();
    const view = this.#view;
    const handle = {
      key,
      mode: view.mode,
      props: () => {
        const subject = this.#subjects.get(key);
        const result = this.#results.get(key);
        return subject === undefined || result === undefined ? null : view.props(key, subject, result);
      },
      act: (action: unknown) => view.act(key, action),
      closed: () => view.closed?.(key),
    } as BadgeHandle;
    const marker = frameMarker(doc, this.#sheet, this.#frame, handle, () => view.activate(key, handle));
    // Test builds mark hosts so browser tests can find them; production drops this line.
    if (import.meta.env.MODE === 'e2e') marker.host.setAttribute('data-xinjian-test', key);
    const split = place(at, marker.host);
    addHandle(this.#handles, key, handle);
    return { handle, split };
  }

  setResult(key: string, result: R): void {
    if (!this.#subjects.has(key)) return;
    const current = this.#results.get(key);
    const same = this.#view.same ?? ((a: R, b: R) => JSON.stringify(a) === JSON.stringify(b));
    if (current !== undefined && same(current, result)) return;
    this.#results.set(key, result);
    this.refresh(key);
  }

  /** Draws a subject's preview or card again, if the frame shows it. */
  refresh(key: string): void {
    for (const handle of this.#handles.get(key) ?? []) this.#frame.refresh(handle);
  }

  /** Draws the shown preview or card again (language or page facts changed). */
  rerenderAll(): void {
    this.#frame.refresh();
  }

  /** Forgets markers whose host left the page (the page removed their row); subjects stay known. */
  prune(): void {
    for (const [key, set] of this.#handles) {
      for (const handle of set) if (!handle.host.isConnected) set.delete(handle);
      if (set.size === 0) this.#handles.delete(key);
    }
  }

  /** Removes every marker and forgets every subject (navigation, site disabled, extension updated). */
  clear(): void {
    this.#frame.hide(false);
    for (const handle of this.handles()) handle.host.remove();
    this.#handles.clear();
    this.#subjects.clear();
    this.#results.clear();
  }
}

/**
 * Inserts `host` after the occurrence. When real text follows in the same text node, the node
 * is split after it (and any closing bracket), so each marker sits next to its own text;
 * trailing punctuation alone does not justify a split.
 */
export function place(at: MarkerPlace, host: Element): Text | null {
  const node = at.node;
  let end = at.index + at.length;
  const closers = TRAILING_CLOSERS.exec(node.data.slice(end));
  if (closers) end += closers[0].length;
  if (end >= node.data.length || ONLY_PUNCTUATION.test(node.data.slice(end))) {
    node.after(host);
    return null;
  }
  const tail = node.splitText(end);
  node.after(host);
  return tail;
}

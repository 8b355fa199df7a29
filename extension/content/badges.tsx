/**
 * The badges on a page: one host element per occurrence, each with a CLOSED shadow root (page
 * scripts cannot read or restyle what the extension shows), all sharing one stylesheet. The
 * registry keeps each subject's result and re-renders its badges when it changes.
 */
import { render } from 'preact';
import type { PageSubject, SubjectResult } from '../lib/model.ts';
import { Badge } from './badge.tsx';
import { BADGE_CSS } from './badge-styles.ts';
import type { Occurrence } from './detect.ts';

/** The tag of a badge host; a valid custom-element name, so it can carry a shadow root. */
export const BADGE_TAG = 'xinjian-badge';

// Hosts made as plain spans, on pages that defined our tag themselves.
const spanHosts = new WeakSet<Node>();

/**
 * Whether a node is the extension's own UI (ignored by the observer and the detector).
 *
 * @example
 * ```ts
 * isOwnUi(document.createElement('xinjian-badge')); // true
 * ```
 */
export function isOwnUi(node: Node): boolean {
  return node.nodeName === 'XINJIAN-BADGE' || spanHosts.has(node);
}

/**
 * A new badge host, not yet attached. A page that registers `xinjian-badge` as a custom element
 * runs its own constructor on every host we create and could attach a shadow root first (ours
 * would then fail); on such a page the host is a plain `<span>`, which no page can redefine.
 *
 * @example
 * ```ts
 * const host = createBadgeHost(document);
 * const root = host.attachShadow({ mode: 'closed' });
 * ```
 */
export function createBadgeHost(doc: Document): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  // An undefined custom element does not match :defined; one the page defined does.
  if (!host.matches(':defined')) return host;
  const span = doc.createElement('span');
  spanHosts.add(span);
  return span;
}

/** What a mounted badge needs for unmounting: its host in the page and its render target. */
interface MountedHost {
  host: HTMLElement;
  container: HTMLElement;
}

/**
 * Unmounts and forgets the badges whose host left the page (the page removed their row).
 *
 * @example
 * ```ts
 * pruneDetached(handlesByKey); // keys whose every badge is gone are dropped
 * ```
 */
export function pruneDetached<H extends MountedHost>(byKey: Map<string, Set<H>>): void {
  for (const [key, set] of byKey) {
    for (const handle of set) {
      if (!handle.host.isConnected) {
        render(null, handle.container);
        set.delete(handle);
      }
    }
    if (set.size === 0) byKey.delete(key);
  }
}

/**
 * Unmounts badges and takes their hosts out of the page.
 *
 * @example
 * ```ts
 * unmountAll(allHandles);
 * ```
 */
export function unmountAll(handles: Iterable<MountedHost>): void {
  for (const handle of handles) {
    render(null, handle.container);
    handle.host.remove();
  }
}

/** What badges can ask the feature to do. */
export interface BadgeActions {
  lookup(key: string): void;
  pick(key: string, uscc: string): void;
  openReport(key: string): void;
}

/** One mounted badge. */
export interface BadgeHandle {
  key: string;
  host: HTMLElement;
  root: ShadowRoot;
  container: HTMLElement;
  cardOpen: boolean;
}

// Keys that reach a focused badge should not trigger the page's own shortcuts.
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;
// Closing brackets that belong to the code they follow: `（统一社会信用代码：…）`.
const TRAILING_CLOSERS = /^[）)】\]」』]+/;
const ONLY_PUNCTUATION = /^[\s）)】\]」』。，,；;、：:]*$/;

/**
 * The registry of one page's badges.
 *
 * @example
 * ```ts
 * const badges = new BadgeRegistry(actions);
 * badges.mount(occurrence, subject, { state: 'checking', attempt: 0 });
 * badges.setResult(subject.key, { state: 'not_found' });
 * ```
 */
export class BadgeRegistry {
  readonly #actions: BadgeActions;
  readonly #handles = new Map<string, Set<BadgeHandle>>();
  readonly #subjects = new Map<string, PageSubject>();
  readonly #results = new Map<string, SubjectResult>();
  #cutoff: { date: string; source: 'page' | 'fixed' | 'today' } | null = null;
  #sheet: CSSStyleSheet | null | undefined;

  constructor(actions: BadgeActions) {
    this.#actions = actions;
  }

  /** Subjects with at least one badge. */
  get subjects(): ReadonlyMap<string, PageSubject> {
    return this.#subjects;
  }

  /** The current result of a subject. */
  result(key: string): SubjectResult | undefined {
    return this.#results.get(key);
  }

  /** Every mounted badge, for the test hook. */
  *handles(): Generator<BadgeHandle> {
    for (const set of this.#handles.values()) yield* set;
  }

  setCutoff(cutoff: { date: string; source: 'page' | 'fixed' | 'today' }): void {
    this.#cutoff = cutoff;
    this.rerenderAll();
  }

  /** Knows a subject (and takes its results) before, or without, a badge on screen. */
  track(subject: PageSubject, initial: SubjectResult): void {
    if (!this.#subjects.has(subject.key)) this.#subjects.set(subject.key, subject);
    if (!this.#results.has(subject.key)) this.#results.set(subject.key, initial);
  }

  /**
   * Puts a badge right after the occurrence's text (splitting the text node when more text
   * follows in it) and renders it. Returns the handle; the caller marks new text as processed.
   */
  mount(
    occurrence: Occurrence,
    subject: PageSubject,
    initial: SubjectResult,
  ): { handle: BadgeHandle; split: Text | null } {
    this.track(subject, initial);
    const doc = occurrence.node.ownerDocument;
    const host = createBadgeHost(doc);
    // Test builds mark hosts so browser tests can find them; production drops this line.
    if (import.meta.env.MODE === 'e2e') host.setAttribute('data-xinjian-test', subject.key);
    const root = host.attachShadow({ mode: 'closed' });
    this.#style(root, doc);
    const container = doc.createElement('span');
    root.append(container);
    for (const type of ISOLATED_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());
    const split = place(occurrence, host);
    const handle: BadgeHandle = { key: subject.key, host, root, container, cardOpen: false };
    let set = this.#handles.get(subject.key);
    if (!set) {
      set = new Set();
      this.#handles.set(subject.key, set);
    }
    set.add(handle);
    this.#render(handle);
    return { handle, split };
  }

  setResult(key: string, result: SubjectResult): void {
    if (!this.#subjects.has(key)) return;
    const current = this.#results.get(key);
    if (current && sameResult(current, result)) return;
    this.#results.set(key, result);
    for (const handle of this.#handles.get(key) ?? []) this.#render(handle);
  }

  rerenderAll(): void {
    for (const handle of this.handles()) this.#render(handle);
  }

  /** Forgets badges whose host left the page (the page removed their row); subjects stay known. */
  prune(): void {
    pruneDetached(this.#handles);
  }

  /** Removes every badge (navigation, site disabled, extension updated). */
  clear(): void {
    unmountAll(this.handles());
    this.#handles.clear();
    this.#subjects.clear();
    this.#results.clear();
  }

  #render(handle: BadgeHandle): void {
    const subject = this.#subjects.get(handle.key);
    const result = this.#results.get(handle.key);
    if (!subject || !result) return;
    const key = handle.key;
    render(
      <Badge
        subject={subject}
        result={result}
        cutoff={this.#cutoff}
        onLookup={() => this.#actions.lookup(key)}
        onPick={(uscc) => this.#actions.pick(key, uscc)}
        onOpenReport={() => this.#actions.openReport(key)}
        onCardChange={(open) => {
          handle.cardOpen = open;
        }}
      />,
      handle.container,
    );
  }

  // One constructed stylesheet shared by every shadow root; a <style> where adopting fails
  // (Firefox content scripts cannot hand a page-world array their own sheet).
  #style(root: ShadowRoot, doc: Document): void {
    if (this.#sheet === undefined) {
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(BADGE_CSS);
        this.#sheet = sheet;
      } catch {
        this.#sheet = null;
      }
    }
    if (this.#sheet) {
      try {
        root.adoptedStyleSheets = [this.#sheet];
        return;
      } catch {
        this.#sheet = null;
      }
    }
    const style = doc.createElement('style');
    style.textContent = BADGE_CSS;
    root.append(style);
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

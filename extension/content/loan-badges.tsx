/**
 * The loan-review badges: one host per printed ID number, each with a closed shadow root (page
 * scripts cannot read the verdict or the masked number, nor drive the consent dialog), sharing
 * one stylesheet. The registry keeps, per borrower, the masked reference, the consent gate and
 * the result; every badge of a borrower shows the same state. No badge ever shows the number
 * in full.
 */
import { render } from 'preact';
import { type ConsentEvent, type ConsentState, consentReducer, initialConsent } from '../lib/consent.ts';
import type { LoanBorrowerRef, LoanConsent, LoanPageInfo, LoanResult } from '../lib/loan-model.ts';
import { BADGE_CSS } from './badge-styles.ts';
import { createBadgeHost, isOwnUi, pruneDetached, unmountAll } from './badges.tsx';
import { LOAN_BADGE_CSS, LoanBadge } from './loan-badge.tsx';
import type { BorrowerOccurrence } from './loan-detect.ts';

/** The tag of a badge host (the same as procurement's, so the shared observer ignores both). */
export const LOAN_BADGE_TAG = 'xinjian-badge';

/**
 * Whether a node is the extension's own UI.
 *
 * @example
 * ```ts
 * isLoanUi(document.createElement('xinjian-badge')); // true
 * ```
 */
export function isLoanUi(node: Node): boolean {
  return isOwnUi(node);
}

/** What the badges ask the feature to do. */
export interface LoanBadgeActions {
  /** The officer consented: look this borrower up. */
  lookup(key: string, consent: LoanConsent): void;
  /** Open the side panel on this borrower. */
  openPanel(key: string): void;
}

/** One mounted badge. */
export interface LoanBadgeHandle {
  key: string;
  host: HTMLElement;
  root: ShadowRoot;
  container: HTMLElement;
  cardOpen: boolean;
}

const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;
const ONLY_PUNCTUATION = /^[\s）)】\]」』。，,；;、：:]*$/;

/**
 * The registry of one page's loan badges.
 *
 * @example
 * ```ts
 * const badges = new LoanBadges(actions);
 * badges.track(ref);
 * badges.mount(occurrence, ref.key);
 * badges.setResult(ref.key, { state: 'checking' });
 * ```
 */
export class LoanBadges {
  readonly #actions: LoanBadgeActions;
  readonly #handles = new Map<string, Set<LoanBadgeHandle>>();
  readonly #borrowers = new Map<string, LoanBorrowerRef>();
  readonly #results = new Map<string, LoanResult>();
  readonly #consents = new Map<string, ConsentState>();
  #page: LoanPageInfo | null = null;
  #sheet: CSSStyleSheet | null | undefined;

  constructor(actions: LoanBadgeActions) {
    this.#actions = actions;
  }

  /** The borrowers known on the page. */
  get borrowers(): ReadonlyMap<string, LoanBorrowerRef> {
    return this.#borrowers;
  }

  result(key: string): LoanResult | undefined {
    return this.#results.get(key);
  }

  consent(key: string): ConsentState {
    return this.#consents.get(key) ?? initialConsent();
  }

  *handles(): Generator<LoanBadgeHandle> {
    for (const set of this.#handles.values()) yield* set;
  }

  setPage(page: LoanPageInfo): void {
    this.#page = page;
    this.rerenderAll();
  }

  track(borrower: LoanBorrowerRef): void {
    if (this.#borrowers.has(borrower.key)) return;
    this.#borrowers.set(borrower.key, borrower);
    this.#results.set(borrower.key, { state: 'consent' });
  }

  /** Puts a badge right after the printed number and renders it; returns the split-off text. */
  mount(occurrence: BorrowerOccurrence, key: string): { split: Text | null } {
    const doc = occurrence.node.ownerDocument;
    // Falls back to a <span> host when the page defined our tag itself.
    const host = createBadgeHost(doc);
    // Test builds mark hosts so browser tests can find them; production drops this line.
    if (import.meta.env.MODE === 'e2e') host.setAttribute('data-xinjian-test', key);
    const root = host.attachShadow({ mode: 'closed' });
    this.#style(root, doc);
    const container = doc.createElement('span');
    root.append(container);
    for (const type of ISOLATED_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());
    const split = placeAfter(occurrence, host);
    const handle: LoanBadgeHandle = { key, host, root, container, cardOpen: false };
    let set = this.#handles.get(key);
    if (!set) {
      set = new Set();
      this.#handles.set(key, set);
    }
    set.add(handle);
    this.#render(handle);
    return { split };
  }

  setResult(key: string, result: LoanResult): void {
    if (!this.#borrowers.has(key)) return;
    const current = this.#results.get(key);
    if (current && JSON.stringify(current) === JSON.stringify(result)) return;
    this.#results.set(key, result);
    this.#renderKey(key);
  }

  /** Applies a consent-gate event; a newly granted consent starts the lookup. */
  dispatch(key: string, event: ConsentEvent): void {
    const before = this.consent(key);
    const after = consentReducer(before, event);
    if (after === before) return;
    this.#consents.set(key, after);
    if (after.step === 'granted' && before.step !== 'granted') this.#actions.lookup(key, after.consent);
    this.#renderKey(key);
  }

  /** Looks a borrower up again with the consent already given (after an error). */
  retry(key: string): void {
    const consent = this.consent(key);
    if (consent.step === 'granted') this.#actions.lookup(key, consent.consent);
  }

  rerenderAll(): void {
    for (const handle of this.handles()) this.#render(handle);
  }

  /** Forgets badges whose host left the page. */
  prune(): void {
    pruneDetached(this.#handles);
  }

  /** Removes every badge and forgets every borrower and consent (navigation, site disabled). */
  clear(): void {
    unmountAll(this.handles());
    this.#handles.clear();
    this.#borrowers.clear();
    this.#results.clear();
    this.#consents.clear();
  }

  #renderKey(key: string): void {
    for (const handle of this.#handles.get(key) ?? []) this.#render(handle);
  }

  #render(handle: LoanBadgeHandle): void {
    const borrower = this.#borrowers.get(handle.key);
    const result = this.#results.get(handle.key);
    if (!borrower || !result) return;
    const key = handle.key;
    render(
      <LoanBadge
        borrower={borrower}
        result={result}
        consent={this.consent(key)}
        page={this.#page}
        onConsent={(event) => this.dispatch(key, event)}
        onRetry={() => this.retry(key)}
        onOpenPanel={() => this.#actions.openPanel(key)}
        onCardChange={(open) => {
          handle.cardOpen = open;
        }}
      />,
      handle.container,
    );
  }

  #style(root: ShadowRoot, doc: Document): void {
    const css = BADGE_CSS + LOAN_BADGE_CSS;
    if (this.#sheet === undefined) {
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
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
    style.textContent = css;
    root.append(style);
  }
}

// After the number (and a closing bracket), splitting the text node when more text follows.
function placeAfter(o: BorrowerOccurrence, host: Element): Text | null {
  const node = o.node;
  let end = o.index + o.length;
  const closers = /^[）)】\]」』]+/.exec(node.data.slice(end));
  if (closers) end += closers[0].length;
  if (end >= node.data.length || ONLY_PUNCTUATION.test(node.data.slice(end))) {
    node.after(host);
    return null;
  }
  const tail = node.splitText(end);
  node.after(host);
  return tail;
}

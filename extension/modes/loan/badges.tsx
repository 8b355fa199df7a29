/**
 * The loan-review markers: one fixed-size, result-free marker per printed ID number, in a
 * closed shadow root (docs/decisions/0024). The registry keeps, per borrower, the masked
 * reference, the consent gate and the result; the card frame draws them for the one marker the
 * officer focused or opened, and takes the consent dialog's typing, so page scripts can
 * neither read the verdict nor see or drive the consent. No marker carries the number.
 */
import { addHandle, type CardFrame, type FrameOwner, frameMarker } from '../../core/overlay/card-frame.ts';
import { isOwnUi, markerSheet } from '../../core/overlay/marker.ts';
import { pruneDetached, unmountAll } from '../../core/screening/badges.tsx';
import type { LoanAction, LoanCardProps } from './card.tsx';
import { type ConsentEvent, type ConsentState, consentReducer, initialConsent } from './consent.ts';
import type { BorrowerOccurrence } from './detect.ts';
import type { LoanBorrowerRef, LoanConsent, LoanPageInfo, LoanResult } from './model.ts';
import { reviewToday } from './preview.ts';

/** The tag of a marker host (the same as procurement's, so the shared observer ignores both). */
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

/** What the markers ask the feature to do. */
export interface LoanBadgeActions {
  /** The officer consented: look this borrower up. */
  lookup(key: string, consent: LoanConsent): void;
  /** Open the side panel on this borrower. */
  openPanel(key: string): void;
}

/** One mounted marker and what the card frame needs to show it. */
export interface LoanBadgeHandle extends FrameOwner {
  key: string;
  root: ShadowRoot;
}

const ONLY_PUNCTUATION = /^[\s）)】\]」』。，,；;、：:]*$/;

/**
 * The registry of one page's loan markers.
 *
 * @example
 * ```ts
 * const badges = new LoanBadges(actions, new CardFrame(ctx));
 * badges.track(ref);
 * badges.mount(occurrence, ref.key);
 * badges.setResult(ref.key, { state: 'checking' });
 * ```
 */
export class LoanBadges {
  readonly #actions: LoanBadgeActions;
  readonly #frame: CardFrame;
  readonly #handles = new Map<string, Set<LoanBadgeHandle>>();
  readonly #borrowers = new Map<string, LoanBorrowerRef>();
  readonly #results = new Map<string, LoanResult>();
  readonly #consents = new Map<string, ConsentState>();
  #page: LoanPageInfo | null = null;
  #sheet: CSSStyleSheet | null | undefined;

  constructor(actions: LoanBadgeActions, frame: CardFrame) {
    this.#actions = actions;
    this.#frame = frame;
  }

  /** The borrowers known on the page. */
  get borrowers(): ReadonlyMap<string, LoanBorrowerRef> {
    return this.#borrowers;
  }

  /** The card frame the markers open. */
  get frame(): CardFrame {
    return this.#frame;
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

  /** Puts a marker right after the printed number; returns the split-off text. */
  mount(occurrence: BorrowerOccurrence, key: string): { split: Text | null } {
    const doc = occurrence.node.ownerDocument;
    if (this.#sheet === undefined) this.#sheet = markerSheet();
    const frame = this.#frame;
    const handle = {
      key,
      mode: 'loan',
      props: (): LoanCardProps | null => {
        const borrower = this.#borrowers.get(key);
        const result = this.#results.get(key);
        if (!borrower || !result) return null;
        return { borrower, result, consent: this.consent(key), page: this.#page };
      },
      act: (action: unknown) => this.#act(key, action as LoanAction),
      // A draft consent is dropped with the card; a granted one stays.
      closed: () => {
        if (this.consent(key).step === 'editing') this.dispatch(key, { type: 'cancel' });
      },
    } as LoanBadgeHandle;
    const marker = frameMarker(doc, this.#sheet, frame, handle, () => {
      if (frame.shows(handle, 'card')) {
        frame.hide(true);
        return;
      }
      if (this.consent(key).step === 'required' && this.#results.get(key)?.state === 'consent')
        this.#consents.set(
          key,
          consentReducer(this.consent(key), { type: 'open', today: reviewToday(this.#page) }),
        );
      frame.show(handle, 'card');
    });
    // Test builds mark hosts so browser tests can find them; production drops this line.
    if (import.meta.env.MODE === 'e2e') marker.host.setAttribute('data-xinjian-test', key);
    const split = placeAfter(occurrence, marker.host);
    addHandle(this.#handles, key, handle);
    return { split };
  }

  setResult(key: string, result: LoanResult): void {
    if (!this.#borrowers.has(key)) return;
    const current = this.#results.get(key);
    if (current && JSON.stringify(current) === JSON.stringify(result)) return;
    this.#results.set(key, result);
    this.#renderKey(key);
  }

  /**
   * Applies a consent-gate event; a newly granted consent starts the lookup. `redraw: false`
   * for the officer's keystrokes in the frame: it already shows them, and a redraw racing the
   * next keystroke would drop a character.
   */
  dispatch(key: string, event: ConsentEvent, redraw = true): void {
    const before = this.consent(key);
    const after = consentReducer(before, event);
    if (after === before) return;
    this.#consents.set(key, after);
    if (after.step === 'granted' && before.step !== 'granted') this.#actions.lookup(key, after.consent);
    if (redraw) this.#renderKey(key);
  }

  /** Looks a borrower up again with the consent already given (after an error). */
  retry(key: string): void {
    const consent = this.consent(key);
    if (consent.step === 'granted') this.#actions.lookup(key, consent.consent);
  }

  rerenderAll(): void {
    this.#frame.refresh();
  }

  /** Forgets markers whose host left the page. */
  prune(): void {
    pruneDetached(this.#handles);
  }

  /** Removes every marker and forgets every borrower and consent (navigation, site disabled). */
  clear(): void {
    this.#frame.hide(false);
    unmountAll(this.handles());
    this.#handles.clear();
    this.#borrowers.clear();
    this.#results.clear();
    this.#consents.clear();
  }

  #renderKey(key: string): void {
    for (const handle of this.#handles.get(key) ?? []) this.#frame.refresh(handle);
  }

  #act(key: string, action: LoanAction): void {
    if (action.name === 'consent') this.dispatch(key, action.event, action.event.type !== 'edit');
    else if (action.name === 'retry') this.retry(key);
    else if (action.name === 'openPanel') this.#actions.openPanel(key);
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

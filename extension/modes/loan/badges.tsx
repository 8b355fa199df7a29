/**
 * The loan-review markers: the core's badge host (docs/decisions/0024) with, per borrower, the
 * masked reference, the consent gate and the result. The card frame draws them for the one
 * marker the officer focused or opened and takes the consent dialog's typing, so page scripts
 * can neither read the verdict nor see or drive the consent. No marker carries the number.
 */
import { BadgeHost, isOwnUi } from '../../core/badges/host.ts';
import type { CardFrame } from '../../core/overlay/card-frame.ts';
import { consentReducer, initialConsent } from '../../core/personal/consent.ts';
import type { LoanAction, LoanCardProps } from './card.tsx';
import {
  LOAN_PURPOSE,
  type LoanBorrowerRef,
  type LoanConsent,
  type LoanConsentEvent,
  type LoanConsentState,
  type LoanPageInfo,
  type LoanResult,
} from './model.ts';
import { reviewToday } from './preview.ts';

export { isOwnUi };

/** What the markers ask the feature to do. */
export interface LoanBadgeActions {
  /** The officer consented: look this borrower up. */
  lookup(key: string, consent: LoanConsent): void;
  /** Open the side panel on this borrower. */
  openPanel(key: string): void;
}

/**
 * The registry of one page's loan markers.
 */
export class LoanBadges extends BadgeHost<LoanBorrowerRef, LoanResult> {
  readonly #actions: LoanBadgeActions;
  readonly #consents: Map<string, LoanConsentState>;
  readonly #page: { info: LoanPageInfo | null };

  constructor(actions: LoanBadgeActions, frame: CardFrame) {
    const consents = new Map<string, LoanConsentState>();
    const page: { info: LoanPageInfo | null } = { info: null };
    const self: { badges?: LoanBadges } = {};
    const consentOf = (key: string) => consents.get(key) ?? initialConsent();
    super(
      {
        mode: 'loan',
        props: (key, borrower, result): LoanCardProps => ({
          borrower,
          result,
          consent: consentOf(key),
          page: page.info,
        }),
        act: (key, action) => {
          const a = action as LoanAction;
          if (a.name === 'consent') self.badges?.dispatch(key, a.event, a.event.type !== 'edit');
          else if (a.name === 'retry') self.badges?.retry(key);
          else if (a.name === 'openPanel') actions.openPanel(key);
        },
        activate: (key, handle) => {
          if (frame.shows(handle, 'card')) {
            frame.hide(true);
            return;
          }
          if (consentOf(key).step === 'required' && self.badges?.result(key)?.state === 'consent')
            consents.set(
              key,
              consentReducer(consentOf(key), {
                type: 'open',
                today: reviewToday(page.info),
                purpose: LOAN_PURPOSE,
              }),
            );
          frame.show(handle, 'card');
        },
        // A draft consent is dropped with the card; a granted one stays.
        closed: (key) => {
          if (consentOf(key).step === 'editing') self.badges?.dispatch(key, { type: 'cancel' });
        },
      },
      frame,
    );
    self.badges = this;
    this.#actions = actions;
    this.#consents = consents;
    this.#page = page;
  }

  /** The borrowers known on the page. */
  get borrowers(): ReadonlyMap<string, LoanBorrowerRef> {
    return this.subjects;
  }

  consent(key: string): LoanConsentState {
    return this.#consents.get(key) ?? initialConsent();
  }

  setPage(page: LoanPageInfo): void {
    this.#page.info = page;
    this.rerenderAll();
  }

  /** Knows a borrower, who waits for consent. */
  add(borrower: LoanBorrowerRef): void {
    this.track(borrower.key, borrower, { state: 'consent' });
  }

  /**
   * Applies a consent-gate event; a newly granted consent starts the lookup. `redraw: false`
   * for the officer's keystrokes in the frame: it already shows them, and a redraw racing the
   * next keystroke would drop a character.
   */
  dispatch(key: string, event: LoanConsentEvent, redraw = true): void {
    const before = this.consent(key);
    const after = consentReducer(before, event);
    if (after === before) return;
    this.#consents.set(key, after);
    if (after.step === 'granted' && before.step !== 'granted') this.#actions.lookup(key, after.consent);
    if (redraw) this.refresh(key);
  }

  /** Looks a borrower up again with the consent already given (after an error). */
  retry(key: string): void {
    const consent = this.consent(key);
    if (consent.step === 'granted') this.#actions.lookup(key, consent.consent);
  }

  /** Removes every marker and forgets every borrower and consent (navigation, site disabled). */
  override clear(): void {
    super.clear();
    this.#consents.clear();
  }
}

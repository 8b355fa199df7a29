/**
 * The consent gate of a personal lookup, as a pure state machine shared by every mode that
 * looks people up: no lookup may start until the officer has confirmed, for that one person,
 * the mode's fixed purpose (住房公积金贷款审批, 信贷审批) and the reference and date of the
 * written authorization (征信业管理条例 第18条). The content script drives it from the card's
 * dialog; the background checks the result again.
 *
 * States: `required` (nothing confirmed) → `editing` (the dialog is open) → `granted`. Cancel
 * goes back to `required`; a granted consent cannot be edited, only used.
 */

import { isIsoDate } from '@xinjian/sdk/rules';
import { containsIdNumber } from '../personal.ts';

/**
 * The written authorization an officer confirmed for one person before the lookup.
 */
export interface PersonalConsent<P extends string = string> {
  /** The purpose agreed in the authorization (征信业管理条例 第18/20条: 约定用途). */
  purpose: P;
  /** The reference of the signed authorization form (授权书编号). */
  reference: string;
  /** The date on the form (`YYYY-MM-DD`). */
  grantedAt: string;
  /** When the officer confirmed it in the consent gate. */
  confirmedAt: string;
}

/** What the officer typed in the dialog. */
export interface ConsentDraft {
  purposeConfirmed: boolean;
  reference: string;
  grantedAt: string;
}

/** A reason the dialog refuses to submit. */
export type ConsentError =
  | 'purpose'
  | 'reference'
  | 'reference_long'
  | 'reference_id'
  | 'date'
  | 'date_future';

/**
 * The gate of one person.
 */
export type ConsentState<P extends string = string> =
  | { step: 'required' }
  | { step: 'editing'; purpose: P; draft: ConsentDraft; errors: ConsentError[] }
  | { step: 'granted'; consent: PersonalConsent<P> };

/** What can happen to the gate. */
export type ConsentEvent<P extends string = string> =
  | { type: 'open'; today: string; purpose: P }
  | { type: 'edit'; patch: Partial<ConsentDraft> }
  | { type: 'submit'; today: string; now: string }
  | { type: 'cancel' };

/** Longest reference the API accepts (`Authorization.reference`). */
export const MAX_REFERENCE_LENGTH = 100;

/**
 * The gate before anything was confirmed.
 */
export function initialConsent<P extends string = string>(): ConsentState<P> {
  return { step: 'required' };
}

/**
 * The next state. Events that do not apply to the current state leave it unchanged.
 */
export function consentReducer<P extends string>(
  state: ConsentState<P>,
  event: ConsentEvent<P>,
): ConsentState<P> {
  switch (event.type) {
    case 'open':
      if (state.step !== 'required') return state;
      return {
        step: 'editing',
        purpose: event.purpose,
        // The date on the signed authorization is typed from it, never assumed to be today.
        draft: { purposeConfirmed: false, reference: '', grantedAt: '' },
        errors: [],
      };
    case 'edit':
      if (state.step !== 'editing') return state;
      return { ...state, draft: { ...state.draft, ...event.patch }, errors: [] };
    case 'cancel':
      return state.step === 'editing' ? { step: 'required' } : state;
    case 'submit': {
      if (state.step !== 'editing') return state;
      const errors = validateConsent(state.draft, event.today);
      if (errors.length > 0) return { ...state, errors };
      return {
        step: 'granted',
        consent: {
          purpose: state.purpose,
          reference: state.draft.reference.trim(),
          grantedAt: state.draft.grantedAt,
          confirmedAt: event.now,
        },
      };
    }
  }
}

/**
 * What is wrong with a draft, in the order the dialog shows its fields.
 */
export function validateConsent(draft: ConsentDraft, today: string): ConsentError[] {
  const errors: ConsentError[] = [];
  if (!draft.purposeConfirmed) errors.push('purpose');
  const reference = draft.reference.trim();
  if (!reference) errors.push('reference');
  else if (Array.from(reference).length > MAX_REFERENCE_LENGTH) errors.push('reference_long');
  // The reference goes into the audit log; a pasted ID number must not.
  else if (containsIdNumber(reference)) errors.push('reference_id');
  if (!isIsoDate(draft.grantedAt)) errors.push('date');
  else if (draft.grantedAt > today) errors.push('date_future');
  return errors;
}

/**
 * Whether a consent record is complete enough to order with for `purpose` (the background's
 * own check of what a content script sends).
 */
export function isValidConsent<P extends string>(
  consent: unknown,
  today: string,
  purpose: P,
): consent is PersonalConsent<P> {
  if (typeof consent !== 'object' || consent === null) return false;
  const c = consent as Partial<PersonalConsent>;
  return (
    c.purpose === purpose &&
    typeof c.reference === 'string' &&
    typeof c.grantedAt === 'string' &&
    typeof c.confirmedAt === 'string' &&
    !Number.isNaN(Date.parse(c.confirmedAt)) &&
    validateConsent({ purposeConfirmed: true, reference: c.reference, grantedAt: c.grantedAt }, today)
      .length === 0
  );
}

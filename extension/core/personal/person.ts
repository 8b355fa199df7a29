/**
 * A person a screening page shows beside its companies (the 法定代表人 on a 授信审批表): known to
 * the extension by a key and masked references only, looked up only after the officer's consent
 * in the card frame, under the page's mode and its purpose (docs/decisions/0064).
 */
import type { LocalizedText } from '@xinjian/sdk';
import type { ScreeningResult } from '@xinjian/sdk/rules';
import type { PersonalConsent } from './consent.ts';

/** A person on the page, as the background may know them: masked. */
export interface PersonRef {
  /** `person:<n>` on this page. */
  key: string;
  /** The role the page's layout gives (`legal_representative`). */
  role: string;
  idMasked: string;
  nameMasked: string | null;
  /** The group of companies the person belongs to (a credit application), if any. */
  group: string | null;
}

/** Where a person's lookup stands. */
export type PersonResult =
  | { state: 'consent' }
  | { state: 'checking' }
  | { state: 'error'; code: string; reason: LocalizedText; retryable: boolean }
  | {
      state: 'done';
      /** The person's own result under the page's rule set (masked throughout). */
      result: ScreeningResult;
      checkedAt: string;
      reportIds: string[];
      failedProducts: Array<{ productId: string; code: string }>;
    };

/** What a person's badge shows: a verdict, or where the lookup stands. */
export type PersonDisplayState = 'consent' | 'checking' | 'error' | ScreeningResult['verdict'];

/**
 * The display state of a person's result.
 */
export function personDisplayState(result: PersonResult): PersonDisplayState {
  return result.state === 'done' ? result.result.verdict : result.state;
}

const STATE_ICONS: Readonly<Record<PersonDisplayState, string>> = {
  consent: '✎',
  checking: '◌',
  error: '⊘',
  pass: '✓',
  review: '!',
  fail: '✕',
  incomplete: '⊘',
};

/**
 * The icon of a person's state: a shape per state, so the word is never carried by colour alone;
 * `?` for a state this version does not know (a record from a newer one).
 */
export function personStateIcon(state: string): string {
  return STATE_ICONS[state as PersonDisplayState] ?? '?';
}

/** The card frame's body for people (core/personal/card.tsx). */
export const PERSON_CARD = 'person';

/**
 * What the card frame is given about one person. The consent dialog's draft lives in the frame
 * alone; the page's side learns only a consent the background has recorded.
 */
export interface PersonCardProps {
  person: PersonRef;
  result: PersonResult;
  /** The consent the officer gave in the card, once given. */
  granted: PersonalConsent | null;
  /** The mode's purpose (the rule set's domain: `credit_lending`). */
  purpose: string;
}

/**
 * What the officer can do in a person's card: a consent the frame has recorded with the
 * background starts the lookup; a retry repeats it after an error.
 */
export type PersonAction = { name: 'granted'; consent: PersonalConsent } | { name: 'retry' };

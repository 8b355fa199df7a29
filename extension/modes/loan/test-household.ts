import { DEMO_API_KEY, individualsByTag, SEED_AS_OF } from '../../../seeds/index.ts';
import { maskedId, maskedName } from '../../core/personal.ts';
import { defaultSettings, type Settings } from '../../core/settings.ts';
import type { LoanBorrowerRef, LoanConsent } from './model.ts';

/**
 * The seed household `household:hh-2` as the loan background's tests use it: the two people with
 * their full ID numbers (what the card frame sends once), and the masked references the page's
 * script announces.
 */
const [applicant, coBorrower] = individualsByTag('household:hh-2');
export const APPLICANT_ID = applicant?.idNumber ?? '';
export const CO_ID = coBorrower?.idNumber ?? '';
export const HOUSEHOLD_REFS: LoanBorrowerRef[] = [
  {
    key: 'borrower:1',
    role: 'applicant',
    idMasked: maskedId(APPLICANT_ID),
    nameMasked: maskedName(applicant?.name ?? ''),
  },
  {
    key: 'borrower:2',
    role: 'co_borrower',
    idMasked: maskedId(CO_ID),
    nameMasked: maskedName(coBorrower?.name ?? ''),
  },
];

/** The address of the extension's card frame, where a consent is recorded first. */
export const CARD_URL = 'chrome-extension://abcdefghijklmnop/card.html';

/** A complete housing-fund consent under `reference`, confirmed now. */
export function loanConsent(reference: string): LoanConsent {
  return {
    purpose: 'housing_fund_loan',
    reference,
    grantedAt: '2026-11-03',
    confirmedAt: new Date().toISOString(),
  };
}

/**
 * Settings for a loan test against the mock at `baseUrl`: the demo key, `/demo/loan-review` in
 * loan mode, the seeds' review date; `patch` overrides the API or loan part.
 */
export function loanTestSettings(
  baseUrl: string,
  patch: { api?: Partial<Settings['api']>; loan?: Partial<Settings['loan']> } = {},
): Settings {
  const d = defaultSettings();
  return {
    ...d,
    api: { baseUrl, key: DEMO_API_KEY, ...patch.api },
    sites: [
      { pattern: 'http://127.0.0.1/*', mode: 'procurement' },
      { pattern: 'http://127.0.0.1/*', pathPrefix: '/demo/loan-review', mode: 'loan' },
    ],
    operator: '张三',
    loan: { ...d.loan, reviewDate: SEED_AS_OF, ...patch.loan },
  };
}

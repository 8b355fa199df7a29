/**
 * The loan-review mode's messages, merged into the core's message maps (core/messages.ts).
 */
import type { SubjectResult } from '../../core/screening/model.ts';
import type {
  LoanBorrowerRef,
  LoanBusinessNo,
  LoanCompanyRef,
  LoanConsent,
  LoanPageInfo,
  LoanResult,
  LoanTabRecord,
} from './model.ts';

declare module '../../core/messages.ts' {
  interface ContentToBackgroundMap {
    /** A loan page started (load or in-page navigation): a fresh loan record for the tab. */
    'cs:loan-page': {
      /** `businessNo`: the 业务编号 the page prints, with its label (ID numbers masked). */
      request: { url: string; title: string; businessNo?: { value: string; label: string } | null };
      response: LoanPageInfo;
    };
    /** Borrowers found on the loan page, masked; no lookup. */
    'cs:loan-seen': { request: { borrowers: LoanBorrowerRef[] }; response: null };
    /**
     * Look one borrower up after the officer's consent. The only message that carries a full ID
     * number; the background uses it for the orders and keeps it nowhere.
     */
    'cs:loan-lookup': {
      request: { borrower: LoanBorrowerRef; idNumber: string; consent: LoanConsent };
      response: LoanResult;
    };
    /**
     * Companies found on the loan page (developer, guarantor, employer), screened as
     * enterprises beside the borrowers, never in the household verdict (docs/decisions/0061).
     */
    'cs:loan-companies': {
      request: { companies: LoanCompanyRef[] };
      response: Array<{ key: string; result: SubjectResult }>;
    };
    /** The officer picked one candidate of an ambiguous company name in its card. */
    'cs:loan-company-pick': { request: { key: string; uscc: string }; response: SubjectResult };
  }
  interface PageToBackgroundMap {
    /**
     * The card frame (extension origin) records the consent the officer typed for one borrower
     * of its tab, before the content script asks for the lookup.
     */
    'page:loan-consent': { request: { key: string; consent: LoanConsent }; response: null };
    /** The officer confirms or changes the 业务编号 of a tab's application; empty clears it. */
    'page:loan-business-no': { request: { tabId: number; value: string }; response: LoanBusinessNo | null };
    /** A tab's loan-review record (masked throughout). */
    'page:get-loan-tab': { request: { tabId: number }; response: LoanTabRecord | null };
  }
  interface BackgroundToContentMap {
    /** A borrower's loan-review result changed. */
    'bg:loan-result': { request: { key: string; result: LoanResult }; response: null };
  }
}

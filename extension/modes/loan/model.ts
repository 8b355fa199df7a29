/**
 * The data of the housing-fund loan-review mode shared by the background, the loan content
 * script and the extension pages: one borrower found on a page, the consent given for them,
 * the lookup's result, and the per-tab record in `storage.session`. Types only (the content
 * script pulls in no SDK code). No field ever holds a full ID number: borrowers are keyed
 * `borrower:<n>` and carry the masked number; the full number exists only in the content
 * script's memory and, for the length of one lookup, in the background's.
 */
import type { IndividualReportContent, LocalizedText } from '@xinjian/sdk';
import type { BorrowerResult, BorrowerRole, HousingFundResult, HousingFundVerdict } from '@xinjian/sdk/rules';
import type { ConsentEvent, ConsentState, PersonalConsent } from '../../core/personal/consent.ts';
import type { PageSubject, SubjectResult } from '../../core/screening/model.ts';

/** The one purpose loan mode queries for (征信业管理条例 第18/20条: 约定用途). */
export const LOAN_PURPOSE = 'housing_fund_loan';

/**
 * The written authorization an officer confirmed for one borrower before the lookup.
 */
export type LoanConsent = PersonalConsent<typeof LOAN_PURPOSE>;

/** A loan borrower's consent gate (core/personal/consent.ts) and what can happen to it. */
export type LoanConsentState = ConsentState<typeof LOAN_PURPOSE>;
export type LoanConsentEvent = ConsentEvent<typeof LOAN_PURPOSE>;

/**
 * The rule pack a verdict was reached under.
 */
export type LoanRulePackRef = HousingFundResult['rulePack'];

/**
 * What the card lists besides the findings: the report's key facts.
 */
export interface LoanFacts {
  /** Overdue periods and amount still unpaid, summed over every account. */
  currentOverduePeriods: number;
  currentOverdueAmountYuan: number;
  /** The worst 五级分类 of any loan; null without loans. */
  fiveCategory: 'normal' | 'special_mention' | 'substandard' | 'doubtful' | 'loss' | null;
  /** The distinct statuses of the cards; empty without cards. */
  cardStatuses: Array<'normal' | 'frozen' | 'stopped' | 'bad_debt' | 'closed'>;
  /** 失信被执行人 listings in force on the review date. */
  dishonestInForce: number;
  /** Full deposit months in a row ending before the review month; null without an account. */
  deposit: { months: number; from: string | null; to: string | null; status: string } | null;
}

/**
 * One borrower's lookup result.
 */
/**
 * Where a review date came from: the options page, today, or the data's as-of date (the latest
 * source date of the first report, when that is earlier than today).
 */
export type ReviewDateSource = 'settings' | 'today' | 'data';

export type LoanResult =
  | { state: 'consent' }
  | { state: 'checking' }
  | { state: 'error'; code: string; reason: LocalizedText; retryable: boolean }
  | {
      state: 'done';
      verdict: HousingFundVerdict;
      review: BorrowerResult;
      facts: LoanFacts;
      rulePack: LoanRulePackRef;
      asOf: string;
      /** Where the review date came from: the options, today, or the data's own date. */
      asOfSource?: ReviewDateSource;
      checkedAt: string;
      reportIds: string[];
      /** Products that could not be ordered (their channels then show as missing). */
      failedProducts: Array<{ productId: string; code: string }>;
      /** True when the reports came from the session cache instead of fresh orders. */
      cached: boolean;
    };

/**
 * A borrower as the content script reports them: key, role and the masked forms only.
 */
export interface LoanBorrowerRef {
  key: string;
  role: BorrowerRole;
  idMasked: string;
  nameMasked: string | null;
}

/**
 * One borrower on a tab, with the consent given and the lookup's result; `report` is the
 * merged personal report (as the API returns it: masked name and number).
 */
export interface LoanBorrower extends LoanBorrowerRef {
  consent: LoanConsent | null;
  result: LoanResult;
  report: IndividualReportContent | null;
}

/**
 * The household verdict over every borrower on the page, once each has a result.
 */
export type LoanHousehold =
  | { state: 'pending'; waiting: number }
  | { state: 'done'; result: HousingFundResult; keys: string[] };

/**
 * The application's 业务编号: as the page prints it, or as the officer entered it.
 */
export interface LoanBusinessNo {
  value: string;
  /** The label the page prints it under (`业务编号`); `null` once the officer entered or changed it. */
  readFrom: string | null;
}

/** The longest 业务编号 kept. */
export const BUSINESS_NO_MAX = 64;

/**
 * What a company printed on a loan page is to the loan: the developer selling the home
 * (售房单位/开发商), a guarantor (担保人/担保公司), the borrower's employer (工作单位), or a company
 * the page names under no such label.
 */
export type LoanCompanyPart = 'developer' | 'guarantor' | 'employer' | 'other';

/** The parts, in the order the side panel lists them. */
export const LOAN_COMPANY_PARTS: readonly LoanCompanyPart[] = ['guarantor', 'developer', 'employer', 'other'];

/**
 * A company on a loan page as the content script reports it: the screening subject (keyed
 * `code:…`/`name:…`, as on procurement pages) and its part.
 */
export interface LoanCompanyRef {
  subject: PageSubject;
  part: LoanCompanyPart;
}

/**
 * A company on a tab with its enterprise screening: kept beside the borrowers, never part of
 * the household verdict or of the decision record and its digest (docs/decisions/0061).
 */
export interface LoanCompany extends LoanCompanyRef {
  result: SubjectResult;
}

/**
 * Everything loan mode knows about one tab, kept in `storage.session` under `loan:<tabId>`.
 */
export interface LoanTabRecord {
  tabId: number;
  /** Page address and title with any ID-shaped token masked. */
  url: string;
  title: string;
  startedAt: string;
  asOf: string;
  /** Where {@link asOf} came from (absent in records from before it was kept: today). */
  asOfSource?: ReviewDateSource;
  rulePack: LoanRulePackRef;
  /** The application's 业务编号 (absent in records from before it was kept). */
  businessNo?: LoanBusinessNo | null;
  borrowers: LoanBorrower[];
  household: LoanHousehold;
  /** The companies on the page, screened as enterprises (absent before any was found). */
  companies?: LoanCompany[];
}

/**
 * What the content script is told when a loan page starts.
 */
export interface LoanPageInfo {
  asOf: string;
  /** Where {@link asOf} came from: the options or today. */
  asOfSource?: ReviewDateSource;
  rulePack: LoanRulePackRef;
  /** Today in China Standard Time, the latest date an authorization may carry. */
  today: string;
}

/**
 * The state a loan badge shows.
 */
export type LoanDisplayState = 'consent' | 'checking' | 'error' | HousingFundVerdict;

/**
 * Maps a result to its badge state.
 */
export function loanDisplayState(result: LoanResult): LoanDisplayState {
  return result.state === 'done' ? result.verdict : result.state;
}

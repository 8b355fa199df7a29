/**
 * Loan review in the background: starts the loan script on loan pages, keeps each tab's
 * borrowers, and runs a borrower's lookup once the officer has consented. The full ID number
 * arrives in one message (`cs:loan-lookup`), is used for the three report orders, and is dropped
 * when the lookup returns: no record, log line, cache key or message to a page holds it
 * (docs/decisions/0017). A lookup is accepted only for a borrower this tab announced, with a
 * complete consent, and only once its audit entry is stored (docs/decisions/0050, 0052).
 */

import type { IndividualReportContent } from '@xinjian/sdk';
import { XinjianError } from '@xinjian/sdk';
import { isValidIdCard } from '@xinjian/sdk/identifiers';
import { browser } from 'wxt/browser';
import { clientFor } from '../../core/background/client.ts';
import { leaveTab, type ModeBackground } from '../../core/background/modes.ts';
import { sendToTab } from '../../core/messages.ts';
import { isValidConsent } from '../../core/personal/consent.ts';
import { auditedLookup, consentStore, lookupFailure, originOf } from '../../core/personal/lookup.ts';
import { orderPersonalReports } from '../../core/personal/reports.ts';
import { maskedId, pageAddress, redactDeep, redactIds, stripControls } from '../../core/personal.ts';
import { forgetPageKeys } from '../../core/screening/background/personal-check.ts';
import { loadSettings, type Settings, siteFor, todayInChina } from '../../core/settings.ts';
import { checkLoanCompanies, pickLoanCompany } from './companies.ts';
import {
  BUSINESS_NO_MAX,
  LOAN_PURPOSE,
  type LoanBorrowerRef,
  type LoanBusinessNo,
  type LoanConsent,
  type LoanPageInfo,
  type LoanResult,
  type LoanTabRecord,
  type ReviewDateSource,
} from './model.ts';
import {
  evaluateBorrower,
  evaluateHousehold,
  loanFacts,
  loanRulePack,
  mergePersonalReports,
  PERSONAL_PRODUCTS,
  rulePackRef,
} from './review.ts';
import { dropLoanTab, getLoanTab, knownLoanTabIds, startLoanTab, updateLoanTab } from './tabs.ts';

const CACHE_PREFIX = 'loan-cache:';

/**
 * Starts a tab's loan record for the page that just loaded: the review date and rule pack of
 * this page are fixed here, so every verdict of the page uses the same pack version.
 */
export async function startLoanPage(
  tabId: number,
  page: { url: string; title: string; businessNo?: { value: string; label: string } | null },
): Promise<LoanPageInfo> {
  const settings = await loadSettings();
  const today = todayInChina();
  const asOf = settings.loan.reviewDate ?? today;
  const asOfSource: ReviewDateSource = settings.loan.reviewDate ? 'settings' : 'today';
  const rulePack = rulePackRef(loanRulePack(settings.loan.rulePackId));
  // A new page: consents recorded for the previous one's borrowers do not carry over.
  await forgetConsents(tabId);
  await startLoanTab({
    tabId,
    url: pageAddress(String(page.url)),
    title: cleanText(String(page.title)),
    startedAt: new Date().toISOString(),
    asOf,
    asOfSource,
    rulePack,
    businessNo: page.businessNo ? businessNo(page.businessNo.value, page.businessNo.label) : null,
    borrowers: [],
    household: { state: 'pending', waiting: 0 },
  });
  return { asOf, asOfSource, rulePack, today };
}

/**
 * The data's as-of date of a report: the latest date (China time) any of its sources was read,
 * or `null` when none was.
 */
export function dataAsOf(report: IndividualReportContent): string | null {
  const dates = report.sources
    .flatMap((s) => (s.fetchedAt ? [chinaDate(s.fetchedAt)] : []))
    .filter((d): d is string => d !== null)
    .sort();
  return dates.at(-1) ?? null;
}

function chinaDate(iso: string): string | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : todayInChina(new Date(ms));
}

// A page without a review date in the options is reviewed as of today, unless its data ends
// earlier: then as of the data's date, fixed for the page at its first report, so a month-old
// data set is not read as a month of missed deposits (docs/decisions/0055).
async function reviewDateFor(
  page: LoanTabRecord,
  report: IndividualReportContent,
): Promise<{ asOf: string; asOfSource: ReviewDateSource }> {
  const source = page.asOfSource ?? 'today';
  if (source !== 'today') return { asOf: page.asOf, asOfSource: source };
  const data = dataAsOf(report);
  if (!data || data >= page.asOf) return { asOf: page.asOf, asOfSource: 'today' };
  let fixed: { asOf: string; asOfSource: ReviewDateSource } = { asOf: data, asOfSource: 'data' };
  await updateLoanTab(page.tabId, (r) => {
    // Another page since: its date is its own.
    if (r.startedAt !== page.startedAt) return;
    if ((r.asOfSource ?? 'today') === 'today') {
      r.asOf = data;
      r.asOfSource = 'data';
    }
    fixed = { asOf: r.asOf, asOfSource: r.asOfSource ?? 'today' };
  });
  return fixed;
}

/**
 * Adds the borrowers a loan page shows (masked references only) to the tab's record.
 */
export async function addLoanBorrowers(tabId: number, borrowers: readonly LoanBorrowerRef[]): Promise<void> {
  await updateLoanTab(tabId, (record) => {
    for (const b of borrowers) {
      if (record.borrowers.some((x) => x.key === b.key)) continue;
      record.borrowers.push({ ...cleanRef(b), consent: null, result: { state: 'consent' }, report: null });
    }
    refreshHousehold(record);
  });
}

/**
 * Looks one borrower up: checks the site is in loan mode and the consent is complete, orders
 * the personal credit report, the deposit history and the court check (or takes them from the
 * session cache when enabled), reviews the borrower, records the audit entry and updates the
 * household. Returns the borrower's result, which is also pushed to the tab.
 */
export async function lookupBorrower(
  from: { tabId: number; frameId: number | null; url: string | null },
  request: { borrower: LoanBorrowerRef; idNumber: string; consent: LoanConsent },
): Promise<LoanResult> {
  const settings = await loadSettings();
  const today = todayInChina();
  if (!from.url || siteFor(from.url, settings.sites)?.mode !== 'loan') {
    throw new XinjianError('loan_mode_off: personal lookups run only on sites set to loan mode');
  }
  if (!isValidConsent(request.consent, today, LOAN_PURPOSE)) {
    throw new XinjianError('consent_required: confirm the written authorization and purpose first');
  }
  const idNumber = request.idNumber.trim().toUpperCase();
  if (!isValidIdCard(idNumber) || maskedId(idNumber) !== request.borrower.idMasked) {
    throw new XinjianError('invalid_subject: the ID number does not match the borrower');
  }
  const record = await getLoanTab(from.tabId);
  if (!record) throw new XinjianError('no_page: lookup before cs:loan-page');
  const borrower = cleanRef(request.borrower);
  // Only a person this page showed: the content-script world cannot order reports for anyone.
  const announced = record.borrowers.find((b) => b.key === borrower.key);
  if (!announced || announced.idMasked !== maskedId(idNumber) || announced.role !== borrower.role) {
    throw new XinjianError('not_announced: this borrower was not shown on the page (cs:loan-seen)');
  }
  // Only a consent the officer typed in the card frame, recorded from there (not from the page's side).
  const consent = await consents.require(from.tabId, borrower.key, request.consent);
  const pack = loanRulePack(record.rulePack.id);
  let report: IndividualReportContent | null = null;
  const result = await auditedLookup<LoanResult>({
    audit: {
      idNumber,
      operator: settings.operator,
      mode: 'loan',
      consent,
      role: borrower.role,
      site: originOf(from.url),
      rulePack: { id: pack.id, version: pack.version },
    },
    retentionDays: settings.audit.retentionDays,
    refused: (reason) => ({ state: 'error', code: 'audit_unavailable', reason, retryable: true }),
    started: () =>
      setBorrower(from, record, borrower, { consent, result: { state: 'checking' }, report: null }),
    run: async () => {
      const fetched = await personalReports(settings, idNumber, consent);
      report = fetched.content;
      const { asOf, asOfSource } = await reviewDateFor(record, fetched.content);
      const review = evaluateBorrower(fetched.content, borrower.role, borrower.key, pack, asOf);
      return {
        state: 'done',
        verdict: review.verdict,
        review,
        facts: loanFacts(fetched.content, asOf),
        rulePack: rulePackRef(pack),
        asOf,
        asOfSource,
        checkedAt: new Date().toISOString(),
        reportIds: fetched.reportIds,
        failedProducts: fetched.failedProducts,
        cached: fetched.cached,
      };
    },
    failed: (error) => {
      report = null;
      return lookupFailure(error);
    },
    outcome: (r) => ({
      reportIds: r.state === 'done' ? r.reportIds : [],
      outcome:
        r.state === 'done'
          ? { kind: 'verdict', verdict: r.verdict, cached: r.cached }
          : { kind: 'error', code: r.state === 'error' ? r.code : 'unknown' },
    }),
  });

  await setBorrower(from, record, borrower, { consent, result, report });
  return result;
}

// One storage key per borrower, so two consents recorded at once cannot overwrite each other.
const consents = consentStore('loan-consent:', LOAN_PURPOSE);

const forgetConsents = (tabId: number) => consents.forget(tabId);

/**
 * Records the consent the officer typed in a card frame for one borrower of the frame's tab:
 * only from the card page (extension origin, inside the tab), only complete, and only for a
 * borrower the tab announced. A lookup needs it (`lookupBorrower`).
 */
export function recordLoanConsent(
  from: { tabId: number | null; url: string | null },
  request: { key: string; consent: LoanConsent },
): Promise<null> {
  return consents.record(from, request, async (tabId, key) =>
    Boolean((await getLoanTab(tabId))?.borrowers.some((b) => b.key === key)),
  );
}

async function dropLoanTabAndConsents(tabId: number): Promise<void> {
  forgetPageKeys(tabId);
  await forgetConsents(tabId);
  await dropLoanTab(tabId);
}

// Only into the record of the page that asked: after an in-page navigation the tab's record and
// its badges are the next application's, whose `borrower:1` may be another person.
async function setBorrower(
  from: { tabId: number; frameId: number | null },
  page: LoanTabRecord,
  ref: LoanBorrowerRef,
  state: { consent: LoanConsent; result: LoanResult; report: IndividualReportContent | null },
): Promise<void> {
  let stored = false;
  await updateLoanTab(from.tabId, (record) => {
    if (record.startedAt !== page.startedAt) return;
    stored = true;
    let entry = record.borrowers.find((b) => b.key === ref.key);
    if (!entry) {
      entry = { ...ref, consent: null, result: { state: 'consent' }, report: null };
      record.borrowers.push(entry);
    }
    entry.consent = state.consent;
    entry.result = state.result;
    entry.report = state.report;
    refreshHousehold(record);
  });
  if (!stored) return;
  await sendToTab(
    from.tabId,
    { type: 'bg:loan-result', key: ref.key, result: state.result },
    from.frameId ?? undefined,
  );
}

// The household is decided once every borrower on the page has a report; until then it waits.
function refreshHousehold(record: LoanTabRecord): void {
  const ready = record.borrowers.filter((b) => b.result.state === 'done' && b.report !== null);
  const waiting = record.borrowers.length - ready.length;
  if (record.borrowers.length === 0 || waiting > 0) {
    record.household = { state: 'pending', waiting };
    return;
  }
  const { result, keys } = evaluateHousehold(
    ready.map((b) => ({ key: b.key, role: b.role, report: b.report as IndividualReportContent })),
    loanRulePack(record.rulePack.id),
    record.asOf,
  );
  record.household = { state: 'done', result: redactDeep(result), keys };
}

interface Fetched {
  content: IndividualReportContent;
  reportIds: string[];
  failedProducts: Array<{ productId: string; code: string }>;
  cached: boolean;
}

// The session cache is keyed by an HMAC under a key that lives only in this service worker's
// memory: nothing stored beside the cache can turn a key back into an ID number, and a new
// worker starts with an empty cache in effect (docs/decisions/0051).
let cacheKeyPromise: Promise<CryptoKey> | null = null;
async function cacheKeyFor(idNumber: string): Promise<string> {
  cacheKeyPromise ??= crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', await cacheKeyPromise, new TextEncoder().encode(idNumber));
  return CACHE_PREFIX + Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function personalReports(settings: Settings, idNumber: string, consent: LoanConsent): Promise<Fetched> {
  const cacheKey = await cacheKeyFor(idNumber);
  if (settings.loan.cacheReports) {
    const hit = (await browser.storage.session.get(cacheKey))[cacheKey] as
      | { expires: number; value: Omit<Fetched, 'cached'> }
      | undefined;
    if (hit && hit.expires > Date.now()) return { ...hit.value, cached: true };
  }
  const { parts, reportIds, failedProducts } = await orderPersonalReports(clientFor(settings), {
    products: PERSONAL_PRODUCTS,
    idNumber,
    purpose: LOAN_PURPOSE,
    consent,
  });
  const value = { content: redactDeep(mergePersonalReports(parts)), reportIds, failedProducts };
  if (settings.loan.cacheReports && failedProducts.length === 0) {
    const ttl = Math.max(1, settings.cacheTtlMinutes) * 60_000;
    await browser.storage.session.set({ [cacheKey]: { expires: Date.now() + ttl, value } });
  }
  return { ...value, cached: false };
}

// Content-script text is page text: invisible controls out, ID numbers masked, whatever the field.
function cleanText(text: string): string {
  return redactIds(stripControls(String(text)));
}

// A 业务编号 is page text or the officer's typing: cleaned like all of it, and short.
function businessNo(value: unknown, readFrom: unknown): LoanBusinessNo | null {
  const clean = cleanText(String(value ?? '')).trim();
  if (clean.length === 0 || clean.length > BUSINESS_NO_MAX) return null;
  const label =
    readFrom === null
      ? ''
      : cleanText(String(readFrom ?? ''))
          .trim()
          .slice(0, 20);
  return { value: clean, readFrom: label || null };
}

/**
 * The officer's 业务编号 for a tab's application (confirmed as read, or changed): kept in its
 * record as the officer's, so the record says who stated it.
 */
export async function setBusinessNo(tabId: number, value: string): Promise<LoanBusinessNo | null> {
  const record = await getLoanTab(tabId);
  if (!record) throw new XinjianError('not_found: this tab has no loan review');
  const read = record.businessNo ?? null;
  const next = businessNo(value, null);
  // Confirmed unchanged: still the page's, with where it was read.
  const kept = next && read && next.value === read.value ? read : next;
  await updateLoanTab(tabId, (r) => {
    r.businessNo = kept;
  });
  return kept;
}

function cleanRef(b: LoanBorrowerRef): LoanBorrowerRef {
  return {
    key: cleanText(b.key),
    role: b.role === 'spouse' || b.role === 'co_borrower' ? b.role : 'applicant',
    idMasked: cleanText(b.idMasked),
    nameMasked: b.nameMasked === null ? null : cleanText(b.nameMasked),
  };
}

/** The loan mode's part of the background (core/background/modes.ts). */
export const background: ModeBackground = {
  content: {
    'cs:loan-page': async (m, sender) => {
      const tabId = requireTab(sender.tabId);
      await leaveTab(tabId, background);
      return startLoanPage(tabId, m);
    },
    'cs:loan-seen': async (m, sender) => {
      await addLoanBorrowers(requireTab(sender.tabId), m.borrowers);
      return null;
    },
    'cs:loan-lookup': (m, sender) =>
      lookupBorrower(
        { tabId: requireTab(sender.tabId), frameId: sender.frameId, url: sender.url },
        { borrower: m.borrower, idNumber: m.idNumber, consent: m.consent },
      ),
    'cs:loan-companies': (m, sender) =>
      checkLoanCompanies({ tabId: requireTab(sender.tabId), url: sender.url }, m.companies),
    'cs:loan-company-pick': (m, sender) =>
      pickLoanCompany({ tabId: requireTab(sender.tabId), url: sender.url }, m),
  },
  pages: {
    'page:get-loan-tab': (m) => getLoanTab(m.tabId),
    'page:loan-business-no': (m) => setBusinessNo(Number(m.tabId), String(m.value ?? '')),
    'page:loan-consent': (m, sender) => recordLoanConsent(sender, m),
  },
  leaveTab: dropLoanTabAndConsents,
  // A tab that loads another document leaves its loan page: the borrowers and reports go too
  // (an in-page navigation starts a fresh record from the content script instead).
  tabLoading: (tabId) =>
    void getLoanTab(tabId).then((record) => (record ? dropLoanTabAndConsents(tabId) : undefined)),
  tabIds: knownLoanTabIds,
};

function requireTab(tabId: number | null): number {
  if (tabId === null) throw new Error('[xinjian] content message without a tab');
  return tabId;
}

/**
 * The loan-review record of each tab, in memory and mirrored to `storage.session` under
 * `loan:<tabId>` (cleared with the browser session; content scripts cannot read it). It holds
 * masked numbers, the consents and the reports as the API returned them: never a full ID.
 */
import { browser } from 'wxt/browser';
import type { LoanTabRecord } from './model.ts';

const PREFIX = 'loan:';
const records = new Map<number, LoanTabRecord>();

/**
 * The storage key of a tab's loan record, for pages that watch `storage.session`.
 */
export function loanStorageKey(tabId: number): string {
  return `${PREFIX}${tabId}`;
}

/**
 * A tab's loan record, from memory or, after a service-worker restart, from storage.
 */
export async function getLoanTab(tabId: number): Promise<LoanTabRecord | null> {
  const inMemory = records.get(tabId);
  if (inMemory) return inMemory;
  const key = loanStorageKey(tabId);
  const stored = (await browser.storage.session.get(key))[key] as LoanTabRecord | undefined;
  if (stored) records.set(tabId, stored);
  return stored ?? null;
}

/**
 * Starts a fresh record (a page load or an in-page navigation) and stores it.
 */
export async function startLoanTab(record: LoanTabRecord): Promise<void> {
  records.set(record.tabId, record);
  await browser.storage.session.set({ [loanStorageKey(record.tabId)]: record });
}

/**
 * Changes a tab's record in place (synchronously, so two lookups finishing together cannot
 * lose each other's result) and stores it. Returns the record, or null when the tab has none.
 */
export async function updateLoanTab(
  tabId: number,
  change: (record: LoanTabRecord) => void,
): Promise<LoanTabRecord | null> {
  const record = await getLoanTab(tabId);
  if (!record) return null;
  change(record);
  await browser.storage.session.set({ [loanStorageKey(tabId)]: record });
  return record;
}

/**
 * Forgets a closed tab.
 */
export async function dropLoanTab(tabId: number): Promise<void> {
  records.delete(tabId);
  await browser.storage.session.remove(loanStorageKey(tabId));
}

/** Ids of the tabs with a loan record in memory. */
export function knownLoanTabIds(): number[] {
  return [...records.keys()];
}

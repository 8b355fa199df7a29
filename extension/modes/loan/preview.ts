/**
 * What the loan content script itself needs of the card: the review date the consent dialog
 * starts from, and the preview's text for the e2e hook. Kept apart from the card bodies, which
 * only the card frame loads.
 */
import { todayInChina } from '@xinjian/sdk';
import { loanStateIcon, loanStateLabel } from './format.ts';
import { type LoanPageInfo, type LoanResult, loanDisplayState } from './model.ts';

/**
 * The preview's text as the officer reads it: icon and state.
 */
export function loanPreviewText(result: LoanResult): string {
  const state = loanDisplayState(result);
  return `${loanStateIcon(state)}${loanStateLabel(state)}`;
}

/**
 * The review date of a page: the page's own, else today in China.
 */
export function reviewToday(page: LoanPageInfo | null): string {
  return page?.today ?? todayInChina();
}

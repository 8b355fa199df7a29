import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { SEED_AS_OF } from '../../../seeds/index.ts';
import type { LoanTabRecord } from './model.ts';
import { LoanRecordPage } from './record-page.tsx';
import { loanRulePack, rulePackRef } from './review.ts';

/**
 * The loan tab record of the demo loan page under the generic pack, with no borrower read yet;
 * tests fill in what they are about.
 */
export function loanTabRecord(fill: Partial<LoanTabRecord> = {}): LoanTabRecord {
  return {
    tabId: 1,
    url: 'http://127.0.0.1:8787/demo/loan-review',
    title: '住房公积金个人贷款审批',
    startedAt: '2026-11-25T02:00:00.000Z',
    asOf: SEED_AS_OF,
    asOfSource: 'data',
    rulePack: rulePackRef(loanRulePack('generic-lian3lei6')),
    businessNo: null,
    borrowers: [],
    household: { state: 'pending', waiting: 0 },
    ...fill,
  };
}

/**
 * Renders the printed loan record of `record` into `root`, the background answering with it, and
 * waits until the element `testId` is shown.
 */
export async function showLoanRecord(
  record: LoanTabRecord,
  root: HTMLElement,
  testId: string,
): Promise<void> {
  vi.spyOn(browser.tabs, 'get').mockResolvedValue({ id: record.tabId, url: record.url } as never);
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (m: { type: string }) =>
    m.type === 'page:get-loan-tab' ? { ok: true, value: record } : { ok: true, value: null }) as never);
  history.replaceState(null, '', `/evidence.html?mode=loan&tab=${record.tabId}`);
  await act(async () => {
    render(<LoanRecordPage />, root);
  });
  await vi.waitFor(() => expect(root.querySelector(`[data-testid="${testId}"]`)).not.toBeNull());
}

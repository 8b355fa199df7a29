import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SEED_AS_OF } from '../../../seeds/index.ts';
import type { Language } from '../../core/i18n.ts';
import { defaultSettings, saveSettings } from '../../core/settings.ts';
import type { LoanBusinessNo, LoanTabRecord } from './model.ts';
import { LoanRecordPage } from './record-page.tsx';
import { loanRulePack, rulePackRef } from './review.ts';

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

function tab(businessNo: LoanBusinessNo | null): LoanTabRecord {
  return {
    tabId: 4,
    url: 'http://127.0.0.1:8787/demo/loan-review',
    title: '住房公积金个人贷款审批',
    startedAt: '2026-11-25T02:00:00.000Z',
    asOf: SEED_AS_OF,
    asOfSource: 'data',
    rulePack: rulePackRef(loanRulePack('generic-lian3lei6')),
    businessNo,
    borrowers: [],
    household: { state: 'pending', waiting: 0 },
  };
}

async function printed(record: LoanTabRecord, language: Language): Promise<HTMLElement> {
  await saveSettings({ ...defaultSettings(), language, operator: '张三' });
  vi.spyOn(browser.tabs, 'get').mockResolvedValue({ id: record.tabId, url: record.url } as never);
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (m: { type: string }) =>
    m.type === 'page:get-loan-tab' ? { ok: true, value: record } : { ok: true, value: null }) as never);
  history.replaceState(null, '', `/evidence.html?mode=loan&tab=${record.tabId}`);
  await act(async () => {
    render(<LoanRecordPage />, root);
  });
  await vi.waitFor(() => expect(root.querySelector('[data-testid="business-no"]')).not.toBeNull());
  return root.querySelector('[data-testid="business-no"]') as HTMLElement;
}

describe('the printed loan record', () => {
  it('prints the 业务编号 read from the page, and where, in zh-CN', async () => {
    const cell = await printed(tab({ value: 'GJJ-DK-2026-110301', readFrom: '业务编号' }), 'zh-CN');
    expect(cell.textContent).toBe('GJJ-DK-2026-110301读自页面“业务编号”');
    expect(cell.closest('tr')?.querySelector('th')?.textContent).toBe('业务编号');
  });

  it('prints the officer’s 业务编号 as entered, in English', async () => {
    const cell = await printed(tab({ value: 'SQ-2026-0042', readFrom: null }), 'en');
    expect(cell.textContent).toBe('SQ-2026-0042entered by the officer');
    expect(cell.closest('tr')?.querySelector('th')?.textContent).toBe('Business reference no.');
  });

  it('prints a dash where there is none', async () => {
    const cell = await printed(tab(null), 'zh-CN');
    expect(cell.textContent).toBe('—');
  });
});

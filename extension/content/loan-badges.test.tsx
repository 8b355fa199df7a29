import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../lib/i18n.ts';
import type { LoanBorrowerRef, LoanConsent } from '../lib/loan-model.ts';
import { loanRulePack, rulePackRef } from '../lib/loan-review.ts';
import { maskedId, maskedName } from '../lib/personal.ts';
import { createDetectState } from './detect.ts';
import { isLoanUi, type LoanBadgeHandle, LoanBadges } from './loan-badges.tsx';
import { detectBorrowers } from './loan-detect.ts';
import { createHiddenCheck } from './visibility.ts';

const TODAY = '2026-11-25';
const PAGE = { asOf: '2026-11-01', today: TODAY, rulePack: rulePackRef(loanRulePack('generic-lian3lei6')) };

function loadLoanPage(): void {
  const html = readFileSync(join(process.cwd(), 'seeds/pages/loan-review.html'), 'utf8');
  document.documentElement.innerHTML = html
    .replace(/^<!DOCTYPE html>\s*<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/, '');
}

let badges: LoanBadges;
let lookup: ReturnType<typeof vi.fn<(key: string, consent: LoanConsent) => void>>;
let ids: string[];

beforeEach(() => {
  loadLoanPage();
  lookup = vi.fn<(key: string, consent: LoanConsent) => void>();
  badges = new LoanBadges({ lookup, openPanel: vi.fn() });
  const found = detectBorrowers(document.body, {
    isHidden: createHiddenCheck(),
    state: createDetectState(),
    ignore: isLoanUi,
  });
  ids = found.map((o) => o.idNumber);
  act(() => {
    badges.setPage(PAGE);
    found.forEach((o, i) => {
      const ref: LoanBorrowerRef = {
        key: `borrower:${i + 1}`,
        role: o.role ?? 'applicant',
        idMasked: maskedId(o.idNumber),
        nameMasked: maskedName(o.name),
      };
      badges.track(ref);
      badges.mount(o, ref.key);
    });
  });
});
afterEach(() => {
  act(() => badges.clear());
  setLanguage('zh-CN');
});

const handle = (key: string): LoanBadgeHandle => {
  const h = [...badges.handles()].find((x) => x.key === key);
  if (!h) throw new Error(`no badge ${key}`);
  return h;
};
const q = <T extends Element>(key: string, selector: string) => handle(key).root.querySelector(selector) as T;
const press = (el: Element, key: string) =>
  act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));

describe('loan badges on the saved page', () => {
  it('sit right after each printed number, ask for consent, and name the person masked', () => {
    expect(document.querySelectorAll('xinjian-badge')).toHaveLength(2);
    const cell = document.querySelector('#loan-parties tbody tr td.code');
    expect(cell?.lastChild?.nodeName).toBe('XINJIAN-BADGE');
    const badge = q<HTMLElement>('borrower:1', '.badge');
    expect(badge.textContent).toBe('✎需授权确认');
    expect(badge.getAttribute('aria-label')).toBe('申请人 冯** 330***********9966：需授权确认');
    expect(q<HTMLElement>('borrower:2', '.badge').getAttribute('aria-label')).toBe(
      '共同借款人 丁* 340***********1694：需授权确认',
    );
  });

  it('opens the consent dialog by keyboard and starts no lookup until it is complete', () => {
    press(q('borrower:1', '.badge'), 'Enter');
    const form = q<HTMLFormElement>('borrower:1', 'form');
    expect(form).not.toBeNull();
    expect(handle('borrower:1').root.activeElement?.getAttribute('name')).toBe('purposeConfirmed');
    act(() => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(lookup).not.toHaveBeenCalled();
    expect(q<HTMLElement>('borrower:1', '[role="alert"]').textContent).toBe(
      '请确认已取得书面授权并约定用途请填写授权书编号',
    );
  });

  it('hands the lookup the consent once the purpose, reference and date are confirmed', () => {
    press(q('borrower:1', '.badge'), ' ');
    const check = q<HTMLInputElement>('borrower:1', 'input[name="purposeConfirmed"]');
    act(() => check.click());
    const reference = q<HTMLInputElement>('borrower:1', 'input[name="reference"]');
    act(() => {
      reference.value = 'SQ-2026-0001';
      reference.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(q<HTMLInputElement>('borrower:1', 'input[name="grantedAt"]').value).toBe(TODAY);
    act(
      () =>
        void q('borrower:1', 'form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })),
    );
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup.mock.calls[0]?.[0]).toBe('borrower:1');
    expect(lookup.mock.calls[0]?.[1]).toMatchObject({
      purpose: 'housing_fund_loan',
      reference: 'SQ-2026-0001',
      grantedAt: TODAY,
    });
    // One person's consent is not the other's.
    expect(badges.consent('borrower:2')).toEqual({ step: 'required' });
  });

  it('cancels the draft with Escape', () => {
    press(q('borrower:2', '.badge'), 'Enter');
    expect(badges.consent('borrower:2').step).toBe('editing');
    press(q('borrower:2', '.card'), 'Escape');
    expect(badges.consent('borrower:2')).toEqual({ step: 'required' });
    expect(q<HTMLElement>('borrower:2', '.card').hasAttribute('hidden')).toBe(true);
  });

  it('never renders a full number, prefix or birth date in the badges', () => {
    press(q('borrower:1', '.badge'), 'Enter');
    act(() =>
      badges.setResult('borrower:2', {
        state: 'error',
        code: 'not_found',
        reason: { zh: `没有 ${ids[1]} 的记录`, en: `no file for ${ids[1]}` },
        retryable: false,
      }),
    );
    press(q('borrower:2', '.badge'), 'Enter');
    const text = [...badges.handles()].map((h) => h.root.innerHTML).join('\n');
    expect(text).toContain('340***********1694');
    for (const id of ids)
      for (const needle of [id, id.slice(0, 17), id.slice(6, 14)]) expect(text).not.toContain(needle);
  });
});

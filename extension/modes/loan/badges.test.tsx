import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BadgeHandle } from '../../core/badges/host.ts';
import { setLanguage } from '../../core/i18n.ts';
import { CardFrame } from '../../core/overlay/card-frame.ts';
import { createHiddenCheck } from '../../core/page/visibility.ts';
import { maskedId, maskedName } from '../../core/personal.ts';
import { createDetectState } from '../../core/scan/detect.ts';
import { isOwnUi, LoanBadges } from './badges.tsx';
import { LoanFrameBody } from './card.tsx';
import { detectBorrowers } from './detect.ts';
import type { LoanBorrowerRef, LoanConsent } from './model.ts';
import { loanRulePack, rulePackRef } from './review.ts';

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
let ctx: ContentScriptContext;
let card: HTMLElement;

beforeEach(() => {
  loadLoanPage();
  card = document.createElement('div');
  document.body.append(card);
  lookup = vi.fn<(key: string, consent: LoanConsent) => void>();
  ctx = new ContentScriptContext('loan-test');
  badges = new LoanBadges({ lookup, openPanel: vi.fn() }, new CardFrame(ctx));
  const found = detectBorrowers(document.body, {
    isHidden: createHiddenCheck(),
    state: createDetectState(),
    ignore: isOwnUi,
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
      badges.add(ref);
      badges.mount(o, ref.key);
    });
  });
});
afterEach(() => {
  act(() => badges.clear());
  render(null, card);
  card.remove();
  ctx.abort();
  setLanguage('zh-CN');
});

const handle = (key: string): BadgeHandle => {
  const h = [...badges.handles()].find((x) => x.key === key);
  if (!h) throw new Error(`no marker ${key}`);
  return h;
};

// The card frame's body, drawn here from what the registry would send the frame.
function drawCard(key: string): void {
  const h = handle(key);
  act(() =>
    render(<LoanFrameBody view="card" props={h.props()} act={(a) => h.act(a)} close={vi.fn()} />, card),
  );
}
const q = <T extends Element>(selector: string) => card.querySelector(selector) as T;
const openConsent = (key: string) =>
  act(() =>
    handle(key).act({ name: 'consent', event: { type: 'open', today: TODAY, purpose: 'housing_fund_loan' } }),
  );

describe('loan markers on the saved page', () => {
  it('sit right after each printed number and say nothing about the person or the result', () => {
    expect(document.querySelectorAll('xinjian-badge')).toHaveLength(2);
    const cell = document.querySelector('#loan-parties tbody tr td.code');
    expect(cell?.lastChild?.nodeName).toBe('XINJIAN-BADGE');
    const labels = [...badges.handles()].map((h) => h.button.getAttribute('aria-label'));
    expect(labels).toEqual(['信鉴 核查结果', '信鉴 核查结果']);
    for (const h of badges.handles()) expect(h.root.textContent).not.toMatch(/需授权|冯|丁|\d{3}/);
  });

  it('ignore synthetic keys and clicks: only the officer opens a card', () => {
    const h = handle('borrower:1');
    act(() => {
      h.button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      h.button.click();
    });
    expect(badges.frame.state().owner).toBeNull();
    expect(badges.consent('borrower:1')).toEqual({ step: 'required' });
  });
});

describe('the loan card, as the frame draws it', () => {
  it('opens the consent dialog and starts no lookup until it is complete', () => {
    openConsent('borrower:1');
    drawCard('borrower:1');
    expect(q('form')).not.toBeNull();
    expect(document.activeElement?.getAttribute('name')).toBe('purposeConfirmed');
    act(() => void q('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    drawCard('borrower:1');
    expect(lookup).not.toHaveBeenCalled();
    expect(q<HTMLElement>('[role="alert"]').textContent).toBe(
      '请确认已取得书面授权并约定用途请填写授权书编号请填写有效的授权日期（YYYY-MM-DD）',
    );
  });

  it('records the consent from the frame, then hands the lookup the consent once the purpose, reference and date are confirmed', async () => {
    const recorded: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => {
      recorded.push(m);
      return Promise.resolve({ ok: true, value: null });
    });
    openConsent('borrower:1');
    drawCard('borrower:1');
    act(() => q<HTMLInputElement>('input[name="purposeConfirmed"]').click());
    drawCard('borrower:1');
    const reference = q<HTMLInputElement>('input[name="reference"]');
    act(() => {
      reference.value = 'SQ-2026-0001';
      reference.dispatchEvent(new Event('input', { bubbles: true }));
    });
    drawCard('borrower:1');
    const date = q<HTMLInputElement>('input[name="grantedAt"]');
    // Not prefilled: the officer enters the date on the signed authorization.
    expect(date.value).toBe('');
    act(() => {
      date.value = TODAY;
      date.dispatchEvent(new Event('input', { bubbles: true }));
    });
    drawCard('borrower:1');
    act(() => void q('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await vi.waitFor(() => expect(lookup).toHaveBeenCalledTimes(1));
    // The frame told the background first, with what the officer typed.
    expect(recorded).toEqual([
      {
        type: 'page:loan-consent',
        key: 'borrower:1',
        consent: expect.objectContaining({ reference: 'SQ-2026-0001', grantedAt: TODAY }),
      },
    ]);
    expect(lookup.mock.calls[0]?.[0]).toBe('borrower:1');
    expect(lookup.mock.calls[0]?.[1]).toMatchObject({
      purpose: 'housing_fund_loan',
      reference: 'SQ-2026-0001',
      grantedAt: TODAY,
    });
    // One person's consent is not the other's.
    expect(badges.consent('borrower:2')).toEqual({ step: 'required' });
  });

  it('never shows a full number, prefix or birth date', () => {
    act(() =>
      badges.setResult('borrower:2', {
        state: 'error',
        code: 'not_found',
        reason: { zh: `没有 ${ids[1]} 的记录`, en: `no file for ${ids[1]}` },
        retryable: false,
      }),
    );
    drawCard('borrower:2');
    const text = card.innerHTML;
    expect(text).toContain('340***********1694');
    for (const id of ids)
      for (const needle of [id, id.slice(0, 17), id.slice(6, 14)]) expect(text).not.toContain(needle);
  });
});

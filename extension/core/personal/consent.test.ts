import { describe, expect, it } from 'vitest';
import {
  type ConsentState,
  consentReducer,
  initialConsent,
  isValidConsent,
  MAX_REFERENCE_LENGTH,
  validateConsent,
} from './consent.ts';

const TODAY = '2026-11-25';
const NOW = '2026-11-25T01:02:03.000Z';

function open(): ConsentState {
  return consentReducer(initialConsent(), { type: 'open', today: TODAY, purpose: 'housing_fund_loan' });
}
function fill(
  state: ConsentState,
  patch: Parameters<typeof consentReducer>[1] & { type: 'edit' },
): ConsentState {
  return consentReducer(state, patch);
}

describe('the consent gate', () => {
  it('starts closed and refuses to grant without the dialog', () => {
    const start = initialConsent();
    expect(start).toEqual({ step: 'required' });
    expect(consentReducer(start, { type: 'submit', today: TODAY, now: NOW })).toBe(start);
    expect(consentReducer(start, { type: 'edit', patch: { reference: 'SQ-1' } })).toBe(start);
    expect(consentReducer(start, { type: 'cancel' })).toBe(start);
  });

  it('opens with an empty draft and no date: the authorization date is entered, not assumed', () => {
    expect(open()).toEqual({
      step: 'editing',
      purpose: 'housing_fund_loan',
      draft: { purposeConfirmed: false, reference: '', grantedAt: '' },
      errors: [],
    });
  });

  it('refuses an empty submission and says what is missing', () => {
    const s = consentReducer(open(), { type: 'submit', today: TODAY, now: NOW });
    expect(s).toEqual({
      step: 'editing',
      purpose: 'housing_fund_loan',
      draft: { purposeConfirmed: false, reference: '', grantedAt: '' },
      errors: ['purpose', 'reference', 'date'],
    });
  });

  it('needs the purpose confirmed even with a reference', () => {
    const s = fill(open(), { type: 'edit', patch: { reference: 'SQ-2026-0001', grantedAt: '2026-11-03' } });
    expect(consentReducer(s, { type: 'submit', today: TODAY, now: NOW })).toMatchObject({
      step: 'editing',
      purpose: 'housing_fund_loan',
      errors: ['purpose'],
    });
  });

  it('grants with the fixed purpose, the trimmed reference, the date and the moment of confirmation', () => {
    let s = fill(open(), { type: 'edit', patch: { purposeConfirmed: true } });
    s = fill(s, { type: 'edit', patch: { reference: '  SQ-2026-0001 ', grantedAt: '2026-11-03' } });
    expect(consentReducer(s, { type: 'submit', today: TODAY, now: NOW })).toEqual({
      step: 'granted',
      consent: {
        purpose: 'housing_fund_loan',
        reference: 'SQ-2026-0001',
        grantedAt: '2026-11-03',
        confirmedAt: NOW,
      },
    });
  });

  it('clears the errors on the next edit and goes back to required on cancel', () => {
    const failed = consentReducer(open(), { type: 'submit', today: TODAY, now: NOW });
    const edited = fill(failed, { type: 'edit', patch: { purposeConfirmed: true } });
    expect(edited.step === 'editing' && edited.errors).toEqual([]);
    expect(consentReducer(edited, { type: 'cancel' })).toEqual({ step: 'required' });
  });

  it('cannot be edited or reopened once granted', () => {
    let s = fill(open(), {
      type: 'edit',
      patch: { purposeConfirmed: true, reference: 'SQ-1', grantedAt: '2026-11-03' },
    });
    s = consentReducer(s, { type: 'submit', today: TODAY, now: NOW });
    expect(s.step).toBe('granted');
    expect(consentReducer(s, { type: 'edit', patch: { reference: 'other' } })).toBe(s);
    expect(consentReducer(s, { type: 'open', today: TODAY, purpose: 'housing_fund_loan' })).toBe(s);
    expect(consentReducer(s, { type: 'cancel' })).toBe(s);
  });
});

describe('validation', () => {
  const ok = { purposeConfirmed: true, reference: 'SQ-1', grantedAt: '2026-11-03' };

  it('rejects a future or impossible date', () => {
    expect(validateConsent({ ...ok, grantedAt: '2026-11-26' }, TODAY)).toEqual(['date_future']);
    expect(validateConsent({ ...ok, grantedAt: '2026-02-30' }, TODAY)).toEqual(['date']);
    expect(validateConsent({ ...ok, grantedAt: '' }, TODAY)).toEqual(['date']);
    expect(validateConsent({ ...ok, grantedAt: TODAY }, TODAY)).toEqual([]);
  });

  it('keeps the reference within the API limit and free of ID numbers', () => {
    expect(validateConsent({ ...ok, reference: 'x'.repeat(MAX_REFERENCE_LENGTH) }, TODAY)).toEqual([]);
    expect(validateConsent({ ...ok, reference: 'x'.repeat(MAX_REFERENCE_LENGTH + 1) }, TODAY)).toEqual([
      'reference_long',
    ]);
    expect(validateConsent({ ...ok, reference: '授权 330110199209219966' }, TODAY)).toEqual(['reference_id']);
    expect(validateConsent({ ...ok, reference: '   ' }, TODAY)).toEqual(['reference']);
  });

  it('checks a consent record the background receives', () => {
    const consent = {
      purpose: 'housing_fund_loan',
      reference: 'SQ-1',
      grantedAt: '2026-11-03',
      confirmedAt: NOW,
    };
    expect(isValidConsent(consent, TODAY, 'housing_fund_loan')).toBe(true);
    expect(isValidConsent({ ...consent, purpose: 'credit_lending' }, TODAY, 'housing_fund_loan')).toBe(false);
    expect(isValidConsent({ ...consent, reference: '' }, TODAY, 'housing_fund_loan')).toBe(false);
    expect(isValidConsent({ ...consent, grantedAt: '2027-01-01' }, TODAY, 'housing_fund_loan')).toBe(false);
    expect(isValidConsent({ ...consent, confirmedAt: 'later' }, TODAY, 'housing_fund_loan')).toBe(false);
    expect(isValidConsent(null, TODAY, 'housing_fund_loan')).toBe(false);
  });
});

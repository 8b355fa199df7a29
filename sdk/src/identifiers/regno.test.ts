import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRegNoCheckDigit, isValidRegNo, parseRegNo } from './regno.ts';

const digits = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''));
const validRegNo = digits(14).map((p) => p + computeRegNoCheckDigit(p));

/** domain.md §3.4 validation, written out independently: run all 15 digits, the final s must be 1. */
function oracle(s: string): boolean {
  let p = 10;
  let sum = 0;
  for (const ch of s) {
    sum = (p + Number(ch)) % 10;
    if (sum === 0) sum = 10;
    p = (2 * sum) % 11;
  }
  return sum % 10 === 1;
}

describe('isValidRegNo / parseRegNo', () => {
  it('accepts the GS 15 example 110108000000016', () => {
    expect(parseRegNo('110108000000016')).toEqual({
      ok: true,
      value: '110108000000016',
      authorityCode: '110108',
      sequence: '00000001',
      entityType: { code: '0', zh: '内资企业', en: 'domestic enterprise' },
      checkDigit: '6',
    });
    expect(isValidRegNo(' 110108000000016 ')).toBe(true);
  });

  it('names the expected check digit', () => {
    expect(parseRegNo('110108000000017')).toEqual({
      ok: false,
      reason: 'checksum',
      message: { zh: '校验位不符：应为 6，实为 7', en: 'check digit mismatch: expected 6, got 7' },
      expectedCheckChar: '6',
      got: '7',
    });
  });

  it('classifies the entity by the first sequence digit', () => {
    const at = (d: string) => {
      const p = `110108${d}0000001`;
      const r = parseRegNo(p + computeRegNoCheckDigit(p));
      return r.ok ? r.entityType.zh : null;
    };
    expect([at('3'), at('4'), at('5'), at('6'), at('9')]).toEqual([
      '内资企业',
      '外资企业',
      '外资企业',
      '个体工商户',
      '个体工商户',
    ]);
  });

  it('rejects wrong lengths and non-digits', () => {
    expect(parseRegNo('11010800000001')).toMatchObject({ ok: false, reason: 'length' });
    expect(parseRegNo('1101080000000160')).toMatchObject({ ok: false, reason: 'length' });
    expect(parseRegNo('11010800000001X')).toMatchObject({
      ok: false,
      reason: 'charset',
      got: 'X',
      position: 15,
    });
  });
});

describe('computeRegNoCheckDigit', () => {
  it('computes the worked example', () => {
    expect(computeRegNoCheckDigit('11010800000001')).toBe('6');
  });

  it('throws RangeError on a bad prefix', () => {
    expect(() => computeRegNoCheckDigit('1101080000000')).toThrow(RangeError);
    expect(() => computeRegNoCheckDigit('1101080000000a')).toThrow(RangeError);
  });
});

describe('reg no properties', () => {
  it('agrees with the domain validation loop on any 15 digits', () => {
    expect(oracle('110108000000016')).toBe(true);
    fc.assert(
      fc.property(digits(15), (s) => {
        expect(isValidRegNo(s)).toBe(oracle(s));
      }),
    );
  });

  it('every generated number passes', () => {
    fc.assert(
      fc.property(validRegNo, (s) => {
        expect(isValidRegNo(s)).toBe(true);
      }),
    );
  });

  it('every single-digit substitution fails', () => {
    fc.assert(
      fc.property(
        validRegNo,
        fc.integer({ min: 0, max: 14 }),
        fc.constantFrom(...'0123456789'),
        (s, i, ch) => {
          fc.pre(s.charAt(i) !== ch);
          expect(isValidRegNo(s.slice(0, i) + ch + s.slice(i + 1))).toBe(false);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeOrgCodeCheckChar, isValidOrgCode, parseOrgCode } from './orgcode.ts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const body = fc.array(fc.constantFrom(...ALPHABET), { minLength: 8, maxLength: 8 }).map((a) => a.join(''));
const validCode = body.map((b) => b + computeOrgCodeCheckChar(b));

describe('isValidOrgCode / parseOrgCode', () => {
  it('accepts the GB example D2143569-X', () => {
    expect(parseOrgCode('D2143569-X')).toEqual({
      ok: true,
      value: 'D2143569X',
      display: 'D2143569-X',
      body: 'D2143569',
      checkChar: 'X',
      warnings: [],
    });
  });

  it('accepts 60003734-1, the org code inside 91110000600037341L', () => {
    expect(isValidOrgCode('60003734-1')).toBe(true);
    expect(isValidOrgCode('600037341')).toBe(true);
  });

  it('accepts the hyphen-less, lower-case and padded forms', () => {
    for (const s of ['D2143569X', 'd2143569-x', ' D2143569-X\t']) {
      const r = parseOrgCode(s);
      expect(r.ok && r.value).toBe('D2143569X');
    }
  });

  it('names the expected check character', () => {
    expect(parseOrgCode('D2143569-1')).toEqual({
      ok: false,
      reason: 'checksum',
      message: { zh: '校验位不符：应为 X，实为 1', en: 'check character mismatch: expected X, got 1' },
      expectedCheckChar: 'X',
      got: '1',
    });
    expect(parseOrgCode('60003734-X')).toMatchObject({ ok: false, expectedCheckChar: '1', got: 'X' });
  });

  it('reads hyphens as separators, as ratings.lookup does, and rejects bad characters and wrong lengths', () => {
    expect(parseOrgCode('D214356-9X')).toMatchObject({ ok: true, value: 'D2143569X' });
    expect(parseOrgCode('D214356-9')).toMatchObject({ ok: false, reason: 'length' });
    expect(parseOrgCode('D2143569_X')).toMatchObject({ ok: false, reason: 'length' });
    expect(parseOrgCode('D214356#X')).toMatchObject({ ok: false, reason: 'charset', got: '#', position: 8 });
    expect(parseOrgCode('D2143569')).toMatchObject({ ok: false, reason: 'length' });
    expect(parseOrgCode('')).toMatchObject({ ok: false, reason: 'length' });
  });

  it('warns on the PDY 自定义区', () => {
    const b = 'PDY00001';
    const r = parseOrgCode(b + computeOrgCodeCheckChar(b));
    expect(r.ok && r.warnings).toEqual(['reserved_custom_range']);
    const other = 'PDZ00001';
    const r2 = parseOrgCode(other + computeOrgCodeCheckChar(other));
    expect(r2.ok && r2.warnings).toEqual([]);
  });

  it('cannot see a substitution whose value changes by 11 (a GB 11714 blind spot)', () => {
    // '2' (2) → 'D' (13) at weight 7 shifts the sum by 77 ≡ 0 (mod 11).
    expect(isValidOrgCode('DD143569-X')).toBe(true);
  });
});

describe('computeOrgCodeCheckChar', () => {
  it('maps 10 to X and 11 to 0', () => {
    expect(computeOrgCodeCheckChar('D2143569')).toBe('X');
    expect(computeOrgCodeCheckChar('60003734')).toBe('1');
    // Σ = 0 → C9 = 11 → '0'.
    expect(computeOrgCodeCheckChar('00000000')).toBe('0');
  });

  it('matches the domain formula with weights 2^(9−i) mod 11', () => {
    const weights = [3, 7, 9, 10, 5, 8, 4, 2];
    expect(weights).toEqual(weights.map((_, i) => 2 ** (8 - i) % 11));
    fc.assert(
      fc.property(body, (b) => {
        let sum = 0;
        for (let i = 0; i < 8; i++) sum += ALPHABET.indexOf(b.charAt(i)) * (weights[i] ?? 0);
        const c9 = 11 - (sum % 11);
        expect(computeOrgCodeCheckChar(b)).toBe(c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9));
      }),
    );
  });

  it('throws RangeError on a bad body', () => {
    expect(() => computeOrgCodeCheckChar('D214356')).toThrow(RangeError);
    expect(() => computeOrgCodeCheckChar('D214356-')).toThrow(RangeError);
  });
});

describe('org code properties', () => {
  it('every generated code passes, with or without the hyphen', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        expect(isValidOrgCode(code)).toBe(true);
        expect(isValidOrgCode(`${code.slice(0, 8)}-${code.charAt(8)}`.toLowerCase())).toBe(true);
      }),
    );
  });

  it('every substitution the MOD 11 check can see fails', () => {
    const weights = [3, 7, 9, 10, 5, 8, 4, 2];
    fc.assert(
      fc.property(
        validCode,
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom(...ALPHABET, '-', '*'),
        (code, i, ch) => {
          const from = code.charAt(i);
          fc.pre(from !== ch);
          // In the body, a value shift that is a multiple of 11 is invisible to the check.
          const delta = ALPHABET.indexOf(ch) - ALPHABET.indexOf(from);
          fc.pre(i === 8 || ALPHABET.indexOf(ch) < 0 || (delta * (weights[i] ?? 0)) % 11 !== 0);
          expect(isValidOrgCode(code.slice(0, i) + ch + code.slice(i + 1))).toBe(false);
        },
      ),
    );
  });
});

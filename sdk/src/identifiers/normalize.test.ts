import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidIdCard,
  isValidOrgCode,
  isValidRegNo,
  isValidUscc,
  normalizeIdentifier,
  parseIdCard,
  parseOrgCode,
  parseRegNo,
  parseUscc,
} from './index.ts';

// What people paste: full-width forms (an IME left in full-width mode), lower case, spaces,
// dashes, a BOM from a file, an ideographic space.
const FULL_WIDTH = (s: string) =>
  s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const variants = (code: string): string[] => [
  code,
  code.toLowerCase(),
  FULL_WIDTH(code),
  FULL_WIDTH(code.toLowerCase()),
  ` ${code} `,
  `\ufeff${code}`,
  `\u3000${code}\u3000`,
  code.replace(/(.{4})/g, '$1 ').trim(),
  code.replace(/(.{4})/g, '$1-'),
  code.replace(/(.{6})/g, '$1\u2014'),
  `${code.slice(0, 3)}\u200b${code.slice(3)}`,
];

describe('normalizeIdentifier', () => {
  it('maps full-width to ASCII, lower to upper, and drops spaces and separators', () => {
    expect(normalizeIdentifier(' d2143569-x ')).toBe('D2143569X');
    expect(normalizeIdentifier('９１１１００００６０００３７３４１Ｌ')).toBe('91110000600037341L');
    expect(normalizeIdentifier('9111 0000 6000 3734 1l')).toBe('91110000600037341L');
    expect(normalizeIdentifier('\ufeff11010519491231002x')).toBe('11010519491231002X');
  });

  it('upper-cases ASCII letters only, so a look-alike never becomes valid', () => {
    expect(normalizeIdentifier('9111000060003734ı')).toBe('9111000060003734ı');
    expect(isValidUscc('91110000600037341ı')).toBe(false);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const once = normalizeIdentifier(s);
        expect(normalizeIdentifier(once)).toBe(once);
      }),
    );
  });
});

describe('every validator accepts what ratings.lookup accepts', () => {
  const cases = [
    ['uscc', '91110000600037341L', parseUscc, isValidUscc],
    ['uscc', '91350100M000100Y43', parseUscc, isValidUscc],
    ['org code', 'D2143569X', parseOrgCode, isValidOrgCode],
    ['id card', '11010519491231002X', parseIdCard, isValidIdCard],
    ['reg no', '110108000000016', parseRegNo, isValidRegNo],
  ] as const;

  it.each(cases)('%s %s in every pasted form', (_kind, code, parse, isValid) => {
    for (const v of variants(code)) {
      const parsed = (parse as (s: string) => { ok: boolean; value?: string })(v);
      expect(parsed, JSON.stringify(v)).toMatchObject({ ok: true, value: code });
      expect(isValid(v), JSON.stringify(v)).toBe(true);
      expect(normalizeIdentifier(v)).toBe(code);
    }
  });

  it('still rejects a wrong check character in a pasted form, saying which one is right', () => {
    expect(parseUscc('９１１１００００６０００３７３４１Ｎ')).toMatchObject({
      ok: false,
      reason: 'checksum',
      expectedCheckChar: 'L',
    });
    expect(isValidUscc('91110000 60003734 1N')).toBe(false);
  });
});

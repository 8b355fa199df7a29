import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { IdentifierKind } from '../core/schemas.ts';
import { findIdentifiers, type IdentifierMatch } from './find.ts';
import { computeIdCardCheckChar, parseIdCard } from './idcard.ts';
import { computeOrgCodeCheckChar, parseOrgCode } from './orgcode.ts';
import { computeRegNoCheckDigit, parseRegNo } from './regno.ts';
import { computeUsccCheckChar, isValidUscc, parseUscc, USCC_CHARSET } from './uscc.ts';

const AS_OF = new Date('2024-06-15T12:00:00+08:00');
const ALNUM = /[0-9A-Za-z]/;
// Valid as an ID number (1980-01-01, female) and, by coincidence, as a USCC.
const BOTH = '110105198001010518';

function revalidate(kind: IdentifierKind, raw: string): boolean {
  switch (kind) {
    case 'uscc':
      return parseUscc(raw).ok;
    case 'id_card':
      return parseIdCard(raw, { asOf: AS_OF }).ok;
    case 'org_code':
      return parseOrgCode(raw).ok && raw.charAt(8) === '-';
    case 'reg_no':
      return parseRegNo(raw).ok;
  }
}

function checkMatches(text: string, matches: IdentifierMatch[]): void {
  let end = 0;
  for (const m of matches) {
    expect(m.index).toBeGreaterThanOrEqual(end);
    const raw = text.slice(m.index, m.index + m.length);
    expect(revalidate(m.kind, raw)).toBe(true);
    expect(ALNUM.test(text.charAt(m.index - 1))).toBe(false);
    expect(ALNUM.test(text.charAt(m.index + m.length))).toBe(false);
    end = m.index + m.length;
  }
}

describe('findIdentifiers', () => {
  it('finds each kind in Chinese text, in order, with offsets', () => {
    const text =
      '供应商：91110000600037341L（组织机构代码 60003734-1，注册号 110108000000016），法定代表人身份证 11010519491231002x。';
    expect(findIdentifiers(text, { asOf: AS_OF })).toEqual([
      { kind: 'uscc', value: '91110000600037341L', index: 4, length: 18 },
      { kind: 'org_code', value: '600037341', index: 30, length: 10 },
      { kind: 'reg_no', value: '110108000000016', index: 45, length: 15 },
      { kind: 'id_card', value: '11010519491231002X', index: 71, length: 18 },
    ]);
    expect(text.slice(30, 40)).toBe('60003734-1');
    expect(text.slice(71, 89)).toBe('11010519491231002x');
  });

  it('normalises lower-case codes in value but reports the raw span', () => {
    const text = 'code=91310115ma1k3btp2b;';
    const [m] = findIdentifiers(text);
    expect(m).toEqual({ kind: 'uscc', value: '91310115MA1K3BTP2B', index: 5, length: 18 });
    expect(text.slice(5, 23)).toBe('91310115ma1k3btp2b');
  });

  it('skips codes with a wrong check character', () => {
    const text = '91110000600037341N 60003734-2 110108000000017 36042619910102009X 9111000060003IOZSV';
    expect(findIdentifiers(text, { asOf: AS_OF })).toEqual([]);
  });

  it('skips codes glued to longer tokens', () => {
    for (const text of [
      'X91110000600037341L',
      '91110000600037341L9',
      'a91110000600037341Lb',
      '0110108000000016',
      '110108000000016x',
      'AD2143569-X',
      'D2143569-XY',
      '11010519491231002X0',
    ]) {
      expect(findIdentifiers(text, { asOf: AS_OF }), text).toEqual([]);
    }
  });

  it('accepts punctuation, CJK and line breaks as boundaries', () => {
    const text = '(91110000600037341L)\n「D2143569-X」_110108000000016-';
    expect(findIdentifiers(text).map((m) => m.kind)).toEqual(['uscc', 'org_code', 'reg_no']);
  });

  it('matches org codes only in the hyphenated display form', () => {
    expect(findIdentifiers('D2143569X 600037341')).toEqual([]);
    expect(findIdentifiers('D2143569-X')).toEqual([
      { kind: 'org_code', value: 'D2143569X', index: 0, length: 10 },
    ]);
  });

  it('restricts to options.kinds', () => {
    const text = '91110000600037341L 60003734-1 110108000000016 11010519491231002X';
    const kinds = (k: IdentifierKind[]) =>
      findIdentifiers(text, { kinds: k, asOf: AS_OF }).map((m) => m.kind);
    expect(kinds(['uscc', 'org_code', 'reg_no'])).toEqual(['uscc', 'org_code', 'reg_no']);
    expect(kinds(['id_card'])).toEqual(['id_card']);
    expect(kinds(['reg_no'])).toEqual(['reg_no']);
    expect(kinds([])).toEqual([]);
  });

  // Decision: a token valid both ways is an ID number. Without 'id_card' it is dropped, not
  // downgraded to a USCC, so a person's number never reaches an enterprise lookup.
  it('reports a token valid as both ID number and USCC as id_card, or not at all', () => {
    expect(isValidUscc(BOTH)).toBe(true);
    expect(parseIdCard(BOTH, { asOf: AS_OF }).ok).toBe(true);
    expect(findIdentifiers(BOTH, { asOf: AS_OF })).toEqual([
      { kind: 'id_card', value: BOTH, index: 0, length: 18 },
    ]);
    expect(findIdentifiers(BOTH, { kinds: ['id_card'], asOf: AS_OF })).toHaveLength(1);
    expect(findIdentifiers(BOTH, { kinds: ['uscc', 'org_code', 'reg_no'], asOf: AS_OF })).toEqual([]);
  });

  it('reports an all-digit USCC that is not a valid ID number as uscc', () => {
    // 121200004013590816: "birth date" 0040-13-59 does not exist.
    expect(findIdentifiers('121200004013590816', { kinds: ['uscc'] })).toEqual([
      { kind: 'uscc', value: '121200004013590816', index: 0, length: 18 },
    ]);
  });

  it('uses asOf for ID birth dates', () => {
    const future = `11010520240616001${computeIdCardCheckChar('11010520240616001')}`;
    expect(findIdentifiers(future, { kinds: ['id_card'], asOf: AS_OF })).toEqual([]);
    expect(findIdentifiers(future, { kinds: ['id_card'], asOf: new Date('2025-01-01') })).toHaveLength(1);
  });

  it('returns [] for non-string input from untyped callers', () => {
    expect(findIdentifiers(undefined as unknown as string)).toEqual([]);
    expect(findIdentifiers(42 as unknown as string)).toEqual([]);
  });

  it('scans 1 MB in one linear pass, including pathological inputs', () => {
    const filler = '采购人：某某单位，联系电话 010-12345678，项目编号 ZB2024-001。'.repeat(20);
    const chunk = `${filler} 91110000600037341L ${filler} D2143569-X\n`;
    const text = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    const adversarial = [
      '1'.repeat(1_000_000),
      'a1'.repeat(500_000),
      '12345678-'.repeat(111_112),
      '110108000000017 '.repeat(62_500),
    ];
    const start = performance.now();
    const found = findIdentifiers(text);
    const bad = adversarial.map((t) => findIdentifiers(t).length);
    const ms = performance.now() - start;
    expect(found).toHaveLength(2 * Math.ceil(1_000_000 / chunk.length));
    expect(bad).toEqual([0, 0, 0, 0]);
    // Budget: a page's text scanned on load must not stall the content script (typically ~50 ms
    // here); the generous bound only catches a super-linear regression.
    expect(ms).toBeLessThan(2000);
  });

  it('types kinds and matches with the API enum', () => {
    expectTypeOf<IdentifierMatch['kind']>().toEqualTypeOf<'uscc' | 'org_code' | 'reg_no' | 'id_card'>();
    expectTypeOf(findIdentifiers).returns.toEqualTypeOf<IdentifierMatch[]>();
  });
});

const usccChar = fc.constantFrom(...USCC_CHARSET);
const digit = fc.constantFrom(...'0123456789');
const str = (a: fc.Arbitrary<string>, n: number) =>
  fc.array(a, { minLength: n, maxLength: n }).map((x) => x.join(''));
const validUscc = fc
  .tuple(str(usccChar, 2), str(digit, 6), str(usccChar, 9))
  .map(([a, b, c]) => a + b + c)
  .map((p) => p + computeUsccCheckChar(p))
  .filter((s) => !parseIdCard(s, { asOf: AS_OF }).ok);
const validOrg = str(fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), 8).map(
  (b) => `${b}-${computeOrgCodeCheckChar(b)}`,
);
const validRegNo = str(digit, 14).map((p) => p + computeRegNoCheckDigit(p));
const validId = fc
  .tuple(
    str(digit, 6),
    fc.integer({ min: 1900, max: 2023 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    str(digit, 3),
  )
  .map(([r, y, m, d, s]) => `${r}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${s}`)
  .map((p) => p + computeIdCardCheckChar(p));
const anyValid = fc.oneof(
  validUscc.map((value) => ({ kind: 'uscc' as const, value })),
  validOrg.map((value) => ({ kind: 'org_code' as const, value })),
  validRegNo.map((value) => ({ kind: 'reg_no' as const, value })),
  validId.map((value) => ({ kind: 'id_card' as const, value })),
);
// Separators and filler that cannot glue onto a code.
const gap = fc.string({
  unit: fc.constantFrom(' ', '，', '。', '\n', '（', '）', '：', '、', '信', '用', '-'),
  maxLength: 6,
});

describe('findIdentifiers properties', () => {
  it('never throws on arbitrary strings and every match re-validates', () => {
    for (const unit of ['binary', 'grapheme', 'binary-ascii'] as const) {
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 200 }), (text) => {
          checkMatches(text, findIdentifiers(text, { asOf: AS_OF }));
        }),
      );
    }
  });

  it('finds every code placed among separators, with its kind and offset', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(gap, anyValid), { maxLength: 6 }), gap, (parts, tail) => {
        let text = '';
        const expected: IdentifierMatch[] = [];
        for (const [g, code] of parts) {
          // A leading hyphen glued to an org code is fine; one between two codes needs a space.
          text += `${g} `;
          const value = code.kind === 'org_code' ? code.value.replace('-', '') : code.value;
          expected.push({ kind: code.kind, value, index: text.length, length: code.value.length });
          text += code.value;
        }
        text += ` ${tail}`;
        const found = findIdentifiers(text, { asOf: AS_OF });
        expect(found).toEqual(expected);
        checkMatches(text, found);
      }),
    );
  });

  it('finds nothing when a code is glued to a letter or digit on either side', () => {
    const glue = fc.constantFrom(...'0123456789ABCXYZabcxyz');
    fc.assert(
      fc.property(anyValid, glue, fc.boolean(), (code, ch, before) => {
        const text = before ? ch + code.value : code.value + ch;
        expect(findIdentifiers(text, { asOf: AS_OF })).toEqual([]);
      }),
    );
  });

  it('finds codes inside arbitrary surrounding text when boundaries are clean', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 50 }),
        anyValid,
        fc.string({ unit: 'binary', maxLength: 50 }),
        (a, code, b) => {
          const text = `${a} ${code.value} ${b}`;
          const found = findIdentifiers(text, { asOf: AS_OF });
          checkMatches(text, found);
          expect(
            found.some(
              (m) => m.index === a.length + 1 && m.length === code.value.length && m.kind === code.kind,
            ),
          ).toBe(true);
        },
      ),
    );
  });
});

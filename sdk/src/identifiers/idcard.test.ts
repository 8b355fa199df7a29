import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIdCardCheckChar, isValidIdCard, parseIdCard } from './idcard.ts';

const AS_OF = new Date('2024-06-15T12:00:00+08:00');
const withCheck = (first17: string): string => first17 + computeIdCardCheckChar(first17);

const digits = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''));
const birth = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2024-06-14T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
const validId = fc.tuple(digits(6), birth, digits(3)).map(([r, b, s]) => withCheck(r + b + s));

describe('isValidIdCard / parseIdCard', () => {
  it('parses the GB example 11010519491231002X', () => {
    expect(parseIdCard('11010519491231002X', { asOf: AS_OF })).toEqual({
      ok: true,
      value: '11010519491231002X',
      regionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
      checkChar: 'X',
    });
  });

  it.each([
    ['360426199101010071', '1991-01-01', 'male'],
    ['44011320141005001X', '2014-10-05', 'male'],
    ['34052419800101001X', '1980-01-01', 'male'],
  ])('accepts the worked example %s', (id, birthDate, sex) => {
    expect(parseIdCard(id, { asOf: AS_OF })).toMatchObject({ ok: true, birthDate, sex });
  });

  it('accepts a lower-case x and normalises it', () => {
    const r = parseIdCard(' 11010519491231002x ', { asOf: AS_OF });
    expect(r.ok && r.value).toBe('11010519491231002X');
    expect(isValidIdCard('34052419800101001x')).toBe(true);
  });

  it('names the expected check character for 36042619910102009X', () => {
    expect(parseIdCard('36042619910102009X', { asOf: AS_OF })).toEqual({
      ok: false,
      reason: 'checksum',
      message: { zh: '校验位不符：应为 3，实为 X', en: 'check character mismatch: expected 3, got X' },
      expectedCheckChar: '3',
      got: 'X',
    });
    expect(isValidIdCard('360426199101020093', { asOf: AS_OF })).toBe(true);
  });

  it('accepts the GB 11643 example 440524188001010014, born 1880', () => {
    expect(computeIdCardCheckChar('44052418800101001')).toBe('4');
    expect(parseIdCard('440524188001010014', { asOf: AS_OF })).toMatchObject({
      ok: true,
      birthDate: '1880-01-01',
      sex: 'male',
    });
  });

  it('reads sex from the parity of position 17', () => {
    expect(parseIdCard(withCheck('11010519800101001'), { asOf: AS_OF })).toMatchObject({ sex: 'male' });
    expect(parseIdCard(withCheck('11010519800101002'), { asOf: AS_OF })).toMatchObject({ sex: 'female' });
  });

  it('rejects length, charset and legacy 15-digit numbers', () => {
    expect(parseIdCard('11010519491231002', { asOf: AS_OF })).toMatchObject({ ok: false, reason: 'length' });
    expect(parseIdCard('110105194912310X2X', { asOf: AS_OF })).toMatchObject({
      ok: false,
      reason: 'charset',
      got: 'X',
      position: 16,
    });
    expect(parseIdCard('11010519491231002Y', { asOf: AS_OF })).toMatchObject({
      ok: false,
      reason: 'charset',
      position: 18,
    });
    expect(parseIdCard('110105491231002', { asOf: AS_OF })).toMatchObject({ ok: false, reason: 'legacy15' });
    expect(isValidIdCard('110105491231002')).toBe(false);
  });
});

describe('birth dates', () => {
  const at = (yyyymmdd: string) => parseIdCard(withCheck(`110105${yyyymmdd}001`), { asOf: AS_OF });

  it('accepts Feb 29 only in leap years', () => {
    expect(at('20000229')).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(at('19960229')).toMatchObject({ ok: true, birthDate: '1996-02-29' });
    expect(at('19000229')).toMatchObject({ ok: false, reason: 'birthdate' });
    expect(at('20230229')).toMatchObject({ ok: false, reason: 'birthdate' });
  });

  it('rejects impossible dates such as 19910230', () => {
    for (const d of ['19910230', '19910431', '19911301', '19910001', '19910100', '19911232']) {
      expect(at(d)).toMatchObject({ ok: false, reason: 'birthdate' });
    }
    expect(at('19910230')).toMatchObject({
      message: { zh: '出生日期 1991-02-30 不存在', en: 'birth date 1991-02-30 does not exist' },
    });
  });

  it('bounds the date to 1800-01-01 … asOf', () => {
    expect(at('18000101').ok).toBe(true);
    expect(at('17991231')).toMatchObject({ ok: false, reason: 'birthdate' });
    expect(at('20240615').ok).toBe(true);
    expect(at('20240616')).toMatchObject({
      ok: false,
      reason: 'birthdate',
      message: { en: 'birth date 2024-06-16 is in the future' },
    });
  });

  it('takes the calendar day of asOf in UTC+8', () => {
    const id = withCheck('11010520240616001');
    // 2024-06-15 20:00 UTC is already 2024-06-16 in China.
    expect(isValidIdCard(id, { asOf: new Date('2024-06-15T20:00:00Z') })).toBe(true);
    expect(isValidIdCard(id, { asOf: new Date('2024-06-15T15:59:59Z') })).toBe(false);
  });

  it('changes day at midnight in China, back and forth, to the millisecond', () => {
    const id = withCheck('11010520240616001');
    const before = new Date('2024-06-15T15:59:59.999Z');
    const midnight = new Date('2024-06-15T16:00:00.000Z');
    const lastMs = new Date('2024-06-16T15:59:59.999Z');
    expect(isValidIdCard(id, { asOf: midnight })).toBe(true);
    expect(isValidIdCard(id, { asOf: before })).toBe(false);
    expect(isValidIdCard(id, { asOf: lastMs })).toBe(true);
    expect(isValidIdCard(withCheck('11010520240617001'), { asOf: lastMs })).toBe(false);
    expect(isValidIdCard(withCheck('11010520240617001'), { asOf: new Date(+lastMs + 1) })).toBe(true);
    expect(isValidIdCard(id, { asOf: before })).toBe(false);
  });

  it('defaults asOf to now (and treats an invalid Date as now)', () => {
    expect(isValidIdCard(withCheck('11010599991231001'))).toBe(false);
    expect(isValidIdCard(withCheck('11010599991231001'), { asOf: new Date(Number.NaN) })).toBe(false);
    expect(isValidIdCard(withCheck('11010520000101001'), { asOf: new Date(Number.NaN) })).toBe(true);
  });
});

describe('computeIdCardCheckChar', () => {
  it('follows the MOD 11-2 table', () => {
    expect(computeIdCardCheckChar('11010519491231002')).toBe('X');
    expect(computeIdCardCheckChar('36042619910101007')).toBe('1');
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    expect(weights).toEqual(weights.map((_, i) => 2 ** (17 - i) % 11));
    const table = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    fc.assert(
      fc.property(digits(17), (p) => {
        let sum = 0;
        for (let i = 0; i < 17; i++) sum += Number(p.charAt(i)) * (weights[i] ?? 0);
        expect(computeIdCardCheckChar(p)).toBe(table[sum % 11]);
      }),
    );
  });

  it('throws RangeError on a bad prefix', () => {
    expect(() => computeIdCardCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => computeIdCardCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe('ID number properties', () => {
  it('every generated number passes', () => {
    fc.assert(
      fc.property(validId, (id) => {
        expect(isValidIdCard(id, { asOf: AS_OF })).toBe(true);
        expect(isValidIdCard(id.toLowerCase(), { asOf: AS_OF })).toBe(true);
      }),
    );
  });

  it('every single-character substitution fails', () => {
    fc.assert(
      fc.property(
        validId,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...'0123456789Xx-A'),
        (id, i, ch) => {
          fc.pre(id.charAt(i) !== ch.toUpperCase());
          expect(isValidIdCard(id.slice(0, i) + ch + id.slice(i + 1), { asOf: AS_OF })).toBe(false);
        },
      ),
    );
  });
});

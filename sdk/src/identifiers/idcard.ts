/**
 * 居民身份证号码 (GB 11643-1999): 6-digit 地址码, 8-digit birth date, 3-digit 顺序码 (odd = male),
 * 1 check character by ISO 7064 MOD 11-2.
 */
import type { LocalizedText } from '../core/schemas.ts';
import { normalizeIdentifier } from './normalize.ts';

/**
 * Why an ID number was rejected. `legacy15` is a 15-digit GB 11643-1989 number: it has no check
 * digit, so it is never reported as valid.
 *
 * @example
 * ```ts
 * const reason: IdCardFailureReason = 'birthdate';
 * ```
 */
export type IdCardFailureReason = 'length' | 'charset' | 'birthdate' | 'checksum' | 'legacy15';

/**
 * Options for {@link parseIdCard} and {@link isValidIdCard}.
 *
 * @example
 * ```ts
 * const options: IdCardParseOptions = { asOf: new Date('2024-06-15T12:00:00+08:00') };
 * ```
 */
export interface IdCardParseOptions {
  /**
   * The moment a birth date may not be after; default now. The calendar day is taken in China
   * Standard Time (UTC+8), where the numbers are issued, whatever the runtime's time zone.
   * An invalid Date falls back to now.
   */
  asOf?: Date;
}

/**
 * A valid 18-character ID number.
 *
 * @example
 * ```ts
 * const r = parseIdCard('11010519491231002X');
 * if (r.ok) r.birthDate; // '1949-12-31'
 * ```
 */
export interface IdCardParseSuccess {
  ok: true;
  /** 18 characters, trimmed, with a lower-case `x` normalised to `X`. */
  value: string;
  /** Positions 1–6 (GB/T 2260 county of household registration; not checked against a list). */
  regionCode: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  /** From the parity of the 顺序码 (positions 15–17): odd is male. */
  sex: 'male' | 'female';
  checkChar: string;
}

/**
 * A rejected ID number. On `checksum`, `expectedCheckChar` and `got` name both characters.
 *
 * @example
 * ```ts
 * const r = parseIdCard('36042619910102009X');
 * if (!r.ok) r.expectedCheckChar; // '3'
 * ```
 */
export interface IdCardParseFailure {
  ok: false;
  reason: IdCardFailureReason;
  message: LocalizedText;
  expectedCheckChar?: string;
  got?: string;
  /** 1-based position of the offending character (`charset`). */
  position?: number;
}

/**
 * The result of {@link parseIdCard}.
 *
 * @example
 * ```ts
 * const r: IdCardParseResult = parseIdCard('440524188001010014');
 * ```
 */
export type IdCardParseResult = IdCardParseSuccess | IdCardParseFailure;

// 2^(17−i) mod 11, and S mod 11 → check character (ISO 7064 MOD 11-2).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function checkCharUnchecked(s: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (s.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Computes the ID-number check character from the first 17 digits (ISO 7064 MOD 11-2).
 *
 * @throws RangeError when `first17` is not exactly 17 ASCII digits.
 * @example
 * ```ts
 * computeIdCardCheckChar('11010519491231002'); // 'X'
 * ```
 */
export function computeIdCardCheckChar(first17: string): string {
  if (!/^[0-9]{17}$/.test(first17)) {
    throw new RangeError(`ID number prefix must be 17 digits, got ${JSON.stringify(first17)}`);
  }
  return checkCharUnchecked(first17);
}

const DAY_MS = 24 * 60 * 60 * 1000;
// The finder asks once per text it searches (thousands of cells on a long list): the last day
// is kept by its number since the epoch in UTC+8, so a Date is made once a day, not once a call.
let lastDay = Number.NaN;
let lastDayKey = 0;

/** @internal The day `asOf` (default now) falls on in China, as YYYYMMDD. */
export function chinaDayKey(asOf: Date | undefined): number {
  // Number(undefined) and an invalid Date are NaN: both mean now.
  let t = Number(asOf);
  if (!Number.isFinite(t)) t = Date.now();
  const day = Math.floor((t + CST_OFFSET_MS) / DAY_MS);
  if (day !== lastDay) {
    // Midnight UTC of that day number carries China's calendar date in its UTC fields.
    const d = new Date(day * DAY_MS);
    lastDayKey = d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
    lastDay = day;
  }
  return lastDayKey;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digitsAt(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 10 + s.charCodeAt(from + i) - 48;
  return v;
}

/**
 * @internal Whether the 18 characters of `s` from `start` form a valid ID number on day `today`
 * (see {@link chinaDayKey}): the checks of {@link parseIdCard} without allocating, for the finder.
 */
export function isIdCard18At(s: string, start: number, today: number): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = s.charCodeAt(start + i) - 48;
    if (d < 0 || d > 9) return false;
    sum += d * (WEIGHTS[i] ?? 0);
  }
  const last = s.charCodeAt(start + 17);
  // A trailing lower-case x is read as X, as parseIdCard does.
  if (CHECK_CHARS.charCodeAt(sum % 11) !== (last === 120 ? 88 : last)) return false;
  const year = digitsAt(s, start + 6, 4);
  const month = digitsAt(s, start + 10, 2);
  const day = digitsAt(s, start + 12, 2);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || year < 1800) return false;
  return year * 10000 + month * 100 + day <= today;
}

function fail(
  reason: IdCardFailureReason,
  zh: string,
  en: string,
  extra: Pick<IdCardParseFailure, 'expectedCheckChar' | 'got' | 'position'> = {},
): IdCardParseFailure {
  return { ok: false, reason, message: { zh, en }, ...extra };
}

/**
 * Parses an 18-character 居民身份证号码. The input goes through {@link normalizeIdentifier} first:
 * full-width digits, spaces and a lower-case `x` are accepted. The birth date must exist in the
 * calendar, be on or after 1800-01-01 (the GB 11643 example itself is born in 1880) and not be
 * after `options.asOf` (default now, compared as a UTC+8 calendar day).
 *
 * @example
 * ```ts
 * parseIdCard('11010519491231002x');
 * // { ok: true, value: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31',
 * //   sex: 'female', checkChar: 'X' }
 * parseIdCard('36042619910102009X');
 * // { ok: false, reason: 'checksum', expectedCheckChar: '3', got: 'X', message: { zh: '校验位不符：应为 3，实为 X', … } }
 * ```
 */
export function parseIdCard(input: string, options: IdCardParseOptions = {}): IdCardParseResult {
  const s = normalizeIdentifier(input);
  if (s.length === 15 && /^[0-9]{15}$/.test(s)) {
    return fail(
      'legacy15',
      '15 位旧版身份证号码（GB 11643-1989）没有校验位，无法校验，请使用 18 位号码',
      'a 15-digit legacy ID number (GB 11643-1989) has no check digit and cannot be validated; use the 18-character number',
    );
  }
  if (s.length !== 18) {
    return fail('length', `长度应为 18 位，实为 ${s.length} 位`, `expected 18 characters, got ${s.length}`);
  }
  for (let i = 0; i < 18; i++) {
    const code = s.charCodeAt(i);
    if (!isDigitCode(code) && !(i === 17 && code === 88)) {
      const ch = s.charAt(i);
      return fail(
        'charset',
        i === 17
          ? `第 18 位字符 ${ch} 无效：校验码只能是数字或 X`
          : `第 ${i + 1} 位字符 ${ch} 无效：前 17 位只能是数字`,
        i === 17
          ? `invalid character ${JSON.stringify(ch)} at position 18: the check character is a digit or X`
          : `invalid character ${JSON.stringify(ch)} at position ${i + 1}: the first 17 characters are digits`,
        { got: ch, position: i + 1 },
      );
    }
  }

  const year = Number(s.slice(6, 10));
  const month = Number(s.slice(10, 12));
  const day = Number(s.slice(12, 14));
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail('birthdate', `出生日期 ${birthDate} 不存在`, `birth date ${birthDate} does not exist`);
  }
  if (year < 1800) {
    return fail(
      'birthdate',
      `出生日期 ${birthDate} 早于 1800-01-01`,
      `birth date ${birthDate} is before 1800-01-01`,
    );
  }
  if (year * 10000 + month * 100 + day > chinaDayKey(options.asOf)) {
    return fail('birthdate', `出生日期 ${birthDate} 在未来`, `birth date ${birthDate} is in the future`);
  }

  const expected = checkCharUnchecked(s);
  const checkChar = s.charAt(17);
  if (checkChar !== expected) {
    return fail(
      'checksum',
      `校验位不符：应为 ${expected}，实为 ${checkChar}`,
      `check character mismatch: expected ${expected}, got ${checkChar}`,
      { expectedCheckChar: expected, got: checkChar },
    );
  }
  return {
    ok: true,
    value: s,
    regionCode: s.slice(0, 6),
    birthDate,
    sex: (s.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female',
    checkChar,
  };
}

/**
 * True when `input` is a valid 18-character 居民身份证号码 (see {@link parseIdCard}); 15-digit
 * legacy numbers are never valid.
 *
 * @example
 * ```ts
 * isValidIdCard('11010519491231002x'); // true
 * isValidIdCard('36042619910102009X'); // false
 * ```
 */
export function isValidIdCard(input: string, options: IdCardParseOptions = {}): boolean {
  return parseIdCard(input, options).ok;
}

/**
 * 15-digit 工商注册号 (GS 15-2006, issued 2007-07-01 until the USCC replaced it): 6-digit
 * 首次登记机关代码, 8-digit 顺序码, 1 check digit by ISO 7064 MOD 11,10.
 */
import type { LocalizedText } from '../core/schemas.ts';
import { normalizeIdentifier } from './normalize.ts';
import type { CodeLabel } from './uscc.ts';

/**
 * Why a registration number was rejected.
 *
 * @example
 * ```ts
 * const reason: RegNoFailureReason = 'checksum';
 * ```
 */
export type RegNoFailureReason = 'length' | 'charset' | 'checksum';

/**
 * A valid 15-digit registration number.
 *
 * @example
 * ```ts
 * const r = parseRegNo('110108000000016');
 * if (r.ok) r.entityType.zh; // '内资企业'
 * ```
 */
export interface RegNoParseSuccess {
  ok: true;
  value: string;
  /** Positions 1–6: 100000 for the national administration, else a GB/T 2260 region code. */
  authorityCode: string;
  /** Positions 7–14. */
  sequence: string;
  /** From the first digit of the sequence: 0–3 domestic enterprise, 4–5 foreign-invested, 6–9 个体工商户. */
  entityType: CodeLabel;
  checkDigit: string;
}

/**
 * A rejected registration number. On `checksum`, `expectedCheckChar` and `got` name both digits.
 *
 * @example
 * ```ts
 * const r = parseRegNo('110108000000017');
 * if (!r.ok) r.expectedCheckChar; // '6'
 * ```
 */
export interface RegNoParseFailure {
  ok: false;
  reason: RegNoFailureReason;
  message: LocalizedText;
  expectedCheckChar?: string;
  got?: string;
  /** 1-based position of the offending character (`charset`). */
  position?: number;
}

/**
 * The result of {@link parseRegNo}.
 *
 * @example
 * ```ts
 * const r: RegNoParseResult = parseRegNo('110108000000016');
 * ```
 */
export type RegNoParseResult = RegNoParseSuccess | RegNoParseFailure;

// ISO 7064 MOD 11,10 over the 14 digits from `start`, or -1 when one is not a digit.
function checkDigitAt(s: string, start: number): number {
  let p = 10;
  for (let i = 0; i < 14; i++) {
    const d = s.charCodeAt(start + i) - 48;
    if (d < 0 || d > 9) return -1;
    p = (2 * ((p + d) % 10 || 10)) % 11;
  }
  return (11 - p) % 10;
}

function checkDigitUnchecked(s: string): string {
  return String(checkDigitAt(s, 0));
}

/**
 * Computes the GS 15-2006 check digit (ISO 7064 MOD 11,10) from the first 14 digits.
 *
 * @throws RangeError when `first14` is not exactly 14 ASCII digits.
 * @example
 * ```ts
 * computeRegNoCheckDigit('11010800000001'); // '6'
 * ```
 */
export function computeRegNoCheckDigit(first14: string): string {
  if (!/^[0-9]{14}$/.test(first14)) {
    throw new RangeError(`registration number prefix must be 14 digits, got ${JSON.stringify(first14)}`);
  }
  return checkDigitUnchecked(first14);
}

/**
 * @internal Whether the 15 characters of `s` from `start` form a valid 注册号: the checks of
 * {@link parseRegNo} without allocating.
 */
export function isRegNo15At(s: string, start: number): boolean {
  const expected = checkDigitAt(s, start);
  return expected >= 0 && s.charCodeAt(start + 14) - 48 === expected;
}

function entityType(firstSequenceDigit: string): CodeLabel {
  if (firstSequenceDigit <= '3')
    return { code: firstSequenceDigit, zh: '内资企业', en: 'domestic enterprise' };
  if (firstSequenceDigit <= '5') {
    return { code: firstSequenceDigit, zh: '外资企业', en: 'foreign-invested enterprise' };
  }
  return { code: firstSequenceDigit, zh: '个体工商户', en: 'individual business' };
}

function fail(
  reason: RegNoFailureReason,
  zh: string,
  en: string,
  extra: Pick<RegNoParseFailure, 'expectedCheckChar' | 'got' | 'position'> = {},
): RegNoParseFailure {
  return { ok: false, reason, message: { zh, en }, ...extra };
}

/**
 * Parses a 15-digit 工商注册号, after {@link normalizeIdentifier} (full-width digits and spaces
 * accepted).
 *
 * @example
 * ```ts
 * parseRegNo('110108000000016');
 * // { ok: true, value: '110108000000016', authorityCode: '110108', sequence: '00000001',
 * //   entityType: { code: '0', zh: '内资企业', en: 'domestic enterprise' }, checkDigit: '6' }
 * ```
 */
export function parseRegNo(input: string): RegNoParseResult {
  const s = normalizeIdentifier(input);
  if (s.length !== 15) {
    return fail('length', `长度应为 15 位，实为 ${s.length} 位`, `expected 15 digits, got ${s.length}`);
  }
  for (let i = 0; i < 15; i++) {
    const code = s.charCodeAt(i);
    if (code < 48 || code > 57) {
      const ch = s.charAt(i);
      return fail(
        'charset',
        `第 ${i + 1} 位字符 ${ch} 无效：注册号只能是数字`,
        `invalid character ${JSON.stringify(ch)} at position ${i + 1}: a registration number is all digits`,
        { got: ch, position: i + 1 },
      );
    }
  }
  const expected = checkDigitUnchecked(s);
  const checkDigit = s.charAt(14);
  if (checkDigit !== expected) {
    return fail(
      'checksum',
      `校验位不符：应为 ${expected}，实为 ${checkDigit}`,
      `check digit mismatch: expected ${expected}, got ${checkDigit}`,
      { expectedCheckChar: expected, got: checkDigit },
    );
  }
  return {
    ok: true,
    value: s,
    authorityCode: s.slice(0, 6),
    sequence: s.slice(6, 14),
    entityType: entityType(s.charAt(6)),
    checkDigit,
  };
}

/**
 * True when `input` is a valid 15-digit 工商注册号.
 *
 * @example
 * ```ts
 * isValidRegNo('110108000000016'); // true
 * isValidRegNo('110108000000017'); // false
 * ```
 */
export function isValidRegNo(input: string): boolean {
  return parseRegNo(input).ok;
}

/**
 * 组织机构代码 (GB 11714-1997): an 8-character body plus one check character, displayed as
 * `XXXXXXXX-X`. It is also embedded in every 统一社会信用代码 (positions 9–17).
 */
import type { LocalizedText } from '../core/schemas.ts';
import { normalizeIdentifier } from './normalize.ts';

/**
 * Why an organisation code was rejected.
 *
 * @example
 * ```ts
 * const reason: OrgCodeFailureReason = 'checksum';
 * ```
 */
export type OrgCodeFailureReason = 'length' | 'charset' | 'checksum';

/**
 * Non-fatal remarks about a valid organisation code. `reserved_custom_range` marks
 * `PDY00001`–`PDY99999`, the 自定义区 that is not meant for exchange between systems.
 *
 * @example
 * ```ts
 * const w: OrgCodeWarning = 'reserved_custom_range';
 * ```
 */
export type OrgCodeWarning = 'reserved_custom_range';

/**
 * A valid organisation code.
 *
 * @example
 * ```ts
 * const r = parseOrgCode('D2143569-X');
 * if (r.ok) r.display; // 'D2143569-X'
 * ```
 */
export interface OrgCodeParseSuccess {
  ok: true;
  /** Machine form: 9 upper-case characters, no hyphen (`D2143569X`). */
  value: string;
  /** Display form with the hyphen (`D2143569-X`). */
  display: string;
  /** The 8-character 本体代码. */
  body: string;
  checkChar: string;
  warnings: OrgCodeWarning[];
}

/**
 * A rejected organisation code. On `checksum`, `expectedCheckChar` and `got` name both characters.
 *
 * @example
 * ```ts
 * const r = parseOrgCode('D2143569-1');
 * if (!r.ok) r.expectedCheckChar; // 'X'
 * ```
 */
export interface OrgCodeParseFailure {
  ok: false;
  reason: OrgCodeFailureReason;
  message: LocalizedText;
  expectedCheckChar?: string;
  got?: string;
  /** 1-based position of the offending character (`charset`). */
  position?: number;
}

/**
 * The result of {@link parseOrgCode}.
 *
 * @example
 * ```ts
 * const r: OrgCodeParseResult = parseOrgCode('60003734-1');
 * ```
 */
export type OrgCodeParseResult = OrgCodeParseSuccess | OrgCodeParseFailure;

// ASCII only: String#toUpperCase would turn 'ı' into 'I' and 'ß' into 'SS'.
function asciiUpper(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** 0–9 then A=10 … Z=35 (the whole Latin alphabet, unlike the USCC set); -1 otherwise. */
function orgCodeCharValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

// The check character's code for the 8 characters from `start` (either case), or -1 for one outside [0-9A-Za-z].
function checkCodeAt(s: string, start: number): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = orgCodeCharValue(upperCode(s.charCodeAt(start + i)));
    if (v < 0) return -1;
    sum += v * (WEIGHTS[i] ?? 0);
  }
  const c9 = 11 - (sum % 11);
  return c9 === 10 ? 88 : c9 === 11 ? 48 : 48 + c9;
}

function upperCode(code: number): number {
  return code >= 97 && code <= 122 ? code - 32 : code;
}

function orgCodeCheckCharUnchecked(body: string): string {
  return String.fromCharCode(checkCodeAt(body, 0));
}

/**
 * Computes the GB 11714 check character for an 8-character body (digits or Latin letters,
 * either case): `C9 = 11 − (Σ Ci×Wi mod 11)`, 10 → `X`, 11 → `0`.
 *
 * @throws RangeError when `first8` is not 8 characters of `[0-9A-Za-z]`.
 * @example
 * ```ts
 * computeOrgCodeCheckChar('D2143569'); // 'X'
 * computeOrgCodeCheckChar('60003734'); // '1'
 * ```
 */
export function computeOrgCodeCheckChar(first8: string): string {
  const body = asciiUpper(first8);
  if (body.length !== 8 || !/^[0-9A-Z]{8}$/.test(body)) {
    throw new RangeError(
      `organisation code body must be 8 characters of [0-9A-Z], got ${JSON.stringify(first8)}`,
    );
  }
  return orgCodeCheckCharUnchecked(body);
}

/**
 * @internal Whether the 8 characters of `s` from `start`, then the one at `checkAt`, form a valid
 * organisation code in either case: the checks of {@link parseOrgCode} without allocating.
 */
export function isOrgCodeAt(s: string, start: number, checkAt: number): boolean {
  const expected = checkCodeAt(s, start);
  return expected >= 0 && upperCode(s.charCodeAt(checkAt)) === expected;
}

function fail(
  reason: OrgCodeFailureReason,
  zh: string,
  en: string,
  extra: Pick<OrgCodeParseFailure, 'expectedCheckChar' | 'got' | 'position'> = {},
): OrgCodeParseFailure {
  return { ok: false, reason, message: { zh, en }, ...extra };
}

/**
 * Parses a 组织机构代码 with or without the hyphen (`D2143569-X` or `D2143569X`). The input goes through
 * {@link normalizeIdentifier} first (full-width, lower case, spaces and hyphens accepted).
 *
 * @example
 * ```ts
 * parseOrgCode('d2143569-x');
 * // { ok: true, value: 'D2143569X', display: 'D2143569-X', body: 'D2143569', checkChar: 'X', warnings: [] }
 * parseOrgCode('D2143569-1');
 * // { ok: false, reason: 'checksum', expectedCheckChar: 'X', got: '1', message: { zh: '校验位不符：应为 X，实为 1', … } }
 * ```
 */
export function parseOrgCode(input: string): OrgCodeParseResult {
  // The hyphen is display-only: the normaliser drops it with spaces and full-width forms.
  const s = normalizeIdentifier(input);
  if (s.length !== 9) {
    return fail(
      'length',
      `长度应为 9 位（可含连字符：XXXXXXXX-X），实为 ${s.length} 位`,
      `expected 9 characters (optionally XXXXXXXX-X), got ${s.length}`,
    );
  }
  for (let i = 0; i < 9; i++) {
    if (orgCodeCharValue(s.charCodeAt(i)) < 0) {
      const ch = s.charAt(i);
      return fail(
        'charset',
        `第 ${i + 1} 位字符 ${ch} 无效：只允许数字和大写拉丁字母`,
        `invalid character ${JSON.stringify(ch)} at position ${i + 1}: only digits and Latin letters are allowed`,
        { got: ch, position: i + 1 },
      );
    }
  }
  const body = s.slice(0, 8);
  const checkChar = s.charAt(8);
  const expected = orgCodeCheckCharUnchecked(body);
  if (checkChar !== expected) {
    return fail(
      'checksum',
      `校验位不符：应为 ${expected}，实为 ${checkChar}`,
      `check character mismatch: expected ${expected}, got ${checkChar}`,
      { expectedCheckChar: expected, got: checkChar },
    );
  }
  const warnings: OrgCodeWarning[] = [];
  if (/^PDY\d{5}$/.test(body) && body !== 'PDY00000') warnings.push('reserved_custom_range');
  return { ok: true, value: s, display: `${body}-${checkChar}`, body, checkChar, warnings };
}

/**
 * True when `input` is a valid 组织机构代码 (hyphen optional, case-insensitive).
 *
 * @example
 * ```ts
 * isValidOrgCode('D2143569-X'); // true
 * isValidOrgCode('D2143569-1'); // false
 * ```
 */
export function isValidOrgCode(input: string): boolean {
  return parseOrgCode(input).ok;
}

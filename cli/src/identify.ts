/**
 * Tells a code from a name in what a person typed, and checks a code locally before any
 * request, so a typo is reported with the check character it should have had.
 */
import {
  type LocalizedText,
  normalizeIdentifier,
  parseIdCard,
  parseOrgCode,
  parseRegNo,
  parseUscc,
} from '@xinjian/sdk';
import { type SpreadsheetDamage, spreadsheetDamage } from './excel.ts';

/**
 * What an input is.
 *
 * @example
 * ```ts
 * classifyInput('91110000561976492Q'); // { kind: 'code', value: '91110000561976492Q', type: 'uscc' }
 * classifyInput('北京华远建设有限公司'); // { kind: 'name', value: '北京华远建设有限公司' }
 * ```
 */
export type InputKind =
  | { kind: 'code'; value: string; type: 'uscc' | 'org_code' | 'reg_no' }
  | { kind: 'name'; value: string }
  | { kind: 'invalid'; value: string; message: LocalizedText; expectedCheckChar: string | null }
  /** A 居民身份证号码: personal data, never sent for an enterprise check. */
  | { kind: 'personal_id'; value: string }
  /** A code a spreadsheet turned into a number (see {@link spreadsheetDamage}). */
  | { kind: 'damaged'; value: string; damage: SpreadsheetDamage };

// ASCII letters and digits with at least one digit, 8–20 long once normalised (see normalizeIdentifier).
const CODE_LIKE = /^(?=.*\d)[0-9A-Za-z]{8,20}$/;

/**
 * Classifies one input and validates it when it looks like a code: 18 characters as a USCC,
 * 9 as an organisation code, 15 digits as a 注册号.
 *
 * @example
 * ```ts
 * classifyInput('91110000600037341N');
 * // { kind: 'invalid', value: '91110000600037341N', expectedCheckChar: 'L',
 * //   message: { zh: '校验位不符：应为 L，实为 N', en: 'check character mismatch: expected L, got N' } }
 * ```
 */
export function classifyInput(input: string): InputKind {
  const value = input.trim();
  const damage = spreadsheetDamage(value);
  if (damage !== null) return { kind: 'damaged', value, damage };
  const compact = normalizeIdentifier(value);
  if (!CODE_LIKE.test(compact)) return { kind: 'name', value };
  if (compact.length === 18) {
    const uscc = parseUscc(compact);
    if (uscc.ok) return { kind: 'code', value: uscc.value, type: 'uscc' };
    if (parseIdCard(compact).ok) return { kind: 'personal_id', value };
    return {
      kind: 'invalid',
      value,
      message: uscc.message,
      expectedCheckChar: uscc.expectedCheckChar ?? null,
    };
  }
  if (compact.length === 9) {
    const org = parseOrgCode(compact);
    if (org.ok) return { kind: 'code', value: org.display, type: 'org_code' };
    return { kind: 'invalid', value, message: org.message, expectedCheckChar: org.expectedCheckChar ?? null };
  }
  if (compact.length === 15 && /^\d+$/.test(compact)) {
    const reg = parseRegNo(compact);
    if (reg.ok) return { kind: 'code', value: reg.value, type: 'reg_no' };
    return { kind: 'invalid', value, message: reg.message, expectedCheckChar: reg.expectedCheckChar ?? null };
  }
  return {
    kind: 'invalid',
    value,
    message: {
      zh: `长度为 ${compact.length} 位，不是统一社会信用代码（18 位）、组织机构代码（9 位）或注册号（15 位）`,
      en: `${compact.length} characters: not a USCC (18), organisation code (9) or registration number (15)`,
    },
    expectedCheckChar: null,
  };
}

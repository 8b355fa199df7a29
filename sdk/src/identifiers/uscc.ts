/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set, MOD 31 check.
 * Positions: 1 登记管理部门, 2 机构类别, 3–8 行政区划码, 9–17 组织机构代码, 18 校验码.
 */
import type { LocalizedText } from '../core/schemas.ts';
import { normalizeIdentifier } from './normalize.ts';
import { computeOrgCodeCheckChar } from './orgcode.ts';

/**
 * A code with its Chinese and English labels.
 *
 * @example
 * ```ts
 * const dept: CodeLabel = { code: '9', zh: '工商（市场监管）', en: 'market regulation (SAMR)' };
 * ```
 */
export interface CodeLabel extends LocalizedText {
  code: string;
}

/**
 * Why a USCC was rejected: `region` means positions 3–8 are not all digits.
 *
 * @example
 * ```ts
 * const reason: UsccFailureReason = 'checksum';
 * ```
 */
export type UsccFailureReason = 'length' | 'charset' | 'region' | 'checksum';

/**
 * Non-fatal remarks about a valid USCC. The tables behind the last two are from secondary
 * sources and the embedded org-code check is not known to hold universally, so none rejects.
 *
 * @example
 * ```ts
 * const w: UsccWarning = 'org_code_checksum';
 * USCC_WARNING_MESSAGES[w].zh; // '主体标识码（第 9–17 位）未通过 GB 11714 校验'
 * ```
 */
export type UsccWarning =
  | 'org_code_checksum'
  | 'unknown_registration_department'
  | 'unknown_institution_type';

/**
 * Human-readable text for each {@link UsccWarning}.
 *
 * @example
 * ```ts
 * USCC_WARNING_MESSAGES.org_code_checksum.en; // 'positions 9–17 fail the GB 11714 organisation-code check'
 * ```
 */
export const USCC_WARNING_MESSAGES: Readonly<Record<UsccWarning, LocalizedText>> = {
  org_code_checksum: {
    zh: '主体标识码（第 9–17 位）未通过 GB 11714 校验',
    en: 'positions 9–17 fail the GB 11714 organisation-code check',
  },
  unknown_registration_department: {
    zh: '第 1 位不是已知的登记管理部门代码',
    en: 'position 1 is not a known registration-department code',
  },
  unknown_institution_type: {
    zh: '第 2 位不是该登记管理部门已知的机构类别代码',
    en: 'position 2 is not a known institution-type code for this department',
  },
};

/**
 * A valid USCC, split into its parts.
 *
 * @example
 * ```ts
 * const r = parseUscc('91110000600037341L');
 * if (r.ok) r.orgCode; // '600037341'
 * ```
 */
export interface UsccParseSuccess {
  ok: true;
  /** Upper-case, trimmed. */
  value: string;
  /** Position 1. An unknown code yields labels `未知` / `unknown` and a warning. */
  registrationDepartment: CodeLabel;
  /** Position 2, or `null` when the department has no known category table or the code is not in it. */
  institutionType: CodeLabel | null;
  /** Positions 3–8 (GB/T 2260; only checked to be digits). */
  regionCode: string;
  /** Positions 9–17: the embedded GB 11714 organisation code, without hyphen. */
  orgCode: string;
  checkChar: string;
  warnings: UsccWarning[];
}

/**
 * A rejected USCC. On `checksum`, `expectedCheckChar` and `got` name both characters; on
 * `charset` and `region`, `got` and `position` name the offending character.
 *
 * @example
 * ```ts
 * const r = parseUscc('91110000600037341N');
 * if (!r.ok) r.message.zh; // '校验位不符：应为 L，实为 N'
 * ```
 */
export interface UsccParseFailure {
  ok: false;
  reason: UsccFailureReason;
  message: LocalizedText;
  expectedCheckChar?: string;
  got?: string;
  /** 1-based position of the offending character (`charset`, `region`). */
  position?: number;
}

/**
 * The result of {@link parseUscc}.
 *
 * @example
 * ```ts
 * const r: UsccParseResult = parseUscc('91350100M000100Y43');
 * ```
 */
export type UsccParseResult = UsccParseSuccess | UsccParseFailure;

/**
 * The 31 USCC characters in value order (0–30); I, O, Z, S and V are never used.
 *
 * @example
 * ```ts
 * USCC_CHARSET.indexOf('Y'); // 30
 * ```
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// Char code → value, -1 outside the set; indexed lookup keeps the hot path allocation-free.
const VALUE_OF: Int8Array = /* @__PURE__ */ (() => {
  const table = new Int8Array(128).fill(-1);
  for (let v = 0; v < USCC_CHARSET.length; v++) table[USCC_CHARSET.charCodeAt(v)] = v;
  return table;
})();

// The same table with lower-case letters too: the validators accept either case without copying.
const VALUE_OF_ANY_CASE: Int8Array = /* @__PURE__ */ (() => {
  const table = new Int8Array(128).fill(-1);
  const lower = USCC_CHARSET.toLowerCase();
  for (let v = 0; v < USCC_CHARSET.length; v++) {
    table[USCC_CHARSET.charCodeAt(v)] = v;
    table[lower.charCodeAt(v)] = v;
  }
  return table;
})();

// ASCII only: String#toUpperCase would turn 'ı' into 'I' and 'ß' into 'SS'.
function asciiUpper(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

// 3^(i−1) mod 31 for positions 1–17.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const WEIGHT_TABLE: Int32Array = /* @__PURE__ */ Int32Array.from(WEIGHTS);

/**
 * @internal Whether the 18 characters of `s` from `start` form a valid USCC, in either case: the
 * same checks as {@link parseUscc} (character set, digits-only region, check character) with
 * table lookups and no allocation, for the finder's and the validator's hot paths.
 */
export function isUscc18At(s: string, start: number): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const code = s.charCodeAt(start + i);
    const v = code < 128 ? (VALUE_OF_ANY_CASE[code] as number) : -1;
    if (v < 0 || (i >= 2 && i < 8 && v > 9)) return false;
    sum += v * (WEIGHT_TABLE[i] as number);
  }
  const last = s.charCodeAt(start + 17);
  return last < 128 && VALUE_OF_ANY_CASE[last] === (31 - (sum % 31)) % 31;
}

function usccValue(code: number): number {
  return code < 128 ? (VALUE_OF[code] ?? -1) : -1;
}

function checkCharUnchecked(s: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += usccValue(s.charCodeAt(i)) * (WEIGHTS[i] ?? 0);
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Computes the USCC check character (position 18) from the first 17 characters (either case):
 * `c = (31 − Σ value×3^(i−1) mod 31) mod 31`, mapped back through {@link USCC_CHARSET}.
 * Only the character set is checked here, not the digits-only region (positions 3–8).
 *
 * @throws RangeError when `first17` is not 17 characters of the USCC set.
 * @example
 * ```ts
 * computeUsccCheckChar('91110000600037341'); // 'L'
 * ```
 */
export function computeUsccCheckChar(first17: string): string {
  const s = asciiUpper(first17);
  let ok = s.length === 17;
  for (let i = 0; ok && i < 17; i++) ok = usccValue(s.charCodeAt(i)) >= 0;
  if (!ok) {
    throw new RangeError(
      `USCC prefix must be 17 characters of ${USCC_CHARSET}, got ${JSON.stringify(first17)}`,
    );
  }
  return checkCharUnchecked(s);
}

interface DepartmentEntry {
  zh: string;
  en: string;
  types?: Readonly<Record<string, LocalizedText>>;
}

// Position 1 and 2 tables from domain.md §3.1 (secondary sources; extend rather than reject).
const OTHER: LocalizedText = { zh: '其他', en: 'other' };
const DEPARTMENTS: Readonly<Record<string, DepartmentEntry>> = {
  '1': {
    zh: '机构编制',
    en: 'institutional staffing (bianzhi)',
    types: {
      '1': { zh: '机关', en: 'government organ' },
      '2': { zh: '事业单位', en: 'public institution' },
      '3': {
        zh: '中央编办直接管理机构编制的群众团体',
        en: 'mass organisation staffed directly by the central bianzhi office',
      },
      '9': OTHER,
    },
  },
  '2': { zh: '外交', en: 'foreign affairs' },
  '3': {
    zh: '司法行政',
    en: 'justice administration',
    types: {
      '1': { zh: '律师执业机构', en: 'law firm' },
      '2': { zh: '公证处', en: 'notary office' },
      '3': { zh: '基层法律服务所', en: 'grassroots legal service office' },
      '4': { zh: '司法鉴定机构', en: 'forensic appraisal institution' },
      '5': { zh: '仲裁委员会', en: 'arbitration commission' },
      '9': OTHER,
    },
  },
  '4': { zh: '文化', en: 'culture' },
  '5': {
    zh: '民政',
    en: 'civil affairs',
    types: {
      '1': { zh: '社会团体', en: 'social organisation' },
      '2': { zh: '民办非企业单位', en: 'private non-enterprise unit' },
      '3': { zh: '基金会', en: 'foundation' },
      '9': OTHER,
    },
  },
  '6': { zh: '旅游', en: 'tourism' },
  '7': { zh: '宗教', en: 'religious affairs' },
  '8': { zh: '工会', en: 'trade unions' },
  '9': {
    zh: '工商（市场监管）',
    en: 'market regulation (SAMR)',
    types: {
      '1': { zh: '企业', en: 'enterprise' },
      '2': { zh: '个体工商户', en: 'individual business' },
      '3': { zh: '农民专业合作社', en: "farmers' specialised cooperative" },
    },
  },
  A: { zh: '中央军委改革和编制办公室', en: 'CMC Reform and Organisation Office' },
  N: {
    zh: '农业',
    en: 'agriculture',
    types: {
      '1': { zh: '组级集体经济组织', en: 'group-level collective economic organisation' },
      '2': { zh: '村级集体经济组织', en: 'village-level collective economic organisation' },
      '3': { zh: '乡镇级集体经济组织', en: 'township-level collective economic organisation' },
      '9': OTHER,
    },
  },
  Y: { zh: '其他', en: 'other', types: { '1': OTHER } },
};

function fail(
  reason: UsccFailureReason,
  zh: string,
  en: string,
  extra: Pick<UsccParseFailure, 'expectedCheckChar' | 'got' | 'position'> = {},
): UsccParseFailure {
  return { ok: false, reason, message: { zh, en }, ...extra };
}

/**
 * Parses a 统一社会信用代码. The input goes through {@link normalizeIdentifier} first, so
 * full-width characters, lower case, spaces and hyphens are accepted, as `ratings.lookup` accepts them. A wrong check character is reported with the expected one;
 * a failing embedded organisation-code check is only a warning.
 *
 * @example
 * ```ts
 * parseUscc('91110000600037341L');
 * // { ok: true, value: '91110000600037341L', regionCode: '110000', orgCode: '600037341',
 * //   registrationDepartment: { code: '9', zh: '工商（市场监管）', … },
 * //   institutionType: { code: '1', zh: '企业', en: 'enterprise' }, checkChar: 'L', warnings: [] }
 * parseUscc('91110000600037341N');
 * // { ok: false, reason: 'checksum', expectedCheckChar: 'L', got: 'N',
 * //   message: { zh: '校验位不符：应为 L，实为 N', en: 'check character mismatch: expected L, got N' } }
 * ```
 */
export function parseUscc(input: string): UsccParseResult {
  const s = normalizeIdentifier(input);
  if (s.length !== 18) {
    return fail('length', `长度应为 18 位，实为 ${s.length} 位`, `expected 18 characters, got ${s.length}`);
  }
  for (let i = 0; i < 18; i++) {
    if (usccValue(s.charCodeAt(i)) < 0) {
      const ch = s.charAt(i);
      return fail(
        'charset',
        `第 ${i + 1} 位字符 ${ch} 无效：统一社会信用代码只用数字和除 I、O、Z、S、V 以外的大写字母`,
        `invalid character ${JSON.stringify(ch)} at position ${i + 1}: only digits and upper-case letters except I, O, Z, S, V are used`,
        { got: ch, position: i + 1 },
      );
    }
  }
  for (let i = 2; i < 8; i++) {
    const code = s.charCodeAt(i);
    if (code < 48 || code > 57) {
      const ch = s.charAt(i);
      return fail(
        'region',
        `第 3–8 位应为行政区划码（全为数字），第 ${i + 1} 位为 ${ch}`,
        `positions 3–8 must be a digits-only region code; position ${i + 1} is ${ch}`,
        { got: ch, position: i + 1 },
      );
    }
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

  const warnings: UsccWarning[] = [];
  const deptCode = s.charAt(0);
  const typeCode = s.charAt(1);
  const dept = DEPARTMENTS[deptCode];
  let registrationDepartment: CodeLabel;
  let institutionType: CodeLabel | null = null;
  if (dept === undefined) {
    warnings.push('unknown_registration_department');
    registrationDepartment = { code: deptCode, zh: '未知', en: 'unknown' };
  } else {
    registrationDepartment = { code: deptCode, zh: dept.zh, en: dept.en };
    if (dept.types !== undefined) {
      const type = dept.types[typeCode];
      if (type === undefined) warnings.push('unknown_institution_type');
      else institutionType = { code: typeCode, zh: type.zh, en: type.en };
    }
  }
  const orgCode = s.slice(8, 17);
  if (computeOrgCodeCheckChar(orgCode.slice(0, 8)) !== orgCode.charAt(8)) warnings.push('org_code_checksum');

  return {
    ok: true,
    value: s,
    registrationDepartment,
    institutionType,
    regionCode: s.slice(2, 8),
    orgCode,
    checkChar,
    warnings,
  };
}

/**
 * True when `input` is a valid 统一社会信用代码 in any form {@link normalizeIdentifier} accepts
 * (full-width, lower case, spaces or hyphens).
 * Warnings do not make a code invalid.
 *
 * @example
 * ```ts
 * isValidUscc('91350100M000100Y43'); // true
 * isValidUscc('91110000600037341N'); // false: check character should be L
 * ```
 */
export function isValidUscc(input: string): boolean {
  const s = typeof input === 'string' ? input : String(input);
  if (s.length === 18 && isUscc18At(s, 0)) return true;
  const n = normalizeIdentifier(s);
  return n !== s && n.length === 18 && isUscc18At(n, 0);
}

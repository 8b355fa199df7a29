/**
 * Finds valid identifiers in free text (page text in the extension's content script).
 */
import type { IdentifierKind } from '../core/schemas.ts';
import { chinaDayKey, isIdCard18At } from './idcard.ts';
import { isOrgCodeAt } from './orgcode.ts';
import { isRegNo15At } from './regno.ts';
import { isUscc18At } from './uscc.ts';

/**
 * Options for {@link findIdentifiers}.
 *
 * @example
 * ```ts
 * // Procurement pages: enterprise identifiers only.
 * const options: FindIdentifiersOptions = { kinds: ['uscc', 'org_code', 'reg_no'] };
 * ```
 */
export interface FindIdentifiersOptions {
  /** The kinds to report; default all four. */
  kinds?: readonly IdentifierKind[];
  /** Reference moment for the ID-number birth-date check (see `parseIdCard`); default now. */
  asOf?: Date;
}

/**
 * One identifier found in text. `index` and `length` are UTF-16 offsets into the searched text
 * (`text.slice(index, index + length)` is the raw match); `value` is the canonical form from the
 * kind's parser: upper case, and for org codes without the hyphen.
 *
 * @example
 * ```ts
 * const m: IdentifierMatch = { kind: 'org_code', value: 'D2143569X', index: 4, length: 10 };
 * ```
 */
export interface IdentifierMatch {
  kind: IdentifierKind;
  value: string;
  index: number;
  length: number;
}

const ALL_KINDS: readonly IdentifierKind[] = ['uscc', 'id_card', 'org_code', 'reg_no'];

// One pass, one regex. Alternatives are mutually exclusive at any start (a hyphen at offset 8,
// 18 alphanumerics, 15 digits), and the look-arounds reject candidates inside longer tokens.
// Group 1: hyphenated org code; 2: 18-character token; 3: 15 digits.
const CANDIDATE =
  /(?<![0-9A-Za-z])(?:([0-9A-Za-z]{8}-[0-9A-Za-z])|([0-9A-Za-z]{18})|([0-9]{15}))(?![0-9A-Za-z])/g;

/**
 * Lists every valid 统一社会信用代码, 居民身份证号码, 组织机构代码 and 工商注册号 in `text`, in order
 * of position. A code with a wrong check character, or glued to other letters or digits, is not
 * reported. Org codes are only recognised in the hyphenated display form `XXXXXXXX-X`; bare
 * 9-character tokens are too ambiguous. Never throws, for any string.
 *
 * An 18-character token that is a valid ID number (checksum and birth date) is reported as
 * `id_card` when that kind is requested, and is otherwise **not reported at all**, even if it
 * also passes the USCC check: about 1 in 31 ID numbers does, and reporting it as a USCC on a
 * page where personal numbers are out of scope would send a person's ID to an enterprise lookup.
 * A genuine all-digit USCC that happens to pass the ID checks too is rare enough to lose.
 *
 * @example
 * ```ts
 * findIdentifiers('供应商 91110000600037341L（组织机构代码 60003734-1）');
 * // [ { kind: 'uscc', value: '91110000600037341L', index: 4, length: 18 },
 * //   { kind: 'org_code', value: '600037341', index: 30, length: 10 } ]
 * ```
 */
export function findIdentifiers(text: string, options: FindIdentifiersOptions = {}): IdentifierMatch[] {
  const matches: IdentifierMatch[] = [];
  if (typeof text !== 'string') return matches;
  const kinds = options.kinds ?? ALL_KINDS;
  const wantUscc = kinds.includes('uscc');
  const wantIdCard = kinds.includes('id_card');
  const wantOrgCode = kinds.includes('org_code');
  const wantRegNo = kinds.includes('reg_no');
  if (!wantUscc && !wantIdCard && !wantOrgCode && !wantRegNo) return matches;
  const today = wantIdCard || wantUscc ? chinaDayKey(options.asOf) : 0;

  // Each candidate is checked in place by the validators' allocation-free forms; only a code
  // that passes becomes a string and a match.
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const index = m.index;
    if (m[1] !== undefined) {
      if (wantOrgCode && isOrgCodeAt(text, index, index + 9)) {
        const value = (text.slice(index, index + 8) + text.charAt(index + 9)).toUpperCase();
        matches.push({ kind: 'org_code', value, index, length: 10 });
      }
    } else if (m[2] !== undefined && (wantIdCard || wantUscc)) {
      // A valid ID number is never reported as a USCC (see above).
      if (isIdCard18At(text, index, today)) {
        if (wantIdCard) matches.push({ kind: 'id_card', value: m[2].toUpperCase(), index, length: 18 });
      } else if (wantUscc && isUscc18At(text, index)) {
        matches.push({ kind: 'uscc', value: m[2].toUpperCase(), index, length: 18 });
      }
    } else if (wantRegNo && m[3] !== undefined && isRegNo15At(text, index)) {
      matches.push({ kind: 'reg_no', value: m[3], index, length: 15 });
    }
  }
  return matches;
}

/**
 * Building {@link PageSubject}s: one key scheme for codes, rejected codes and names, shared by
 * the content script's detectors and the popup's quick lookup.
 */
import type { IdentifierKind } from '@xinjian/sdk';
import { findIdentifiers, isValidUscc, parseUscc } from '@xinjian/sdk/identifiers';
import type { PageSubject, SubjectRole } from './model.ts';

/** Enterprise identifier kinds: what procurement mode looks for (never ID numbers). */
export const ENTERPRISE_KINDS: readonly IdentifierKind[] = ['uscc', 'org_code', 'reg_no'];

/**
 * Normalises a company name for keys and comparison: NFKC (full-width brackets and letters
 * become ASCII), inner whitespace removed.
 */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

type Extra = {
  name?: string | null;
  role?: SubjectRole;
  consortium?: PageSubject['consortium'];
  rowNo?: string | undefined;
};

/**
 * A subject identified by a valid code.
 */
export function codeSubject(kind: IdentifierKind, value: string, extra: Extra = {}): PageSubject {
  return {
    key: `code:${value}`,
    code: { kind, value },
    invalid: null,
    name: extra.name ?? null,
    role: extra.role ?? 'mention',
    consortium: extra.consortium ?? null,
    ...(extra.rowNo ? { rowNo: extra.rowNo } : {}),
  };
}

/**
 * A subject known only by name.
 */
export function nameSubject(name: string, extra: Omit<Extra, 'name'> = {}): PageSubject {
  const clean = name.trim();
  return {
    key: `name:${normalizeName(clean)}`,
    code: null,
    invalid: null,
    name: clean,
    role: extra.role ?? 'mention',
    consortium: extra.consortium ?? null,
    ...(extra.rowNo ? { rowNo: extra.rowNo } : {}),
  };
}

/**
 * A USCC-shaped token that fails its check, with the check character it should have had.
 * `null` when the token is not USCC-shaped or is valid.
 */
export function invalidUsccSubject(raw: string, extra: Extra = {}): PageSubject | null {
  const token = raw.normalize('NFKC').trim().toUpperCase();
  if (!/^[0-9A-Z]{18}$/.test(token)) return null;
  const parsed = parseUscc(token);
  if (parsed.ok || parsed.reason !== 'checksum') return null;
  return {
    key: `invalid:${token}`,
    code: null,
    invalid: { raw: token, expectedCheckChar: parsed.expectedCheckChar ?? null, message: parsed.message },
    name: extra.name ?? null,
    role: extra.role ?? 'mention',
    consortium: extra.consortium ?? null,
    ...(extra.rowNo ? { rowNo: extra.rowNo } : {}),
  };
}

/**
 * Whether a typed query holds a 居民身份证号码, which a company lookup must never send.
 */
export function looksPersonal(query: string): boolean {
  const q = query.normalize('NFKC');
  if (findIdentifiers(q, { kinds: ['id_card'] }).length > 0) return true;
  // A mistyped ID number is still personal data: 18 characters with a birth date in 7–14 that
  // are not a valid USCC (some 事业单位 codes are all digits).
  return (q.match(/\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]/g) ?? []).some(
    (token) => !isValidUscc(token),
  );
}

/**
 * Reads what someone typed into a lookup box: a valid enterprise code, a USCC with a wrong
 * check character, or otherwise a name.
 */
export function subjectFromQuery(query: string): PageSubject {
  const q = query.normalize('NFKC').trim();
  // Personal data needs a purpose and an authorization (征信业管理条例 第18条): never a quick lookup.
  if (looksPersonal(q))
    throw new Error('ID numbers are looked up only in loan-review mode, with authorization');
  const [found] = findIdentifiers(q, { kinds: ENTERPRISE_KINDS });
  if (found && found.index === 0 && found.length === q.length) return codeSubject(found.kind, found.value);
  return invalidUsccSubject(q) ?? nameSubject(q);
}

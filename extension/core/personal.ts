/**
 * Personal data in the loan-review mode: the one place that masks ID numbers and names for
 * display and redacts them from any text the extension keeps or shows (page URLs and titles,
 * error messages). Loaded by the loan content script, so it stays small: no SDK runtime beyond
 * the masking helpers.
 */
import { maskIdCard, maskName } from '@xinjian/sdk/identifiers';

// Any 18-character ID-shaped token, valid or not: a mistyped number is personal data too.
const ID_TOKEN = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

/**
 * An ID number as our UI shows it: first 3 and last 4 characters, the birth date hidden.
 *
 * @example
 * ```ts
 * maskedId('330110199209219966'); // '330***********9966'
 * ```
 */
export function maskedId(id: string): string {
  return maskIdCard(id.trim().toUpperCase());
}

/**
 * A person's name as our UI shows it: the first character, then `*`.
 *
 * @example
 * ```ts
 * maskedName('冯婷悦'); // '冯**'
 * maskedName(null); // null
 * ```
 */
export function maskedName(name: string | null): string | null {
  // Page text: drop bidirectional and zero-width controls so the one character kept is a letter.
  const clean = name?.replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').trim();
  return clean ? maskName(clean) : null;
}

/**
 * Replaces every ID-shaped token in a text with its masked form.
 *
 * @example
 * ```ts
 * redactIds('https://gjj.example.cn/loan?id=330110199209219966'); // 'https://gjj.example.cn/loan?id=330***********9966'
 * ```
 */
export function redactIds(text: string): string {
  return text.replace(ID_TOKEN, (token) => maskedId(token));
}

/**
 * A deep copy of a JSON value with {@link redactIds} applied to every string (keys included).
 *
 * @example
 * ```ts
 * redactDeep({ message: '没有 330110199209219966 的记录' }); // { message: '没有 330***********9966 的记录' }
 * ```
 */
export function redactDeep<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return redactIds(value);
  if (Array.isArray(value)) return value.map(walk);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[redactIds(k)] = walk(v);
    return out;
  }
  return value;
}

/**
 * Whether a text contains an ID-shaped token (for refusing one where it does not belong, such
 * as an authorization reference).
 *
 * @example
 * ```ts
 * containsIdNumber('授权书 SQ-2026-0001'); // false
 * ```
 */
export function containsIdNumber(text: string): boolean {
  ID_TOKEN.lastIndex = 0;
  const found = ID_TOKEN.test(text);
  ID_TOKEN.lastIndex = 0;
  return found;
}

/**
 * Tamper evidence for the evidence file: a SHA-256 over the canonical JSON of everything but
 * the `integrity` block, so anyone can re-check a kept file with a few lines of code.
 */
import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, `undefined` members
 * dropped, numbers and strings as `JSON.stringify` writes them (RFC 8785 for the values this
 * file holds: strings, integers, booleans, null).
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError('non-finite number in JSON');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The integrity block stored in an evidence file.
 *
 * @example
 * ```ts
 * const i: Integrity = { algorithm: 'sha256', canonicalization: CANONICALIZATION, digest: 'ab12…' };
 * ```
 */
export interface Integrity {
  algorithm: 'sha256';
  canonicalization: string;
  /** Lower-case hex. */
  digest: string;
}

/**
 * How the digest input is built, written into every evidence file for whoever re-checks it.
 *
 * @example
 * ```ts
 * CANONICALIZATION.startsWith('UTF-8'); // true
 * ```
 */
export const CANONICALIZATION =
  'UTF-8 bytes of the JSON document without its "integrity" member, keys sorted, no whitespace (RFC 8785 style)';

/**
 * SHA-256 (hex) of the canonical JSON of `doc` without its `integrity` member.
 *
 * @example
 * ```ts
 * const digest = digestOf({ bidders: [] });
 * ```
 */
export function digestOf(doc: Record<string, unknown>): string {
  const { integrity: _ignored, ...rest } = doc;
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}

/**
 * Returns `doc` with an `integrity` block over the rest of it.
 *
 * @example
 * ```ts
 * const sealed = seal({ bidders: [] });
 * verifySealed(sealed); // true
 * ```
 */
export function seal<T extends Record<string, unknown>>(doc: T): T & { integrity: Integrity } {
  return {
    ...doc,
    integrity: { algorithm: 'sha256', canonicalization: CANONICALIZATION, digest: digestOf(doc) },
  };
}

/**
 * True when a parsed evidence file's digest matches its content.
 *
 * @example
 * ```ts
 * verifySealed(JSON.parse(await readFile('bidders.evidence.json', 'utf8'))); // true
 * ```
 */
export function verifySealed(doc: unknown): boolean {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return false;
  const integrity = (doc as { integrity?: Partial<Integrity> }).integrity;
  if (integrity?.algorithm !== 'sha256' || typeof integrity.digest !== 'string') return false;
  return digestOf(doc as Record<string, unknown>) === integrity.digest;
}

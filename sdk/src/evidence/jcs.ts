/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one canonical form of a JSON value that the
 * evidence digest, the service's signatures and every verifier agree on. Numbers are written as
 * ECMAScript writes them, strings with the minimal JSON escapes, object members sorted by the
 * UTF-16 code units of their names, no whitespace.
 */

/**
 * Thrown for a value JCS cannot represent: a non-finite number, a lone surrogate, a bigint,
 * a function or a non-plain object. The message names the path of the offending member.
 *
 * @example
 * ```ts
 * try { canonicalJson({ a: Number.NaN }); } catch (e) { if (e instanceof CanonicalizationError) e.path; } // '$.a'
 * ```
 */
export class CanonicalizationError extends TypeError {
  /** Where the value sits, as `$.a[2].b`. */
  readonly path: string;
  constructor(path: string, what: string) {
    super(`cannot canonicalize ${what} at ${path} (RFC 8785 allows only I-JSON values)`);
    this.name = 'CanonicalizationError';
    this.path = path;
  }
}

// A UTF-16 surrogate without its partner: I-JSON (RFC 7493) forbids it, so JCS does too.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function str(value: string, path: string): string {
  if (LONE_SURROGATE.test(value)) throw new CanonicalizationError(path, 'a lone surrogate');
  // JSON.stringify escapes exactly what RFC 8785 §3.2.2.2 asks: " \ and U+0000–U+001F
  // (\b \t \n \f \r by name, the rest as lower-case \u00xx), everything else literal.
  return JSON.stringify(value);
}

function walk(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalizationError(path, String(value));
      // ECMAScript Number::toString is the serialization RFC 8785 §3.2.2.3 prescribes; -0 → "0".
      return Object.is(value, -0) ? '0' : String(value);
    case 'string':
      return str(value, path);
    case 'object':
      break;
    default:
      throw new CanonicalizationError(path, `a ${typeof value}`);
  }
  if (Array.isArray(value)) {
    // As JSON.stringify: an undefined element is written as null.
    return `[${value.map((v, i) => (v === undefined ? 'null' : walk(v, `${path}[${i}]`))).join(',')}]`;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new CanonicalizationError(path, `a ${proto?.constructor?.name ?? 'non-plain'} object`);
  }
  const names = Object.keys(value as object).filter(
    (k) => (value as Record<string, unknown>)[k] !== undefined,
  );
  // Default sort compares UTF-16 code units, which is the order RFC 8785 §3.2.3 defines.
  names.sort();
  const members = names.map(
    (k) => `${str(k, path)}:${walk((value as Record<string, unknown>)[k], `${path}.${k}`)}`,
  );
  return `{${members.join(',')}}`;
}

/**
 * The RFC 8785 canonical JSON text of a value. Members whose value is `undefined` are left
 * out, as `JSON.stringify` does; hash the UTF-8 bytes of the result.
 *
 * @throws CanonicalizationError for values outside I-JSON (NaN, Infinity, lone surrogates, …).
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, null, 4.5e1] }); // '{"a":[true,null,45],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  return walk(value, '$');
}

/**
 * The UTF-8 bytes of {@link canonicalJson}: what a digest or a signature is computed over.
 *
 * @example
 * ```ts
 * canonicalBytes({ a: '€' }).length; // 10
 * ```
 */
export function canonicalBytes(value: unknown): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(canonicalJson(value));
}

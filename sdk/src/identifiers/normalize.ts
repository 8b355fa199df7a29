// Already canonical: the common case for codes read off a page or out of a file.
const CANONICAL = /^[0-9A-Z]{1,64}$/;
// Whitespace (incl. U+3000 and a BOM), zero-width characters, and the hyphens and dashes people
// type between the parts of a code (`XXXXXXXX-X`, `9111 0000 …`).
const SEPARATORS = /[\s\u200b-\u200d\u2060\u2010-\u2015\u2212\uff0d-]/g;

/**
 * The one canonical form of an identifier, used by every validator and parser here and by
 * `client.ratings` to key its cache and batches, so a code `lookup` accepts is a code the
 * validators accept too: NFKC (full-width ＡＢ１２ to ASCII), spaces, zero-width characters,
 * hyphens and dashes removed, ASCII letters upper-cased (a trailing `x` of an ID number). Other
 * letters are left alone, so `ı` never turns into `I`.
 *
 * @example
 * ```ts
 * normalizeIdentifier(' d2143569-x '); // 'D2143569X'
 * normalizeIdentifier('９１１１００００６０００３７３４１Ｌ'); // '91110000600037341L'
 * normalizeIdentifier('9111 0000 6000 3734 1l'); // '91110000600037341L'
 * ```
 */
export function normalizeIdentifier(id: string): string {
  const s = typeof id === 'string' ? id : String(id);
  if (CANONICAL.test(s)) return s;
  return s
    .normalize('NFKC')
    .replace(SEPARATORS, '')
    .replace(/[a-z]+/g, (m) => m.toUpperCase());
}

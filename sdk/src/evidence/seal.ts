/**
 * Sealing a record (its digest) and re-checking a saved file's digest.
 */
import { canonicalDigest } from './digest.ts';
import { sanitizeDeep } from './sanitize.ts';
import { CANONICALIZATION, type EvidenceFile, type EvidenceRecord } from './schema.ts';

/**
 * The file to save: the record with invisible controls removed from every string, and the
 * SHA-256 of its RFC 8785 canonical JSON. Print the `record` of this file, not a rebuilt one,
 * so the paper and the JSON carry the same digest.
 *
 * @example
 * ```ts
 * const file = await sealEvidence(record);
 * await writeFile('evidence.json', JSON.stringify(file, null, 2));
 * ```
 */
export async function sealEvidence(record: EvidenceRecord): Promise<EvidenceFile> {
  // Signed answers stay byte for byte as the service sent them; views sanitise them when shown.
  const bare: EvidenceRecord = { ...record, subjects: record.subjects.map((s) => ({ ...s, signed: [] })) };
  const clean = sanitizeDeep(bare);
  clean.subjects.forEach((s, i) => {
    s.signed = record.subjects[i]?.signed ?? [];
  });
  return {
    record: clean,
    digest: { algorithm: 'SHA-256', canonicalization: CANONICALIZATION, value: await canonicalDigest(clean) },
  };
}

/**
 * Whether a file's digest matches its record (recomputed over the record as saved).
 *
 * @example
 * ```ts
 * await digestMatches(file); // false once anyone edits the record and keeps the digest
 * ```
 */
export async function digestMatches(file: { record: unknown; digest: { value: string } }): Promise<boolean> {
  return (await canonicalDigest(file.record)) === file.digest.value;
}

/**
 * A page address as records keep it: origin and path only. The query and the fragment are
 * dropped (they carry session tokens, search terms and, on some loan systems, ID numbers).
 * Not a URL: the text itself.
 *
 * @example
 * ```ts
 * pageLocation('https://gjj.example.cn/loan/review?id=330110199209219966#b'); // { origin: 'https://gjj.example.cn', path: '/loan/review' }
 * ```
 */
export function pageLocation(url: string): { origin: string; path: string } {
  try {
    const u = new URL(url);
    return { origin: u.origin === 'null' ? `${u.protocol}` : u.origin, path: u.pathname };
  } catch {
    return { origin: '', path: '' };
  }
}

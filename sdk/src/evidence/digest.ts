/**
 * SHA-256 over canonical JSON with WebCrypto, so the same code runs in Node 20+, the
 * extension's service worker and its pages.
 */
import { canonicalBytes } from './jcs.ts';

/**
 * Lower-case hex of bytes.
 *
 * @example
 * ```ts
 * toHex(new Uint8Array([0, 255])); // '00ff'
 * ```
 */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/**
 * SHA-256 of a string's UTF-8 bytes (or of raw bytes), as lower-case hex.
 *
 * @example
 * ```ts
 * await sha256Hex('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 * ```
 */
export async function sha256Hex(input: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

/**
 * SHA-256 (hex) of the RFC 8785 canonical JSON of a value.
 *
 * @example
 * ```ts
 * (await canonicalDigest({ b: 1, a: 2 })) === (await canonicalDigest({ a: 2, b: 1 })); // true
 * ```
 */
export async function canonicalDigest(value: unknown): Promise<string> {
  return sha256Hex(canonicalBytes(value));
}

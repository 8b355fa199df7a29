/**
 * Ed25519 signatures on the service's answers, with WebCrypto only: Node 20+ (`globalThis.crypto`),
 * Chromium 137+, Firefox 129+, Safari 17+ and their extension service workers all verify
 * Ed25519 natively (decision 0036), so no dependency is needed.
 */
import type { LocalizedText } from '../core/schemas.ts';
import type { Jwk, Jwks, ResultSignature } from '../resources/keys.ts';
import { canonicalBytes } from './jcs.ts';

/**
 * Base64url (RFC 4648 §5, no padding) of bytes.
 *
 * @example
 * ```ts
 * toBase64Url(new Uint8Array([251, 255])); // '-_8'
 * ```
 */
export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/**
 * Bytes of a base64url text; `null` when it is not base64url.
 *
 * @example
 * ```ts
 * fromBase64Url('-_8'); // Uint8Array [251, 255]
 * ```
 */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const bin = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** What a signature covers: the answer with its `signature` member minus `value`. */
function signedBytes(payload: Record<string, unknown>, signature: Omit<ResultSignature, 'value'>) {
  const { alg, kid, type, signedAt } = signature;
  return canonicalBytes({ ...payload, signature: { alg, kid, type, signedAt } });
}

/**
 * Whether this runtime's WebCrypto verifies Ed25519 (Node 20+, Chromium 137+, Firefox 129+,
 * Safari 17+).
 *
 * @example
 * ```ts
 * if (!(await ed25519Available())) console.warn('upgrade the browser to verify evidence');
 * ```
 */
export async function ed25519Available(): Promise<boolean> {
  try {
    const x = new Uint8Array(32);
    x[0] = 1;
    await globalThis.crypto.subtle.importKey('raw', x, { name: 'Ed25519' }, false, ['verify']);
    return true;
  } catch {
    return false;
  }
}

const imported = new Map<string, Promise<CryptoKey>>();

function publicKey(jwk: Jwk): Promise<CryptoKey> {
  let key = imported.get(jwk.x);
  if (key === undefined) {
    const raw = fromBase64Url(jwk.x);
    key =
      raw === null || raw.length !== 32
        ? Promise.reject(new TypeError(`key ${jwk.kid}: x is not a 32-byte base64url value`))
        : globalThis.crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
    key.catch(() => imported.delete(jwk.x));
    imported.set(jwk.x, key);
  }
  return key;
}

/**
 * Why {@link verifySignature} refused a signature.
 *
 * @example
 * ```ts
 * const code: SignatureProblem = 'unknown_kid';
 * ```
 */
export type SignatureProblem =
  | 'missing'
  | 'malformed'
  | 'wrong_type'
  | 'unknown_kid'
  | 'invalid'
  | 'unsupported_runtime';

/**
 * The outcome of {@link verifySignature}: the key that verified it, or what is wrong, in words.
 *
 * @example
 * ```ts
 * const r: SignatureCheck = await verifySignature(summary, jwks);
 * if (!r.ok) console.log(r.problem, r.message.zh);
 * ```
 */
export type SignatureCheck =
  | { ok: true; kid: string; signedAt: string; type: ResultSignature['type'] }
  | { ok: false; problem: SignatureProblem; kid: string | null; message: LocalizedText };

/**
 * Verifies the `signature` member of an answer of the service (a rating summary, a ready
 * report) against a JWKS. Pure and offline: nothing is fetched. Any change to the answer, its
 * signing time, type or key id makes it fail.
 *
 * @example
 * ```ts
 * const item = await client.ratings.get('91110000600037341L');
 * if (item.status === 'found') {
 *   const check = await verifySignature(item.summary, await client.keys.list(), { type: 'rating_summary' });
 *   check.ok; // true for an answer as the service sent it
 * }
 * ```
 */
export async function verifySignature(
  payload: unknown,
  jwks: Jwks,
  options: { type?: ResultSignature['type'] } = {},
): Promise<SignatureCheck> {
  const fail = (problem: SignatureProblem, kid: string | null, message: LocalizedText): SignatureCheck => ({
    ok: false,
    problem,
    kid,
    message,
  });
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return fail('malformed', null, {
      zh: '签名对象不是 JSON 对象',
      en: 'the signed answer is not a JSON object',
    });
  }
  const { signature, ...rest } = payload as Record<string, unknown>;
  if (signature === undefined || signature === null) {
    return fail('missing', null, { zh: '结果没有签名', en: 'the answer carries no signature' });
  }
  const s = signature as Partial<ResultSignature>;
  const kid = typeof s.kid === 'string' ? s.kid : null;
  const value = typeof s.value === 'string' ? fromBase64Url(s.value) : null;
  if (
    s.alg !== 'Ed25519' ||
    kid === null ||
    typeof s.signedAt !== 'string' ||
    (s.type !== 'rating_summary' && s.type !== 'report') ||
    value === null ||
    value.length !== 64
  ) {
    return fail('malformed', kid, {
      zh: '签名格式无效（应为 Ed25519，含 kid、type、signedAt 和 64 字节的 value）',
      en: 'the signature is malformed (expected Ed25519 with kid, type, signedAt and a 64-byte value)',
    });
  }
  if (options.type !== undefined && s.type !== options.type) {
    return fail('wrong_type', kid, {
      zh: `签名类型为 ${s.type}，应为 ${options.type}`,
      en: `the signature is for a ${s.type}, expected a ${options.type}`,
    });
  }
  const jwk = jwks.keys.find((k) => k.kid === kid);
  if (jwk === undefined) {
    return fail('unknown_kid', kid, {
      zh: `公钥集中没有密钥 ${kid}：签名不是用信用服务公布的密钥所做`,
      en: `no key ${kid} in the key set: the signature was not made with a key the credit service publishes`,
    });
  }
  let key: CryptoKey;
  try {
    key = await publicKey(jwk);
  } catch (e) {
    if (!(await ed25519Available())) {
      return fail('unsupported_runtime', kid, {
        zh: '此运行环境的 WebCrypto 不支持 Ed25519（需 Node 20+、Chromium 137+、Firefox 129+ 或 Safari 17+）',
        en: 'this runtime’s WebCrypto has no Ed25519 (needs Node 20+, Chromium 137+, Firefox 129+ or Safari 17+)',
      });
    }
    return fail('invalid', kid, {
      zh: `公钥 ${kid} 无效：${(e as Error).message}`,
      en: `key ${kid} is unusable: ${(e as Error).message}`,
    });
  }
  const message = signedBytes(rest, { alg: s.alg, kid, type: s.type, signedAt: s.signedAt });
  const good = await globalThis.crypto.subtle.verify({ name: 'Ed25519' }, key, value, message);
  if (!good) {
    return fail('invalid', kid, {
      zh: `签名与内容不符（密钥 ${kid}）：结果在签名后被改动`,
      en: `the signature does not match the content (key ${kid}): the answer was changed after it was signed`,
    });
  }
  return { ok: true, kid, signedAt: s.signedAt, type: s.type };
}

/**
 * A signing key: the private key and its public JWK.
 *
 * @example
 * ```ts
 * const key: SigningKey = await signingKeyFromSeed(seed, 'xj-test-1');
 * ```
 */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: Jwk;
}

// RFC 8410 PKCS #8 wrapping of a 32-byte Ed25519 seed.
const PKCS8_ED25519_PREFIX = [
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

/**
 * An Ed25519 signing key from a 32-byte seed (RFC 8032 private key), for servers and tests that
 * sign as the service does. The same seed always gives the same key.
 *
 * @example
 * ```ts
 * const key = await signingKeyFromSeed(crypto.getRandomValues(new Uint8Array(32)), 'xj-test-1');
 * const jwks = { keys: [key.publicJwk] };
 * ```
 */
export async function signingKeyFromSeed(seed: Uint8Array, kid: string): Promise<SigningKey> {
  if (seed.length !== 32) throw new TypeError(`an Ed25519 seed has 32 bytes (got ${seed.length})`);
  const pkcs8 = new Uint8Array(48);
  pkcs8.set(PKCS8_ED25519_PREFIX);
  pkcs8.set(seed, 16);
  const subtle = globalThis.crypto.subtle;
  const extractable = await subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, true, ['sign']);
  const { x } = await subtle.exportKey('jwk', extractable);
  const privateKey = await subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
  if (typeof x !== 'string') throw new TypeError('this runtime did not export the Ed25519 public key');
  return { kid, privateKey, publicJwk: { kty: 'OKP', crv: 'Ed25519', kid, x, use: 'sig', alg: 'EdDSA' } };
}

/**
 * The answer with a `signature` member added (any old one replaced), as the service sends it.
 *
 * @example
 * ```ts
 * const signed = await signResult(summary, key, { type: 'rating_summary', signedAt: new Date().toISOString() });
 * (await verifySignature(signed, { keys: [key.publicJwk] })).ok; // true
 * ```
 */
export async function signResult<T extends Record<string, unknown>>(
  payload: T,
  key: SigningKey,
  options: { type: ResultSignature['type']; signedAt: string },
): Promise<T & { signature: ResultSignature }> {
  const { signature: _old, ...rest } = payload;
  const meta = { alg: 'Ed25519' as const, kid: key.kid, type: options.type, signedAt: options.signedAt };
  const sig = await globalThis.crypto.subtle.sign(
    { name: 'Ed25519' },
    key.privateKey,
    signedBytes(rest, meta),
  );
  return { ...(rest as T), signature: { ...meta, value: toBase64Url(new Uint8Array(sig)) } };
}

import { z } from 'zod';
import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/http.ts';
import { APIResource } from '../core/resource.ts';
import { IsoDateTime } from '../core/schemas.ts';

/**
 * Where the service publishes its signing keys, relative to the API origin.
 *
 * @example
 * ```ts
 * new URL(JWKS_PATH, 'https://api.xinjian.example').href; // 'https://api.xinjian.example/.well-known/jwks.json'
 * ```
 */
export const JWKS_PATH = '/.well-known/jwks.json';

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'expected base64url without padding');

/**
 * The signature the service puts on an answer it stands behind (a rating summary, a ready
 * report): Ed25519 over the RFC 8785 canonical JSON of the answer with this member in place
 * but without `value`, so the key id, the answer's type and the signing time are signed too.
 * `value` is the 64-byte signature, base64url.
 *
 * @example
 * ```ts
 * const s: ResultSignature = { alg: 'Ed25519', kid: 'xj-mock-2026-1', type: 'rating_summary', signedAt: '2026-11-01T09:00:00+08:00', value: 'q1x…' };
 * ```
 */
export const ResultSignature = z
  .object({
    alg: z.literal('Ed25519'),
    /** The key's `kid` in the service's JWKS. */
    kid: z.string().min(1).max(128),
    /** What was signed; a signature over one kind of answer never passes for another. */
    type: z.enum(['rating_summary', 'report']),
    signedAt: IsoDateTime,
    value: base64url,
  })
  .meta({ id: 'ResultSignature' });
export type ResultSignature = z.infer<typeof ResultSignature>;

/**
 * One public signing key (RFC 8037 OKP key, Ed25519), as the JWKS lists it.
 *
 * @example
 * ```ts
 * const k: Jwk = { kty: 'OKP', crv: 'Ed25519', kid: 'xj-mock-2026-1', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', use: 'sig', alg: 'EdDSA' };
 * ```
 */
export const Jwk = z
  .object({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    kid: z.string().min(1).max(128),
    /** The 32-byte public key, base64url. */
    x: base64url.length(43, 'expected a 32-byte key (43 base64url characters)'),
    use: z.literal('sig').optional(),
    alg: z.enum(['EdDSA', 'Ed25519']).optional(),
  })
  .meta({ id: 'Jwk' });
export type Jwk = z.infer<typeof Jwk>;

/**
 * The service's published public keys (RFC 7517 JWK Set), served at {@link JWKS_PATH}.
 *
 * @example
 * ```ts
 * const jwks = Jwks.parse(JSON.parse(await readFile('jwks.json', 'utf8')));
 * jwks.keys.map((k) => k.kid);
 * ```
 */
export const Jwks = z.object({ keys: z.array(Jwk) }).meta({ id: 'Jwks' });
export type Jwks = z.infer<typeof Jwks>;

/**
 * `client.keys`: the public keys the service signs its answers with.
 *
 * @example
 * ```ts
 * const jwks = await client.keys.list();
 * const report = await verifyEvidence(file, jwks);
 * ```
 */
export class Keys extends APIResource {
  /**
   * `GET /.well-known/jwks.json`: the service's signing keys. Keep a copy with the evidence you
   * file: a verifier offline needs only that file.
   *
   * @example
   * ```ts
   * const { keys } = await client.keys.list();
   * console.log(keys.map((k) => k.kid));
   * ```
   */
  list(options?: RequestOptions): APIPromise<Jwks> {
    return this._ctx.transport.call({ method: 'GET', path: JWKS_PATH, schema: Jwks }, options);
  }
}

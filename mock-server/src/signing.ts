/**
 * The mock's signing key. The service signs each rating summary and each ready report with
 * Ed25519 and publishes the public key at `/.well-known/jwks.json`. The mock's key comes from a
 * fixed, published seed (decision 0035), so its JWKS is the same on every run and the CLI can
 * bundle it for demo mode; a demo signature therefore proves nothing to anyone who has this
 * repository. A real service keeps its seed secret.
 */
import { type Jwks, type SigningKey, signingKeyFromSeed } from '@xinjian/sdk';

/**
 * The key id of the mock's signing key in its JWKS.
 *
 * @example
 * ```ts
 * item.summary.signature?.kid === DEMO_SIGNING_KID; // true for a mock answer
 * ```
 */
export const DEMO_SIGNING_KID = 'xj-mock-2026-1';

/**
 * The mock's Ed25519 seed (RFC 8032 private key), hex. Public on purpose: it is demo data.
 *
 * @example
 * ```ts
 * DEMO_SIGNING_SEED_HEX.length; // 64
 * ```
 */
export const DEMO_SIGNING_SEED_HEX = '5869e6a15c0d3b7f2e41a9c8d07f63b25e9a14c7d2b8f0e36a1c5d9e47b20f83';

/**
 * A signing key the mock is told to use instead of the demo one (tests of key rotation and of
 * records signed by another service).
 *
 * @example
 * ```ts
 * createMockApi({ signing: { seed: new Uint8Array(32).fill(7), kid: 'other-1' } });
 * ```
 */
export interface MockSigningOptions {
  /** 32 bytes. */
  seed: Uint8Array;
  kid: string;
}

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
}

/**
 * The mock's signing key (the demo one unless `options` names another).
 *
 * @example
 * ```ts
 * const key = await mockSigningKey();
 * key.publicJwk.kid; // 'xj-mock-2026-1'
 * ```
 */
export function mockSigningKey(options?: MockSigningOptions): Promise<SigningKey> {
  return options
    ? signingKeyFromSeed(options.seed, options.kid)
    : signingKeyFromSeed(hexBytes(DEMO_SIGNING_SEED_HEX), DEMO_SIGNING_KID);
}

/**
 * The JWKS the mock publishes with its demo key: what an auditor of a demo record uses.
 *
 * @example
 * ```ts
 * const jwks = await demoJwks();
 * jwks.keys[0]?.kid; // 'xj-mock-2026-1'
 * ```
 */
export async function demoJwks(): Promise<Jwks> {
  return { keys: [(await mockSigningKey()).publicJwk] };
}

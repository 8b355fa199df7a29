import { describe, expect, expectTypeOf, it } from 'vitest';
import { startMockServer } from '../../../mock-server/src/index.ts';
import { DEMO_SIGNING_KID, demoJwks } from '../../../mock-server/src/signing.ts';
import { createClient } from '../client.ts';
import type { Jwks, ResultSignature } from '../resources/keys.ts';
import { DEMO_API_KEY, useMockHarness } from '../test-utils/mock-api.ts';
import { fromBase64Url, signingKeyFromSeed, signResult, toBase64Url, verifySignature } from './signature.ts';

const mock = useMockHarness({}, { resetEach: false });

describe('base64url', () => {
  it('round-trips bytes and refuses other alphabets', () => {
    const bytes = Uint8Array.from({ length: 67 }, (_, i) => (i * 37) % 256);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    expect(toBase64Url(new Uint8Array([251, 255]))).toBe('-_8');
    expect(fromBase64Url('a+b/')).toBeNull();
  });
});

describe('signResult / verifySignature', () => {
  const signedAt = '2026-11-01T01:00:00.000Z';

  it('verifies an untouched answer and refuses any edit, a wrong type or a foreign key', async () => {
    const key = await signingKeyFromSeed(new Uint8Array(32).fill(3), 'k1');
    const jwks: Jwks = { keys: [key.publicJwk] };
    const signed = await signResult({ subject: { name: '甲公司' }, lists: [] }, key, {
      type: 'rating_summary',
      signedAt,
    });
    expect(await verifySignature(signed, jwks)).toEqual({
      ok: true,
      kid: 'k1',
      signedAt,
      type: 'rating_summary',
    });
    // Member order does not matter (RFC 8785), content does.
    expect((await verifySignature(JSON.parse(JSON.stringify(signed)), jwks)).ok).toBe(true);
    const edited = { ...signed, subject: { name: '乙公司' } };
    expect(await verifySignature(edited, jwks)).toMatchObject({ ok: false, problem: 'invalid', kid: 'k1' });
    const later = { ...signed, signature: { ...signed.signature, signedAt: '2026-12-01T00:00:00.000Z' } };
    expect(await verifySignature(later, jwks)).toMatchObject({ ok: false, problem: 'invalid' });
    expect(await verifySignature(signed, jwks, { type: 'report' })).toMatchObject({ problem: 'wrong_type' });
    const other = await signingKeyFromSeed(new Uint8Array(32).fill(4), 'k2');
    expect(await verifySignature(signed, { keys: [other.publicJwk] })).toMatchObject({
      problem: 'unknown_kid',
      kid: 'k1',
    });
    // A foreign key published under the same kid does not verify either.
    expect(await verifySignature(signed, { keys: [{ ...other.publicJwk, kid: 'k1' }] })).toMatchObject({
      problem: 'invalid',
    });
    const { signature: _s, ...bare } = signed;
    const missing = await verifySignature(bare, jwks);
    expect(missing).toMatchObject({ ok: false, problem: 'missing' });
    if (!missing.ok) expect(missing.message.zh).toContain('签名');
  });

  it('gives one key per seed', async () => {
    const a = await signingKeyFromSeed(new Uint8Array(32).fill(9), 'a');
    const b = await signingKeyFromSeed(new Uint8Array(32).fill(9), 'a');
    expect(a.publicJwk).toEqual(b.publicJwk);
    expect(a.publicJwk.x).toHaveLength(43);
  });
});

describe('signed answers from the mock service', () => {
  it('publishes a JWKS and signs every found rating summary, which the SDK exposes and verifies', async () => {
    const client = mock.client();
    const jwks = await client.keys.list();
    expect(jwks.keys.map((k) => [k.kid, k.kty, k.crv])).toEqual([[DEMO_SIGNING_KID, 'OKP', 'Ed25519']]);
    const anonymous = await fetch(`${mock.url}/.well-known/jwks.json`);
    expect(anonymous.status).toBe(200);
    const items = await client.ratings.lookup(['91110000561976492Q', '91330100MA703R94XL']);
    expect(items.map((i) => i.status)).toEqual(['found', 'found']);
    for (const item of items) {
      if (item.status !== 'found') continue;
      expectTypeOf(item.summary.signature).toEqualTypeOf<ResultSignature | undefined>();
      expect(item.summary.signature?.kid).toBe(DEMO_SIGNING_KID);
      expect(await verifySignature(item.summary, jwks, { type: 'rating_summary' })).toMatchObject({
        ok: true,
      });
    }
  });

  it('signs with the key it is given, which the demo key set does not know; a browser may fetch the set', async () => {
    const other = await startMockServer({
      port: 0,
      signing: { seed: new Uint8Array(32).fill(7), kid: 'rotated-2' },
    });
    try {
      const client = createClient({ baseUrl: other.url, apiKey: DEMO_API_KEY });
      const jwks = await client.keys.list();
      expect(jwks.keys.map((k) => k.kid)).toEqual(['rotated-2']);
      const item = await client.ratings.get('91110000561976492Q');
      if (item.status !== 'found') throw new Error(`expected found, got ${item.status}`);
      expect((await verifySignature(item.summary, jwks)).ok).toBe(true);
      expect(await verifySignature(item.summary, await demoJwks())).toMatchObject({ problem: 'unknown_kid' });
      const preflight = await fetch(`${other.url}/.well-known/jwks.json`, {
        method: 'OPTIONS',
        headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'GET' },
      });
      expect(preflight.status).toBe(204);
      const res = await fetch(`${other.url}/.well-known/jwks.json`);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await other.close();
    }
  });

  it('signs a ready report as of its readiness', async () => {
    const client = mock.client();
    const order = await client.reports.order({
      productId: 'enterprise_credit_report',
      subjectId: '91110000561976492Q',
      purpose: 'government_procurement',
    });
    const ready = await client.reports.waitUntilReady(order.id);
    expect(ready.signature?.signedAt).toBe(ready.readyAt);
    expect(await verifySignature(ready, await client.keys.list(), { type: 'report' })).toMatchObject({
      ok: true,
    });
  });
});

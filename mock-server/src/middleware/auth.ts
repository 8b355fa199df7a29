/** Bearer-key authentication: 401 for a missing, unknown or revoked key, then the rate limit. */
import type { LocalizedText } from '@xinjian/sdk';
import type { Catalog } from '../catalog.ts';
import { bearer, type Ctx, fail } from '../context.ts';
import type { RateLimiter } from './rate-limit.ts';

/** Null when the request may go on (its key then sits in `ctx.key`), else the refusal. */
export function authenticator(catalog: Catalog, limiter: RateLimiter): (ctx: Ctx) => Response | null {
  return (ctx) => {
    const raw = bearer(ctx.request);
    const key = raw === null ? undefined : catalog.keys.get(raw);
    if (key === undefined || key.revoked) {
      const text: LocalizedText =
        raw === null
          ? {
              zh: '缺少 API 密钥：请发送 Authorization: Bearer <key>',
              en: 'missing API key: send Authorization: Bearer <key>',
            }
          : key?.revoked
            ? { zh: 'API 密钥已吊销', en: 'the API key has been revoked' }
            : { zh: 'API 密钥无效', en: 'unknown API key' };
      return fail(ctx, 401, 'unauthorized', text, {
        headers: { 'WWW-Authenticate': 'Bearer realm="xinjian"' },
      });
    }
    ctx.key = key;
    return limiter.consume(ctx, key);
  };
}

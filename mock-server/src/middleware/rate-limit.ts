/** Per-key fixed windows: `RateLimit-*` on every answer, 429 with `Retry-After` past the limit. */
import type { KeySeed } from '../../../seeds/schema.ts';
import type { Catalog } from '../catalog.ts';
import { bearer, type Ctx, fail, type RateInfo } from '../context.ts';
import { type MockState, RATE_WINDOW_MS } from '../state.ts';

export interface RateLimiter {
  /** The window of the request's key without counting the request; null for no valid key. */
  peek(request: Request): RateInfo | null;
  /** Counts the request against its key's window; a 429 when the window is used up. */
  consume(ctx: Ctx, key: KeySeed): Response | null;
}

export function rateLimiter(state: MockState, catalog: Catalog): RateLimiter {
  function window(key: KeySeed) {
    const now = state.now().getTime();
    let w = state.rateWindows.get(key.key);
    if (w === undefined || now - w.startedAt >= RATE_WINDOW_MS || now < w.startedAt) {
      w = { startedAt: now, count: 0 };
      state.rateWindows.set(key.key, w);
    }
    return { w, now };
  }

  function rateInfo(key: KeySeed, w: { startedAt: number; count: number }, now: number): RateInfo {
    const resetMs = w.startedAt + RATE_WINDOW_MS;
    return {
      limit: key.rateLimitPerMinute,
      remaining: Math.max(0, key.rateLimitPerMinute - w.count),
      resetSeconds: Math.max(1, Math.ceil((resetMs - now) / 1000)),
      resetAt: new Date(resetMs),
    };
  }

  return {
    peek(request) {
      const raw = bearer(request);
      const key = raw === null ? undefined : catalog.keys.get(raw);
      if (key === undefined || key.revoked) return null;
      const { w, now } = window(key);
      return rateInfo(key, w, now);
    },
    consume(ctx, key) {
      const { w, now } = window(key);
      if (w.count >= key.rateLimitPerMinute) {
        ctx.rate = rateInfo(key, w, now);
        return fail(
          ctx,
          429,
          'rate_limited',
          {
            zh: `请求过于频繁：每分钟最多 ${key.rateLimitPerMinute} 次，请 ${ctx.rate.resetSeconds} 秒后重试`,
            en: `rate limit of ${key.rateLimitPerMinute} requests per minute exceeded; retry in ${ctx.rate.resetSeconds} s`,
          },
          { headers: { 'Retry-After': String(ctx.rate.resetSeconds) } },
        );
      }
      w.count += 1;
      ctx.rate = rateInfo(key, w, now);
      return null;
    },
  };
}

/** `GET /v1/account`: credits and the live rate-limit window of the calling key. */

import { Account } from '@xinjian/sdk';
import { http } from 'msw';
import type { KeySeed } from '../../../seeds/schema.ts';
import type { RateInfo, ResourceHandlers, Route } from '../context.ts';
import { jsonWith } from '../responses.ts';
import { RATE_WINDOW_MS } from '../state.ts';

export const accountHandlers: ResourceHandlers = ({ state, at, v1 }) => {
  const retrieve: Route<unknown> = (ctx) => {
    const key = ctx.key as KeySeed;
    const rate = ctx.rate as RateInfo;
    return jsonWith(Account, {
      ...key.account,
      credits: {
        remaining: state.credits.get(key.account.id) ?? 0,
        monthlyAllowance: key.account.credits.monthlyAllowance,
      },
      rateLimit: {
        limit: rate.limit,
        remaining: rate.remaining,
        windowSeconds: RATE_WINDOW_MS / 1000,
        resetAt: rate.resetAt.toISOString(),
      },
    });
  };
  return [http.get(at('/v1/account'), v1(retrieve))];
};

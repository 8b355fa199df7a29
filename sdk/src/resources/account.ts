import { z } from 'zod';
import { IsoDateTime } from '../core/schemas.ts';

/** The calling key's account: credits, rate limit and entitlements. */
export const Account = z
  .object({
    id: z.string(),
    name: z.string(),
    credits: z.object({ remaining: z.number().int(), monthlyAllowance: z.number().int() }),
    rateLimit: z.object({
      limit: z.number().int(),
      remaining: z.number().int(),
      windowSeconds: z.number().int(),
      resetAt: IsoDateTime,
    }),
    entitledProducts: z.array(z.string()),
  })
  .meta({ id: 'Account' });
export type Account = z.infer<typeof Account>;

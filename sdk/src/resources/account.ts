import { z } from 'zod';
import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/http.ts';
import { APIResource } from '../core/resource.ts';
import { IsoDateTime } from '../core/schemas.ts';

/**
 * The calling key's account: credits, rate limit and entitlements.
 *
 * @example
 * ```ts
 * const account = await client.account.retrieve();
 * account.credits.remaining;
 * ```
 */
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

/**
 * `client.account`: the calling key's account.
 *
 * @example
 * ```ts
 * const { credits } = await client.account.retrieve();
 * ```
 */
export class AccountResource extends APIResource {
  /**
   * Credits, rate limit and entitled products of the key in use.
   *
   * @example
   * ```ts
   * const account = await client.account.retrieve();
   * console.log(account.credits.remaining, account.rateLimit.remaining);
   * ```
   */
  retrieve(options?: RequestOptions): APIPromise<Account> {
    return this._ctx.transport.call({ method: 'GET', path: '/v1/account', schema: Account }, options);
  }
}

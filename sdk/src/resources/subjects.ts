import { z } from 'zod';
import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/http.ts';
import { APIResource } from '../core/resource.ts';
import { IsoDate } from '../core/schemas.ts';

/**
 * An enterprise (or other organisation with a USCC) as the catalog knows it.
 *
 * @example
 * ```ts
 * const { data } = await client.subjects.search({ q: '91110000561976492Q' });
 * data[0]?.subject.orgCode; // '56197649-2'
 * ```
 */
export const Subject = z
  .object({
    id: z.string(),
    name: z.string(),
    uscc: z.string(),
    /** GB 11714 code (USCC positions 9–17), shown as `XXXXXXXX-X`. */
    orgCode: z.string(),
    /** 15-digit 注册号 from before 2015, where the subject had one. */
    regNo: z.string().nullable(),
    region: z.object({ code: z.string(), name: z.string() }),
    establishedAt: IsoDate,
    status: z.enum(['active', 'revoked', 'cancelled', 'suspended']),
  })
  .meta({ id: 'Subject' });
export type Subject = z.infer<typeof Subject>;

/**
 * A candidate for a name or code search, with how sure the match is.
 *
 * @example
 * ```ts
 * const best = result.data[0];
 * if (best?.matchType === 'code') console.log(best.subject.name); // confidence 1
 * ```
 */
export const SubjectMatch = z
  .object({
    subject: Subject,
    /** 0–1. A code match is 1; a name shared by several subjects is never above 0.5. */
    confidence: z.number().min(0).max(1),
    matchType: z.enum(['code', 'exact_name', 'prefix', 'partial']),
    /** Other subjects share this exact name (same-name companies in other regions). */
    sameNameCount: z.number().int().nonnegative(),
  })
  .meta({ id: 'SubjectMatch' });
export type SubjectMatch = z.infer<typeof SubjectMatch>;

/**
 * Body of `POST /v1/subjects/search`: a name or identifier, and at most 50 candidates. A body,
 * not a query string, so names read off a page never ride in a URL (logs, proxies, history).
 *
 * @example
 * ```ts
 * const params: SubjectSearchParams = { q: '澜丰信息', limit: 10 };
 * ```
 */
export const SubjectSearchParams = z
  .object({
    q: z.string().trim().min(1).max(200),
    limit: z.coerce.number().int().min(1).max(50).optional(),
  })
  .meta({ id: 'SubjectSearchParams' });
export type SubjectSearchParams = z.input<typeof SubjectSearchParams>;

/**
 * Answer of `POST /v1/subjects/search`: candidates, best first.
 *
 * @example
 * ```ts
 * const result = await client.subjects.search('澜丰信息');
 * if (result.ambiguous) console.log(result.data.map((m) => m.subject.region.name));
 * ```
 */
export const SubjectSearchResult = z
  .object({
    data: z.array(SubjectMatch),
    /** True when the best candidates cannot be told apart: ask the user to pick. */
    ambiguous: z.boolean(),
  })
  .meta({ id: 'SubjectSearchResult' });
export type SubjectSearchResult = z.infer<typeof SubjectSearchResult>;

/**
 * `client.subjects`: find enterprises by name or identifier.
 *
 * @example
 * ```ts
 * const { data, ambiguous } = await client.subjects.search({ q: '北京' });
 * ```
 */
export class Subjects extends APIResource {
  /**
   * Candidates for a name or code, best first (`POST /v1/subjects/search`; the query goes in the
   * body, never in the URL). When `ambiguous` is true the top candidates share a name: ask the
   * user to pick instead of taking the first.
   *
   * @example
   * ```ts
   * const result = await client.subjects.search({ q: '91110000600037341L' });
   * result.data[0]?.confidence; // 1 for a code match
   * const byName = await client.subjects.search('某某建设', { timeout: 5_000 });
   * ```
   */
  search(params: SubjectSearchParams | string, options?: RequestOptions): APIPromise<SubjectSearchResult> {
    const p = typeof params === 'string' ? { q: params } : params;
    return this._ctx.transport.call(
      {
        method: 'POST',
        path: '/v1/subjects/search',
        body: { q: p.q, ...(p.limit === undefined ? {} : { limit: Number(p.limit) }) },
        schema: SubjectSearchResult,
        // A search changes nothing: it needs no idempotency key.
        safe: true,
      },
      options,
    );
  }
}

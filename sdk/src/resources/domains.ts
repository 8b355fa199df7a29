import { z } from 'zod';
import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/http.ts';
import { APIResource } from '../core/resource.ts';
import { DomainId, IsoDate, LocalizedText } from '../core/schemas.ts';

/**
 * A policy document a domain's requirements rest on.
 *
 * @example
 * ```ts
 * gp.policyBasis.map((p) => p.documentNo); // ['京经信委发〔2010〕44号', '财库〔2016〕125号', …]
 * ```
 */
export const PolicyBasis = z
  .object({
    documentNo: z.string(),
    title: z.string(),
    article: z.string().nullable(),
    issuer: z.string(),
    effectiveFrom: IsoDate.nullable(),
  })
  .meta({ id: 'PolicyBasis' });
export type PolicyBasis = z.infer<typeof PolicyBasis>;

/**
 * One domain of the application catalog (应用目录): where credit products apply.
 *
 * @example
 * ```ts
 * const { data } = await client.domains.list();
 * const gp = data.find((d) => d.id === 'government_procurement');
 * gp?.requiredProducts;
 * ```
 */
export const Domain = z
  .object({
    id: DomainId,
    name: LocalizedText,
    description: LocalizedText,
    /** Products a lookup in this domain must include. */
    requiredProducts: z.array(z.string()),
    recommendedProducts: z.array(z.string()),
    policyBasis: z.array(PolicyBasis).min(1),
  })
  .meta({ id: 'Domain' });
export type Domain = z.infer<typeof Domain>;

/**
 * Body of `GET /v1/domains`: every domain of the application catalog.
 *
 * @example
 * ```ts
 * const { data } = DomainList.parse(body);
 * ```
 */
export const DomainList = z.object({ data: z.array(Domain) }).meta({ id: 'DomainList' });
export type DomainList = z.infer<typeof DomainList>;

/**
 * `client.domains`: the application catalog (应用目录), where credit products apply.
 *
 * @example
 * ```ts
 * const { data } = await client.domains.list();
 * data.find((d) => d.id === 'government_procurement')?.requiredProducts;
 * ```
 */
export class Domains extends APIResource {
  /**
   * Every domain with the products it requires and its policy basis.
   *
   * @example
   * ```ts
   * const { data } = await client.domains.list();
   * console.log(data.map((d) => d.name.zh));
   * ```
   */
  list(options?: RequestOptions): APIPromise<DomainList> {
    return this._ctx.transport.call({ method: 'GET', path: '/v1/domains', schema: DomainList }, options);
  }
}

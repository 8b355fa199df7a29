import { z } from 'zod';
import { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/http.ts';
import { PagePromise } from '../core/pagination.ts';
import { APIResource } from '../core/resource.ts';
import {
  DomainId,
  Grade,
  type GradeScale,
  LocalizedText,
  RecordCategory,
  SubjectType,
} from '../core/schemas.ts';

/**
 * The ids of the credit-product catalog (`GET /v1/products`), as a tuple for the
 * {@link ProductId} type. A catalog may grow before the SDK does, so the API's schemas keep
 * `productId` a string.
 *
 * @example
 * ```ts
 * PRODUCT_IDS.includes('tax_credit_grade'); // true
 * ```
 */
export const PRODUCT_IDS = [
  'creditchina_public_report',
  'gsxt_disclosure_report',
  'enterprise_credit_report',
  'pboc_borrower_rating',
  'sme_credit_rating',
  'gp_credit_screening',
  'tendering_dishonest_check',
  'tax_credit_grade',
  'customs_credit_grade',
  'construction_market_credit',
  'highway_construction_credit',
  'personal_credit_report',
  'housing_fund_deposit_history',
  'personal_court_enforcement',
] as const;

/**
 * A product id: one of the catalog's ids (editors complete them), or any other string for a
 * product added to the catalog after this SDK version.
 *
 * @example
 * ```ts
 * const id: ProductId = 'creditchina_public_report';
 * const newer: ProductId = 'some_future_product';
 * ```
 */
export type ProductId = (typeof PRODUCT_IDS)[number] | (string & {});

/**
 * A credit agency or public body that supplies credit products.
 *
 * @example
 * ```ts
 * product.provider.filingNo; // null for a public platform such as 信用中国
 * ```
 */
export const Provider = z
  .object({
    id: z.string(),
    name: LocalizedText,
    kind: z.enum(['credit_agency', 'rating_agency', 'public_platform']),
    /** 征信机构/信用评级机构 备案 number; null for public platforms. */
    filingNo: z.string().nullable(),
  })
  .meta({ id: 'Provider' });
export type Provider = z.infer<typeof Provider>;

/**
 * One entry of the credit-product catalog.
 *
 * @example
 * ```ts
 * const product = await client.products.retrieve('creditchina_public_report');
 * product.requiresAuthorization; // false
 * ```
 */
export const Product = z
  .object({
    id: z.string(),
    name: LocalizedText,
    description: LocalizedText,
    provider: Provider,
    subjectType: SubjectType,
    recordCategories: z.array(RecordCategory),
    // The scales of `Grade`, read from it, so a new scale is offered where it is defined.
    ratingScales: z.array(
      z.enum(Grade.options.map((o) => o.shape.scale.value) as [GradeScale, ...GradeScale[]]),
    ),
    priceCredits: z.number().int().nonnegative(),
    freshness: z.object({
      updateFrequency: z.enum(['realtime', 'daily', 'weekly', 'monthly', 'annual']),
      maxAgeDays: z.number().int().nonnegative(),
    }),
    /** Personal products need the subject's written authorization (征信业管理条例 第18条). */
    requiresAuthorization: z.boolean(),
    domains: z.array(DomainId),
  })
  .meta({ id: 'Product' });
export type Product = z.infer<typeof Product>;

/**
 * Query of `GET /v1/products`.
 *
 * @example
 * ```ts
 * const params: ProductListParams = { domain: 'housing_fund_loan', subjectType: 'individual', limit: 20 };
 * ```
 */
export const ProductListParams = z.object({
  domain: DomainId.optional(),
  subjectType: SubjectType.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().optional(),
});
export type ProductListParams = z.input<typeof ProductListParams>;

/**
 * One page of a cursor-paginated list.
 *
 * @example
 * ```ts
 * const SubjectPage = page(Subject);
 * SubjectPage.parse({ data: [], nextCursor: null });
 * ```
 */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });

/**
 * Body of `GET /v1/products`: one page of {@link Product} entries.
 *
 * @example
 * ```ts
 * const { data, nextCursor } = ProductPage.parse(body);
 * ```
 */
export const ProductPage = page(Product).meta({ id: 'ProductPage' });
export type ProductPage = z.infer<typeof ProductPage>;

/**
 * `client.products`: the credit-product catalog.
 *
 * @example
 * ```ts
 * for await (const p of client.products.list({ domain: 'housing_fund_loan' })) console.log(p.id, p.name.zh);
 * ```
 */
export class Products extends APIResource {
  /**
   * Lists products, optionally filtered by domain and subject type. Await it for the first
   * page, or iterate it for every product.
   *
   * @example
   * ```ts
   * const page = await client.products.list({ subjectType: 'enterprise', limit: 20 });
   * page.data[0]?.priceCredits;
   * ```
   */
  list(params: ProductListParams = {}, options?: RequestOptions): PagePromise<Product> {
    const filters = {
      domain: params.domain,
      subjectType: params.subjectType,
      limit: params.limit === undefined ? undefined : Number(params.limit),
    };
    return new PagePromise<Product>(async (cursor) => {
      const res = await this._ctx.transport.requestWithResponse(
        {
          method: 'GET',
          path: '/v1/products',
          query: { ...filters, cursor: cursor ?? params.cursor },
          schema: ProductPage,
        },
        options,
      );
      for (const p of res.data.data) this.#remember(p);
      return res;
    });
  }

  /**
   * One product by id; `NotFoundError` when there is none.
   *
   * @example
   * ```ts
   * const product = await client.products.retrieve('creditchina_public_report');
   * ```
   */
  retrieve(id: ProductId, options?: RequestOptions): APIPromise<Product> {
    const res = this._ctx.transport.requestWithResponse(
      { method: 'GET', path: `/v1/products/${encodeURIComponent(id)}`, schema: Product },
      options,
    );
    return APIPromise.map(res, (product) => {
      this.#remember(product);
      return product;
    });
  }

  // Reports refuse personal orders without authorization; a product seen here tells them which are personal.
  #remember(p: Product): void {
    const hints = this._ctx.productHints;
    if (hints.size >= 1_000 && !hints.has(p.id)) return;
    hints.set(p.id, { subjectType: p.subjectType, requiresAuthorization: p.requiresAuthorization });
  }
}

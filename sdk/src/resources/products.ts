import { z } from 'zod';
import { DomainId, LocalizedText, RecordCategory, SubjectType } from '../core/schemas.ts';

/** A credit agency or public body that supplies credit products. */
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

/** One entry of the credit-product catalog. */
export const Product = z
  .object({
    id: z.string(),
    name: LocalizedText,
    description: LocalizedText,
    provider: Provider,
    subjectType: SubjectType,
    recordCategories: z.array(RecordCategory),
    ratingScales: z.array(
      z.enum([
        'pboc_long_term',
        'pboc_short_term',
        'tax_credit',
        'customs_251',
        'customs_282',
        'highway_construction',
        'public_credit',
      ]),
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

/** Query of `GET /v1/products`. */
export const ProductListParams = z.object({
  domain: DomainId.optional(),
  subjectType: SubjectType.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().optional(),
});
export type ProductListParams = z.input<typeof ProductListParams>;

/** One page of a cursor-paginated list. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });

export const ProductPage = page(Product).meta({ id: 'ProductPage' });
export type ProductPage = z.infer<typeof ProductPage>;

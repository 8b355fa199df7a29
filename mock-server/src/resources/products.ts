/** `GET /v1/products` (cursor pages tied to their filters) and `GET /v1/products/{id}`. */

import { Product, ProductListParams, ProductPage } from '@xinjian/sdk';
import { http } from 'msw';
import { badRequest, fail, queryObject, type ResourceHandlers, type Route } from '../context.ts';
import { jsonWith, zodIssues } from '../responses.ts';

const DEFAULT_PAGE_SIZE = 20;

const base64url = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const unbase64url = (s: string) => atob(s.replace(/-/g, '+').replace(/_/g, '/'));

function encodeCursor(offset: number, domain: string | undefined, subjectType: string | undefined): string {
  return base64url(JSON.stringify({ v: 1, o: offset, d: domain ?? null, s: subjectType ?? null }));
}

function decodeCursor(
  cursor: string,
  domain: string | undefined,
  subjectType: string | undefined,
): number | null {
  try {
    const c = JSON.parse(unbase64url(cursor)) as { v?: unknown; o?: unknown; d?: unknown; s?: unknown };
    if (c.v !== 1 || typeof c.o !== 'number' || !Number.isInteger(c.o) || c.o < 0) return null;
    if (c.d !== (domain ?? null) || c.s !== (subjectType ?? null)) return null;
    return c.o;
  } catch {
    return null;
  }
}

export const productHandlers: ResourceHandlers = ({ catalog, at, v1 }) => {
  const list: Route<unknown> = (ctx) => {
    const parsed = ProductListParams.safeParse(queryObject(ctx.url));
    if (!parsed.success) return badRequest(ctx, zodIssues(parsed.error, 'query'));
    const { domain, subjectType, cursor } = parsed.data;
    const limit = parsed.data.limit ?? DEFAULT_PAGE_SIZE;
    const matching = catalog.products.filter(
      (p) =>
        (domain === undefined || p.domains.includes(domain)) &&
        (subjectType === undefined || p.subjectType === subjectType),
    );
    let offset = 0;
    if (cursor !== undefined) {
      const decoded = decodeCursor(cursor, domain, subjectType);
      if (decoded === null) {
        return badRequest(ctx, [
          { path: 'query.cursor', message: 'unknown cursor, or one from a list with other filters' },
        ]);
      }
      offset = decoded;
    }
    const end = offset + limit;
    return jsonWith(ProductPage, {
      data: matching.slice(offset, end),
      nextCursor: end < matching.length ? encodeCursor(end, domain, subjectType) : null,
    });
  };

  const retrieve: Route<{ id: string }> = (ctx, { id }) => {
    const product = catalog.productsById.get(id);
    if (product === undefined) {
      return fail(ctx, 404, 'not_found', { zh: `没有产品 ${id}`, en: `no product ${id}` });
    }
    return jsonWith(Product, product);
  };

  return [
    http.get(at('/v1/products'), v1(list)),
    http.get<{ id: string }>(at('/v1/products/:id'), v1(retrieve)),
  ];
};

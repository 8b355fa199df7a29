/** `POST /v1/ratings/batch`: per-code results; ID numbers are refused (they need a report order). */

import { type BatchRatingItem, BatchRatingsRequest, BatchRatingsResponse, RatingSummary } from '@xinjian/sdk';
import { http } from 'msw';
import type { EnterpriseSeed } from '../../../seeds/schema.ts';
import {
  bilingual,
  classifyIdentifier,
  findEnterprise,
  PERSONAL_NEEDS_ORDER,
  ratingSummary,
} from '../catalog.ts';
import { badRequest, parseJsonBody, type ResourceHandlers, type Route } from '../context.ts';
import { jsonWith, zodIssues } from '../responses.ts';

export const ratingHandlers: ResourceHandlers = ({ catalog, state, at, v1, magic, sign }) => {
  const batch: Route<unknown> = async (ctx) => {
    const json = parseJsonBody(ctx);
    if (!json.ok) return json.response;
    const parsed = BatchRatingsRequest.safeParse(json.value);
    if (!parsed.success) return badRequest(ctx, zodIssues(parsed.error, 'body'));
    const now = state.now();
    const named: EnterpriseSeed[] = [];
    const signedAt = now.toISOString();
    // Signed side by side: WebCrypto works off the main thread, one by one it would queue.
    const items: BatchRatingItem[] = await Promise.all(parsed.data.ids.map(answer));
    return magic(ctx, named, async () => jsonWith(BatchRatingsResponse, { data: items }));

    async function answer(id: string): Promise<BatchRatingItem> {
      const c = classifyIdentifier(id, now);
      if (c.kind === 'id_card') {
        return {
          id,
          status: 'invalid_identifier',
          message: bilingual(PERSONAL_NEEDS_ORDER),
          expectedCheckChar: null,
        };
      }
      if (c.kind === 'invalid') {
        const message = c.looksPersonal
          ? `${bilingual(c.message)}；${bilingual(PERSONAL_NEEDS_ORDER)}`
          : bilingual(c.message);
        return { id, status: 'invalid_identifier', message, expectedCheckChar: c.expectedCheckChar };
      }
      const e = findEnterprise(catalog, c);
      if (e === undefined) return { id, status: 'not_found' };
      named.push(e);
      // Signed as the contract shapes it, so what the client parses is what was signed.
      const summary = RatingSummary.parse(ratingSummary(e, now));
      return { id, status: 'found', summary: await sign(summary, 'rating_summary', signedAt) };
    }
  };
  return [http.post(at('/v1/ratings/batch'), v1(batch))];
};

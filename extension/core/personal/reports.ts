/**
 * The personal reports of one lookup, whichever mode makes it: each product is ordered with the
 * mode's purpose and the written authorization, and the products' reports are merged into one.
 * The API returns each product's categories only, so a channel counts as read only when the
 * product that feeds it was actually ordered: a product that failed leaves its channel missing,
 * and the rule set then says `incomplete`, never a pass.
 */
import type { IndividualReportContent, SourceChannel, XinjianClient } from '@xinjian/sdk';
import { serializeError, XinjianError } from '@xinjian/sdk';
import { redactIds } from '../personal.ts';
import type { PersonalConsent } from './consent.ts';

/** A personal product a lookup orders, and the channels it feeds. */
export interface PersonalProduct {
  id: string;
  channels: readonly SourceChannel[];
}

/** What the orders of one lookup brought back. */
export interface PersonalOrders {
  parts: Array<{ productId: string; content: IndividualReportContent }>;
  reportIds: string[];
  /** The products that failed, with the API's code (ID numbers masked). */
  failedProducts: Array<{ productId: string; code: string }>;
}

/**
 * Orders every product for one person and waits for the reports. Throws the first error when
 * none came back; otherwise the failed ones are listed.
 */
export async function orderPersonalReports(
  client: XinjianClient,
  request: {
    products: readonly PersonalProduct[];
    idNumber: string;
    purpose: string;
    consent: PersonalConsent;
  },
): Promise<PersonalOrders> {
  const outcomes = await Promise.allSettled(
    request.products.map((p) =>
      client.reports.orderAndWait(
        {
          productId: p.id,
          subjectId: request.idNumber,
          purpose: request.purpose as never,
          authorization: { reference: request.consent.reference, grantedAt: request.consent.grantedAt },
        },
        { pollIntervalMs: 500, timeoutMs: 60_000 },
      ),
    ),
  );
  const out: PersonalOrders = { parts: [], reportIds: [], failedProducts: [] };
  let firstError: unknown = null;
  outcomes.forEach((o, i) => {
    const productId = request.products[i]?.id ?? '';
    if (o.status === 'fulfilled' && o.value.content.subjectType === 'individual') {
      out.parts.push({ productId, content: o.value.content });
      out.reportIds.push(o.value.id);
    } else {
      const error = o.status === 'rejected' ? o.reason : new XinjianError('unexpected report type');
      firstError ??= error;
      const s = serializeError(error);
      out.failedProducts.push({ productId, code: redactIds(String(s.code ?? s.name)) });
    }
  });
  if (out.parts.length === 0) throw firstError;
  return out;
}

/**
 * Merges the reports of one person's products: accounts from the credit report, deposits from
 * the fund history, listings from the court check; each channel's status only from the product
 * that feeds it.
 *
 * @throws RangeError when `parts` is empty.
 */
export function mergePersonalReports(
  parts: ReadonlyArray<{ productId: string; content: IndividualReportContent }>,
  products: readonly PersonalProduct[],
): IndividualReportContent {
  const first = parts[0];
  if (!first) throw new RangeError('no report to merge');
  const sources: IndividualReportContent['sources'] = [];
  for (const part of parts) {
    const feeds = products.find((p) => p.id === part.productId)?.channels ?? [];
    for (const s of part.content.sources) {
      if (feeds.includes(s.channel) && !sources.some((x) => x.channel === s.channel)) sources.push(s);
    }
  }
  const generatedAt =
    parts
      .map((p) => p.content.generatedAt)
      .sort()
      .at(-1) ?? first.content.generatedAt;
  return {
    subjectType: 'individual',
    subject: first.content.subject,
    creditAccounts: parts.flatMap((p) => p.content.creditAccounts),
    courtEnforcements: parts.flatMap((p) => p.content.courtEnforcements),
    dishonestListings: parts.flatMap((p) => p.content.dishonestListings),
    housingFund: parts.find((p) => p.content.housingFund !== null)?.content.housingFund ?? null,
    sources,
    generatedAt,
  };
}

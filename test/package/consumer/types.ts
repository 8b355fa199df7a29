// Type-checked by the pack-and-install test under strict settings with node16, nodenext and
// bundler resolution and skipLibCheck off: the published declarations must hold up.
import { createMockApi, DEMO_API_KEY, faultHeaders, journal } from '@xinjian/mock-server';
import {
  type APIPromise,
  createClient,
  isAuthenticationError,
  type Product,
  type ProductId,
  type RatingLookupItem,
  type WithRequestId,
} from '@xinjian/sdk';
import { normalizeIdentifier, parseUscc, type UsccParseResult } from '@xinjian/sdk/identifiers';
import { evaluateProcurement } from '@xinjian/sdk/rules';
import { BatchRatingsResponse } from '@xinjian/sdk/schemas';

const client = createClient({ baseUrl: 'https://api.xinjian.test', apiKey: DEMO_API_KEY });
export async function check(code: string): Promise<string> {
  const items: RatingLookupItem[] = await client.ratings.lookup([code]);
  const first = items[0];
  if (first?.status !== 'found') return first?.status ?? 'none';
  return evaluateProcurement(first.summary, { asOf: '2026-11-01', cutoff: '2026-11-20' }).verdict;
}
const parsed: UsccParseResult = parseUscc(normalizeIdentifier('９１１１００００５６１９７６４９２Ｑ'));
const productId: ProductId = 'creditchina_public_report';
const later: ProductId = 'a_product_added_later';
const call: APIPromise<Product> = client.products.retrieve(productId);
export async function withResponse(): Promise<string | undefined> {
  const { data, requestId } = await call.withResponse();
  const product: WithRequestId<Product> = data;
  return product._requestId ?? requestId;
}
const mock = createMockApi({ reportDelayMs: 0 });
export const facts = {
  parsed,
  handlers: mock.handlers.length,
  sent: journal(mock.state).length,
  headers: faultHeaders('503,ok'),
  schema: BatchRatingsResponse.safeParse({ data: [] }).success,
  guard: isAuthenticationError(new Error('x')),
  later,
};

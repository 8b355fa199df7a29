// Type-checked by the pack-and-install test under strict settings with node16, nodenext and
// bundler resolution and skipLibCheck off: the published declarations must hold up.
import { createMockApi, DEMO_API_KEY, faultHeaders, journal } from '@xinjian/mock-server';
import {
  type APIPromise,
  createClient,
  type GradeScale,
  isAuthenticationError,
  type Product,
  type ProductId,
  type RatingLookupItem,
  type WithRequestId,
} from '@xinjian/sdk';
import { normalizeIdentifier, parseUscc, type UsccParseResult } from '@xinjian/sdk/identifiers';
import { SCALE_EXPLANATIONS } from '@xinjian/sdk/labels';
import {
  type CreditLendingResult,
  type EnterpriseRuleSetId,
  evaluateCreditLending,
  evaluateProcurement,
  RULE_SETS,
} from '@xinjian/sdk/rules';
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

// The credit-lending rule set and the SME scale labels, from their subpaths.
export function credit(
  borrower: Parameters<typeof evaluateCreditLending>[0],
  guarantor: typeof borrower,
): string[] {
  const result: CreditLendingResult = evaluateCreditLending(borrower, {
    asOf: '2026-11-01',
    cutoff: '2026-11-20',
    guarantors: [guarantor],
  });
  const mode: EnterpriseRuleSetId = 'credit';
  const scale: GradeScale = 'sme_credit';
  return [result.verdict, RULE_SETS[mode].domain, SCALE_EXPLANATIONS[scale].en];
}

// Type-checked by the pack-and-install test under strict settings with node16, nodenext and
// bundler resolution and skipLibCheck off: the published declarations must hold up.
import { createMockApi, DEMO_API_KEY, faultHeaders, journal } from '@xinjian/mock-server';
import { createClient, isAuthenticationError, type RatingLookupItem } from '@xinjian/sdk';
import { parseUscc, type UsccParseResult } from '@xinjian/sdk/identifiers';
import { evaluateProcurement } from '@xinjian/sdk/rules';
import { BatchRatingsResponse } from '@xinjian/sdk/schemas';

const client = createClient({ baseUrl: 'https://api.xinjian.test', apiKey: DEMO_API_KEY });
export async function check(code: string): Promise<string> {
  const items: RatingLookupItem[] = await client.ratings.lookup([code]);
  const first = items[0];
  if (first?.status !== 'found') return first?.status ?? 'none';
  return evaluateProcurement(first.summary, { asOf: '2026-11-01', cutoff: '2026-11-20' }).verdict;
}
const parsed: UsccParseResult = parseUscc('91110000561976492Q');
const mock = createMockApi({ reportDelayMs: 0 });
export const facts = {
  parsed,
  handlers: mock.handlers.length,
  sent: journal(mock.state).length,
  headers: faultHeaders('503,ok'),
  schema: BatchRatingsResponse.safeParse({ data: [] }).success,
  guard: isAuthenticationError(new Error('x')),
};

/**
 * The shape of the committed seed data. The mock server serves it; rule-pack tests read
 * its edge cases by tag. Everything is typed with the SDK's own schemas so the data cannot
 * drift from the contract.
 */

import {
  Account,
  CreditRecord,
  Domain,
  Grade,
  IndividualReportContent,
  IsoDate,
  ListMembership,
  Product,
  SourceStatus,
  Subject,
} from '@xinjian/sdk';
import { z } from 'zod';

export { DEMO_API_KEY, DEMO_CUTOFF, SEED_AS_OF } from './demo.ts';

/**
 * An enterprise with everything the API can say about it. `tags` mark rule edge cases
 * (`edge:*`), consortium membership (`consortium:*`) and fault-injection subjects (`magic:*`).
 */
export const EnterpriseSeed = z.object({
  subject: Subject,
  grades: z.array(Grade),
  lists: z.array(ListMembership),
  records: z.array(CreditRecord),
  sources: z.array(SourceStatus),
  tags: z.array(z.string()),
  /** What the edge case is, for people reading test failures. */
  note: z.string().nullable(),
});
export type EnterpriseSeed = z.infer<typeof EnterpriseSeed>;

/** A synthetic individual. The full ID number exists only here, never in an API response. */
export const IndividualSeed = z.object({
  idNumber: z.string(),
  name: z.string(),
  content: IndividualReportContent.omit({ generatedAt: true }),
  tags: z.array(z.string()),
  note: z.string().nullable(),
});
export type IndividualSeed = z.infer<typeof IndividualSeed>;

/** A 联合体 bidding together; the lead is one of the members. */
export const Consortium = z.object({
  id: z.string(),
  name: z.string(),
  leadId: z.string(),
  memberIds: z.array(z.string()).min(2),
});
export type Consortium = z.infer<typeof Consortium>;

/** An API key the mock server accepts and the account behind it. */
export const KeySeed = z.object({
  key: z.string(),
  revoked: z.boolean(),
  account: Account.omit({ rateLimit: true }),
  rateLimitPerMinute: z.number().int().positive(),
});
export type KeySeed = z.infer<typeof KeySeed>;

export const SeedData = z.object({
  meta: z.object({ prngSeed: z.number().int(), size: z.string(), asOf: IsoDate, cutoff: IsoDate }),
  products: z.array(Product),
  domains: z.array(Domain),
  enterprises: z.array(EnterpriseSeed),
  individuals: z.array(IndividualSeed),
  consortia: z.array(Consortium),
  keys: z.array(KeySeed),
});
export type SeedData = z.infer<typeof SeedData>;

/**
 * The shape of the committed seed data. The mock server serves it; rule-pack tests read
 * its edge cases by tag. Everything is typed with the SDK's own schemas so the data cannot
 * drift from the contract.
 */
import { z } from 'zod';
import { CreditRecord } from '../sdk/src/core/records.ts';
import { Grade, IsoDate, SourceStatus } from '../sdk/src/core/schemas.ts';
import { Account } from '../sdk/src/resources/account.ts';
import { Domain } from '../sdk/src/resources/domains.ts';
import { Product } from '../sdk/src/resources/products.ts';
import { ListMembership } from '../sdk/src/resources/ratings.ts';
import { IndividualReportContent } from '../sdk/src/resources/reports.ts';
import { Subject } from '../sdk/src/resources/subjects.ts';

/** The day the seed data describes: "today" for every date in it. */
export const SEED_AS_OF = '2026-11-01';
/** The 截止时点 of the demo tender (投标截止时间), used by the demo pages and edge cases. */
export const DEMO_CUTOFF = '2026-11-20';
/** The demo API key printed by the mock server; entitled to every product. */
export const DEMO_API_KEY = 'xj_demo_2b7e151628aed2a6abf71588';

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

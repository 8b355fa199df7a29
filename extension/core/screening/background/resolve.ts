/**
 * Turns the subjects a page shows into results: codes through `ratings.get` (coalesced into
 * batch requests), names through subject search first, then the screening of the tab's mode
 * (财库〔2016〕125号 for procurement, 法〔2016〕285号 for tendering).
 */

import type {
  BatchRatingItem,
  IndividualReportContent,
  LocalizedText,
  RatingSummary,
  SubjectMatch,
  XinjianClient,
} from '@xinjian/sdk';
import { describeError, isXinjianError, serializeError } from '@xinjian/sdk';
import type { EnterpriseRuleSetId, RuleSetId, ScreeningResult } from '@xinjian/sdk/rules';
import { ENTERPRISE_RULE_SETS, evaluateEnterprise } from '@xinjian/sdk/rules';
import type { NameMatch, PageSubject, SubjectResult } from '../model.ts';

/**
 * What a lookup needs besides the subject: the client and the dates of the check.
 */
export interface ResolveContext {
  client: XinjianClient;
  /** The SDK rule set of the tab's mode (`RULE_SETS`); it must screen enterprises. */
  ruleSet: RuleSetId;
  /** The query date, `YYYY-MM-DD`. */
  asOf: string;
  /** The 截止时点, `YYYY-MM-DD`. */
  cutoff: string;
  /** How one id is looked up, when not straight through `client.ratings.get` (a gathering queue). */
  rating?: (id: string) => Promise<BatchRatingItem>;
  /** The rule set's own configuration (`CreditLendingConfig`, …); its defaults when absent. */
  config?: unknown;
}

/** A name match at or below this confidence is never taken without asking. */
export const NAME_CONFIDENCE_FLOOR = 0.5;

/** What screening needs besides the subject: the rule set and its two dates. */
export type ScreenContext = Pick<ResolveContext, 'ruleSet' | 'asOf' | 'cutoff' | 'config'>;

function enterpriseRuleSet(id: RuleSetId): EnterpriseRuleSetId {
  if (!(ENTERPRISE_RULE_SETS as readonly RuleSetId[]).includes(id))
    throw new Error(`[xinjian] rule set ${id} does not screen enterprises`);
  return id as EnterpriseRuleSetId;
}

/**
 * Screens one subject under the tab's rule set.
 */
export function screen(summary: RatingSummary, ctx: ScreenContext): ScreeningResult {
  return evaluateEnterprise(enterpriseRuleSet(ctx.ruleSet), summary, {
    asOf: ctx.asOf,
    cutoff: ctx.cutoff,
    ...(ctx.config === undefined ? {} : { config: ctx.config }),
  });
}

/**
 * Screens a group together: a consortium (the lead and the other members; any member barred
 * bars all) or a credit application (the borrower, then its guarantors); the rule set says
 * which the others are. `people`: the group's people looked up with consent (the legal
 * representative), for the rule sets that weigh them.
 */
export function screenConsortium(
  members: readonly RatingSummary[],
  ctx: ScreenContext,
  people: ReadonlyArray<{ role: string; report: IndividualReportContent }> = [],
): ScreeningResult | null {
  const [lead, ...rest] = members;
  if (!lead) return null;
  return evaluateEnterprise(enterpriseRuleSet(ctx.ruleSet), lead, {
    asOf: ctx.asOf,
    cutoff: ctx.cutoff,
    others: rest,
    ...(people.length > 0 ? { people } : {}),
  });
}

/**
 * The result for an error: unavailable, with a reason people can read.
 */
export function unavailable(error: unknown, retryAt: string | null = null): SubjectResult {
  return { state: 'unavailable', reason: reasonFor(error), error: serializeError(error), retryAt };
}

function reasonFor(error: unknown): LocalizedText {
  if (isXinjianError(error) && error.name === 'XinjianError' && error.message.startsWith('unconfigured')) {
    return {
      zh: '尚未配置 API 地址或密钥，请在设置中填写。',
      en: 'The API address or key is not set; see the options.',
    };
  }
  return describeError(error);
}

/**
 * A rating item as a result, screened when found.
 */
export function fromItem(item: BatchRatingItem, match: NameMatch | null, ctx: ResolveContext): SubjectResult {
  switch (item.status) {
    case 'found':
      return {
        state: 'done',
        summary: item.summary,
        screening: screen(item.summary, ctx),
        match,
        checkedAt: new Date().toISOString(),
      };
    case 'not_found':
      return { state: 'not_found', checkedAt: new Date().toISOString() };
    case 'invalid_identifier':
      return {
        state: 'invalid',
        expectedCheckChar: item.expectedCheckChar,
        message: { zh: item.message, en: item.message },
      };
  }
}

/**
 * Looks one identifier up. Calls made in the same tick share a batch request; a batch that one
 * subject poisons is split by the SDK (docs/decisions/0006), so only that subject fails.
 */
export async function resolveCode(
  ctx: ResolveContext,
  id: string,
  match: NameMatch | null,
): Promise<SubjectResult> {
  try {
    const item = ctx.rating ? await ctx.rating(id) : await ctx.client.ratings.get(id);
    return fromItem(item, match, ctx);
  } catch (error) {
    return unavailable(error);
  }
}

/**
 * Whether a name search is too unsure to act on: the API says so, or the best candidate is not
 * above {@link NAME_CONFIDENCE_FLOOR}.
 */
export function needsPick(search: { data: readonly SubjectMatch[]; ambiguous: boolean }): boolean {
  const top = search.data[0];
  return search.ambiguous || (top !== undefined && top.confidence <= NAME_CONFIDENCE_FLOOR);
}

/**
 * Resolves a company name: a confident single match is looked up; an ambiguous one asks the
 * user to pick; no candidate is "not found".
 */
export async function resolveName(ctx: ResolveContext, name: string): Promise<SubjectResult> {
  let search: { data: SubjectMatch[]; ambiguous: boolean };
  try {
    search = await ctx.client.subjects.search({ q: name, limit: 5 });
  } catch (error) {
    return unavailable(error);
  }
  const top = search.data[0];
  if (!top) return { state: 'not_found', checkedAt: new Date().toISOString() };
  if (needsPick(search)) return { state: 'ambiguous', candidates: search.data };
  return resolveCode(ctx, top.subject.uscc, {
    confidence: top.confidence,
    matchType: top.matchType,
    sameNameCount: top.sameNameCount,
  });
}

/**
 * Resolves one page subject: a rejected code stays rejected (no request), a code is looked up,
 * a name is searched.
 */
export async function resolveSubject(ctx: ResolveContext, subject: PageSubject): Promise<SubjectResult> {
  if (subject.invalid) {
    return {
      state: 'invalid',
      expectedCheckChar: subject.invalid.expectedCheckChar,
      message: subject.invalid.message,
    };
  }
  if (subject.code) return resolveCode(ctx, subject.code.value, null);
  if (subject.name) return resolveName(ctx, subject.name);
  return { state: 'not_found' };
}

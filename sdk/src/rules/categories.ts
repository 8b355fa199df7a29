/**
 * The record categories beyond the three 125号 lists — 合同履约, 产品质量, 工程建设, 国土资源,
 * 环保, 安全生产, 食品安全 — as findings. What each outcome weighs and what it cites is
 * versioned data in the pack ({@link CategoryRuleSet}); this file only finds the records.
 */
import { z } from 'zod';
import type { CreditRecord } from '../core/records.ts';
import { IsoDate, LocalizedText } from '../core/schemas.ts';
import { describeRecord, recordOutcome } from '../labels.ts';
import { Citation } from './citations.ts';
import type { Finding } from './findings.ts';

/**
 * The category outcomes a pack can weigh.
 *
 * @example
 * ```ts
 * CategoryRuleId.parse('construction.blacklist');
 * ```
 */
export const CategoryRuleId = z
  .enum([
    'construction.blacklist',
    'contract.breached',
    'product_quality.failed',
    'product_quality.major_issue',
    'land.idle',
    'land.illegal_use',
    'environmental.black_list',
    'environmental.bad_rating',
    'work_safety.dishonest_list',
    'food_safety.blacklist',
  ])
  .meta({ id: 'CategoryRuleId' });
export type CategoryRuleId = z.infer<typeof CategoryRuleId>;

/**
 * What a finding weighs: `bar` excludes, `review` needs a person, `info` is kept for the record.
 *
 * @example
 * ```ts
 * const w: Weight = 'review';
 * ```
 */
export const Weight = z.enum(['bar', 'review', 'info']).meta({ id: 'RuleWeight' });
export type Weight = z.infer<typeof Weight>;

/**
 * The kind of project a procurement buys; some rules apply to 工程 only.
 *
 * @example
 * ```ts
 * evaluateProcurement(s, { asOf, cutoff, projectKind: 'works' });
 * ```
 */
export const ProjectKind = z.enum(['goods', 'services', 'works']).meta({ id: 'ProjectKind' });
export type ProjectKind = z.infer<typeof ProjectKind>;

/**
 * One category rule: its weight, its basis, and where it applies.
 *
 * @example
 * ```ts
 * const rule: CategoryRule = { severity: 'review', citations: [cite('jianshi-2017-241', '第十四条', 'unconfirmed')] };
 * ```
 */
export const CategoryRule = z
  .object({
    severity: Weight,
    citations: z.array(Citation).min(1),
    /** Project kinds the rule applies to; absent: every project. */
    projectKinds: z.array(ProjectKind).optional(),
    note: LocalizedText.optional(),
  })
  .meta({ id: 'CategoryRule' });
export type CategoryRule = z.infer<typeof CategoryRule>;

/**
 * A pack's category rules, versioned: a rule absent from `rules` is not evaluated.
 *
 * @example
 * ```ts
 * CategoryRuleSet.parse(PROCUREMENT_CATEGORY_RULES).version; // '2026.12'
 * ```
 */
export const CategoryRuleSet = z
  .object({
    id: z.string(),
    version: z.string(),
    effectiveFrom: IsoDate,
    effectiveTo: IsoDate.nullable(),
    rules: z.partialRecord(CategoryRuleId, CategoryRule),
  })
  .meta({ id: 'CategoryRuleSet' });
export type CategoryRuleSet = z.infer<typeof CategoryRuleSet>;

/** What a category finding is judged against. */
export interface CategoryContext {
  cutoff: string;
  /** Events count when decided in `(windowStart, cutoff]`. */
  windowStart: string;
  projectKind: ProjectKind | null;
  /** Weights the caller set per finding code, over the pack's. */
  severities: Readonly<Record<string, Weight>>;
}

/** Which rule a record falls under, and whether it is a list entry (judged in force) or an event. */
function ruleOf(r: CreditRecord): { id: CategoryRuleId; list: boolean } | null {
  switch (r.category) {
    case 'construction':
      return r.kind === 'blacklist' ? { id: 'construction.blacklist', list: true } : null;
    case 'contract_performance':
      return r.result === 'breached' ? { id: 'contract.breached', list: false } : null;
    case 'product_quality':
      if (r.kind === 'major_quality_issue') return { id: 'product_quality.major_issue', list: false };
      return r.result === 'fail' ? { id: 'product_quality.failed', list: false } : null;
    case 'land_resources':
      return { id: r.kind === 'idle_land' ? 'land.idle' : 'land.illegal_use', list: false };
    case 'environmental':
      if (r.kind === 'black_list') return { id: 'environmental.black_list', list: true };
      return r.kind === 'rating' && r.grade === 'bad'
        ? { id: 'environmental.bad_rating', list: false }
        : null;
    case 'work_safety':
      return r.kind === 'dishonest_list' ? { id: 'work_safety.dishonest_list', list: true } : null;
    case 'food_safety':
      return r.kind === 'serious_violation_blacklist' ? { id: 'food_safety.blacklist', list: true } : null;
    default:
      return null;
  }
}

/**
 * The rule a record falls under in `set`, if the set weighs it for this project.
 */
export function applicableRule(
  set: CategoryRuleSet,
  id: CategoryRuleId,
  projectKind: ProjectKind | null,
): CategoryRule | null {
  const rule = set.rules[id];
  if (!rule) return null;
  if (rule.projectKinds && (projectKind === null || !rule.projectKinds.includes(projectKind))) return null;
  return rule;
}

/**
 * Findings for the category records of one subject. A list entry (blacklist) counts when it
 * is in force at the cutoff — listed on or before it and, with an end date, not ended before
 * it; with no end date, listed within the look-back window. Other outcomes count when dated
 * within the window.
 */
export function categoryFindings(
  records: readonly CreditRecord[],
  set: CategoryRuleSet,
  ctx: CategoryContext,
): Omit<Finding, 'subjectId'>[] {
  const out: Omit<Finding, 'subjectId'>[] = [];
  for (const r of records) {
    const which = ruleOf(r);
    if (which === null || !('date' in r)) continue;
    const rule = applicableRule(set, which.id, ctx.projectKind);
    if (rule === null) continue;
    const until = 'until' in r ? r.until : null;
    const inForce = which.list
      ? r.date <= ctx.cutoff && (until === null ? r.date > ctx.windowStart : until >= ctx.cutoff)
      : r.date > ctx.windowStart && r.date <= ctx.cutoff;
    if (!inForce) continue;
    const outcome = recordOutcome(r);
    const when = which.list
      ? {
          zh:
            until === null
              ? `截止时点 ${ctx.cutoff} 在册，期限未载明，需核实`
              : `至 ${until}，覆盖截止时点 ${ctx.cutoff}`,
          en:
            until === null
              ? `listed at the cutoff ${ctx.cutoff}; no end date given, verify`
              : `until ${until}, covering the cutoff ${ctx.cutoff}`,
        }
      : {
          zh: `在截止时点 ${ctx.cutoff} 前的考察期内`,
          en: `within the look-back period before the cutoff ${ctx.cutoff}`,
        };
    out.push({
      code: which.id,
      severity: ctx.severities[which.id] ?? rule.severity,
      message: {
        zh: `${outcome.zh}：${describeRecord(r, 'zh')}（${when.zh}）`,
        en: `${outcome.en}: ${describeRecord(r, 'en')} (${when.en})`,
      },
      citations: rule.citations,
      record: { id: r.id, category: r.category },
      source: r.source,
    });
  }
  return out;
}

/**
 * Government-procurement credit screening (政府采购): 财库〔2016〕125号's three lists, 政府采购法
 * 第二十二条 (no 重大违法记录 in the three years before), 实施条例 第十九条 and 财库〔2022〕3号.
 *
 * Definitions (all dates are calendar days, compared as `YYYY-MM-DD`):
 * - Lists are judged at the 截止时点 (`cutoff`), not at the data date (`asOf`): see
 *   {@link dishonestInForce}, {@link listedInForce}, {@link banCovers}.
 * - The look-back window for 重大违法记录 is `(cutoff − 3 years, cutoff]`: a penalty decided on
 *   the same month and day three years before the cutoff is OUTSIDE, the next day is inside,
 *   and the cutoff day itself is inside. 29 February maps to 28 February in a common year.
 * - 较大数额罚款: one penalty's fine ≥ the threshold in force at the cutoff (200万元 from
 *   2022-02-08), or a higher sector figure for the penalty's sector. A lower sector figure is
 *   ignored: 财库〔2022〕3号 lets only a higher figure replace 200万.
 * - A fine below the threshold is not a 重大违法记录; by default it is an `info` finding (treating
 *   it as a problem risks 差别待遇 under 第二十二条第二款). Set `belowThresholdFineSeverity`.
 */
import { z } from 'zod';
import type { PenaltyKind } from '../core/records.ts';
import { IsoDate, ListId, SourceChannel, Yuan } from '../core/schemas.ts';
import { CategoryRuleSet, categoryFindings, type ProjectKind, Weight } from './categories.ts';
import { Citation, cite } from './citations.ts';
import { isIsoDate, subtractYears } from './dates.ts';
import type { Finding, RuleSetRef, ScreeningResult } from './findings.ts';
import { PROCUREMENT_CATEGORY_RULES } from './packs/categories.ts';
import {
  applySeverities,
  banCovers,
  checkDates,
  checkSources,
  combine,
  dishonestInForce,
  formatYuan,
  listedInForce,
  listName,
  type MemberEvaluation,
  membershipState,
  recheckFinding,
  type ScreeningSubject,
  type ScreeningView,
  stateUnknownFinding,
  summaryBlacklistFindings,
  view,
} from './screening.ts';

/**
 * A national 较大数额罚款 threshold and the period it applies to (chosen by the cutoff date).
 *
 * @example
 * ```ts
 * const local: FineThreshold = {
 *   effectiveFrom: '2018-01-01',
 *   effectiveTo: '2022-02-07',
 *   thresholdYuan: 20_000,
 *   citation: { documentNo: '某地规定', article: null, title: '某地较大数额罚款标准' },
 * };
 * evaluateProcurement(s, { asOf, cutoff, config: { fineThresholds: [local, ...DEFAULT_FINE_THRESHOLDS] } });
 * ```
 */
export const FineThreshold = z
  .object({
    effectiveFrom: IsoDate,
    effectiveTo: IsoDate.nullable(),
    thresholdYuan: Yuan,
    citation: Citation,
  })
  .meta({ id: 'FineThreshold' });
export type FineThreshold = z.infer<typeof FineThreshold>;

/**
 * A sector figure set by law, regulation or a State Council department; applies when higher
 * than the national one, to penalties whose `sector` matches.
 *
 * @example
 * ```ts
 * const s: SectorThreshold = { sector: 'finance', thresholdYuan: 5_000_000, source: '（行业规定文号）' };
 * ```
 */
export const SectorThreshold = z
  .object({ sector: z.string(), thresholdYuan: Yuan, source: z.string() })
  .meta({ id: 'SectorThreshold' });
export type SectorThreshold = z.infer<typeof SectorThreshold>;

/**
 * 200万元, 财库〔2022〕3号, for procurement whose cutoff is on or after 2022-02-08.
 *
 * @example
 * ```ts
 * DEFAULT_FINE_THRESHOLDS[0]?.thresholdYuan; // 2000000
 * ```
 */
export const DEFAULT_FINE_THRESHOLDS: FineThreshold[] = [
  {
    effectiveFrom: '2022-02-08',
    effectiveTo: null,
    thresholdYuan: 2_000_000,
    citation: cite('caiku-2022-3', '全文（较大数额罚款为200万元以上）'),
  },
];

/**
 * The channels 财库〔2016〕125号 names for its three lists; any one channel per list suffices.
 *
 * @example
 * ```ts
 * const config = { requiredChannels: { ...DEFAULT_PROCUREMENT_CHANNELS, major_tax_violation: ['creditchina', 'chinatax'] } };
 * ```
 */
export const DEFAULT_PROCUREMENT_CHANNELS: Partial<Record<ListId, SourceChannel[]>> = {
  dishonest_judgment_debtor: ['creditchina'],
  major_tax_violation: ['creditchina'],
  gp_serious_violation: ['ccgp'],
};

/**
 * Days between the data date and a future cutoff after which a pack asks for the check to be
 * repeated at the 截止时点: one week (decision 0025).
 *
 * @example
 * ```ts
 * DEFAULT_RECHECK_AFTER_DAYS; // 7
 * ```
 */
export const DEFAULT_RECHECK_AFTER_DAYS = 7;

/**
 * Configuration of the procurement rules. Every field has a default; pass only what differs
 * (a local threshold, a sector figure, another channel).
 *
 * @example
 * ```ts
 * evaluateProcurement(summary, { asOf, cutoff, config: { belowThresholdFineSeverity: 'review' } });
 * ```
 */
export const ProcurementConfig = z
  .object({
    /** Years of look-back for 重大违法记录 (政府采购法 第二十二条: 三年). */
    lookbackYears: z.number().int().positive().default(3),
    fineThresholds: z.array(FineThreshold).default(DEFAULT_FINE_THRESHOLDS),
    sectorThresholds: z.array(SectorThreshold).default([]),
    /** List → channels, any of which covers the list. */
    requiredChannels: z
      .partialRecord(ListId, z.array(SourceChannel).min(1))
      .default(DEFAULT_PROCUREMENT_CHANNELS),
    belowThresholdFineSeverity: z.enum(['info', 'review']).default('info'),
    /** Data read more than this many days before the cutoff asks for a re-check at the cutoff. */
    recheckAfterDays: z.number().int().nonnegative().default(DEFAULT_RECHECK_AFTER_DAYS),
    /** Weight per finding code, over the pack's own (e.g. `{ 'construction.blacklist': 'bar' }`). */
    severities: z.record(z.string(), Weight).default({}),
    /** The versioned weights and bases of the other record categories. */
    categoryRules: CategoryRuleSet.default(PROCUREMENT_CATEGORY_RULES),
  })
  .meta({ id: 'ProcurementConfig' });
/** What a caller passes: every field optional. */
export type ProcurementConfig = z.input<typeof ProcurementConfig>;
type ResolvedConfig = z.output<typeof ProcurementConfig>;

/**
 * The rule set recorded in every procurement result.
 *
 * @example
 * ```ts
 * PROCUREMENT_RULE_SET.version; // '2022.02'
 * ```
 */
export const PROCUREMENT_RULE_SET: RuleSetRef = {
  id: 'cn-gp-credit-check',
  version: '2026.12',
  title: {
    zh: '政府采购信用记录查询与使用（财库〔2016〕125号、财库〔2022〕3号）',
    en: 'Government procurement credit screening (Caiku [2016] 125, Caiku [2022] 3)',
  },
};

/**
 * Options of {@link evaluateProcurement}.
 *
 * @example
 * ```ts
 * const options: ProcurementOptions = { asOf: '2026-11-01', cutoff: '2026-11-20', consortium: [partner] };
 * ```
 */
export interface ProcurementOptions {
  /** The data date (`YYYY-MM-DD`). */
  asOf: string;
  /** The 截止时点 named in the procurement document (`YYYY-MM-DD`). */
  cutoff: string;
  /** The other consortium members; the first argument is the lead. */
  consortium?: readonly ScreeningSubject[];
  /** 货物, 服务 or 工程; the 建筑市场 blacklist is weighed for 工程 only. Unknown: not weighed. */
  projectKind?: ProjectKind;
  config?: ProcurementConfig;
}

const C125 = cite('caiku-2016-125', '二（一）');
const C125_QUERY = cite('caiku-2016-125', '二（二）');
const ART22 = cite('gp-law', '第二十二条');
const ART22_5 = cite('gp-law', '第二十二条第一款第（五）项');
const REG19 = cite('gp-regulation', '第十九条');

type Ctx = {
  asOf: string;
  cutoff: string;
  windowStart: string;
  baseThreshold: FineThreshold | null;
  projectKind: ProjectKind | null;
  cfg: ResolvedConfig;
};

/**
 * Screens a supplier, or a consortium, for a government-procurement bid.
 *
 * Verdict: `fail` on any bar (for a consortium: any member's bar); else `incomplete` when a
 * channel a list needs was unavailable or not queried (never a silent pass); else `review` when
 * a finding needs a person; else `pass`. `checked` is the evidence record of what was queried.
 *
 * @throws RangeError when `asOf` or `cutoff` is not `YYYY-MM-DD`; a ZodError for a bad `config`.
 * @example
 * ```ts
 * const result = evaluateProcurement(summary, { asOf: '2026-11-01', cutoff: '2026-11-20' });
 * if (result.verdict === 'fail') {
 *   for (const f of result.findings.filter((f) => f.severity === 'bar')) console.log(f.message.zh);
 * }
 * ```
 */
export function evaluateProcurement(input: ScreeningSubject, options: ProcurementOptions): ScreeningResult {
  assertDates(options.asOf, options.cutoff);
  const cfg = ProcurementConfig.parse(options.config ?? {});
  const cutoff = options.cutoff;
  const ctx: Ctx = {
    asOf: options.asOf,
    cutoff,
    windowStart: subtractYears(cutoff, cfg.lookbackYears),
    baseThreshold: thresholdAt(cfg.fineThresholds, cutoff),
    projectKind: options.projectKind ?? null,
    cfg,
  };
  const members = [input, ...(options.consortium ?? [])].map((m) => screenMember(view(m), ctx));
  const recheck = recheckFinding(options.asOf, cutoff, cfg.recheckAfterDays, 'info', [C125_QUERY]);
  const lead = members[0];
  if (recheck && lead) lead.findings.push({ ...recheck, subjectId: lead.subject.id });
  for (const m of members) m.findings = applySeverities(m.findings, cfg.severities);
  return combine(members, (options.consortium?.length ?? 0) > 0, [C125], {
    ruleSet: PROCUREMENT_RULE_SET,
    asOf: options.asOf,
    cutoff,
  });
}

/** Throws a RangeError unless both dates are calendar days `YYYY-MM-DD`. */
export function assertDates(asOf: string, cutoff: string): void {
  if (!isIsoDate(asOf))
    throw new RangeError(`asOf must be a calendar date YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  if (!isIsoDate(cutoff))
    throw new RangeError(`cutoff must be a calendar date YYYY-MM-DD, got ${JSON.stringify(cutoff)}`);
}

function thresholdAt(thresholds: readonly FineThreshold[], day: string): FineThreshold | null {
  let found: FineThreshold | null = null;
  for (const t of thresholds) {
    if (t.effectiveFrom > day || (t.effectiveTo !== null && t.effectiveTo < day)) continue;
    if (found === null || t.effectiveFrom >= found.effectiveFrom) found = t;
  }
  return found;
}

function screenMember(input: ScreeningView, ctx: Ctx): MemberEvaluation {
  const { cutoff } = ctx;
  const subjectId = input.subject.id;
  const findings: Finding[] = [];
  const add = (f: Omit<Finding, 'subjectId'>) => findings.push({ ...f, subjectId });
  const dated = checkDates(input, [C125_QUERY]);
  for (const f of dated.findings) add(f);
  const v = dated.view;

  if (v.subject.status !== 'active') {
    add({
      code: 'subject.not_active',
      severity: 'review',
      message: {
        zh: `主体登记状态为 ${v.subject.status}，需核实是否具有独立承担民事责任的能力`,
        en: `Registration status is ${v.subject.status}; check its capacity to bear civil liability`,
      },
      citations: [cite('gp-law', '第二十二条第一款第（一）项')],
      record: null,
      source: null,
    });
  }

  for (const r of v.records) {
    const record = { id: r.id, category: r.category };
    const base = { record, source: r.source };
    switch (r.category) {
      case 'dishonest_judgment_debtor': {
        const cites = [C125, cite('spc-dishonest-list', '第一条、第二条', 'secondary')];
        if (dishonestInForce(r, cutoff)) {
          add({
            ...base,
            code: 'list.dishonest_judgment_debtor.active',
            severity: 'bar',
            message: {
              zh: `失信被执行人（${r.court} ${r.caseNo}），${r.listedAt} 列入，截止时点 ${cutoff} 仍在名单中`,
              en: `Dishonest judgment debtor (${r.court} ${r.caseNo}) listed ${r.listedAt}, still listed at the cutoff ${cutoff}`,
            },
            citations: cites,
          });
        } else if (r.listedAt > cutoff) {
          add({ ...base, ...afterCutoff('dishonest_judgment_debtor', r.listedAt, cutoff), citations: cites });
        } else if (r.removedAt !== null && r.removedAt <= cutoff) {
          add({
            ...base,
            code: 'list.dishonest_judgment_debtor.removed',
            severity: 'info',
            message: {
              zh: `失信被执行人名单（${r.caseNo}）已于 ${r.removedAt} 移出，截止时点不在名单中`,
              en: `Removed from the dishonest judgment debtor list (${r.caseNo}) on ${r.removedAt}; not listed at the cutoff`,
            },
            citations: cites,
          });
        } else {
          add({
            ...base,
            code: 'list.dishonest_judgment_debtor.expired',
            severity: 'info',
            message: {
              zh: `失信被执行人名单（${r.caseNo}）公布期限已于 ${r.expiresAt} 届满，截止时点不在名单中`,
              en: `Dishonest judgment debtor listing (${r.caseNo}) expired on ${r.expiresAt}; not listed at the cutoff`,
            },
            citations: cites,
          });
        }
        break;
      }
      case 'major_tax_violation': {
        const cites = [C125, cite('sat-order-54', '第六条')];
        if (listedInForce(r, cutoff)) {
          add({
            ...base,
            code: 'list.major_tax_violation.active',
            severity: 'bar',
            message: {
              zh: `重大税收违法失信主体（重大税收违法案件当事人），${r.listedAt} 由${r.authority}公布，截止时点仍在名单中`,
              en: `Major tax violator (published ${r.listedAt} by ${r.authority}), still listed at the cutoff ${cutoff}`,
            },
            citations: cites,
          });
        } else if (r.listedAt > cutoff) {
          add({ ...base, ...afterCutoff('major_tax_violation', r.listedAt, cutoff), citations: cites });
        } else {
          add({
            ...base,
            code: 'list.major_tax_violation.removed',
            severity: 'info',
            message: {
              zh: `重大税收违法失信主体信息已于 ${r.removedAt} 撤出，截止时点不在名单中`,
              en: `Major tax violator entry withdrawn on ${r.removedAt}; not listed at the cutoff`,
            },
            citations: cites,
          });
        }
        break;
      }
      case 'gp_serious_violation': {
        if (banCovers(r, cutoff)) {
          add({
            ...base,
            code: 'list.gp_serious_violation.active',
            severity: 'bar',
            message: {
              zh: `政府采购严重违法失信行为记录（${r.decisionNo}），禁止参加政府采购活动期限 ${r.banFrom} 至 ${r.banUntil}，覆盖截止时点 ${cutoff}`,
              en: `Government-procurement ban (${r.decisionNo}) from ${r.banFrom} to ${r.banUntil} covers the cutoff ${cutoff}`,
            },
            citations: [C125, ART22],
          });
        } else if (r.banUntil < cutoff) {
          add({
            ...base,
            code: 'gp_ban.ended',
            severity: 'info',
            message: {
              zh: `政府采购禁止期限（${r.decisionNo}）已于 ${r.banUntil} 届满，期限届满的，可以参加政府采购活动`,
              en: `Government-procurement ban (${r.decisionNo}) ended on ${r.banUntil}; a supplier whose ban has ended may take part`,
            },
            citations: [REG19],
          });
        } else {
          add({
            ...base,
            code: 'gp_ban.not_started',
            severity: 'review',
            message: {
              zh: `政府采购禁止期限（${r.decisionNo}）自 ${r.banFrom} 开始，晚于截止时点 ${cutoff}，需确认合同授予时点`,
              en: `Government-procurement ban (${r.decisionNo}) starts ${r.banFrom}, after the cutoff ${cutoff}; check when the contract is awarded`,
            },
            citations: [C125],
          });
        }
        break;
      }
      case 'abnormal_operation':
      case 'serious_illegal_dishonest': {
        if (!listedInForce(r, cutoff)) break;
        const name = listName(r.category);
        add({
          ...base,
          code: `list.${r.category}.active`,
          severity: 'review',
          message: {
            zh: `列入${name.zh}（${r.authority}，${r.listedAt}，${r.reason}），需按第二十二条判断商业信誉`,
            en: `On the ${name.en} (${r.authority}, ${r.listedAt}); judge business reputation under Article 22`,
          },
          citations: [ART22],
        });
        break;
      }
      case 'administrative_penalty':
        for (const f of penaltyFindings(r, ctx)) add({ ...base, ...f });
        break;
      default:
        break;
    }
  }
  for (const f of categoryFindings(v.records, ctx.cfg.categoryRules, {
    cutoff,
    windowStart: ctx.windowStart,
    projectKind: ctx.projectKind,
    severities: {},
  }))
    add(f);

  // A list summary in force that no record confirms still counts: no silent pass on a missing detail.
  for (const list of [
    'dishonest_judgment_debtor',
    'major_tax_violation',
    'gp_serious_violation',
    'abnormal_operation',
    'serious_illegal_dishonest',
  ] as const) {
    if (findings.some((f) => f.code === `list.${list}.active`)) continue;
    const bar =
      list === 'dishonest_judgment_debtor' ||
      list === 'major_tax_violation' ||
      list === 'gp_serious_violation';
    const cites = bar ? [C125] : [ART22];
    const entries = v.lists.filter((l) => l.list === list);
    const m = entries.find((l) => membershipState(l, cutoff, ctx.asOf) === 'in_force');
    if (!m) {
      const unknown = entries.find((l) => membershipState(l, cutoff, ctx.asOf) === 'unknown');
      if (unknown && !hasRecord(v, list)) add(stateUnknownFinding(unknown, cutoff, ctx.asOf, cites));
      continue;
    }
    const name = listName(list);
    add({
      code: `list.${list}.active`,
      severity: bar ? 'bar' : 'review',
      message: {
        zh: `名单摘要显示自 ${m.since} 起列入${name.zh}，截止时点 ${cutoff} 仍在名单中（明细记录未显示在册，需核实）`,
        en: `The list summary shows the subject on the ${name.en} since ${m.since}, still at the cutoff ${cutoff} (no detailed record shows it; verify)`,
      },
      citations: cites,
      record: null,
      source: null,
    });
  }
  for (const f of summaryBlacklistFindings(v, findings, ctx.cfg.categoryRules, ctx)) add(f);

  const sources = checkSources(subjectId, v.sources, ctx.cfg.requiredChannels, [C125_QUERY]);
  return {
    subject: v.subject,
    findings: [...findings, ...sources.findings],
    checked: sources.checked,
    missing: sources.missing,
  };
}

/** Whether a detail record of the list's category is present: then the record decides, not the summary. */
function hasRecord(v: ScreeningView, list: string): boolean {
  return v.records.some((r) => r.category === list);
}

function afterCutoff(
  list: 'dishonest_judgment_debtor' | 'major_tax_violation',
  listedAt: string,
  cutoff: string,
) {
  const name = listName(list);
  return {
    code: `list.${list}.after_cutoff`,
    severity: 'info' as const,
    message: {
      zh: `${listedAt} 列入${name.zh}，晚于截止时点 ${cutoff}`,
      en: `Put on the ${name.en} on ${listedAt}, after the cutoff ${cutoff}`,
    },
  };
}

const MAJOR_KINDS: Partial<Record<PenaltyKind, { zh: string; en: string }>> = {
  criminal: { zh: '刑事处罚', en: 'criminal punishment' },
  suspension: { zh: '责令停产停业', en: 'order to suspend production or business' },
  license_revocation: { zh: '吊销许可证或者执照', en: 'revocation of a licence or business licence' },
};

type PenaltyRecordT = Extract<ScreeningView['records'][number], { category: 'administrative_penalty' }>;

/** The threshold for one penalty: the national figure at the cutoff, or a higher one for its sector. */
function thresholdFor(r: PenaltyRecordT, ctx: Ctx): { yuan: number; citation: Citation } | null {
  const base = ctx.baseThreshold;
  if (base === null) return null;
  let best = { yuan: base.thresholdYuan, citation: base.citation };
  for (const s of ctx.cfg.sectorThresholds) {
    if (r.sector === null || s.sector !== r.sector || s.thresholdYuan <= best.yuan) continue;
    best = {
      yuan: s.thresholdYuan,
      citation: { documentNo: s.source, article: '较大数额罚款标准', title: s.source },
    };
  }
  return best;
}

function penaltyFindings(r: PenaltyRecordT, ctx: Ctx): Omit<Finding, 'subjectId' | 'record' | 'source'>[] {
  const { cutoff, windowStart, cfg } = ctx;
  const out: Omit<Finding, 'subjectId' | 'record' | 'source'>[] = [];
  const limit = thresholdFor(r, ctx);
  const threshold = limit?.yuan ?? null;
  const thresholdCitation = limit?.citation ?? null;

  const majorLabels: { zh: string; en: string }[] = [];
  for (const kind of r.kinds) {
    const label = MAJOR_KINDS[kind];
    if (label) majorLabels.push(label);
  }
  const bigFine =
    r.kinds.includes('fine') && r.amountYuan !== null && threshold !== null && r.amountYuan >= threshold;
  if (bigFine && r.amountYuan !== null)
    majorLabels.push({
      zh: `罚款${formatYuan(r.amountYuan).zh}`,
      en: `a fine of ${formatYuan(r.amountYuan).en}`,
    });

  const where = `${r.authority} ${r.documentNo}`;
  if (r.decidedAt > cutoff || r.decidedAt <= windowStart) {
    if (majorLabels.length === 0) return out;
    const after = r.decidedAt > cutoff;
    out.push({
      code: after ? 'penalty.after_cutoff' : 'penalty.major.outside_window',
      severity: 'info',
      message: after
        ? {
            zh: `${r.decidedAt} 受到${majorLabels.map((l) => l.zh).join('、')}（${where}），晚于截止时点 ${cutoff}`,
            en: `${majorLabels.map((l) => l.en).join(', ')} on ${r.decidedAt} (${where}), after the cutoff ${cutoff}`,
          }
        : {
            zh: `${r.decidedAt} 受到${majorLabels.map((l) => l.zh).join('、')}（${where}），不在截止时点前三年内（${windowStart} 之后）`,
            en: `${majorLabels.map((l) => l.en).join(', ')} on ${r.decidedAt} (${where}), outside the three years before the cutoff (after ${windowStart})`,
          },
      citations: [ART22_5, REG19],
    });
    return out;
  }

  for (const kind of r.kinds) {
    const label = MAJOR_KINDS[kind];
    if (label) {
      out.push({
        code: `penalty.major.${kind}`,
        severity: 'bar',
        message: {
          zh: `重大违法记录：${r.decidedAt} 受到${label.zh}（${where}），在截止时点前三年内`,
          en: `Major violation: ${label.en} on ${r.decidedAt} (${where}), within three years before the cutoff`,
        },
        citations: [ART22_5, REG19],
      });
    } else if (kind === 'business_restriction') {
      out.push({
        code: 'penalty.business_restriction',
        severity: 'review',
        message: {
          zh: `${r.decidedAt} 受到限制开展生产经营活动（${where}），需判断是否属于第十九条所称“等行政处罚”`,
          en: `Restriction of business activities on ${r.decidedAt} (${where}); judge whether it is a major violation under Article 19`,
        },
        citations: [REG19, cite('administrative-penalty-law', '第九条')],
      });
    } else if (kind === 'fine') {
      if (r.amountYuan === null) {
        out.push({
          code: 'penalty.fine_amount_unknown',
          severity: 'review',
          message: {
            zh: `${r.decidedAt} 罚款（${where}）金额未知，无法判断是否为较大数额罚款`,
            en: `Fine on ${r.decidedAt} (${where}) of unknown amount; cannot tell whether it is a large fine`,
          },
          citations: [REG19],
        });
      } else if (threshold === null || thresholdCitation === null) {
        out.push({
          code: 'penalty.fine_threshold_unknown',
          severity: 'review',
          message: {
            zh: `${r.decidedAt} 罚款${formatYuan(r.amountYuan).zh}（${where}）：截止时点 ${cutoff} 无适用的较大数额罚款标准，需按当地标准判断`,
            en: `Fine of ${formatYuan(r.amountYuan).en} on ${r.decidedAt} (${where}): no large-fine threshold configured for the cutoff ${cutoff}; apply the local figure`,
          },
          citations: [REG19],
        });
      } else if (r.amountYuan >= threshold) {
        out.push({
          code: 'penalty.major.fine',
          severity: 'bar',
          message: {
            zh: `重大违法记录：${r.decidedAt} 罚款${formatYuan(r.amountYuan).zh}（${where}），达到较大数额罚款标准${formatYuan(threshold).zh}`,
            en: `Major violation: fine of ${formatYuan(r.amountYuan).en} on ${r.decidedAt} (${where}) reaches the large-fine threshold of ${formatYuan(threshold).en}`,
          },
          citations: [ART22_5, REG19, thresholdCitation],
        });
      } else {
        out.push({
          code: 'penalty.below_threshold',
          severity: cfg.belowThresholdFineSeverity,
          message: {
            zh: `${r.decidedAt} 罚款${formatYuan(r.amountYuan).zh}（${where}），低于较大数额罚款标准${formatYuan(threshold).zh}，不属于重大违法记录`,
            en: `Fine of ${formatYuan(r.amountYuan).en} on ${r.decidedAt} (${where}) is below the large-fine threshold of ${formatYuan(threshold).en}; not a major violation`,
          },
          citations: [REG19, thresholdCitation],
        });
      }
    }
  }
  return out;
}

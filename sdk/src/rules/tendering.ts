/**
 * Tendering credit screening (招标投标) per 法〔2016〕285号: a 失信被执行人 listing in force on
 * the 评标 date restricts the bidder, and one listed member restricts a whole consortium. The
 * notice names no other list, so other black lists and major penalties are `review` (what a
 * typical 招标文件 excludes) or `info`, never a bar.
 *
 * Definitions: `cutoff` is the 评标 date; listings are judged on that day exactly as in
 * {@link dishonestInForce}. Penalties look back `(cutoff − 3 years, cutoff]`, as for procurement.
 */
import { z } from 'zod';
import { ListId, SourceChannel } from '../core/schemas.ts';
import { CategoryRuleSet, categoryFindings, Weight } from './categories.ts';
import { type Citation, cite } from './citations.ts';
import { subtractYears } from './dates.ts';
import type { Finding, RuleSetRef, ScreeningResult } from './findings.ts';
import { TENDERING_CATEGORY_RULES } from './packs/categories.ts';
import { assertDates, DEFAULT_RECHECK_AFTER_DAYS } from './procurement.ts';
import {
  applySeverities,
  banCovers,
  checkDates,
  checkSources,
  combine,
  dishonestInForce,
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
 * 法〔2016〕285号: 信用中国 or the court's own 中国执行信息公开网; either covers the list.
 *
 * @example
 * ```ts
 * DEFAULT_TENDERING_CHANNELS.dishonest_judgment_debtor; // ['creditchina', 'zxgk']
 * ```
 */
export const DEFAULT_TENDERING_CHANNELS: Partial<Record<ListId, SourceChannel[]>> = {
  dishonest_judgment_debtor: ['creditchina', 'zxgk'],
};

/**
 * Configuration of the tendering rules; every field has a default.
 *
 * @example
 * ```ts
 * evaluateTendering(bidder, { asOf, cutoff, config: { requiredChannels: { dishonest_judgment_debtor: ['zxgk'] } } });
 * ```
 */
export const TenderingConfig = z
  .object({
    lookbackYears: z.number().int().positive().default(3),
    requiredChannels: z
      .partialRecord(ListId, z.array(SourceChannel).min(1))
      .default(DEFAULT_TENDERING_CHANNELS),
    /** Data read more than this many days before the 评标 date asks for a re-check then. */
    recheckAfterDays: z.number().int().nonnegative().default(DEFAULT_RECHECK_AFTER_DAYS),
    /** Weight per finding code, over the pack's own (e.g. `{ 'construction.blacklist': 'bar' }`). */
    severities: z.record(z.string(), Weight).default({}),
    /** The versioned weights and bases of the other record categories. */
    categoryRules: CategoryRuleSet.default(TENDERING_CATEGORY_RULES),
  })
  .meta({ id: 'TenderingConfig' });
type ResolvedConfig = z.output<typeof TenderingConfig>;
/** What a caller passes: every field optional. */
export type TenderingConfig = z.input<typeof TenderingConfig>;

/**
 * The rule set recorded in every tendering result.
 *
 * @example
 * ```ts
 * TENDERING_RULE_SET.id; // 'cn-tendering-dishonest-debtor'
 * ```
 */
export const TENDERING_RULE_SET: RuleSetRef = {
  id: 'cn-tendering-dishonest-debtor',
  version: '2026.12',
  title: {
    zh: '招标投标活动中对失信被执行人实施联合惩戒（法〔2016〕285号）',
    en: 'Joint punishment of dishonest judgment debtors in tendering (Fa [2016] 285)',
  },
};

/**
 * Options of {@link evaluateTendering}.
 *
 * @example
 * ```ts
 * const options: TenderingOptions = { asOf: '2026-11-01', cutoff: '2026-11-20' };
 * ```
 */
export interface TenderingOptions {
  /** The data date (`YYYY-MM-DD`). */
  asOf: string;
  /** The 评标 date (`YYYY-MM-DD`): the restriction applies at evaluation. */
  cutoff: string;
  /** The other consortium members; the first argument is the lead. */
  consortium?: readonly ScreeningSubject[];
  /** Accepted for symmetry with procurement: every tender here is 工程建设. */
  projectKind?: 'goods' | 'services' | 'works';
  config?: TenderingConfig;
}

const F285 = cite('fa-2016-285', '四（一）');
const TL26 = cite('tendering-law', '第二十六条');

/**
 * Screens a bidder, or a consortium, for a tender under 法〔2016〕285号.
 *
 * Verdict: `fail` when a 失信被执行人 listing (of any member) is in force on the 评标 date;
 * else `incomplete` when neither 信用中国 nor 中国执行信息公开网 was read; else `review` when
 * another list or a major penalty needs a person; else `pass`.
 *
 * @throws RangeError when `asOf` or `cutoff` is not `YYYY-MM-DD`.
 * @example
 * ```ts
 * const result = evaluateTendering(lead, { asOf: '2026-11-01', cutoff: '2026-11-20', consortium: [partner] });
 * result.verdict; // 'fail' when either firm is a 失信被执行人 on 2026-11-20
 * ```
 */
export function evaluateTendering(input: ScreeningSubject, options: TenderingOptions): ScreeningResult {
  assertDates(options.asOf, options.cutoff);
  const cfg = TenderingConfig.parse(options.config ?? {});
  const members = [input, ...(options.consortium ?? [])].map((m) =>
    screenMember(
      view(m),
      options.asOf,
      options.cutoff,
      subtractYears(options.cutoff, cfg.lookbackYears),
      cfg,
    ),
  );
  const recheck = recheckFinding(options.asOf, options.cutoff, cfg.recheckAfterDays, 'info', [F285]);
  const lead = members[0];
  if (recheck && lead) lead.findings.push({ ...recheck, subjectId: lead.subject.id });
  for (const m of members) m.findings = applySeverities(m.findings, cfg.severities);
  return combine(members, (options.consortium?.length ?? 0) > 0, [F285], {
    ruleSet: TENDERING_RULE_SET,
    asOf: options.asOf,
    cutoff: options.cutoff,
  });
}

const LIST_CITATIONS: Record<keyof typeof SEVERITY, Citation[]> = {
  dishonest_judgment_debtor: [F285, cite('spc-dishonest-list', '第一条、第二条', 'secondary')],
  major_tax_violation: [TL26, cite('sat-order-54', '第六条')],
  serious_illegal_dishonest: [
    TL26,
    cite('samr-order-44', '列入严重违法失信名单的情形（条号待核）', 'unconfirmed'),
  ],
  gp_serious_violation: [cite('caiku-2016-125', '二（一）'), cite('gp-law', '第二十二条')],
  abnormal_operation: [cite('enterprise-disclosure-regulation', '第十七条', 'unconfirmed')],
};

const SEVERITY: Record<
  | 'dishonest_judgment_debtor'
  | 'major_tax_violation'
  | 'gp_serious_violation'
  | 'serious_illegal_dishonest'
  | 'abnormal_operation',
  Finding['severity']
> = {
  dishonest_judgment_debtor: 'bar',
  major_tax_violation: 'review',
  serious_illegal_dishonest: 'review',
  // The 政府采购 ban binds 政府采购, not 招标投标法 tenders: kept for the record.
  gp_serious_violation: 'info',
  abnormal_operation: 'info',
};

function screenMember(
  input: ScreeningView,
  asOf: string,
  cutoff: string,
  windowStart: string,
  cfg: ResolvedConfig,
): MemberEvaluation {
  const subjectId = input.subject.id;
  const findings: Finding[] = [];
  const add = (f: Omit<Finding, 'subjectId'>) => findings.push({ ...f, subjectId });
  const dated = checkDates(input, [F285]);
  for (const f of dated.findings) add(f);
  const v = dated.view;
  const listed = (
    list: keyof typeof SEVERITY,
    since: string,
    detail: string,
    record: Pick<Finding, 'record' | 'source'>,
  ) => {
    const name = listName(list);
    add({
      ...record,
      code: `list.${list}.active`,
      severity: SEVERITY[list],
      message: {
        zh: `评标时（${cutoff}）在${name.zh}中，${since} 列入${detail ? `（${detail}）` : ''}`,
        en: `On the ${name.en} at evaluation (${cutoff}), listed ${since}${detail ? ` (${detail})` : ''}`,
      },
      citations: LIST_CITATIONS[list],
    });
  };

  if (v.subject.status !== 'active') {
    add({
      code: 'subject.not_active',
      severity: 'review',
      message: {
        zh: `主体登记状态为 ${v.subject.status}，需按招标文件核实投标资格`,
        en: `Registration status is ${v.subject.status}; check eligibility under the tender documents`,
      },
      citations: [TL26],
      record: null,
      source: null,
    });
  }

  for (const r of v.records) {
    const ref = { record: { id: r.id, category: r.category }, source: r.source };
    switch (r.category) {
      case 'dishonest_judgment_debtor':
        if (dishonestInForce(r, cutoff)) listed(r.category, r.listedAt, `${r.court} ${r.caseNo}`, ref);
        else if (r.listedAt <= cutoff) {
          add({
            ...ref,
            code:
              r.removedAt !== null && r.removedAt <= cutoff
                ? `list.${r.category}.removed`
                : `list.${r.category}.expired`,
            severity: 'info',
            message: {
              zh: `失信被执行人名单（${r.caseNo}）在评标日 ${cutoff} 前已${r.removedAt !== null && r.removedAt <= cutoff ? `于 ${r.removedAt} 移出` : `于 ${r.expiresAt} 届满`}`,
              en: `Dishonest judgment debtor listing (${r.caseNo}) ended before the evaluation date ${cutoff} (${r.removedAt !== null && r.removedAt <= cutoff ? `removed ${r.removedAt}` : `expired ${r.expiresAt}`})`,
            },
            citations: [F285, cite('spc-dishonest-list', '第十条')],
          });
        }
        break;
      case 'major_tax_violation':
      case 'abnormal_operation':
      case 'serious_illegal_dishonest':
        if (listedInForce(r, cutoff)) listed(r.category, r.listedAt, r.authority, ref);
        break;
      case 'gp_serious_violation':
        if (banCovers(r, cutoff)) listed(r.category, r.banFrom, `${r.decisionNo}，至 ${r.banUntil}`, ref);
        break;
      case 'administrative_penalty': {
        if (r.decidedAt <= windowStart || r.decidedAt > cutoff) break;
        for (const kind of r.kinds) {
          if (kind !== 'criminal' && kind !== 'suspension' && kind !== 'license_revocation') continue;
          const label = {
            criminal: { zh: '刑事处罚', en: 'criminal punishment' },
            suspension: { zh: '责令停产停业', en: 'order to suspend business' },
            license_revocation: { zh: '吊销许可证或者执照', en: 'licence revocation' },
          }[kind];
          add({
            ...ref,
            code: `penalty.major.${kind}`,
            severity: 'review',
            message: {
              zh: `评标日前三年内受到${label.zh}（${r.authority} ${r.documentNo}，${r.decidedAt}），需按招标文件判断`,
              en: `${label.en} within three years before evaluation (${r.authority} ${r.documentNo}, ${r.decidedAt}); judge under the tender documents`,
            },
            citations: [TL26, cite('administrative-penalty-law', '第九条')],
          });
        }
        break;
      }
      default:
        break;
    }
  }

  for (const f of categoryFindings(v.records, cfg.categoryRules, {
    cutoff,
    windowStart,
    projectKind: 'works',
    severities: {},
  }))
    add(f);

  // A list summary in force that no record confirms still counts; one read after the 评标 date
  // that no longer shows the listing, with no end date and no record, is unknown there.
  for (const list of Object.keys(SEVERITY) as (keyof typeof SEVERITY)[]) {
    if (findings.some((f) => f.code === `list.${list}.active`)) continue;
    const entries = v.lists.filter((l) => l.list === list);
    const m = entries.find((l) => membershipState(l, cutoff, asOf) === 'in_force');
    if (m) {
      listed(list, m.since, '', { record: null, source: null });
      continue;
    }
    const unknown = entries.find((l) => membershipState(l, cutoff, asOf) === 'unknown');
    if (unknown && !v.records.some((r) => r.category === list))
      add(stateUnknownFinding(unknown, cutoff, asOf, LIST_CITATIONS[list]));
  }
  for (const f of summaryBlacklistFindings(v, findings, cfg.categoryRules, {
    cutoff,
    asOf,
    projectKind: 'works',
  }))
    add(f);

  const sources = checkSources(subjectId, v.sources, cfg.requiredChannels, [F285]);
  return {
    subject: v.subject,
    findings: [...findings, ...sources.findings],
    checked: sources.checked,
    missing: sources.missing,
  };
}

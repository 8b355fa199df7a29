/**
 * Credit-lending screening (信贷): a lender's review of an enterprise borrower (授信审批 /
 * 贷前调查) and of its guarantors (担保人). A 失信被执行人 listing in force on the review date
 * bars the party (融资信贷 restrictions, 发改财金〔2016〕141号); other lists, major penalties,
 * open enforcement, the record categories and ratings below the pack's threshold need a
 * person. The weights are versioned data ({@link CREDIT_LENDING_RULES}); decision 0041.
 *
 * Definitions: `cutoff` is the review date (审批日). Lists are judged on that day as in
 * {@link listingInForce}; penalties and category events look back `(cutoff − 3 years, cutoff]`.
 * A rating is read from the newest grade on its scale; a rating agency's grade without a 备案
 * number is not used as a rating.
 */
import { z } from 'zod';
import { gradeRank } from '../core/grade-order.ts';
import type { Grade } from '../core/schemas.ts';
import { ListId, SourceChannel } from '../core/schemas.ts';
import { gradeMeaning, SCALE_LABELS } from '../labels.ts';
import type { IndividualReportContent } from '../resources/reports.ts';
import { CategoryRuleSet, categoryFindings, Weight } from './categories.ts';
import { cite } from './citations.ts';
import { subtractYears } from './dates.ts';
import { type Finding, type RuleSetRef, ScreeningResult } from './findings.ts';
import { CREDIT_CATEGORY_RULES } from './packs/categories.ts';
import { CREDIT_LENDING_RULES, CreditLendingRules, type CreditRule } from './packs/credit-lending.ts';
import { assertDates, DEFAULT_RECHECK_AFTER_DAYS } from './procurement.ts';
import {
  applySeverities,
  banCovers,
  channelState,
  checkDates,
  checkSources,
  formatYuan,
  listingInForce,
  listName,
  type MemberEvaluation,
  membershipState,
  recheckFinding,
  type ScreeningSubject,
  type ScreeningView,
  screeningVerdict,
  stateUnknownFinding,
  summaryBlacklistFindings,
  view,
} from './screening.ts';

/**
 * Channels for the 失信被执行人 list in lending: 信用中国 or 中国执行信息公开网.
 *
 * @example
 * ```ts
 * DEFAULT_CREDIT_CHANNELS.dishonest_judgment_debtor; // ['creditchina', 'zxgk']
 * ```
 */
export const DEFAULT_CREDIT_CHANNELS: Partial<Record<ListId, SourceChannel[]>> = {
  dishonest_judgment_debtor: ['creditchina', 'zxgk'],
};

const RatedScale = z.enum(['pboc_long_term', 'sme_credit']);

/**
 * Configuration of the credit-lending rules; every field has a default.
 *
 * @example
 * ```ts
 * evaluateCreditLending(borrower, { asOf, cutoff, config: { minimumGrades: { sme_credit: 'A-' } } });
 * ```
 */
export const CreditLendingConfig = z
  .object({
    lookbackYears: z.number().int().positive().default(3),
    requiredChannels: z.partialRecord(ListId, z.array(SourceChannel).min(1)).default(DEFAULT_CREDIT_CHANNELS),
    recheckAfterDays: z.number().int().nonnegative().default(DEFAULT_RECHECK_AFTER_DAYS),
    /** Weight per finding code, over the pack's own (e.g. `{ 'list.major_tax_violation.active': 'bar' }`). */
    severities: z.record(z.string(), Weight).default({}),
    /** The lowest passing grade per scale, over the pack's (e.g. `{ pboc_long_term: 'A-' }`). */
    minimumGrades: z.partialRecord(RatedScale, z.string()).default({}),
    rules: CreditLendingRules.default(CREDIT_LENDING_RULES),
    categoryRules: CategoryRuleSet.default(CREDIT_CATEGORY_RULES),
  })
  .superRefine((cfg, ctx) => {
    const minimums: [string, string, string][] = [
      ...cfg.rules.ratings.map((r, i): [string, string, string] => [
        `rules.ratings.${i}.minimum`,
        r.scale,
        r.minimum,
      ]),
      ...Object.entries(cfg.minimumGrades).map(([scale, g]): [string, string, string] => [
        `minimumGrades.${scale}`,
        scale,
        g,
      ]),
    ];
    for (const [path, scale, g] of minimums) {
      if (gradeRank(scale as Grade['scale'], g) === null)
        ctx.addIssue({
          code: 'custom',
          path: path.split('.'),
          message: `${JSON.stringify(g)} is not a grade on the ${scale} scale (e.g. BBB-)`,
        });
    }
  })
  .meta({ id: 'CreditLendingConfig' });
type ResolvedConfig = z.output<typeof CreditLendingConfig>;
/** What a caller passes: every field optional. */
export type CreditLendingConfig = z.input<typeof CreditLendingConfig>;

/**
 * The rule set recorded in a credit-lending result with the default pack.
 *
 * @example
 * ```ts
 * CREDIT_LENDING_RULE_SET.id; // 'cn-credit-lending'
 * ```
 */
export const CREDIT_LENDING_RULE_SET: RuleSetRef = {
  id: CREDIT_LENDING_RULES.id,
  version: CREDIT_LENDING_RULES.version,
  title: {
    zh: '信贷授信审查：借款企业与担保人信用核查（失信被执行人融资限制、评级与信用记录）',
    en: 'Credit lending review of a borrower and its guarantors (dishonest-debtor financing restriction, ratings, records)',
  },
};

/**
 * One party of a credit application and its own verdict.
 *
 * @example
 * ```ts
 * const failed = result.parties.filter((p) => p.role === 'guarantor' && p.verdict === 'fail');
 * ```
 */
export const CreditParty = z
  .object({
    subjectId: z.string(),
    role: z.enum(['borrower', 'guarantor', 'legal_representative']),
    /** The company's name; a person's masked name. */
    name: z.string(),
    /** The company's USCC; empty for a person. */
    uscc: z.string(),
    /** A person's masked ID number (the legal representative); absent for a company. */
    idNumberMasked: z.string().optional(),
    verdict: ScreeningResult.shape.verdict,
  })
  .meta({ id: 'CreditParty' });
export type CreditParty = z.infer<typeof CreditParty>;

/**
 * A credit-lending result: the combined verdict of the borrower with its guarantors, every
 * party's findings (each with its `subjectId`), and each party's own verdict in `parties`
 * (the borrower first).
 *
 * @example
 * ```ts
 * const result = CreditLendingResult.parse(message.result);
 * console.log(result.verdict, result.parties[0]?.verdict);
 * ```
 */
export const CreditLendingResult = ScreeningResult.extend({ parties: z.array(CreditParty) }).meta({
  id: 'CreditLendingResult',
});
export type CreditLendingResult = z.infer<typeof CreditLendingResult>;

/**
 * Options of {@link evaluateCreditLending}.
 *
 * @example
 * ```ts
 * const options: CreditLendingOptions = { asOf: '2026-11-01', cutoff: '2026-11-20', guarantors: [g1, g2] };
 * ```
 */
export interface CreditLendingOptions {
  /** The data date (`YYYY-MM-DD`). */
  asOf: string;
  /** The review date (审批日, `YYYY-MM-DD`): lists and ratings are judged on this day. */
  cutoff: string;
  /** The guarantors (担保人) of the application; the first argument is the borrower. */
  guarantors?: readonly ScreeningSubject[];
  /**
   * The borrower's legal representative's personal reports (credit report and court check,
   * merged), when the lender looked the person up with written authorization; masked.
   */
  legalRepresentative?: IndividualReportContent;
  /** Accepted for symmetry with procurement; lending does not depend on it. */
  projectKind?: 'goods' | 'services' | 'works';
  config?: CreditLendingConfig;
}

type Ctx = { asOf: string; cutoff: string; windowStart: string; cfg: ResolvedConfig };
type Draft = Omit<Finding, 'subjectId'>;

/**
 * Screens an enterprise borrower, with its guarantors, for a credit application.
 *
 * Verdict of each party: `fail` on a bar (a 失信被执行人 listing in force on the review date);
 * else `incomplete` when neither 信用中国 nor 中国执行信息公开网 was read; else `review`; else
 * `pass`. Combined verdict: the borrower's findings, plus each guarantor's non-barring
 * findings, plus one `guarantor.failed` finding per failing guarantor weighted by the pack
 * (`bar` by default: the guarantee cannot be accepted as offered), plus every finding of the
 * legal representative when given, weighted by the pack's `legalRepresentative` rules
 * (`review` by default; decision 0063).
 *
 * @throws RangeError when `asOf` or `cutoff` is not `YYYY-MM-DD`; a ZodError for a bad `config`.
 * @example
 * ```ts
 * const result = evaluateCreditLending(borrower, { asOf: '2026-11-01', cutoff: '2026-11-20', guarantors: [g1, g2] });
 * result.parties.map((p) => `${p.role} ${p.name} ${p.verdict}`);
 * result.verdict; // 'fail' when a guarantor is a 失信被执行人 on 2026-11-20
 * ```
 */
export function evaluateCreditLending(
  input: ScreeningSubject,
  options: CreditLendingOptions,
): CreditLendingResult {
  const ctx = contextOf(options);
  const { cfg } = ctx;
  const parties = [input, ...(options.guarantors ?? [])].map((m, i) => ({
    role: i === 0 ? ('borrower' as const) : ('guarantor' as const),
    ...screenParty({ ...view(m), grades: m.grades }, ctx),
  }));
  const recheck = recheckFinding(options.asOf, options.cutoff, cfg.recheckAfterDays, 'info', [
    cite('cbrc-2004-51', '授信审查（条号待核）', 'unconfirmed'),
  ]);
  const borrower = parties[0];
  if (recheck && borrower) borrower.findings.push({ ...recheck, subjectId: borrower.subject.id });
  for (const p of parties) p.findings = applySeverities(p.findings, cfg.severities);

  const findings: Finding[] = [];
  const checked: ScreeningResult['checked'] = [];
  const missing: string[] = [];
  const counted: Finding[] = [];
  for (const p of parties) {
    findings.push(...p.findings);
    checked.push(...p.checked);
    for (const key of p.missing) if (!missing.includes(key)) missing.push(key);
    counted.push(...(p.role === 'borrower' ? p.findings : p.findings.filter((f) => f.severity !== 'bar')));
    if (p.role === 'guarantor' && screeningVerdict(p.findings) === 'fail') {
      const bars = p.findings.filter((f) => f.severity === 'bar').map((f) => f.code);
      const rule = cfg.rules.guarantorFailed;
      const f: Finding = {
        code: 'guarantor.failed',
        severity: cfg.severities['guarantor.failed'] ?? rule.severity,
        message: {
          zh: `担保人 ${p.subject.name}（${p.subject.uscc}）存在限制融资的失信记录（${bars.join('、')}），其保证不能按所提供的方式接受，需更换或追加担保`,
          en: `Guarantor ${p.subject.name} (${p.subject.uscc}) has a record that restricts financing (${bars.join(', ')}); its guarantee cannot be accepted as offered: replace or add security`,
        },
        citations: rule.citations,
        record: null,
        source: null,
        subjectId: p.subject.id,
      };
      findings.push(f);
      counted.push(f);
    }
  }
  const parts = parties.map((p) => ({
    subjectId: p.subject.id,
    role: p.role,
    name: p.subject.name,
    uscc: p.subject.uscc,
    verdict: screeningVerdict(p.findings),
  })) as CreditParty[];
  if (options.legalRepresentative) {
    const rep = screenRepresentative(options.legalRepresentative, ctx);
    const weighed = applySeverities(rep.findings, cfg.severities);
    findings.push(...weighed);
    counted.push(...weighed);
    checked.push(...rep.checked);
    for (const key of rep.missing) if (!missing.includes(key)) missing.push(key);
    const subject = options.legalRepresentative.subject;
    parts.push({
      subjectId: rep.subjectId,
      role: 'legal_representative',
      name: subject.nameMasked,
      uscc: '',
      idNumberMasked: subject.idNumberMasked,
      verdict: screeningVerdict(weighed),
    });
  }
  return {
    verdict: screeningVerdict(counted),
    ruleSet: ruleSetOf(cfg),
    asOf: options.asOf,
    cutoff: options.cutoff,
    findings,
    checked,
    missing,
    parties: parts,
  };
}

/**
 * The legal representative's own result under the credit rule set: the person's findings (as
 * {@link evaluateCreditLending} counts them in the application) and the verdict they give alone.
 *
 * @throws RangeError when `asOf` or `cutoff` is not `YYYY-MM-DD`; a ZodError for a bad `config`.
 * @example
 * ```ts
 * evaluateLegalRepresentative(report, { asOf: '2026-11-01', cutoff: '2026-11-20' }).verdict; // 'review' when listed
 * ```
 */
export function evaluateLegalRepresentative(
  report: IndividualReportContent,
  options: Pick<CreditLendingOptions, 'asOf' | 'cutoff' | 'config'>,
): ScreeningResult {
  const ctx = contextOf(options);
  const { cfg } = ctx;
  const rep = screenRepresentative(report, ctx);
  const findings = applySeverities(rep.findings, cfg.severities);
  return {
    verdict: screeningVerdict(findings),
    ruleSet: ruleSetOf(cfg),
    asOf: options.asOf,
    cutoff: options.cutoff,
    findings,
    checked: rep.checked,
    missing: rep.missing,
  };
}

/**
 * The subject id of a legal representative's findings: the role and the masked number (the
 * person has no USCC, and the full number is never in a result).
 *
 * @example
 * ```ts
 * representativeId('110***********1234'); // 'legal_representative:110***********1234'
 * ```
 */
export function representativeId(idNumberMasked: string): string {
  return `legal_representative:${idNumberMasked}`;
}

const IMPAIRED = new Set(['substandard', 'doubtful', 'loss']);
const CATEGORY_ZH: Readonly<Record<string, string>> = { substandard: '次级', doubtful: '可疑', loss: '损失' };

// The legal representative's personal reports under the pack's `legalRepresentative` weights:
// a 失信被执行人 listing in force on the review date, an enforcement case still executing, an
// impaired or overdue account; a channel not read leaves the person's check incomplete.
function screenRepresentative(
  report: IndividualReportContent,
  ctx: Ctx,
): { subjectId: string; findings: Finding[]; checked: ScreeningResult['checked']; missing: string[] } {
  const { cutoff, cfg } = ctx;
  const rules = cfg.rules.legalRepresentative;
  const subjectId = representativeId(report.subject.idNumberMasked);
  const who = { zh: `法定代表人 ${report.subject.nameMasked}`, en: 'The legal representative' };
  const findings: Finding[] = [];
  for (const r of report.dishonestListings) {
    if (!listingInForce(r, cutoff)) continue;
    findings.push({
      code: 'legal_representative.dishonest_judgment_debtor.active',
      severity: rules.dishonest.severity,
      message: {
        zh: `${who.zh} 审查日 ${cutoff} 在失信被执行人名单中（${r.court} ${r.caseNo}，${r.listedAt} 起），需评估其对借款企业经营和偿债的影响`,
        en: `${who.en} is on the dishonest judgment debtor list at the review date ${cutoff} (${r.court} ${r.caseNo}, since ${r.listedAt}); assess the effect on the borrower`,
      },
      citations: rules.dishonest.citations,
      record: { id: r.id, category: r.category },
      source: r.source,
      subjectId,
    });
  }
  for (const r of report.courtEnforcements) {
    if (r.status !== 'executing' || r.filedAt > cutoff) continue;
    findings.push({
      code: 'legal_representative.enforcement.executing',
      severity: rules.enforcement.severity,
      message: {
        zh: `${who.zh} 有执行中的被执行案件（${r.court} ${r.caseNo}，${r.filedAt} 立案${r.amountYuan === null ? '' : `，标的 ${formatYuan(r.amountYuan).zh}`}）`,
        en: `${who.en} has an enforcement case in progress (${r.court} ${r.caseNo}, filed ${r.filedAt}${r.amountYuan === null ? '' : `, ${formatYuan(r.amountYuan).en}`})`,
      },
      citations: rules.enforcement.citations,
      record: { id: r.id, category: r.category },
      source: r.source,
      subjectId,
    });
  }
  for (const a of report.creditAccounts) {
    const impaired = a.fiveCategory !== null && IMPAIRED.has(a.fiveCategory);
    const badDebt = a.cardStatus === 'bad_debt';
    const overdue = a.closedAt === null && a.currentOverdueAmountYuan > 0;
    if (!impaired && !badDebt && !overdue) continue;
    const what = impaired
      ? {
          zh: `五级分类为${CATEGORY_ZH[a.fiveCategory ?? ''] ?? a.fiveCategory}`,
          en: `classified ${a.fiveCategory}`,
        }
      : badDebt
        ? { zh: '信用卡呆账', en: 'a card in bad debt' }
        : {
            zh: `当前逾期 ${formatYuan(a.currentOverdueAmountYuan).zh}（${a.currentOverduePeriods} 期）`,
            en: `${formatYuan(a.currentOverdueAmountYuan).en} overdue now (${a.currentOverduePeriods} periods)`,
          };
    findings.push({
      code: 'legal_representative.account.impaired',
      severity: rules.impairedAccount.severity,
      message: {
        zh: `${who.zh} 的个人信贷账户（${a.institution}）${what.zh}`,
        en: `${who.en} has a personal credit account (${a.institution}) ${what.en}`,
      },
      citations: rules.impairedAccount.citations,
      record: null,
      source: null,
      subjectId,
    });
  }
  const sources = checkSources(
    subjectId,
    report.sources,
    { dishonest_judgment_debtor: cfg.requiredChannels.dishonest_judgment_debtor ?? ['zxgk', 'creditchina'] },
    rules.dishonest.citations,
  );
  if (channelState(report.sources, 'pbccrc').status !== 'ok') {
    findings.push({
      code: 'legal_representative.source.unavailable',
      severity: 'missing',
      message: {
        zh: `${who.zh} 的个人信用报告（人行征信）未取得，无法核查其信贷记录`,
        en: `${who.en}'s personal credit report (PBOC) was not obtained; the credit accounts are unchecked`,
      },
      citations: rules.impairedAccount.citations,
      record: null,
      source: null,
      subjectId,
    });
    sources.missing.push(`${subjectId}:pbccrc`);
  }
  return {
    subjectId,
    findings: [...findings, ...sources.findings],
    checked: sources.checked,
    missing: sources.missing,
  };
}

// The dates checked and the configuration parsed, once per evaluation.
function contextOf(options: Pick<CreditLendingOptions, 'asOf' | 'cutoff' | 'config'>): Ctx {
  assertDates(options.asOf, options.cutoff);
  const cfg = CreditLendingConfig.parse(options.config ?? {});
  return {
    asOf: options.asOf,
    cutoff: options.cutoff,
    windowStart: subtractYears(options.cutoff, cfg.lookbackYears),
    cfg,
  };
}

// The rule set a result records: the default one, or the caller's pack by its id and version.
function ruleSetOf(cfg: ResolvedConfig): RuleSetRef {
  return cfg.rules.id === CREDIT_LENDING_RULES.id && cfg.rules.version === CREDIT_LENDING_RULES.version
    ? CREDIT_LENDING_RULE_SET
    : { ...CREDIT_LENDING_RULE_SET, id: cfg.rules.id, version: cfg.rules.version };
}

const MAJOR: Readonly<Record<string, { zh: string; en: string }>> = {
  criminal: { zh: '刑事处罚', en: 'criminal punishment' },
  suspension: { zh: '责令停产停业', en: 'order to suspend production or business' },
  license_revocation: { zh: '吊销许可证或者执照', en: 'revocation of a licence' },
};

function screenParty(input: ScreeningView & { grades: readonly Grade[] }, ctx: Ctx): MemberEvaluation {
  const { cutoff, cfg } = ctx;
  const rules = cfg.rules;
  const subjectId = input.subject.id;
  const findings: Finding[] = [];
  const add = (f: Draft) => findings.push({ ...f, subjectId });
  const weigh = (rule: CreditRule, f: Omit<Draft, 'severity' | 'citations'>) =>
    add({ ...f, severity: rule.severity, citations: rule.citations });
  const dated = checkDates(input, rules.notActive.citations);
  for (const f of dated.findings) add(f);
  const v = dated.view;

  if (v.subject.status !== 'active') {
    weigh(rules.notActive, {
      code: 'subject.not_active',
      message: {
        zh: `主体登记状态为 ${v.subject.status}，需核实其是否具备借款或担保的主体资格`,
        en: `Registration status is ${v.subject.status}; check that it can borrow or guarantee`,
      },
      record: null,
      source: null,
    });
  }

  const listed = (list: ListId, since: string, detail: string, ref: Pick<Finding, 'record' | 'source'>) => {
    const rule = rules.lists[list];
    if (!rule) return;
    const name = listName(list);
    weigh(rule, {
      ...ref,
      code: `list.${list}.active`,
      message: {
        zh: `审查日 ${cutoff} 在${name.zh}中，${since} 列入${detail ? `（${detail}）` : ''}`,
        en: `On the ${name.en} at the review date ${cutoff}, listed ${since}${detail ? ` (${detail})` : ''}`,
      },
    });
  };

  for (const r of v.records) {
    const ref = { record: { id: r.id, category: r.category }, source: r.source };
    switch (r.category) {
      case 'dishonest_judgment_debtor':
        if (listingInForce(r, cutoff)) listed(r.category, r.listedAt, `${r.court} ${r.caseNo}`, ref);
        else if (r.listedAt <= cutoff)
          add({
            ...ref,
            code: 'list.dishonest_judgment_debtor.ended',
            severity: 'info',
            message: {
              zh: `失信被执行人名单（${r.caseNo}）在审查日 ${cutoff} 前已${r.removedAt !== null && r.removedAt <= cutoff ? `于 ${r.removedAt} 移出` : `于 ${r.expiresAt} 届满`}`,
              en: `Dishonest judgment debtor listing (${r.caseNo}) ended before the review date ${cutoff}`,
            },
            citations: [cite('spc-dishonest-list', '第十条')],
          });
        break;
      case 'major_tax_violation':
      case 'abnormal_operation':
      case 'serious_illegal_dishonest':
        if (listingInForce(r, cutoff)) listed(r.category, r.listedAt, r.authority, ref);
        break;
      case 'gp_serious_violation':
        if (banCovers(r, cutoff)) listed(r.category, r.banFrom, `${r.decisionNo}，至 ${r.banUntil}`, ref);
        break;
      case 'administrative_penalty': {
        if (r.decidedAt <= ctx.windowStart || r.decidedAt > cutoff) break;
        const where = `${r.authority} ${r.documentNo}，${r.decidedAt}`;
        for (const kind of r.kinds) {
          const label = MAJOR[kind];
          if (!label) continue;
          weigh(rules.majorPenalty, {
            ...ref,
            code: `penalty.major.${kind}`,
            message: {
              zh: `审查日前 ${cfg.lookbackYears} 年内受到${label.zh}（${where}），需评估对偿债能力和经营的影响`,
              en: `${label.en} within ${cfg.lookbackYears} years before the review (${where}); assess the effect on repayment and business`,
            },
          });
        }
        const limit = rules.largeFine.thresholdYuan;
        if (r.kinds.includes('fine') && r.amountYuan !== null && r.amountYuan >= limit) {
          weigh(rules.largeFine, {
            ...ref,
            code: 'penalty.large_fine',
            message: {
              zh: `审查日前 ${cfg.lookbackYears} 年内罚款${formatYuan(r.amountYuan).zh}（${where}），达到${formatYuan(limit).zh}`,
              en: `Fine of ${formatYuan(r.amountYuan).en} within ${cfg.lookbackYears} years before the review (${where}), at or above ${formatYuan(limit).en}`,
            },
          });
        }
        break;
      }
      default:
        break;
    }
  }
  // Enforcement cases are in reports, not in batch summaries.
  for (const r of v.records) {
    if (r.category !== 'court_enforcement' || r.status !== 'executing' || r.filedAt > cutoff) continue;
    weigh(rules.enforcement, {
      code: 'enforcement.executing',
      message: {
        zh: `被执行案件执行中（${r.court} ${r.caseNo}，${r.filedAt} 立案${r.amountYuan === null ? '' : `，标的 ${formatYuan(r.amountYuan).zh}`}），需评估偿债能力`,
        en: `Enforcement case in progress (${r.court} ${r.caseNo}, filed ${r.filedAt}${r.amountYuan === null ? '' : `, ${formatYuan(r.amountYuan).en}`}); assess repayment capacity`,
      },
      record: { id: r.id, category: r.category },
      source: r.source,
    });
  }

  for (const f of categoryFindings(v.records, cfg.categoryRules, {
    cutoff,
    windowStart: ctx.windowStart,
    projectKind: null,
    severities: {},
  }))
    add(f);

  // A list summary in force that no record confirms still counts; one whose state at the
  // review date cannot be told is reviewed.
  for (const list of Object.keys(rules.lists) as ListId[]) {
    const rule = rules.lists[list];
    if (!rule || findings.some((f) => f.code === `list.${list}.active`)) continue;
    const entries = v.lists.filter((l) => l.list === list);
    const m = entries.find((l) => membershipState(l, cutoff, ctx.asOf) === 'in_force');
    if (m) {
      listed(list, m.since, '', { record: null, source: null });
      continue;
    }
    const unknown = entries.find((l) => membershipState(l, cutoff, ctx.asOf) === 'unknown');
    if (unknown && !v.records.some((r) => r.category === list))
      add(stateUnknownFinding(unknown, cutoff, ctx.asOf, rule.citations));
  }
  for (const f of summaryBlacklistFindings(v, findings, cfg.categoryRules, {
    cutoff,
    asOf: ctx.asOf,
    projectKind: null,
  }))
    add(f);

  for (const f of ratingFindings(input.grades, ctx)) add(f);

  const sources = checkSources(
    subjectId,
    v.sources,
    cfg.requiredChannels,
    rules.lists.dishonest_judgment_debtor?.citations ?? rules.notActive.citations,
  );
  return {
    subject: v.subject,
    findings: [...findings, ...sources.findings],
    checked: sources.checked,
    missing: sources.missing,
  };
}

function ratingFindings(grades: readonly Grade[], ctx: Ctx): Draft[] {
  const { cutoff, cfg } = ctx;
  const rules = cfg.rules;
  const out: Draft[] = [];
  for (const rule of rules.ratings) {
    const scale = SCALE_LABELS[rule.scale];
    const newest = grades
      .filter((g) => g.scale === rule.scale && g.ratedAt <= cutoff)
      .sort((a, b) => (a.ratedAt < b.ratedAt ? 1 : a.ratedAt > b.ratedAt ? -1 : 0))[0];
    if (newest === undefined) {
      if (rule.required)
        out.push({
          code: `rating.${rule.scale}.missing`,
          severity: rules.missingRating.severity,
          message: {
            zh: `无${scale.zh}（借款企业信用评级），如授信政策要求评级，需补充`,
            en: `No ${scale.en} rating (borrower credit rating); obtain one if the credit policy requires it`,
          },
          citations: rules.missingRating.citations,
          record: null,
          source: null,
        });
      continue;
    }
    const issuer = `${newest.issuer.name.zh}${newest.issuer.filingNo ? `，备案号 ${newest.issuer.filingNo}` : ''}`;
    const issuerEn = `${newest.issuer.name.en}${newest.issuer.filingNo ? `, filing ${newest.issuer.filingNo}` : ''}`;
    if (newest.issuer.kind === 'rating_agency' && newest.issuer.filingNo === null) {
      out.push({
        code: `rating.${rule.scale}.unfiled`,
        severity: rules.unfiledRating.severity,
        message: {
          zh: `${scale.zh} ${newest.value} 的出具机构 ${newest.issuer.name.zh} 无备案号，不作为信用评级使用，需核实`,
          en: `The ${scale.en} ${newest.value} comes from ${newest.issuer.name.en} with no filing number; not used as a rating, verify`,
        },
        citations: rules.unfiledRating.citations,
        record: null,
        source: null,
      });
      continue;
    }
    if (newest.validUntil !== null && newest.validUntil < cutoff) {
      out.push({
        code: `rating.${rule.scale}.expired`,
        severity: rules.expiredRating.severity,
        message: {
          zh: `${scale.zh} ${newest.value}（${issuer}）有效期至 ${newest.validUntil}，审查日 ${cutoff} 已过期，需取得跟踪评级`,
          en: `The ${scale.en} ${newest.value} (${issuerEn}) was valid until ${newest.validUntil}, before the review date ${cutoff}; obtain a surveillance rating`,
        },
        citations: rules.expiredRating.citations,
        record: null,
        source: null,
      });
    }
    const minimum = cfg.minimumGrades[rule.scale] ?? rule.minimum;
    const rank = gradeRank(rule.scale, newest.value);
    const floor = gradeRank(rule.scale, minimum);
    const meaning = gradeMeaning(rule.scale, newest.value);
    const mean = meaning ? { zh: `：${meaning.zh}`, en: `: ${meaning.en}` } : { zh: '', en: '' };
    if (rank !== null && floor !== null && rank > floor) {
      out.push({
        code: `rating.${rule.scale}.below_minimum`,
        severity: rule.severity,
        message: {
          zh: `${scale.zh} ${newest.value}（${issuer}，${newest.ratedAt} 评定）低于授信要求的 ${minimum}${mean.zh}`,
          en: `${scale.en} ${newest.value} (${issuerEn}, rated ${newest.ratedAt}) is below the required ${minimum}${mean.en}`,
        },
        citations: rule.citations,
        record: null,
        source: null,
      });
    } else {
      out.push({
        code: `rating.${rule.scale}.grade`,
        severity: 'info',
        message: {
          zh: `${scale.zh} ${newest.value}（${issuer}，${newest.ratedAt} 评定），不低于 ${minimum}${mean.zh}`,
          en: `${scale.en} ${newest.value} (${issuerEn}, rated ${newest.ratedAt}), at or above ${minimum}${mean.en}`,
        },
        citations: rule.citations,
        record: null,
        source: null,
      });
    }
  }
  return out;
}

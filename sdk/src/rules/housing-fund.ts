/**
 * Housing-fund loan (住房公积金贷款) credit review against a versioned rule pack.
 *
 * Definitions (also in README.md):
 * - Overdue month: a repayment-grid month whose status is `1`–`7`. `D` (担保人代还) and `B`
 *   (呆账) are not counted as overdue periods: they are events of their own, a bar where the
 *   pack lists them in `repaymentStatusBars` and `review` elsewhere. `N * C #` are not overdue.
 * - Exempted month: an overdue month carrying an exemption whose reason the pack honours (and,
 *   where `student_loan` is honoured, every overdue month of a student loan). It is not
 *   counted and so also breaks a run. Exemptions the pack does not honour are counted.
 * - Window: the N full calendar months before the asOf month (asOf 2026-11-01, N = 24 →
 *   2024-11..2026-10): the 24-month grid of a report drawn on asOf, whose latest settled month
 *   is the previous one. The asOf month itself is outside (an arrear in it is `current_overdue`).
 *   A null window is every reported month before the asOf month.
 * - Consecutive: calendar months in a row, each overdue, in the window, on one account; a gap
 *   in the grid breaks the run. The finding names the longest run.
 * - Cumulative: overdue months in the window on one account (`per_account`, 单笔/单张), or
 *   months in which any covered account was overdue (`all_accounts`).
 * - Deposit streak: full (`paid`) months in a row ending with the month before asOf (the
 *   asOf month is usually not yet due); a paid asOf month extends the streak, an unpaid or
 *   absent one does not break it.
 */
import { z } from 'zod';
import type { CreditAccount, HousingFundAccount } from '../core/records.ts';
import { IsoDate } from '../core/schemas.ts';
import { type IndividualReportContent, IndividualSubject } from '../resources/reports.ts';
import { cite } from './citations.ts';
import { addMonths, isIsoDate, monthIndex, monthOf, monthRange } from './dates.ts';
import { Finding } from './findings.ts';
import { getRulePack } from './packs/index.ts';
import { type AccountType, BorrowerRole, HousingFundRulePack, type OverdueRule } from './packs/schema.ts';
import { channelState, dishonestInForce, formatYuan } from './screening.ts';

/**
 * A housing-fund review verdict, for one borrower or the household.
 *
 * @example
 * ```ts
 * HousingFundVerdict.options; // ['eligible', 'ineligible', 'review', 'incomplete']
 * ```
 */
export const HousingFundVerdict = z
  .enum(['eligible', 'ineligible', 'review', 'incomplete'])
  .meta({ id: 'HousingFundVerdict' });
export type HousingFundVerdict = z.infer<typeof HousingFundVerdict>;

/**
 * One borrower's review. `key` is `applicant` or `<role>:<n>` (n counts co-borrowers from 1).
 *
 * @example
 * ```ts
 * for (const b of result.borrowers) console.log(b.key, b.subject.nameMasked, b.verdict);
 * ```
 */
export const BorrowerResult = z
  .object({
    key: z.string(),
    role: BorrowerRole,
    subject: IndividualSubject,
    verdict: HousingFundVerdict,
    findings: z.array(Finding),
  })
  .meta({ id: 'HousingFundBorrowerResult' });
export type BorrowerResult = z.infer<typeof BorrowerResult>;

/**
 * The result of {@link evaluateHousingFundLoan}.
 *
 * @example
 * ```ts
 * const result = HousingFundResult.parse(message.result);
 * result.findings.filter((f) => f.months).map((f) => f.months?.join(','));
 * ```
 */
export const HousingFundResult = z
  .object({
    verdict: HousingFundVerdict,
    rulePack: HousingFundRulePack.pick({
      id: true,
      version: true,
      city: true,
      title: true,
      source: true,
      confidence: true,
      effectiveFrom: true,
      effectiveTo: true,
    }),
    asOf: IsoDate,
    borrowers: z.array(BorrowerResult),
    /** Every borrower's findings, then the household's own (subjectId `household`). */
    findings: z.array(Finding),
  })
  .meta({ id: 'HousingFundResult' });
export type HousingFundResult = z.infer<typeof HousingFundResult>;

/**
 * Application data an income-ratio rule needs; no credit report carries it.
 *
 * @example
 * ```ts
 * evaluateHousingFundLoan(report, {
 *   rulePack: 'hohhot-2017',
 *   asOf: '2026-11-01',
 *   householdIncome: { monthlyIncomeYuan: 20000, monthlyRepaymentsYuan: 9000 },
 * });
 * ```
 */
export const HouseholdIncome = z
  .object({
    monthlyIncomeYuan: z.number().positive(),
    /** 公积金月供 (this loan) plus every other monthly repayment. */
    monthlyRepaymentsYuan: z.number().nonnegative(),
  })
  .meta({ id: 'HouseholdIncome' });
export type HouseholdIncome = z.infer<typeof HouseholdIncome>;

/**
 * Options of {@link evaluateHousingFundLoan}.
 *
 * @example
 * ```ts
 * const options: HousingFundOptions = { rulePack: 'hangzhou', asOf: '2026-11-01', coBorrowers: [{ role: 'spouse', report }] };
 * ```
 */
export interface HousingFundOptions {
  /** A built-in pack id (see `housingFundRulePacks`) or a pack object. */
  rulePack: HousingFundRulePack | string;
  /** The review date (`YYYY-MM-DD`). */
  asOf: string;
  coBorrowers?: readonly { role: 'spouse' | 'co_borrower'; report: IndividualReportContent }[];
  householdIncome?: HouseholdIncome;
}

type Draft = Omit<Finding, 'subjectId'>;

/**
 * Reviews a housing-fund loan application: the applicant and every co-borrower against one
 * rule pack. A borrower is `ineligible` on any bar, `incomplete` when a required source could
 * not be read, `review` when a finding needs a person, else `eligible`; the household is
 * `ineligible` when any borrower is, with a `household.borrower_ineligible` finding naming them.
 *
 * @throws RangeError for an unknown pack id or a malformed `asOf`; a ZodError for an invalid pack object.
 * @example
 * ```ts
 * const result = evaluateHousingFundLoan(report, {
 *   rulePack: 'changchun-2022',
 *   asOf: '2026-11-01',
 *   coBorrowers: [{ role: 'spouse', report: spouseReport }],
 * });
 * for (const b of result.borrowers) console.log(b.role, b.verdict);
 * ```
 */
export function evaluateHousingFundLoan(
  report: IndividualReportContent,
  options: HousingFundOptions,
): HousingFundResult {
  const { asOf } = options;
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  const pack = resolvePack(options.rulePack);
  const borrowers = [
    reviewBorrower('applicant', 'applicant', report, pack, asOf),
    ...(options.coBorrowers ?? []).map((c, i) =>
      reviewBorrower(`${c.role}:${i + 1}`, c.role, c.report, pack, asOf),
    ),
  ];

  const household: Finding[] = [];
  const add = (f: Draft) => household.push({ ...f, subjectId: 'household' });
  const packCitation = [pack.source.citation];

  if (
    (pack.effectiveFrom !== null && asOf < pack.effectiveFrom) ||
    (pack.effectiveTo !== null && asOf > pack.effectiveTo)
  ) {
    add({
      code: 'pack.not_in_force',
      severity: 'review',
      message: {
        zh: `规则包 ${pack.id} 的施行期（${pack.effectiveFrom ?? '—'} 至 ${pack.effectiveTo ?? '—'}）不含 ${asOf}`,
        en: `Rule pack ${pack.id} is in force ${pack.effectiveFrom ?? '—'} to ${pack.effectiveTo ?? '—'}, not on ${asOf}`,
      },
      citations: packCitation,
      record: null,
      source: null,
    });
  }

  if (pack.incomeRatio !== null) {
    const max = pack.incomeRatio.maxRatio;
    const pct = `${Math.round(max * 100)}%`;
    const income = options.householdIncome;
    if (income === undefined) {
      // No credit source carries household income: a person checks the application, so review.
      add({
        code: 'income_ratio.data_missing',
        severity: 'review',
        message: {
          zh: `需核对（公积金月供 + 其他月供）不超过家庭工资收入的 ${pct}：未提供收入数据`,
          en: `Check that (housing-fund instalment + other instalments) is at most ${pct} of household wage income: no income data given`,
        },
        citations: packCitation,
        record: null,
        source: null,
      });
    } else {
      const ratio = income.monthlyRepaymentsYuan / income.monthlyIncomeYuan;
      const over = ratio > max;
      add({
        code: over ? 'income_ratio.exceeded' : 'income_ratio.within',
        severity: over ? 'bar' : 'info',
        message: {
          zh: `月供合计 ${formatYuan(income.monthlyRepaymentsYuan).zh} 占家庭月收入 ${formatYuan(income.monthlyIncomeYuan).zh} 的 ${(ratio * 100).toFixed(1)}%（上限 ${pct}）`,
          en: `Instalments of ${formatYuan(income.monthlyRepaymentsYuan).en} are ${(ratio * 100).toFixed(1)}% of household income ${formatYuan(income.monthlyIncomeYuan).en} (limit ${pct})`,
        },
        citations: packCitation,
        record: null,
        source: null,
      });
    }
  }

  if (pack.manualChecks.length > 0) {
    add({
      code: 'pack.manual_checks',
      severity: 'info',
      message: {
        zh: `另需人工核查：${pack.manualChecks.map((c) => c.zh).join('；')}`,
        en: `Also check by hand: ${pack.manualChecks.map((c) => c.en).join('; ')}`,
      },
      citations: packCitation,
      record: null,
      source: null,
    });
  }

  if (borrowers.length > 1) {
    for (const b of borrowers) {
      if (b.verdict !== 'ineligible') continue;
      add({
        code: 'household.borrower_ineligible',
        severity: 'bar',
        message: {
          zh: `${ROLE_ZH[b.role]} ${b.subject.nameMasked}（${b.subject.idNumberMasked}）不符合贷款条件，家庭申请不予贷款`,
          en: `The ${ROLE_EN[b.role]} ${b.subject.nameMasked} (${b.subject.idNumberMasked}) does not meet the loan conditions, so the household application is refused`,
        },
        citations: packCitation,
        record: null,
        source: null,
      });
    }
  }

  const findings = [...borrowers.flatMap((b) => b.findings), ...household];
  const { id, version, city, title, source, confidence, effectiveFrom, effectiveTo } = pack;
  return {
    verdict: verdictOf(findings),
    rulePack: { id, version, city, title, source, confidence, effectiveFrom, effectiveTo },
    asOf,
    borrowers,
    findings,
  };
}

function resolvePack(ref: HousingFundRulePack | string): HousingFundRulePack {
  if (typeof ref !== 'string') return HousingFundRulePack.parse(ref);
  const pack = getRulePack(ref);
  if (!pack) throw new RangeError(`unknown housing-fund rule pack ${JSON.stringify(ref)}`);
  return pack;
}

function verdictOf(findings: readonly Finding[]): HousingFundVerdict {
  if (findings.some((f) => f.severity === 'bar')) return 'ineligible';
  if (findings.some((f) => f.severity === 'missing')) return 'incomplete';
  if (findings.some((f) => f.severity === 'review')) return 'review';
  return 'eligible';
}

const ROLE_ZH = { applicant: '主借款人', spouse: '配偶', co_borrower: '共同借款人' } as const;
const ROLE_EN = { applicant: 'applicant', spouse: 'spouse', co_borrower: 'co-borrower' } as const;
const TYPE_ZH: Record<AccountType, string> = {
  mortgage: '个人住房贷款',
  housing_fund_loan: '个人住房公积金贷款',
  consumer_loan: '个人消费贷款',
  business_loan: '个人经营性贷款',
  car_loan: '个人汽车贷款',
  student_loan: '助学贷款',
  credit_card: '贷记卡',
};
const TYPE_EN: Record<AccountType, string> = {
  mortgage: 'mortgage',
  housing_fund_loan: 'housing-fund loan',
  consumer_loan: 'consumer loan',
  business_loan: 'business loan',
  car_loan: 'car loan',
  student_loan: 'student loan',
  credit_card: 'credit card',
};
const FEEDS = {
  credit_accounts: { zh: '信贷记录', en: 'credit accounts' },
  dishonest: { zh: '失信被执行人', en: 'dishonest judgment debtor list' },
  deposits: { zh: '公积金缴存', en: 'housing-fund deposits' },
} as const;
const OVERDUE = new Set(['1', '2', '3', '4', '5', '6', '7']);

/** An account's overdue months up to asOf, split into counted and exempted. */
interface AccountMonths {
  account: CreditAccount;
  counted: string[];
  exempted: { month: string; reason: string }[];
  notHonoured: string[];
}

function classify(a: CreditAccount, honoured: ReadonlySet<string>, lastMonth: number): AccountMonths {
  const out: AccountMonths = { account: a, counted: [], exempted: [], notHonoured: [] };
  const seen = new Set<string>();
  for (const e of a.repayment) {
    if (!OVERDUE.has(e.status) || monthIndex(e.month) > lastMonth || seen.has(e.month)) continue;
    seen.add(e.month);
    if (a.type === 'student_loan' && honoured.has('student_loan')) {
      out.exempted.push({ month: e.month, reason: 'student_loan' });
      continue;
    }
    const reasons = a.exemptions.filter((x) => x.month === e.month).map((x) => x.reason);
    const ok = reasons.find((r) => honoured.has(r));
    if (ok) out.exempted.push({ month: e.month, reason: ok });
    else {
      out.counted.push(e.month);
      if (reasons.length > 0) out.notHonoured.push(e.month);
    }
  }
  out.counted.sort();
  return out;
}

/** The longest run of calendar-consecutive months in a sorted list (the first, on a tie). */
function longestRun(months: readonly string[]): string[] {
  let best: string[] = [];
  let run: string[] = [];
  for (const m of months) {
    const prev = run[run.length - 1];
    run = prev !== undefined && monthIndex(m) === monthIndex(prev) + 1 ? [...run, m] : [m];
    if (run.length > best.length) best = run;
  }
  return best;
}

function reviewBorrower(
  key: string,
  role: BorrowerRole,
  report: IndividualReportContent,
  pack: HousingFundRulePack,
  asOf: string,
): BorrowerResult {
  const findings: Finding[] = [];
  const add = (f: Draft) => findings.push({ ...f, subjectId: key });
  const packCitation = [pack.source.citation];
  const done = (): BorrowerResult => ({
    key,
    role,
    subject: report.subject,
    verdict: verdictOf(findings),
    findings,
  });

  if (!pack.covers.includes(role)) {
    add({
      code: 'borrower.not_covered',
      severity: 'info',
      message: {
        zh: `规则包 ${pack.id} 不审查${ROLE_ZH[role]}的信用`,
        en: `Rule pack ${pack.id} does not review the ${ROLE_EN[role]}'s credit`,
      },
      citations: packCitation,
      record: null,
      source: null,
    });
    return done();
  }

  const depositRule = pack.deposit?.appliesTo.includes(role) ? pack.deposit : null;
  const readable = new Set<string>();
  for (const req of pack.requiredSources) {
    if (req.for === 'deposits' && depositRule === null) continue;
    const states = req.channels.map((channel) => ({ channel, ...channelState(report.sources, channel) }));
    if (states.some((s) => s.status === 'ok')) {
      readable.add(req.for);
      continue;
    }
    const why = states
      .map((s) => `${s.channel}: ${s.status === 'missing' ? 'not queried' : 'unavailable'}`)
      .join(', ');
    const whyZh = states
      .map((s) => `${s.channel} ${s.status === 'missing' ? '未查询' : '不可用'}`)
      .join('，');
    add({
      code: 'source.unavailable',
      severity: 'missing',
      message: {
        zh: `无法核查${FEEDS[req.for].zh}：${whyZh}`,
        en: `Cannot check ${FEEDS[req.for].en}: ${why}`,
      },
      citations: packCitation,
      record: null,
      source: null,
    });
  }

  for (const r of report.dishonestListings) {
    const record = { id: r.id, category: r.category };
    if (dishonestInForce(r, asOf)) {
      add({
        code: 'list.dishonest_judgment_debtor.active',
        severity: pack.dishonest,
        message: {
          zh: `列入失信被执行人名单（${r.court} ${r.caseNo}，${r.listedAt} 起）`,
          en: `On the dishonest judgment debtor list (${r.court} ${r.caseNo}, since ${r.listedAt})`,
        },
        citations: [...packCitation, cite('spc-dishonest-list', '第一条、第二条', 'secondary')],
        record,
        source: r.source,
      });
    } else if (r.listedAt <= asOf) {
      const end =
        r.removedAt !== null && r.removedAt <= asOf ? `于 ${r.removedAt} 移出` : `于 ${r.expiresAt} 届满`;
      add({
        code: 'list.dishonest_judgment_debtor.ended',
        severity: 'info',
        message: {
          zh: `曾列入失信被执行人名单（${r.caseNo}），已${end}`,
          en: `Formerly on the dishonest judgment debtor list (${r.caseNo}); ended ${r.removedAt ?? r.expiresAt}`,
        },
        citations: [cite('spc-dishonest-list', '第十条')],
        record,
        source: r.source,
      });
    }
  }

  for (const c of report.courtEnforcements) {
    const severity =
      c.status === 'executing' ? pack.courtEnforcement.executing : pack.courtEnforcement.closed;
    if (severity === null) continue;
    add({
      code: `court_enforcement.${c.status}`,
      severity,
      message:
        c.status === 'executing'
          ? {
              zh: `有正在执行中的法院强制执行记录（${c.court} ${c.caseNo}，${c.filedAt} 立案）`,
              en: `Court enforcement still executing (${c.court} ${c.caseNo}, filed ${c.filedAt})`,
            }
          : {
              zh: `有已结案的法院强制执行记录（${c.court} ${c.caseNo}，${c.filedAt} 立案）`,
              en: `Closed court enforcement case (${c.court} ${c.caseNo}, filed ${c.filedAt})`,
            },
      citations: packCitation,
      record: { id: c.id, category: c.category },
      source: c.source,
    });
  }

  const asOfMonth = monthOf(asOf);
  const last = monthIndex(asOfMonth);
  const honoured = new Set<string>(pack.exemptions);
  const classified = report.creditAccounts.map((a) => classify(a, honoured, last));

  for (const { account: a, exempted, notHonoured } of classified) {
    const label = accountLabel(a);
    const base = { record: { id: a.id, category: 'credit_accounts' as const }, source: a.source };
    if (exempted.length > 0) {
      const months = exempted.map((e) => e.month);
      const reasons = [...new Set(exempted.map((e) => e.reason))].join(', ');
      add({
        ...base,
        code: 'exemption.applied',
        severity: 'info',
        message: {
          zh: `${label.zh}：${months.join('、')} 的逾期按豁免处理（${reasons}），不计入逾期期数`,
          en: `${label.en}: overdue ${months.join(', ')} excused (${reasons}) and not counted`,
        },
        citations: packCitation,
        months,
      });
    }
    if (notHonoured.length > 0) {
      add({
        ...base,
        code: 'exemption.not_honoured',
        severity: 'info',
        message: {
          zh: `${label.zh}：${notHonoured.join('、')} 附有豁免理由，但本规则包不予豁免，计入逾期期数`,
          en: `${label.en}: ${notHonoured.join(', ')} carry an exemption this pack does not honour; counted as overdue`,
        },
        citations: packCitation,
        months: notHonoured,
      });
    }

    const current = a.currentOverduePeriods > 0 || a.currentOverdueAmountYuan > 0;
    const latest = a.repayment.filter((e) => monthIndex(e.month) <= last).at(-1);
    const latestExempt = latest !== undefined && exempted.some((e) => e.month === latest.month);
    if (current && !latestExempt) {
      add({
        ...base,
        code: 'current_overdue',
        severity: pack.currentOverdue,
        message: {
          zh: `${label.zh} 当前逾期 ${a.currentOverduePeriods} 期，金额 ${formatYuan(a.currentOverdueAmountYuan).zh}`,
          en: `${label.en} is currently ${a.currentOverduePeriods} period(s) overdue, ${formatYuan(a.currentOverdueAmountYuan).en}`,
        },
        citations: packCitation,
      });
    }

    if (a.fiveCategory !== null && a.fiveCategory !== 'normal') {
      const barred = pack.fiveCategoryBars.includes(a.fiveCategory);
      const zh = { special_mention: '关注', substandard: '次级', doubtful: '可疑', loss: '损失' }[
        a.fiveCategory
      ];
      add({
        ...base,
        code: 'loan.five_category',
        severity: barred ? 'bar' : a.fiveCategory === 'special_mention' ? 'info' : 'review',
        message: {
          zh: `${label.zh} 五级分类为“${zh}”`,
          en: `${label.en} is classified ${a.fiveCategory.replace('_', ' ')}`,
        },
        citations: packCitation,
      });
    }

    if (a.cardStatus === 'frozen' || a.cardStatus === 'stopped' || a.cardStatus === 'bad_debt') {
      const zh = { frozen: '冻结', stopped: '止付', bad_debt: '呆账' }[a.cardStatus];
      add({
        ...base,
        code: 'card.status',
        severity: pack.cardStatusBars.includes(a.cardStatus) ? 'bar' : 'review',
        message: {
          zh: `${label.zh} 状态为“${zh}”`,
          en: `${label.en} status is ${a.cardStatus.replace('_', ' ')}`,
        },
        citations: packCitation,
      });
    }

    for (const status of ['B', 'D'] as const) {
      const months = a.repayment
        .filter((e) => e.status === status && monthIndex(e.month) <= last)
        .map((e) => e.month);
      if (months.length === 0) continue;
      const what =
        status === 'B' ? { zh: '呆账', en: 'bad debt' } : { zh: '担保人代还', en: 'repaid by a guarantor' };
      add({
        ...base,
        code: status === 'B' ? 'repayment.bad_debt' : 'repayment.guarantor_repaid',
        severity: pack.repaymentStatusBars.includes(status) ? 'bar' : 'review',
        message: {
          zh: `${label.zh} 还款记录 ${months.join('、')} 为“${what.zh}”（${status}）`,
          en: `${label.en} repayment record shows ${what.en} (${status}) in ${months.join(', ')}`,
        },
        citations: packCitation,
        months,
      });
    }
  }

  const rules: [string, OverdueRule][] = [
    ...pack.loanRules.map((r): [string, OverdueRule] => ['loan', r]),
    ...pack.cardRules.map((r): [string, OverdueRule] => ['card', r]),
    ...(pack.longWindow ? [['long_window', pack.longWindow] as [string, OverdueRule]] : []),
  ];
  for (const [family, rule] of rules) {
    // Windows end with the last settled month, the one before asOf.
    const end = last - 1;
    const first = rule.windowMonths === null ? null : end - (rule.windowMonths - 1);
    const inWindow = (m: string) => (first === null || monthIndex(m) >= first) && monthIndex(m) <= end;
    const span =
      rule.windowMonths === null
        ? { zh: '报告期内', en: 'in the reported history' }
        : { zh: `近${rule.windowMonths}个月`, en: `in the last ${rule.windowMonths} months` };
    const covered = classified.filter((c) => rule.accountTypes.includes(c.account.type));
    const groups =
      rule.scope === 'per_account'
        ? covered.map((c) => ({ accounts: [c.account], months: c.counted.filter(inWindow) }))
        : [
            {
              accounts: covered.map((c) => c.account),
              months: [...new Set(covered.flatMap((c) => c.counted.filter(inWindow)))].sort(),
            },
          ];
    for (const g of groups) {
      const a = g.accounts[0];
      if (a === undefined || g.months.length === 0) continue;
      const label =
        g.accounts.length === 1
          ? accountLabel(a)
          : { zh: '所有相关账户合计', en: 'all covered accounts together' };
      const base = {
        record: g.accounts.length === 1 ? { id: a.id, category: 'credit_accounts' as const } : null,
        source: a.source,
        citations: packCitation,
      };
      const run = longestRun(g.months);
      if (rule.consecutiveThreshold !== null && run.length >= rule.consecutiveThreshold) {
        add({
          ...base,
          code: `${family}.consecutive_overdue`,
          severity: 'bar',
          message: {
            zh: `${monthRange(run)} 连续 ${run.length} 期逾期（${label.zh}，${span.zh}；标准：连续 ${rule.consecutiveThreshold} 期）`,
            en: `${run.length} consecutive overdue periods ${monthRange(run)} (${label.en}, ${span.en}; limit ${rule.consecutiveThreshold})`,
          },
          months: run,
        });
      }
      if (rule.cumulativeThreshold !== null && g.months.length >= rule.cumulativeThreshold) {
        add({
          ...base,
          code: `${family}.cumulative_overdue`,
          severity: 'bar',
          message: {
            zh: `${span.zh}累计 ${g.months.length} 期逾期：${g.months.join('、')}（${label.zh}；标准：累计 ${rule.cumulativeThreshold} 期）`,
            en: `${g.months.length} overdue periods ${span.en}: ${g.months.join(', ')} (${label.en}; limit ${rule.cumulativeThreshold})`,
          },
          months: g.months,
        });
      }
    }
  }

  if (depositRule !== null) {
    const hf = report.housingFund;
    const base = { citations: [depositRule.citation], record: null };
    if (hf === null) {
      // Without a readable source the source finding already says why; with one, there is no account.
      if (readable.has('deposits')) {
        add({
          ...base,
          code: 'deposit.no_account',
          severity: 'bar',
          message: { zh: '无住房公积金缴存账户', en: 'No housing-fund deposit account' },
          source: null,
        });
      }
    } else {
      if (depositRule.requireNormalStatus && hf.status !== 'normal') {
        add({
          ...base,
          code: 'deposit.account_not_normal',
          severity: 'bar',
          message: {
            zh: `公积金账户状态为 ${hf.status === 'sealed' ? '封存' : '销户'}，不在正常缴存`,
            en: `Housing-fund account is ${hf.status}, not depositing`,
          },
          source: hf.source,
        });
      }
      const streak = depositStreak(hf, asOfMonth);
      const min = depositRule.minConsecutiveMonths;
      const ok = streak.length >= min;
      add({
        ...base,
        code: ok ? 'deposit.ok' : 'deposit.insufficient',
        severity: ok ? 'info' : 'bar',
        message: ok
          ? {
              zh: `连续足额缴存 ${streak.length} 个月（${monthRange(streak)}），满足不少于 ${min} 个月`,
              en: `${streak.length} consecutive full deposit months (${monthRange(streak)}), at least ${min} required`,
            }
          : {
              zh: `连续足额缴存仅 ${streak.length} 个月${streak.length > 0 ? `（${monthRange(streak)}）` : ''}，不足 ${min} 个月`,
              en: `Only ${streak.length} consecutive full deposit months${streak.length > 0 ? ` (${monthRange(streak)})` : ''}; ${min} required`,
            },
        source: hf.source,
        months: streak,
      });
    }
  }

  return done();
}

/** Full deposit months in a row ending with the month before `asOfMonth`, plus a paid asOf month. */
function depositStreak(hf: HousingFundAccount, asOfMonth: string): string[] {
  const paid = new Set(hf.deposits.filter((d) => d.paid).map((d) => d.month));
  const streak: string[] = [];
  for (let m = addMonths(asOfMonth, -1); paid.has(m); m = addMonths(m, -1)) streak.unshift(m);
  if (streak.length > 0 && paid.has(asOfMonth)) streak.push(asOfMonth);
  return streak;
}

function accountLabel(a: CreditAccount): { zh: string; en: string } {
  return {
    zh: `${a.institution}${TYPE_ZH[a.type]}（${a.id}）`,
    en: `${a.institution} ${TYPE_EN[a.type]} (${a.id})`,
  };
}

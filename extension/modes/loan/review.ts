/**
 * The review of one borrower and of the household, from the personal reports the background
 * ordered. The personal credit report, the housing-fund deposit history and the court
 * enforcement check are separate products (the API returns each product's categories only),
 * so a lookup orders all three and merges them into one report before evaluating. A channel
 * counts as read only when the product that feeds it was actually ordered: a product that
 * failed leaves its channel missing, and the rule pack then says `incomplete`, never a pass.
 */
import type { IndividualReportContent } from '@xinjian/sdk';
import type { BorrowerRole, Finding, HousingFundRulePack } from '@xinjian/sdk/rules';
import {
  addMonths,
  type BorrowerResult,
  DEFAULT_RULE_PACK_ID,
  dishonestInForce,
  evaluateHousingFundLoan,
  getRulePack,
  type HousingFundResult,
  monthOf,
} from '@xinjian/sdk/rules';
import { mergePersonalReports as mergeReports, type PersonalProduct } from '../../core/personal/reports.ts';
import type { LoanFacts, LoanRulePackRef } from './model.ts';

/**
 * The personal products a lookup orders, and the channels each one feeds.
 */
export const PERSONAL_PRODUCTS: readonly PersonalProduct[] = [
  { id: 'personal_credit_report', channels: ['pbccrc'] },
  { id: 'housing_fund_deposit_history', channels: ['housing_fund_center'] },
  { id: 'personal_court_enforcement', channels: ['zxgk', 'creditchina'] },
];

/**
 * Merges the reports of one person's three products (core/personal/reports.ts).
 *
 * @throws RangeError when `parts` is empty.
 */
export function mergePersonalReports(
  parts: ReadonlyArray<{ productId: string; content: IndividualReportContent }>,
): IndividualReportContent {
  return mergeReports(parts, PERSONAL_PRODUCTS);
}

/**
 * The built-in pack of an id; the generic template when the id is unknown (a pack removed in
 * a later version must not stop the review).
 */
export function loanRulePack(id: string): HousingFundRulePack {
  return getRulePack(id) ?? (getRulePack(DEFAULT_RULE_PACK_ID) as HousingFundRulePack);
}

/**
 * What a verdict records of its pack.
 */
export function rulePackRef(pack: HousingFundRulePack): LoanRulePackRef {
  const { id, version, city, title, source, confidence, effectiveFrom, effectiveTo } = pack;
  return { id, version, city, title, source, confidence, effectiveFrom, effectiveTo };
}

/**
 * One borrower's review on their own report, under the rules the pack sets for their role
 * (a co-borrower gets the deposit rule only where the pack applies it to co-borrowers). The
 * same findings as in the household review, so a badge can show its verdict before every
 * other borrower of the page has been looked up.
 */
export function evaluateBorrower(
  report: IndividualReportContent,
  role: BorrowerRole,
  key: string,
  pack: HousingFundRulePack,
  asOf: string,
): BorrowerResult {
  if (!pack.covers.includes(role)) {
    return {
      key,
      role,
      subject: report.subject,
      verdict: 'eligible',
      findings: [
        {
          code: 'borrower.not_covered',
          severity: 'info',
          message: {
            zh: `规则包 ${pack.id} 不审查该角色的信用`,
            en: `Rule pack ${pack.id} does not review this role's credit`,
          },
          citations: [pack.source.citation],
          record: null,
          source: null,
          subjectId: key,
        },
      ],
    };
  }
  // The SDK reviews the first report as the applicant: hand it the pack as it applies to this role.
  const asApplicant: HousingFundRulePack =
    role === 'applicant'
      ? pack
      : {
          ...pack,
          covers: ['applicant'],
          deposit:
            pack.deposit?.appliesTo.includes(role) === true
              ? { ...pack.deposit, appliesTo: ['applicant'] }
              : null,
        };
  const result = evaluateHousingFundLoan(report, { rulePack: asApplicant, asOf });
  const own = result.borrowers[0] as BorrowerResult;
  return {
    key,
    role,
    subject: own.subject,
    verdict: own.verdict,
    findings: own.findings.map((f): Finding => ({ ...f, subjectId: key })),
  };
}

/**
 * The household review: the applicant (or, with none, the first borrower) with every other
 * borrower as spouse or co-borrower. `keys[i]` is the borrower key of `result.borrowers[i]`.
 *
 * @throws RangeError when `borrowers` is empty.
 */
export function evaluateHousehold(
  borrowers: ReadonlyArray<{ key: string; role: BorrowerRole; report: IndividualReportContent }>,
  pack: HousingFundRulePack,
  asOf: string,
): { result: HousingFundResult; keys: string[] } {
  const primary = borrowers.find((b) => b.role === 'applicant') ?? borrowers[0];
  if (!primary) throw new RangeError('no borrower to review');
  const others = borrowers.filter((b) => b !== primary);
  const result = evaluateHousingFundLoan(primary.report, {
    rulePack: pack,
    asOf,
    coBorrowers: others.map((b) => ({
      role: b.role === 'spouse' ? 'spouse' : 'co_borrower',
      report: b.report,
    })),
  });
  return { result, keys: [primary.key, ...others.map((b) => b.key)] };
}

const FIVE_ORDER = ['normal', 'special_mention', 'substandard', 'doubtful', 'loss'] as const;

/**
 * The key facts a card shows: current overdue, worst 五级分类, card statuses, 失信 listings in
 * force and the deposit streak (full months in a row ending the month before `asOf`, as the
 * rule packs count it).
 */
export function loanFacts(report: IndividualReportContent, asOf: string): LoanFacts {
  let worst: LoanFacts['fiveCategory'] = null;
  for (const a of report.creditAccounts) {
    if (a.fiveCategory === null) continue;
    if (worst === null || FIVE_ORDER.indexOf(a.fiveCategory) > FIVE_ORDER.indexOf(worst))
      worst = a.fiveCategory;
  }
  const cardStatuses: LoanFacts['cardStatuses'] = [];
  for (const a of report.creditAccounts) {
    if (a.cardStatus !== null && !cardStatuses.includes(a.cardStatus)) cardStatuses.push(a.cardStatus);
  }
  let deposit: LoanFacts['deposit'] = null;
  const hf = report.housingFund;
  if (hf !== null) {
    const paid = new Set(hf.deposits.filter((d) => d.paid).map((d) => d.month));
    const asOfMonth = monthOf(asOf);
    const streak: string[] = [];
    for (let m = addMonths(asOfMonth, -1); paid.has(m); m = addMonths(m, -1)) streak.unshift(m);
    if (streak.length > 0 && paid.has(asOfMonth)) streak.push(asOfMonth);
    deposit = {
      months: streak.length,
      from: streak[0] ?? null,
      to: streak.at(-1) ?? null,
      status: hf.status,
    };
  }
  return {
    currentOverduePeriods: report.creditAccounts.reduce((n, a) => n + a.currentOverduePeriods, 0),
    currentOverdueAmountYuan: report.creditAccounts.reduce((n, a) => n + a.currentOverdueAmountYuan, 0),
    fiveCategory: worst,
    cardStatuses,
    dishonestInForce: report.dishonestListings.filter((r) => dishonestInForce(r, asOf)).length,
    deposit,
  };
}

/**
 * The rule sets by mode: the one list the CLI's `--mode` and the extension's modes read, so a
 * mode's name, purpose and rule set are written once.
 */
import { z } from 'zod';
import type { DomainId, LocalizedText } from '../core/schemas.ts';
import type { IndividualReportContent } from '../resources/reports.ts';
import {
  CREDIT_LENDING_RULE_SET,
  type CreditLendingConfig,
  type CreditLendingOptions,
  type CreditLendingResult,
  evaluateCreditLending,
  evaluateLegalRepresentative,
} from './credit-lending.ts';
import type { RuleSetRef, ScreeningResult } from './findings.ts';
import { evaluateHousingFundLoan, type HousingFundOptions, type HousingFundResult } from './housing-fund.ts';
import { evaluateProcurement, PROCUREMENT_RULE_SET, type ProcurementOptions } from './procurement.ts';
import type { ScreeningSubject } from './screening.ts';
import { evaluateTendering, TENDERING_RULE_SET, type TenderingOptions } from './tendering.ts';

/**
 * The modes, each with one rule set.
 *
 * @example
 * ```ts
 * RuleSetId.options; // ['procurement', 'tendering', 'credit', 'loan']
 * ```
 */
export const RuleSetId = z.enum(['procurement', 'tendering', 'credit', 'loan']).meta({ id: 'RuleSetId' });
export type RuleSetId = z.infer<typeof RuleSetId>;

interface Common {
  id: RuleSetId;
  /** The 应用目录 domain, and the purpose recorded with personal lookups. */
  domain: DomainId;
  label: LocalizedText;
}

/**
 * A rule set that screens enterprises (one bid, or one borrower with its guarantors).
 *
 * @example
 * ```ts
 * const set: EnterpriseRuleSet<CreditLendingOptions, CreditLendingResult> = RULE_SETS.credit;
 * set.parties; // 'guarantors'
 * ```
 */
export interface EnterpriseRuleSet<O, R extends ScreeningResult = ScreeningResult> extends Common {
  kind: 'enterprise';
  ruleSet: RuleSetRef;
  /** What the other parties are called in the options: consortium members, or guarantors. */
  parties: 'consortium' | 'guarantors';
  /**
   * The people the rule set weighs once looked up with consent, by role, with the option that
   * takes each one's report (credit lending: the legal representative).
   */
  people?: Readonly<Record<string, string>>;
  /** A person's own result under the rule set, for a role in `people`; `null` for another role. */
  evaluatePerson?: (
    role: string,
    report: IndividualReportContent,
    options: { asOf: string; cutoff: string; config?: unknown },
  ) => ScreeningResult | null;
  evaluate: (input: ScreeningSubject, options: O) => R;
}

/**
 * A rule set that screens a household of individuals (housing-fund loans).
 *
 * @example
 * ```ts
 * const set: HouseholdRuleSet = RULE_SETS.loan;
 * set.evaluate(report, { rulePack: 'wuhan', asOf: '2026-11-01' }).verdict;
 * ```
 */
export interface HouseholdRuleSet extends Common {
  kind: 'household';
  ruleSet: RuleSetRef;
  evaluate: typeof evaluateHousingFundLoan;
}

/**
 * Every mode's rule set, by id.
 *
 * @example
 * ```ts
 * const set = RULE_SETS[mode];
 * if (set.kind === 'enterprise') console.log(set.evaluate(summary, { asOf, cutoff }).verdict);
 * ```
 */
export const RULE_SETS: {
  procurement: EnterpriseRuleSet<ProcurementOptions>;
  tendering: EnterpriseRuleSet<TenderingOptions>;
  credit: EnterpriseRuleSet<CreditLendingOptions, CreditLendingResult>;
  loan: HouseholdRuleSet;
} = {
  procurement: {
    id: 'procurement',
    kind: 'enterprise',
    domain: 'government_procurement',
    label: { zh: '政府采购', en: 'government procurement' },
    ruleSet: PROCUREMENT_RULE_SET,
    parties: 'consortium',
    evaluate: evaluateProcurement,
  },
  tendering: {
    id: 'tendering',
    kind: 'enterprise',
    domain: 'tendering',
    label: { zh: '招标投标', en: 'tendering' },
    ruleSet: TENDERING_RULE_SET,
    parties: 'consortium',
    evaluate: evaluateTendering,
  },
  credit: {
    id: 'credit',
    kind: 'enterprise',
    domain: 'credit_lending',
    label: { zh: '信贷', en: 'credit lending' },
    ruleSet: CREDIT_LENDING_RULE_SET,
    parties: 'guarantors',
    people: { legal_representative: 'legalRepresentative' },
    evaluatePerson: (role, report, o) =>
      role === 'legal_representative'
        ? evaluateLegalRepresentative(report, {
            asOf: o.asOf,
            cutoff: o.cutoff,
            ...(o.config ? { config: o.config as CreditLendingConfig } : {}),
          })
        : null,
    evaluate: evaluateCreditLending,
  },
  loan: {
    id: 'loan',
    kind: 'household',
    domain: 'housing_fund_loan',
    label: { zh: '住房公积金贷款', en: 'housing-fund loans' },
    ruleSet: {
      id: 'cn-housing-fund-loan',
      version: 'per-city',
      title: {
        zh: '住房公积金贷款个人信用审核（分城市规则包）',
        en: 'Housing-fund loan credit review (per-city packs)',
      },
    },
    evaluate: evaluateHousingFundLoan,
  },
};

/**
 * The ids of the rule sets that screen enterprises.
 *
 * @example
 * ```ts
 * ENTERPRISE_RULE_SETS; // ['procurement', 'tendering', 'credit']
 * ```
 */
export const ENTERPRISE_RULE_SETS = RuleSetId.options.filter(
  (id): id is EnterpriseRuleSetId => RULE_SETS[id].kind === 'enterprise',
);

/**
 * The id of a rule set that screens enterprises: the modes `xinjian check --mode` takes.
 *
 * @example
 * ```ts
 * const mode: EnterpriseRuleSetId = 'credit';
 * ```
 */
export type EnterpriseRuleSetId = {
  [K in RuleSetId]: (typeof RULE_SETS)[K]['kind'] extends 'enterprise' ? K : never;
}[RuleSetId];

/**
 * What {@link evaluateEnterprise} passes on to a mode's rule set.
 *
 * @example
 * ```ts
 * const o: EnterpriseEvaluation = { asOf: '2026-11-01', cutoff: '2026-11-20', others: [partner] };
 * ```
 */
export interface EnterpriseEvaluation {
  asOf: string;
  cutoff: string;
  /** The other parties: consortium members, or guarantors in credit lending. */
  others?: readonly ScreeningSubject[];
  projectKind?: 'goods' | 'services' | 'works';
  /** The mode's own configuration (ProcurementConfig, TenderingConfig or CreditLendingConfig). */
  config?: unknown;
  /**
   * People looked up with consent, by role (masked reports); a role the mode does not weigh
   * (see `people` of its rule set) is ignored.
   */
  people?: ReadonlyArray<{ role: string; report: IndividualReportContent }>;
}

/**
 * Runs a mode's rule set over a lead subject and its other parties, passing them as that mode
 * names them (consortium members, or guarantors), so a caller that offers every mode does not
 * branch on the mode.
 *
 * @throws RangeError for a bad date; a ZodError for a config the mode rejects.
 * @example
 * ```ts
 * const result = evaluateEnterprise('credit', borrower, { asOf: '2026-11-01', cutoff: '2026-11-20', others: [g1, g2] });
 * result.verdict; // the combined verdict of the borrower and its guarantors
 * ```
 */
export function evaluateEnterprise(
  mode: EnterpriseRuleSetId,
  lead: ScreeningSubject,
  options: EnterpriseEvaluation,
): ScreeningResult {
  const set = RULE_SETS[mode];
  const others = options.others ?? [];
  const common = {
    asOf: options.asOf,
    cutoff: options.cutoff,
    ...(options.projectKind ? { projectKind: options.projectKind } : {}),
    ...(options.config !== undefined && options.config !== null ? { config: options.config as never } : {}),
  };
  const people: Record<string, IndividualReportContent> = {};
  for (const p of options.people ?? []) {
    const option = set.people?.[p.role];
    if (option && !(option in people)) people[option] = p.report;
  }
  const withOthers = { ...common, ...(others.length === 0 ? {} : { [set.parties]: others }), ...people };
  return (set.evaluate as (input: ScreeningSubject, o: typeof withOthers) => ScreeningResult)(
    lead,
    withOthers,
  );
}

export type { CreditLendingOptions, CreditLendingResult, HousingFundOptions, HousingFundResult };

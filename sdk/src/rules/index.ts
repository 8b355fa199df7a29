/**
 * Rule packs: pure, deterministic checks of credit data against the policy that uses it.
 * 政府采购 (财库〔2016〕125号), 招标投标 (法〔2016〕285号) and 住房公积金贷款 (per-city, versioned
 * packs). Every finding carries a stable code, a zh/en message, its citations and the record it
 * rests on; a source that could not be read yields `incomplete`, never a silent pass.
 *
 * @example
 * ```ts
 * import { evaluateHousingFundLoan, evaluateProcurement } from '@xinjian/sdk/rules';
 *
 * const bid = evaluateProcurement(summary, { asOf: '2026-11-01', cutoff: '2026-11-20' });
 * const loan = evaluateHousingFundLoan(report, { rulePack: 'wuhan', asOf: '2026-11-01' });
 * const credit = evaluateCreditLending(borrower, { asOf: '2026-11-01', cutoff: '2026-11-20', guarantors: [g1, g2] });
 * console.log(bid.verdict, loan.verdict, credit.verdict, credit.parties.map((p) => p.verdict));
 * ```
 */
export {
  gradeMeaning,
  SCALE_EXPLANATIONS,
  SCALE_LABELS,
} from '../labels.ts';
export { CategoryRule, CategoryRuleId, CategoryRuleSet, ProjectKind, Weight } from './categories.ts';
export type { PolicyDocumentId } from './citations.ts';
export { Citation, cite, PolicyDocument, policyDocuments } from './citations.ts';
export type { CreditLendingOptions } from './credit-lending.ts';
export {
  CREDIT_LENDING_RULE_SET,
  CreditLendingConfig,
  CreditLendingResult,
  CreditParty,
  DEFAULT_CREDIT_CHANNELS,
  evaluateCreditLending,
  evaluateLegalRepresentative,
  representativeId,
} from './credit-lending.ts';
export { addMonths, isIsoDate, monthOf } from './dates.ts';
export type { ScreeningVerdict } from './findings.ts';
export { CheckedList, Finding, RuleSetRef, ScreeningResult, Severity } from './findings.ts';
export type { HousingFundOptions } from './housing-fund.ts';
export {
  BorrowerResult,
  evaluateHousingFundLoan,
  HouseholdIncome,
  HousingFundResult,
  HousingFundVerdict,
} from './housing-fund.ts';
export {
  CREDIT_CATEGORY_RULES,
  PROCUREMENT_CATEGORY_RULES,
  TENDERING_CATEGORY_RULES,
} from './packs/categories.ts';
export {
  CREDIT_LENDING_RULES,
  CreditLendingRules,
  CreditRule,
  LEGAL_REPRESENTATIVE_RULES,
  LegalRepresentativeRules,
  RatingRule,
} from './packs/credit-lending.ts';
export {
  changchun2022,
  DEFAULT_RULE_PACK_ID,
  genericLian3lei6,
  getRulePack,
  hangzhou,
  hohhot2017,
  housingFundRulePacks,
  wuhan,
} from './packs/index.ts';
export {
  AccountType,
  BorrowerRole,
  DEFAULT_REQUIRED_SOURCES,
  HousingFundRulePack,
  LOAN_TYPES,
  OverdueRule,
} from './packs/schema.ts';
export type { ProcurementOptions } from './procurement.ts';
export {
  DEFAULT_FINE_THRESHOLDS,
  DEFAULT_PROCUREMENT_CHANNELS,
  evaluateProcurement,
  FineThreshold,
  PROCUREMENT_RULE_SET,
  ProcurementConfig,
  SectorThreshold,
} from './procurement.ts';
export type {
  EnterpriseEvaluation,
  EnterpriseRuleSet,
  EnterpriseRuleSetId,
  HouseholdRuleSet,
} from './registry.ts';
export { ENTERPRISE_RULE_SETS, evaluateEnterprise, RULE_SETS, RuleSetId } from './registry.ts';
export type { ScreeningSubject } from './screening.ts';
export { dishonestInForce, listingInForce, listingLastDay, listingPeriodEnd } from './screening.ts';
export type { TenderingOptions } from './tendering.ts';
export {
  DEFAULT_TENDERING_CHANNELS,
  evaluateTendering,
  TENDERING_RULE_SET,
  TenderingConfig,
} from './tendering.ts';

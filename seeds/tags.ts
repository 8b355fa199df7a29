/**
 * The tags the seed data promises, one place for the generator's tests and for people looking
 * up which edge cases exist.
 */

/**
 * Every edge-case tag, each on exactly one subject (household tags: on two people).
 *
 * @example
 * ```ts
 * for (const tag of EDGE_TAGS.enterprises) enterpriseByTag(tag);
 * ```
 */
export const EDGE_TAGS = {
  enterprises: [
    'edge:clean',
    'edge:fine-2000000',
    'edge:fine-1990000',
    'edge:penalty-3y-minus-1d',
    'edge:penalty-3y-plus-1d',
    'edge:dishonest-active',
    'edge:dishonest-expired',
    'edge:dishonest-removed',
    'edge:major-tax',
    'edge:gp-ban-active',
    'edge:gp-ban-ended',
    'edge:source-unavailable',
    'edge:tax-A',
    'edge:tax-B',
    'edge:tax-M',
    'edge:tax-C',
    'edge:tax-D',
    'edge:pboc-AAA',
    'edge:pboc-AA+',
    'edge:pboc-BBB-',
    'edge:pboc-C',
    'edge:abnormal-operation',
    'magic:503-twice',
    'magic:500',
    'magic:malformed-json',
    'magic:drop-connection',
    'magic:schema-violation',
    'magic:slow',
    'magic:429',
    'edge:land-idle',
    'edge:land-illegal-use',
    'edge:food-blacklist',
    'edge:construction-blacklist',
    'edge:construction-blacklist-summary',
    'edge:construction-award',
    'edge:contract-breached',
    'edge:quality-failed',
    'edge:quality-major-issue',
    'edge:env-black-list',
    'edge:env-bad-rating',
    'edge:env-red-list',
    'edge:work-safety-dishonest',
    'edge:dishonest-expires-at-cutoff',
    'edge:dishonest-removed-on-as-of',
    'edge:sme-A-',
    'edge:sme-BB',
    'edge:rating-unfiled',
    'edge:rating-expired',
    'magic:report-failed',
  ],
  individuals: [
    'edge:hf-clean',
    'edge:hf-3-consecutive',
    'edge:hf-2-consecutive',
    'edge:hf-6-cumulative-inside',
    'edge:hf-6-cumulative-outside',
    'edge:hf-deposits-6',
    'edge:hf-deposits-5',
    'edge:hf-dishonest',
    'edge:hf-court-executing',
    'edge:hf-five-category-substandard',
    'edge:hf-card-frozen',
    'edge:hf-12-cumulative-60m',
    'edge:hf-card-annual-fee',
  ],
  households: ['household:hh-1', 'household:hh-2'],
  consortia: ['consortium:cons-a', 'consortium:cons-b'],
  /** 授信审批 cases: a borrower, guarantors and the borrower's legal representative (a person). */
  creditCases: ['credit-case:cc-1'],
} as const;

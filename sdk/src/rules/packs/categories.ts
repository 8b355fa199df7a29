/**
 * What each record category weighs in each pack, as versioned data. Where the basis is only
 * recalled or reported ([S]/[U] in the domain notes), the weight stays `review` so a person
 * decides, and a caller can change it with `config.severities`. See decision 0025.
 */

import type { CategoryRuleSet } from '../categories.ts';
import { cite } from '../citations.ts';

const GP22_2 = cite('gp-law', '第二十二条第一款第（二）项');
const JS241_BLACK = cite('jianshi-2017-241', '第十四条、第十七条（建筑市场主体“黑名单”）', 'unconfirmed');
const CIVIL_BREACH = cite('civil-code', '第五百七十七条');
const PQ_SPOT = cite('product-quality-law', '第十五条');
const IDLE = cite('mlr-order-53', '第二条（闲置土地的认定）', 'unconfirmed');
const ILLEGAL_LAND = cite('land-administration-law', '第七十七条', 'unconfirmed');
const ENV = cite('huanfa-2013-150', '环境信用等级与黑名单条款（条号待核）', 'unconfirmed');
const SAFETY = cite('mem-order-11', '列入严重失信主体名单的情形（条号待核）', 'unconfirmed');
const FOOD_LIST = cite('samr-order-44', '列入严重违法失信名单的情形（条号待核）', 'unconfirmed');
const FOOD_LAW = cite('food-safety-law', '第一百一十三条', 'unconfirmed');

/**
 * 政府采购: every category is a question of 商业信誉 under 政府采购法 第二十二条, so `review`;
 * the 建筑市场 blacklist is weighed only when the project is 工程.
 *
 * @example
 * ```ts
 * PROCUREMENT_CATEGORY_RULES.rules['construction.blacklist']?.projectKinds; // ['works']
 * ```
 */
export const PROCUREMENT_CATEGORY_RULES: CategoryRuleSet = {
  id: 'cn-gp-categories',
  version: '2026.12',
  effectiveFrom: '2022-02-08',
  effectiveTo: null,
  rules: {
    'construction.blacklist': {
      severity: 'review',
      citations: [JS241_BLACK, GP22_2],
      projectKinds: ['works'],
    },
    'contract.breached': { severity: 'review', citations: [GP22_2, CIVIL_BREACH] },
    'product_quality.failed': { severity: 'review', citations: [GP22_2, PQ_SPOT] },
    'product_quality.major_issue': { severity: 'review', citations: [GP22_2, PQ_SPOT] },
    'land.idle': { severity: 'review', citations: [GP22_2, IDLE] },
    'land.illegal_use': { severity: 'review', citations: [GP22_2, ILLEGAL_LAND] },
    'environmental.black_list': { severity: 'review', citations: [GP22_2, ENV] },
    'environmental.bad_rating': { severity: 'review', citations: [GP22_2, ENV] },
    'work_safety.dishonest_list': { severity: 'review', citations: [GP22_2, SAFETY] },
    'food_safety.blacklist': { severity: 'review', citations: [GP22_2, FOOD_LIST, FOOD_LAW] },
  },
};

/**
 * 招标投标: 法〔2016〕285号 names only 失信被执行人; the rest is what a typical 招标文件 excludes,
 * so `review` by default and `bar` where the tender documents say so.
 *
 * @example
 * ```ts
 * TENDERING_CATEGORY_RULES.rules['construction.blacklist']?.severity; // 'review'
 * ```
 */
export const TENDERING_CATEGORY_RULES: CategoryRuleSet = {
  id: 'cn-tendering-categories',
  version: '2026.12',
  effectiveFrom: '2017-12-01',
  effectiveTo: null,
  rules: {
    'construction.blacklist': { severity: 'review', citations: [JS241_BLACK] },
    'contract.breached': { severity: 'review', citations: [CIVIL_BREACH] },
    'product_quality.failed': { severity: 'info', citations: [PQ_SPOT] },
    'product_quality.major_issue': { severity: 'review', citations: [PQ_SPOT] },
    'land.idle': { severity: 'review', citations: [IDLE] },
    'land.illegal_use': { severity: 'review', citations: [ILLEGAL_LAND] },
    'environmental.black_list': { severity: 'review', citations: [ENV] },
    'environmental.bad_rating': { severity: 'review', citations: [ENV] },
    'work_safety.dishonest_list': { severity: 'review', citations: [SAFETY] },
    'food_safety.blacklist': { severity: 'review', citations: [FOOD_LIST, FOOD_LAW] },
  },
};

/**
 * 信贷: the lender's own credit policy decides; every category is `review` for the officer.
 *
 * @example
 * ```ts
 * CREDIT_CATEGORY_RULES.rules['environmental.black_list']?.severity; // 'review'
 * ```
 */
export const CREDIT_CATEGORY_RULES: CategoryRuleSet = {
  id: 'cn-credit-categories',
  version: '2026.12',
  effectiveFrom: '2016-01-20',
  effectiveTo: null,
  rules: TENDERING_CATEGORY_RULES.rules,
};

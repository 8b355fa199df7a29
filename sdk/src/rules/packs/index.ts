import { changchun2022 } from './changchun-2022.ts';
import { genericLian3lei6 } from './generic-lian3lei6.ts';
import { hangzhou } from './hangzhou.ts';
import { hohhot2017 } from './hohhot-2017.ts';
import { type HousingFundRulePack, HousingFundRulePack as PackSchema } from './schema.ts';
import { wuhan } from './wuhan.ts';

/**
 * Every built-in housing-fund rule pack, validated on load. There is no 北京 pack: its rules
 * are unknown (domain.md §4).
 *
 * @example
 * ```ts
 * housingFundRulePacks.map((p) => p.id);
 * // ['generic-lian3lei6', 'changchun-2022', 'hangzhou', 'wuhan', 'hohhot-2017']
 * ```
 */
export const housingFundRulePacks: readonly HousingFundRulePack[] = Object.freeze(
  [genericLian3lei6, changchun2022, hangzhou, wuhan, hohhot2017].map((p) => PackSchema.parse(p)),
);

/**
 * The generic template's id, for callers with no city pack.
 *
 * @example
 * ```ts
 * evaluateHousingFundLoan(report, { rulePack: getRulePack(cityPackId) ? cityPackId : DEFAULT_RULE_PACK_ID, asOf });
 * ```
 */
export const DEFAULT_RULE_PACK_ID = 'generic-lian3lei6';

/**
 * A built-in pack by id, or undefined.
 *
 * @example
 * ```ts
 * getRulePack('wuhan')?.longWindow; // { windowMonths: 60, cumulativeThreshold: 12, ... }
 * getRulePack('beijing'); // undefined
 * ```
 */
export function getRulePack(id: string): HousingFundRulePack | undefined {
  return housingFundRulePacks.find((p) => p.id === id);
}

export { changchun2022, genericLian3lei6, hangzhou, hohhot2017, wuhan };

/**
 * The order of each grade scale, best first, read from the scale's own enum in the schemas, so
 * a symbol added to a scale is ordered where the schema puts it. Grades are compared within
 * their scale only: an AAA issuer rating and a tax A are not on one line.
 */
import { Grade, type GradeScale } from './schemas.ts';

const ORDERS: ReadonlyMap<GradeScale, readonly string[]> = new Map(
  Grade.options.flatMap((option) => {
    const symbols = (option.shape.value as { options?: unknown }).options;
    return Array.isArray(symbols) ? [[option.shape.scale.value, symbols as string[]] as const] : [];
  }),
);

const SCALES: readonly GradeScale[] = Grade.options.map((option) => option.shape.scale.value);

/**
 * The symbols of `scale` from best to worst, or `null` for a scale whose symbols have no
 * confirmed order (public credit evaluation is carried as text).
 *
 * @example
 * ```ts
 * gradeOrder('tax_credit'); // ['A', 'B', 'M', 'C', 'D']
 * gradeOrder('public_credit'); // null
 * ```
 */
export function gradeOrder(scale: GradeScale): readonly string[] | null {
  return ORDERS.get(scale) ?? null;
}

/**
 * Where `value` stands on `scale`: 0 for the best symbol, counting down the scale, or `null`
 * when the scale has no order or the symbol is not on it.
 *
 * @example
 * ```ts
 * gradeRank('pboc_long_term', 'AAA'); // 0
 * gradeRank('tax_credit', 'M'); // 2: below B, above C
 * ```
 */
export function gradeRank(scale: GradeScale, value: string): number | null {
  const index = ORDERS.get(scale)?.indexOf(value) ?? -1;
  return index < 0 ? null : index;
}

/**
 * Sorts grades by scale (in the schema's order of scales), then best first within a scale;
 * a symbol with no known place comes after the ordered ones of its scale, by its text.
 *
 * @example
 * ```ts
 * [{ scale: 'tax_credit', value: 'D' }, { scale: 'tax_credit', value: 'M' }].sort(compareGrades);
 * // M before D
 * ```
 */
export function compareGrades(a: Pick<Grade, 'scale' | 'value'>, b: Pick<Grade, 'scale' | 'value'>): number {
  if (a.scale !== b.scale) return SCALES.indexOf(a.scale) - SCALES.indexOf(b.scale);
  const ra = gradeRank(a.scale, a.value);
  const rb = gradeRank(b.scale, b.value);
  if (ra !== null && rb !== null) return ra - rb;
  if (ra !== null) return -1;
  if (rb !== null) return 1;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

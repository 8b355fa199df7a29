/**
 * The headline grade of a subject: one rule for its badge, its side-panel row and its evidence
 * record. Kept apart from the grade order, which reads the zod schemas at run time, so that a
 * content script can import it without the schema library.
 */
import type { Grade, GradeScale } from './schemas.ts';

/**
 * The scales a subject's headline grade is taken from, in order: the issuer ratings a lender
 * or buyer reads first (人行长期信用等级, then 中小企业信用评价), then the public ones. A subject
 * is headlined by the newest grade of the first scale it has.
 *
 * @example
 * ```ts
 * HEADLINE_SCALES[0]; // 'pboc_long_term'
 * ```
 */
export const HEADLINE_SCALES: readonly GradeScale[] = [
  'pboc_long_term',
  'sme_credit',
  'tax_credit',
  'highway_construction',
  'customs_282',
  'customs_251',
  'pboc_short_term',
  'public_credit',
];

/**
 * What {@link headlineGrade} reads of a rating summary (a `RatingSummary` is one).
 *
 * @example
 * ```ts
 * const source: HeadlineSource = { grades: [], taxCredit: [{ year: 2025, grade: 'A' }] };
 * ```
 */
export interface HeadlineSource {
  grades: readonly Pick<Grade, 'scale' | 'value' | 'ratedAt'>[];
  taxCredit: readonly { year: number; grade: string }[];
}

/**
 * The one grade that heads a subject (its badge, its side-panel row and its evidence record all
 * show this one), or `null` when it has none. The newest grade of the first of
 * {@link HEADLINE_SCALES} the subject has wins; the yearly tax history stands in for a tax
 * grade object.
 *
 * @example
 * ```ts
 * const a = await client.ratings.get('91330106MA2B3C4D5E');
 * if (a.status === 'found') headlineGrade(a.summary); // { scale: 'pboc_long_term', value: 'AA+' }
 * ```
 */
export function headlineGrade(summary: HeadlineSource): { scale: GradeScale; value: string } | null {
  for (const scale of HEADLINE_SCALES) {
    let newest: Pick<Grade, 'scale' | 'value' | 'ratedAt'> | undefined;
    for (const g of summary.grades)
      if (g.scale === scale && (!newest || g.ratedAt > newest.ratedAt)) newest = g;
    if (newest) return { scale, value: newest.value };
    if (scale === 'tax_credit') {
      let latest: { year: number; grade: string } | undefined;
      for (const y of summary.taxCredit) if (!latest || y.year > latest.year) latest = y;
      if (latest) return { scale, value: latest.grade };
    }
  }
  return null;
}

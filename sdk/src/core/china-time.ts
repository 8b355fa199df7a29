/**
 * The calendar the documents use: China Standard Time (UTC+8, no daylight saving), whatever the
 * runtime's own zone.
 */

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The day `now` falls on in China, `YYYY-MM-DD`: the day an authorization is signed, a review
 * is dated or a list is read on.
 *
 * @example
 * ```ts
 * todayInChina(new Date('2026-10-31T17:00:00Z')); // '2026-11-01'
 * ```
 */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

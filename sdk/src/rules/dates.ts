/**
 * Calendar arithmetic on `YYYY-MM-DD` and `YYYY-MM` strings. Dates compare as strings (ISO
 * order), so nothing here builds a `Date` and nothing depends on the time zone. The functions
 * never throw; callers check their input with {@link isIsoDate} first.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True for an ISO 8601 calendar date `YYYY-MM-DD` that exists: `2024-02-29` is one,
 * `2023-02-29`, `2026-13-01` and `2026/11/15` are not.
 *
 * @example
 * ```ts
 * isIsoDate('2024-02-29'); // true
 * isIsoDate('2026/11/15'); // false
 * ```
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const [y, m, d] = parts(value);
  if (m < 1 || m > 12 || d < 1) return false;
  if (m === 2 && d === 29) return isLeapYear(y);
  return d <= (MONTH_DAYS[m - 1] ?? 0);
}

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function pad(n: number, width: number): string {
  return String(Math.max(0, n)).padStart(width, '0');
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The same month and day `years` earlier. 29 February falls back to 28 February when the
 * earlier year has no 29th, so the result is never a day that does not exist.
 */
export function subtractYears(date: string, years: number): string {
  const [y, m, d] = parts(date);
  const year = y - years;
  const day = m === 2 && d === 29 && !isLeapYear(year) ? 28 : d;
  return `${pad(year, 4)}-${pad(m, 2)}-${pad(day, 2)}`;
}

/** The date `days` later (negative for earlier), on the proleptic Gregorian calendar. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d + days);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`;
}

/**
 * The month of a date: `2026-11-01` → `2026-11`.
 *
 * @example
 * ```ts
 * monthOf('2026-11-01'); // '2026-11'
 * ```
 */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Months since year 0, so that consecutive months differ by exactly 1. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + (Number(month.slice(5, 7)) - 1);
}

/**
 * The month `n` months after `month` (negative for earlier).
 *
 * @example
 * ```ts
 * addMonths('2026-11', 3); // '2027-02'
 * addMonths('2026-01', -1); // '2025-12'
 * ```
 */
export function addMonths(month: string, n: number): string {
  const i = monthIndex(month) + n;
  return `${pad(Math.floor(i / 12), 4)}-${pad((i % 12) + 1, 2)}`;
}

/** `2025-03..2025-05`, or the single month when first and last are the same. */
export function monthRange(months: readonly string[]): string {
  const first = months[0] ?? '';
  const last = months[months.length - 1] ?? '';
  return first === last ? first : `${first}..${last}`;
}

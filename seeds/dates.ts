/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) and months (`YYYY-MM`), in UTC so the
 * machine's time zone never changes a generated date.
 */

function parse(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

function format(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * `iso` plus `days` (negative goes back).
 *
 * @example
 * ```ts
 * addDays('2026-11-20', -1); // '2026-11-19'
 * ```
 */
export function addDays(iso: string, days: number): string {
  const d = parse(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

/**
 * `iso` plus whole months; a day past the end of the target month is clamped to its last day.
 *
 * @example
 * ```ts
 * addMonths('2026-03-31', -1); // '2026-02-28'
 * ```
 */
export function addMonths(iso: string, months: number): string {
  const d = parse(iso);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return format(target);
}

/**
 * `iso` plus whole years (29 February becomes 28 February in a common year).
 *
 * @example
 * ```ts
 * addYears('2026-11-20', -3); // '2023-11-20'
 * ```
 */
export function addYears(iso: string, years: number): string {
  return addMonths(iso, years * 12);
}

/**
 * The month `YYYY-MM` of a date, shifted by `offset` months.
 *
 * @example
 * ```ts
 * monthOf('2026-11-01', -1); // '2026-10'
 * ```
 */
export function monthOf(iso: string, offset = 0): string {
  return addMonths(`${iso.slice(0, 7)}-01`, offset).slice(0, 7);
}

/**
 * `count` consecutive months ending with `last`, oldest first.
 *
 * @example
 * ```ts
 * monthsEndingAt('2026-10', 3); // ['2026-08', '2026-09', '2026-10']
 * ```
 */
export function monthsEndingAt(last: string, count: number): string[] {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(monthOf(`${last}-01`, -i));
  return out;
}

/**
 * A date-time with the China offset, `YYYY-MM-DDTHH:MM:SS+08:00`.
 *
 * @example
 * ```ts
 * atChinaTime('2026-10-29', 10, 5); // '2026-10-29T10:05:00+08:00'
 * ```
 */
export function atChinaTime(iso: string, hour: number, minute: number, second = 0): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${iso}T${p(hour)}:${p(minute)}:${p(second)}+08:00`;
}

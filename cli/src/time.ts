/**
 * Dates and times as the people using the CLI read them: China Standard Time (UTC+8, no DST),
 * whatever the machine's own zone.
 */

import { todayInChina } from '@xinjian/sdk';

/** Today's date in China, `YYYY-MM-DD` (the SDK's). */
export { todayInChina };

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * An instant as ISO 8601 in China time with its offset, to the second.
 *
 * @example
 * ```ts
 * chinaDateTime(new Date('2026-11-01T02:03:04.567Z')); // '2026-11-01T10:03:04+08:00'
 * ```
 */
export function chinaDateTime(now: Date = new Date()): string {
  return `${new Date(now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

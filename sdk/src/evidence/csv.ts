/**
 * The one CSV writer of the project (extension exports, the CLI's result file, the audit log):
 * RFC 4180 quoting, CRLF line ends, an optional UTF-8 byte-order mark so Excel reads Chinese
 * text, invisible controls removed, and the formula guard. Cells come from pages and from the
 * API; a spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one) as a
 * formula, so such a cell is written with a leading `'` and shows as text.
 */
import { stripInvisible } from './sanitize.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: invisible controls removed, `'` prefixed when a spreadsheet would run it as a
 * formula, quoted when it holds a quote, comma, line break or edge space.
 *
 * @example
 * ```ts
 * csvCell('=HYPERLINK("http://x","y")'); // `"'=HYPERLINK(""http://x"",""y"")"`
 * csvCell('甲公司, 北京'); // '"甲公司, 北京"'
 * ```
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  const text = stripInvisible(value === null || value === undefined ? '' : String(value));
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Options of {@link formatCsv}.
 *
 * @example
 * ```ts
 * const options: CsvOptions = { bom: true };
 * ```
 */
export interface CsvOptions {
  /** Start with U+FEFF so Excel opens the file as UTF-8. Default false. */
  bom?: boolean;
}

/**
 * Rows as CSV text, each line ended with CRLF (what Excel writes and expects).
 *
 * @example
 * ```ts
 * formatCsv([['名称', '结果'], ['甲公司', '-1']]); // "名称,结果\r\n甲公司,'-1\r\n"
 * formatCsv([['名称']], { bom: true }).charCodeAt(0); // 0xfeff
 * ```
 */
export function formatCsv(
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
  options: CsvOptions = {},
): string {
  const body = rows.map((r) => `${r.map(csvCell).join(',')}\r\n`).join('');
  return options.bom ? `\ufeff${body}` : body;
}

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
 * A cell value. `{ excelText }` is a code a spreadsheet must keep as text (an all-digit 统一社会
 * 信用代码 or 注册号, which Excel would round to 15 digits or show as `9.12201E+17`): it is
 * written as the text formula `="…"` when it holds only letters, digits and hyphens, and as a
 * plain cell otherwise.
 *
 * @example
 * ```ts
 * const cells: CsvValue[] = ['甲公司', { excelText: '911100005619764921' }, 3, null];
 * ```
 */
export type CsvValue = string | number | boolean | null | undefined | { excelText: string };

/**
 * One cell: invisible controls removed, `'` prefixed when a spreadsheet would run it as a
 * formula, quoted when it holds a quote, comma, line break or edge space.
 *
 * @example
 * ```ts
 * csvCell('=HYPERLINK("http://x","y")'); // `"'=HYPERLINK(""http://x"",""y"")"`
 * csvCell('甲公司, 北京'); // '"甲公司, 北京"'
 * csvCell({ excelText: '911100005619764921' }); // '"=""911100005619764921"""'
 * ```
 */
export function csvCell(value: CsvValue): string {
  if (typeof value === 'object' && value !== null) {
    // Identifier characters only, so the text formula can never carry another formula.
    const code = value.excelText;
    return /^[0-9A-Za-z-]+$/.test(code) ? `"=""${code}"""` : csvCell(code);
  }
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
export function formatCsv(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const body = rows.map((r) => `${r.map(csvCell).join(',')}\r\n`).join('');
  return options.bom ? `\ufeff${body}` : body;
}

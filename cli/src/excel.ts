/**
 * Codes a spreadsheet has damaged. Excel reads an all-digit 统一社会信用代码 as a number: it shows
 * it in scientific notation (`9.12201E+17`) and keeps 15 significant digits, so the last three
 * become 0 (`911100005619764000`). Saved back to CSV, either form is no longer the code. Such a
 * cell is not a typo to report with its expected check character, nor a name to search.
 */
import { type LocalizedText, normalizeIdentifier, parseUscc } from '@xinjian/sdk';

/**
 * How a spreadsheet damaged a code cell.
 *
 * @example
 * ```ts
 * const d: SpreadsheetDamage = { kind: 'scientific', value: '9.12201E+17', message: { zh: '…', en: '…' } };
 * ```
 */
export interface SpreadsheetDamage {
  kind: 'scientific' | 'zeroed_tail';
  value: string;
  message: LocalizedText;
}

// `9.12201E+17`, `9.12201e17`, `9,12201E+17` (a decimal comma), as Excel writes large numbers.
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e\+?\d+$/i;
// Excel keeps 15 significant digits of an 18-digit number: positions 16–18 come back as 0.
const ZEROED_TAIL = /^\d{15}000$/;

/**
 * Whether a code cell was damaged by a spreadsheet: scientific notation, or 18 digits ending in
 * `000` whose check character fails (a real code may end in 0, and then its check passes).
 *
 * @example
 * ```ts
 * spreadsheetDamage('9.12201E+17')?.kind; // 'scientific'
 * spreadsheetDamage('911100005619764000')?.kind; // 'zeroed_tail'
 * spreadsheetDamage('91110000561976492Q'); // null
 * ```
 */
export function spreadsheetDamage(cell: string): SpreadsheetDamage | null {
  const value = cell.trim();
  if (SCIENTIFIC.test(value.replace(/\s/g, ''))) {
    return {
      kind: 'scientific',
      value,
      message: {
        zh: `代码"${value}"已被电子表格改成科学计数法，原代码无法还原：请在表格中把该列设为"文本"后重新录入`,
        en: `the code "${value}" was turned into scientific notation by a spreadsheet and cannot be recovered: format the column as Text and enter the code again`,
      },
    };
  }
  const compact = normalizeIdentifier(value);
  if (ZEROED_TAIL.test(compact) && !parseUscc(compact).ok) {
    return {
      kind: 'zeroed_tail',
      value,
      message: {
        zh: `代码"${value}"末尾几位被电子表格改成了 0（表格只保留 15 位数字），原代码无法还原：请在表格中把该列设为"文本"后重新录入`,
        en: `the last digits of the code "${value}" were set to 0 by a spreadsheet (it keeps 15 digits), so the code cannot be recovered: format the column as Text and enter the code again`,
      },
    };
  }
  return null;
}

/**
 * A code cell as a spreadsheet must keep it: an all-digit code of 12 or more digits (which Excel
 * would round or show in scientific notation) is marked as text for the SDK's CSV writer; any
 * other cell is left as it is.
 *
 * @example
 * ```ts
 * asExcelText('110108000000016'); // { excelText: '110108000000016' }
 * asExcelText('91110000561976492Q'); // '91110000561976492Q'
 * ```
 */
export function asExcelText(cell: string): string | { excelText: string } {
  return /^\d{12,}$/.test(cell.trim()) ? { excelText: cell.trim() } : cell;
}

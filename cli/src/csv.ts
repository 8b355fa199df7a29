/**
 * Bidder lists as people actually send them: CSV from Excel or a tender system, in UTF-8 (with
 * or without BOM), GBK, or Excel's UTF-16 "Unicode text", with Chinese or English headers that
 * may sit below a title line. Node-only (iconv-lite for GBK).
 */
import { type CsvValue, formatCsv } from '@xinjian/sdk/evidence';
import iconv from 'iconv-lite';

/**
 * The encoding a bidder list was read in.
 *
 * @example
 * ```ts
 * const e: TextEncodingName = 'gbk';
 * ```
 */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gbk';

/**
 * Decoded text and the encoding it was found in.
 *
 * @example
 * ```ts
 * const { text, encoding } = decodeText(bytes); // encoding: 'utf-8-bom'
 * ```
 */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * Decodes a text file: a BOM decides; otherwise valid UTF-8 is UTF-8 and anything else is
 * read as GBK (through GB 18030, its superset, so rare characters survive too).
 *
 * @example
 * ```ts
 * decodeText(new Uint8Array([0xb9, 0xab, 0xcb, 0xbe])); // { text: '公司', encoding: 'gbk' }
 * ```
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return {
      text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'),
      encoding: 'gbk',
    };
  }
}

/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes; CRLF,
 * LF or CR line ends). A leading BOM is dropped. Tab-separated text is accepted when the first
 * line has tabs and no commas (Excel's "Unicode text" export). Blank lines are dropped.
 *
 * @example
 * ```ts
 * parseCsv('名称,代码\n"甲公司, 北京",911\n'); // [['名称', '代码'], ['甲公司, 北京', '911']]
 * ```
 */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRow = (): void => {
    row.push(field);
    field = '';
    if (row.some((f) => f.trim() !== '')) rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      // A quote opens a quoted field only at its start (spaces before it are dropped).
      field = '';
      quoted = true;
    } else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += ch;
    }
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/**
 * CSV bytes Excel opens correctly: UTF-8 with a BOM, written by the SDK's one CSV writer (so
 * cells that a spreadsheet would run as formulas, input cells included, are kept as text, and
 * `{ excelText }` codes stay codes rather than numbers).
 *
 * @example
 * ```ts
 * await writeFile('out.csv', encodeCsvForExcel([['名称'], ['甲公司']]));
 * ```
 */
export function encodeCsvForExcel(rows: readonly (readonly CsvValue[])[]): Uint8Array {
  return new TextEncoder().encode(formatCsv(rows, { bom: true }));
}

/**
 * Headers accepted for each column, compared after {@link normalizeHeader}. Order matters
 * within `code`: a USCC column is preferred to an org-code or 注册号 column.
 *
 * @example
 * ```ts
 * HEADER_ALIASES.name.includes('供应商名称'); // true
 * ```
 */
export const HEADER_ALIASES = {
  name: [
    '投标人名称',
    '投标人',
    '供应商名称',
    '供应商',
    '单位名称',
    '企业名称',
    '公司名称',
    '投标单位',
    '借款企业名称',
    '借款企业',
    '借款人',
    '名称',
    'name',
    'bidder',
    'supplier',
    'borrower',
    'company',
  ],
  code: [
    '统一社会信用代码',
    '社会信用代码',
    '信用代码',
    'uscc',
    'code',
    'creditcode',
    '组织机构代码',
    'orgcode',
    '注册号',
    '工商注册号',
    'regno',
  ],
  members: [
    '联合体成员',
    '联合体',
    '联合体成员单位',
    '担保人',
    '担保企业',
    '担保单位',
    'consortium',
    'members',
    'consortiummembers',
    'guarantors',
  ],
} as const satisfies Record<string, readonly string[]>;

/**
 * Lower-cases, drops spaces, full-width spaces, `*` (required-field marks) and a bracketed
 * note such as `（必填）` or `(USCC)`, so `统一社会信用代码（18位）` matches.
 *
 * @example
 * ```ts
 * normalizeHeader(' 供应商名称（全称）*'); // '供应商名称'
 * ```
 */
export function normalizeHeader(header: string): string {
  const stripped = header
    .replace(/[\s\u3000*＊_-]/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .toLowerCase();
  return stripped === '' ? header.trim().toLowerCase() : stripped;
}

/**
 * Where the bidder columns sit in a parsed CSV.
 *
 * @example
 * ```ts
 * const cols: BidderColumns = { headerRow: 0, headers: ['名称', '统一社会信用代码'], name: 0, codes: [1], members: null };
 * ```
 */
export interface BidderColumns {
  /** Index of the header row among the parsed rows (a title line may come first). */
  headerRow: number;
  headers: string[];
  name: number | null;
  /** Code columns, best first (USCC before org code before 注册号). */
  codes: number[];
  members: number | null;
}

/**
 * Thrown when no row of the first ten looks like a bidder header.
 *
 * @example
 * ```ts
 * try { detectColumns(rows); } catch (e) { if (e instanceof MissingColumnsError) e.found; }
 * ```
 */
export class MissingColumnsError extends Error {
  /** The header cells of the first non-empty row. */
  readonly found: string[];
  constructor(found: string[]) {
    super(`no bidder name or code column; found headers: ${found.join(', ')}`);
    this.name = 'MissingColumnsError';
    this.found = found;
  }
}

function aliasRank(aliases: readonly string[], header: string): number {
  return aliases.indexOf(normalizeHeader(header) as never);
}

/**
 * Finds the header row (within the first ten rows) and the name, code and consortium columns.
 *
 * @throws MissingColumnsError when neither a name nor a code column is found.
 * @example
 * ```ts
 * detectColumns([['投标人名称', '统一社会信用代码'], ['甲公司', '91110000561976492Q']]);
 * // { headerRow: 0, headers: [...], name: 0, codes: [1], members: null }
 * ```
 */
export function detectColumns(rows: readonly (readonly string[])[]): BidderColumns {
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const headers = (rows[r] ?? []).map((h) => h.trim());
    let name: number | null = null;
    let nameRank = Number.POSITIVE_INFINITY;
    let members: number | null = null;
    const codes: { index: number; rank: number }[] = [];
    headers.forEach((h, index) => {
      const nr = aliasRank(HEADER_ALIASES.name, h);
      if (nr >= 0 && nr < nameRank) {
        name = index;
        nameRank = nr;
      }
      const cr = aliasRank(HEADER_ALIASES.code, h);
      if (cr >= 0) codes.push({ index, rank: cr });
      if (members === null && aliasRank(HEADER_ALIASES.members, h) >= 0) members = index;
    });
    if (name !== null || codes.length > 0) {
      codes.sort((a, b) => a.rank - b.rank);
      return { headerRow: r, headers, name, codes: codes.map((c) => c.index), members };
    }
  }
  throw new MissingColumnsError((rows[0] ?? []).map((h) => h.trim()));
}

/**
 * One bidder from the list, with its original cells kept for the result file.
 *
 * @example
 * ```ts
 * const b: BidderRow = { line: 2, cells: ['甲公司', '91110000561976492Q'], name: '甲公司', code: '91110000561976492Q', members: [] };
 * ```
 */
export interface BidderRow {
  /** 1-based index among the data rows (the header is not counted). */
  line: number;
  cells: string[];
  name: string | null;
  code: string | null;
  /** 联合体 members (names or codes), from a members column or a `;`-separated code/name cell. */
  members: string[];
}

// ; and its full-width form, 、 and line breaks all separate members in real lists.
const MEMBER_SEPARATOR = /[;；、\n]+/;

function splitMembers(cell: string): string[] {
  return cell
    .split(MEMBER_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Turns parsed rows into bidders. A code or name cell holding several `;`-separated entries
 * is a 联合体; so is a row with a members column.
 *
 * @example
 * ```ts
 * const rows = parseCsv(text);
 * const bidders = readBidders(rows, detectColumns(rows));
 * ```
 */
export function readBidders(rows: readonly (readonly string[])[], columns: BidderColumns): BidderRow[] {
  const out: BidderRow[] = [];
  for (let r = columns.headerRow + 1; r < rows.length; r++) {
    const cells = [...(rows[r] ?? [])];
    while (cells.length < columns.headers.length) cells.push('');
    const nameCell = columns.name === null ? '' : (cells[columns.name] ?? '').trim();
    let codeCell = '';
    for (const c of columns.codes) {
      codeCell = (cells[c] ?? '').trim();
      if (codeCell !== '') break;
    }
    let members = columns.members === null ? [] : splitMembers(cells[columns.members] ?? '');
    const codeParts = splitMembers(codeCell);
    const nameParts = splitMembers(nameCell);
    if (members.length === 0 && codeParts.length > 1) members = codeParts;
    else if (members.length === 0 && codeCell === '' && nameParts.length > 1) members = nameParts;
    out.push({
      line: r - columns.headerRow,
      cells,
      name: nameCell === '' ? null : nameCell,
      code: codeParts.length === 1 ? (codeParts[0] ?? null) : null,
      members,
    });
  }
  return out;
}

/**
 * Tables as a person reads them: the header found by its content (a row of short labels, in
 * `<th>` or `<td>`, in `<thead>` or the first rows of `<tbody>`, over one or several rows),
 * rowspan and colspan resolved into a grid, and from the header a column map: which column
 * holds the bidders' names, which their codes, which each member's part in a 联合体, and which
 * the page's own row numbers (序号).
 */
import type { SubjectRole } from '../screening/model.ts';
import {
  CODE_HEADER,
  HEADER_CELL_MAX,
  HEADER_WORDS,
  NAME_HEADER,
  NOT_NAME_HEADER,
  NUMBER_HEADER,
  ROLE_HEADER,
  ROW_NUMBER,
} from './heuristics.ts';
import { orgName, roleFromText } from './names.ts';
import { textOf } from './text.ts';

/** How many rows from the top may hold the header (title rows included). */
const HEADER_SEARCH_ROWS = 6;

/**
 * A table's rows and cells on a grid: `slots[r][c]` is the cell covering row `r`, column `c`
 * (a cell spanning rows or columns covers several slots). Rows appended at the end extend it
 * without reading the table again.
 */
export class TableGrid {
  readonly rows: Element[] = [];
  readonly slots: Array<Array<Element | undefined>> = [];
  readonly #index = new Map<Element, number>();
  readonly #start = new Map<Element, number>();

  readonly table: Element;

  /** `limit`: only the first rows (a header's), for a table read row by row elsewhere. */
  constructor(table: Element, limit = Number.POSITIVE_INFINITY) {
    this.table = table;
    const rows = ownRows(table, limit);
    for (const row of rows) this.#add(row);
  }

  /** The row's index, extending the grid when the row was added at the end since. */
  indexOf(row: Element): number | undefined {
    const known = this.#index.get(row);
    if (known !== undefined) return known;
    const rows = ownRows(this.table);
    // New rows at the end: add them; anything else means the table was rebuilt.
    if (rows.length > this.rows.length && rows[this.rows.length - 1] === this.rows.at(-1)) {
      for (let i = this.rows.length; i < rows.length; i++) this.#add(rows[i] as Element);
      return this.#index.get(row);
    }
    return undefined;
  }

  /** The first column a cell covers. */
  columnOf(cell: Element): number | undefined {
    return this.#start.get(cell);
  }

  /** The cell covering row `r`, column `c`. */
  at(r: number, c: number): Element | undefined {
    return this.slots[r]?.[c];
  }

  /** Rows a cell spans, from its first. */
  span(cell: Element): number {
    return Math.max(1, Number(cell.getAttribute('rowspan')) || 1);
  }

  #add(row: Element): void {
    const r = this.rows.length;
    this.rows.push(row);
    this.#index.set(row, r);
    if (!this.slots[r]) this.slots[r] = [];
    const slots = this.slots[r] as Array<Element | undefined>;
    let c = 0;
    const cells = row.children;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] as Element;
      if (cell.tagName !== 'TD' && cell.tagName !== 'TH') continue;
      while (slots[c] !== undefined) c++;
      const colspan = Math.min(50, Math.max(1, Number(cell.getAttribute('colspan')) || 1));
      const rowspan = Math.min(500, Math.max(1, Number(cell.getAttribute('rowspan')) || 1));
      this.#start.set(cell, c);
      for (let dr = 0; dr < rowspan; dr++) {
        if (!this.slots[r + dr]) this.slots[r + dr] = [];
        const line = this.slots[r + dr] as Array<Element | undefined>;
        for (let dc = 0; dc < colspan; dc++) line[c + dc] = cell;
      }
      c += colspan;
    }
  }
}

/**
 * The rows of the table itself, not of tables nested in its cells, in document order.
 */
export function ownRows(table: Element, limit = Number.POSITIVE_INFINITY): Element[] {
  const native = (table as HTMLTableElement).rows;
  if (native) {
    if (native.length <= limit) return Array.from(native);
    const first: Element[] = [];
    for (let i = 0; i < limit; i++) first.push(native[i] as Element);
    return first;
  }
  return [...table.querySelectorAll('tr')].filter((r) => r.closest('table') === table).slice(0, limit);
}

/** A bidder table's column map, read from its header. */
export interface TableModel {
  grid: TableGrid;
  /** Rows read as the header (and title rows above it). */
  headerRows: number;
  name: number | null;
  codes: number[];
  /** The column stating each member's part in a 联合体. */
  roleColumn: number | null;
  /** The column where the page numbers its rows (序号, 编号, No.). */
  number: number | null;
  role: SubjectRole;
}

/**
 * The number the page prints for row `r` (its 序号 cell, which a 联合体's rows share), or `null`
 * when the table has no such column or the cell holds no short number.
 */
export function printedNumber(model: TableModel, r: number): string | null {
  if (model.number === null) return null;
  const text = compact(model.grid.at(r, model.number)).normalize('NFKC');
  return ROW_NUMBER.test(text) ? text : null;
}

const compact = (el: Element | undefined) => (el?.textContent ?? '').replace(/\s+/g, '');

/**
 * Whether a row reads as a header: at least two labelled cells, each short and without long
 * digit runs, most of them words a header uses.
 */
export function isHeaderRow(texts: readonly string[]): boolean {
  const cells = texts.filter((t) => t.length > 0);
  if (cells.length < 2) return false;
  // A company's name or a figure is a value, not a label (`中标人名称 | 某某有限公司`).
  if (cells.some((t) => t.length > HEADER_CELL_MAX || /\d{5}|[A-Z0-9]{8}|[¥￥]/.test(t) || orgName(t)))
    return false;
  const words = cells.filter((t) => HEADER_WORDS.test(t)).length;
  return words / cells.length >= 0.6;
}

/**
 * Reads a table's header and column map; `null` when the table lists no bidders (no header
 * row, or no name or code column in it).
 */
export function tableModel(table: Element): TableModel | null {
  const grid = new TableGrid(table);
  const header = readHeader(grid);
  if (!header) return null;
  const { labels, last } = header;
  const { name, codes, roleColumn, number } = header.columns;
  const nameLabel = name === null ? '' : (labels[name] ?? '');
  // The header's own word first (`中标候选人`), else the heading above (`中标候选人公示`).
  const outcome = (r: SubjectRole) => r === 'candidate' || r === 'winner';
  const fromLabel = roleFromText(nameLabel, 'bidder');
  const fromContext = roleFromText(tableContext(table), 'bidder');
  const role = outcome(fromLabel) ? fromLabel : outcome(fromContext) ? fromContext : 'bidder';
  return { grid, headerRows: last + 1, name, codes, roleColumn, number, role };
}

/**
 * Where a bidder table prints its row numbers (序号), read from its header rows alone, and the
 * header's width; `null` when the table is not a bidder table (as {@link tableModel}) or has no
 * such column. For a table whose rows are read one by one (a layout's): the header is a few
 * rows, the table may be thousands.
 */
export function numberColumn(table: Element): { column: number; width: number } | null {
  const header = readHeader(new TableGrid(table, HEADER_SEARCH_ROWS));
  const column = header?.columns.number ?? null;
  return header && column !== null ? { column, width: header.width } : null;
}

/**
 * The number printed in `row` of a table whose number column is `at` (from
 * {@link numberColumn}), read from the row's own cells; `undefined` when they do not fill the
 * header's width (a cell spanning rows from above shifts them: only the whole grid knows).
 */
export function rowNumberIn(row: Element, at: { column: number; width: number }): string | null | undefined {
  let c = 0;
  let found: Element | undefined;
  // Indexed: iterating a DOM collection with for…of costs more than the rest of this row.
  const cells = row.children;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as Element;
    if (cell.tagName !== 'TD' && cell.tagName !== 'TH') continue;
    const colspan = Math.min(50, Math.max(1, Number(cell.getAttribute('colspan')) || 1));
    if (c <= at.column && at.column < c + colspan) found = cell;
    c += colspan;
  }
  if (c !== at.width) return undefined;
  const raw = found ? textOf(found) : '';
  // Most pages print plain digits: no need to normalise them.
  if (PLAIN_NUMBER.test(raw)) return raw.trim();
  const text = compact(found).normalize('NFKC');
  return ROW_NUMBER.test(text) ? text : null;
}

const PLAIN_NUMBER = /^\s*[0-9]{1,6}\s*$/;

type Columns = Pick<TableModel, 'name' | 'codes' | 'roleColumn' | 'number'>;

// The header rows of a grid (title rows above them allowed), their labels per column and the
// column map; `null` when there is no header or it names neither bidders nor their codes.
function readHeader(
  grid: TableGrid,
): { first: number; last: number; width: number; labels: string[]; columns: Columns } | null {
  const width = Math.max(0, ...grid.slots.slice(0, HEADER_SEARCH_ROWS).map((s) => s.length));
  let first = -1;
  let last = -1;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, grid.rows.length); r++) {
    const row = grid.rows[r] as Element;
    const cells = [...row.children].filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
    const header = isHeaderRow(cells.map((c) => compact(c)));
    if (header) {
      if (first < 0) first = r;
      last = r;
    } else if (first >= 0) break;
    // Above the header only title rows: a single cell (`开标一览表`) or empty ones.
    else if (cells.filter((c) => compact(c).length > 0).length > 1) break;
  }
  if (first < 0) return null;
  const labels: string[] = [];
  for (let c = 0; c < width; c++) {
    const seen = new Set<Element>();
    let label = '';
    for (let r = first; r <= last; r++) {
      const cell = grid.at(r, c);
      if (!cell || seen.has(cell)) continue;
      seen.add(cell);
      label += compact(cell);
    }
    labels.push(label);
  }
  let name: number | null = null;
  let roleColumn: number | null = null;
  let number: number | null = null;
  const codes: number[] = [];
  labels.forEach((label, c) => {
    if (number === null && NUMBER_HEADER.test(label)) number = c;
    else if (CODE_HEADER.test(label)) codes.push(c);
    else if (
      roleColumn === null &&
      ROLE_HEADER.test(label) &&
      !NAME_HEADER.test(label.replace(/联合体/g, ''))
    )
      roleColumn = c;
    else if (name === null && NAME_HEADER.test(label) && !NOT_NAME_HEADER.test(label)) name = c;
  });
  if (name === null && codes.length === 0) return null;
  return { first, last, width, labels, columns: { name, codes, roleColumn, number } };
}

// The caption or the heading right before the table: `中标候选人公示` makes its rows candidates.
function tableContext(table: Element): string {
  const caption = table.querySelector(':scope > caption');
  if (caption) return compact(caption).slice(0, 40);
  let prev = table.previousElementSibling;
  if (!prev && table.parentElement && table.parentElement.children.length === 1)
    prev = table.parentElement.previousElementSibling;
  const text = compact(prev ?? undefined);
  return text.length <= 40 ? text : '';
}

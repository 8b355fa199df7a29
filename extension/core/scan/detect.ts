/**
 * Finds the subjects of a page for a mode: the generic page reader (`core/reader/`) reads the
 * page, and a page layout, where one matches, overrides it for the parts it declares: its
 * bidder tables are read by its selectors (the reader skips them) and, when it names its
 * prose, running text outside it is not read. Reads only: the DOM is not changed here.
 */
import type { IdentifierKind } from '@xinjian/sdk';
import { modelOf, readSubjects } from '../reader/bidders.ts';
import { orgNameIn } from '../reader/names.ts';
import { occurrenceAt } from '../reader/reader.ts';
import { numberColumn, printedNumber, rowNumberIn } from '../reader/table.ts';
import { codesIn, Run, textOf } from '../reader/text.ts';
import { createReaderState, type Occurrence, type ReaderState } from '../reader/types.ts';
import { ENTERPRISE_KINDS } from '../screening/subjects.ts';
import type { PageLayout, TableLayout } from './layout.ts';

export type { Occurrence };

/**
 * What the detector needs besides the DOM.
 */
export interface DetectOptions {
  layout: PageLayout | null;
  isHidden: (element: Element) => boolean;
  state: DetectState;
  /** Nodes that belong to the extension's own UI. */
  ignore: (node: Node) => boolean;
  /** Identifier kinds to report; default the enterprise kinds (never ID numbers). */
  kinds?: readonly IdentifierKind[];
  /** Report company names in bidder positions; default true (false on loan pages). */
  names?: boolean;
  /** Labels after which a company name is read too (a loan page's 售房单位…). */
  companyLabels?: RegExp;
}

/**
 * What the detector remembers between scans of one page: the reader's state (nodes already
 * handled, table models, consortium ids).
 */
export type DetectState = ReaderState;

/**
 * A fresh detector state.
 */
export function createDetectState(): DetectState {
  return createReaderState();
}

/**
 * Detects the subjects under `root` (the document body for a full scan, an added node for an
 * incremental one), in document order. Nodes already in `state.processed` are skipped and the
 * ones handled here are added to it.
 */
export function detect(root: Node, options: DetectOptions): Occurrence[] {
  const element = root.nodeType === 1 ? (root as Element) : root.parentElement;
  if (!element || options.ignore(element)) return [];
  const layout = options.layout;
  const tableSelector = layout ? tableSelectorOf(layout) : '';
  const fromLayout: Occurrence[] = [];
  if (layout && tableSelector) {
    // A root inside a layout's table (a row of a long list read slice by slice): only the
    // layout reads it, since the reader skips those tables.
    const enclosing = element.closest(tableSelector);
    if (enclosing) {
      for (const tl of layout.tables) {
        if (!enclosing.matches(tl.table)) continue;
        readLayoutRows(element, enclosing, tl, options, fromLayout);
      }
      return fromLayout;
    }
    for (const tl of layout.tables) {
      for (const table of element.querySelectorAll(tl.table))
        readLayoutRows(element, table, tl, options, fromLayout);
    }
  }
  const read = readSubjects(root, {
    isHidden: options.isHidden,
    state: options.state,
    ignore: options.ignore,
    ...(options.kinds ? { kinds: options.kinds } : {}),
    ...(options.names === undefined ? {} : { names: options.names }),
    ...(options.companyLabels ? { companyLabels: options.companyLabels } : {}),
    ...(tableSelector ? { skip: (el: Element) => el.matches(tableSelector) } : {}),
  });
  const prose = layout?.prose;
  // A layout that names its prose: running text elsewhere is not a bidder position.
  const fromReader = prose
    ? read.filter((o) => o.field || o.node.parentElement?.closest(`${prose}, table`))
    : read;
  return fromLayout.length > 0 ? mergeByPosition(fromLayout, fromReader) : fromReader;
}

/**
 * Whether an element is one of the tables `layout` reads by its selectors (the generic reader
 * and the page facts skip them); `undefined` without such tables.
 */
export function layoutTableTest(layout: PageLayout | null): ((element: Element) => boolean) | undefined {
  const selector = layout ? tableSelectorOf(layout) : '';
  return selector ? (element) => element.matches(selector) : undefined;
}

// The selector of every table a layout reads, built once per layout.
const tableSelectors = new WeakMap<PageLayout, string>();
function tableSelectorOf(layout: PageLayout): string {
  let selector = tableSelectors.get(layout);
  if (selector === undefined) {
    selector = layout.tables.map((t) => t.table).join(', ');
    tableSelectors.set(layout, selector);
  }
  return selector;
}

function readLayoutRows(
  root: Element,
  table: Element,
  tl: TableLayout,
  options: DetectOptions,
  out: Occurrence[],
): void {
  for (const row of rowsWithin(root, table, tl.rows)) {
    if (options.state.processed.has(row) || options.isHidden(row)) continue;
    readLayoutRow(row, tl, options, out);
  }
}

// The rows of `table` that `root` covers, without walking a long table for a one-row change.
function rowsWithin(root: Element, table: Element, selector: string): Element[] {
  if (root === table || root.contains(table)) return [...table.querySelectorAll(selector)];
  const row = root.closest('tr');
  if (row && table.contains(row)) return row.matches(selector) ? [row] : [];
  return [...root.querySelectorAll(selector)].filter((r) => table.contains(r));
}

// One row of a layout's table: codes in its code cells (named by its name cell), codes and a
// 联合体's members in its name cell, else the name alone.
function readLayoutRow(row: Element, tl: TableLayout, options: DetectOptions, out: Occurrence[]): void {
  const { state } = options;
  state.processed.add(row);
  const kinds = options.kinds ?? ENTERPRISE_KINDS;
  const nameCell = row.querySelector(tl.nameCell);
  const nameText = nameCell ? textOf(nameCell) : '';
  const cellName = nameCell ? orgNameIn(nameText) : null;
  const isConsortium = nameCell !== null && nameText.includes(tl.consortiumMarker ?? '联合体');
  const consortium = isConsortium && nameCell ? consortiumFor(row, nameCell, state) : null;
  // A table whose rows are the parties of one group (a credit application's borrower and guarantors).
  const group = tl.group ?? null;
  const rowNo = layoutRowNumber(row, options);
  const found: Occurrence[] = [];
  const readCell = (cell: Element, ctx: Omit<CodeContext, 'kinds' | 'row' | 'rowNo'>) => {
    const run = Run.of(cell, { isHidden: options.isHidden, state, ignore: options.ignore });
    codesInRun(run, { ...ctx, kinds, row, rowNo }, found);
    return run;
  };
  const codeCells = row.querySelectorAll(tl.codeCells);
  for (let i = 0; i < codeCells.length; i++) {
    const cell = codeCells[i] as Element;
    // A cell with no code-like text is not read: its style is never asked for.
    if (cell === nameCell || !CODE_LIKE.test(textOf(cell)) || options.isHidden(cell)) continue;
    readCell(cell, { role: tl.role, name: cellName, consortium: group, invalidNeedsLabel: false });
  }
  const nameOnly = found.length === 0 && cellName !== null && !isConsortium;
  if (nameCell && (nameOnly || CODE_LIKE.test(nameText)) && !options.isHidden(nameCell)) {
    const run = readCell(nameCell, {
      role: isConsortium ? 'consortium_member' : tl.role,
      name: null,
      consortium: consortium ?? group,
      invalidNeedsLabel: true,
    });
    if (found.length === 0 && cellName && !isConsortium) {
      const start = run.full.indexOf(cellName);
      const at = start < 0 ? null : run.locate(start, start + cellName.length);
      if (at)
        found.push({
          text: cellName,
          kind: 'name',
          value: cellName,
          role: tl.role,
          valid: true,
          expectedCheckChar: null,
          invalidMessage: null,
          name: cellName,
          consortium: group,
          node: at.node,
          index: at.index,
          length: at.length,
          row,
          ...(rowNo ? { rowNo } : {}),
        });
    }
  }
  // Its text is not marked node by node: the reader skips a layout's tables, and a change
  // inside the row reaches the layout again through the row, which is marked.
  out.push(...found);
}

// Every code the reader finds has eight letters or digits in a row (an org code's part before
// its hyphen is the shortest); the text of a cell, hidden parts included, holds what its run does.
const CODE_LIKE = /[0-9A-Za-z]{8}/;

// The 序号 the page prints for a layout's row: its table's header says which column holds it.
// Read from the header rows and the row itself: the grid of a 10,000-row list (about 200 ms) is
// built only for a row whose cells a cell spanning rows from above shifts.
function layoutRowNumber(row: Element, options: DetectOptions): string | null {
  const table = row.closest('table');
  if (!table) return null;
  let columns = numberColumns.get(options.state);
  if (!columns) {
    columns = new WeakMap();
    numberColumns.set(options.state, columns);
  }
  let at = columns.get(table);
  if (at === undefined) {
    at = numberColumn(table);
    columns.set(table, at);
  }
  if (at === null) return null;
  const own = rowNumberIn(row, at);
  if (own !== undefined) return own;
  const model = modelOf(table, options);
  const r = model?.grid.indexOf(row);
  return model && r !== undefined ? printedNumber(model, r) : null;
}

// Per page state: each layout table's number column (null: none), read once.
const numberColumns = new WeakMap<DetectState, WeakMap<Element, { column: number; width: number } | null>>();

function consortiumFor(row: Element, cell: Element, state: DetectState): { id: string; name: string | null } {
  let id = state.consortiumIds.get(row);
  if (!id) {
    id = `consortium-${state.nextConsortium++}`;
    state.consortiumIds.set(row, id);
  }
  const lead = /牵头人\s*[：:]\s*([^（(，,；;\n]+)/.exec(cell.textContent ?? '');
  return { id, name: lead?.[1]?.trim() ?? null };
}

type CodeContext = {
  kinds: readonly IdentifierKind[];
  role: Occurrence['role'];
  row: Element;
  rowNo: string | null;
  name: string | null;
  consortium: { id: string; name: string | null } | null;
  /** Report a wrong check character only where the text labels the token as a code. */
  invalidNeedsLabel: boolean;
};

function codesInRun(run: Run, ctx: CodeContext, out: Occurrence[]): void {
  for (const c of codesIn(run, ctx.kinds, ctx.invalidNeedsLabel)) {
    const o = occurrenceAt(run, c, { ...ctx, name: ctx.name ?? nameBefore(run.full, c.start) });
    if (o) out.push(o);
  }
}

// A 联合体 member's name printed right before its code in the name cell.
function nameBefore(text: string, index: number): string | null {
  const head = text.slice(0, index).replace(/[（(][^（()）]*$/, '');
  const segment = head.split(/[：:，,、\n]|牵头人|成员/).pop() ?? '';
  return orgNameIn(segment);
}

function byPosition(a: Occurrence, b: Occurrence): number {
  if (a.node === b.node) return a.index - b.index;
  return a.node.compareDocumentPosition(b.node) & 4 /* FOLLOWING */ ? -1 : 1;
}

function mergeByPosition(a: Occurrence[], b: Occurrence[]): Occurrence[] {
  if (b.length === 0) return a;
  const out: Occurrence[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    out.push(
      byPosition(a[i] as Occurrence, b[j] as Occurrence) <= 0
        ? (a[i++] as Occurrence)
        : (b[j++] as Occurrence),
    );
  }
  return out.concat(a.slice(i), b.slice(j));
}

/**
 * Bidder tables: found by their header's content and read group by group (a bidder over several
 * rows, a 联合体 with its members and their codes paired by order). `readSubjects` is the
 * reader with them: what procurement pages need.
 */
import type { SubjectRole } from '../screening/model.ts';
import { CONSORTIUM_MARKER, LEADER_MARKER, MEMBER_LABEL, PART_SEPARATOR } from './heuristics.ts';
import { orgNameIn } from './names.ts';
import { kindsOf, nameOccurrenceAt, occurrenceAt, readPage, type TableSupport } from './reader.ts';
import { printedNumber, type TableModel, tableModel } from './table.ts';
import { BREAK, type CodeMatch, codesIn, Run } from './text.ts';
import type { Occurrence, ReaderOptions } from './types.ts';

/**
 * Reads the subjects under `root` (the body for a full scan, an added node for an incremental
 * one), in document order, bidder tables included. Nodes in `state.processed` are skipped; the
 * ones read are added.
 */
export function readSubjects(root: Node, options: ReaderOptions): Occurrence[] {
  return readPage(root, options, BIDDER_TABLES);
}

/**
 * The bidder-table model of `table`, or `null` when it is not a bidder table; computed once
 * per table and page state.
 */
export function modelOf(table: Element, options: ReaderOptions): TableModel | null {
  const known = options.state.tables.get(table) as TableModel | null | undefined;
  if (known !== undefined) return known;
  const model = tableModel(table);
  options.state.tables.set(table, model);
  return model;
}

function readTable(
  table: Element,
  model: TableModel,
  root: Node,
  options: ReaderOptions,
  out: Occurrence[],
): void {
  if (options.isHidden(table)) return;
  const { grid } = model;
  const rows = rowsCovered(table, root, model);
  const done = new Set<number>();
  for (const row of rows) {
    const r = grid.indexOf(row);
    if (r === undefined || r < model.headerRows || done.has(r)) continue;
    if (row.parentElement?.tagName === 'THEAD') continue;
    const [first, last] = groupOf(model, r);
    for (let i = first; i <= last; i++) done.add(i);
    readGroup(model, first, last, options, out);
  }
}

function rowsCovered(table: Element, root: Node, model: TableModel): Element[] {
  if (root === table || (root.nodeType === 1 && (root as Element).contains(table))) return model.grid.rows;
  const element = root.nodeType === 1 ? (root as Element) : root.parentElement;
  const row = element?.closest('tr');
  if (row && table.contains(row) && row.closest('table') === table) return [row];
  if (!element) return [];
  return [...element.querySelectorAll('tr')].filter((r) => r.closest('table') === table);
}

// The rows of one bidder: those its name cell spans, or those its 序号 cell spans when a
// 联合体's members take a row each.
function groupOf(model: TableModel, r: number): [number, number] {
  const { grid } = model;
  const nameCell = model.name === null ? undefined : grid.at(r, model.name);
  if (nameCell && grid.span(nameCell) > 1) {
    const first = grid.indexOf(nameCell.parentElement as Element) ?? r;
    return [first, first + grid.span(nameCell) - 1];
  }
  const lead = grid.at(r, 0);
  if (lead && lead !== nameCell && grid.span(lead) > 1) {
    const first = grid.indexOf(lead.parentElement as Element) ?? r;
    const last = Math.min(grid.rows.length - 1, first + grid.span(lead) - 1);
    for (let i = first; i <= last; i++) {
      const texts = [model.name, model.roleColumn].map((c) =>
        c === null ? '' : (grid.at(i, c)?.textContent ?? ''),
      );
      if (CONSORTIUM_MARKER.test(texts.join(''))) return [first, last];
    }
  }
  return [r, r];
}

type Member = {
  name: string | null;
  leader: boolean;
  run: Run;
  start: number;
  end: number;
  codes: CodeMatch[];
};

function readGroup(
  model: TableModel,
  first: number,
  last: number,
  options: ReaderOptions,
  out: Occurrence[],
): void {
  const { grid, state } = { grid: model.grid, state: options.state };
  const rows = grid.rows.slice(first, last + 1);
  if (rows.every((row) => state.processed.has(row))) return;
  if (rows.every((row) => options.isHidden(row))) {
    for (const row of rows) state.processed.add(row);
    return;
  }
  const kinds = kindsOf(options);
  const cellsIn = (c: number | null) => {
    const cells: Element[] = [];
    if (c === null) return cells;
    for (let r = first; r <= last; r++) {
      const cell = grid.at(r, c);
      if (cell && !cells.includes(cell) && !options.isHidden(cell)) cells.push(cell);
    }
    return cells;
  };
  const nameCells = cellsIn(model.name);
  const roleText = cellsIn(model.roleColumn)
    .map((c) => c.textContent ?? '')
    .join(' ');
  const row = rows[0] as Element;
  // The group's printed 序号: a 联合体's members share their row's number.
  const rowNo = printedNumber(model, first);
  const found: Occurrence[] = [];

  // Names (and codes printed with them) in the name cells.
  const members: Member[] = [];
  for (const cell of nameCells) {
    const run = Run.of(cell, options);
    const codes = codesIn(run, kinds, true);
    const parts = splitParts(run.full);
    const inCell: Member[] = [];
    for (const part of parts) {
      const raw = part.text;
      const leader = LEADER_MARKER.test(raw) || LEADER_MARKER.test(roleTextOfRow(model, cell, options));
      const cleaned = raw
        .replace(/[（(][^（()）]*(?:代码|\d{6})[^（()）]*[)）]?/g, '')
        .replace(MEMBER_LABEL, '');
      const name = orgNameIn(cleaned);
      const own = codes.filter((c) => c.start >= part.start && c.start < part.end);
      if (name) inCell.push({ name, leader, run, start: part.start, end: part.end, codes: own });
      else if (own.length > 0) {
        // A code on its own line belongs to the name above it.
        const above = inCell.at(-1);
        if (above) above.codes.push(...own);
        else inCell.push({ name: null, leader, run, start: part.start, end: part.end, codes: own });
      }
    }
    members.push(...inCell);
  }
  const nameText = nameCells.map((c) => c.textContent ?? '').join(' ');
  const named = members.filter((m) => m.name !== null);
  const isConsortium =
    named.length > 1 ||
    (named.length === 1 && CONSORTIUM_MARKER.test(nameText + roleText) && nameCells.length > 1);

  // Codes in the code columns, in order: the members' by position when several.
  const columnCodes: Array<{ run: Run; code: CodeMatch; rowIndex: number }> = [];
  for (const c of model.codes) {
    for (const cell of cellsIn(c)) {
      const run = Run.of(cell, options);
      const rowIndex = grid.indexOf(cell.parentElement as Element) ?? first;
      for (const code of codesIn(run, kinds, false)) columnCodes.push({ run, code, rowIndex });
    }
  }

  if (isConsortium) {
    const id = consortiumId(row, options);
    const leader = named.find((m) => m.leader) ?? named[0];
    const consortium = { id, name: leader?.name ?? null };
    // A member per row: its row's codes. One cell of several names: codes paired by order.
    const perRow = nameCells.length > 1;
    named.forEach((member, i) => {
      const mine: Array<{ run: Run; code: CodeMatch }> = member.codes.map((code) => ({
        run: member.run,
        code,
      }));
      if (mine.length === 0) {
        if (perRow) {
          const cell = nameCellOf(member, nameCells);
          const memberRow = cell ? grid.indexOf(cell.parentElement as Element) : undefined;
          mine.push(...columnCodes.filter((e) => e.rowIndex === memberRow));
        } else {
          // The i-th code of each kind belongs to the i-th member.
          for (const kind of new Set(columnCodes.map((e) => e.code.kind))) {
            const entry = columnCodes.filter((e) => e.code.kind === kind)[i];
            if (entry) mine.push(entry);
          }
        }
      }
      if (mine.length === 0) {
        const name = member.name as string;
        const o = nameOccurrence(member, name, 'consortium_member', row, consortium, rowNo);
        if (o) found.push(o);
      }
      for (const { run, code } of mine) {
        const o = occurrenceAt(run, code, {
          role: 'consortium_member',
          name: member.name,
          consortium,
          row,
          rowNo,
        });
        if (o) found.push(o);
      }
    });
  } else {
    const name = named[0]?.name ?? null;
    for (const member of members) {
      for (const code of member.codes) {
        const o = occurrenceAt(member.run, code, { role: model.role, name, consortium: null, row, rowNo });
        if (o) found.push(o);
      }
    }
    for (const { run, code } of columnCodes) {
      const o = occurrenceAt(run, code, { role: model.role, name, consortium: null, row, rowNo });
      if (o) found.push(o);
    }
    const first = named[0];
    if (found.length === 0 && first && name) {
      const o = nameOccurrence(first, name, model.role, row, null, rowNo);
      if (o) found.push(o);
    }
  }

  for (const r of rows) state.processed.add(r);
  found.sort(byDocumentPosition);
  out.push(...found);
}

function nameCellOf(member: Member, cells: readonly Element[]): Element | undefined {
  const node = member.run.nodes[0];
  return cells.find((c) => node && c.contains(node));
}

function roleTextOfRow(model: TableModel, cell: Element, options: ReaderOptions): string {
  if (model.roleColumn === null) return '';
  const r = model.grid.indexOf(cell.parentElement as Element);
  if (r === undefined) return '';
  const roleCell = model.grid.at(r, model.roleColumn);
  return roleCell && !options.isHidden(roleCell) ? (roleCell.textContent ?? '') : '';
}

function nameOccurrence(
  member: Member,
  name: string,
  role: SubjectRole,
  row: Element,
  consortium: Occurrence['consortium'],
  rowNo: string | null,
): Occurrence | null {
  const text = member.run.full;
  const index = text.indexOf(name, member.start);
  // The name as printed may hold spaces the canonical form drops: place at the part.
  const start = index >= 0 && index < member.end ? index : member.start;
  const end = index >= 0 && index < member.end ? index + name.length : member.end;
  return nameOccurrenceAt(member.run, start, end, { name, role, consortium, row, rowNo });
}

function consortiumId(row: Element, options: ReaderOptions): string {
  const { state } = options;
  let id = state.consortiumIds.get(row);
  if (!id) {
    id = `consortium-${state.nextConsortium++}`;
    state.consortiumIds.set(row, id);
  }
  return id;
}

/**
 * A cell's text cut into parts: at line breaks and at 、 ； / between several names or codes.
 */
export function splitParts(text: string): Array<{ text: string; start: number; end: number }> {
  const parts: Array<{ text: string; start: number; end: number }> = [];
  const separator = new RegExp(PART_SEPARATOR.source, 'g');
  let start = 0;
  const push = (end: number) => {
    const piece = text.slice(start, end);
    if (piece.trim()) parts.push({ text: piece, start, end });
  };
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    // Keep `/` inside a code or a date; it separates only between words.
    if (
      m[0] === '/' &&
      /[0-9A-Za-z]/.test(text[m.index - 1] ?? '') &&
      /[0-9A-Za-z]/.test(text[m.index + 1] ?? '')
    )
      continue;
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return parts.length > 0 || text.includes(BREAK) ? parts : [{ text, start: 0, end: text.length }];
}

function byDocumentPosition(a: Occurrence, b: Occurrence): number {
  if (a.node === b.node) return a.index - b.index;
  return a.node.compareDocumentPosition(b.node) & 4 /* FOLLOWING */ ? -1 : 1;
}

/** Bidder tables as the reader finds and reads them. */
export const BIDDER_TABLES: TableSupport = { model: modelOf, read: readTable };

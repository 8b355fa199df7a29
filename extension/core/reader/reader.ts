/**
 * The generic page reader: finds the subjects of a page without knowing its layout. Bidder
 * tables are found by their header's content and read group by group (a bidder over several
 * rows, a 联合体 with its members and their codes paired by order); everything else is read as
 * running text, where codes count anywhere visible and names only in a bidder position
 * (`中标供应商：…`, `排名第二的供应商为…`); visible, labelled form fields are read by value.
 * One walk in document order; reads only, the DOM is not changed.
 */
import type { IdentifierKind } from '@xinjian/sdk';
import type { SubjectRole } from '../screening/model.ts';
import { ENTERPRISE_KINDS } from '../screening/subjects.ts';
import {
  CODE_HEADER,
  CONSORTIUM_MARKER,
  FIELD_LABEL,
  INLINE_TAGS,
  LEADER_MARKER,
  MEMBER_LABEL,
  NAME_END,
  PART_SEPARATOR,
  POSITION_LABEL,
  roleOfPosition,
  SKIP_TAGS,
} from './heuristics.ts';
import { orgName, orgNameBefore, orgNameIn, roleFromText } from './names.ts';
import { type TableModel, tableModel } from './table.ts';
import { BREAK, type CodeMatch, clauseBefore, codesIn, Run } from './text.ts';
import type { Occurrence, ReaderOptions } from './types.ts';

const FIELD_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const NOT_TEXT_INPUTS = /^(?:hidden|password|checkbox|radio|button|submit|reset|file|image|color|range)$/i;
// Worth a closer look: a code-like run, a label's colon, or 为 (`候选人为…`).
const CANDIDATE = /[0-9A-Za-z]{6}|[：:]|为/;
const CLAUSE_END = /[。；;！!？?\n]/;

/**
 * Reads the subjects under `root` (the body for a full scan, an added node for an incremental
 * one), in document order. Nodes in `state.processed` are skipped; the ones read are added.
 *
 * @example
 * ```ts
 * const found = readSubjects(document.body, { isHidden: createHiddenCheck(), state: createReaderState(), ignore: isOwnUi });
 * ```
 */
export function readSubjects(root: Node, options: ReaderOptions): Occurrence[] {
  const element = root.nodeType === 1 ? (root as Element) : root.parentElement;
  if (!element || ignoredAround(element, options)) return [];
  const out: Occurrence[] = [];
  const around = bidderTableAround(element, options);
  if (around) {
    readTable(around.table, around.model, root, options, out);
    return out;
  }
  walk(root, options, {
    run: (run) => readRun(run, options, out),
    field: (el) => readField(el, options, out),
    table: (el, model) => readTable(el, model, el, options, out),
  });
  return out;
}

/** What a walk does with what it meets. */
export interface WalkVisitor {
  run(run: Run): void;
  field(element: Element): void;
  table(table: Element, model: TableModel): void;
}

function ignoredAround(element: Element, options: ReaderOptions): boolean {
  for (let n: Element | null = element; n; n = n.parentElement) {
    if (options.ignore(n) || SKIP_TAGS.has(n.tagName) || options.skip?.(n)) return true;
  }
  return false;
}

export function modelOf(table: Element, options: ReaderOptions): TableModel | null {
  const known = options.state.tables.get(table) as TableModel | null | undefined;
  if (known !== undefined) return known;
  const model = tableModel(table);
  options.state.tables.set(table, model);
  return model;
}

function bidderTableAround(
  element: Element,
  options: ReaderOptions,
): { table: Element; model: TableModel } | null {
  for (let t = element.closest('table'); t; t = t.parentElement?.closest('table') ?? null) {
    const model = modelOf(t, options);
    if (model) return { table: t, model };
  }
  return null;
}

// ---- running text -------------------------------------------------------------------------

/**
 * Walks `root` once in document order: runs of visible text, form controls, and bidder tables
 * (whose subtree the visitor reads as a whole).
 *
 * @example
 * ```ts
 * walk(document.body, options, { run: (r) => runs.push(r), field: () => {}, table: () => {} });
 * ```
 */
export function walk(root: Node, options: ReaderOptions, visitor: WalkVisitor): void {
  const doc = root.ownerDocument ?? (root as Document);
  let run = new Run();
  let block: Element | null = null;
  const flush = () => {
    if (run.nodes.length > 0) visitor.run(run);
    run = new Run();
    block = null;
  };
  if (root.nodeType === 3) {
    const text = root as Text;
    if (!options.state.processed.has(text) && text.parentElement) {
      run.prefix = labelBefore(blockOf(text.parentElement));
      run.add(text);
    }
    flush();
    return;
  }
  const walker = doc.createTreeWalker(root, 5 /* SHOW_ELEMENT | SHOW_TEXT */);
  let node: Node | null = walker.nextNode();
  while (node) {
    if (node.nodeType === 3) {
      const text = node as Text;
      if (!options.state.processed.has(text) && text.data.length > 0) {
        const parent = text.parentElement as Element;
        const b = blockOf(parent);
        if (b !== block) {
          flush();
          block = b;
          run.prefix = labelBefore(b);
        }
        run.add(text);
      }
      node = walker.nextNode();
      continue;
    }
    const el = node as Element;
    const tag = el.tagName;
    if (SKIP_TAGS.has(tag) || options.ignore(el) || options.skip?.(el)) {
      flush();
      if (FIELD_TAGS.has(tag) && !options.ignore(el)) visitor.field(el);
      node = skipSubtree(walker, root);
      continue;
    }
    if (tag === 'BR') run.gap();
    else if (!INLINE_TAGS.has(tag)) flush();
    if (tag === 'TABLE') {
      const model = modelOf(el, options);
      if (model) {
        flush();
        visitor.table(el, model);
        node = skipSubtree(walker, root);
        continue;
      }
    }
    node = walker.nextNode();
  }
  flush();
}

function skipSubtree(walker: TreeWalker, root: Node): Node | null {
  for (let n: Node | null = walker.currentNode; n && n !== root; n = walker.parentNode()) {
    const next = walker.nextSibling();
    if (next) return next;
  }
  return null;
}

function blockOf(element: Element): Element {
  let el = element;
  while (INLINE_TAGS.has(el.tagName) && el.parentElement) el = el.parentElement;
  return el;
}

// `<td>中标人名称</td><td>…</td>`, `<dt>采购人</dt><dd>…</dd>`: the label cell before, as `label：`.
// A code cell's label brings the record it belongs to (the cells before it in its row and the
// row before), so `中标单位 | 某公司 | 统一社会信用代码 | 9133…` reads the code as the winner's.
function labelBefore(block: Element): string {
  if (!/^(?:TD|TH|DD)$/.test(block.tagName)) return '';
  const prev = block.previousElementSibling;
  if (!prev || !/^(?:TD|TH|DT)$/.test(prev.tagName)) return '';
  const label = compactLabel(prev);
  if (!label || label.length > 16 || /\d{4}/.test(label)) return '';
  if (!CODE_HEADER.test(label)) return `${label}：`;
  const record: string[] = [];
  const row = block.parentElement;
  const before = row?.tagName === 'TR' ? row.previousElementSibling : null;
  for (const cell of before?.children ?? []) record.push(compactLabel(cell));
  for (let c = row?.firstElementChild ?? null; c && c !== prev; c = c.nextElementSibling)
    record.push(compactLabel(c));
  const context = record.filter((t) => t.length > 0 && t.length <= 40).join('，');
  return context ? `${context}，${label}：` : `${label}：`;
}

function compactLabel(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, '').replace(/[：:]$/, '');
}

function readRun(run: Run, options: ReaderOptions, out: Occurrence[]): void {
  if (!CANDIDATE.test(run.full)) return;
  const visible = withoutHidden(run, options);
  for (const node of visible.nodes) options.state.processed.add(node);
  if (visible.nodes.length === 0) return;
  const kinds = kindsOf(options);
  const text = visible.full;
  const found: Occurrence[] = [];
  const codes = codesIn(visible, kinds, true);
  // In a key–value table the table is the record: a USCC and a 注册号 in it are one subject.
  const record = visible.prefix ? (visible.nodes[0]?.parentElement?.closest('table') ?? null) : null;
  for (const c of codes) {
    const clause = clauseBefore(text, c.start);
    const o = occurrenceAt(visible, c, {
      role: roleFromText(clause, 'mention'),
      name: orgNameBefore(clause) ?? (visible.prefix ? recordName(visible.prefix) : null),
      consortium: null,
      row: record,
    });
    if (o) found.push(o);
  }
  if (options.names !== false) namesIn(visible, codes, found);
  if (options.companyLabels) labelledCompanies(visible, codes, options.companyLabels, found);
  found.sort((a, b) => startOf(visible, a) - startOf(visible, b));
  out.push(...found);
}

// The company a key–value record names under a bidder label (`中标人名称，某公司，统一社会信用代码：`).
function recordName(prefix: string): string | null {
  const pieces = prefix.split('，');
  for (let i = pieces.length - 1; i > 0; i--) {
    const name = orgName(pieces[i] ?? '');
    if (name && roleFromText(pieces[i - 1] ?? '', 'mention') !== 'mention') return name;
  }
  return null;
}

function startOf(run: Run, o: Occurrence): number {
  return (run.starts[run.nodes.indexOf(o.node)] ?? 0) + o.index;
}

// Hidden text neither joins its neighbours nor is read.
export function withoutHidden(run: Run, options: ReaderOptions): Run {
  let hidden = false;
  for (const node of run.nodes) if (node.parentElement && options.isHidden(node.parentElement)) hidden = true;
  if (!hidden) return run;
  const visible = new Run();
  visible.prefix = run.prefix;
  for (let i = 0; i < run.nodes.length; i++) {
    const node = run.nodes[i] as Text;
    if (node.parentElement && options.isHidden(node.parentElement)) {
      visible.gap();
      continue;
    }
    // Keep the breaks the original run had between nodes.
    const start = run.starts[i] as number;
    const prevEnd =
      i > 0 ? (run.starts[i - 1] as number) + (run.nodes[i - 1] as Text).data.length : run.prefix.length;
    if (start > prevEnd) visible.gap();
    visible.add(node);
  }
  return visible;
}

// A name in a bidder position whose sentence gives no code: the name is all there is.
function namesIn(run: Run, codes: readonly CodeMatch[], found: Occurrence[]): void {
  const text = run.full;
  POSITION_LABEL.lastIndex = 0;
  for (let m = POSITION_LABEL.exec(text); m; m = POSITION_LABEL.exec(text)) {
    const role = roleOfPosition(m.groups ?? {});
    if (!role) continue;
    namesAfter(run, m.index + m[0].length, role, codes, found);
  }
}

function labelledCompanies(run: Run, codes: readonly CodeMatch[], labels: RegExp, found: Occurrence[]): void {
  const text = run.full;
  const pattern = new RegExp(`(?:${labels.source})(?:名称)?\\s*(?:为|是|[：:])\\s*`, 'g');
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    namesAfter(run, m.index + m[0].length, 'mention', codes, found);
  }
}

function namesAfter(
  run: Run,
  start: number,
  role: SubjectRole,
  codes: readonly CodeMatch[],
  found: Occurrence[],
): void {
  const text = run.full;
  const rest = text.slice(start);
  const sentence = rest.search(CLAUSE_END);
  const sentenceEnd = start + (sentence < 0 ? rest.length : sentence);
  // A code in the same sentence carries the subject (with this name beside it).
  if (codes.some((c) => c.start >= start && c.start < sentenceEnd)) return;
  const stop = rest.search(NAME_END);
  const clause = rest.slice(0, stop < 0 ? rest.length : stop);
  let offset = start;
  for (const piece of clause.split('、')) {
    const lead = piece.length - piece.trimStart().length;
    // A bracket that is not part of the name (`（牵头人）`, `（地址：…）`) ends it.
    const cut = piece.trim().search(/[（(](?![^（()）]{1,8}[)）][^（()）、]*?[\u3400-\u9fff]{2})/);
    const printed = cut < 0 ? piece.trim() : piece.trim().slice(0, cut);
    const name = orgName(printed);
    if (name) {
      const at = run.locate(offset + lead, offset + lead + printed.length);
      if (at && at.nodes.length === 1 && !found.some((o) => o.node === at.node && o.index === at.index)) {
        found.push({
          text: at.node.data.slice(at.index, at.index + at.length),
          kind: 'name',
          value: name,
          role,
          valid: true,
          expectedCheckChar: null,
          invalidMessage: null,
          name,
          consortium: null,
          node: at.node,
          index: at.index,
          length: at.length,
          row: null,
        });
      }
    }
    offset += piece.length + 1;
  }
}

function occurrenceAt(
  run: Run,
  c: CodeMatch,
  ctx: { role: SubjectRole; name: string | null; consortium: Occurrence['consortium']; row: Element | null },
): Occurrence | null {
  const at = run.locate(c.start, c.end);
  if (!at) return null;
  return {
    text: c.text,
    kind: c.kind,
    value: c.value,
    role: ctx.role,
    valid: c.valid,
    expectedCheckChar: c.expectedCheckChar,
    invalidMessage: c.invalidMessage,
    name: ctx.name,
    consortium: ctx.consortium,
    node: at.node,
    index: at.index,
    length: at.length,
    row: ctx.row,
  };
}

function kindsOf(options: ReaderOptions): readonly IdentifierKind[] {
  return options.kinds ?? ENTERPRISE_KINDS;
}

// ---- form fields --------------------------------------------------------------------------

/**
 * The label a person reads for a form control: its `<label>`, `aria-label`, the label cell
 * or text right before it; `null` when it has none.
 *
 * @example
 * ```ts
 * fieldLabel(document.querySelector('#uscc')!); // '统一社会信用代码'
 * ```
 */
export function fieldLabel(el: Element): string | null {
  const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '').replace(/[：:*＊]/g, '');
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length > 0) {
    const text = clean([...labels].map((l) => l.textContent).join(''));
    if (text) return text;
  }
  const aria = clean(el.getAttribute('aria-label'));
  if (aria) return aria;
  const by = el.getAttribute('aria-labelledby');
  if (by) {
    const text = clean(
      by
        .split(/\s+/)
        .map((id) => el.ownerDocument.getElementById(id)?.textContent)
        .join(''),
    );
    if (text) return text;
  }
  // The text right before it in its parent, else the cell before its cell.
  for (let prev = el.previousSibling; prev; prev = prev.previousSibling) {
    // Another control, or the label of another control, is not this one's label.
    if (prev.nodeType === 1) {
      const p = prev as Element;
      if (p.matches('input, select, textarea') || p.querySelector('input, select, textarea')) return null;
      if (p.tagName === 'LABEL' && p.getAttribute('for') && p.getAttribute('for') !== el.id) return null;
    }
    const text = clean(prev.textContent);
    if (text) return text.length <= 20 ? text : null;
  }
  const cell = el.closest('td, dd');
  const labelCell = cell?.previousElementSibling;
  if (labelCell && /^(?:TD|TH|DT)$/.test(labelCell.tagName)) {
    const text = clean(labelCell.textContent);
    if (text && text.length <= 20) return text;
  }
  return null;
}

/**
 * The value a control shows: an input's or textarea's value, a select's chosen option text.
 *
 * @example
 * ```ts
 * fieldValue(readonlyInput); // '91330100MA703R94XL'
 * ```
 */
export function fieldValue(el: Element): string {
  if (el.tagName === 'SELECT') {
    const select = el as HTMLSelectElement;
    return select.selectedOptions?.[0]?.textContent?.trim() ?? '';
  }
  return (el as HTMLInputElement).value ?? '';
}

function readField(el: Element, options: ReaderOptions, out: Occurrence[]): void {
  if (el.tagName === 'INPUT' && NOT_TEXT_INPUTS.test(el.getAttribute('type') ?? 'text')) return;
  if (options.state.processed.has(el) || options.isHidden(el)) return;
  const value = fieldValue(el);
  if (!value.trim()) return;
  const label = fieldLabel(el);
  if (!label) return;
  options.state.processed.add(el);
  const node = el.ownerDocument.createTextNode(value);
  const run = new Run();
  run.add(node);
  const role = roleFromText(label, 'mention');
  const codes = codesIn(run, kindsOf(options), !/代码|证照号|注册号/.test(label));
  for (const c of codes) {
    const o = occurrenceAt(run, c, { role, name: null, consortium: null, row: el.closest('tr') });
    if (o) out.push({ ...o, field: el });
  }
  if (codes.length > 0 || !FIELD_LABEL.test(label)) return;
  const companies = options.companyLabels;
  const nameLabel =
    (options.names !== false && /单位名称|企业名称|公司名称|供应商|投标人/.test(label)) ||
    companies?.test(label);
  const name = nameLabel ? orgName(value) : null;
  if (name) {
    out.push({
      text: value,
      kind: 'name',
      value: name,
      role: companies?.test(label) ? 'mention' : role,
      valid: true,
      expectedCheckChar: null,
      invalidMessage: null,
      name,
      consortium: null,
      node,
      index: 0,
      length: value.length,
      row: el.closest('tr'),
      field: el,
    });
  }
}

// ---- bidder tables ------------------------------------------------------------------------

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
        const o = nameOccurrence(member, name, 'consortium_member', row, consortium);
        if (o) found.push(o);
      }
      for (const { run, code } of mine) {
        const o = occurrenceAt(run, code, { role: 'consortium_member', name: member.name, consortium, row });
        if (o) found.push(o);
      }
    });
  } else {
    const name = named[0]?.name ?? null;
    for (const member of members) {
      for (const code of member.codes) {
        const o = occurrenceAt(member.run, code, { role: model.role, name, consortium: null, row });
        if (o) found.push(o);
      }
    }
    for (const { run, code } of columnCodes) {
      const o = occurrenceAt(run, code, { role: model.role, name, consortium: null, row });
      if (o) found.push(o);
    }
    const first = named[0];
    if (found.length === 0 && first && name) {
      const o = nameOccurrence(first, name, model.role, row, null);
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
): Occurrence | null {
  const text = member.run.full;
  const index = text.indexOf(name, member.start);
  // The name as printed may hold spaces the canonical form drops: place at the part.
  const start = index >= 0 && index < member.end ? index : member.start;
  const end = index >= 0 && index < member.end ? index + name.length : member.end;
  const at = member.run.locate(start, end);
  if (!at) return null;
  return {
    text: at.node.data.slice(at.index, at.index + at.length),
    kind: 'name',
    value: name,
    role,
    valid: true,
    expectedCheckChar: null,
    invalidMessage: null,
    name,
    consortium,
    node: at.node,
    index: at.index,
    length: at.length,
    row,
  };
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
 *
 * @example
 * ```ts
 * splitParts('甲有限公司、乙有限公司').map((p) => p.text); // ['甲有限公司', '乙有限公司']
 * ```
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

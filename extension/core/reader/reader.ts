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
  FIELD_LABEL,
  INLINE_TAGS,
  NAME_END,
  POSITION_LABEL,
  roleOfPosition,
  SKIP_TAGS,
} from './heuristics.ts';
import { orgName, orgNameBefore, roleFromText } from './names.ts';
import type { TableModel } from './table.ts';
import { type CodeMatch, clauseBefore, codesIn, Run } from './text.ts';
import type { Occurrence, ReaderOptions } from './types.ts';

const FIELD_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const NOT_TEXT_INPUTS = /^(?:hidden|password|checkbox|radio|button|submit|reset|file|image|color|range)$/i;
// Worth a closer look: a code-like run, a label's colon, or 为 (`候选人为…`).
const CANDIDATE = /[0-9A-Za-z]{6}|[：:]|为/;
const CLAUSE_END = /[。；;！!？?\n]/;

/**
 * How bidder tables are found and read: given by `bidders.ts` (`readSubjects`), absent where a
 * mode reads no bidders (a loan page is read as text and fields only, and its bundle stays small).
 */
export interface TableSupport {
  model(table: Element, options: ReaderOptions): TableModel | null;
  read(table: Element, model: TableModel, root: Node, options: ReaderOptions, out: Occurrence[]): void;
}

/**
 * Reads the subjects under `root` (the body for a full scan, an added node for an incremental
 * one), in document order, with bidder tables read by `tables` (or as text when `null`). Nodes in
 * `state.processed` are skipped; the ones read are added.
 */
export function readPage(root: Node, options: ReaderOptions, tables: TableSupport | null): Occurrence[] {
  const element = root.nodeType === 1 ? (root as Element) : root.parentElement;
  if (!element || ignoredAround(element, options)) return [];
  const out: Occurrence[] = [];
  const around = tables ? bidderTableAround(element, options, tables) : null;
  if (around && tables) {
    tables.read(around.table, around.model, root, options, out);
    return out;
  }
  walk(
    root,
    options,
    {
      run: (run) => readRun(run, options, out),
      field: (el) => readField(el, options, out),
      table: (el, model) => tables?.read(el, model, el, options, out),
    },
    tables?.model ?? null,
  );
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

function bidderTableAround(
  element: Element,
  options: ReaderOptions,
  tables: TableSupport,
): { table: Element; model: TableModel } | null {
  for (let t = element.closest('table'); t; t = t.parentElement?.closest('table') ?? null) {
    const model = tables.model(t, options);
    if (model) return { table: t, model };
  }
  return null;
}

// ---- running text -------------------------------------------------------------------------

/**
 * Walks `root` once in document order: runs of visible text, form controls, and the tables
 * `models` takes for bidder tables (whose subtree the visitor reads as a whole).
 */
export function walk(
  root: Node,
  options: ReaderOptions,
  visitor: WalkVisitor,
  models: TableSupport['model'] | null,
): void {
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
    if (tag === 'TABLE' && models) {
      const model = models(el, options);
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
        const o = nameOccurrenceAt(run, offset + lead, offset + lead + printed.length, {
          name,
          role,
          consortium: null,
          row: null,
        });
        if (o) found.push(o);
      }
    }
    offset += piece.length + 1;
  }
}

export function occurrenceAt(
  run: Run,
  c: CodeMatch,
  ctx: {
    role: SubjectRole;
    name: string | null;
    consortium: Occurrence['consortium'];
    row: Element | null;
    rowNo?: string | null;
  },
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
    ...(ctx.rowNo ? { rowNo: ctx.rowNo } : {}),
  };
}

/** A name printed at `start`–`end` of `run`, as an occurrence (null when it is not in one text node's reach). */
export function nameOccurrenceAt(
  run: Run,
  start: number,
  end: number,
  ctx: {
    name: string;
    role: SubjectRole;
    consortium: Occurrence['consortium'];
    row: Element | null;
    rowNo?: string | null;
  },
): Occurrence | null {
  const at = run.locate(start, end);
  if (!at) return null;
  return {
    text: at.node.data.slice(at.index, at.index + at.length),
    kind: 'name',
    value: ctx.name,
    role: ctx.role,
    valid: true,
    expectedCheckChar: null,
    invalidMessage: null,
    name: ctx.name,
    consortium: ctx.consortium,
    node: at.node,
    index: at.index,
    length: at.length,
    row: ctx.row,
    ...(ctx.rowNo ? { rowNo: ctx.rowNo } : {}),
  };
}

export function kindsOf(options: ReaderOptions): readonly IdentifierKind[] {
  return options.kinds ?? ENTERPRISE_KINDS;
}

// ---- form fields --------------------------------------------------------------------------

/**
 * The label a person reads for a form control: its `<label>`, `aria-label`, the label cell
 * or text right before it; `null` when it has none.
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

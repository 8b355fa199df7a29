/**
 * Finds the subjects a procurement page shows: enterprise codes anywhere in visible text,
 * codes with a wrong check character where the page labels them as codes, and company names
 * in bidder positions (table columns headed 投标人/供应商/单位名称…, prose such as
 * `中标供应商：…`) when no code is given. A page layout narrows the search to its selectors;
 * an unknown page gets the generic rules. Reads only: the DOM is not changed here.
 */
import type { IdentifierKind } from '@xinjian/sdk';
import { findIdentifiers, parseIdCard, parseUscc } from '@xinjian/sdk/identifiers';
import type { Occurrence } from '../reader/types.ts';
import type { SubjectRole } from '../screening/model.ts';
import { ENTERPRISE_KINDS } from '../screening/subjects.ts';
import type { PageLayout, TableLayout } from './layout.ts';

export type { Occurrence };

/**
 * What the detector needs besides the DOM.
 *
 * @example
 * ```ts
 * const options: DetectOptions = { layout: null, isHidden: createHiddenCheck(), state: createDetectState(), ignore: isOwnUi };
 * ```
 */
export interface DetectOptions {
  layout: PageLayout | null;
  isHidden: (element: Element) => boolean;
  state: DetectState;
  /** Nodes that belong to the extension's own UI. */
  ignore: (node: Node) => boolean;
  /** Identifier kinds to report; default the enterprise kinds (never ID numbers). */
  kinds?: readonly IdentifierKind[];
}

/**
 * What the detector remembers between scans of one page: nodes already handled (so none is
 * handled twice) and consortium ids.
 *
 * @example
 * ```ts
 * const state = createDetectState(); // a new one after an in-page navigation
 * ```
 */
export interface DetectState {
  processed: WeakSet<Node>;
  consortiumIds: WeakMap<Element, string>;
  nextConsortium: number;
  columns: WeakMap<Element, ColumnMap | null>;
}

/**
 * A fresh detector state.
 *
 * @example
 * ```ts
 * const state = createDetectState();
 * ```
 */
export function createDetectState(): DetectState {
  return {
    processed: new WeakSet(),
    consortiumIds: new WeakMap(),
    nextConsortium: 1,
    columns: new WeakMap(),
  };
}

/** Column roles of a generic bidder table, read from its header. */
export interface ColumnMap {
  name: number | null;
  codes: number[];
  role: SubjectRole;
}

const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'TEMPLATE',
  'INPUT',
  'SELECT',
  'OPTION',
  'CODE-EDITOR',
]);
const CODE_HEADER = /信用代码|机构代码|注册号|社会代码/;
const NAME_HEADER = /投标人|供应商|中标人|成交人|候选人|单位名称|企业名称|公司名称|投标单位|联合体成员|名称/;
const NOT_NAME_HEADER = /代码|编号|号码|地址|电话|报价|金额|联系|时间|日期|得分|排名|序号|备注|项目/;
const ORG_SUFFIX =
  '(?:有限责任公司|股份有限公司|有限公司|集团|公司|研究院|研究所|设计院|事务所|合作社|中心|医院|学校|大学|学院|厂|部|所|院|站|社|店|行|会)';
const ORG_NAME = new RegExp(`[\\u3400-\\u9fffA-Za-z0-9（）()·]{2,60}?${ORG_SUFFIX}`, 'g');
// Labels that put a company in a bidder position in running text, and what it is there.
const PROSE_NAME_LABELS: ReadonlyArray<{ pattern: RegExp; role: SubjectRole }> = [
  { pattern: /第[一二三四五六七八九十\d]+名?中标(?:（成交）)?候选人(?:为|是|[：:])\s*/g, role: 'candidate' },
  { pattern: /(?:中标|成交)(?:（成交）)?(?:供应商|人|单位)(?:名称)?\s*[：:]\s*/g, role: 'winner' },
  { pattern: /(?:投标人|供应商|投标单位)名称\s*[：:]\s*/g, role: 'bidder' },
];
const CLAUSE_END = /[。；;！!？?\n]/;
const USCC_TOKEN = /(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])/g;
const CODE_LABEL_BEFORE = /(?:信用代码|社会信用代码|代码)\s*[：:]?\s*$/;

/**
 * Detects the subjects under `root` (the document body for a full scan, an added node for an
 * incremental one), in document order. Nodes already in `state.processed` are skipped and the
 * ones handled here are added to it.
 *
 * @example
 * ```ts
 * const found = detect(document.body, { layout: layoutFor(location.href), isHidden, state, ignore });
 * ```
 */
export function detect(root: Node, options: DetectOptions): Occurrence[] {
  const element = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : root.parentElement;
  if (!element || options.ignore(element)) return [];
  // A text node is in one row at most: read that row, not every table around its parent.
  const rowsRoot = root === element ? element : element.closest('tr');

  // Rows come table by table in row order, text nodes in document order: two sorted lists to
  // merge. (Sorting everything with compareDocumentPosition is quadratic on a long table.)
  const byTable = new Map<Element, Occurrence[]>();
  for (const { row, layout, table } of rowsRoot ? bidderRows(rowsRoot, options) : []) {
    let list = byTable.get(table);
    if (!list) {
      list = [];
      byTable.set(table, list);
    }
    scanRow(row, layout, options, list);
  }
  const tables = [...byTable.keys()].sort(byDocumentOrder);
  const fromTables = tables.flatMap((t) => byTable.get(t) ?? []);
  const fromText: Occurrence[] = [];
  scanText(root, options, fromText);
  return mergeByPosition(fromTables, fromText);
}

type RowSpec = {
  nameCell: Element | null;
  codeCells: Element[];
  role: SubjectRole;
  consortiumMarker: string;
};

function* bidderRows(
  root: Element,
  options: DetectOptions,
): Generator<{ row: Element; layout: RowSpec; table: Element }> {
  const { layout, state } = options;
  const fresh = (row: Element) => !state.processed.has(row) && !options.isHidden(row);
  if (layout) {
    for (const tl of layout.tables) {
      for (const table of tablesAround(root, tl.table)) {
        for (const row of rowsWithin(root, table, tl.rows)) {
          if (fresh(row)) yield { row, layout: specFromLayout(row, tl), table };
        }
      }
    }
    if (layout.tables.length > 0) return;
  }
  for (const table of tablesAround(root, 'table')) {
    let map = state.columns.get(table);
    if (map === undefined) {
      map = columnMap(table);
      state.columns.set(table, map);
    }
    if (!map) continue;
    const header = headerRow(table);
    for (const row of rowsWithin(root, table, 'tr')) {
      if (row === header || row.closest('table') !== table || row.parentElement?.tagName === 'THEAD')
        continue;
      if (fresh(row)) yield { row, layout: specFromColumns(row, map), table };
    }
  }
}

function tablesAround(root: Element, selector: string): Element[] {
  const tables = [...root.querySelectorAll(selector)];
  const enclosing = root.closest(selector);
  if (enclosing && !tables.includes(enclosing)) tables.unshift(enclosing);
  return tables;
}

// The rows of `table` that `root` covers, without walking a long table for a one-row change.
function rowsWithin(root: Element, table: Element, selector: string): Element[] {
  if (root === table || root.contains(table)) return [...table.querySelectorAll(selector)];
  const row = root.closest('tr');
  if (row && table.contains(row)) return row.matches(selector) ? [row] : [];
  return [...root.querySelectorAll(selector)].filter((r) => table.contains(r));
}

function specFromLayout(row: Element, tl: TableLayout): RowSpec {
  return {
    nameCell: row.querySelector(tl.nameCell),
    codeCells: [...row.querySelectorAll(tl.codeCells)],
    role: tl.role,
    consortiumMarker: tl.consortiumMarker ?? '联合体',
  };
}

function specFromColumns(row: Element, map: ColumnMap): RowSpec {
  const cells = cellsByColumn(row);
  return {
    nameCell: map.name === null ? null : (cells.get(map.name) ?? null),
    codeCells: map.codes.map((i) => cells.get(i)).filter((c): c is Element => c !== undefined),
    role: map.role,
    consortiumMarker: '联合体',
  };
}

function headerRow(table: Element): Element | null {
  const thead = table.querySelector(':scope > thead');
  const rows = thead ? [...thead.querySelectorAll(':scope > tr')] : [];
  if (rows.length > 0) return rows[rows.length - 1] ?? null;
  const first = table.querySelector('tr');
  if (first && [...first.children].every((c) => c.tagName === 'TH')) return first;
  return null;
}

/**
 * Reads a table's header: which column holds names, which hold codes, and the role of the
 * subjects listed. `null` when the table is not a bidder table.
 *
 * @example
 * ```ts
 * columnMap(document.querySelector('#bidder-list')!); // { name: 1, codes: [2, 3], role: 'bidder' }
 * ```
 */
export function columnMap(table: Element): ColumnMap | null {
  const header = headerRow(table);
  if (!header) return null;
  let name: number | null = null;
  let role: SubjectRole = 'bidder';
  const codes: number[] = [];
  for (const [index, cell] of cellsByColumn(header)) {
    const text = (cell.textContent ?? '').replace(/\s+/g, '');
    if (CODE_HEADER.test(text)) codes.push(index);
    else if (name === null && NAME_HEADER.test(text) && !NOT_NAME_HEADER.test(text)) {
      name = index;
      role = roleFromText(text, 'bidder');
    }
  }
  if (name === null && codes.length === 0) return null;
  return { name, codes, role };
}

function cellsByColumn(row: Element): Map<number, Element> {
  const map = new Map<number, Element>();
  let column = 0;
  for (const cell of row.children) {
    if (cell.tagName !== 'TD' && cell.tagName !== 'TH') continue;
    map.set(column, cell);
    column += Math.max(1, Number(cell.getAttribute('colspan')) || 1);
  }
  return map;
}

function scanRow(row: Element, spec: RowSpec, options: DetectOptions, out: Occurrence[]): void {
  const { state } = options;
  state.processed.add(row);
  const found: Occurrence[] = [];
  const nameCell = spec.nameCell;
  const cellName = nameCell ? orgNameIn(nameCell.textContent ?? '') : null;
  const isConsortium = nameCell !== null && (nameCell.textContent ?? '').includes(spec.consortiumMarker);
  const consortium = isConsortium ? consortiumFor(row, nameCell, state) : null;

  for (const cell of spec.codeCells) {
    if (cell === nameCell) continue;
    for (const node of textNodes(cell, options)) {
      codesIn(
        node,
        {
          kinds: kindsOf(options),
          role: spec.role,
          row,
          name: cellName,
          consortium: null,
          invalidNeedsLabel: false,
        },
        found,
      );
    }
  }
  if (nameCell) {
    for (const node of textNodes(nameCell, options)) {
      codesIn(
        node,
        {
          kinds: kindsOf(options),
          role: isConsortium ? 'consortium_member' : spec.role,
          row,
          name: null,
          consortium,
          invalidNeedsLabel: true,
        },
        found,
      );
    }
  }
  if (found.length === 0 && nameCell && cellName && !isConsortium) {
    const node = textNodes(nameCell, options).find((n) => n.data.includes(cellName));
    if (node) {
      found.push({
        text: cellName,
        kind: 'name',
        value: cellName,
        role: spec.role,
        valid: true,
        expectedCheckChar: null,
        invalidMessage: null,
        name: cellName,
        consortium: null,
        node,
        index: node.data.indexOf(cellName),
        length: cellName.length,
        row,
      });
    }
  }
  for (const cell of row.children)
    for (const node of textNodes(cell, options, true)) state.processed.add(node);
  out.push(...found);
}

function consortiumFor(row: Element, cell: Element, state: DetectState): { id: string; name: string | null } {
  let id = state.consortiumIds.get(row);
  if (!id) {
    id = `consortium-${state.nextConsortium++}`;
    state.consortiumIds.set(row, id);
  }
  const lead = /牵头人\s*[：:]\s*([^（(，,；;\n]+)/.exec(cell.textContent ?? '');
  return { id, name: lead?.[1]?.trim() ?? null };
}

function scanText(root: Node, options: DetectOptions, out: Occurrence[]): void {
  const proseSelector = options.layout?.prose;
  const nodes =
    root.nodeType === Node.TEXT_NODE
      ? acceptText(root as Text, options)
        ? [root as Text]
        : []
      : textNodes(root as Element, options);
  for (const node of nodes) {
    if (proseSelector && !node.parentElement?.closest(proseSelector)) continue;
    options.state.processed.add(node);
    const found: Occurrence[] = [];
    codesIn(
      node,
      {
        kinds: kindsOf(options),
        role: null,
        row: null,
        name: null,
        consortium: null,
        invalidNeedsLabel: true,
      },
      found,
    );
    namesIn(node, found);
    out.push(...found);
  }
}

function acceptText(node: Text, options: DetectOptions, includeProcessed = false): boolean {
  if (!includeProcessed && options.state.processed.has(node)) return false;
  if (!node.data.trim()) return false;
  const parent = node.parentElement;
  if (!parent || SKIP_TAGS.has(parent.tagName) || parent.isContentEditable) return false;
  for (let n: Node | null = parent; n; n = n.parentNode) if (options.ignore(n)) return false;
  return !options.isHidden(parent);
}

function textNodes(root: Element, options: DetectOptions, includeProcessed = false): Text[] {
  const out: Text[] = [];
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      if (node.nodeType === Node.ELEMENT_NODE) {
        const el = node as Element;
        // Skip whole subtrees that can never hold page text we badge.
        if (SKIP_TAGS.has(el.tagName) || options.ignore(el)) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_SKIP;
      }
      return acceptText(node as Text, options, includeProcessed)
        ? NodeFilter.FILTER_ACCEPT
        : NodeFilter.FILTER_SKIP;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

type CodeContext = {
  kinds: readonly IdentifierKind[];
  /** `null`: read the role from the sentence around the code. */
  role: SubjectRole | null;
  row: Element | null;
  name: string | null;
  consortium: { id: string; name: string | null } | null;
  /** Report a wrong check character only where the text labels the token as a code. */
  invalidNeedsLabel: boolean;
};

function codesIn(node: Text, ctx: CodeContext, out: Occurrence[]): void {
  const text = node.data;
  const valid = findIdentifiers(text, { kinds: ctx.kinds });
  for (const m of valid) {
    const clause = clauseBefore(text, m.index);
    out.push({
      text: text.slice(m.index, m.index + m.length),
      kind: m.kind,
      value: m.value,
      role: ctx.role ?? roleFromText(clause, 'mention'),
      valid: true,
      expectedCheckChar: null,
      invalidMessage: null,
      name: ctx.name ?? orgNameBefore(clause),
      consortium: ctx.consortium,
      node,
      index: m.index,
      length: m.length,
      row: ctx.row,
    });
  }
  const taken = valid.map((m) => [m.index, m.index + m.length] as const);
  USCC_TOKEN.lastIndex = 0;
  for (let m = USCC_TOKEN.exec(text); m; m = USCC_TOKEN.exec(text)) {
    const start = m.index;
    if (taken.some(([a, b]) => start < b && start + m[0].length > a)) continue;
    const token = m[0].toUpperCase();
    if (ctx.invalidNeedsLabel && !CODE_LABEL_BEFORE.test(text.slice(Math.max(0, start - 16), start)))
      continue;
    const parsed = parseUscc(token);
    // A personal ID number is never reported as a mistyped company code.
    if (parsed.ok || parsed.reason !== 'checksum' || parseIdCard(token).ok) continue;
    const clause = clauseBefore(text, start);
    out.push({
      text: m[0],
      kind: 'uscc',
      value: token,
      role: ctx.role ?? roleFromText(clause, 'mention'),
      valid: false,
      expectedCheckChar: parsed.expectedCheckChar ?? null,
      invalidMessage: parsed.message,
      name: ctx.name ?? orgNameBefore(clause),
      consortium: ctx.consortium,
      node,
      index: start,
      length: m[0].length,
      row: ctx.row,
    });
  }
}

// A name in a bidder position with no code in its sentence: the name is all there is.
function namesIn(node: Text, out: Occurrence[]): void {
  const text = node.data;
  for (const { pattern, role } of PROSE_NAME_LABELS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = m.index + m[0].length;
      const rest = text.slice(start);
      const end = rest.search(CLAUSE_END);
      const clause = end < 0 ? rest : rest.slice(0, end);
      ORG_NAME.lastIndex = 0;
      const name = ORG_NAME.exec(clause);
      if (name?.index !== 0) continue;
      const clauseEnd = start + clause.length;
      if (out.some((o) => o.node === node && o.index >= start && o.index < clauseEnd)) continue;
      out.push({
        text: name[0],
        kind: 'name',
        value: name[0],
        role,
        valid: true,
        expectedCheckChar: null,
        invalidMessage: null,
        name: name[0],
        consortium: null,
        node,
        index: start,
        length: name[0].length,
        row: null,
      });
    }
  }
}

function kindsOf(options: DetectOptions): readonly IdentifierKind[] {
  return options.kinds ?? ENTERPRISE_KINDS;
}

function clauseBefore(text: string, index: number): string {
  const before = text.slice(0, index);
  let cut = -1;
  for (let i = before.length - 1; i >= 0; i--) {
    if (CLAUSE_END.test(before[i] ?? '')) {
      cut = i;
      break;
    }
  }
  return before.slice(cut + 1);
}

/**
 * The role a label gives: 候选人 before 中标/成交 (a 中标候选人 has not won), then 联合体, then
 * bidder.
 *
 * @example
 * ```ts
 * roleFromText('第二中标候选人为', 'mention'); // 'candidate'
 * ```
 */
export function roleFromText(text: string, fallback: SubjectRole): SubjectRole {
  if (/候选人/.test(text)) return 'candidate';
  if (/中标|成交/.test(text)) return 'winner';
  if (/联合体/.test(text)) return 'consortium_member';
  if (/投标人|供应商|投标单位|单位名称/.test(text)) return 'bidder';
  return fallback;
}

// The company named right before a code: `…为杭州某某有限公司（统一社会信用代码：` → 杭州某某有限公司.
function orgNameBefore(clause: string): string | null {
  const head = clause.replace(/[（(][^（()）]*$/, '');
  const segment = head.split(/[：:，,、]|(?:候选人|供应商|牵头人|成员)(?:为|是)?/).pop() ?? '';
  return orgNameIn(segment.replace(/^(?:为|是)/, ''));
}

/**
 * The company name in a cell or fragment: the whole trimmed text when it ends like an
 * organisation's name, else the first organisation-like run.
 *
 * @example
 * ```ts
 * orgNameIn(' 栖禾建设工程有限公司 '); // '栖禾建设工程有限公司'
 * orgNameIn('—'); // null
 * ```
 */
export function orgNameIn(text: string): string | null {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (
    trimmed.length >= 2 &&
    trimmed.length <= 60 &&
    new RegExp(`^[^：:，,；;]*${ORG_SUFFIX}$`).test(trimmed)
  ) {
    return trimmed;
  }
  ORG_NAME.lastIndex = 0;
  return ORG_NAME.exec(trimmed)?.[0] ?? null;
}

function byDocumentOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

function byPosition(a: Occurrence, b: Occurrence): number {
  return a.node === b.node ? a.index - b.index : byDocumentOrder(a.node, b.node);
}

function mergeByPosition(a: Occurrence[], b: Occurrence[]): Occurrence[] {
  if (a.length === 0) return b;
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

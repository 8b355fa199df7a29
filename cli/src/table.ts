/**
 * Terminal tables that line up with Chinese text: CJK and full-width characters take two
 * columns, combining marks none. Cells may hold several lines; a long line wraps to the
 * column's width.
 */
import { stripInvisible } from '@xinjian/sdk/evidence';

// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour codes we skip.
const ANSI = /\u001b\[[0-9;]*m/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same colour codes, kept by clean().
const SGR = /(\u001b\[[0-9;]*m)/;

function charWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x200b) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/**
 * Columns a string takes in a terminal (ANSI colour codes take none).
 *
 * @example
 * ```ts
 * displayWidth('甲公司 A'); // 8
 * ```
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(ANSI, '')) w += charWidth(ch.codePointAt(0) ?? 0);
  return w;
}

// Greedy wrap that keeps Latin words whole where it can; CJK text breaks between any characters.
function wrapLine(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const tokens = line.match(/[!-~\u00a0-\u024f]+|\s+|./gu) ?? [];
  const out: string[] = [];
  let cur = '';
  let curW = 0;
  const flush = (): void => {
    out.push(cur.trimEnd());
    cur = '';
    curW = 0;
  };
  for (const token of tokens) {
    const w = displayWidth(token);
    if (curW + w <= width) {
      cur += token;
      curW += w;
      continue;
    }
    if (/^\s+$/.test(token)) {
      flush();
      continue;
    }
    if (w <= width && cur !== '') {
      flush();
      cur = token;
      curW = w;
      continue;
    }
    for (const ch of token) {
      const cw = charWidth(ch.codePointAt(0) ?? 0);
      if (curW + cw > width && cur !== '') flush();
      cur += ch;
      curW += cw;
    }
  }
  if (cur !== '') out.push(cur);
  return out;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/**
 * How to draw a table.
 *
 * @example
 * ```ts
 * const opts: TableOptions = { maxWidth: process.stdout.columns, wrap: [5] };
 * ```
 */
export interface TableOptions {
  /** Total width to fit into; wrapped columns shrink to make room. Unlimited when absent. */
  maxWidth?: number;
  /** Indexes of columns that may wrap; the widest shrinks first. */
  wrap?: readonly number[];
}

/**
 * Draws a table with box-drawing borders. Each cell is a string or lines of text.
 *
 * @example
 * ```ts
 * renderTable(['名称', '结论'], [['甲公司', '✔ 通过']]);
 * // ┌────────┬────────┐
 * // │ 名称   │ 结论   │ …
 * ```
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly (string | readonly string[])[])[],
  options: TableOptions = {},
): string {
  const cells = rows.map((r) => headers.map((_, c) => toLines(r[c] ?? '')));
  const widths = headers.map((h, c) =>
    Math.max(displayWidth(h), ...cells.map((r) => Math.max(0, ...(r[c] ?? []).map(displayWidth)))),
  );
  if (options.maxWidth !== undefined && options.wrap !== undefined && options.wrap.length > 0) {
    // Borders take 3 columns per cell plus one.
    let excess = widths.reduce((a, b) => a + b, 0) + headers.length * 3 + 1 - options.maxWidth;
    const floorOf = (c: number): number => Math.max(10, displayWidth(headers[c] ?? ''));
    // Shrink the widest wrappable column to the next widest, and so on, so they end up even.
    while (excess > 0) {
      const open = options.wrap.filter((c) => (widths[c] ?? 0) > floorOf(c));
      if (open.length === 0) break;
      open.sort((a, b) => (widths[b] ?? 0) - (widths[a] ?? 0));
      const top = open[0] as number;
      const next = open[1] === undefined ? 0 : (widths[open[1]] ?? 0);
      const target = Math.max(floorOf(top), next);
      const cut = Math.max(1, Math.min(excess, (widths[top] ?? 0) - target));
      widths[top] = (widths[top] ?? 0) - cut;
      excess -= cut;
    }
  }
  const line = (l: string, m: string, r: string): string =>
    `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
  const renderRow = (row: readonly (readonly string[])[]): string[] => {
    const wrapped = row.map((lines, c) => lines.flatMap((l) => wrapLine(l, widths[c] ?? 0)));
    const height = Math.max(1, ...wrapped.map((l) => l.length));
    const out: string[] = [];
    for (let i = 0; i < height; i++) {
      out.push(`│ ${wrapped.map((l, c) => pad(l[i] ?? '', widths[c] ?? 0)).join(' │ ')} │`);
    }
    return out;
  };
  const out = [line('┌', '┬', '┐'), ...renderRow(headers.map((h) => [h]))];
  for (const r of cells) out.push(line('├', '┼', '┤'), ...renderRow(r));
  out.push(line('└', '┴', '┘'));
  return `${out.join('\n')}\n`;
}

// Bidi, zero-width and other control characters from a list or the API would reorder, hide or
// rewrite text on a terminal; only the colour codes (SGR) survive.
function clean(line: string): string {
  return line
    .split(SGR)
    .map((part, i) => (i % 2 === 1 ? part : stripInvisible(part)))
    .join('');
}

function toLines(cell: string | readonly string[]): string[] {
  return (typeof cell === 'string' ? cell.split('\n') : [...cell]).map(clean);
}

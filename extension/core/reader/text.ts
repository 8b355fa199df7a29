/**
 * Text as a person reads it: the visible text nodes of an element, in document order, joined
 * into one string where they sit in adjacent inline elements (so `<span>9133…</span><span>…X</span>`
 * reads as one code), with a line break wherever a block, a `<br>` or hidden text comes between.
 * Offsets in the joined string map back to the text nodes for badge placement.
 */
import type { IdentifierKind } from '@xinjian/sdk';
import type { IdentifierMatch } from '@xinjian/sdk/identifiers';
import { findIdentifiers, parseIdCard, parseUscc } from '@xinjian/sdk/identifiers';
import { CODE_LABEL_BEFORE, INLINE_TAGS, SKIP_TAGS } from './heuristics.ts';
import type { ReaderOptions } from './types.ts';

/**
 * An element's `textContent`, read from its only child when that is text: the DOM hands that
 * string over as it is, where `textContent` builds a new one (a long list reads thousands).
 */
export function textOf(element: Element): string {
  const only = element.firstChild;
  if (only !== null && only === element.lastChild && only.nodeType === 3) return (only as Text).data;
  return element.textContent ?? '';
}

/** Stands between text nodes that must not join: a block edge, a `<br>`, hidden text. */
export const BREAK = '\n';

/**
 * A stretch of visible text made of one or more text nodes.
 */
export class Run {
  text = '';
  readonly nodes: Text[] = [];
  readonly starts: number[] = [];
  /** Text before the run's own (the label in the cell before), not printed in it. */
  prefix = '';

  /** The visible text of an element, nodes already handled included unless told. */
  static of(element: Element, options: ReaderOptions, includeProcessed = true): Run {
    const run = new Run();
    collect(element, run, options, includeProcessed);
    return run;
  }

  add(node: Text): void {
    this.nodes.push(node);
    this.starts.push(this.prefix.length + this.text.length);
    this.text += node.data;
  }

  gap(): void {
    if (this.text.length > 0 && !this.text.endsWith(BREAK)) this.text += BREAK;
  }

  /** The whole string the reader matches against: the prefix, then the run's text. */
  get full(): string {
    return this.prefix + this.text;
  }

  /**
   * Where the range `[start, end)` of {@link full} is printed: the node holding its end, the
   * offset in it, and the length within it. `null` when the range is in the prefix.
   */
  locate(start: number, end: number): { node: Text; index: number; length: number; nodes: Text[] } | null {
    if (end <= this.prefix.length) return null;
    let last = -1;
    let first = -1;
    for (let i = 0; i < this.nodes.length; i++) {
      const s = this.starts[i] as number;
      const e = s + (this.nodes[i] as Text).data.length;
      if (e > start && s < end) {
        if (first < 0) first = i;
        last = i;
      }
      if (s >= end) break;
    }
    if (last < 0) return null;
    const node = this.nodes[last] as Text;
    const s = this.starts[last] as number;
    const index = Math.max(0, start - s);
    return {
      node,
      index,
      length: Math.min(node.data.length, end - s) - index,
      nodes: this.nodes.slice(first, last + 1),
    };
  }
}

function collect(element: Element, run: Run, options: ReaderOptions, includeProcessed: boolean): void {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const text = child as Text;
      if (!includeProcessed && options.state.processed.has(text)) continue;
      if (text.data.length > 0) run.add(text);
    } else if (child.nodeType === 1) {
      const el = child as Element;
      if (el.tagName === 'BR') {
        run.gap();
        continue;
      }
      if (SKIP_TAGS.has(el.tagName) || options.ignore(el) || options.isHidden(el)) {
        run.gap();
        continue;
      }
      const inline = INLINE_TAGS.has(el.tagName);
      if (!inline) run.gap();
      collect(el, run, options, includeProcessed);
      if (!inline) run.gap();
    }
  }
}

/** A code read from a run. */
export interface CodeMatch {
  kind: IdentifierKind;
  value: string;
  valid: boolean;
  expectedCheckChar: string | null;
  invalidMessage: { zh: string; en: string } | null;
  /** Offsets in the run's {@link Run.full}. */
  start: number;
  end: number;
  text: string;
}

const USCC_TOKEN = /(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])/g;

/**
 * The codes in a run: every valid code of the kinds asked for, joined across inline elements
 * only when no part is a valid code by itself, and USCC-shaped tokens with a wrong check
 * character (labelled as a code before them, unless `labelled` is false: a code column is a
 * label).
 */
export function codesIn(run: Run, kinds: readonly IdentifierKind[], needsLabel: boolean): CodeMatch[] {
  const text = run.full;
  const out: CodeMatch[] = [];
  const taken: Array<[number, number]> = [];
  // Codes within one text node, then codes that only the joined text makes.
  const matches: IdentifierMatch[] = [];
  const find = { kinds };
  for (let i = 0; i < run.nodes.length; i++) {
    const start = run.starts[i] as number;
    // The matches are new objects: offset them in place.
    for (const m of findIdentifiers((run.nodes[i] as Text).data, find)) {
      m.index += start;
      matches.push(m);
    }
  }
  if (run.nodes.length > 1) {
    for (const m of findIdentifiers(text, { kinds })) {
      const end = m.index + m.length;
      if (matches.some((n) => m.index < n.index + n.length && end > n.index)) continue;
      if (joinable(run, m.index, end, kinds)) matches.push(m);
    }
  }
  for (const m of matches) {
    const start = m.index;
    const end = m.index + m.length;
    if (end <= run.prefix.length) continue;
    taken.push([start, end]);
    out.push({
      kind: m.kind,
      value: m.value,
      valid: true,
      expectedCheckChar: null,
      invalidMessage: null,
      start,
      end,
      text: text.slice(start, end),
    });
  }
  if (!kinds.includes('uscc')) return out;
  USCC_TOKEN.lastIndex = 0;
  for (let m = USCC_TOKEN.exec(text); m; m = USCC_TOKEN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (end <= run.prefix.length || taken.some(([a, b]) => start < b && end > a)) continue;
    if (needsLabel && !CODE_LABEL_BEFORE.test(text.slice(Math.max(0, start - 16), start))) continue;
    const token = m[0].toUpperCase();
    const parsed = parseUscc(token);
    // A personal ID number is never reported as a mistyped company code.
    if (parsed.ok || parsed.reason !== 'checksum' || parseIdCard(token).ok) continue;
    if (!joinable(run, start, end, ['uscc'])) continue;
    out.push({
      kind: 'uscc',
      value: token,
      valid: false,
      expectedCheckChar: parsed.expectedCheckChar ?? null,
      invalidMessage: parsed.message,
      start,
      end,
      text: m[0],
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

// A match within one node always counts; across nodes only when no part is a code by itself.
function joinable(run: Run, start: number, end: number, kinds: readonly IdentifierKind[]): boolean {
  const at = run.locate(start, end);
  if (!at || at.nodes.length <= 1) return at !== null;
  const text = run.full;
  for (const node of at.nodes) {
    const i = run.nodes.indexOf(node);
    const s = Math.max(start, run.starts[i] as number);
    const e = Math.min(end, (run.starts[i] as number) + node.data.length);
    if (findIdentifiers(text.slice(s, e), { kinds }).length > 0) return false;
  }
  return true;
}

/**
 * The text of the sentence before `index` (back to the last full stop, semicolon or break).
 */
export function clauseBefore(text: string, index: number): string {
  let cut = index - 1;
  while (cut >= 0 && !/[。；;！!？?\n]/.test(text[cut] ?? '')) cut--;
  return text.slice(cut + 1, index);
}

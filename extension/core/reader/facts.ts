/**
 * Page facts: the project number (项目编号), the lot (标段/包号), the bid deadline and opening
 * time (投标截止时间/开标时间), the buyer (采购人) and a loan application's 业务编号, read from key–value tables, definition
 * lists, labelled form fields and running text, each with the label it was printed under and
 * where. The cut-off of a credit check comes from them when no layout states it.
 */
import { parseChineseDate } from '../screening/cutoff.ts';
import type { TabFact, TabFacts } from '../screening/model.ts';
import { modelOf } from './bidders.ts';
import { FACTS, type FactSpec } from './heuristics.ts';
import { fieldLabel, fieldValue, walk, withoutHidden } from './reader.ts';
import type { Run } from './text.ts';
import type { ReaderOptions } from './types.ts';

/**
 * One fact as the page prints it.
 */
export interface PageFact {
  value: string;
  /** The label it was printed under. */
  label: string;
  /** Where: a key–value table cell, a definition list, a form field, or running text. */
  from: 'table' | 'list' | 'field' | 'text';
  /** For dates: the day, `YYYY-MM-DD`. */
  date?: string;
}

/** Every fact the reader looks for; `null` when the page does not print it. */
export type PageFacts = Record<FactSpec['fact'], PageFact | null>;

const PROSE: ReadonlyArray<{ spec: FactSpec; pattern: RegExp }> = FACTS.map((spec) => ({
  spec,
  pattern: new RegExp(
    `(${spec.label.source.replace(/^\^\(\?:/, '(?:').replace(/\$$/, '')})\\s*[：:]\\s*`,
    'g',
  ),
}));
// The next fact's label (followed by its colon) ends a value: `编号：X　标段：第1标段`.
const ANY_LABEL = new RegExp(PROSE.map((p) => p.pattern.source).join('|'));
const VALUE_END = /[；;。\n，,（(　]|\s{2,}/;

/**
 * The facts printed under `root`; the first place each is printed wins.
 */
export function readFacts(root: Node, options: ReaderOptions): PageFacts {
  const facts: PageFacts = {
    projectNumber: null,
    lot: null,
    deadline: null,
    openingTime: null,
    buyer: null,
    businessNo: null,
  };
  const note = (spec: FactSpec, label: string, raw: string, from: PageFact['from']) => {
    if (facts[spec.fact]) return;
    const value = raw.trim();
    if (!spec.value.test(value)) return;
    const fact: PageFact = { value, label, from };
    if (spec.fact === 'deadline' || spec.fact === 'openingTime') {
      const date = parseChineseDate(value);
      if (!date) return;
      fact.date = date;
    }
    facts[spec.fact] = fact;
  };
  walk(
    root,
    options,
    {
      run(all: Run) {
        if (!/[：:]/.test(all.full) || !ANY_LABEL.test(all.full)) return;
        // Hidden text is not what the page prints.
        const run = withoutHidden(all, options);
        if (run.nodes.length === 0) return;
        const block = run.nodes[0]?.parentElement?.closest('td, th, dd, li, p, div, span');
        const from: PageFact['from'] =
          run.prefix && block?.tagName === 'DD' ? 'list' : run.prefix ? 'table' : 'text';
        const text = run.full;
        for (const { spec, pattern } of PROSE) {
          pattern.lastIndex = 0;
          for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
            const rest = text.slice(m.index + m[0].length);
            let end = rest.search(VALUE_END);
            const next = rest.search(ANY_LABEL);
            if (next >= 0 && (end < 0 || next < end)) end = next;
            const inPrefix = m.index + m[0].length <= run.prefix.length;
            note(
              spec,
              m[1] ?? '',
              end < 0 ? rest : rest.slice(0, end),
              inPrefix || m.index < run.prefix.length ? from : 'text',
            );
            if (facts[spec.fact]) break;
          }
        }
      },
      field(el: Element) {
        if (options.isHidden(el)) return;
        const label = fieldLabel(el);
        if (!label) return;
        for (const spec of FACTS) if (spec.label.test(label)) note(spec, label, fieldValue(el), 'field');
      },
      table() {
        // Bidder tables list bidders, not the project's facts.
      },
    },
    modelOf,
  );
  return facts;
}

/**
 * The cut-off the facts give: the bid deadline, else the opening time; with the fact it came
 * from.
 */
export function cutoffFromFacts(facts: PageFacts): { date: string; fact: PageFact } | null {
  const fact = facts.deadline ?? facts.openingTime;
  return fact?.date ? { date: fact.date, fact } : null;
}

const WHERE: Record<PageFact['from'], string> = { table: '表格', list: '列表', field: '表单', text: '正文' };

/**
 * Where a fact was read, in words for the record: `表格“项目编号”`.
 */
export function factSource(fact: PageFact): string {
  return `${WHERE[fact.from]}“${fact.label}”`;
}

/**
 * The facts a screening tab keeps: each value with its source; the cut-off as a day, its
 * source naming the printed time too.
 */
export function tabFacts(facts: PageFacts): TabFacts {
  const plain = (f: PageFact | null): TabFact | null =>
    f ? { value: f.value, source: factSource(f) } : null;
  const cut = cutoffFromFacts(facts);
  return {
    projectNo: plain(facts.projectNumber),
    lot: plain(facts.lot),
    purchaser: plain(facts.buyer),
    cutoff: cut ? { value: cut.date, source: `${factSource(cut.fact)}：${cut.fact.value}` } : null,
  };
}

/**
 * The facts a screening tab keeps about its page: what the reader finds (项目编号, 标段/包号,
 * 采购人, 投标截止时间/开标时间), with a matching layout's cut-off taking precedence.
 */
import { readFacts, tabFacts } from '../reader/facts.ts';
import type { ReaderOptions } from '../reader/types.ts';
import { readCutoff } from '../screening/cutoff.ts';
import type { TabFacts } from '../screening/model.ts';
import type { PageLayout } from './layout.ts';

/**
 * The page facts of a new page: what the reader finds, the layout's cut-off (when it declares
 * one) before the one the reader finds.
 */
export function pageFacts(root: Element, layout: PageLayout | null, options: ReaderOptions): TabFacts {
  const facts = tabFacts(readFacts(root, options));
  const fromLayout = readCutoff(root.ownerDocument, layout?.cutoff);
  if (fromLayout && layout?.cutoff) {
    const where = layout.cutoff.kind === 'labelled-cell' ? `表格“${layout.cutoff.label}”` : '正文';
    facts.cutoff = { value: fromLayout, source: `${where}（${layout.title}）` };
  }
  return facts;
}

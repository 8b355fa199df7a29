/**
 * Every page layout: each `*.layout.ts` file in this folder exports one. Adding a site is
 * adding a file (and its saved page in `seeds/pages/`).
 */
import { MatchPattern } from 'wxt/utils/match-patterns';
import type { PageLayout } from '../../../core/scan/layout.ts';

export type { CutoffLayout, PageLayout, TableLayout } from '../../../core/scan/layout.ts';

const modules = import.meta.glob<{ layout: PageLayout }>('./*.layout.ts', { eager: true });

/**
 * All layouts, ordered by id.
 *
 * @example
 * ```ts
 * LAYOUTS.map((l) => l.id); // ['demo-award-notice', 'demo-bid-opening', 'demo-bidders']
 * ```
 */
export const LAYOUTS: readonly PageLayout[] = Object.values(modules)
  .map((m) => m.layout)
  .sort((a, b) => a.id.localeCompare(b.id));

/**
 * The layout of the page at `url`, or `null` for generic detection.
 *
 * @example
 * ```ts
 * layoutFor('http://127.0.0.1:8787/demo/bid-opening')?.id; // 'demo-bid-opening'
 * ```
 */
export function layoutFor(url: string, layouts: readonly PageLayout[] = LAYOUTS): PageLayout | null {
  for (const layout of layouts) {
    if (layout.matches.some((p) => new MatchPattern(p).includes(url))) return layout;
  }
  return null;
}

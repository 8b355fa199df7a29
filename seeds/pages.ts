/**
 * The demo pages: the renderers behind `seeds/pages/`, and `renderBidderPage(n)` for the mock
 * server's generated bidder list (`?n=`) and the benchmarks.
 *
 * @example
 * ```ts
 * import { renderBidderPage } from './pages.ts';
 * const html = renderBidderPage(1000); // 1,000 rows, 2 identifiers each
 * ```
 */
import {
  type BidderPageOptions,
  bidderRows,
  type ExpectedPage,
  type ExpectedSubject,
  renderBidderTable,
} from './html.ts';
import { seeds } from './index.ts';
import type { EnterpriseSeed } from './schema.ts';

export type {
  BidderPageOptions,
  BidderRow,
  ExpectedKind,
  ExpectedPage,
  ExpectedRole,
  ExpectedSubject,
  RenderedPage,
} from './html.ts';
export {
  renderAwardNotice,
  renderBidOpening,
  renderLoanReview,
  renderStaticPages,
  STATIC_BIDDER_ROWS,
} from './html.ts';

/**
 * Options of {@link renderBidderPage}: the drawing seed, the page title, and the enterprises to
 * draw from (default: the committed seed set; pass a large generated set for big pages).
 *
 * @example
 * ```ts
 * renderBidderPage(10_000, { enterprises: generateSeeds({ size: 100_000 }).enterprises });
 * ```
 */
export interface RenderBidderPageOptions extends BidderPageOptions {
  enterprises?: readonly EnterpriseSeed[];
}

/**
 * A bidder list page with `n` rows, each with a USCC and a 注册号 (or, when the company has
 * none, an org code). About half the rows repeat a company listed earlier; `magic:*` subjects
 * are never drawn. Deterministic for a given `n` and options. The table is
 * `table#bidder-list.bidder-table`.
 *
 * @throws RangeError when `n` is not a non-negative integer.
 * @example
 * ```ts
 * const html = renderBidderPage(200);
 * html.match(/<tr>/g)?.length; // 201 (header + 200 rows)
 * ```
 */
export function renderBidderPage(n: number, options: RenderBidderPageOptions = {}): string {
  const { enterprises = seeds.enterprises, ...rest } = options;
  return renderBidderTable(seeds, enterprises, n, rest).html;
}

/**
 * What an ideal detector finds on `renderBidderPage(n, options)`: two identifiers per row,
 * in document order.
 *
 * @example
 * ```ts
 * expectedBidderSubjects(10).length; // 20
 * ```
 */
export function expectedBidderSubjects(n: number, options: RenderBidderPageOptions = {}): ExpectedSubject[] {
  const { enterprises = seeds.enterprises, ...rest } = options;
  return renderBidderTable(seeds, enterprises, n, rest).expected.subjects;
}

/**
 * The distinct enterprises on `renderBidderPage(n, options)`.
 *
 * @example
 * ```ts
 * distinctBidders(10).length; // 5
 * ```
 */
export function distinctBidders(n: number, options: RenderBidderPageOptions = {}): EnterpriseSeed[] {
  const { enterprises = seeds.enterprises, ...rest } = options;
  return [...new Set(bidderRows(enterprises, n, rest).map((r) => r.enterprise))];
}

/**
 * `seeds/pages/expected.json`'s shape, for tests that read it.
 *
 * @example
 * ```ts
 * const expected: ExpectedPages = JSON.parse(readFileSync('seeds/pages/expected.json', 'utf8'));
 * ```
 */
export type ExpectedPages = ExpectedPage[];

/**
 * The terminal output for long lists: counts by verdict and the rows that did not pass,
 * instead of a table of every row (2,000 rows would be megabytes of terminal text). `--all`
 * prints every row; the result CSV always has them all.
 */
import type { RowCheck } from './check.ts';
import { type Language, OUTCOME_LABELS, type Outcome, tr } from './labels.ts';
import { renderResultTable } from './render.ts';
import { renderTable } from './table.ts';

/**
 * Lists longer than this get the summary instead of every row.
 *
 * @example
 * ```ts
 * const full = rows.length <= SUMMARY_ABOVE_ROWS;
 * ```
 */
export const SUMMARY_ABOVE_ROWS = 50;

/**
 * Counts by verdict (every outcome present, in the labels' order), then the table of the
 * non-passing rows, then a line saying how many passing rows were left out and how to see them.
 *
 * @example
 * ```ts
 * process.stdout.write(renderSummary('zh', rows, process.stdout.columns));
 * ```
 */
export function renderSummary(lang: Language, rows: readonly RowCheck[], maxWidth?: number): string {
  const counts = new Map<Outcome, number>();
  for (const r of rows) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  const outcomes = (Object.keys(OUTCOME_LABELS) as Outcome[]).filter((o) => counts.has(o));
  const countTable = renderTable(
    [tr(lang, { zh: '结论', en: 'Verdict' }), tr(lang, { zh: '行数', en: 'Rows' })],
    [
      ...outcomes.map((o) => [
        `${OUTCOME_LABELS[o].icon} ${tr(lang, OUTCOME_LABELS[o])}`,
        String(counts.get(o)),
      ]),
      [tr(lang, { zh: '合计', en: 'Total' }), String(rows.length)],
    ],
  );
  const notPassing = rows.filter((r) => r.outcome !== 'pass');
  const passing = rows.length - notPassing.length;
  const parts = [countTable];
  if (notPassing.length > 0) {
    parts.push(
      tr(lang, {
        zh: `未通过的 ${notPassing.length} 行：\n`,
        en: `The ${notPassing.length} rows that did not pass:\n`,
      }),
      renderResultTable(lang, notPassing, maxWidth),
    );
  }
  parts.push(
    tr(lang, {
      zh: `另有 ${passing} 行通过，未逐行列出；用 --all 显示每一行，结果表中有全部行。\n`,
      en: `${passing} passing rows are not listed; --all prints every row, and the result CSV has them all.\n`,
    }),
  );
  return parts.join('');
}

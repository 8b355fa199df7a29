/**
 * Reads the 截止时点 a page states (财库〔2016〕125号 leaves it to each procurement document),
 * where its layout says it is.
 */
import type { CutoffLayout } from '../scan/layout.ts';

/**
 * Parses the first date in a text: `2026年11月20日`, `2026-11-20`, `2026/11/20`, `2026.11.20`.
 */
export function parseChineseDate(text: string): string | null {
  const m = /(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})/.exec(text.normalize('NFKC'));
  if (!m) return null;
  const [, y, mo, d] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const iso = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // Reject 2026-02-31 and the like.
  return new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso) ? iso : null;
}

/**
 * The cut-off date the page states, or `null` when the layout declares none or the page does
 * not say.
 */
export function readCutoff(root: ParentNode, layout: CutoffLayout | undefined): string | null {
  if (!layout) return null;
  for (const scope of root.querySelectorAll(layout.within)) {
    if (layout.kind === 'labelled-cell') {
      for (const cell of scope.querySelectorAll('th, td, dt, label, span')) {
        if (cell.textContent?.trim() !== layout.label) continue;
        const value = cell.nextElementSibling ?? cell.parentElement?.nextElementSibling;
        const date = value ? parseChineseDate(value.textContent ?? '') : null;
        if (date) return date;
      }
    } else {
      const m = layout.pattern.exec(scope.textContent ?? '');
      const date = m ? parseChineseDate(m[1] ?? m[0]) : null;
      if (date) return date;
    }
  }
  return null;
}

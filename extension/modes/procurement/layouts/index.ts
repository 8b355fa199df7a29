/**
 * The procurement pages that need a layout: each `*.layout.ts` file in this folder exports one.
 * Adding a site is adding a file (and its saved page in `seeds/pages/`).
 */
import type { PageLayout } from '../../../core/scan/layout.ts';

const modules = import.meta.glob<{ layout: PageLayout }>('./*.layout.ts', { eager: true });

/**
 * All layouts, ordered by id.
 */
export const LAYOUTS: readonly PageLayout[] = Object.values(modules)
  .map((m) => m.layout)
  .sort((a, b) => a.id.localeCompare(b.id));

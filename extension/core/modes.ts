/**
 * The mode registry: every `modes/<id>/mode.ts`, found by an import glob at build time.
 */
import { localized, t } from './i18n.ts';
import type { ModeDefinition } from './mode.ts';

const found = import.meta.glob<ModeDefinition>('../modes/*/mode.ts', { eager: true, import: 'default' });

/**
 * Every mode, in the options page's order.
 */
export const MODES: readonly ModeDefinition[] = Object.values(found).sort((a, b) => a.order - b.order);

/**
 * The mode with this id, or `null` (`off`, or a mode a later version removed).
 */
export function modeById(id: string | null | undefined): ModeDefinition | null {
  return MODES.find((m) => m.id === id) ?? null;
}

/**
 * The mode's parts of one kind, by mode id, from a glob over `modes/*\/<file>` made by the
 * context that uses them (a glob must be written literally where it is used).
 */
export function byMode<T>(modules: Record<string, T>): ReadonlyMap<string, T> {
  const out = new Map<string, T>();
  for (const [path, module] of Object.entries(modules)) {
    const id = /\/modes\/([^/]+)\//.exec(path)?.[1];
    if (id) out.set(id, module);
  }
  return out;
}

/**
 * A site mode's name in the current language (`off` included).
 */
export function modeLabel(id: string): string {
  const mode = modeById(id);
  return mode ? localized(mode.label) : t('mode.off');
}

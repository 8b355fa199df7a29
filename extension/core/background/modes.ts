/**
 * What a mode adds to the background: its message handlers and its share of the tab
 * lifecycle. Each `modes/<id>/background.ts` exports one as `background`; the screening modes
 * share the core's (core/screening/background/index.ts).
 */
import type { ContentToBackgroundMap, PageToBackgroundMap } from '../messages.ts';
import { byMode, MODES } from '../modes.ts';
import { personalBackground } from '../personal/background.ts';
import { screeningBackground } from '../screening/background/index.ts';
import type { Settings } from '../settings.ts';
import type { Handlers } from './router.ts';

/**
 * A mode's background part.
 */
export interface ModeBackground {
  content?: Partial<Handlers<ContentToBackgroundMap>>;
  pages?: Partial<Handlers<PageToBackgroundMap>>;
  /** The tab closed, loaded another document, or started another mode's page: drop its record. */
  leaveTab?(tabId: number): Promise<void>;
  /** The tab started loading another document (an in-page navigation does not count). */
  tabLoading?(tabId: number): void;
  /** The tabs that hold a record of this mode (told when the settings change). */
  tabIds?(): number[];
  /** The extension was installed or updated. */
  installed?(reason: string): void;
  /** Every service-worker start, with the settings. */
  started?(settings: Settings): void;
}

const own = byMode(
  import.meta.glob<ModeBackground>('../../modes/*/background.ts', { eager: true, import: 'background' }),
);

/**
 * Every distinct background part: the screening modes share one, and the audit log of personal
 * lookups is one for all modes.
 */
export function backgroundParts(): ModeBackground[] {
  const parts = new Set<ModeBackground>([personalBackground]);
  for (const mode of MODES) parts.add(own.get(mode.id) ?? screeningBackground);
  return [...parts];
}

/**
 * Drops the tab's records of every mode but `keep`'s (a page of another mode started there).
 */
export async function leaveTab(tabId: number, keep?: ModeBackground): Promise<void> {
  for (const part of backgroundParts()) if (part !== keep) await part.leaveTab?.(tabId);
}

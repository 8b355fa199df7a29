/**
 * What a mode may add to the extension pages, each part a file in its folder found by the page
 * that draws it: `panel.tsx` exports `panel` (its side-panel view, for a tab that holds the
 * mode's own record), `options.tsx` exports `options` (its settings and sections), and
 * `record-page.tsx` exports `recordPage` (its printable record, `evidence.html?mode=<id>`).
 * A screening mode adds none: the core's screening views serve it.
 */
import type { JSX } from 'preact';
import type { Settings } from '../settings.ts';

/**
 * A mode's side-panel view over its own tab record.
 */
export interface ModePanel<R = unknown> {
  /** The tab's record of this mode, or `null` when the tab has none. */
  load(tabId: number): Promise<R | null>;
  /** The `storage.session` key that mirrors the record, to follow its changes. */
  storageKey(tabId: number): string;
  View(props: { record: R; operator: string; initialKey: string | null }): JSX.Element;
}

/**
 * Declares a panel (typed over the mode's record, stored untyped by the page).
 */
export function definePanel<R>(panel: ModePanel<R>): ModePanel {
  return panel as ModePanel;
}

/**
 * A mode's part of the options page.
 */
export interface ModeOptions {
  /** Inside the settings form, saved with it. */
  Fieldset?(props: { draft: Settings; update: (patch: Partial<Settings>) => void }): JSX.Element;
  /** After the form (logs, exports). */
  Section?(): JSX.Element;
}

/**
 * A mode's printable record page (`evidence.html?mode=<id>&tab=…`).
 */
export type ModeRecordPage = () => JSX.Element;

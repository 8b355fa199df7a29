/**
 * What a mode declares to the core. Each `modes/<id>/mode.ts` default-exports one; the core
 * finds them with an import glob (core/modes.ts), so adding a mode edits no file outside its
 * folder. The declaration is data only, light enough for every context to load: the parts a
 * context needs (card body, side-panel view, background handlers, options) are files of their
 * own in the folder, found by the context that draws or runs them.
 */
import type { DomainId, LocalizedText, SourceChannel } from '@xinjian/sdk';
import type { RuleSetId } from '@xinjian/sdk/rules';
import type { PageLayout } from './scan/layout.ts';

/**
 * A mode's declaration.
 */
export interface ModeDefinition {
  /** The id a site rule names (`procurement`, `tendering`, `loan`). */
  id: string;
  /** Position in the options page's list. */
  order: number;
  label: LocalizedText;
  /** One line on what the mode checks, for the options page. */
  description: LocalizedText;
  /** The SDK rule set whose verdicts the mode shows (`RULE_SETS[ruleSet]`). */
  ruleSet: RuleSetId;
  /**
   * Who runs the page: `screening`, the core's enterprise screening in the shared content
   * script (bidders, borrowers' companies); `own`, the mode's own content-script bundle.
   */
  engine: 'screening' | 'own';
  /** The content-script entrypoint (`content-scripts/<bundle>.js`) for an `own` engine. */
  bundle?: string;
  /**
   * When a lookup may start: `auto` on sight (or on click, if the officer chose so), or
   * `consent`, only after the officer confirmed a written authorization for that person.
   */
  gate: 'auto' | 'consent';
  /** Pages the generic reader cannot read alone (screening engine only); override it. */
  layouts?: readonly PageLayout[];
  /** What a group of subjects is called (a credit application's parties); a 联合体 otherwise. */
  group?: { label: LocalizedText; verdict: LocalizedText };
  /**
   * The personal products a screening mode orders for a person its layouts show (after
   * consent, with the rule set's domain as the purpose), each with the channels it feeds.
   */
  people?: {
    /** The purpose the officer's consent names: the rule set's domain (the background checks). */
    purpose: DomainId;
    products: ReadonlyArray<{ id: string; channels: readonly SourceChannel[] }>;
  };
  /** The mock server's demo page for this mode; the meta-test requires one with a fixture. */
  demoPath: string;
}

/**
 * Declares a mode (identity at run time; checks the shape at compile time).
 */
export function defineMode(mode: ModeDefinition): ModeDefinition {
  return mode;
}

/**
 * Which sites the content script runs on. Nothing is registered at install: a site is enabled
 * at run time (host permission granted by the user, then `scripting.registerContentScripts`
 * for exactly the enabled patterns).
 */
import { browser } from 'wxt/browser';
import { createLogger } from '../log.ts';
import { contentPatternFor, type Settings } from '../settings.ts';

const log = createLogger('sites');

/** The id of the one registered content script. */
export const CONTENT_SCRIPT_ID = 'xinjian-content';
/** Where WXT writes the content script entrypoint. */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

/**
 * The match patterns of the enabled rules whose host permission is actually granted; a rule
 * with a path prefix registers for that path only (`http://127.0.0.1/demo/loan-review*`).
 */
export async function activePatterns(settings: Settings): Promise<string[]> {
  const out: string[] = [];
  for (const site of settings.sites) {
    if (site.mode === 'off') continue;
    if (await isGranted(site.pattern)) out.push(contentPatternFor(site));
  }
  return [...new Set(out)];
}

/**
 * Whether the host permission for a pattern is granted.
 */
export async function isGranted(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}

// At the document's start, so that the script is loaded and the background's answer to its
// hello is in before the page is parsed: started at its end, Chromium ran it only after the
// page's first layout, 180 ms and more after DOMContentLoaded on a 2,000-row list. The script
// waits for the parsed document itself (page/session.ts).
const RUN_AT = 'document_start';

let queue: Promise<void> = Promise.resolve();

/**
 * Registers the content script for the enabled sites (or unregisters it when there are none).
 * Calls are serialised, so two quick settings changes cannot race into a duplicate id.
 */
export function syncContentScripts(settings: Settings): Promise<void> {
  queue = queue.then(() => sync(settings)).catch((e: unknown) => log.error('registration failed', e));
  return queue;
}

async function sync(settings: Settings): Promise<void> {
  const matches = await activePatterns(settings);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  const current = existing[0];
  if (matches.length === 0) {
    if (current) await browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
    return;
  }
  if (current && current.runAt === RUN_AT && sameSet(current.matches ?? [], matches)) return;
  if (current) await browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  await browser.scripting.registerContentScripts([
    {
      id: CONTENT_SCRIPT_ID,
      js: [CONTENT_SCRIPT_FILE],
      matches,
      runAt: RUN_AT,
      allFrames: false,
      persistAcrossSessions: false,
    },
  ]);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * Starts the content script on a tab that was open before its site was enabled.
 */
export async function injectInto(tabId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
  } catch (e) {
    log.warn('could not start on the tab', e);
  }
}

/**
 * Starts the content script on tabs of enabled sites that were already open when the
 * extension was installed, updated or the browser started (registration only covers pages
 * loaded afterwards). Pages still loading get the registered script.
 */
export async function injectIntoOpenTabs(settings: Settings): Promise<void> {
  const patterns = await activePatterns(settings);
  if (patterns.length === 0) return;
  const tabs = await browser.tabs.query({ url: patterns, status: 'complete' });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : injectInto(tab.id))));
}

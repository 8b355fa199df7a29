/**
 * The background service worker: owns the settings, the SDK client and the key, and answers
 * the content scripts and extension pages through the typed message router.
 */
import { browser } from 'wxt/browser';
import { createLogger } from '../log.ts';
import type { ContentToBackgroundMap, PageToBackgroundMap } from '../messages.ts';
import { type ContentSession, sendToTab } from '../messages.ts';
import { modeById } from '../modes.ts';
import { retryUnavailable } from '../screening/background/lookups.ts';
import {
  loadSettings,
  migrateStoredSettings,
  type Settings,
  type SiteSetting,
  sameSiteRule,
  saveSettings,
  siteFor,
  sitePatternFor,
  watchSettings,
} from '../settings.ts';
import { probeClient } from './client.ts';
import { backgroundParts } from './modes.ts';
import { openSidePanel } from './panel.ts';
import { type Handlers, listenInBackground } from './router.ts';
import { injectInto, injectIntoOpenTabs, isGranted, syncContentScripts } from './sites.ts';

const log = createLogger('background');

/**
 * What the content script on `url` should do under `settings`: the mode of the rule that
 * covers it, or `null` to stay idle (off, or a mode this build does not have).
 */
export function sessionFor(settings: Settings, url: string): ContentSession | null {
  const mode = modeById(siteFor(url, settings.sites)?.mode);
  if (!mode) return null;
  return { mode: mode.id, lookup: settings.lookup, language: settings.language, cutoff: settings.cutoff };
}

/**
 * Wires everything up; called once per service-worker start.
 */
export function startBackground(): void {
  const parts = backgroundParts();
  // Every service-worker start: make sure the registration matches the settings (idempotent).
  void loadSettings().then((settings) => {
    void syncContentScripts(settings);
    for (const part of parts) part.started?.(settings);
  });
  // Install, update, browser start: also start on the tabs that are already open.
  const catchUp = async () => {
    const settings = await loadSettings();
    await syncContentScripts(settings);
    await injectIntoOpenTabs(settings);
  };
  browser.runtime.onInstalled.addListener((details) => {
    void migrateStoredSettings();
    void catchUp();
    if (details.reason === 'install') void welcome();
    for (const part of parts) part.installed?.(details.reason);
  });
  browser.runtime.onStartup.addListener(() => void catchUp());
  watchSettings((settings) => {
    void syncContentScripts(settings);
    void notifySessions(settings);
  });
  browser.permissions.onRemoved.addListener(() => void loadSettings().then(syncContentScripts));
  browser.tabs.onRemoved.addListener((tabId) => {
    for (const part of parts) void part.leaveTab?.(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') for (const part of parts) part.tabLoading?.(tabId);
  });

  const content: Partial<Handlers<ContentToBackgroundMap>> = {
    'cs:hello': async (m) => sessionFor(await loadSettings(), m.url),
    'cs:open-report': async (m, sender) => {
      await openSidePanel(requireTab(sender.tabId), m.key);
      return null;
    },
    // A mode with its own bundle: inject it into the frame that asked, if its site rule says so.
    'cs:start-bundle': async (_m, sender) => {
      const mode = sender.url ? modeById(siteFor(sender.url, (await loadSettings()).sites)?.mode) : null;
      if (mode?.engine !== 'own' || !mode.bundle) return null;
      try {
        await browser.scripting.executeScript({
          target: { tabId: requireTab(sender.tabId), frameIds: [sender.frameId ?? 0] },
          files: [`content-scripts/${mode.bundle}.js`],
        });
      } catch (e) {
        log.warn(`could not start the ${mode.id} script`, e instanceof Error ? e.message : String(e));
      }
      return null;
    },
  };
  const pages: Partial<Handlers<PageToBackgroundMap>> = {
    'page:site-status': async (m) => {
      const pattern = sitePatternFor(m.url);
      const site = siteFor(m.url, (await loadSettings()).sites);
      return { pattern, site, granted: pattern ? await isGranted(pattern) : false };
    },
    'page:set-site': async (m) => {
      const settings = await loadSettings();
      const rule: SiteSetting = { pattern: m.pattern, mode: m.mode };
      if (m.pathPrefix) rule.pathPrefix = m.pathPrefix;
      const sites = settings.sites.filter((s) => !sameSiteRule(s, rule));
      sites.push(rule);
      await saveSettings({ ...settings, sites });
      await syncContentScripts({ ...settings, sites });
      if (m.tabId !== null && m.mode !== 'off') await injectInto(m.tabId);
      return null;
    },
    'page:remove-site': async (m) => {
      const settings = await loadSettings();
      const removed = { pattern: m.pattern, pathPrefix: m.pathPrefix || undefined };
      const sites = settings.sites.filter((s) => !sameSiteRule(s, removed));
      await saveSettings({ ...settings, sites });
      await syncContentScripts({ ...settings, sites });
      // The host permission goes back only when no rule for the pattern is left.
      if (!sites.some((s) => s.pattern === m.pattern)) {
        try {
          await browser.permissions.remove({ origins: [m.pattern] });
        } catch {
          // A host permission the manifest requires (development builds) cannot be removed.
        }
      }
      return null;
    },
    'page:test-connection': async (m) => {
      const account = await probeClient(m.baseUrl, m.apiKey).account.retrieve();
      // The service answers again: what it could not answer before is worth asking now.
      void retryUnavailable();
      return account;
    },
    'page:open-side-panel': async (m) => {
      await openSidePanel(m.tabId, m.key);
      return null;
    },
  };
  for (const part of parts) {
    Object.assign(content, part.content);
    Object.assign(pages, part.pages);
  }
  listenInBackground(content, pages);
}

// A first install without a key opens the welcome page (docs/decisions/0054); builds with
// local defaults already work and open nothing.
async function welcome(): Promise<void> {
  const settings = await loadSettings();
  if (settings.api.key) return;
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
}

function requireTab(tabId: number | null): number {
  if (tabId === null) throw new Error('[xinjian] content message without a tab');
  return tabId;
}

// Each tab with a record is told its new session (a language change redraws, off stops).
async function notifySessions(settings: Settings): Promise<void> {
  for (const part of backgroundParts()) {
    for (const tabId of part.tabIds?.() ?? []) {
      // The tab's own URL decides: stored URLs may be redacted.
      const url = await browser.tabs.get(tabId).then(
        (tab) => tab.url ?? null,
        () => null,
      );
      if (url) await sendToTab(tabId, { type: 'bg:session', session: sessionFor(settings, url) });
    }
  }
}

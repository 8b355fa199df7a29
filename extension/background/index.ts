/**
 * The background service worker: owns the settings, the SDK client and the key, and answers
 * the content scripts and extension pages through the typed message router.
 */
import { browser } from 'wxt/browser';
import { type ContentSession, sendToTab } from '../lib/messages.ts';
import {
  loadSettings,
  resolveCutoff,
  type Settings,
  saveSettings,
  siteFor,
  sitePatternFor,
  todayInChina,
  watchSettings,
} from '../lib/settings.ts';
import { subjectFromQuery } from '../lib/subjects.ts';
import { clientFor, probeClient } from './client.ts';
import { lookupForTab, pickForTab, showRetriesOnBadges } from './lookups.ts';
import { openSidePanel } from './panel.ts';
import { type ResolveContext, resolveSubject } from './resolve.ts';
import { listenInBackground } from './router.ts';
import { injectInto, injectIntoOpenTabs, isGranted, syncContentScripts } from './sites.ts';
import { dropTabRecord, getTabRecord, knownTabIds, startTabRecord } from './tabs.ts';

/** The enterprise report product ordered for the side panel's full report. */
export const ENTERPRISE_REPORT_PRODUCT = 'enterprise_credit_report';

/**
 * What the content script on `url` should do under `settings`; `null` keeps it idle. Loan
 * review is reserved for its own mode and does not run yet.
 *
 * @example
 * ```ts
 * sessionFor(settings, 'http://127.0.0.1:8787/demo/bid-opening')?.mode; // 'procurement'
 * ```
 */
export function sessionFor(settings: Settings, url: string): ContentSession | null {
  const site = siteFor(url, settings.sites);
  if (site?.mode !== 'procurement') return null;
  return { mode: site.mode, lookup: settings.lookup, language: settings.language, cutoff: settings.cutoff };
}

/**
 * Wires everything up; called once per service-worker start.
 *
 * @example
 * ```ts
 * export default defineBackground(() => startBackground());
 * ```
 */
export function startBackground(): void {
  // Every service-worker start: make sure the registration matches the settings (idempotent).
  void loadSettings().then(syncContentScripts);
  // Install, update, browser start: also start on the tabs that are already open.
  const catchUp = async () => {
    const settings = await loadSettings();
    await syncContentScripts(settings);
    await injectIntoOpenTabs(settings);
  };
  browser.runtime.onInstalled.addListener(() => void catchUp());
  browser.runtime.onStartup.addListener(() => void catchUp());
  watchSettings((settings) => {
    void syncContentScripts(settings);
    void notifySessions(settings);
  });
  browser.permissions.onRemoved.addListener(() => void loadSettings().then(syncContentScripts));
  browser.tabs.onRemoved.addListener((tabId) => void dropTabRecord(tabId));
  showRetriesOnBadges();

  listenInBackground(
    {
      'cs:hello': async (m) => sessionFor(await loadSettings(), m.url),
      'cs:page': async (m, sender) => {
        const settings = await loadSettings();
        const cutoff = resolveCutoff(settings.cutoff, m.pageCutoff, todayInChina());
        startTabRecord({
          tabId: requireTab(sender.tabId),
          url: m.url,
          title: m.title,
          layoutId: m.layoutId,
          pageCutoff: m.pageCutoff,
          cutoff,
          startedAt: new Date().toISOString(),
          subjects: [],
          consortia: [],
        });
        return cutoff;
      },
      'cs:lookup': (m, sender) => lookupForTab(requireTab(sender.tabId), sender.frameId, m.subjects),
      'cs:pick': (m, sender) => pickForTab(requireTab(sender.tabId), sender.frameId, m.key, m.uscc),
      'cs:open-report': async (m, sender) => {
        await openSidePanel(requireTab(sender.tabId), m.key);
        return null;
      },
    },
    {
      'page:get-tab': (m) => getTabRecord(m.tabId),
      'page:site-status': async (m) => {
        const pattern = sitePatternFor(m.url);
        const site = siteFor(m.url, (await loadSettings()).sites);
        return { pattern, site, granted: pattern ? await isGranted(pattern) : false };
      },
      'page:set-site': async (m) => {
        const settings = await loadSettings();
        const sites = settings.sites.filter((s) => s.pattern !== m.pattern);
        sites.push({ pattern: m.pattern, mode: m.mode });
        await saveSettings({ ...settings, sites });
        await syncContentScripts({ ...settings, sites });
        if (m.tabId !== null && m.mode !== 'off') await injectInto(m.tabId);
        return null;
      },
      'page:remove-site': async (m) => {
        const settings = await loadSettings();
        const sites = settings.sites.filter((s) => s.pattern !== m.pattern);
        await saveSettings({ ...settings, sites });
        await syncContentScripts({ ...settings, sites });
        try {
          await browser.permissions.remove({ origins: [m.pattern] });
        } catch {
          // A host permission the manifest requires (development builds) cannot be removed.
        }
        return null;
      },
      'page:quick-lookup': async (m) => {
        const settings = await loadSettings();
        const subject = subjectFromQuery(m.query);
        const today = todayInChina();
        const cutoff = resolveCutoff(settings.cutoff, null, today).date;
        const ctx: ResolveContext = { client: clientFor(settings), asOf: today, cutoff };
        return { subject, result: await resolveSubject(ctx, subject) };
      },
      'page:test-connection': (m) => probeClient(m.baseUrl, m.apiKey).account.retrieve(),
      'page:order-report': async (m) =>
        clientFor(await loadSettings()).reports.orderAndWait(
          { productId: ENTERPRISE_REPORT_PRODUCT, subjectId: m.subjectId, purpose: 'government_procurement' },
          { pollIntervalMs: 500, timeoutMs: 60_000 },
        ),
      'page:open-side-panel': async (m) => {
        await openSidePanel(m.tabId, m.key);
        return null;
      },
    },
  );
}

function requireTab(tabId: number | null): number {
  if (tabId === null) throw new Error('[xinjian] content message without a tab');
  return tabId;
}

async function notifySessions(settings: Settings): Promise<void> {
  for (const tabId of knownTabIds()) {
    const record = await getTabRecord(tabId);
    if (record) await sendToTab(tabId, { type: 'bg:session', session: sessionFor(settings, record.url) });
  }
}

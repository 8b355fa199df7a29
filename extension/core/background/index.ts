/**
 * The background service worker: owns the settings, the SDK client and the key, and answers
 * the content scripts and extension pages through the typed message router.
 */
import { browser } from 'wxt/browser';
import { ensureAuditSecret, pruneAuditLog } from '../../modes/loan/audit-store.ts';
import {
  addLoanBorrowers,
  lookupBorrower,
  startLoanPage,
  startLoanScript,
} from '../../modes/loan/background.ts';
import { dropLoanTab, getLoanTab, knownLoanTabIds } from '../../modes/loan/tabs.ts';
import { type ContentSession, sendToTab } from '../messages.ts';
import {
  lookupForTab,
  pickForTab,
  retryOnApiChange,
  retryUnavailable,
  showRetriesOnBadges,
} from '../screening/background/lookups.ts';
import { type ResolveContext, resolveSubject } from '../screening/background/resolve.ts';
import { dropTabRecord, getTabRecord, knownTabIds, startTabRecord } from '../screening/background/tabs.ts';
import { subjectFromQuery } from '../screening/subjects.ts';
import {
  loadSettings,
  resolveCutoff,
  type Settings,
  type SiteSetting,
  sameSiteRule,
  saveSettings,
  siteFor,
  sitePatternFor,
  todayInChina,
  watchSettings,
} from '../settings.ts';
import { clientFor, probeClient } from './client.ts';
import { openSidePanel } from './panel.ts';
import { listenInBackground } from './router.ts';
import { injectInto, injectIntoOpenTabs, isGranted, syncContentScripts } from './sites.ts';

/** The enterprise report product ordered for the side panel's full report. */
export const ENTERPRISE_REPORT_PRODUCT = 'enterprise_credit_report';

/**
 * What the content script on `url` should do under `settings`: the mode of the rule that
 * covers it (`procurement` or `loan`), or `null` to stay idle.
 *
 * @example
 * ```ts
 * sessionFor(settings, 'http://127.0.0.1:8787/demo/bid-opening')?.mode; // 'procurement'
 * sessionFor(settings, 'http://127.0.0.1:8787/demo/loan-review')?.mode; // 'loan' in local builds
 * ```
 */
export function sessionFor(settings: Settings, url: string): ContentSession | null {
  const site = siteFor(url, settings.sites);
  if (!site || site.mode === 'off') return null;
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
  browser.runtime.onInstalled.addListener((details) => {
    void catchUp();
    // The audit HMAC key is made once per install (and on first use, should it be missing).
    if (details.reason === 'install') void ensureAuditSecret();
  });
  browser.runtime.onStartup.addListener(() => void catchUp());
  // Every service-worker start (browser start included) drops audit entries past retention.
  void loadSettings().then((s) => pruneAuditLog(s.loan.auditRetentionDays));
  watchSettings((settings) => {
    void syncContentScripts(settings);
    void notifySessions(settings);
  });
  browser.permissions.onRemoved.addListener(() => void loadSettings().then(syncContentScripts));
  browser.tabs.onRemoved.addListener((tabId) => {
    void dropTabRecord(tabId);
    void dropLoanTab(tabId);
  });
  // A tab that loads another document leaves its loan page: the borrowers and reports go too
  // (an in-page navigation starts a fresh record from the content script instead).
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    void getLoanTab(tabId).then((record) => (record ? dropLoanTab(tabId) : undefined));
  });
  showRetriesOnBadges();
  retryOnApiChange();

  listenInBackground(
    {
      'cs:hello': async (m) => sessionFor(await loadSettings(), m.url),
      'cs:page': async (m, sender) => {
        const settings = await loadSettings();
        const cutoff = resolveCutoff(settings.cutoff, m.pageCutoff, todayInChina());
        // The tab left a loan page: its borrowers and reports go with it.
        await dropLoanTab(requireTab(sender.tabId));
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
      'cs:lookup': (m, sender) =>
        lookupForTab(requireTab(sender.tabId), sender.frameId, m.subjects, { more: m.more === true }),
      'cs:pick': (m, sender) => pickForTab(requireTab(sender.tabId), sender.frameId, m.key, m.uscc),
      'cs:open-report': async (m, sender) => {
        await openSidePanel(requireTab(sender.tabId), m.key);
        return null;
      },
      'cs:start-loan': async (_m, sender) => {
        await startLoanScript(requireTab(sender.tabId), sender.frameId, sender.url);
        return null;
      },
      'cs:loan-page': async (m, sender) => {
        await dropTabRecord(requireTab(sender.tabId));
        return startLoanPage(requireTab(sender.tabId), m);
      },
      'cs:loan-seen': async (m, sender) => {
        await addLoanBorrowers(requireTab(sender.tabId), m.borrowers);
        return null;
      },
      'cs:loan-lookup': (m, sender) =>
        lookupBorrower(
          { tabId: requireTab(sender.tabId), frameId: sender.frameId, url: sender.url },
          { borrower: m.borrower, idNumber: m.idNumber, consent: m.consent },
        ),
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
      'page:quick-lookup': async (m) => {
        const settings = await loadSettings();
        const subject = subjectFromQuery(m.query);
        const today = todayInChina();
        const cutoff = resolveCutoff(settings.cutoff, null, today).date;
        const ctx: ResolveContext = { client: clientFor(settings), asOf: today, cutoff };
        return { subject, result: await resolveSubject(ctx, subject) };
      },
      'page:test-connection': async (m) => {
        const account = await probeClient(m.baseUrl, m.apiKey).account.retrieve();
        // The service answers again: what it could not answer before is worth asking now.
        void retryUnavailable();
        return account;
      },
      'page:order-report': async (m) =>
        clientFor(await loadSettings()).reports.orderAndWait(
          { productId: ENTERPRISE_REPORT_PRODUCT, subjectId: m.subjectId, purpose: 'government_procurement' },
          { pollIntervalMs: 500, timeoutMs: 60_000 },
        ),
      'page:open-side-panel': async (m) => {
        await openSidePanel(m.tabId, m.key);
        return null;
      },
      'page:get-loan-tab': (m) => getLoanTab(m.tabId),
      'page:audit-log': async () => pruneAuditLog((await loadSettings()).loan.auditRetentionDays),
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
  for (const tabId of knownLoanTabIds()) {
    // The stored URL is redacted; the tab's own URL decides whether loan mode still applies.
    const url = await browser.tabs.get(tabId).then(
      (tab) => tab.url ?? null,
      () => null,
    );
    if (url) await sendToTab(tabId, { type: 'bg:session', session: sessionFor(settings, url) });
  }
}

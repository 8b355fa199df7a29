/**
 * The extension's settings: shape, defaults per build mode, and where they live. Only the
 * background and the extension's own pages read them; content scripts get what they need
 * through messages.
 */
import { browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import type { Language } from './i18n.ts';
import { MODES } from './modes.ts';

/**
 * What the extension does on a site: the id of a mode (`modes/<id>/mode.ts`: `procurement`,
 * `tendering`, `loan`, …) or `off`. Never chosen automatically: the user sets it per site or
 * per path. A stored rule naming a mode this build does not have runs nothing.
 */
export type SiteMode = string;

/** What a site rule can be set to: every mode, then `off`. */
export const AVAILABLE_MODES: readonly SiteMode[] = [...MODES.map((m) => m.id), 'off'];

/**
 * One site rule: a match pattern (`https://www.example.gov.cn/*`), optionally narrowed to the
 * paths starting with `pathPrefix`, and its mode. A rule with a path prefix overrides the
 * site-wide rule on its paths (the longest matching prefix wins), so one host can run
 * procurement pages and a loan-review system side by side.
 */
export interface SiteSetting {
  pattern: string;
  /** Only URLs whose path starts with this (`/demo/loan-review`); absent for the whole site. */
  pathPrefix?: string;
  mode: SiteMode;
}

/**
 * The housing-fund loan-review settings.
 */
export interface LoanSettings {
  /** A built-in rule pack id (`housingFundRulePacks`); the generic 连三累六 template by default. */
  rulePackId: string;
  /**
   * Reuse a person's reports for later lookups within the browser session (`storage.session`,
   * keyed by the ID's HMAC). Off by default: every lookup orders fresh reports.
   */
  cacheReports: boolean;
  /** The review date (`asOf`) of every evaluation; `null` for today (China Standard Time). */
  reviewDate: string | null;
}

/**
 * The default rule pack: the SDK's `DEFAULT_RULE_PACK_ID`, written out so the settings module
 * (read by every extension page) does not load the rule packs and zod.
 */
export const DEFAULT_LOAN_RULE_PACK = 'generic-lian3lei6';

/**
 * The shortest audit-log retention, in days: six calendar months at their longest (网络安全法
 * 第二十一条: network logs are kept for no less than six months; docs/decisions/0051). A setting
 * can lengthen it, never shorten it.
 */
export const MIN_AUDIT_RETENTION_DAYS = 184;

/** Default audit-log retention in days: one year. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 365;

/**
 * The settings of the one audit log of personal lookups, whichever mode made them
 * (`core/personal/`).
 */
export interface AuditSettings {
  /** Entries older than this many days are deleted; never less than {@link MIN_AUDIT_RETENTION_DAYS}. */
  retentionDays: number;
}

/**
 * Where the 截止时点 of a credit check comes from: the page when its layout declares one and
 * `readFromPage` is on, else `fixedDate`, else today.
 */
export interface CutoffSetting {
  readFromPage: boolean;
  fixedDate: string | null;
}

/**
 * Everything the user can set on the options page.
 */
export interface Settings {
  api: { baseUrl: string; key: string };
  sites: SiteSetting[];
  cutoff: CutoffSetting;
  /** Lifetime of cached lookups in the session cache. */
  cacheTtlMinutes: number;
  /** `auto` looks every subject up on sight; `click` waits for the badge to be activated. */
  lookup: 'auto' | 'click';
  /** Printed on evidence records as the person who ran the query. */
  operator: string;
  language: Language;
  audit: AuditSettings;
  loan: LoanSettings;
}

const STORAGE_KEY = 'settings';

/**
 * Defaults for this build. Production builds have no endpoint, key or sites; development and
 * e2e builds point at the local mock server (see wxt.config.ts) and set each mode's demo page
 * (`/demo/tendering`, `/demo/loan-review` on the local sites, any port) to that mode, so
 * `npm start` needs no setup.
 */
export function defaultSettings(): Settings {
  const local = typeof __XINJIAN_LOCAL_DEFAULTS__ === 'undefined' ? null : __XINJIAN_LOCAL_DEFAULTS__;
  // The first mode runs site-wide on the local sites; every other mode gets a path rule for its
  // demo page (the demo pages share one origin). Inside `if (local)`, so production builds
  // (where `local` is null) drop the preset entirely.
  const [first, ...others] = MODES;
  const sites: SiteSetting[] = [];
  if (local && first) {
    for (const pattern of local.sites) sites.push({ pattern, mode: first.id });
    for (const mode of others)
      for (const pattern of local.sites) sites.push({ pattern, pathPrefix: mode.demoPath, mode: mode.id });
  }
  return {
    api: { baseUrl: local?.apiBaseUrl ?? '', key: local?.apiKey ?? '' },
    sites,
    cutoff: { readFromPage: true, fixedDate: null },
    cacheTtlMinutes: 30,
    lookup: 'auto',
    operator: '',
    language: 'zh-CN',
    audit: { retentionDays: DEFAULT_AUDIT_RETENTION_DAYS },
    loan: defaultLoanSettings(),
  };
}

/**
 * The loan-review defaults: generic pack, no report cache, today.
 */
export function defaultLoanSettings(): LoanSettings {
  return {
    rulePackId: DEFAULT_LOAN_RULE_PACK,
    cacheReports: false,
    reviewDate: null,
  };
}

/**
 * Fills missing fields from the defaults, so settings saved by an older version still load.
 */
export function normalizeSettings(stored: unknown): Settings {
  const d = defaultSettings();
  if (typeof stored !== 'object' || stored === null) return d;
  const s = stored as Partial<Settings>;
  return {
    api: { ...d.api, ...(s.api ?? {}) },
    sites: Array.isArray(s.sites) ? s.sites.filter(isSiteSetting) : d.sites,
    cutoff: { ...d.cutoff, ...(s.cutoff ?? {}) },
    cacheTtlMinutes: typeof s.cacheTtlMinutes === 'number' ? s.cacheTtlMinutes : d.cacheTtlMinutes,
    lookup: s.lookup === 'click' ? 'click' : 'auto',
    operator: typeof s.operator === 'string' ? s.operator : d.operator,
    language: s.language === 'en' ? 'en' : 'zh-CN',
    audit: normalizeAudit(s.audit, s.loan, d.audit),
    loan: normalizeLoan(s.loan, d.loan),
  };
}

/**
 * The audit settings; versions before the log served every mode kept its retention under the
 * loan settings (`loan.auditRetentionDays`), which is read when there is no shared one.
 */
function normalizeAudit(stored: unknown, storedLoan: unknown, d: AuditSettings): AuditSettings {
  const days = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const own =
    typeof stored === 'object' && stored !== null ? days((stored as AuditSettings).retentionDays) : undefined;
  const legacy = own ?? days(legacyRetention(storedLoan));
  return {
    retentionDays:
      legacy === undefined ? d.retentionDays : Math.max(MIN_AUDIT_RETENTION_DAYS, Math.floor(legacy)),
  };
}

function legacyRetention(storedLoan: unknown): unknown {
  return typeof storedLoan === 'object' && storedLoan !== null
    ? (storedLoan as { auditRetentionDays?: unknown }).auditRetentionDays
    : undefined;
}

function normalizeLoan(stored: unknown, d: LoanSettings): LoanSettings {
  if (typeof stored !== 'object' || stored === null) return d;
  const s = stored as Partial<LoanSettings>;
  return {
    rulePackId: typeof s.rulePackId === 'string' && s.rulePackId ? s.rulePackId : d.rulePackId,
    cacheReports: s.cacheReports === true,
    reviewDate:
      typeof s.reviewDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s.reviewDate) ? s.reviewDate : null,
  };
}

function isSiteSetting(v: unknown): v is SiteSetting {
  if (typeof v !== 'object' || v === null || typeof (v as SiteSetting).pattern !== 'string') return false;
  const prefix = (v as SiteSetting).pathPrefix;
  return prefix === undefined || isValidPathPrefix(prefix);
}

/**
 * Whether a path prefix can narrow a site rule: starts with `/`, no wildcard, no whitespace.
 */
export function isValidPathPrefix(prefix: string): boolean {
  return /^\/[^\s*?#]*$/.test(prefix);
}

/**
 * Whether two rules are the same rule (same pattern and path prefix), whatever their modes.
 */
export function sameSiteRule(
  a: { pattern: string; pathPrefix?: string | undefined },
  b: { pattern: string; pathPrefix?: string | undefined },
): boolean {
  return a.pattern === b.pattern && (a.pathPrefix ?? '') === (b.pathPrefix ?? '');
}

/**
 * The match pattern a rule registers the content script for: the site pattern, or for a rule
 * with a path prefix the same host with that path (`http://127.0.0.1/demo/loan-review*`).
 */
export function contentPatternFor(site: SiteSetting): string {
  if (site.pathPrefix === undefined || !site.pattern.endsWith('/*')) return site.pattern;
  return `${site.pattern.slice(0, -2)}${site.pathPrefix}*`;
}

/**
 * Reads the settings from `storage.local`.
 */
export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(STORAGE_KEY);
  return normalizeSettings(got[STORAGE_KEY]);
}

/**
 * Rewrites settings stored by an older version in the current shape (the audit retention moved
 * from the loan settings to the shared `audit`), so what is stored says what is in force.
 * Reading needs no migration (`normalizeSettings` reads both shapes); this runs when the
 * extension is installed or updated. Whether anything was written.
 */
export async function migrateStoredSettings(): Promise<boolean> {
  const stored = (await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY];
  if (typeof stored !== 'object' || stored === null) return false;
  if (legacyRetention((stored as { loan?: unknown }).loan) === undefined) return false;
  await saveSettings(normalizeSettings(stored));
  return true;
}

/**
 * Writes the settings to `storage.local`.
 */
export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEY]: settings });
}

/**
 * Calls `listener` whenever the stored settings change; returns the unsubscribe function.
 */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[STORAGE_KEY];
    if (area === 'local' && change) listener(normalizeSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

/**
 * The match pattern that enables a whole host: `https://a.example.cn:8443/x` →
 * `https://a.example.cn/*` (match patterns carry no port). `null` for non-web URLs.
 */
export function sitePatternFor(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  return `${u.protocol}//${u.hostname}/*`;
}

/**
 * The rule that covers `url`, if any. A rule whose path prefix matches beats a site-wide one
 * (the longest prefix wins); among equals the last entry wins, so a specific entry added after
 * a wildcard overrides it.
 */
export function siteFor(url: string, sites: readonly SiteSetting[]): SiteSetting | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  let found: SiteSetting | null = null;
  let best = -1;
  for (const site of sites) {
    try {
      if (!new MatchPattern(site.pattern).includes(url)) continue;
    } catch {
      // An invalid stored pattern matches nothing.
      continue;
    }
    if (site.pathPrefix !== undefined && !pathUnder(path, site.pathPrefix)) continue;
    const specificity = site.pathPrefix?.length ?? 0;
    if (specificity >= best) {
      found = site;
      best = specificity;
    }
  }
  return found;
}

/**
 * Whether a URL path lies under a rule's path prefix, on path-segment boundaries: `/loan`
 * covers `/loan` and `/loan/42`, not `/loans-faq`; `/loan/` covers what is below `/loan/`.
 */
export function pathUnder(path: string, prefix: string): boolean {
  if (prefix === '' || prefix === '/') return true;
  if (prefix.endsWith('/')) return path.startsWith(prefix) || path === prefix.slice(0, -1);
  return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * Whether a string is a valid match pattern for an http(s) site.
 */
export function isValidSitePattern(pattern: string): boolean {
  if (!/^(https?|\*):\/\//.test(pattern)) return false;
  try {
    new MatchPattern(pattern);
    return true;
  } catch {
    return false;
  }
}

/**
 * The 截止时点 to check against, and where it came from.
 */
export function resolveCutoff(
  setting: CutoffSetting,
  pageCutoff: string | null,
  today: string,
): { date: string; source: 'page' | 'fixed' | 'today' } {
  if (setting.readFromPage && pageCutoff) return { date: pageCutoff, source: 'page' };
  if (setting.fixedDate) return { date: setting.fixedDate, source: 'fixed' };
  return { date: today, source: 'today' };
}

/** Today as `YYYY-MM-DD` in China Standard Time, the calendar the documents use (the SDK's). */
export { todayInChina } from '@xinjian/sdk';

/**
 * The extension's settings: shape, defaults per build mode, and where they live. Only the
 * background and the extension's own pages read them; content scripts get what they need
 * through messages.
 */
import { browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import type { Language } from './i18n.ts';

/**
 * What the extension does on a site. `loan` (housing-fund loan review) is reserved for the
 * loan-review mode and is not offered yet.
 *
 * @example
 * ```ts
 * const mode: SiteMode = 'procurement';
 * ```
 */
export type SiteMode = 'procurement' | 'loan' | 'off';

/** Modes that can be chosen today. */
export const AVAILABLE_MODES: readonly SiteMode[] = ['procurement', 'off'];

/**
 * One site the user enabled: a match pattern (`https://www.example.gov.cn/*`) and its mode.
 *
 * @example
 * ```ts
 * const site: SiteSetting = { pattern: 'https://ggzy.example.gov.cn/*', mode: 'procurement' };
 * ```
 */
export interface SiteSetting {
  pattern: string;
  mode: SiteMode;
}

/**
 * Where the 截止时点 of a credit check comes from: the page when its layout declares one and
 * `readFromPage` is on, else `fixedDate`, else today.
 *
 * @example
 * ```ts
 * const cutoff: CutoffSetting = { readFromPage: true, fixedDate: null };
 * ```
 */
export interface CutoffSetting {
  readFromPage: boolean;
  fixedDate: string | null;
}

/**
 * Everything the user can set on the options page.
 *
 * @example
 * ```ts
 * const s = await loadSettings();
 * if (!s.api.baseUrl) openOptionsPage();
 * ```
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
}

const STORAGE_KEY = 'settings';

/**
 * Defaults for this build. Production builds have no endpoint, key or sites; development and
 * e2e builds point at the local mock server (see wxt.config.ts).
 *
 * @example
 * ```ts
 * defaultSettings().sites; // [] in production
 * ```
 */
export function defaultSettings(): Settings {
  const local = typeof __XINJIAN_LOCAL_DEFAULTS__ === 'undefined' ? null : __XINJIAN_LOCAL_DEFAULTS__;
  return {
    api: { baseUrl: local?.apiBaseUrl ?? '', key: local?.apiKey ?? '' },
    sites: (local?.sites ?? []).map((pattern) => ({ pattern, mode: 'procurement' as const })),
    cutoff: { readFromPage: true, fixedDate: null },
    cacheTtlMinutes: 30,
    lookup: 'auto',
    operator: '',
    language: 'zh-CN',
  };
}

/**
 * Fills missing fields from the defaults, so settings saved by an older version still load.
 *
 * @example
 * ```ts
 * normalizeSettings({ operator: '张三' }).language; // 'zh-CN'
 * ```
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
  };
}

function isSiteSetting(v: unknown): v is SiteSetting {
  return typeof v === 'object' && v !== null && typeof (v as SiteSetting).pattern === 'string';
}

/**
 * Reads the settings from `storage.local`.
 *
 * @example
 * ```ts
 * const { api } = await loadSettings();
 * ```
 */
export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(STORAGE_KEY);
  return normalizeSettings(got[STORAGE_KEY]);
}

/**
 * Writes the settings to `storage.local`.
 *
 * @example
 * ```ts
 * await saveSettings({ ...(await loadSettings()), operator: '张三' });
 * ```
 */
export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEY]: settings });
}

/**
 * Calls `listener` whenever the stored settings change; returns the unsubscribe function.
 *
 * @example
 * ```ts
 * const stop = watchSettings((s) => setLanguage(s.language));
 * ```
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
 *
 * @example
 * ```ts
 * sitePatternFor('http://127.0.0.1:8787/demo/bid-opening'); // 'http://127.0.0.1/*'
 * ```
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
 * The site entry that covers `url`, if any; the last matching entry wins so a specific entry
 * added after a wildcard overrides it.
 *
 * @example
 * ```ts
 * siteFor('http://127.0.0.1:8787/demo', [{ pattern: 'http://127.0.0.1/*', mode: 'procurement' }]);
 * // { pattern: 'http://127.0.0.1/*', mode: 'procurement' }
 * ```
 */
export function siteFor(url: string, sites: readonly SiteSetting[]): SiteSetting | null {
  let found: SiteSetting | null = null;
  for (const site of sites) {
    try {
      if (new MatchPattern(site.pattern).includes(url)) found = site;
    } catch {
      // An invalid stored pattern matches nothing.
    }
  }
  return found;
}

/**
 * Whether a string is a valid match pattern for an http(s) site.
 *
 * @example
 * ```ts
 * isValidSitePattern('https://*.ccgp.gov.cn/*'); // true
 * isValidSitePattern('ccgp.gov.cn'); // false
 * ```
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
 *
 * @example
 * ```ts
 * resolveCutoff({ readFromPage: true, fixedDate: null }, '2026-11-20', '2026-11-01');
 * // { date: '2026-11-20', source: 'page' }
 * ```
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

/**
 * Today as `YYYY-MM-DD` in China Standard Time, the calendar the procurement documents use.
 *
 * @example
 * ```ts
 * todayInChina(new Date('2026-10-31T17:00:00Z')); // '2026-11-01'
 * ```
 */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

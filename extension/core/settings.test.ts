import { DEFAULT_RULE_PACK_ID } from '@xinjian/sdk/rules';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  contentPatternFor,
  DEFAULT_LOAN_RULE_PACK,
  defaultSettings,
  isValidPathPrefix,
  isValidSitePattern,
  loadSettings,
  MIN_AUDIT_RETENTION_DAYS,
  migrateStoredSettings,
  normalizeSettings,
  pathUnder,
  resolveCutoff,
  sameSiteRule,
  saveSettings,
  siteFor,
  sitePatternFor,
  todayInChina,
  watchSettings,
} from './settings.ts';

beforeEach(() => fakeBrowser.reset());

describe('defaults', () => {
  it('has no endpoint, key or site outside the local builds', () => {
    // Unit tests run without the build-time define, like a production build.
    expect(defaultSettings()).toMatchObject({ api: { baseUrl: '', key: '' }, sites: [], language: 'zh-CN' });
  });

  it('fills what an older version did not store, and ignores junk', () => {
    const s = normalizeSettings({
      operator: '张三',
      lookup: 'sometimes',
      sites: [{ pattern: 'https://a.cn/*', mode: 'off' }, 3],
    });
    expect(s.operator).toBe('张三');
    expect(s.lookup).toBe('auto');
    expect(s.sites).toEqual([{ pattern: 'https://a.cn/*', mode: 'off' }]);
    expect(s.cutoff).toEqual({ readFromPage: true, fixedDate: null });
    expect(normalizeSettings(null)).toEqual(defaultSettings());
  });
});

describe('loan review settings', () => {
  it('defaults to the generic pack, no report cache and today', () => {
    expect(DEFAULT_LOAN_RULE_PACK).toBe(DEFAULT_RULE_PACK_ID);
    expect(defaultSettings().loan).toEqual({
      rulePackId: 'generic-lian3lei6',
      cacheReports: false,
      reviewDate: null,
    });
  });

  it('keeps what is valid and replaces what is not', () => {
    expect(
      normalizeSettings({
        loan: { rulePackId: 'hangzhou', cacheReports: true, reviewDate: '2026-11-01' },
      }).loan,
    ).toEqual({ rulePackId: 'hangzhou', cacheReports: true, reviewDate: '2026-11-01' });
    expect(
      normalizeSettings({ loan: { rulePackId: '', cacheReports: 'yes', reviewDate: 'soon' } }).loan,
    ).toEqual(defaultSettings().loan);
  });

  it('drops a stored rule with an invalid path prefix', () => {
    const s = normalizeSettings({
      sites: [
        { pattern: 'https://a.cn/*', pathPrefix: '/loan', mode: 'loan' },
        { pattern: 'https://a.cn/*', pathPrefix: 'loan*', mode: 'loan' },
      ],
    });
    expect(s.sites).toEqual([{ pattern: 'https://a.cn/*', pathPrefix: '/loan', mode: 'loan' }]);
  });
});

describe('audit log settings', () => {
  it('keeps the one audit log of every mode for a year by default', () => {
    expect(defaultSettings().audit).toEqual({ retentionDays: 365 });
  });

  it('never keeps the audit log for less than six months, whatever is stored', () => {
    const days = (retentionDays: unknown) =>
      normalizeSettings({ audit: { retentionDays } }).audit.retentionDays;
    expect(MIN_AUDIT_RETENTION_DAYS).toBe(184);
    expect(days(1)).toBe(184);
    expect(days(0)).toBe(184);
    expect(days(-5)).toBe(184);
    expect(days(183.9)).toBe(184);
    expect(days(400.7)).toBe(400);
    expect(days(3650)).toBe(3650);
    expect(days('long')).toBe(365);
  });

  it('takes the retention an older version stored under the loan settings', () => {
    const old = {
      loan: { rulePackId: 'hangzhou', cacheReports: true, auditRetentionDays: 730, reviewDate: null },
    };
    const s = normalizeSettings(old);
    expect(s.audit).toEqual({ retentionDays: 730 });
    expect(s.loan).toEqual({ rulePackId: 'hangzhou', cacheReports: true, reviewDate: null });
    // The shared setting wins over a stale loan one.
    expect(normalizeSettings({ ...old, audit: { retentionDays: 500 } }).audit.retentionDays).toBe(500);
    // An old value below the minimum is raised, as it was read before.
    expect(normalizeSettings({ loan: { auditRetentionDays: 30 } }).audit.retentionDays).toBe(184);
  });

  it('rewrites stored settings of the older shape once, keeping everything else', async () => {
    const old = {
      ...defaultSettings(),
      operator: '张三',
      loan: { rulePackId: 'hangzhou', cacheReports: false, auditRetentionDays: 730, reviewDate: null },
    };
    delete (old as Partial<typeof old>).audit;
    await fakeBrowser.storage.local.set({ settings: old });
    expect(await migrateStoredSettings()).toBe(true);
    const stored = (await fakeBrowser.storage.local.get('settings')).settings as Record<string, unknown>;
    expect(stored.audit).toEqual({ retentionDays: 730 });
    expect(stored.loan).toEqual({ rulePackId: 'hangzhou', cacheReports: false, reviewDate: null });
    expect(stored.operator).toBe('张三');
    expect(await loadSettings()).toEqual(normalizeSettings(old));
    // Nothing left to migrate: nothing written.
    expect(await migrateStoredSettings()).toBe(false);
  });

  it('writes nothing when there are no stored settings', async () => {
    expect(await migrateStoredSettings()).toBe(false);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });
});

describe('storage', () => {
  it('saves, loads and reports changes', async () => {
    const seen: string[] = [];
    const stop = watchSettings((s) => seen.push(s.operator));
    await saveSettings({ ...defaultSettings(), operator: '李四' });
    expect((await loadSettings()).operator).toBe('李四');
    expect(seen).toEqual(['李四']);
    stop();
    await saveSettings({ ...defaultSettings(), operator: '王五' });
    expect(seen).toEqual(['李四']);
  });
});

describe('sites', () => {
  it('turns a page URL into the pattern for its host (no port: patterns have none)', () => {
    expect(sitePatternFor('http://127.0.0.1:8787/demo/bid-opening?x=1')).toBe('http://127.0.0.1/*');
    expect(sitePatternFor('https://ggzy.example.gov.cn/a/b')).toBe('https://ggzy.example.gov.cn/*');
    expect(sitePatternFor('chrome://extensions')).toBeNull();
    expect(sitePatternFor('not a url')).toBeNull();
  });

  it('finds the site entry of a URL, the later entry winning', () => {
    const sites = [
      { pattern: 'https://*.example.gov.cn/*', mode: 'procurement' as const },
      { pattern: 'https://loan.example.gov.cn/*', mode: 'off' as const },
    ];
    expect(siteFor('https://ggzy.example.gov.cn/x', sites)?.mode).toBe('procurement');
    expect(siteFor('https://loan.example.gov.cn/x', sites)?.mode).toBe('off');
    expect(siteFor('https://other.cn/', sites)).toBeNull();
    expect(siteFor('https://x.cn/', [{ pattern: 'garbage', mode: 'procurement' }])).toBeNull();
  });

  it('lets a path rule override the site-wide rule on its paths, the longest prefix winning', () => {
    const sites = [
      { pattern: 'http://127.0.0.1/*', mode: 'procurement' as const },
      { pattern: 'http://127.0.0.1/*', pathPrefix: '/demo/loan-review', mode: 'loan' as const },
      { pattern: 'http://127.0.0.1/*', pathPrefix: '/demo/loan-review/archive', mode: 'off' as const },
    ];
    expect(siteFor('http://127.0.0.1:8787/demo/bid-opening', sites)?.mode).toBe('procurement');
    expect(siteFor('http://127.0.0.1:8787/demo/loan-review', sites)?.mode).toBe('loan');
    expect(siteFor('http://127.0.0.1:9999/demo/loan-review?x=1', sites)?.mode).toBe('loan');
    expect(siteFor('http://127.0.0.1:8787/demo/loan-review/archive/1', sites)?.mode).toBe('off');
    // A path rule alone covers only its paths.
    expect(
      siteFor('https://gjj.example.cn/news', [
        { pattern: 'https://gjj.example.cn/*', pathPrefix: '/loan', mode: 'loan' },
      ]),
    ).toBeNull();
    expect(siteFor('not a url', sites)).toBeNull();
  });

  it('matches a path rule on path-segment boundaries: /loan is not /loans-faq', () => {
    const sites = [{ pattern: 'https://gjj.example.cn/*', pathPrefix: '/loan', mode: 'loan' as const }];
    expect(siteFor('https://gjj.example.cn/loan', sites)?.mode).toBe('loan');
    expect(siteFor('https://gjj.example.cn/loan/42?x=1', sites)?.mode).toBe('loan');
    expect(siteFor('https://gjj.example.cn/loans-faq', sites)).toBeNull();
    expect(siteFor('https://gjj.example.cn/loan-archive/1', sites)).toBeNull();
    expect(pathUnder('/loan/', '/loan/')).toBe(true);
    expect(pathUnder('/loan', '/loan/')).toBe(true);
    expect(pathUnder('/loanx/', '/loan/')).toBe(false);
    expect(pathUnder('/anything', '/')).toBe(true);
  });

  it('registers a path rule for its path only', () => {
    expect(
      contentPatternFor({ pattern: 'http://127.0.0.1/*', pathPrefix: '/demo/loan-review', mode: 'loan' }),
    ).toBe('http://127.0.0.1/demo/loan-review*');
    expect(contentPatternFor({ pattern: 'https://a.cn/*', mode: 'procurement' })).toBe('https://a.cn/*');
  });

  it('tells rules apart by pattern and path prefix, not mode', () => {
    expect(
      sameSiteRule({ pattern: 'http://a.cn/*' }, { pattern: 'http://a.cn/*', pathPrefix: undefined }),
    ).toBe(true);
    expect(sameSiteRule({ pattern: 'http://a.cn/*' }, { pattern: 'http://a.cn/*', pathPrefix: '/x' })).toBe(
      false,
    );
  });

  it('accepts path prefixes that start with a slash and carry no wildcard', () => {
    expect(isValidPathPrefix('/demo/loan-review')).toBe(true);
    expect(isValidPathPrefix('demo')).toBe(false);
    expect(isValidPathPrefix('/loan/*')).toBe(false);
    expect(isValidPathPrefix('/a b')).toBe(false);
  });

  it('accepts only http(s) match patterns', () => {
    expect(isValidSitePattern('https://*.ccgp.gov.cn/*')).toBe(true);
    expect(isValidSitePattern('*://ggzy.example.cn/*')).toBe(true);
    expect(isValidSitePattern('ccgp.gov.cn')).toBe(false);
    expect(isValidSitePattern('file:///etc/*')).toBe(false);
  });
});

describe('cut-off', () => {
  it('prefers the page, then the fixed date, then today', () => {
    expect(
      resolveCutoff({ readFromPage: true, fixedDate: '2026-11-01' }, '2026-11-20', '2026-11-25'),
    ).toEqual({
      date: '2026-11-20',
      source: 'page',
    });
    expect(
      resolveCutoff({ readFromPage: false, fixedDate: '2026-11-01' }, '2026-11-20', '2026-11-25'),
    ).toEqual({
      date: '2026-11-01',
      source: 'fixed',
    });
    expect(resolveCutoff({ readFromPage: true, fixedDate: null }, null, '2026-11-25')).toEqual({
      date: '2026-11-25',
      source: 'today',
    });
  });

  it('counts days in China Standard Time', () => {
    expect(todayInChina(new Date('2026-10-31T15:59:59Z'))).toBe('2026-10-31');
    expect(todayInChina(new Date('2026-10-31T16:00:00Z'))).toBe('2026-11-01');
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  defaultSettings,
  isValidSitePattern,
  loadSettings,
  normalizeSettings,
  resolveCutoff,
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

import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { patternMatches } from './layout.ts';

const PATTERNS = [
  '*://*/demo/bid-opening*',
  '*://*/demo/bidders*',
  'https://*.gov.cn/*',
  'https://ggzy.zj.gov.cn/jyxx/*',
  'http://127.0.0.1/*',
];
const URLS = [
  'http://127.0.0.1:8787/demo/bid-opening',
  'http://localhost/demo/bid-opening?x=1#top',
  'https://ggzy.zj.gov.cn/jyxx/001001/detail.html',
  'https://gov.cn/',
  'https://www.ccgp.gov.cn/cggg/zygg/',
  'https://evil.example/demo/bidders?n=5',
  'https://evilgov.cn/x',
  'ftp://127.0.0.1/demo/bid-opening',
  'http://127.0.0.1/demo/tendering',
  'not a url',
];

describe('patternMatches', () => {
  it.each(PATTERNS)('agrees with the manifest matcher for %s', (pattern) => {
    const oracle = new MatchPattern(pattern);
    for (const url of URLS) {
      let expected = false;
      try {
        expected = oracle.includes(url);
      } catch {
        expected = false;
      }
      expect(patternMatches(pattern, url), `${pattern} ${url}`).toBe(expected);
    }
  });
});

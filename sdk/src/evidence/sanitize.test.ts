import { describe, expect, it } from 'vitest';
import { hasInvisible, sanitizeDeep, stripInvisible } from './sanitize.ts';

describe('stripInvisible', () => {
  it.each([
    ['\u202a', 'LRE'],
    ['\u202b', 'RLE'],
    ['\u202c', 'PDF'],
    ['\u202d', 'LRO'],
    ['\u202e', 'RLO'],
    ['\u2066', 'LRI'],
    ['\u2067', 'RLI'],
    ['\u2068', 'FSI'],
    ['\u2069', 'PDI'],
    ['\u200e', 'LRM'],
    ['\u200f', 'RLM'],
    ['\u061c', 'ALM'],
    ['\u200b', 'ZWSP'],
    ['\u200c', 'ZWNJ'],
    ['\u200d', 'ZWJ'],
    ['\u2060', 'WJ'],
    ['\ufeff', 'BOM'],
    ['\u0000', 'NUL'],
    ['\u001b', 'ESC'],
    ['\u0085', 'NEL'],
  ])('removes %j (%s)', (control) => {
    expect(stripInvisible(`不${control}通过`)).toBe('不通过');
    expect(hasInvisible(`不${control}通过`)).toBe(true);
  });

  it('keeps tabs, line breaks and ordinary text', () => {
    expect(stripInvisible('甲公司\t乙\r\n丙')).toBe('甲公司\t乙\r\n丙');
    expect(hasInvisible('甲公司')).toBe(false);
  });

  it('cleans every string of a JSON value, member names too', () => {
    expect(sanitizeDeep({ 'na\u200bme': ['甲\u202e公司', 1, null, true] })).toEqual({
      name: ['甲公司', 1, null, true],
    });
  });
});

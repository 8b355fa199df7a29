import { describe, expect, it } from 'vitest';
import {
  containsIdNumber,
  maskedName,
  normalizeText,
  pageAddress,
  redactIds,
  stripControls,
} from './personal.ts';

const ID = '330110199209219966';
const MASKED = '330***********9966';
const fullWidth = (s: string) =>
  s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const percent = (s: string) => [...s].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('');

describe('redactIds', () => {
  it.each([
    ['plain', `id=${ID}`],
    ['percent-encoded', `id=${percent(ID)}`],
    ['percent-encoded twice', `id=${percent(ID).replace(/%/g, '%25')}`],
    ['full-width', `证件${fullWidth(ID)}`],
    ['spaced', 'id=330110 19920921 9966'],
    ['dashed', 'id=330-110-1992-0921-9966'],
    ['ideographic spaces', 'id=330110\u300019920921\u30009966'],
    ['zero-width inside', `id=3301101992\u200b09219966`],
    ['after a letter', `ID${ID}`],
    ['lower-case x', 'no11010519491231002x'],
    ['inside a bidder name', `张三（${ID}）经营部`],
  ])('masks an ID number %s', (_, text) => {
    const out = redactIds(text);
    expect(out.replace(/[^0-9Xx]/g, '')).not.toContain(ID.slice(3, 14));
    expect(out).toMatch(/\*{11}/);
    expect(containsIdNumber(text)).toBe(true);
  });

  it('keeps the text around the number as it was', () => {
    expect(redactIds(`张三（${ID}）经营部`)).toBe(`张三（${MASKED}）经营部`);
    expect(redactIds(`id=${percent(ID)}&t=1`)).toBe(`id=${MASKED}&t=1`);
    expect(redactIds('杭州（滨江）建设有限公司 2026-11-25 ％')).toBe(
      '杭州（滨江）建设有限公司 2026-11-25 ％',
    );
    expect(redactIds('%E5%BC%A0 1234')).toBe('%E5%BC%A0 1234');
  });

  it('leaves a company code alone, even one that is all digits but its last character', () => {
    // Valid USCCs of the seeds' bid-opening page: 17 digits and a check character, like an ID.
    for (const code of ['91320106617115481X', '914201116744381483', '914401047195690545'])
      expect(redactIds(`统一社会信用代码：${code}`)).toBe(`统一社会信用代码：${code}`);
  });

  it('finds an ID inside a longer spaced run, and leaves project numbers alone', () => {
    expect(redactIds(`${ID} 13800138000`)).toBe(`${MASKED} 13800138000`);
    expect(redactIds(`电话 0571 ${ID.slice(0, 6)} ${ID.slice(6)}`)).toBe(`电话 0571 ${MASKED}`);
    // Tender and project numbers: a letter and a long digit run, or 18 digits that are no ID.
    for (const code of [
      'E3301060012026000118001',
      'E3301060012026000118001001',
      'E1100000000000123456',
      'ZB330106001202600011',
    ]) {
      expect(redactIds(code)).toBe(code);
    }
    expect(containsIdNumber('授权书 SQ-2026-0001')).toBe(false);
    expect(containsIdNumber('E3301060012026000118001')).toBe(false);
    expect(redactIds('Ｅ３３０１０６００１２０２６０００１１８００１')).toBe(
      'Ｅ３３０１０６００１２０２６０００１１８００１',
    );
  });
});

describe('pageAddress', () => {
  it('keeps only the origin and path, with IDs masked', () => {
    expect(pageAddress(`https://gjj.example.cn/loan/${percent(ID)}?id=${ID}&token=abc#${ID}`)).toBe(
      `https://gjj.example.cn/loan/${MASKED}`,
    );
    expect(pageAddress('not a url?q=1')).toBe('not a url');
  });
});

describe('controls', () => {
  it('strips bidi and zero-width controls', () => {
    expect(stripControls('不\u202e过通\u202c\u2066x\u2069\u200d')).toBe('不过通x');
    expect(normalizeText('%33３０\u200b1')).toBe('3301');
    expect(maskedName('\u202e冯婷悦')).toBe('冯**');
  });
});

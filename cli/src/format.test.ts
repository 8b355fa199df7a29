import { computeUsccCheckChar } from '@xinjian/sdk';
import { describe, expect, it } from 'vitest';
import { CliError, dateOption } from './common.ts';
import { spreadsheetDamage } from './excel.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { classifyInput } from './identify.ts';
import { displayWidth, renderTable } from './table.ts';
import { chinaDateTime, todayInChina } from './time.ts';

describe('table', () => {
  it('counts CJK and full-width characters as two columns and colour codes as none', () => {
    expect(displayWidth('甲公司 A')).toBe(8);
    expect(displayWidth('（１）')).toBe(6);
    expect(displayWidth('\u001b[31m✖\u001b[39m')).toBe(1);
  });

  it('aligns Chinese text and multi-line cells', () => {
    expect(renderTable(['名称', 'Code'], [[['甲公司', '乙'], 'X']])).toBe(
      [
        '┌────────┬──────┐',
        '│ 名称   │ Code │',
        '├────────┼──────┤',
        '│ 甲公司 │ X    │',
        '│ 乙     │      │',
        '└────────┴──────┘',
        '',
      ].join('\n'),
    );
  });

  it('wraps a wrappable column to fit the width', () => {
    const out = renderTable(['A', '原因'], [['x', '一二三四五六七八九十一二三四五']], {
      maxWidth: 22,
      wrap: [1],
    });
    const lines = out.trimEnd().split('\n');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(22);
    expect(
      lines.filter((l) => l.includes('一') || l.includes('五') || l.includes('十')).length,
    ).toBeGreaterThan(1);
  });
});

describe('classifyInput', () => {
  it('names the expected check character of a mistyped USCC', () => {
    expect(classifyInput('91110000600037341N')).toEqual({
      kind: 'invalid',
      value: '91110000600037341N',
      message: { zh: '校验位不符：应为 L，实为 N', en: 'check character mismatch: expected L, got N' },
      expectedCheckChar: 'L',
    });
  });

  it('accepts USCC, org code and 注册号, and treats anything else as a name', () => {
    expect(classifyInput(' 91110000600037341l ')).toEqual({
      kind: 'code',
      value: '91110000600037341L',
      type: 'uscc',
    });
    expect(classifyInput('D2143569-X')).toEqual({ kind: 'code', value: 'D2143569-X', type: 'org_code' });
    expect(classifyInput('110108000000016')).toEqual({
      kind: 'code',
      value: '110108000000016',
      type: 'reg_no',
    });
    expect(classifyInput('北京华远建设有限公司')).toEqual({ kind: 'name', value: '北京华远建设有限公司' });
    expect(classifyInput('Acme Trading')).toEqual({ kind: 'name', value: 'Acme Trading' });
  });

  it('reads a full-width or spaced code as a code, as the SDK validators do', () => {
    expect(classifyInput('９１１１００００６０００３７３４１ｌ')).toEqual({
      kind: 'code',
      value: '91110000600037341L',
      type: 'uscc',
    });
    expect(classifyInput('9111 0000 6000 3734 1L')).toMatchObject({ kind: 'code', type: 'uscc' });
  });

  it('refuses a personal ID number instead of sending it', () => {
    expect(classifyInput('11010519491231002X')).toEqual({ kind: 'personal_id', value: '11010519491231002X' });
  });
});

describe('exit codes', () => {
  it('picks the most severe outcome', () => {
    expect(exitCodeFor([])).toBe(EXIT.OK);
    expect(exitCodeFor(['pass', 'pass'])).toBe(0);
    expect(exitCodeFor(['pass', 'review', 'not_found', 'ambiguous', 'incomplete'])).toBe(2);
    expect(exitCodeFor(['review', 'fail'])).toBe(1);
    expect(exitCodeFor(['fail', 'invalid'])).toBe(65);
    expect(exitCodeFor(['invalid', 'unavailable'])).toBe(69);
  });
});

describe('time', () => {
  it('uses China Standard Time', () => {
    expect(todayInChina(new Date('2026-10-31T17:00:00Z'))).toBe('2026-11-01');
    expect(chinaDateTime(new Date('2026-11-01T02:03:04.567Z'))).toBe('2026-11-01T10:03:04+08:00');
  });
});

describe('dateOption', () => {
  it('takes a date option only as a real YYYY-MM-DD date, and names the option when it refuses', () => {
    expect(dateOption('cutoff', '2028-02-29')).toBe('2028-02-29');
    expect(dateOption('cutoff', undefined)).toBeUndefined();
    for (const bad of ['2026-02-29', '2026-1-01', '2026/11/15', '2026-13-01']) {
      let thrown: unknown;
      try {
        dateOption('cutoff', bad);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(CliError);
      expect((thrown as CliError).exitCode).toBe(EXIT.USAGE);
      expect((thrown as CliError).text.en).toBe(`--cutoff must be a date YYYY-MM-DD, got "${bad}"`);
      expect((thrown as CliError).text.zh).toContain('--cutoff');
    }
  });
});

describe('spreadsheetDamage', () => {
  it('recognises scientific notation and a zeroed tail that fails its check, and nothing else', () => {
    expect(spreadsheetDamage('9.12201E+17')?.kind).toBe('scientific');
    expect(spreadsheetDamage(' 9,14401e17 ')?.kind).toBe('scientific');
    expect(spreadsheetDamage('914401047195690000')?.kind).toBe('zeroed_tail');
    expect(spreadsheetDamage('914401047195690000')?.message.en).toMatch(/set to 0 by a spreadsheet/);
    // A real code may end in 000: its check passes, so it is not damage.
    const body = '91440104719569000'.slice(0, 15);
    const real = ['000', '100', '200']
      .map((t) => `${body}${t}`)
      .find((c) => computeUsccCheckChar(c.slice(0, 17)) === c.at(-1));
    if (real !== undefined) expect(spreadsheetDamage(real)).toBeNull();
    for (const fine of [
      '91110000561976492Q',
      '914401047195690545',
      '91110000600037341N',
      '北京华远建设有限公司',
    ])
      expect(spreadsheetDamage(fine), fine).toBeNull();
    expect(classifyInput('9.12201E+17').kind).toBe('damaged');
  });
});

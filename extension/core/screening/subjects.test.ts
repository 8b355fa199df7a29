import { describe, expect, it } from 'vitest';
import { looksPersonal, subjectFromQuery } from './subjects.ts';

describe('looksPersonal', () => {
  it.each([
    ['11010519491231002X', true],
    ['11010519491231002x', true],
    ['申请人 440524188001010014', true],
    // wrong check character: still an ID number, still personal
    ['110105194912310021', true],
    ['91110000600037341L', false],
    // an all-digit 事业单位 USCC is not an ID number
    ['121200004013590816', false],
    ['北京示例科技有限公司', false],
  ])('%s → %s', (query, expected) => {
    expect(looksPersonal(query)).toBe(expected);
  });
});

describe('subjectFromQuery', () => {
  it('refuses an ID number instead of sending it as a company name', () => {
    expect(() => subjectFromQuery('110105194912310021')).toThrow(/loan-review mode/);
  });

  it('reads a code and a name', () => {
    expect(subjectFromQuery('91110000600037341L').code?.value).toBe('91110000600037341L');
    expect(subjectFromQuery(' 北京示例 ').name).toBe('北京示例');
  });
});

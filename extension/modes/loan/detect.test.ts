import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import expectedPages from '../../../seeds/pages/expected.json' with { type: 'json' };
import type { CorpusExpectation } from '../../../test/fixtures/pages/corpus.ts';
import corpusPages from '../../../test/fixtures/pages/expected.json' with { type: 'json' };
import { createHiddenCheck } from '../../core/page/visibility.ts';
import { readFacts } from '../../core/reader/facts.ts';
import { createReaderState } from '../../core/reader/types.ts';
import { createDetectState, detect } from '../../core/scan/detect.ts';
import { anchorAfterField } from '../../core/scan/field-anchor.ts';
import { companyPart, detectBorrowers, detectLoanSubjects, roleFromText } from './detect.ts';

const corpus = corpusPages as CorpusExpectation[];

const PAGES = join(process.cwd(), 'seeds/pages');
const ignore = (n: Node) => n.nodeName === 'XINJIAN-BADGE';

function load(page: string): void {
  const html = readFileSync(join(PAGES, page), 'utf8');
  document.documentElement.innerHTML = html
    .replace(/^<!DOCTYPE html>\s*<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/, '');
}
const borrowers = (root: Node = document.body) =>
  detectBorrowers(root, { isHidden: createHiddenCheck(), state: createDetectState(), ignore });

describe('the saved loan-review page', () => {
  beforeEach(() => load('loan-review.html'));

  it('finds exactly the borrowers expected.json lists, with their roles and names', () => {
    const expected = expectedPages.find((p) => p.page === 'loan-review.html')?.subjects ?? [];
    expect(borrowers().map((b) => ({ value: b.idNumber, role: b.role }))).toEqual(
      expected.map((s) => ({ value: s.value, role: s.role })),
    );
    expect(borrowers().map((b) => b.name)).toEqual(['冯婷悦', '丁斌']);
  });

  it('reads the 业务编号 the form prints, with its label', () => {
    const facts = readFacts(document.body, {
      isHidden: createHiddenCheck(),
      state: createReaderState(),
      ignore,
    });
    expect(facts.businessNo).toMatchObject({ value: 'GJJ-DK-2026-110301', label: '业务编号', from: 'table' });
  });

  it('points at the printed number, so the badge goes right after it', () => {
    for (const b of borrowers()) expect(b.node.data.slice(b.index, b.index + b.length)).toBe(b.idNumber);
  });

  it('is invisible to procurement detection: no ID number is reported there', () => {
    const found = detect(document.body, {
      layout: null,
      isHidden: createHiddenCheck(),
      state: createDetectState(),
      ignore,
    });
    expect(found.filter((o) => /^\d{17}[\dX]$/.test(o.value))).toEqual([]);
  });
});

describe('borrowers in running text', () => {
  it('reads the role and name from the clause before the number', () => {
    document.body.innerHTML =
      '<p>申请人姓名：张晓明，身份证号 11010519491231002X；配偶姓名：李华，身份证号 440524188001010014。</p>';
    expect(borrowers().map((b) => [b.idNumber, b.role, b.name])).toEqual([
      ['11010519491231002X', 'applicant', '张晓明'],
      ['440524188001010014', 'spouse', '李华'],
    ]);
  });

  it('leaves the role open when the page states none, and skips hidden and invalid numbers', () => {
    document.body.innerHTML =
      '<p>证件：360426199101010071</p><p hidden>110105194912310021</p><p>36042619910102009X</p>';
    expect(borrowers().map((b) => [b.idNumber, b.role])).toEqual([['360426199101010071', null]]);
  });
});

describe('roles', () => {
  it('prefers co-borrower over spouse when a label says both', () => {
    expect(roleFromText('配偶/共同借款人')).toBe('co_borrower');
    expect(roleFromText('配偶')).toBe('spouse');
    expect(roleFromText('主借款人')).toBe('applicant');
    expect(roleFromText('共有权人')).toBe('co_borrower');
    expect(roleFromText('经办人')).toBeNull();
  });
});

describe('ID numbers in form fields', () => {
  it('reads readonly inputs and textareas by their label, and places the marker after the control', () => {
    document.body.innerHTML = `
      <table><tr><td>申请人身份证号</td><td><input id="a" readonly value="11010519491231002X"></td></tr></table>
      <p><label for="b">配偶身份证号</label><textarea id="b" readonly>110101199003074514</textarea></p>
      <p><label for="c">证件号码</label><input id="c" type="hidden" value="110101199003078559"></p>`;
    const state = createDetectState();
    const found = detectBorrowers(document.body, { isHidden: createHiddenCheck(), state, ignore });
    expect(found.map((b) => [b.idNumber, b.role, b.field?.id])).toEqual([
      ['11010519491231002X', 'applicant', 'a'],
      ['110101199003074514', 'spouse', 'b'],
    ]);
    const first = found[0];
    if (!first) throw new Error('no borrower');
    anchorAfterField(first, state);
    expect(first.node.isConnected).toBe(true);
    expect(first.node.previousSibling).toBe(document.querySelector('#a'));
    expect(first.length).toBe(0);
    // A second scan reads neither the fields nor the anchor again.
    expect(detectBorrowers(document.body, { isHidden: createHiddenCheck(), state, ignore })).toEqual([]);
  });
});

const CORPUS = join(process.cwd(), 'test/fixtures/pages');
const loanPages = corpus.filter((p) => p.mode === 'loan');
const loadCorpus = (page: string) => {
  document.documentElement.innerHTML = readFileSync(join(CORPUS, page), 'utf8')
    .replace(/^<!DOCTYPE html>\s*<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/, '');
};
const pageSubjects = () =>
  detectLoanSubjects(document.body, { isHidden: createHiddenCheck(), state: createDetectState(), ignore });

describe('the companies on the loan pages of the corpus, read with the people in one pass', () => {
  for (const expected of loanPages) {
    it(`${expected.page}: every must company, no person as a company, and the same people`, () => {
      loadCorpus(expected.page);
      const { borrowers: people, companies } = pageSubjects();
      const keys = companies.map((c) => c.subject.key);
      expect(expected.must.map((m) => m.key).filter((k) => !keys.includes(k))).toEqual([]);
      expect(expected.must_not.map((m) => m.key).filter((k) => keys.includes(k))).toEqual([]);
      expect(people.map((p) => p.idNumber).sort()).toEqual(
        (expected.people ?? []).map((p) => p.idNumber).sort(),
      );
      // No ID number is a company, whatever label it sits under.
      const ids = new Set(people.map((p) => p.idNumber));
      for (const c of companies) {
        expect(c.subject.code?.kind).not.toBe('id_card');
        expect(ids.has(c.subject.code?.value ?? '')).toBe(false);
      }
      for (const m of expected.must)
        expect(companies.find((c) => c.subject.key === m.key)?.part).toBe(m.part);
    });
  }

  it('takes the part from the label nearest before the company', () => {
    expect(companyPart('售房单位统一社会信用代码')).toBe('developer');
    expect(companyPart('保证人 统一社会信用代码：')).toBe('guarantor');
    expect(companyPart('售房单位 借款人现工作单位为')).toBe('employer');
    expect(companyPart('备注')).toBe('other');
  });

  it('reads no person after a company label, and an ID number under one stays a person', () => {
    document.body.innerHTML = `<table>
      <tr><td>担保人</td><td>张晓明</td></tr>
      <tr><td>保证人身份证号</td><td>11010519491231002X</td></tr>
      <tr><td>工作单位</td><td>杭州某某科技有限公司</td></tr></table>
      <p>担保人：李华。</p>`;
    const { borrowers: people, companies } = pageSubjects();
    expect(companies.map((c) => [c.subject.key, c.part])).toEqual([
      ['name:杭州某某科技有限公司', 'employer'],
    ]);
    expect(people.map((p) => p.idNumber)).toEqual(['11010519491231002X']);
  });
});

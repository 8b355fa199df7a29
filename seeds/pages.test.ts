import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { findIdentifiers, parseUscc } from '../sdk/src/identifiers/index.ts';
import { SEED_PATHS } from './generate.ts';
import { DEMO_CUTOFF, findEnterprise, SEED_AS_OF, seeds } from './index.ts';
import { distinctBidders, type ExpectedPages, expectedBidderSubjects, renderBidderPage } from './pages.ts';

const asOf = new Date(`${SEED_AS_OF}T12:00:00+08:00`);
const read = (name: string) => readFileSync(resolve(SEED_PATHS.pages, name), 'utf8');
const textOf = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
const expected: ExpectedPages = JSON.parse(read('expected.json'));
const byPage = (page: string) => {
  const hit = expected.find((p) => p.page === page);
  if (hit === undefined) throw new Error(`no expectations for ${page}`);
  return hit.subjects;
};

describe('static pages', () => {
  it('lists every static page in expected.json', () => {
    expect(expected.map((p) => p.page)).toEqual([
      'bid-opening.html',
      'award-notice.html',
      'loan-review.html',
      'bidders.html',
      'tendering.html',
      'credit-review.html',
    ]);
  });

  it.each([
    'bid-opening.html',
    'award-notice.html',
    'loan-review.html',
    'bidders.html',
    'tendering.html',
    'credit-review.html',
  ])('%s contains what expected.json says, and the SDK finder finds exactly the valid codes', (page) => {
    const html = read(page);
    const subjects = byPage(page);
    for (const s of subjects) expect(html, s.text).toContain(s.text);
    const found = findIdentifiers(textOf(html), { asOf }).map((m) => [m.kind, m.value]);
    const wanted = subjects.filter((s) => s.valid && s.kind !== 'name').map((s) => [s.kind, s.value]);
    expect(found).toEqual(wanted);
  });

  it('is self-contained UTF-8 markup with page CSS and no external resources', () => {
    for (const page of [
      'bid-opening.html',
      'award-notice.html',
      'loan-review.html',
      'bidders.html',
      'tendering.html',
    ]) {
      const html = read(page);
      expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
      expect(html).toContain('<meta charset="utf-8">');
      expect(html).toContain('<style>');
      expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
      expect(html).not.toMatch(/url\(/);
    }
  });

  it('bid-opening: header, cut-off time and the 13 bidder rows', () => {
    const html = read('bid-opening.html');
    const table = html.slice(
      html.indexOf('<table id="bid-opening-table" class="grid bid-table">'),
      html.indexOf('</table>', html.indexOf('bid-opening-table')),
    );
    expect([...table.matchAll(/<th>(.*?)<\/th>/g)].map((m) => m[1])).toEqual([
      '序号',
      '投标人',
      '统一社会信用代码',
      '投标报价(元)',
      '备注',
    ]);
    expect(table.match(/<tr><td>\d+<\/td>/g)).toHaveLength(13);
    const [y, m, d] = DEMO_CUTOFF.split('-').map(Number);
    expect(html).toContain(`<th>投标截止时间</th><td>${y}年${m}月${d}日 09:30</td>`);
    for (const label of ['项目名称', '项目编号', '采购人']) expect(html).toContain(`<th>${label}</th>`);
    expect(table).toContain('<td>联合体</td>');
  });

  it('bid-opening: the invalid code, the ambiguous name and the consortium', () => {
    const subjects = byPage('bid-opening.html');
    const invalid = subjects.filter((s) => !s.valid);
    expect(invalid).toHaveLength(1);
    const parsed = parseUscc(invalid[0]?.text ?? '');
    const meant = seeds.enterprises.find((e) => e.subject.id === invalid[0]?.subjectId);
    expect(parsed.ok ? null : [parsed.reason, parsed.expectedCheckChar]).toEqual([
      'checksum',
      meant?.subject.uscc.charAt(17),
    ]);

    const names = subjects.filter((s) => s.kind === 'name');
    expect(
      names.map((s) => [s.subjectId, seeds.enterprises.filter((e) => e.subject.name === s.value).length]),
    ).toEqual([[null, 2]]);

    const members = subjects.filter((s) => s.role === 'consortium_member').map((s) => s.subjectId);
    expect(members).toEqual(seeds.consortia.find((c) => c.id === 'cons-b')?.memberIds);

    const regNo = subjects.filter((s) => s.kind === 'reg_no');
    expect(regNo.map((s) => findEnterprise(s.value)?.subject.id)).toEqual(regNo.map((s) => s.subjectId));

    const tags = subjects.flatMap(
      (s) => seeds.enterprises.find((e) => e.subject.id === s.subjectId)?.tags ?? [],
    );
    for (const tag of [
      'edge:clean',
      'edge:dishonest-active',
      'edge:abnormal-operation',
      'edge:fine-2000000',
      'magic:503-twice',
    ]) {
      expect(tags).toContain(tag);
    }
  });

  it('award notice names the winner with its USCC and the other candidates in prose', () => {
    const html = read('award-notice.html');
    const [winner, second, third] = byPage('award-notice.html');
    const name = (id: string | null | undefined) =>
      seeds.enterprises.find((e) => e.subject.id === id)?.subject.name;
    expect(html).toContain(`中标供应商：${name(winner?.subjectId)}（统一社会信用代码：${winner?.value}）`);
    expect(html).toContain('中标金额：人民币 3,268,000.00 元（大写：叁佰贰拾陆万捌仟元整）');
    expect(html).toContain(
      `第二中标候选人为${name(second?.subjectId)}（统一社会信用代码：${second?.value}）`,
    );
    expect(html).toContain(`第三中标候选人为${name(third?.subjectId)}（组织机构代码：${third?.text}）`);
    expect([winner?.role, second?.role, third?.role, third?.kind]).toEqual([
      'winner',
      'candidate',
      'candidate',
      'org_code',
    ]);
  });

  it('loan review shows household hh-2: applicant and co-borrower with full ID numbers', () => {
    const html = read('loan-review.html');
    const people = byPage('loan-review.html').map((s) => {
      const p = seeds.individuals.find((x) => x.idNumber === s.value);
      return [s.role, p?.tags, html.includes(`<td>${p?.name}</td>`)];
    });
    expect(people).toEqual([
      ['applicant', ['household:hh-2', 'role:applicant'], true],
      ['co_borrower', ['household:hh-2', 'role:co_borrower'], true],
    ]);
    for (const label of ['申请人', '配偶/共同借款人', '申请贷款金额', '贷款城市'])
      expect(html).toContain(label);
  });
});

describe('renderBidderPage', () => {
  it('renders n rows with two identifiers each, about half of them repeats', () => {
    const html = renderBidderPage(40);
    const rows = [...html.matchAll(/<tr><td>\d+<\/td>(.*?)<\/tr>/g)];
    expect(rows).toHaveLength(40);
    const subjects = expectedBidderSubjects(40);
    expect(subjects).toHaveLength(80);
    expect(new Set(subjects.filter((s) => s.kind === 'uscc').map((s) => s.value)).size).toBe(20);
    expect(distinctBidders(40)).toHaveLength(20);
    const found = findIdentifiers(textOf(html), { asOf }).map((m) => m.value);
    expect(found).toEqual(subjects.map((s) => s.value));
  });

  it('is deterministic, never draws fault-injection subjects, and varies with the seed', () => {
    expect(renderBidderPage(100)).toBe(renderBidderPage(100));
    expect(renderBidderPage(100, { seed: 2 })).not.toBe(renderBidderPage(100));
    expect(distinctBidders(2_000).some((e) => e.tags.some((t) => t.startsWith('magic:')))).toBe(false);
  });

  it('handles 0 and 10,000 rows and rejects a bad n', () => {
    expect(renderBidderPage(0)).toContain('<tbody>\n\n</tbody>');
    const big = renderBidderPage(10_000);
    expect(big.match(/<tr><td>\d+<\/td>/g)).toHaveLength(10_000);
    expect(() => renderBidderPage(-1)).toThrow(RangeError);
    expect(() => renderBidderPage(1.5)).toThrow('n must be a non-negative integer, got 1.5');
  });
});

describe('sample bidder lists', () => {
  const utf8 = readFileSync(resolve(SEED_PATHS.samples, 'bidders.csv'));
  const gbk = readFileSync(resolve(SEED_PATHS.samples, 'bidders-gbk.csv'));

  it('holds the same text in UTF-8 and GBK', () => {
    expect(iconv.decode(gbk, 'gbk')).toBe(utf8.toString('utf8'));
    expect(gbk.equals(utf8)).toBe(false);
  });

  it('has the header, about 20 rows, one bad code and one name-only row', () => {
    const [header, ...rows] = utf8.toString('utf8').trimEnd().split('\r\n');
    expect(header).toBe('投标人名称,统一社会信用代码');
    expect(rows).toHaveLength(20);
    const codes = rows.map((r) => r.split(',')[1] ?? '');
    expect(codes.filter((c) => c === '')).toHaveLength(1);
    expect(codes.filter((c) => c !== '' && !parseUscc(c).ok)).toHaveLength(1);
    expect(codes.filter((c) => c !== '' && findEnterprise(c) !== undefined)).toHaveLength(18);
  });
});

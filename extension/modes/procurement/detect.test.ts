import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import expectedPages from '../../../seeds/pages/expected.json' with { type: 'json' };
import { layoutFor as layoutIn } from '../../core/scan/layout.ts';
import { LAYOUTS } from './layouts/index.ts';

const layoutFor = (url: string) => layoutIn(url, LAYOUTS);

import { createHiddenCheck } from '../../core/page/visibility.ts';
import { createDetectState, detect, type Occurrence } from '../../core/scan/detect.ts';
import type { PageLayout } from '../../core/scan/layout.ts';
import { pageFacts } from '../../core/scan/page-facts.ts';
import { readCutoff } from '../../core/screening/cutoff.ts';

// Vitest runs from the repository root; in a DOM environment import.meta.url is not a file URL.
const PAGES = join(process.cwd(), 'seeds/pages');

function load(page: string): void {
  const html = readFileSync(join(PAGES, page), 'utf8');
  document.documentElement.innerHTML = html
    .replace(/^<!DOCTYPE html>\s*<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/, '');
}

function scan(layout: PageLayout | null, root: Node = document.body): Occurrence[] {
  return detect(root, {
    layout,
    isHidden: createHiddenCheck(),
    state: createDetectState(),
    ignore: (n) => n.nodeName === 'XINJIAN-BADGE',
  });
}

const summary = (o: Occurrence) => ({
  text: o.text,
  kind: o.kind,
  value: o.value,
  role: o.role,
  valid: o.valid,
});
const expectedFor = (page: string) =>
  (expectedPages.find((p) => p.page === page)?.subjects ?? []).map(({ text, kind, value, role, valid }) => ({
    text,
    kind,
    value,
    role,
    valid,
  }));

// Procurement pages: every identifier and every bidder name without a code, in page order.
const PROCUREMENT_PAGES = ['bid-opening.html', 'award-notice.html', 'bidders.html'];

describe('detect on the saved demo pages', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = '<head></head><body></body>';
  });

  it('has a layout paired with every procurement page', () => {
    expect(LAYOUTS.map((l) => l.fixture).sort()).toEqual([...PROCUREMENT_PAGES].sort());
  });

  for (const page of PROCUREMENT_PAGES) {
    const layout = LAYOUTS.find((l) => l.fixture === page) ?? null;

    it(`${page}: the layout finds exactly the expected subjects`, () => {
      load(page);
      expect(scan(layout).map(summary)).toEqual(expectedFor(page));
      expect(expectedFor(page).length).toBeGreaterThan(2);
    });

    it(`${page}: generic detection finds the same subjects`, () => {
      load(page);
      expect(scan(null).map(summary)).toEqual(expectedFor(page));
    });
  }

  it('finds no identifier on the loan page in procurement mode (ID numbers are never enterprise codes)', () => {
    load('loan-review.html');
    const found = scan(null);
    expect(found).toEqual([]);
    // The page does hold two valid ID numbers, which only the loan mode may read.
    expect(expectedFor('loan-review.html').map((s) => s.kind)).toEqual(['id_card', 'id_card']);
  });

  it('gives the consortium members one consortium id and the lead as its name', () => {
    load('bid-opening.html');
    const members = scan(layoutFor('http://127.0.0.1:8787/demo/bid-opening')).filter(
      (o) => o.role === 'consortium_member',
    );
    expect(members.map((m) => m.name)).toEqual([
      '武汉曜卓路桥工程股份有限公司',
      '武汉珀拓建筑工程有限责任公司',
      '长春弈钧电力工程有限公司',
    ]);
    expect(new Set(members.map((m) => m.consortium?.id)).size).toBe(1);
    expect(members[0]?.consortium?.name).toBe('武汉曜卓路桥工程股份有限公司');
  });

  it('names the bidder of each code from its row, and reports the expected check character', () => {
    load('bid-opening.html');
    const found = scan(null);
    expect(found[0]?.name).toBe('北京市东城区澜丰信息技术有限公司');
    const invalid = found.find((o) => !o.valid);
    expect(invalid?.value).toBe('91330108MA5WY2EA7L');
    expect(invalid?.expectedCheckChar).toMatch(/^[0-9A-Z]$/);
    expect(invalid?.expectedCheckChar).not.toBe('L');
  });

  it('names winners and candidates from the sentence around their codes', () => {
    load('award-notice.html');
    expect(scan(null).map((o) => [o.role, o.name])).toEqual([
      ['winner', '北京市东城区澜丰信息技术有限公司'],
      ['candidate', '杭州岫拓医疗器械有限公司'],
      ['candidate', '上海溯辰数据科技有限责任公司'],
    ]);
  });

  it('reads the cut-off each layout declares', () => {
    load('bid-opening.html');
    expect(readCutoff(document, layoutFor('http://127.0.0.1/demo/bid-opening')?.cutoff)).toBe('2026-11-20');
    load('award-notice.html');
    expect(readCutoff(document, layoutFor('http://localhost:8787/demo/award-notice')?.cutoff)).toBe(
      '2026-11-20',
    );
    load('bidders.html');
    expect(readCutoff(document, layoutFor('http://localhost/demo/bidders?n=50')?.cutoff)).toBeNull();
  });
});

describe('detect in changing pages', () => {
  beforeEach(() => load('bid-opening.html'));

  it('scans an added row alone and never reports a node twice', () => {
    const state = createDetectState();
    const options = { layout: null, isHidden: createHiddenCheck(), state, ignore: () => false };
    expect(detect(document.body, options)).toHaveLength(15);
    expect(detect(document.body, options)).toEqual([]);
    const row = document.createElement('tr');
    row.innerHTML =
      '<td>14</td><td>南京翎川科技有限公司</td><td class="code">91320100MA2EFF0T3D</td><td>1</td><td></td>';
    document.querySelector('#bid-opening-table tbody')?.append(row);
    expect(detect(row, options).map(summary)).toEqual([
      { text: '91320100MA2EFF0T3D', kind: 'uscc', value: '91320100MA2EFF0T3D', role: 'bidder', valid: true },
    ]);
  });

  it('skips hidden elements: display:none, visibility:hidden, hidden and aria-hidden', () => {
    const body = document.body;
    body.innerHTML = `
      <p style="display:none">统一社会信用代码：91110000600037341L</p>
      <div style="visibility:hidden"><span>9144030071526726XG</span></div>
      <p hidden>91310115MA1K3BTP2B</p>
      <div aria-hidden="true"><p>91350100M000100Y43</p></div>
      <p>91620105L015101280</p>`;
    expect(scan(null).map((o) => o.value)).toEqual(['91620105L015101280']);
  });

  it('reports a USCC with a wrong check character only where it is labelled as a code', () => {
    document.body.innerHTML =
      '<p>统一社会信用代码：91110000600037341N</p><p>流水号 91110000600037341N</p><p>身份证 11010519491231002X</p>';
    expect(scan(null).map(summary)).toEqual([
      {
        text: '91110000600037341N',
        kind: 'uscc',
        value: '91110000600037341N',
        role: 'mention',
        valid: false,
      },
    ]);
  });

  it('finds a winner named without a code', () => {
    document.body.innerHTML = '<p>中标供应商：栖禾建设工程有限公司，中标金额：100 元。</p>';
    expect(scan(null).map(summary)).toEqual([
      {
        text: '栖禾建设工程有限公司',
        kind: 'name',
        value: '栖禾建设工程有限公司',
        role: 'winner',
        valid: true,
      },
    ]);
  });
});

describe('a layout over the generic reader', () => {
  it('reads its tables by its selectors only; the reader reads the rest of the page', () => {
    document.body.innerHTML = `
      <table id="bid-opening-table"><thead><tr><th>序号</th><th>投标人</th><th>统一社会信用代码</th><th>统一社会信用代码（备用）</th></tr></thead>
      <tbody><tr><td>1</td><td>北京市东城区澜丰信息技术有限公司</td><td>91110000561976492Q</td><td>91330100MA703R94XL</td></tr></tbody></table>
      <p>中标供应商：栖禾建设工程有限公司</p>`;
    const layout = layoutFor('http://127.0.0.1:8787/demo/bid-opening');
    // The reader alone reads both code columns; the layout says the codes are in the third.
    expect(scan(null).map((o) => o.value)).toEqual([
      '91110000561976492Q',
      '91330100MA703R94XL',
      '栖禾建设工程有限公司',
    ]);
    expect(scan(layout).map((o) => [o.value, o.role, o.name])).toEqual([
      ['91110000561976492Q', 'bidder', '北京市东城区澜丰信息技术有限公司'],
      ['栖禾建设工程有限公司', 'winner', '栖禾建设工程有限公司'],
    ]);
  });

  it('keeps running text outside the prose it names unread', () => {
    document.body.innerHTML =
      '<div class="nav">供应商：栖禾建设工程有限公司</div><div class="article"><p>中标供应商：杭州岫拓医疗器械有限公司</p></div>';
    expect(scan(null).map((o) => o.value)).toEqual(['栖禾建设工程有限公司', '杭州岫拓医疗器械有限公司']);
    expect(scan(layoutFor('http://127.0.0.1:8787/demo/award-notice')).map((o) => o.value)).toEqual([
      '杭州岫拓医疗器械有限公司',
    ]);
  });
});

describe('page facts for the tab record', () => {
  const options = () => ({ isHidden: createHiddenCheck(), state: createDetectState(), ignore: () => false });

  it('gives project number, lot, buyer and cut-off, each with its source', () => {
    document.body.innerHTML = `<p style="display:none">项目编号：HIDDEN-0001</p><table class="kv"><tr><td>项目编号</td><td>WHHS-2026-1207</td><td>标段（包）</td><td>第三标段</td></tr>
      <tr><td>采购人</td><td>武汉市洪山区住房和城市更新局</td><td>开标时间</td><td>2026年11月12日 14:00</td></tr></table>`;
    expect(pageFacts(document.body, null, options())).toEqual({
      projectNo: { value: 'WHHS-2026-1207', source: '表格“项目编号”' },
      lot: { value: '第三标段', source: '表格“标段（包）”' },
      purchaser: { value: '武汉市洪山区住房和城市更新局', source: '表格“采购人”' },
      cutoff: { value: '2026-11-12', source: '表格“开标时间”：2026年11月12日 14:00' },
    });
  });

  it('takes the cut-off a layout declares before the one the reader finds', () => {
    load('bid-opening.html');
    const facts = pageFacts(document.body, layoutFor('http://127.0.0.1/demo/bid-opening'), options());
    expect(facts.cutoff?.value).toBe('2026-11-20');
    expect(facts.cutoff?.source).toMatch(/^表格“投标截止时间”（开标记录/);
    expect(facts.projectNo).toEqual({ value: 'XHGZ-CG-2026-0117', source: '表格“项目编号”' });
    document.body.innerHTML = '<p>这里没有项目信息。</p>';
    expect(pageFacts(document.body, null, options())).toEqual({
      projectNo: null,
      lot: null,
      purchaser: null,
      cutoff: null,
    });
  });
});

describe("the page's 序号 with each subject", () => {
  it('a layout table gives each row its printed number; the 联合体 members share row 7', () => {
    load('bid-opening.html');
    const found = scan(layoutFor('http://127.0.0.1:8787/demo/bid-opening'));
    const byRow = new Map<string, string[]>();
    for (const o of found) byRow.set(o.rowNo ?? '-', [...(byRow.get(o.rowNo ?? '-') ?? []), o.value]);
    expect([...byRow.keys()]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13']);
    expect(found.filter((o) => o.consortium).map((o) => o.rowNo)).toEqual(['7', '7', '7']);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { createHiddenCheck } from '../page/visibility.ts';
import { createDetectState, detect, type Occurrence } from './detect.ts';
import type { PageLayout } from './layout.ts';

const LAYOUT: PageLayout = {
  id: 'test-list',
  title: '测试名单',
  fixture: 'none',
  matches: ['*://*/list*'],
  tables: [
    {
      table: '#list',
      rows: 'tbody > tr',
      nameCell: 'td.name',
      codeCells: 'td.code',
      role: 'bidder',
    },
  ],
};

const A = '52330110MJ9EAU2LXK';
const B = '91510107MA4ALJUK4F';
const C = '91510100697899676P';
const D = '91320106MA6BED8E56';

function page(rows: string): void {
  document.body.innerHTML = `<table id="list"><thead><tr><th>序号</th><th>单位名称</th><th>统一社会信用代码</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function scan(root: Node = document.body): Occurrence[] {
  const state = createDetectState();
  return detect(root, { layout: LAYOUT, isHidden: createHiddenCheck(), state, ignore: () => false });
}

// Each row read alone, as a long list is read slice by slice.
function scanRows(): Occurrence[] {
  const state = createDetectState();
  const isHidden = createHiddenCheck();
  return [...document.querySelectorAll('#list tbody > tr')].flatMap((row) =>
    detect(row, { layout: LAYOUT, isHidden, state, ignore: () => false }),
  );
}

const rowNos = (found: Occurrence[]) => found.map((o) => [o.value, o.rowNo ?? null]);

describe("a layout's rows", () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('numbers each row from its own 序号 cell, and rows under a cell spanning rows from the grid', () => {
    page(
      `<tr><td>1</td><td class="name">甲科技有限公司</td><td class="code">${A}</td></tr>` +
        `<tr><td rowspan="2">2</td><td class="name">乙科技有限公司</td><td class="code">${B}</td></tr>` +
        `<tr><td class="name">丙科技有限公司</td><td class="code">${C}</td></tr>` +
        `<tr><td>３</td><td class="name">丁科技有限公司</td><td class="code">${D}</td></tr>`,
    );
    const expected = [
      [A, '1'],
      [B, '2'],
      [C, '2'],
      [D, '3'],
    ];
    expect(rowNos(scan())).toEqual(expected);
    expect(rowNos(scanRows())).toEqual(expected);
  });

  it('gives no number where the header has no 序号 column', () => {
    document.body.innerHTML = `<table id="list"><thead><tr><th>单位名称</th><th>统一社会信用代码</th></tr></thead><tbody><tr><td class="name">甲科技有限公司</td><td class="code">${A}</td></tr></tbody></table>`;
    expect(rowNos(scanRows())).toEqual([[A, null]]);
  });

  it('reads a code printed in the name cell, and the name alone where no code is printed', () => {
    page(
      `<tr><td>1</td><td class="name">甲科技有限公司（${A}）</td><td class="code">—</td></tr>` +
        '<tr><td>2</td><td class="name">乙科技有限公司</td><td class="code">见附件</td></tr>',
    );
    expect(scanRows().map((o) => [o.kind, o.value, o.rowNo])).toEqual([
      ['uscc', A, '1'],
      ['name', '乙科技有限公司', '2'],
    ]);
  });

  it('never reads a hidden row, code cell or name cell', () => {
    page(
      `<tr hidden><td>1</td><td class="name">甲科技有限公司</td><td class="code">${A}</td></tr>` +
        `<tr><td>2</td><td class="name">乙科技有限公司</td><td class="code" style="display:none">${B}</td></tr>` +
        `<tr><td>3</td><td class="name" style="visibility:hidden">丙科技有限公司（${C}）</td><td class="code">—</td></tr>` +
        '<tr><td>4</td><td class="name" aria-hidden="true">丁科技有限公司</td><td class="code">—</td></tr>' +
        `<tr><td>5</td><td class="name">戊科技有限公司</td><td class="code">${D}</td></tr>`,
    );
    // Row 2's code is hidden: what is left is its name, shown in the name cell.
    expect(scanRows().map((o) => [o.kind, o.value])).toEqual([
      ['name', '乙科技有限公司'],
      ['uscc', D],
    ]);
  });
});

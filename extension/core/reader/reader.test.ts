import { beforeEach, describe, expect, it } from 'vitest';
import { createHiddenCheck } from '../page/visibility.ts';
import { LOAN_COMPANY_LABELS } from './heuristics.ts';
import {
  createReaderState,
  cutoffFromFacts,
  type Occurrence,
  type ReaderOptions,
  readFacts,
  readSubjects,
  tableModel,
} from './index.ts';

const CLEAN = '91110000561976492Q'; // 北京市东城区澜丰信息技术有限公司
const FINE = '91330100MA703R94XL'; // 杭州泓诚电子有限公司
const LEAD = '91330110MA71MTQ48D'; // 杭州朔晟建设工程有限责任公司
const MEMBER2 = '91330110637723580A'; // 昶川建筑设计有限责任公司
const MEMBER3 = '91310115MA6AHDMG6N'; // 上海弈拓智能科技有限公司

function options(extra: Partial<ReaderOptions> = {}): ReaderOptions {
  return {
    isHidden: createHiddenCheck(),
    state: createReaderState(),
    ignore: (n) => n.nodeName === 'XINJIAN-BADGE',
    ...extra,
  };
}

function read(html: string, extra: Partial<ReaderOptions> = {}): Occurrence[] {
  document.body.innerHTML = html;
  return readSubjects(document.body, options(extra));
}

const brief = (o: Occurrence) => ({
  value: o.value,
  kind: o.kind,
  role: o.role,
  ...(o.consortium ? { consortium: o.consortium.name } : {}),
});

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('header detection by content', () => {
  it('reads a names-only table whose header is written in <td> as the first row of <tbody>', () => {
    const found = read(`<table><tbody>
      <tr><td>序号</td><td>投标人名称</td><td>投标报价（元）</td><td>工期</td></tr>
      <tr><td>1</td><td>杭州泓诚电子有限公司</td><td>1,234,000.00</td><td>90日历天</td></tr>
      <tr><td>2</td><td>武汉峤弘建设工程有限公司</td><td>1,198,500.00</td><td>88日历天</td></tr>
      <tr><td>3</td><td>张伟</td><td>1,100,000.00</td><td>90日历天</td></tr>
    </tbody></table>`);
    expect(found.map(brief)).toEqual([
      { value: '杭州泓诚电子有限公司', kind: 'name', role: 'bidder' },
      { value: '武汉峤弘建设工程有限公司', kind: 'name', role: 'bidder' },
    ]);
  });

  it('resolves a two-row header with rowspan and colspan into a column map', () => {
    document.body.innerHTML = `<table>
      <tr><td rowspan="2">排名</td><td rowspan="2">供应商名称</td><td colspan="3">评分情况</td><td rowspan="2">统一社会信用代码</td></tr>
      <tr><td>技术分</td><td>商务分</td><td>价格分</td></tr>
      <tr><td>1</td><td>杭州泓诚电子有限公司</td><td>45</td><td>20</td><td>28</td><td>${FINE}</td></tr>
    </table>`;
    const model = tableModel(document.querySelector('table') as Element);
    expect(model).toMatchObject({ headerRows: 2, name: 1, codes: [5] });
    const found = readSubjects(document.body, options());
    expect(found.map((o) => [o.value, o.name])).toEqual([[FINE, '杭州泓诚电子有限公司']]);
  });

  it('groups a candidate spanning two rows', () => {
    const found = read(`<h3>中标候选人公示</h3><table>
      <tr><th>名次</th><th>投标人</th><th>统一社会信用代码</th><th>报价</th></tr>
      <tr><td rowspan="2">1</td><td rowspan="2">北京市东城区澜丰信息技术有限公司</td><td>${CLEAN}</td><td>100万元</td></tr>
      <tr><td>（原注册号110000154786491）</td><td>备选方案</td></tr>
    </table>`);
    expect(found.map((o) => [o.kind, o.value, o.role, o.name])).toEqual([
      ['uscc', CLEAN, 'candidate', '北京市东城区澜丰信息技术有限公司'],
      ['reg_no', '110000154786491', 'candidate', '北京市东城区澜丰信息技术有限公司'],
    ]);
  });

  it('does not take a key–value table for a bidder table', () => {
    const found = read(`<table>
      <tr><td>中标人名称</td><td>杭州泓诚电子有限公司</td></tr>
      <tr><td>中标金额</td><td>¥1,234,000.00</td></tr>
    </table>`);
    expect(found.map(brief)).toEqual([{ value: '杭州泓诚电子有限公司', kind: 'name', role: 'winner' }]);
  });
});

describe('consortium grouping', () => {
  it('pairs the members with a code column by order, names split by <br>', () => {
    const found = read(`<table>
      <tr><th>序号</th><th>投标人</th><th>统一社会信用代码</th></tr>
      <tr><td>1</td><td>联合体牵头人：杭州朔晟建设工程有限责任公司<br>成员：昶川建筑设计有限责任公司<br>成员：上海弈拓智能科技有限公司</td>
        <td>${LEAD}<br>${MEMBER2}<br>${MEMBER3}</td></tr>
    </table>`);
    expect(found.map((o) => [o.value, o.name, o.role, o.consortium?.name])).toEqual([
      [LEAD, '杭州朔晟建设工程有限责任公司', 'consortium_member', '杭州朔晟建设工程有限责任公司'],
      [MEMBER2, '昶川建筑设计有限责任公司', 'consortium_member', '杭州朔晟建设工程有限责任公司'],
      [MEMBER3, '上海弈拓智能科技有限公司', 'consortium_member', '杭州朔晟建设工程有限责任公司'],
    ]);
    expect(new Set(found.map((o) => o.consortium?.id)).size).toBe(1);
  });

  it('splits names by 、 and codes by ；', () => {
    const found = read(`<table>
      <tr><td>投标人</td><td>统一社会信用代码</td></tr>
      <tr><td>杭州朔晟建设工程有限责任公司、昶川建筑设计有限责任公司（联合体）</td><td>${LEAD}；${MEMBER2}</td></tr>
    </table>`);
    expect(found.map((o) => [o.value, o.name])).toEqual([
      [LEAD, '杭州朔晟建设工程有限责任公司'],
      [MEMBER2, '昶川建筑设计有限责任公司'],
    ]);
  });

  it('groups members a row each under a role column', () => {
    const found = read(`<table>
      <tr><td>序号</td><td>投标人名称</td><td>联合体角色</td><td>统一社会信用代码</td></tr>
      <tr><td rowspan="2">1</td><td>昶川建筑设计有限责任公司</td><td>成员</td><td>${MEMBER2}</td></tr>
      <tr><td>杭州朔晟建设工程有限责任公司</td><td>牵头人</td><td>${LEAD}</td></tr>
      <tr><td>2</td><td>杭州泓诚电子有限公司</td><td>—</td><td>${FINE}</td></tr>
    </table>`);
    expect(found.map((o) => [o.value, o.role, o.consortium?.name ?? null])).toEqual([
      [MEMBER2, 'consortium_member', '杭州朔晟建设工程有限责任公司'],
      [LEAD, 'consortium_member', '杭州朔晟建设工程有限责任公司'],
      [FINE, 'bidder', null],
    ]);
  });
});

describe('prose', () => {
  it('reads names after plain and ranked bidder positions', () => {
    const found = read(`<p>供应商：杭州泓诚电子有限公司，地址：杭州市。</p>
      <p>评审排名第二的供应商：武汉峤弘建设工程有限公司</p>
      <p>中标（成交）供应商名称：<strong>北京市东城区澜丰信息技术有限公司</strong></p>
      <p>推荐的中标候选人为昶川建筑设计有限责任公司、上海弈拓智能科技有限公司。</p>`);
    expect(found.map(brief)).toEqual([
      { value: '杭州泓诚电子有限公司', kind: 'name', role: 'bidder' },
      { value: '武汉峤弘建设工程有限公司', kind: 'name', role: 'candidate' },
      { value: '北京市东城区澜丰信息技术有限公司', kind: 'name', role: 'winner' },
      { value: '昶川建筑设计有限责任公司', kind: 'name', role: 'candidate' },
      { value: '上海弈拓智能科技有限公司', kind: 'name', role: 'candidate' },
    ]);
  });

  it('never reads buyers, agents, contacts or people', () => {
    const found = read(`<p>采购人：杭州市西湖区教育局</p><p>采购代理机构：杭州蔚和工程咨询有限公司</p>
      <p>联系人：王芳</p><p>项目负责人：张伟</p><p>投标人：李强</p><p>招标人：武汉湛卓市政工程有限公司</p>`);
    expect(found).toEqual([]);
  });

  it('does not take 原公告中误录的统一社 for a company name', () => {
    const found = read('<p>更正事项：投标人为原公告中误录的统一社会信用代码，现予更正。</p>');
    expect(found.filter((o) => o.kind === 'name')).toEqual([]);
  });
});

describe('split codes', () => {
  it('joins a code split across adjacent inline elements', () => {
    const found = read(`<p>统一社会信用代码：<span>91330100</span><span>MA703R94XL</span></p>`);
    expect(found.map((o) => [o.kind, o.value, o.text])).toEqual([['uscc', FINE, FINE]]);
    expect(found[0]?.node.data).toBe('MA703R94XL');
  });

  it('does not join parts that are codes on their own, or parts split by a block', () => {
    expect(read(`<p><span>${CLEAN}</span><span>${FINE}</span></p>`).map((o) => o.value)).toEqual([
      CLEAN,
      FINE,
    ]);
    expect(read('<div><p>91330100</p><p>MA703R94XL</p></div>')).toEqual([]);
  });

  it('ignores hidden, scripted, commented and embedded codes', () => {
    const found = read(`<p>代码：<span style="display:none">${CLEAN}</span></p>
      <script>var c = '${CLEAN}';</script><!-- ${CLEAN} -->
      <p>合同号 X${CLEAN}Y</p><p>91330100<span hidden>MA703R94XL</span></p>`);
    expect(found).toEqual([]);
  });
});

describe('form fields', () => {
  it('reads visible labelled inputs, selects and textareas, readonly included', () => {
    const found = read(`<form>
      <label for="a">统一社会信用代码</label><input id="a" readonly value="${FINE}">
      <label>单位名称 <input value="北京市东城区澜丰信息技术有限公司"></label>
      <label for="c">身份证号</label><input id="c" value="330110199512317745">
      <input value="${CLEAN}">
      <label for="d">备注</label><textarea id="d">担保单位统一社会信用代码 ${LEAD}</textarea>
      <label for="h">统一社会信用代码</label><input id="h" type="hidden" value="${MEMBER2}">
      <label for="s">统一社会信用代码</label><input id="s" style="display:none" value="${MEMBER3}">
    </form>`);
    expect(found.map((o) => [o.kind, o.value, o.field?.tagName])).toEqual([
      ['uscc', FINE, 'INPUT'],
      ['name', '北京市东城区澜丰信息技术有限公司', 'INPUT'],
      ['uscc', LEAD, 'TEXTAREA'],
    ]);
  });

  it('reads ID numbers in fields only when asked for them', () => {
    const found = read('<label for="c">身份证号</label><input id="c" readonly value="330110199512317745">', {
      kinds: ['id_card'],
    });
    expect(found.map((o) => [o.kind, o.value])).toEqual([['id_card', '330110199512317745']]);
  });
});

describe('loan-page companies', () => {
  it('reads the developer, guarantor and employer by their labels, never the people', () => {
    const found = read(
      `<table><tr><td>借款人姓名</td><td>钟艳</td><td>身份证号</td><td>330110199512317745</td></tr>
      <tr><td>售房单位</td><td>杭州湛嘉物业管理有限公司</td><td>工作单位</td><td>杭州昶启科技股份有限公司</td></tr></table>
      <p>担保单位：天津岚屿建设有限公司（统一社会信用代码：91120000747614684G）</p>`,
      { companyLabels: new RegExp(LOAN_COMPANY_LABELS.map((l) => l.pattern.source).join('|')), names: false },
    );
    expect(found.map((o) => [o.kind, o.value])).toEqual([
      ['name', '杭州湛嘉物业管理有限公司'],
      ['name', '杭州昶启科技股份有限公司'],
      ['uscc', '91120000747614684G'],
    ]);
  });
});

describe('page facts', () => {
  it('reads project number, lot, deadline and buyer with where they were read', () => {
    document.body.innerHTML = `<table><tr><th>项目编号</th><td>XHCG-2026-118</td><th>标段（包）编号</th><td>第2包</td></tr>
      <tr><th>采购人</th><td>杭州市西湖区教育局</td></tr></table>
      <p>本项目开标时间：2026年11月21日 09:30，投标截止时间：2026年11月20日 17:00。</p>`;
    const facts = readFacts(document.body, options());
    expect(facts).toMatchObject({
      projectNumber: { value: 'XHCG-2026-118', label: '项目编号', from: 'table' },
      lot: { value: '第2包', from: 'table' },
      buyer: { value: '杭州市西湖区教育局', from: 'table' },
      deadline: { date: '2026-11-20', label: '投标截止时间', from: 'text' },
      openingTime: { date: '2026-11-21', from: 'text' },
    });
    expect(cutoffFromFacts(facts)?.date).toBe('2026-11-20');
  });
});

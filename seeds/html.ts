/**
 * Renders the saved demo pages from seed data: a bid-opening record, an award notice, a
 * housing-fund loan review and a bidder table of any length, plus `expected.json`, the
 * subjects an ideal detector finds on each page. Pure: no I/O, no committed-data import, so
 * the generator can render from the data it has just built.
 */
import { USCC_CHARSET } from '@xinjian/sdk';
import { groupThousands, yuanUppercase } from './format.ts';
import { createRng, deriveSeed } from './prng.ts';
import type { EnterpriseSeed, IndividualSeed, SeedData } from './schema.ts';

/** What an identifier on a page is. */
export type ExpectedKind = 'uscc' | 'reg_no' | 'org_code' | 'id_card' | 'name';
/** The part a subject plays on its page. */
export type ExpectedRole =
  | 'bidder'
  | 'consortium_member'
  | 'winner'
  | 'candidate'
  | 'applicant'
  | 'co_borrower'
  | 'borrower'
  | 'guarantor'
  | 'legal_representative';

/**
 * One subject an ideal detector finds on a page. `text` is exactly as printed; `value` is the
 * canonical form (org codes without the hyphen). `valid` is false for a code printed with a
 * wrong check character. `subjectId` is the seed enterprise meant; it is null for a name that
 * two companies share (the page alone cannot tell) and for individuals, whom the ID number
 * itself identifies.
 *
 * @example
 * ```ts
 * const s: ExpectedSubject = { text: '60003734-1', kind: 'org_code', value: '600037341', role: 'candidate', subjectId: 'ent-0011', valid: true };
 * ```
 */
export interface ExpectedSubject {
  text: string;
  kind: ExpectedKind;
  value: string;
  role: ExpectedRole;
  subjectId: string | null;
  valid: boolean;
}

/**
 * The expected subjects of one page, in document order.
 *
 * @example
 * ```ts
 * const e: ExpectedPage = { page: 'bid-opening.html', subjects: [] };
 * ```
 */
export interface ExpectedPage {
  page: string;
  subjects: ExpectedSubject[];
}

/** A rendered page and its expectations. */
export interface RenderedPage {
  html: string;
  expected: ExpectedPage;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function chineseDate(iso: string): string {
  return `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;background:#eef1f5;color:#333;font:14px/1.75 "Microsoft YaHei","PingFang SC","SimSun",sans-serif}
a{color:#1d4f91;text-decoration:none}
.site-header{background:linear-gradient(#c8161d,#a30f15);color:#fff}
.site-header .wrap{display:flex;align-items:center;gap:12px;height:76px}
.site-header .emblem{display:inline-block;width:44px;height:44px;border-radius:50%;background:#f6c343;color:#a30f15;font-weight:bold;text-align:center;line-height:44px}
.site-header .name{font-size:24px;letter-spacing:2px}
.site-header .sub{font-size:12px;opacity:.85}
.nav{background:#1d4f91}
.nav ul{margin:0 auto;padding:0;list-style:none;display:flex;max-width:1100px}
.nav li a{display:block;padding:0 22px;line-height:40px;color:#fff}
.nav li.on a{background:#163d71}
.wrap{max-width:1100px;margin:0 auto;padding:0 16px}
.crumb{padding:10px 0;color:#666;font-size:12px}
.article{background:#fff;border:1px solid #dfe3ea;padding:28px 36px;margin-bottom:24px}
.article h1{margin:0 0 8px;text-align:center;font-size:22px;color:#222}
.meta{text-align:center;color:#666;font-size:12px;border-bottom:1px dashed #ccc;padding-bottom:10px;margin-bottom:18px}
.info{width:100%;border-collapse:collapse;margin:12px 0 20px}
.info th,.info td{border:1px solid #cfd6e1;padding:6px 10px;text-align:left}
.info th{background:#f3f6fa;width:150px;font-weight:normal;color:#555}
table.grid{width:100%;border-collapse:collapse;margin:12px 0}
table.grid th{background:#e9eef6;border:1px solid #b9c4d6;padding:6px;font-weight:bold}
table.grid td{border:1px solid #cfd6e1;padding:6px;vertical-align:top}
table.grid tr:nth-child(even) td{background:#fafbfd}
td.num{text-align:right;white-space:nowrap}
td.code{font-family:Consolas,"Courier New",monospace;white-space:nowrap}
p.indent{text-indent:2em;margin:6px 0}
.sign{text-align:right;margin-top:28px}
.footer{background:#2b3440;color:#aab3bf;font-size:12px;text-align:center;padding:18px 0;line-height:2}
`;

function layout(opts: {
  asOf: string;
  title: string;
  portal: string;
  portalSub: string;
  nav: readonly string[];
  navOn: number;
  crumb: readonly string[];
  meta: string;
  body: string;
}): string {
  const nav = opts.nav
    .map((n, i) => `<li${i === opts.navOn ? ' class="on"' : ''}><a href="#">${esc(n)}</a></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)} - ${esc(opts.portal)}</title>
<style>${CSS}</style>
</head>
<body>
<div class="site-header"><div class="wrap"><span class="emblem">信</span><div><div class="name">${esc(opts.portal)}</div><div class="sub">${esc(opts.portalSub)}</div></div></div></div>
<div class="nav"><ul>${nav}</ul></div>
<div class="wrap">
<div class="crumb">当前位置：${opts.crumb.map(esc).join(' &gt; ')}</div>
<div class="article">
<h1>${esc(opts.title)}</h1>
<div class="meta">${esc(opts.meta)}</div>
${opts.body}
</div>
</div>
<div class="footer">本页为信鉴（Xinjian）演示页面，页面中的单位、人员、代码与金额均为虚构数据，如有雷同纯属巧合。<br>演示数据基准日 ${opts.asOf}</div>
</body>
</html>
`;
}

function one(data: SeedData, tag: string): EnterpriseSeed {
  const hits = data.enterprises.filter((e) => e.tags.includes(tag));
  const hit = hits[0];
  if (hit === undefined || hits.length !== 1)
    throw new Error(`expected exactly one enterprise tagged ${tag}, found ${hits.length}`);
  return hit;
}

function person(data: SeedData, tags: readonly string[]): IndividualSeed {
  const hit = data.individuals.find((p) => tags.every((t) => p.tags.includes(t)));
  if (hit === undefined) throw new Error(`no individual tagged ${tags.join(' + ')}`);
  return hit;
}

/** Untagged, active, never on a black list and never penalised: a safe "ordinary" company. */
function ordinary(data: SeedData, predicate: (e: EnterpriseSeed) => boolean = () => true): EnterpriseSeed {
  const hit = data.enterprises.find(
    (e) =>
      e.tags.length === 0 &&
      e.subject.status === 'active' &&
      e.subject.uscc.startsWith('91') &&
      e.lists.every((l) => l.kind === 'red') &&
      e.records.every((r) => r.category !== 'administrative_penalty' && r.category !== 'court_enforcement') &&
      e.grades.every(
        (g) => g.scale !== 'tax_credit' || g.value === 'A' || g.value === 'B' || g.value === 'M',
      ) &&
      predicate(e),
  );
  if (hit === undefined) throw new Error('no ordinary enterprise matches');
  return hit;
}

/** The same USCC with a different, wrong check character. */
function corruptCheckChar(uscc: string): { text: string; expected: string } {
  const expected = uscc.charAt(17);
  const wrong = USCC_CHARSET.charAt((USCC_CHARSET.indexOf(expected) + 7) % USCC_CHARSET.length);
  return { text: uscc.slice(0, 17) + wrong, expected };
}

const PROJECT = {
  name: '西湖区智慧校园改造工程（设备采购及安装）',
  no: 'XHGZ-CG-2026-0117',
  buyer: '杭州市西湖区智慧教育发展中心（演示）',
  agent: '浙江霁衡招标代理有限公司（演示）',
  place: '西湖区公共资源交易服务平台 第三开标室',
};
const CREDIT = { no: 'SX-2026-110105-0088', branch: '北京朝阳支行公司业务部（演示）' };
const TENDER = {
  name: '西湖区文教路综合管廊工程',
  lot: '施工一标段',
  lotNo: 'XHGC-ZB-2026-0042-01',
  tenderer: '杭州市西湖区城市建设发展中心（演示）',
};
const PORTAL = { portal: '西湖区公共资源交易服务平台（演示）', portalSub: '政府采购 · 工程建设 · 信用信息' };
const PORTAL_NAV = ['首页', '交易公告', '政府采购', '工程建设', '开标记录', '信用信息', '政策法规'];

function uscc(e: EnterpriseSeed, role: ExpectedRole): ExpectedSubject {
  return {
    text: e.subject.uscc,
    kind: 'uscc',
    value: e.subject.uscc,
    role,
    subjectId: e.subject.id,
    valid: true,
  };
}

/**
 * 开标记录: the tender's header (截止时间 = the demo cut-off, 09:30) and a table of 13 bidders
 * covering every procurement outcome (pass, fail, review, ambiguous name, consortium, invalid
 * code, legacy 注册号, injected fault, unavailable channel). The table is
 * `table#bid-opening-table.bid-table`.
 *
 * @example
 * ```ts
 * const { html, expected } = renderBidOpening(data);
 * ```
 */
export function renderBidOpening(data: SeedData): RenderedPage {
  const cutoff = data.meta.cutoff;
  const rows: { bidder: string; code: string; price: number; remark: string }[] = [];
  const subjects: ExpectedSubject[] = [];
  const plain = (e: EnterpriseSeed, price: number, remark = '') => {
    rows.push({ bidder: esc(e.subject.name), code: esc(e.subject.uscc), price, remark });
    subjects.push(uscc(e, 'bidder'));
  };

  plain(one(data, 'edge:clean'), 3_268_000, '');
  plain(one(data, 'edge:dishonest-active'), 3_105_500, '');
  plain(one(data, 'edge:abnormal-operation'), 3_312_000, '');
  plain(one(data, 'edge:fine-2000000'), 3_198_000, '');
  plain(one(data, 'edge:fine-1990000'), 3_286_800, '');

  const sameName = data.enterprises.filter((e) => e.tags.includes('same-name:1'));
  const shared = sameName[0]?.subject.name ?? '';
  rows.push({ bidder: esc(shared), code: '—', price: 3_240_000, remark: '现场未提供统一社会信用代码' });
  subjects.push({ text: shared, kind: 'name', value: shared, role: 'bidder', subjectId: null, valid: true });

  const cons = data.consortia.find((c) => c.id === 'cons-b');
  if (cons === undefined) throw new Error('consortium cons-b missing');
  const members = cons.memberIds.map((id) => {
    const m = data.enterprises.find((e) => e.subject.id === id);
    if (m === undefined) throw new Error(`consortium member ${id} missing`);
    return m;
  });
  const [lead, ...rest] = members;
  if (lead === undefined) throw new Error('consortium cons-b has no lead');
  rows.push({
    bidder:
      `联合体牵头人：${esc(lead.subject.name)}（统一社会信用代码：${lead.subject.uscc}）<br>` +
      `联合体成员：${rest.map((m) => `${esc(m.subject.name)}（统一社会信用代码：${m.subject.uscc}）`).join('；<br>')}`,
    code: '见投标人栏',
    price: 3_155_000,
    remark: '联合体',
  });
  for (const m of members) subjects.push(uscc(m, 'consortium_member'));

  const typo = ordinary(data, (e) => e.subject.regNo === null);
  const bad = corruptCheckChar(typo.subject.uscc);
  rows.push({ bidder: esc(typo.subject.name), code: bad.text, price: 3_299_000, remark: '' });
  subjects.push({
    text: bad.text,
    kind: 'uscc',
    value: bad.text,
    role: 'bidder',
    subjectId: typo.subject.id,
    valid: false,
  });

  const legacy = ordinary(data, (e) => e.subject.regNo !== null);
  const regNo = legacy.subject.regNo ?? '';
  rows.push({
    bidder: esc(legacy.subject.name),
    code: regNo,
    price: 3_330_000,
    remark: '提供营业执照注册号（2015年前登记）',
  });
  subjects.push({
    text: regNo,
    kind: 'reg_no',
    value: regNo,
    role: 'bidder',
    subjectId: legacy.subject.id,
    valid: true,
  });

  plain(one(data, 'magic:503-twice'), 3_275_500, '');
  plain(one(data, 'edge:gp-ban-ended'), 3_226_000, '');
  plain(one(data, 'edge:major-tax'), 2_998_000, '');
  plain(one(data, 'edge:source-unavailable'), 3_251_000, '');

  const table = rows
    .map(
      (r, i) =>
        `<tr><td>${i + 1}</td><td>${r.bidder}</td><td class="code">${r.code}</td><td class="num">${groupThousands(r.price, true)}</td><td>${r.remark}</td></tr>`,
    )
    .join('\n');
  const body = `<table class="info">
<tr><th>项目名称</th><td>${esc(PROJECT.name)}</td><th>项目编号</th><td>${PROJECT.no}</td></tr>
<tr><th>采购人</th><td>${esc(PROJECT.buyer)}</td><th>采购代理机构</th><td>${esc(PROJECT.agent)}</td></tr>
<tr><th>投标截止时间</th><td>${chineseDate(cutoff)} 09:30</td><th>开标时间</th><td>${chineseDate(cutoff)} 09:30</td></tr>
<tr><th>开标地点</th><td colspan="3">${esc(PROJECT.place)}</td></tr>
</table>
<p class="indent">本项目于投标截止时间共收到 ${rows.length} 份投标文件，开标情况如下（信用信息查询截止时点：投标截止时间当天）：</p>
<table id="bid-opening-table" class="grid bid-table">
<thead><tr><th>序号</th><th>投标人</th><th>统一社会信用代码</th><th>投标报价(元)</th><th>备注</th></tr></thead>
<tbody>
${table}
</tbody>
</table>
<p class="indent">注：采购人、采购代理机构将通过“信用中国”网站、中国政府采购网查询投标人信用记录，查询记录和证据与其他采购文件一并保存。</p>
<div class="sign">${esc(PROJECT.agent)}<br>${chineseDate(cutoff)}</div>`;
  const html = layout({
    asOf: data.meta.asOf,
    title: `${PROJECT.name}开标记录`,
    ...PORTAL,
    nav: PORTAL_NAV,
    navOn: 4,
    crumb: ['首页', '政府采购', '开标记录'],
    meta: `发布时间：${cutoff} 10:05　　信息来源：${PROJECT.agent}`,
    body,
  });
  return { html, expected: { page: 'bid-opening.html', subjects } };
}

/**
 * 开标记录 of a works tender (招标投标, 法〔2016〕285号), laid out as the 招标投标公共服务平台
 * publishes them: a key-value header (标段(包)编号, 招标人, 开标时间) and one row per bidder with
 * 报价 in 万元, 工期 and the 项目经理 (a person, never looked up). The table is
 * `table#tender-opening-table`.
 *
 * @example
 * ```ts
 * const { html, expected } = renderTenderOpening(data);
 * ```
 */
export function renderTenderOpening(data: SeedData): RenderedPage {
  const cutoff = data.meta.cutoff;
  const managers = ['王建国', '李振华', '陈志强', '刘海涛', '张卫东', '赵明远', '孙立新'];
  const bidders = [
    one(data, 'edge:clean'),
    one(data, 'edge:dishonest-active'),
    one(data, 'edge:major-tax'),
    one(data, 'edge:dishonest-removed'),
    one(data, 'edge:penalty-3y-minus-1d'),
    one(data, 'edge:abnormal-operation'),
    one(data, 'edge:source-unavailable'),
  ];
  const subjects = bidders.map((e) => uscc(e, 'bidder'));
  const rows = bidders
    .map(
      (e, i) =>
        `<tr><td>${i + 1}</td><td>${esc(e.subject.name)}</td><td class="code">${e.subject.uscc}</td><td class="num">${(4_180 + i * 37.5).toFixed(2)}</td><td>${360 - i * 5}</td><td>${managers[i] ?? ''}</td><td></td></tr>`,
    )
    .join('\n');
  const body = `<table class="info">
<tr><th>招标项目名称</th><td colspan="3">${esc(TENDER.name)}</td></tr>
<tr><th>标段(包)名称</th><td>${esc(TENDER.lot)}</td><th>标段(包)编号</th><td>${TENDER.lotNo}</td></tr>
<tr><th>招标人</th><td>${esc(TENDER.tenderer)}</td><th>招标代理机构</th><td>${esc(PROJECT.agent)}</td></tr>
<tr><th>开标时间</th><td>${chineseDate(cutoff)} 09:30</td><th>开标地点</th><td>${esc(PROJECT.place)}</td></tr>
</table>
<p class="indent">本标段共有 ${bidders.length} 家投标人递交投标文件，开标情况如下（投标人信用记录查询截止时点：开标时间当天）：</p>
<table id="tender-opening-table" class="grid bid-table">
<thead><tr><th>序号</th><th>投标人名称</th><th>统一社会信用代码</th><th>投标报价（万元）</th><th>工期（日历天）</th><th>项目经理</th><th>备注</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p class="indent">注：招标人将通过“信用中国”网站查询投标人是否为失信被执行人，失信被执行人不得参与本项目投标（法〔2016〕285号）。</p>
<div class="sign">${esc(PROJECT.agent)}<br>${chineseDate(cutoff)}</div>`;
  const html = layout({
    asOf: data.meta.asOf,
    title: `${TENDER.name}${TENDER.lot}开标记录`,
    ...PORTAL,
    nav: PORTAL_NAV,
    navOn: 3,
    crumb: ['首页', '工程建设', '开标记录'],
    meta: `发布时间：${cutoff} 10:20　　信息来源：${PROJECT.agent}`,
    body,
  });
  return { html, expected: { page: 'tendering.html', subjects } };
}

/**
 * 授信审批表 of a bank: the application (amount, term, 审批日 = the demo cut-off), the borrower
 * enterprise with its legal representative (a person, with an ID number, never looked up as a
 * company), and two guarantors, one of them on the 失信被执行人 list. The borrower table is
 * `table#credit-borrower`, the guarantors `table#credit-guarantors`.
 *
 * @example
 * ```ts
 * const { html, expected } = renderCreditReview(data);
 * ```
 */
export function renderCreditReview(data: SeedData): RenderedPage {
  const cutoff = data.meta.cutoff;
  const parties = data.enterprises.filter((e) => e.tags.includes('credit-case:cc-1'));
  const borrower = parties.find((e) => e.tags.includes('role:borrower'));
  const guarantors = parties.filter((e) => e.tags.includes('role:guarantor'));
  if (!borrower || guarantors.length !== 2)
    throw new Error('credit case cc-1 needs a borrower and two guarantors');
  const legal = person(data, ['credit-case:cc-1', 'role:legal_representative']);
  const subjects: ExpectedSubject[] = [
    uscc(borrower, 'borrower'),
    // The person is found, but looked up only after written consent (a mode with a gate).
    {
      text: legal.idNumber,
      kind: 'id_card',
      value: legal.idNumber,
      role: 'legal_representative',
      subjectId: null,
      valid: true,
    },
    ...guarantors.map((g) => uscc(g, 'guarantor')),
  ];
  const guarantorRows = guarantors
    .map(
      (g, i) =>
        `<tr><td>${i + 1}</td><td>${esc(g.subject.name)}</td><td class="code">${g.subject.uscc}</td><td>${i === 0 ? '连带责任保证' : '抵押担保'}</td><td class="num">${groupThousands(i === 0 ? 3_000_000 : 2_000_000, true)}</td></tr>`,
    )
    .join('\n');
  const body = `<table class="info">
<tr><th>业务编号</th><td>${CREDIT.no}</td><th>业务品种</th><td>流动资金贷款</td></tr>
<tr><th>申请金额（元）</th><td class="num">${groupThousands(5_000_000, true)}</td><th>期限</th><td>12 个月</td></tr>
<tr><th>经办机构</th><td>${esc(CREDIT.branch)}</td><th>审批日期</th><td>${chineseDate(cutoff)}</td></tr>
</table>
<h2 class="sub">借款人信息</h2>
<table id="credit-borrower" class="grid">
<thead><tr><th>借款人名称</th><th>统一社会信用代码</th><th>法定代表人</th><th>法定代表人身份证号</th><th>注册地</th></tr></thead>
<tbody>
<tr><td>${esc(borrower.subject.name)}</td><td class="code">${borrower.subject.uscc}</td><td>${esc(legal.name)}</td><td class="code">${legal.idNumber}</td><td>${esc(borrower.subject.region.name)}</td></tr>
</tbody>
</table>
<h2 class="sub">担保人信息</h2>
<table id="credit-guarantors" class="grid">
<thead><tr><th>序号</th><th>担保人名称</th><th>统一社会信用代码</th><th>担保方式</th><th>担保金额（元）</th></tr></thead>
<tbody>
${guarantorRows}
</tbody>
</table>
<p class="indent">审查要点：按发改财金〔2016〕141号，借款企业及担保人为失信被执行人的，限制融资；借款企业信用评级、中小企业信用评价与信用报告供审查参考。</p>
<div class="sign">客户经理：________　　审查人：________　　${chineseDate(cutoff)}</div>`;
  const html = layout({
    asOf: data.meta.asOf,
    title: `授信审批表 ${CREDIT.no}`,
    portal: '信贷业务管理系统（演示）',
    portalSub: '授信审批 · 贷前调查',
    nav: ['工作台', '授信申请', '授信审批', '贷后管理'],
    navOn: 2,
    crumb: ['工作台', '授信审批', '审批表'],
    meta: `生成时间：${cutoff} 09:00　　经办：${esc(CREDIT.branch)}`,
    body,
  });
  return { html, expected: { page: 'credit-review.html', subjects } };
}

/**
 * 中标公告 in prose: the winner with its USCC, the amount (also in 大写), and the other
 * candidates (one given by USCC, one by 组织机构代码).
 *
 * @example
 * ```ts
 * renderAwardNotice(data).html.includes('中标供应商：'); // true
 * ```
 */
export function renderAwardNotice(data: SeedData): RenderedPage {
  const winner = one(data, 'edge:clean');
  const second = one(data, 'edge:fine-1990000');
  const third = one(data, 'edge:gp-ban-ended');
  const amount = 3_268_000;
  const published = '2026-11-27';
  const body = `<p><strong>一、项目编号：</strong>${PROJECT.no}</p>
<p><strong>二、项目名称：</strong>${esc(PROJECT.name)}</p>
<p><strong>三、中标（成交）信息</strong></p>
<p class="indent">中标供应商：${esc(winner.subject.name)}（统一社会信用代码：${winner.subject.uscc}）</p>
<p class="indent">供应商地址：${esc(winner.subject.region.name)}</p>
<p class="indent">中标金额：人民币 ${groupThousands(amount, true)} 元（大写：${yuanUppercase(amount)}）</p>
<p><strong>四、其他中标候选人</strong></p>
<p class="indent">第二中标候选人为${esc(second.subject.name)}（统一社会信用代码：${second.subject.uscc}），投标报价 ${groupThousands(3_286_800, true)} 元；第三中标候选人为${esc(third.subject.name)}（组织机构代码：${third.subject.orgCode}），投标报价 ${groupThousands(3_226_000, true)} 元。</p>
<p><strong>五、评审信息</strong></p>
<p class="indent">评审委员会按招标文件规定的评标办法进行评审。经通过“信用中国”网站、中国政府采购网查询，截至${chineseDate(data.meta.cutoff)}（信用信息查询截止时点），中标供应商未被列入失信被执行人、重大税收违法失信主体、政府采购严重违法失信行为记录名单。</p>
<p><strong>六、公告期限</strong></p>
<p class="indent">自本公告发布之日起 1 个工作日。各有关当事人对中标结果有异议的，可在公告期限届满之日起七个工作日内以书面形式提出质疑。</p>
<p><strong>七、联系方式</strong></p>
<p class="indent">采购人：${esc(PROJECT.buyer)}　采购代理机构：${esc(PROJECT.agent)}</p>
<div class="sign">${esc(PROJECT.agent)}<br>${chineseDate(published)}</div>`;
  const html = layout({
    asOf: data.meta.asOf,
    title: `${PROJECT.name}中标（成交）结果公告`,
    ...PORTAL,
    nav: PORTAL_NAV,
    navOn: 1,
    crumb: ['首页', '交易公告', '中标公告'],
    meta: `发布时间：${published} 16:30　　信息来源：${PROJECT.agent}`,
    body,
  });
  const orgValue = third.subject.orgCode.replace('-', '');
  return {
    html,
    expected: {
      page: 'award-notice.html',
      subjects: [
        uscc(winner, 'winner'),
        uscc(second, 'candidate'),
        {
          text: third.subject.orgCode,
          kind: 'org_code',
          value: orgValue,
          role: 'candidate',
          subjectId: third.subject.id,
          valid: true,
        },
      ],
    },
  };
}

/**
 * 住房公积金个人贷款审批 page for household hh-2: the applicant (clean) and the co-borrower (three
 * consecutive overdue months in the last 24), both with full ID numbers as such a page shows.
 *
 * @example
 * ```ts
 * renderLoanReview(data).expected.subjects.map((s) => s.role); // ['applicant', 'co_borrower']
 * ```
 */
export function renderLoanReview(data: SeedData): RenderedPage {
  const applicant = person(data, ['household:hh-2', 'role:applicant']);
  const coBorrower = person(data, ['household:hh-2', 'role:co_borrower']);
  const fund = applicant.content.housingFund;
  if (fund === null) throw new Error('household hh-2 applicant has no housing-fund account');
  const last = fund.deposits[fund.deposits.length - 1];
  const monthly = last?.amountYuan ?? 0;
  const amount = 1_200_000;
  const body = `<table class="info">
<tr><th>业务编号</th><td>GJJ-DK-2026-110301</td><th>受理日期</th><td>2026-11-03</td></tr>
<tr><th>贷款城市</th><td>${esc(fund.city)}</td><th>受理机构</th><td>${esc(fund.center.zh)}（演示）</td></tr>
</table>
<h3>一、借款人信息</h3>
<table id="loan-parties" class="grid party-table">
<thead><tr><th>角色</th><th>姓名</th><th>证件类型</th><th>证件号码</th><th>公积金账户状态</th><th>月缴存额(元)</th></tr></thead>
<tbody>
<tr data-role="applicant"><td>申请人</td><td>${esc(applicant.name)}</td><td>居民身份证</td><td class="code">${applicant.idNumber}</td><td>正常</td><td class="num">${groupThousands(monthly, true)}</td></tr>
<tr data-role="co_borrower"><td>配偶/共同借款人</td><td>${esc(coBorrower.name)}</td><td>居民身份证</td><td class="code">${coBorrower.idNumber}</td><td>正常</td><td class="num">${groupThousands(coBorrower.content.housingFund?.deposits.at(-1)?.amountYuan ?? 0, true)}</td></tr>
</tbody>
</table>
<h3>二、贷款申请</h3>
<table class="info">
<tr><th>申请贷款金额</th><td>人民币 ${groupThousands(amount, true)} 元（${yuanUppercase(amount)}）</td><th>贷款期限</th><td>360 个月</td></tr>
<tr><th>房屋坐落</th><td>${esc(fund.city)}西湖区霁衡路 88 号 3 幢 1201 室</td><th>还款方式</th><td>等额本息</td></tr>
<tr><th>征信查询授权</th><td colspan="3">申请人、共同借款人均已签署个人信用信息查询授权书（授权用途：住房公积金贷款审批）</td></tr>
</table>
<h3>三、审批意见</h3>
<table class="info">
<tr><th>初审意见</th><td>待审</td></tr>
<tr><th>复审意见</th><td>待审</td></tr>
</table>`;
  const html = layout({
    asOf: data.meta.asOf,
    title: '住房公积金个人贷款审批',
    portal: `${fund.center.zh}贷款业务系统（演示）`,
    portalSub: '个人住房公积金贷款 · 审批',
    nav: ['工作台', '贷款受理', '贷款审批', '贷后管理', '统计查询'],
    navOn: 2,
    crumb: ['工作台', '贷款审批', '审批详情'],
    meta: '经办人：审批岗 01　　当前环节：初审',
    body,
  });
  return {
    html,
    expected: {
      page: 'loan-review.html',
      subjects: [
        {
          text: applicant.idNumber,
          kind: 'id_card',
          value: applicant.idNumber,
          role: 'applicant',
          subjectId: null,
          valid: true,
        },
        {
          text: coBorrower.idNumber,
          kind: 'id_card',
          value: coBorrower.idNumber,
          role: 'co_borrower',
          subjectId: null,
          valid: true,
        },
      ],
    },
  };
}

/**
 * Options of the bidder table page.
 *
 * @example
 * ```ts
 * const o: BidderPageOptions = { seed: 2, title: '投标人名单' };
 * ```
 */
export interface BidderPageOptions {
  /** Varies the drawing; default 0. */
  seed?: number;
  title?: string;
}

/** One row of the bidder table. */
export interface BidderRow {
  enterprise: EnterpriseSeed;
  /** The second identifier: the 注册号 when the subject has one, else the org code. */
  second: { kind: 'reg_no' | 'org_code'; text: string };
  priceYuan: number;
}

/**
 * The rows of a bidder table with `n` rows: about half the rows repeat a company already listed,
 * so a detector must de-duplicate. Fault-injection (`magic:*`) subjects are never drawn.
 *
 * @example
 * ```ts
 * bidderRows(data.enterprises, 10).length; // 10
 * ```
 */
export function bidderRows(
  enterprises: readonly EnterpriseSeed[],
  n: number,
  options: BidderPageOptions = {},
): BidderRow[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const pool = enterprises.filter((e) => !e.tags.some((t) => t.startsWith('magic:')));
  const rng = createRng(deriveSeed(options.seed ?? 0, 'bidders', n));
  const distinct = Math.min(Math.ceil(n / 2), pool.length);
  const chosen = rng.sample(pool, distinct);
  const picks = chosen.slice();
  while (picks.length < n && chosen.length > 0) picks.push(rng.pick(chosen));
  return rng.shuffle(picks).map((enterprise) => ({
    enterprise,
    second:
      enterprise.subject.regNo === null
        ? { kind: 'org_code', text: enterprise.subject.orgCode }
        : { kind: 'reg_no', text: enterprise.subject.regNo },
    priceYuan: rng.int(800, 9_999) * 1000,
  }));
}

/**
 * A bidder list page of `n` rows (2 identifiers per row) drawn from `enterprises`; the table is
 * `table#bidder-list.bidder-table`.
 *
 * @example
 * ```ts
 * renderBidderTable(data, data.enterprises, 100).html; // <table id="bidder-list" …> with 100 rows
 * ```
 */
export function renderBidderTable(
  data: Pick<SeedData, 'meta'>,
  enterprises: readonly EnterpriseSeed[],
  n: number,
  options: BidderPageOptions = {},
): RenderedPage {
  const rows = bidderRows(enterprises, n, options);
  const parts: string[] = [];
  const subjects: ExpectedSubject[] = [];
  rows.forEach((r, i) => {
    const s = r.enterprise.subject;
    parts.push(
      `<tr><td>${i + 1}</td><td>${esc(s.name)}</td><td class="code">${s.uscc}</td><td class="code">${r.second.text}</td><td class="num">${groupThousands(r.priceYuan, true)}</td></tr>`,
    );
    subjects.push({
      text: s.uscc,
      kind: 'uscc',
      value: s.uscc,
      role: 'bidder',
      subjectId: s.id,
      valid: true,
    });
    subjects.push({
      text: r.second.text,
      kind: r.second.kind,
      value: r.second.text.replace('-', ''),
      role: 'bidder',
      subjectId: s.id,
      valid: true,
    });
  });
  const title = options.title ?? '投标人名单';
  const html = layout({
    asOf: data.meta.asOf,
    title,
    ...PORTAL,
    nav: PORTAL_NAV,
    navOn: 2,
    crumb: ['首页', '政府采购', title],
    meta: `共 ${n} 条`,
    body: `<table id="bidder-list" class="grid bidder-table">
<thead><tr><th>序号</th><th>单位名称</th><th>统一社会信用代码</th><th>注册号/组织机构代码</th><th>报价(元)</th></tr></thead>
<tbody>
${parts.join('\n')}
</tbody>
</table>`,
  });
  return { html, expected: { page: 'bidders.html', subjects } };
}

/** Rows of the committed `bidders.html`. */
export const STATIC_BIDDER_ROWS = 50;

/**
 * Every file of `seeds/pages/`: the six HTML pages and `expected.json`.
 *
 * @example
 * ```ts
 * Object.keys(renderStaticPages(data));
 * // ['bid-opening.html', 'award-notice.html', 'loan-review.html', 'bidders.html', 'tendering.html', 'credit-review.html', 'expected.json']
 * ```
 */
export function renderStaticPages(data: SeedData): Record<string, string> {
  const pages = [
    renderBidOpening(data),
    renderAwardNotice(data),
    renderLoanReview(data),
    renderBidderTable(data, data.enterprises, STATIC_BIDDER_ROWS),
    renderTenderOpening(data),
    renderCreditReview(data),
  ];
  const out: Record<string, string> = {};
  for (const p of pages) out[p.expected.page] = p.html;
  out['expected.json'] = `${JSON.stringify(
    pages.map((p) => p.expected),
    null,
    2,
  )}\n`;
  return out;
}

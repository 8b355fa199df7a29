/**
 * Pages served without auth: the index, the saved demo pages from `seeds/pages/`, the generated
 * bidder list and the OpenAPI document.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { type HttpHandler, HttpResponse, http } from 'msw';
import { renderBidderPage } from '../../seeds/pages.ts';
import { DEMO_API_KEY, type SeedData } from '../../seeds/schema.ts';
import { MAGIC_TAGS } from './faults.ts';
import { corsHeaders } from './responses.ts';

const PAGES_DIR = new URL('../../seeds/pages/', import.meta.url);
// The contract as the SDK package ships it, in the repo and in an install alike.
const OPENAPI_FILE = createRequire(import.meta.url).resolve('@xinjian/sdk/openapi.json');

/**
 * Largest `n` of `/demo/bidders?n=`; a larger `n` is capped to it.
 *
 * @example
 * ```ts
 * await fetch(`${url}/demo/bidders?n=${MAX_BIDDERS}`); // the largest demo page
 * ```
 */
export const MAX_BIDDERS = 20_000;

/**
 * The demo pages, their paths and what they show.
 *
 * @example
 * ```ts
 * DEMO_PAGES.map((p) => p.path);
 * // ['/demo/bid-opening', '/demo/award-notice', '/demo/tendering', '/demo/credit-review', '/demo/loan-review', '/demo/bidders', '/demo/bidders?n=1000']
 * ```
 */
export const DEMO_PAGES = [
  {
    path: '/demo/bid-opening',
    zh: '开标记录（投标人及统一社会信用代码）',
    en: 'Bid-opening record (bidders with their USCCs)',
  },
  { path: '/demo/award-notice', zh: '中标结果公告', en: 'Award notice' },
  {
    path: '/demo/tendering',
    zh: '工程招标开标记录（法〔2016〕285号）',
    en: 'Works tender bid-opening record (法〔2016〕285号)',
  },
  {
    path: '/demo/credit-review',
    zh: '银行授信审批表（借款企业、担保人、法定代表人）',
    en: 'Bank credit approval form (borrower, guarantors, legal representative)',
  },
  {
    path: '/demo/loan-review',
    zh: '住房公积金贷款审批（含个人身份证号）',
    en: 'Housing-fund loan review (with personal ID numbers)',
  },
  {
    path: '/demo/bidders',
    zh: '投标人名单（50 行，即 seeds/pages/bidders.html）',
    en: 'Bidder list (50 rows, seeds/pages/bidders.html)',
  },
  {
    path: '/demo/bidders?n=1000',
    zh: '大型投标人名单（n 行，最多 20000）',
    en: 'Large bidder list (n rows, at most 20000)',
  },
] as const;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function html(body: string, status = 200): Response {
  return new HttpResponse(body, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...corsHeaders() },
  });
}

function text(body: string, status: number): Response {
  return new HttpResponse(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...corsHeaders() },
  });
}

async function savedPage(name: string): Promise<Response> {
  if (!/^[a-z0-9-]+$/.test(name)) return text(`no demo page ${name}`, 404);
  try {
    return html(await readFile(new URL(`${name}.html`, PAGES_DIR), 'utf8'));
  } catch {
    return text(`no demo page ${name}`, 404);
  }
}

async function savedPages(): Promise<string[]> {
  try {
    return (await readdir(PAGES_DIR))
      .filter((f) => f.endsWith('.html'))
      .map((f) => f.slice(0, -'.html'.length));
  } catch {
    return [];
  }
}

async function indexPage(origin: string, seeds: SeedData): Promise<string> {
  const listed = new Set<string>(DEMO_PAGES.map((p) => p.path));
  const extra = (await savedPages()).map((name) => `/demo/${name}`).filter((path) => !listed.has(path));
  const pages = [
    ...DEMO_PAGES.map((p) => ({ path: p.path, label: `${p.zh} / ${p.en}` })),
    ...extra.map((path) => ({ path, label: path })),
  ];
  const magic = seeds.enterprises
    .flatMap((e) => e.tags.filter((t) => t in MAGIC_TAGS).map((t) => ({ tag: t, e })))
    .map(({ tag, e }) => {
      const behaviour = MAGIC_TAGS[tag as keyof typeof MAGIC_TAGS];
      return `<tr><td><code>${escapeHtml(tag)}</code></td><td>${escapeHtml(e.subject.name)}</td><td><code>${escapeHtml(e.subject.uscc)}</code></td><td>${escapeHtml(behaviour.zh)} / ${escapeHtml(behaviour.en)}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>信鉴 Xinjian 模拟服务器 / mock server</title>
<style>
body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 960px; margin: 2rem auto; padding: 0 1rem; line-height: 1.6; }
code { background: #f3f3f3; padding: 0 .25em; border-radius: 3px; }
table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left; }
</style>
</head>
<body>
<h1>信鉴 Xinjian 模拟服务器 <small>mock server</small></h1>
<p>本服务器用种子数据模拟信鉴 API，供 SDK、浏览器扩展和演示使用。<br>
<span lang="en">This server mocks the Xinjian API over the seed data, for the SDK, the browser extension and demos.</span></p>
<h2>接口 / API</h2>
<ul>
<li>基础地址 / Base URL: <code id="api-base">${escapeHtml(origin)}/v1</code></li>
<li>演示密钥 / Demo key: <code id="demo-key">${escapeHtml(DEMO_API_KEY)}</code> （<code>Authorization: Bearer ${escapeHtml(DEMO_API_KEY)}</code>）</li>
<li>OpenAPI: <a href="/openapi.json">/openapi.json</a></li>
</ul>
<h2>演示页面 / Demo pages</h2>
<ul id="demo-pages">
${pages.map((p) => `<li><a href="${escapeHtml(p.path)}">${escapeHtml(p.path)}</a> — ${escapeHtml(p.label)}</li>`).join('\n')}
</ul>
<h2>故障注入 / Fault injection</h2>
<p>请求头 <code>X-Mock-Fault: 503,503,ok</code>（逗号分隔，依次作用于带相同脚本和相同 <code>X-Mock-Fault-Id</code> 的请求；脚本用完后重复最后一步）。
步骤 / steps: <code>ok</code>, <code>&lt;status&gt;</code>, <code>&lt;status&gt;:&lt;retry-after&gt;</code>, <code>malformed</code>, <code>schema</code>, <code>drop</code>, <code>delay:&lt;ms&gt;</code>.</p>
<table>
<thead><tr><th>标签 / tag</th><th>企业 / enterprise</th><th>统一社会信用代码 / USCC</th><th>行为 / behaviour</th></tr></thead>
<tbody>
${magic}
</tbody>
</table>
<h2>管理接口 / Admin</h2>
<ul>
<li><code>GET /__mock/journal</code>, <code>DELETE /__mock/journal</code></li>
<li><code>POST /__mock/reset</code></li>
<li><code>GET|PUT /__mock/config</code> <code>{ "latencyMs": 0, "reportDelayMs": 300 }</code></li>
<li><code>GET|PUT /__mock/clock</code> <code>{ "now": "2026-11-01T09:00:00+08:00" | null, "advanceMs": 1000 }</code></li>
<li><code>GET /__mock/state</code></li>
</ul>
</body>
</html>
`;
}

/**
 * Handlers for `/`, `/demo/*` and `/openapi.json`.
 *
 * @example
 * ```ts
 * const handlers = pageHandlers(seeds, (path) => `*${path}`);
 * ```
 */
export function pageHandlers(seeds: SeedData, at: (path: string) => string): HttpHandler[] {
  return [
    http.get(at('/openapi.json'), async () => {
      try {
        return new HttpResponse(await readFile(OPENAPI_FILE, 'utf8'), {
          headers: { 'Content-Type': 'application/json; charset=utf-8', ...corsHeaders() },
        });
      } catch {
        return text('sdk/openapi.json is missing: run `npm run openapi`', 404);
      }
    }),
    http.get(at('/demo/bidders'), async ({ request }) => {
      const raw = new URL(request.url).searchParams.get('n');
      // Without n: the committed 50-row page that seeds/pages/expected.json describes.
      if (raw === null) return savedPage('bidders');
      const n = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
      if (n < 1) return text(`n must be an integer from 1 to ${MAX_BIDDERS}`, 400);
      return html(renderBidderPage(Math.min(n, MAX_BIDDERS), { enterprises: seeds.enterprises }));
    }),
    http.get<{ page: string }>(at('/demo/:page'), ({ params }) => savedPage(String(params.page))),
    http.get(
      ({ request }) => new URL(request.url).pathname === '/',
      async ({ request }) => html(await indexPage(new URL(request.url).origin, seeds)),
    ),
  ];
}

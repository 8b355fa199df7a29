/**
 * The mock API as one msw handler array over the seed data. The same array serves vitest
 * (`setupServer`), the HTTP server on 127.0.0.1 and the contract tests.
 */
import { delay, type HttpHandler, HttpResponse, http } from 'msw';
import type { LocalizedText, ProblemCode } from '../../sdk/src/core/schemas.ts';
import { maskIdCard } from '../../sdk/src/identifiers/index.ts';
import { Account } from '../../sdk/src/resources/account.ts';
import { DomainList } from '../../sdk/src/resources/domains.ts';
import { Product, ProductListParams, ProductPage } from '../../sdk/src/resources/products.ts';
import {
  type BatchRatingItem,
  BatchRatingsRequest,
  BatchRatingsResponse,
} from '../../sdk/src/resources/ratings.ts';
import { Report, ReportOrder } from '../../sdk/src/resources/reports.ts';
import { SubjectSearchParams, SubjectSearchResult } from '../../sdk/src/resources/subjects.ts';
import { seeds as committedSeeds } from '../../seeds/index.ts';
import type { EnterpriseSeed, KeySeed } from '../../seeds/schema.ts';
import { adminHandlers } from './admin.ts';
import {
  bilingual,
  buildCatalog,
  type Catalog,
  classifyIdentifier,
  enterpriseContent,
  findEnterprise,
  individualContent,
  maskIdNumbers,
  PERSONAL_NEEDS_ORDER,
  ratingSummary,
  searchSubjects,
} from './catalog.ts';
import {
  describeStep,
  type FaultStep,
  isMagicTag,
  magicStep,
  parseFaultScript,
  truncateJson,
  violateSchema,
} from './faults.ts';
import { pageHandlers } from './pages.ts';
import { codeForStatus, corsHeaders, jsonWith, problem, withHeaders, zodIssues } from './responses.ts';
import {
  createState,
  type JournalEntry,
  type MockApiOptions,
  type MockState,
  RATE_WINDOW_MS,
  type StoredReport,
} from './state.ts';

/**
 * What {@link createMockApi} returns: the handlers and the state they share.
 *
 * @example
 * ```ts
 * const { handlers, state } = createMockApi({ reportDelayMs: 0 });
 * ```
 */
export interface MockApi {
  handlers: HttpHandler[];
  state: MockState;
  catalog: Catalog;
}

/** One `/v1` request in flight. */
interface Ctx {
  request: Request;
  url: URL;
  requestId: string;
  entry: JournalEntry;
  startedAt: number;
  bodyText: string;
  key: KeySeed | null;
  rate: RateInfo | null;
}

interface RateInfo {
  limit: number;
  remaining: number;
  resetSeconds: number;
  resetAt: Date;
}

type Route<P> = (ctx: Ctx, params: P) => Response | Promise<Response>;

const DEFAULT_PAGE_SIZE = 20;
const DEFAULT_SEARCH_LIMIT = 10;
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

const hiResNow = () => performance.timeOrigin + performance.now();

function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}

function journalQuery(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(name);
    out[name] = all.length === 1 ? (all[0] ?? '') : all;
  }
  return out;
}

function bearer(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (header === null) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? null;
}

// Stable JSON: key order must not make two equal bodies look different.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const base64url = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const unbase64url = (s: string) => atob(s.replace(/-/g, '+').replace(/_/g, '/'));

function encodeCursor(offset: number, domain: string | undefined, subjectType: string | undefined): string {
  return base64url(JSON.stringify({ v: 1, o: offset, d: domain ?? null, s: subjectType ?? null }));
}

function decodeCursor(
  cursor: string,
  domain: string | undefined,
  subjectType: string | undefined,
): number | null {
  try {
    const c = JSON.parse(unbase64url(cursor)) as { v?: unknown; o?: unknown; d?: unknown; s?: unknown };
    if (c.v !== 1 || typeof c.o !== 'number' || !Number.isInteger(c.o) || c.o < 0) return null;
    if (c.d !== (domain ?? null) || c.s !== (subjectType ?? null)) return null;
    return c.o;
  } catch {
    return null;
  }
}

/**
 * Builds the mock API: one msw handler array for every `/v1` endpoint, the `/__mock` admin
 * endpoints, `/openapi.json` and the demo pages, over the committed seed data (or `options.seeds`).
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createMockApi } from '@xinjian/mock-server';
 *
 * const { handlers, state } = createMockApi({ reportDelayMs: 0 });
 * const server = setupServer(...handlers);
 * server.listen({ onUnhandledFrame: 'error' }); // msw 3's name for onUnhandledRequest
 * // … later: state.reset(); server.close();
 * ```
 */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  const seeds = options.seeds ?? committedSeeds;
  const catalog = buildCatalog(seeds);
  const state = createState(seeds, options);
  const origin = (options.baseUrl ?? '*').replace(/\/+$/, '');
  const at = (path: string) => `${origin}${path}`;

  // ---- request lifecycle ------------------------------------------------------------------

  async function begin(request: Request): Promise<Ctx> {
    state.counters.request += 1;
    const random = Math.floor(Math.random() * 0x1000000)
      .toString(16)
      .padStart(6, '0');
    const requestId = `req_${state.counters.request.toString().padStart(6, '0')}${random}`;
    const url = new URL(request.url);
    const bodyText =
      request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
    let body: unknown = null;
    if (bodyText !== '') {
      try {
        body = JSON.parse(bodyText);
      } catch {
        body = bodyText;
      }
    }
    const key = bearer(request);
    const headers: Record<string, string> = {};
    for (const [name, value] of request.headers) {
      if (name === 'idempotency-key' || name.startsWith('x-')) headers[name] = value;
    }
    state.counters.journal += 1;
    const entry: JournalEntry = {
      seq: state.counters.journal,
      requestId,
      time: hiResNow(),
      method: request.method,
      path: url.pathname,
      query: maskIdNumbers(journalQuery(url)) as Record<string, string | string[]>,
      key: key === null ? null : `…${key.slice(-4)}`,
      headers,
      body: maskIdNumbers(body),
      status: null,
      fault: null,
      durationMs: null,
    };
    state.journal.push(entry);
    return { request, url, requestId, entry, startedAt: performance.now(), bodyText, key: null, rate: null };
  }

  function finish(ctx: Ctx, response: Response): Response {
    ctx.entry.durationMs = Math.round((performance.now() - ctx.startedAt) * 1000) / 1000;
    if (response.type === 'error') {
      ctx.entry.status = 0;
      return response;
    }
    ctx.entry.status = response.status;
    const rate = ctx.rate ?? peekRate(ctx.request);
    const headers: Record<string, string> = { ...corsHeaders(), 'X-Request-Id': ctx.requestId };
    if (rate !== null) {
      headers['RateLimit-Limit'] = String(rate.limit);
      headers['RateLimit-Remaining'] = String(rate.remaining);
      headers['RateLimit-Reset'] = String(rate.resetSeconds);
    }
    return withHeaders(response, headers);
  }

  function fail(
    ctx: Ctx,
    status: number,
    code: ProblemCode,
    text: LocalizedText,
    extra: Parameters<typeof problem>[4] = {},
  ): Response {
    return problem(ctx.requestId, status, code, text, extra);
  }

  function badRequest(ctx: Ctx, issues: { path: string; message: string }[], text?: LocalizedText): Response {
    return fail(
      ctx,
      400,
      'invalid_request',
      text ?? { zh: '请求参数无效，详见 issues', en: 'the request is invalid; see issues' },
      { issues },
    );
  }

  function parseJsonBody(ctx: Ctx): { ok: true; value: unknown } | { ok: false; response: Response } {
    try {
      return { ok: true, value: JSON.parse(ctx.bodyText) };
    } catch {
      return {
        ok: false,
        response: badRequest(ctx, [{ path: 'body', message: 'the body is not valid JSON' }], {
          zh: '请求体不是有效的 JSON',
          en: 'the request body is not valid JSON',
        }),
      };
    }
  }

  // ---- rate limits ------------------------------------------------------------------------

  function window(key: KeySeed) {
    const now = state.now().getTime();
    let w = state.rateWindows.get(key.key);
    if (w === undefined || now - w.startedAt >= RATE_WINDOW_MS || now < w.startedAt) {
      w = { startedAt: now, count: 0 };
      state.rateWindows.set(key.key, w);
    }
    return { w, now };
  }

  function rateInfo(key: KeySeed, w: { startedAt: number; count: number }, now: number): RateInfo {
    const resetMs = w.startedAt + RATE_WINDOW_MS;
    return {
      limit: key.rateLimitPerMinute,
      remaining: Math.max(0, key.rateLimitPerMinute - w.count),
      resetSeconds: Math.max(1, Math.ceil((resetMs - now) / 1000)),
      resetAt: new Date(resetMs),
    };
  }

  function peekRate(request: Request): RateInfo | null {
    const raw = bearer(request);
    const key = raw === null ? undefined : catalog.keys.get(raw);
    if (key === undefined || key.revoked) return null;
    const { w, now } = window(key);
    return rateInfo(key, w, now);
  }

  /** Counts the request against its key's window; a 429 when the window is used up. */
  function consumeRate(ctx: Ctx, key: KeySeed): Response | null {
    const { w, now } = window(key);
    if (w.count >= key.rateLimitPerMinute) {
      ctx.rate = rateInfo(key, w, now);
      return fail(
        ctx,
        429,
        'rate_limited',
        {
          zh: `请求过于频繁：每分钟最多 ${key.rateLimitPerMinute} 次，请 ${ctx.rate.resetSeconds} 秒后重试`,
          en: `rate limit of ${key.rateLimitPerMinute} requests per minute exceeded; retry in ${ctx.rate.resetSeconds} s`,
        },
        { headers: { 'Retry-After': String(ctx.rate.resetSeconds) } },
      );
    }
    w.count += 1;
    ctx.rate = rateInfo(key, w, now);
    return null;
  }

  function authenticate(ctx: Ctx): Response | null {
    const raw = bearer(ctx.request);
    const key = raw === null ? undefined : catalog.keys.get(raw);
    if (key === undefined || key.revoked) {
      const text: LocalizedText =
        raw === null
          ? {
              zh: '缺少 API 密钥：请发送 Authorization: Bearer <key>',
              en: 'missing API key: send Authorization: Bearer <key>',
            }
          : key?.revoked
            ? { zh: 'API 密钥已吊销', en: 'the API key has been revoked' }
            : { zh: 'API 密钥无效', en: 'unknown API key' };
      return fail(ctx, 401, 'unauthorized', text, {
        headers: { 'WWW-Authenticate': 'Bearer realm="xinjian"' },
      });
    }
    ctx.key = key;
    return consumeRate(ctx, key);
  }

  // ---- faults -----------------------------------------------------------------------------

  function noteFault(ctx: Ctx, label: string) {
    ctx.entry.fault = ctx.entry.fault === null ? label : `${ctx.entry.fault}+${label}`;
  }

  async function applyStep(ctx: Ctx, step: FaultStep, next: () => Promise<Response>): Promise<Response> {
    switch (step.kind) {
      case 'ok':
        return next();
      case 'delay':
        await delay(step.ms);
        return next();
      case 'status': {
        const headers: Record<string, string> =
          step.retryAfter === null ? {} : { 'Retry-After': String(step.retryAfter) };
        return fail(
          ctx,
          step.status,
          codeForStatus(step.status),
          { zh: `模拟故障：${step.status}`, en: `injected fault: ${step.status}` },
          { headers },
        );
      }
      case 'malformed': {
        const response = await next();
        const headers = new Headers(response.headers);
        headers.delete('content-length');
        headers.set('Content-Type', 'application/json; charset=utf-8');
        return new Response(truncateJson(await response.text()), { status: response.status, headers });
      }
      case 'schema': {
        const response = await next();
        const headers = new Headers(response.headers);
        headers.delete('content-length');
        headers.set('Content-Type', 'application/json; charset=utf-8');
        const text = await response.text();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // Not JSON: wrapped as a string below.
        }
        return new Response(JSON.stringify(violateSchema(body)), { status: response.status, headers });
      }
      case 'drop':
        await next();
        return HttpResponse.error();
    }
  }

  function headerFault(ctx: Ctx, next: () => Promise<Response>): Promise<Response> {
    const script = ctx.request.headers.get('x-mock-fault');
    if (script === null) return next();
    const parsed = parseFaultScript(script);
    if (!parsed.ok) {
      return Promise.resolve(
        badRequest(ctx, [{ path: 'header.X-Mock-Fault', message: parsed.message }], {
          zh: `X-Mock-Fault 无效：${parsed.message}`,
          en: `invalid X-Mock-Fault: ${parsed.message}`,
        }),
      );
    }
    const id =
      ctx.request.headers.get('x-mock-fault-id') ??
      `${ctx.request.method} ${ctx.url.pathname} ${bearer(ctx.request) ?? ''}`;
    const slotKey = `${id}\n${script}`;
    let slot = state.faultScripts.get(slotKey);
    if (slot === undefined) {
      slot = { steps: parsed.steps, next: 0 };
      state.faultScripts.set(slotKey, slot);
    }
    // The last step repeats once the script is used up: `500` fails every time, `503,ok` recovers.
    const step = slot.steps[Math.min(slot.next, slot.steps.length - 1)] ?? { kind: 'ok' };
    slot.next += 1;
    if (step.kind !== 'ok') noteFault(ctx, `header:${describeStep(step)}`);
    return applyStep(ctx, step, next);
  }

  /** Applies the fault of the first `magic:*` enterprise named by a request, if any. */
  function magicFault(ctx: Ctx, named: EnterpriseSeed[], next: () => Promise<Response>): Promise<Response> {
    for (const e of named) {
      const tag = e.tags.find(isMagicTag);
      if (tag === undefined) continue;
      const fingerprint = `${tag}\n${ctx.request.method} ${ctx.url.pathname} ${ctx.key?.key ?? ''}\n${canonical(safeJson(ctx.bodyText))}`;
      const seen = state.magicCounters.get(fingerprint) ?? 0;
      state.magicCounters.set(fingerprint, seen + 1);
      const step = magicStep(tag, seen);
      if (step.kind !== 'ok') noteFault(ctx, tag);
      return applyStep(ctx, step, next);
    }
    return next();
  }

  // ---- wrappers -----------------------------------------------------------------------------

  function v1<P>(route: Route<P>, { auth = true }: { auth?: boolean } = {}) {
    return async ({ request, params }: { request: Request; params: P }): Promise<Response> => {
      const ctx = await begin(request);
      let response: Response;
      try {
        if (state.config.latencyMs > 0) await delay(state.config.latencyMs);
        response = await headerFault(ctx, async () => {
          if (auth) {
            const denied = authenticate(ctx);
            if (denied !== null) return denied;
          }
          return route(ctx, params);
        });
      } catch (error) {
        response = fail(ctx, 500, 'internal', {
          zh: '模拟服务器内部错误',
          en: `mock server error: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
      return finish(ctx, response);
    };
  }

  // ---- routes -----------------------------------------------------------------------------

  const listProducts: Route<unknown> = (ctx) => {
    const parsed = ProductListParams.safeParse(queryObject(ctx.url));
    if (!parsed.success) return badRequest(ctx, zodIssues(parsed.error, 'query'));
    const { domain, subjectType, cursor } = parsed.data;
    const limit = parsed.data.limit ?? DEFAULT_PAGE_SIZE;
    const matching = catalog.products.filter(
      (p) =>
        (domain === undefined || p.domains.includes(domain)) &&
        (subjectType === undefined || p.subjectType === subjectType),
    );
    let offset = 0;
    if (cursor !== undefined) {
      const decoded = decodeCursor(cursor, domain, subjectType);
      if (decoded === null) {
        return badRequest(ctx, [
          { path: 'query.cursor', message: 'unknown cursor, or one from a list with other filters' },
        ]);
      }
      offset = decoded;
    }
    const end = offset + limit;
    return jsonWith(ProductPage, {
      data: matching.slice(offset, end),
      nextCursor: end < matching.length ? encodeCursor(end, domain, subjectType) : null,
    });
  };

  const retrieveProduct: Route<{ id: string }> = (ctx, { id }) => {
    const product = catalog.productsById.get(id);
    if (product === undefined) {
      return fail(ctx, 404, 'not_found', { zh: `没有产品 ${id}`, en: `no product ${id}` });
    }
    return jsonWith(Product, product);
  };

  const listDomains: Route<unknown> = () => jsonWith(DomainList, { data: seeds.domains });

  const searchSubjectsRoute: Route<unknown> = (ctx) => {
    const parsed = SubjectSearchParams.safeParse(queryObject(ctx.url));
    if (!parsed.success) return badRequest(ctx, zodIssues(parsed.error, 'query'));
    const { q, limit = DEFAULT_SEARCH_LIMIT } = parsed.data;
    return jsonWith(SubjectSearchResult, searchSubjects(catalog, q, limit, state.now()));
  };

  const batchRatings: Route<unknown> = (ctx) => {
    const json = parseJsonBody(ctx);
    if (!json.ok) return json.response;
    const parsed = BatchRatingsRequest.safeParse(json.value);
    if (!parsed.success) return badRequest(ctx, zodIssues(parsed.error, 'body'));
    const now = state.now();
    const named: EnterpriseSeed[] = [];
    const items: BatchRatingItem[] = parsed.data.ids.map((id): BatchRatingItem => {
      const c = classifyIdentifier(id, now);
      if (c.kind === 'id_card') {
        return {
          id,
          status: 'invalid_identifier',
          message: bilingual(PERSONAL_NEEDS_ORDER),
          expectedCheckChar: null,
        };
      }
      if (c.kind === 'invalid') {
        const message = c.looksPersonal
          ? `${bilingual(c.message)}；${bilingual(PERSONAL_NEEDS_ORDER)}`
          : bilingual(c.message);
        return { id, status: 'invalid_identifier', message, expectedCheckChar: c.expectedCheckChar };
      }
      const e = findEnterprise(catalog, c);
      if (e === undefined) return { id, status: 'not_found' };
      named.push(e);
      return { id, status: 'found', summary: ratingSummary(e, now) };
    });
    return magicFault(ctx, named, async () => jsonWith(BatchRatingsResponse, { data: items }));
  };

  function renderReport(r: StoredReport): Report {
    const base = {
      id: r.id,
      productId: r.product.id,
      purpose: r.purpose as Report['purpose'],
      createdAt: new Date(r.createdAt).toISOString(),
      subjectRef: r.subjectRef,
    };
    // Readiness is computed from the clock on every read: no timers to leak or to flush.
    if (state.now().getTime() < r.readyAt) return { ...base, status: 'pending' };
    const readyAt = new Date(r.readyAt);
    return {
      ...base,
      status: 'ready',
      readyAt: readyAt.toISOString(),
      content:
        r.subject.kind === 'enterprise'
          ? enterpriseContent(r.subject.seed, r.product, readyAt)
          : individualContent(r.subject.seed, r.product, readyAt),
    };
  }

  const orderReport: Route<unknown> = async (ctx) => {
    const key = ctx.key as KeySeed;
    const idempotencyKey = ctx.request.headers.get('idempotency-key');
    if (
      idempotencyKey === null ||
      idempotencyKey.trim() === '' ||
      idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH
    ) {
      return badRequest(
        ctx,
        [
          {
            path: 'header.Idempotency-Key',
            message: 'required: one key (1–255 characters) per logical order',
          },
        ],
        {
          zh: '报告订单必须带 Idempotency-Key 请求头（每个订单一个，重试时复用）',
          en: 'a report order needs an Idempotency-Key header (one per order, reused on retries)',
        },
      );
    }
    const json = parseJsonBody(ctx);
    if (!json.ok) return json.response;
    const parsed = ReportOrder.safeParse(json.value);
    if (!parsed.success) return badRequest(ctx, zodIssues(parsed.error, 'body'));
    const order = parsed.data;
    const now = state.now();
    const classified = classifyIdentifier(order.subjectId, now);
    const enterprise = findEnterprise(catalog, classified);

    return magicFault(ctx, enterprise === undefined ? [] : [enterprise], async () => {
      const fingerprint = canonical(order);
      const slot = `${key.key}\n${idempotencyKey}`;
      const previous = state.orders.get(slot);
      if (previous !== undefined) {
        if (previous.fingerprint !== fingerprint) {
          return fail(ctx, 409, 'idempotency_conflict', {
            zh: '该 Idempotency-Key 已用于另一个不同的订单',
            en: 'this Idempotency-Key was already used with a different order body',
          });
        }
        const stored = state.reports.get(previous.reportId);
        if (stored !== undefined) {
          return jsonWith(Report, renderReport(stored), { headers: { 'Idempotent-Replayed': 'true' } });
        }
      }

      const product = catalog.productsById.get(order.productId);
      if (product === undefined) {
        return fail(ctx, 404, 'not_found', {
          zh: `没有产品 ${order.productId}`,
          en: `no product ${order.productId}`,
        });
      }
      if (!key.account.entitledProducts.includes(product.id)) {
        return fail(ctx, 403, 'not_entitled', {
          zh: `该账户未开通产品 ${product.id}`,
          en: `this account is not entitled to product ${product.id}`,
        });
      }
      if (classified.kind === 'invalid') {
        return badRequest(ctx, [{ path: 'body.subjectId', message: classified.message.en }], {
          zh: `subjectId 无效：${classified.message.zh}`,
          en: `invalid subjectId: ${classified.message.en}`,
        });
      }
      const personal = classified.kind === 'id_card';
      if (personal !== (product.subjectType === 'individual')) {
        return fail(
          ctx,
          422,
          'unprocessable',
          product.subjectType === 'individual'
            ? {
                zh: `产品 ${product.id} 面向个人：subjectId 须为居民身份证号码`,
                en: `product ${product.id} is for individuals: subjectId must be an ID number`,
              }
            : {
                zh: `产品 ${product.id} 面向企业：subjectId 须为统一社会信用代码、组织机构代码或注册号`,
                en: `product ${product.id} is for enterprises: subjectId must be a USCC, org code or registration number`,
              },
        );
      }
      if (product.requiresAuthorization && order.authorization === undefined) {
        return fail(ctx, 422, 'authorization_required', {
          zh: '个人信用报告须提供信息主体的书面授权（征信业管理条例 第十八条）',
          en: "a personal report needs the subject's written authorization (authorization.reference, authorization.grantedAt)",
        });
      }
      if (
        order.authorization !== undefined &&
        order.authorization.grantedAt > now.toISOString().slice(0, 10)
      ) {
        return fail(ctx, 422, 'unprocessable', {
          zh: '授权日期晚于今天',
          en: 'authorization.grantedAt is in the future',
        });
      }
      if (!product.domains.includes(order.purpose)) {
        return fail(ctx, 422, 'unprocessable', {
          zh: `用途 ${order.purpose} 不在产品 ${product.id} 的约定用途内（${product.domains.join('、')}）`,
          en: `purpose ${order.purpose} is not among the purposes of product ${product.id} (${product.domains.join(', ')})`,
        });
      }
      let subject: StoredReport['subject'];
      let subjectRef: string;
      if (classified.kind === 'id_card') {
        const individual = catalog.individualsById.get(classified.value);
        if (individual === undefined) {
          return fail(ctx, 404, 'not_found', {
            zh: `没有该个人的信用记录（${maskIdCard(classified.value)}）`,
            en: `no credit file for ${maskIdCard(classified.value)}`,
          });
        }
        subject = { kind: 'individual', seed: individual };
        subjectRef = maskIdCard(classified.value);
      } else {
        if (enterprise === undefined) {
          return fail(ctx, 404, 'not_found', {
            zh: `没有主体 ${order.subjectId}`,
            en: `no subject ${order.subjectId}`,
          });
        }
        subject = { kind: 'enterprise', seed: enterprise };
        subjectRef = classified.value;
      }
      const remaining = state.credits.get(key.account.id) ?? 0;
      if (remaining < product.priceCredits) {
        return fail(ctx, 402, 'insufficient_credits', {
          zh: `额度不足：产品 ${product.id} 需 ${product.priceCredits} 点，剩余 ${remaining} 点`,
          en: `insufficient credits: product ${product.id} costs ${product.priceCredits}, ${remaining} left`,
        });
      }
      state.credits.set(key.account.id, remaining - product.priceCredits);
      state.counters.report += 1;
      const id = `rpt_${state.counters.report.toString().padStart(6, '0')}`;
      const createdAt = now.getTime();
      const stored: StoredReport = {
        id,
        apiKey: key.key,
        product,
        purpose: order.purpose,
        subjectRef,
        createdAt,
        readyAt: createdAt + state.config.reportDelayMs,
        subject,
      };
      state.reports.set(id, stored);
      state.orders.set(slot, { fingerprint, reportId: id });
      // 202 for every new order, even one that is ready at once (reportDelayMs 0).
      return jsonWith(Report, renderReport(stored), {
        status: 202,
        headers: { Location: `/v1/reports/${id}` },
      });
    });
  };

  const retrieveReport: Route<{ id: string }> = (ctx, { id }) => {
    const stored = state.reports.get(id);
    // Another key's report is indistinguishable from a missing one.
    if (stored === undefined || stored.apiKey !== ctx.key?.key) {
      return fail(ctx, 404, 'not_found', { zh: `没有报告 ${id}`, en: `no report ${id}` });
    }
    return jsonWith(Report, renderReport(stored));
  };

  const retrieveAccount: Route<unknown> = (ctx) => {
    const key = ctx.key as KeySeed;
    const rate = ctx.rate as RateInfo;
    return jsonWith(Account, {
      ...key.account,
      credits: {
        remaining: state.credits.get(key.account.id) ?? 0,
        monthlyAllowance: key.account.credits.monthlyAllowance,
      },
      rateLimit: {
        limit: rate.limit,
        remaining: rate.remaining,
        windowSeconds: RATE_WINDOW_MS / 1000,
        resetAt: rate.resetAt.toISOString(),
      },
    });
  };

  const unknownRoute: Route<unknown> = (ctx) =>
    fail(ctx, 404, 'not_found', {
      zh: `没有接口 ${ctx.request.method} ${ctx.url.pathname}`,
      en: `no route ${ctx.request.method} ${ctx.url.pathname}`,
    });

  const handlers: HttpHandler[] = [
    http.options(
      ({ request }) => /^\/(v1|__mock|demo)(\/|$)|^\/openapi\.json$|^\/$/.test(new URL(request.url).pathname),
      ({ request }) => new HttpResponse(null, { status: 204, headers: corsHeaders(request) }),
    ),
    http.get(at('/v1/products'), v1(listProducts)),
    http.get<{ id: string }>(at('/v1/products/:id'), v1(retrieveProduct)),
    http.get(at('/v1/domains'), v1(listDomains)),
    http.get(at('/v1/subjects'), v1(searchSubjectsRoute)),
    http.post(at('/v1/ratings/batch'), v1(batchRatings)),
    http.post(at('/v1/reports'), v1(orderReport)),
    http.get<{ id: string }>(at('/v1/reports/:id'), v1(retrieveReport)),
    http.get(at('/v1/account'), v1(retrieveAccount)),
    http.all(at('/v1/*'), v1(unknownRoute, { auth: false })),
    http.all(at('/v1'), v1(unknownRoute, { auth: false })),
    ...adminHandlers(state, at),
    ...pageHandlers(seeds, at),
  ];

  return { handlers, state, catalog };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

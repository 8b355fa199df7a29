/**
 * What every `/v1` route shares: the request in flight, the instance it runs in, and the
 * problem builders. Middleware (`middleware/`) and resources (`resources/`) both build on it.
 */

import type { Jwks, LocalizedText, ProblemCode, ResultSignature } from '@xinjian/sdk';
import type { HttpHandler } from 'msw';
import type { EnterpriseSeed, KeySeed, SeedData } from '../../seeds/schema.ts';
import type { Catalog } from './catalog.ts';
import { problem } from './responses.ts';
import type { JournalEntry, MockState } from './state.ts';

/** One `/v1` request in flight. */
export interface Ctx {
  request: Request;
  url: URL;
  requestId: string;
  entry: JournalEntry;
  startedAt: number;
  bodyText: string;
  key: KeySeed | null;
  rate: RateInfo | null;
}

/** A key's rate-limit window as the `RateLimit-*` headers and `/v1/account` report it. */
export interface RateInfo {
  limit: number;
  remaining: number;
  resetSeconds: number;
  resetAt: Date;
}

/** A `/v1` route: answers one request once journal, faults and auth have let it through. */
export type Route<P> = (ctx: Ctx, params: P) => Response | Promise<Response>;

/** Wraps a route in the `/v1` middleware (journal, faults, auth, rate limit). */
export type V1 = <P>(
  route: Route<P>,
  options?: { auth?: boolean },
) => (info: { request: Request; params: P }) => Promise<Response>;

/** One mock API instance as its resource files see it. */
export interface MockEnv {
  seeds: SeedData;
  catalog: Catalog;
  state: MockState;
  /** The handler path for `path` on the instance's origin (`*` by default). */
  at(path: string): string;
  v1: V1;
  /** Applies the fault of the first `magic:*` enterprise a request names, if any. */
  magic(ctx: Ctx, named: EnterpriseSeed[], next: () => Promise<Response>): Promise<Response>;
  /** The payload with the instance's Ed25519 `signature` member, as the service signs its answers. */
  sign<T extends Record<string, unknown>>(
    payload: T,
    type: ResultSignature['type'],
    signedAt: string,
  ): Promise<T & { signature: ResultSignature }>;
  /** The instance's published key set (`/.well-known/jwks.json`). */
  jwks(): Promise<Jwks>;
}

/** A resource file's contribution to the handler array. */
export type ResourceHandlers = (env: MockEnv) => HttpHandler[];

export function fail(
  ctx: Ctx,
  status: number,
  code: ProblemCode,
  text: LocalizedText,
  extra: Parameters<typeof problem>[4] = {},
): Response {
  return problem(ctx.requestId, status, code, text, extra);
}

export function badRequest(
  ctx: Ctx,
  issues: { path: string; message: string }[],
  text?: LocalizedText,
): Response {
  return fail(
    ctx,
    400,
    'invalid_request',
    // The message itself names each field and the rule it broke; `issues` has them one by one.
    text ?? {
      zh: `请求参数无效：${issues.map((i) => `${i.path}：${i.message}`).join('；')}`,
      en: `the request is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    },
    { issues },
  );
}

export function parseJsonBody(ctx: Ctx): { ok: true; value: unknown } | { ok: false; response: Response } {
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

export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}

/** The key of an `Authorization: Bearer <key>` header, or null. */
export function bearer(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (header === null) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? null;
}

// Stable JSON, so key order cannot make two equal bodies look different: the SDK's RFC 8785 form.
export { canonicalJson as canonical } from '@xinjian/sdk';

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

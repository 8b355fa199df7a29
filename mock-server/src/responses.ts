/**
 * Response builders shared by the API, admin and page handlers: CORS, problem documents and
 * schema-checked JSON.
 */

import { type LocalizedText, Problem, type ProblemCode } from '@xinjian/sdk';
import { HttpResponse } from 'msw';
import type { z } from 'zod';

/**
 * Request headers a browser page may send to the mock server (CORS `Access-Control-Allow-Headers`).
 *
 * @example
 * ```ts
 * CORS_ALLOWED_HEADERS.includes('Idempotency-Key'); // true
 * ```
 */
export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Accept',
  'Accept-Language',
  'Idempotency-Key',
  'X-Mock-Fault',
  'X-Mock-Fault-Id',
  'X-Retry-Count',
  'X-Request-Id',
  'X-Client',
];

/**
 * Response headers a browser page may read (CORS `Access-Control-Expose-Headers`).
 *
 * @example
 * ```ts
 * CORS_EXPOSED_HEADERS.includes('Retry-After'); // true
 * ```
 */
export const CORS_EXPOSED_HEADERS = [
  'X-Request-Id',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'Idempotent-Replayed',
  'Location',
];

/** CORS headers for every response; a preflight also echoes the headers it asked for. */
export function corsHeaders(request?: Request): Record<string, string> {
  const asked = request?.headers.get('access-control-request-headers');
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': asked ? asked : CORS_ALLOWED_HEADERS.join(', '),
    'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS.join(', '),
    'Access-Control-Max-Age': '600',
  };
}

/** A copy of `response` with `headers` added (replacing same-named ones). */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  if (response.type === 'error') return response;
  const merged = new Headers(response.headers);
  for (const [k, v] of Object.entries(headers)) merged.set(k, v);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: merged,
  });
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The reason phrase of a status, for problem titles. */
export function statusTitle(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}

/** The problem code an injected status stands for. */
export function codeForStatus(status: number): ProblemCode {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 402:
      return 'insufficient_credits';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'idempotency_conflict';
    case 422:
      return 'unprocessable';
    case 429:
      return 'rate_limited';
    case 502:
    case 503:
    case 504:
      return 'unavailable';
    default:
      return status >= 500 ? 'internal' : 'invalid_request';
  }
}

/** One entry of a problem's `issues`. */
export type ProblemIssue = { path: string; message: string };

/**
 * An RFC 9457 problem response: `message` in Chinese, `detail` in English, validated with the
 * SDK's `Problem` schema before it is sent.
 */
export function problem(
  requestId: string,
  status: number,
  code: ProblemCode,
  text: LocalizedText,
  extra: { issues?: ProblemIssue[]; headers?: Record<string, string> } = {},
): Response {
  const body = Problem.parse({
    type: `https://xinjian.example/problems/${code.replace(/_/g, '-')}`,
    title: statusTitle(status),
    status,
    code,
    message: text.zh,
    detail: text.en,
    requestId,
    ...(extra.issues === undefined ? {} : { issues: extra.issues }),
  });
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...extra.headers },
  });
}

/** Zod issues as problem issues; `prefix` names where the value came from (`query`, `body`). */
export function zodIssues(error: z.ZodError, prefix?: string): ProblemIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return {
      path: prefix === undefined ? path || '(root)' : path ? `${prefix}.${path}` : prefix,
      message: issue.message,
    };
  });
}

/**
 * A JSON response whose body is first parsed with `schema`, so the mock can only ever send
 * what the contract allows (a drift is a thrown error, answered as a 500 by the caller).
 */
export function jsonWith<S extends z.ZodType>(
  schema: S,
  body: z.input<S>,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new Error(
      `mock response fails its schema: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return new HttpResponse(JSON.stringify(parsed.data), {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...init.headers },
  });
}

/**
 * Shared helpers for the contract tests: a real mock server on an ephemeral port, plain-fetch
 * calls with a key, and assertions that parse every body with the SDK's own schemas.
 */
import { expect } from 'vitest';
import type { z } from 'zod';
import { type RunningMockServer, startMockServer } from '../../mock-server/src/index.ts';
import { Problem, type ProblemCode } from '../../sdk/src/core/schemas.ts';
import { DEMO_API_KEY } from '../../seeds/schema.ts';

export { DEMO_API_KEY };

/** Starts the real HTTP server on a free port. */
export function startServer(options: Parameters<typeof startMockServer>[0] = {}): Promise<RunningMockServer> {
  return startMockServer({ port: 0, reportDelayMs: 300, ...options });
}

export interface CallOptions {
  key?: string | null;
  headers?: Record<string, string>;
  body?: unknown;
  method?: string;
}

/** One request with `Authorization: Bearer <key>` (the demo key unless told otherwise). */
export function call(base: string, path: string, options: CallOptions = {}): Promise<Response> {
  const { key = DEMO_API_KEY, headers = {}, body, method = body === undefined ? 'GET' : 'POST' } = options;
  const all: Record<string, string> = { ...headers };
  if (key !== null) all.authorization = `Bearer ${key}`;
  if (body !== undefined) all['content-type'] = 'application/json';
  const init: RequestInit = { method, headers: all };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  return fetch(`${base}${path}`, init);
}

/** Asserts the status and JSON content type, then parses the body with `schema`. */
export async function expectJson<S extends z.ZodType>(
  response: Response,
  status: number,
  schema: S,
): Promise<z.infer<S>> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return schema.parse(JSON.parse(text));
}

/**
 * Asserts an `application/problem+json` answer with this status and code, that it parses with the
 * SDK `Problem` schema, and that its `requestId` is the `X-Request-Id` header.
 */
export async function expectProblem(response: Response, status: number, code: ProblemCode): Promise<Problem> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = Problem.parse(JSON.parse(text));
  expect(problem.status).toBe(status);
  expect(problem.code).toBe(code);
  expect(problem.requestId).toBe(response.headers.get('x-request-id'));
  expect(problem.requestId).toMatch(/^req_/);
  return problem;
}

/** An idempotency key unique to the test run. */
export function idempotencyKey(label: string): string {
  return `${label}-${crypto.randomUUID()}`;
}

/**
 * The transport under every resource: one ky instance for URL joining, JSON bodies and the
 * per-attempt timeout, with the retry loop written here rather than in ky's `retry` option.
 * The loop needs what ky's does not expose together: the computed delay for `onRetry`, one
 * idempotency key reused by construction, `X-Retry-Count`, and a test-sized backoff. The
 * ratings batch, the one request sent by the hundred, makes its attempts with `fetch` directly
 * (`direct`), inside the same loop; `http.direct.test.ts` holds the two kinds of attempt equal.
 */
import ky, { isTimeoutError, type KyInstance } from 'ky';
import type { z } from 'zod';
import { maskIdCard } from '../identifiers/index.ts';
import { APIPromise, type APIResponseOf, attachRequestId, type WithRequestId } from './api-promise.ts';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  type RequestRef,
  ResponseParseError,
  ResponseValidationError,
  XinjianError,
} from './errors.ts';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, type RetryPolicy, retryDelay, shouldRetry } from './retry.ts';
import { Problem } from './schemas.ts';

/**
 * Options every call accepts as its last argument; they override the client's for that call.
 *
 * @example
 * ```ts
 * const ac = new AbortController();
 * await client.products.retrieve('creditchina_public_report', { signal: ac.signal, timeout: 5_000, maxRetries: 0 });
 * ```
 */
export interface RequestOptions {
  /** Aborts the call, including waits between retries; the call rejects with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Milliseconds per attempt (not for the whole call). */
  timeout?: number | undefined;
  /** Retries after the first attempt. */
  maxRetries?: number | undefined;
  /** For POSTs: the key sent as `Idempotency-Key` on every attempt; default a fresh UUID per call. */
  idempotencyKey?: string | undefined;
  /** Extra headers; `undefined` removes a default one. */
  headers?: Record<string, string | undefined> | undefined;
}

/**
 * What a hook sees about an attempt. `headers` has `Authorization` redacted to its last four
 * characters (`Bearer ***1234`) and `url` has any 居民身份证号码 masked. `attempt` is 1 for the
 * first try.
 *
 * @example
 * ```ts
 * const log = (e: RequestEvent) => console.log(e.method, e.url, e.attempt);
 * ```
 */
export interface RequestEvent {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  attempt: number;
}

/**
 * An HTTP answer (any status) to an attempt.
 *
 * @example
 * ```ts
 * const log = (e: ResponseEvent) => console.log(e.status, `${e.durationMs} ms`, e.requestId);
 * ```
 */
export interface ResponseEvent extends RequestEvent {
  status: number;
  durationMs: number;
  requestId: string | undefined;
}

/**
 * A failed attempt that will be retried after `delayMs`.
 *
 * @example
 * ```ts
 * const log = (e: RetryEvent) => console.log(`retry ${e.attempt + 1} in ${e.delayMs} ms`, e.error.name);
 * ```
 */
export interface RetryEvent extends RequestEvent {
  error: XinjianError;
  status: number | undefined;
  durationMs: number;
  delayMs: number;
}

/**
 * The call failed for good (after any retries); `error` is what it rejects with.
 *
 * @example
 * ```ts
 * const log = (e: ErrorEvent) => console.log(e.error.message);
 * ```
 */
export interface ErrorEvent extends RequestEvent {
  error: XinjianError;
  status: number | undefined;
  durationMs: number;
}

/**
 * Telemetry hooks. They run synchronously; an exception in a hook is swallowed so logging can
 * never fail a call.
 *
 * @example
 * ```ts
 * const hooks: ClientHooks = {
 *   onRetry: (e) => console.info('[xinjian] retry', e.method, e.path, e.delayMs),
 *   onError: (e) => console.info('[xinjian] failed', e.error.name),
 * };
 * ```
 */
export interface ClientHooks {
  onRequest?: (event: RequestEvent) => void;
  onResponse?: (event: ResponseEvent) => void;
  onRetry?: (event: RetryEvent) => void;
  onError?: (event: ErrorEvent) => void;
}

/** @internal The transport's settings, resolved from the client options. */
export interface TransportConfig {
  baseUrl: string;
  apiKey: string;
  fetch: typeof globalThis.fetch | undefined;
  timeout: number;
  maxRetries: number;
  hooks: ClientHooks;
  retryPolicy: RetryPolicy;
  defaultHeaders: Record<string, string | undefined>;
}

/** @internal One API call. */
export interface ApiRequest<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API path starting with `/v1/`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined> | undefined;
  body?: unknown;
  schema: S;
  /** A POST that changes nothing (a search): sent without an `Idempotency-Key` unless given one. */
  safe?: boolean | undefined;
  /** Narrows which failures are retried: only those it accepts among what `shouldRetry` allows. */
  retryIf?: ((error: XinjianError) => boolean) | undefined;
  /**
   * Each attempt calls `fetch` itself instead of going through ky: for the ratings batch, sent
   * 100 times for 10,000 lookups, where ky's per-call setup costs more than the rest of the
   * transport. Same URL, headers, JSON body, per-attempt timeout and error mapping; the retry
   * loop, hooks and validation around the attempt are the same code either way.
   */
  direct?: boolean | undefined;
}

/** @internal A validated body with the response it came from. */
export type ApiResponse<T> = APIResponseOf<T>;

/**
 * Redacts an `Authorization` value to its last four characters.
 *
 * @example
 * ```ts
 * redactAuthorization('Bearer xj_demo_2b7e151628aed2a6abf71588'); // 'Bearer ***1588'
 * ```
 */
export function redactAuthorization(value: string): string {
  const m = /^(\S+)\s+(.*)$/.exec(value);
  const secret = m?.[2] ?? value;
  return `${m ? `${m[1]} ` : ''}***${secret.length > 8 ? secret.slice(-4) : ''}`;
}

/**
 * Headers as logs may show them: credential headers (`Authorization`, cookies, anything named
 * like a key, token, secret or session) cut to their last four characters, and ID-number-shaped
 * tokens masked in the others.
 *
 * @example
 * ```ts
 * redactHeaders({ 'X-Api-Key': 'xj_live_9f8e7d6c5b4a3928', 'X-Client': 'app/1' }); // { 'X-Api-Key': '***3928', 'X-Client': 'app/1' }
 * ```
 */
export function redactHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    out[k] =
      CREDENTIAL_HEADER.test(k) && k.toLowerCase() !== 'idempotency-key'
        ? redactAuthorization(v)
        : maskIdShaped(v);
  }
  return out;
}

/** What `util.inspect` shows of an object that holds the key somewhere inside. */
export const INSPECT = Symbol.for('nodejs.util.inspect.custom');

const now = (): number => globalThis.performance?.now() ?? Date.now();

/** @internal */
export class Transport {
  /** Everything but the key, which lives in `#key` so no log, inspect or JSON can show it. */
  readonly config: Readonly<Omit<TransportConfig, 'apiKey'>>;
  readonly #key: string;
  readonly #ky: KyInstance;

  constructor({ apiKey, ...config }: TransportConfig) {
    this.config = config;
    this.#key = apiKey;
    this.#ky = ky.create({
      prefix: config.baseUrl,
      retry: 0,
      throwHttpErrors: false,
      ...(config.fetch ? { fetch: config.fetch } : {}),
    });
  }

  // Resources hold the transport: printing one must not print the default headers raw.
  [INSPECT](): unknown {
    return { Transport: { baseUrl: this.config.baseUrl } };
  }

  /** The data, marked with its request id. */
  async request<S extends z.ZodType>(
    req: ApiRequest<S>,
    options: RequestOptions = {},
  ): Promise<WithRequestId<z.output<S>>> {
    const r = await this.requestWithResponse(req, options);
    return attachRequestId(r.data, r.requestId);
  }

  /** One request as an {@link APIPromise}: awaitable data, plus `withResponse()`. */
  call<S extends z.ZodType>(req: ApiRequest<S>, options: RequestOptions = {}): APIPromise<z.output<S>> {
    return new APIPromise(this.requestWithResponse(req, options));
  }

  async requestWithResponse<S extends z.ZodType>(
    req: ApiRequest<S>,
    options: RequestOptions = {},
  ): Promise<ApiResponse<z.output<S>>> {
    const { config } = this;
    const maxRetries = Math.max(0, options.maxRetries ?? config.maxRetries);
    const timeout = options.timeout ?? config.timeout;
    const signal = options.signal;
    // One key per logical POST, so a retry after a lost response cannot order twice.
    const idempotencyKey =
      options.idempotencyKey ??
      (req.method === 'POST' && !req.safe ? globalThis.crypto.randomUUID() : undefined);
    const input = req.path.replace(/^\/+/, '');
    const url = this.#url(req);
    const retryable = (e: XinjianError) => shouldRetry(e) && (req.retryIf?.(e) ?? true);

    for (let attempt = 1; ; attempt++) {
      const headers = this.#headers(options, idempotencyKey, attempt);
      const event: RequestEvent = {
        method: req.method,
        url,
        path: maskIdShaped(req.path),
        headers: redact(headers),
        attempt,
      };
      if (signal?.aborted) {
        const error = new APIUserAbortError({ cause: signal.reason });
        this.#emit('onError', { ...event, error, status: undefined, durationMs: 0 });
        throw error;
      }
      const started = now();
      this.#emit('onRequest', event);

      let error: XinjianError;
      let status: number | undefined;
      let retryAfterMs: number | undefined;
      try {
        const response = req.direct
          ? await this.#direct(req, headers, timeout, signal)
          : await this.#ky(input, {
              method: req.method,
              headers,
              timeout,
              ...(req.query ? { searchParams: req.query } : {}),
              ...(req.body !== undefined ? { json: req.body } : {}),
              ...(signal ? { signal } : {}),
            });
        status = response.status;
        const ref: RequestRef = { method: req.method, path: req.path, requestId: requestIdOf(response) };
        const text = await readText(response, Math.max(1, timeout - (now() - started)), ref, signal, timeout);
        const durationMs = now() - started;
        this.#emit('onResponse', { ...event, status, durationMs, requestId: ref.requestId });
        if (response.ok) {
          try {
            return {
              data: parseBody(text, req.schema, response.status, ref),
              response,
              requestId: ref.requestId,
            };
          } catch (e) {
            // The request succeeded and the data did not: retrying would not change the data.
            this.#emit('onError', { ...event, error: e as XinjianError, status, durationMs });
            throw e;
          }
        }
        retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        error = apiError(response, text, ref, retryAfterMs);
      } catch (e) {
        if (e instanceof ResponseValidationError) throw e;
        error = e instanceof XinjianError ? e : fetchError(e, req, signal, timeout, this.#key);
      }

      const durationMs = now() - started;
      if (error instanceof APIUserAbortError || attempt > maxRetries || !retryable(error)) {
        this.#emit('onError', { ...event, error, status, durationMs });
        throw error;
      }
      const delayMs = retryDelay(attempt, retryAfterMs, config.retryPolicy);
      this.#emit('onRetry', { ...event, error, status, durationMs, delayMs });
      await sleep(delayMs, signal);
    }
  }

  // One attempt as ky would make it (prefix join, query, JSON body with its content type, a
  // timeout until the headers arrive, a custom fetch handed a Request), without its per-call setup.
  #direct(
    req: ApiRequest<z.ZodType>,
    headers: Record<string, string>,
    timeout: number,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    const url = new URL(`${this.config.baseUrl.replace(/\/+$/, '')}/${req.path.replace(/^\/+/, '')}`);
    for (const [k, v] of Object.entries(req.query ?? {}))
      if (v !== undefined) url.searchParams.append(k, String(v));
    const controller = new AbortController();
    const init: RequestInit = { method: req.method, headers, signal: controller.signal };
    if (req.body !== undefined) {
      init.body = JSON.stringify(req.body);
      if (!('content-type' in headers)) init.headers = { ...headers, 'content-type': 'application/json' };
    }
    const custom = this.config.fetch;
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => controller.abort(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      const timer = setTimeout(() => {
        controller.abort();
        reject(
          new APITimeoutError({ method: req.method, path: maskIdShaped(req.path) }, { timeoutMs: timeout }),
        );
      }, timeout);
      const settle = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      try {
        // The global fetch builds its Request itself; a custom one gets a Request, as from ky.
        const pending = custom ? custom(new Request(url, init)) : globalThis.fetch(url, init);
        pending.then(resolve, reject).finally(settle);
      } catch (e) {
        settle();
        reject(e);
      }
    });
  }

  #url(req: ApiRequest<z.ZodType>): string {
    const base = this.config.baseUrl.replace(/\/+$/, '');
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) q.append(k, String(v));
    const qs = q.toString();
    // Hooks feed logs: an ID number typed into a search must not reach them in full.
    return maskIdShaped(`${base}${req.path}${qs ? `?${qs}` : ''}`);
  }

  #headers(
    options: RequestOptions,
    idempotencyKey: string | undefined,
    attempt: number,
  ): Record<string, string> {
    const merged: Record<string, string | undefined> = {
      accept: 'application/json',
      authorization: `Bearer ${this.#key}`,
      ...lower(this.config.defaultHeaders),
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      ...(attempt > 1 ? { 'x-retry-count': String(attempt - 1) } : {}),
      ...lower(options.headers ?? {}),
    };
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(merged)) if (v !== undefined) out[k] = v;
    return out;
  }

  #emit<K extends keyof ClientHooks>(name: K, event: Parameters<NonNullable<ClientHooks[K]>>[0]): void {
    const hook = this.config.hooks[name] as ((e: typeof event) => void) | undefined;
    if (!hook) return;
    try {
      hook(event);
    } catch {
      // Telemetry must never fail the call it observes.
    }
  }
}

function lower(h: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = v;
  return out;
}

// Header names that carry a credential, whatever the integrator added through defaultHeaders.
const CREDENTIAL_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie)$|key|token|secret|session|auth/i;

function redact(headers: Record<string, string>): Record<string, string> {
  return redactHeaders(headers);
}

// 18-character and 15-digit 居民身份证号码 shapes (region, plausible birth date, sequence), valid
// check character or not: a mistyped ID number is still personal data.
const ID_SHAPED =
  /(?<![0-9A-Za-z])(?:\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]|\d{8}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3})(?![0-9A-Za-z])/g;

/**
 * Masks every ID-number-shaped token in `text` (`330***********7745`), for logs and hooks.
 *
 * @example
 * ```ts
 * maskIdShaped('/v1/subjects?q=330106199001017745'); // '/v1/subjects?q=330***********7745'
 * ```
 */
export function maskIdShaped(text: string): string {
  return text.replace(ID_SHAPED, (m) => maskIdCard(m));
}

function requestIdOf(response: Response): string | undefined {
  return response.headers.get('x-request-id') ?? undefined;
}

function parseBody<S extends z.ZodType>(
  text: string,
  schema: S,
  status: number,
  ref: RequestRef,
): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ResponseParseError(status, ref, { cause });
  }
  const result = schema.safeParse(json);
  if (!result.success)
    throw new ResponseValidationError(status, result.error.issues, ref, { cause: result.error });
  return result.data;
}

function apiError(
  response: Response,
  text: string,
  ref: RequestRef,
  retryAfterMs: number | undefined,
): APIError {
  const status = response.status;
  let problem: Problem | undefined;
  let message: string | undefined;
  try {
    const parsed = Problem.safeParse(JSON.parse(text));
    // Servers echo what they were sent; an ID number must not reach logs through an error.
    if (parsed.success) problem = maskProblem(parsed.data);
  } catch {
    // Not JSON (a proxy's HTML page, say): fall back to a snippet of the text.
  }
  if (!problem) {
    const snippet = maskIdShaped(text.replace(/\s+/g, ' ').trim().slice(0, 200));
    if (snippet) message = snippet;
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of response.headers) if (k !== 'set-cookie') headers[k] = v;
  return APIError.generate(status, problem, ref, {
    ...(message ? { message } : {}),
    retryAfterMs,
    headers,
  });
}

function fetchError(
  e: unknown,
  req: ApiRequest<z.ZodType>,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  key: string,
): XinjianError {
  const ref: RequestRef = { method: req.method, path: maskIdShaped(req.path) };
  if (signal?.aborted) return new APIUserAbortError({ cause: signal.reason });
  if (isTimeoutError(e)) return new APITimeoutError(ref, { cause: scrub(e, key), timeoutMs });
  return new APIConnectionError(ref, { cause: scrub(e, key) });
}

function maskProblem(p: Problem): Problem {
  return {
    ...p,
    title: maskIdShaped(p.title),
    message: maskIdShaped(p.message),
    ...(p.detail === undefined ? {} : { detail: maskIdShaped(p.detail) }),
    ...(p.issues === undefined
      ? {}
      : { issues: p.issues.map((i) => ({ path: maskIdShaped(i.path), message: maskIdShaped(i.message) })) }),
  };
}

/**
 * A copy of a fetch failure that cannot hold the API key: name, message and `code`, down the
 * chain of `cause`s, with the key cut out of every message. ky attaches the `Request` (whose
 * headers hold the key) and a custom fetch may throw anything, so nothing else is kept; a cause
 * that is not an Error becomes its (redacted) text.
 */
function scrub(e: unknown, key: string, depth = 0): unknown {
  const clean = (text: string) => (key.length > 0 ? text.replaceAll(key, '***') : text);
  if (depth > 4) return undefined;
  if (typeof e === 'string') return clean(e);
  if (!(e instanceof Error)) {
    if (e === null || typeof e !== 'object') return e;
    let text: string;
    try {
      text = JSON.stringify(e) ?? String(e);
    } catch {
      text = Object.prototype.toString.call(e);
    }
    return clean(text.slice(0, 500));
  }
  const inner = (e as { cause?: unknown }).cause;
  const cause = inner === undefined ? undefined : scrub(inner, key, depth + 1);
  const copy = new Error(clean(e.message), cause === undefined ? undefined : { cause });
  copy.name = e.name;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code });
  copy.stack = clean(copy.stack ?? '');
  return copy;
}

// ky's timeout covers the wait for headers only; the body read gets what is left of it.
async function readText(
  response: Response,
  ms: number,
  ref: RequestRef,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new APITimeoutError(ref, { timeoutMs })), ms);
    if (signal) {
      onAbort = () => reject(new APIUserAbortError({ cause: signal.reason }));
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  const body = response.text();
  try {
    return await Promise.race([body, guard]);
  } catch (e) {
    body.catch(() => undefined);
    response.body?.cancel().catch(() => undefined);
    if (e instanceof APITimeoutError || e instanceof APIUserAbortError) throw e;
    if (signal?.aborted) throw new APIUserAbortError({ cause: signal.reason });
    throw new APIConnectionError(ref, { cause: scrub(e, '') });
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Waits `ms`, or rejects with `APIUserAbortError` as soon as `signal` aborts.
 *
 * @example
 * ```ts
 * await sleep(250, ac.signal);
 * ```
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new APIUserAbortError({ cause: signal.reason }));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError({ cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** @internal */
export const DEFAULTS = {
  timeout: 30_000,
  maxRetries: 2,
  retryPolicy: DEFAULT_RETRY_POLICY,
} as const;

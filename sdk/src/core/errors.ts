/**
 * The SDK's error hierarchy. An HTTP error is chosen by status; a body that does not match
 * its schema is a ResponseValidationError (the request succeeded, the data did not); network,
 * timeout and abort failures have their own classes. Every class sets `name` as an own
 * property, so guards still recognise an error after it crossed a message boundary as a
 * plain object (see {@link serializeError} and {@link reviveError}).
 */
import type { LocalizedText, Problem, ProblemCode } from './schemas.ts';

/**
 * One problem found while validating a response body: the zod issue, or the subset of it
 * that survives serialisation.
 *
 * @example
 * ```ts
 * const issue: ValidationIssue = { code: 'invalid_type', path: ['data', 0, 'id'], message: 'expected string' };
 * ```
 */
export interface ValidationIssue {
  code: string;
  path: PropertyKey[];
  message: string;
}

/**
 * Where a failed call went: method and path (without host or query), and the request id when
 * the server sent one.
 *
 * @example
 * ```ts
 * const where: RequestRef = { method: 'POST', path: '/v1/ratings/batch', requestId: 'req_123' };
 * ```
 */
export interface RequestRef {
  method: string;
  path: string;
  requestId?: string | undefined;
}

const ref = (r: RequestRef): string => `${r.method} ${r.path}${r.requestId ? ` (${r.requestId})` : ''}`;

/**
 * Base class of every error the SDK throws. `cause` keeps the underlying error.
 *
 * @example
 * ```ts
 * try {
 *   await client.account.retrieve();
 * } catch (e) {
 *   if (e instanceof XinjianError) console.log(e.name, e.message);
 * }
 * ```
 */
export class XinjianError extends Error {
  override name: string = 'XinjianError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
  }

  /** A plain, JSON-safe copy: `JSON.stringify(error)` keeps the class name and fields. */
  toJSON(): SerializedError {
    return serializeError(this);
  }
}

/**
 * What an {@link APIError} is built from besides status, problem and request.
 *
 * @example
 * ```ts
 * const options: APIErrorOptions = { retryAfterMs: 1000, headers: { 'retry-after': '1' } };
 * ```
 */
export interface APIErrorOptions {
  cause?: unknown;
  message?: string;
  retryAfterMs?: number | undefined;
  headers?: Record<string, string> | undefined;
}

/**
 * The server answered with a non-2xx status. `status`, `code` (the problem code) and
 * `requestId` say what failed; `problem` is the RFC 9457 body when the server sent one.
 *
 * @example
 * ```ts
 * try {
 *   await client.products.retrieve('no_such_product');
 * } catch (e) {
 *   if (isAPIError(e)) console.log(e.status, e.code, e.requestId); // 404 'not_found' 'req_…'
 * }
 * ```
 */
export class APIError extends XinjianError {
  override name: string = 'APIError';
  readonly status: number;
  readonly code: ProblemCode | null;
  readonly requestId: string | undefined;
  readonly problem: Problem | undefined;
  readonly method: string;
  readonly path: string;
  /** The response headers (lower-case names), e.g. `retry-after`, `ratelimit-remaining`. */
  readonly headers: Record<string, string>;

  constructor(status: number, problem: Problem | undefined, request: RequestRef, options?: APIErrorOptions) {
    const requestId = request.requestId ?? problem?.requestId;
    const code = problem?.code ?? null;
    // A validation problem says which field broke which rule: put that in the message itself.
    const issues = (problem?.issues ?? []).map((i) => `${i.path}: ${i.message}`).join('; ');
    const detail = options?.message ?? [problem?.message, issues].filter(Boolean).join(' — ');
    super(
      `${status} ${code ?? `http_${status}`}: ${ref({ ...request, requestId })}${detail ? ` ${detail}` : ''}`,
      options,
    );
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.problem = problem;
    this.method = request.method;
    this.path = request.path;
    this.headers = { ...(options?.headers ?? {}) };
  }

  /**
   * The subclass for a status (and, for 402, the problem code).
   *
   * @example
   * ```ts
   * const e = APIError.generate(404, undefined, { method: 'GET', path: '/v1/products/x' });
   * e instanceof NotFoundError; // true
   * ```
   */
  static generate(
    status: number,
    problem: Problem | undefined,
    request: RequestRef,
    options?: APIErrorOptions,
  ): APIError {
    switch (status) {
      case 400:
        return new BadRequestError(status, problem, request, options);
      case 401:
        return new AuthenticationError(status, problem, request, options);
      case 402:
        return problem?.code === 'insufficient_credits'
          ? new InsufficientCreditsError(status, problem, request, options)
          : new PaymentRequiredError(status, problem, request, options);
      case 403:
        return new PermissionDeniedError(status, problem, request, options);
      case 404:
        return new NotFoundError(status, problem, request, options);
      case 409:
        return new ConflictError(status, problem, request, options);
      case 422:
        return new UnprocessableEntityError(status, problem, request, options);
      case 429:
        return new RateLimitError(status, problem, request, options);
      default:
        return status >= 500
          ? new InternalServerError(status, problem, request, options)
          : new APIError(status, problem, request, options);
    }
  }
}

/**
 * 400: the request was malformed (`invalid_request`); `problem.issues` names the fields.
 *
 * @example
 * ```ts
 * if (e instanceof BadRequestError) console.log(e.problem?.issues);
 * ```
 */
export class BadRequestError extends APIError {
  override name: string = 'BadRequestError';
}

/**
 * 401: the API key is missing, unknown or revoked.
 *
 * @example
 * ```ts
 * if (e instanceof AuthenticationError) showLogin();
 * ```
 */
export class AuthenticationError extends APIError {
  override name: string = 'AuthenticationError';
}

/**
 * 402: the account cannot pay for this call.
 *
 * @example
 * ```ts
 * if (e instanceof PaymentRequiredError) console.log(e.code);
 * ```
 */
export class PaymentRequiredError extends APIError {
  override name: string = 'PaymentRequiredError';
}

/**
 * 402 `insufficient_credits`: the account has no credits left for this product.
 *
 * @example
 * ```ts
 * if (isInsufficientCreditsError(e)) console.log('充值后再试 / top up and retry');
 * ```
 */
export class InsufficientCreditsError extends PaymentRequiredError {
  override name: string = 'InsufficientCreditsError';
}

/**
 * 403: the key is valid but not allowed to do this (`forbidden`, `not_entitled`).
 *
 * @example
 * ```ts
 * if (e instanceof PermissionDeniedError && e.code === 'not_entitled') console.log('product not in plan');
 * ```
 */
export class PermissionDeniedError extends APIError {
  override name: string = 'PermissionDeniedError';
}

/**
 * 404: no such resource.
 *
 * @example
 * ```ts
 * if (e instanceof NotFoundError) return null;
 * ```
 */
export class NotFoundError extends APIError {
  override name: string = 'NotFoundError';
}

/**
 * 409: the request conflicts with another one, e.g. an idempotency key reused with a
 * different body. Retried automatically, except `idempotency_conflict`, which a retry cannot fix.
 *
 * @example
 * ```ts
 * if (e instanceof ConflictError) console.log(e.code); // 'idempotency_conflict'
 * ```
 */
export class ConflictError extends APIError {
  override name: string = 'ConflictError';
}

/**
 * 422: the request was well-formed but cannot be processed (e.g. `authorization_required`).
 *
 * @example
 * ```ts
 * if (e instanceof UnprocessableEntityError) console.log(e.problem?.message);
 * ```
 */
export class UnprocessableEntityError extends APIError {
  override name: string = 'UnprocessableEntityError';
}

/**
 * 429: too many requests. `retryAfterMs` is the server's `Retry-After`, when it sent one.
 *
 * @example
 * ```ts
 * if (isRateLimitError(e)) setTimeout(retry, e.retryAfterMs ?? 1000);
 * ```
 */
export class RateLimitError extends APIError {
  override name: string = 'RateLimitError';
  readonly retryAfterMs: number | undefined;

  constructor(status: number, problem: Problem | undefined, request: RequestRef, options?: APIErrorOptions) {
    super(status, problem, request, options);
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/**
 * 5xx: the server failed. Retried automatically.
 *
 * @example
 * ```ts
 * if (e instanceof InternalServerError) console.log(e.status); // 500, 502, 503 …
 * ```
 */
export class InternalServerError extends APIError {
  override name: string = 'InternalServerError';
}

/**
 * The request never got an HTTP answer: DNS, refused or dropped connection.
 *
 * @example
 * ```ts
 * if (isAPIConnectionError(e)) console.log('offline?', e.path);
 * ```
 */
export class APIConnectionError extends XinjianError {
  override name: string = 'APIConnectionError';
  readonly method: string;
  readonly path: string;

  constructor(request: RequestRef, options?: { cause?: unknown; message?: string }) {
    super(options?.message ?? `Connection error: ${ref(request)}`, options);
    this.method = request.method;
    this.path = request.path;
  }
}

/**
 * An attempt took longer than `timeout`, or a wait gave up.
 *
 * @example
 * ```ts
 * await client.account.retrieve({ timeout: 2_000 }).catch((e) => {
 *   if (isAPITimeoutError(e)) console.log('slow network');
 * });
 * ```
 */
export class APITimeoutError extends APIConnectionError {
  override name: string = 'APITimeoutError';
  /** The timeout that ran out, in milliseconds, when known. */
  readonly timeoutMs: number | undefined;

  constructor(
    request: RequestRef,
    options?: { cause?: unknown; message?: string; timeoutMs?: number | undefined },
  ) {
    const after = options?.timeoutMs === undefined ? '' : ` after ${options.timeoutMs} ms`;
    super(request, {
      ...options,
      message:
        options?.message ??
        `Request timed out${after}: ${ref(request)}; raise \`timeout\` (per attempt) if the service is slow`,
    });
    this.timeoutMs = options?.timeoutMs;
  }
}

/**
 * The caller aborted the call through its `AbortSignal`. Never retried.
 *
 * @example
 * ```ts
 * const ac = new AbortController();
 * const p = client.ratings.get('91110000600037341L', { signal: ac.signal });
 * ac.abort();
 * await p.catch((e) => isAPIUserAbortError(e)); // true
 * ```
 */
export class APIUserAbortError extends XinjianError {
  override name: string = 'APIUserAbortError';

  constructor(options?: { cause?: unknown; message?: string }) {
    super(options?.message ?? 'Request was aborted.', options);
  }
}

/**
 * The server answered 2xx but the body does not match the API contract. `issues` are the zod
 * issues; `status`, `requestId`, `method` and `path` say which response it was.
 *
 * @example
 * ```ts
 * if (isResponseValidationError(e)) console.log(e.issues.map((i) => i.path.join('.')));
 * ```
 */
export class ResponseValidationError extends XinjianError {
  override name: string = 'ResponseValidationError';
  readonly issues: ValidationIssue[];
  readonly status: number;
  readonly requestId: string | undefined;
  readonly method: string;
  readonly path: string;

  constructor(
    status: number,
    issues: ValidationIssue[],
    request: RequestRef,
    options?: { cause?: unknown; message?: string },
  ) {
    const first = issues[0];
    const summary = first ? ` at ${formatPath(first.path)}: ${first.message}` : '';
    const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
    super(
      options?.message ?? `Response does not match the schema: ${ref(request)}${summary}${more}`,
      options,
    );
    this.issues = issues;
    this.status = status;
    this.requestId = request.requestId;
    this.method = request.method;
    this.path = request.path;
  }
}

/**
 * The server answered 2xx with a body that is not JSON.
 *
 * @example
 * ```ts
 * if (e instanceof ResponseParseError) console.log(e.cause); // the SyntaxError
 * ```
 */
export class ResponseParseError extends ResponseValidationError {
  override name: string = 'ResponseParseError';

  constructor(status: number, request: RequestRef, options?: { cause?: unknown; message?: string }) {
    super(status, [{ code: 'invalid_json', path: [], message: 'body is not valid JSON' }], request, {
      ...options,
      message: options?.message ?? `Response body is not valid JSON: ${ref(request)}`,
    });
  }
}

/**
 * The legal basis cited when a personal lookup lacks consent or purpose.
 *
 * @example
 * ```ts
 * console.log(AUTHORIZATION_LEGAL_BASIS.zh);
 * ```
 */
export const AUTHORIZATION_LEGAL_BASIS: LocalizedText = {
  zh: '《征信业管理条例》第十八条：向征信机构查询个人信息的，应当取得信息主体本人的书面同意并约定用途。',
  en: 'Regulation on the Administration of Credit Investigation Industry, Art. 18: querying a person’s credit information requires their written consent and an agreed purpose.',
};

/**
 * Refused before any request: a personal report was ordered without the subject's written
 * authorization (`authorization.reference`) or without a purpose (征信业管理条例 第18条).
 *
 * @example
 * ```ts
 * try {
 *   await client.reports.order({ productId: 'personal_credit_report', subjectId: '11010519491231002X', purpose: 'housing_fund_loan' });
 * } catch (e) {
 *   if (isAuthorizationRequiredError(e)) console.log(e.missing, e.localized.zh);
 * }
 * ```
 */
export class AuthorizationRequiredError extends XinjianError {
  override name: string = 'AuthorizationRequiredError';
  /** Which inputs were missing. */
  readonly missing: Array<'purpose' | 'authorization.reference'>;
  readonly legalBasis: LocalizedText = AUTHORIZATION_LEGAL_BASIS;
  /** The refusal for people, in both languages. */
  readonly localized: LocalizedText;

  constructor(missing: Array<'purpose' | 'authorization.reference'>, options?: { message?: string }) {
    const zh = `查询个人信用报告须提供${missing.map((m) => (m === 'purpose' ? '查询用途' : '本人书面授权编号')).join('和')}（《征信业管理条例》第十八条）。`;
    const en = `A personal credit report needs ${missing.join(' and ')} (Credit Investigation Regulation, Art. 18).`;
    super(options?.message ?? `${en} ${zh}`);
    this.missing = missing;
    this.localized = { zh, en };
  }
}

/**
 * A report finished in `failed` state; `failure` is the server's reason.
 *
 * @example
 * ```ts
 * await client.reports.waitUntilReady(id).catch((e) => {
 *   if (isReportFailedError(e)) console.log(e.reportId, e.failure.code);
 * });
 * ```
 */
export class ReportFailedError extends XinjianError {
  override name: string = 'ReportFailedError';
  readonly reportId: string;
  readonly failure: { code: string; message: string };

  constructor(reportId: string, failure: { code: string; message: string }) {
    super(`Report ${reportId} failed: ${failure.code} ${failure.message}`);
    this.reportId = reportId;
    this.failure = failure;
  }
}

function formatPath(path: PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

// ---------------------------------------------------------------------------------------------
// Guards: they check `name` and fields, never `instanceof`, so a plain object that crossed
// structured clone or JSON still passes.

type Rec = Record<string, unknown>;
const isRec = (e: unknown): e is Rec => typeof e === 'object' && e !== null;

/**
 * The names of every error class the SDK throws (the keys of the one error table below).
 *
 * @example
 * ```ts
 * const name: XinjianErrorName = 'RateLimitError';
 * ```
 */
export type XinjianErrorName = keyof typeof ERRORS;

const has = (name: string): name is XinjianErrorName => Object.hasOwn(ERRORS, name);

/**
 * True for any SDK error, class instance or serialised copy.
 *
 * @example
 * ```ts
 * isXinjianError(structuredClone(serializeError(e))); // true when e was an SDK error
 * ```
 */
export function isXinjianError(e: unknown): e is XinjianError {
  return isRec(e) && typeof e.name === 'string' && has(e.name) && typeof e.message === 'string';
}

/**
 * True for an HTTP error (any status), instance or serialised copy.
 *
 * @example
 * ```ts
 * if (isAPIError(e)) console.log(e.status, e.code);
 * ```
 */
export function isAPIError(e: unknown): e is APIError {
  return (
    isXinjianError(e) &&
    has(e.name) &&
    'api' in ERRORS[e.name] &&
    typeof (e as unknown as Rec).status === 'number'
  );
}

function apiGuard<T extends APIError>(names: string[], status?: (s: number) => boolean) {
  return (e: unknown): e is T =>
    isAPIError(e) && names.includes(e.name) && (status === undefined || status(e.status));
}

/**
 * True for a 429.
 *
 * @example
 * ```ts
 * if (isRateLimitError(e)) console.log(e.retryAfterMs);
 * ```
 */
export const isRateLimitError: (e: unknown) => e is RateLimitError = apiGuard(
  ['RateLimitError'],
  (s) => s === 429,
);
/**
 * True for a 401.
 *
 * @example
 * ```ts
 * if (isAuthenticationError(e)) console.log('check the API key');
 * ```
 */
export const isAuthenticationError: (e: unknown) => e is AuthenticationError = apiGuard(
  ['AuthenticationError'],
  (s) => s === 401,
);
/**
 * True for a 402 (either class).
 *
 * @example
 * ```ts
 * if (isPaymentRequiredError(e)) console.log(e.code);
 * ```
 */
export const isPaymentRequiredError: (e: unknown) => e is PaymentRequiredError = apiGuard(
  ['PaymentRequiredError', 'InsufficientCreditsError'],
  (s) => s === 402,
);
/**
 * True for a 402 `insufficient_credits`.
 *
 * @example
 * ```ts
 * if (isInsufficientCreditsError(e)) console.log('no credits');
 * ```
 */
export const isInsufficientCreditsError: (e: unknown) => e is InsufficientCreditsError = apiGuard(
  ['InsufficientCreditsError'],
  (s) => s === 402,
);
/**
 * True for a 403.
 *
 * @example
 * ```ts
 * if (isPermissionDeniedError(e)) console.log(e.code);
 * ```
 */
export const isPermissionDeniedError: (e: unknown) => e is PermissionDeniedError = apiGuard(
  ['PermissionDeniedError'],
  (s) => s === 403,
);
/**
 * True for a 404.
 *
 * @example
 * ```ts
 * if (isNotFoundError(e)) return undefined;
 * ```
 */
export const isNotFoundError: (e: unknown) => e is NotFoundError = apiGuard(
  ['NotFoundError'],
  (s) => s === 404,
);
/**
 * True for a 409: an idempotency key reused with another body (`code` `idempotency_conflict`,
 * never retried), or a resource in a conflicting state (`code` `conflict`, retried).
 *
 * @example
 * ```ts
 * if (isConflictError(e) && e.code === 'idempotency_conflict') console.log('use a new Idempotency-Key');
 * ```
 */
export const isConflictError: (e: unknown) => e is ConflictError = apiGuard(
  ['ConflictError'],
  (s) => s === 409,
);
/**
 * True for a 5xx.
 *
 * @example
 * ```ts
 * if (isInternalServerError(e)) console.log(e.status);
 * ```
 */
export const isInternalServerError: (e: unknown) => e is InternalServerError = apiGuard(
  ['InternalServerError'],
  (s) => s >= 500,
);

function namedGuard<T>(names: string[]) {
  return (e: unknown): e is T => isXinjianError(e) && names.includes(e.name);
}

/**
 * True for a connection failure, including timeouts.
 *
 * @example
 * ```ts
 * if (isAPIConnectionError(e)) console.log('network');
 * ```
 */
export const isAPIConnectionError: (e: unknown) => e is APIConnectionError = namedGuard([
  'APIConnectionError',
  'APITimeoutError',
]);
/**
 * True for a timeout.
 *
 * @example
 * ```ts
 * if (isAPITimeoutError(e)) console.log('timed out');
 * ```
 */
export const isAPITimeoutError: (e: unknown) => e is APITimeoutError = namedGuard(['APITimeoutError']);
/**
 * True when the caller aborted.
 *
 * @example
 * ```ts
 * if (isAPIUserAbortError(e)) return; // the user navigated away
 * ```
 */
export const isAPIUserAbortError: (e: unknown) => e is APIUserAbortError = namedGuard(['APIUserAbortError']);
/**
 * True when a 2xx body failed validation or was not JSON.
 *
 * @example
 * ```ts
 * if (isResponseValidationError(e)) console.log(e.issues);
 * ```
 */
export const isResponseValidationError: (e: unknown) => e is ResponseValidationError = namedGuard([
  'ResponseValidationError',
  'ResponseParseError',
]);
/**
 * True for the client-side refusal of a personal lookup without authorization.
 *
 * @example
 * ```ts
 * if (isAuthorizationRequiredError(e)) console.log(e.localized.zh);
 * ```
 */
export const isAuthorizationRequiredError: (e: unknown) => e is AuthorizationRequiredError = namedGuard([
  'AuthorizationRequiredError',
]);
/**
 * True for a report that finished in `failed` state.
 *
 * @example
 * ```ts
 * if (isReportFailedError(e)) console.log(e.failure);
 * ```
 */
export const isReportFailedError: (e: unknown) => e is ReportFailedError = namedGuard(['ReportFailedError']);

/**
 * Whether the SDK would retry after this error: connection errors, timeouts, 408, 409, 429 and
 * 5xx. Never 400, 401, 402, 403, 404 or 422, never an abort or a validation failure.
 *
 * @example
 * ```ts
 * isRetryableError(new InternalServerError(503, undefined, { method: 'GET', path: '/v1/account' })); // true
 * ```
 */
export function isRetryableError(e: unknown): boolean {
  // A reused idempotency key with another body cannot succeed on a retry.
  if (isAPIError(e)) return isRetryableStatus(e.status) && e.code !== 'idempotency_conflict';
  return isAPIConnectionError(e);
}

/**
 * Whether a status is retried: 408, 409, 429 and 5xx.
 *
 * @example
 * ```ts
 * isRetryableStatus(429); // true
 * isRetryableStatus(422); // false
 * ```
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

// ---------------------------------------------------------------------------------------------
// Serialisation for message layers that drop prototypes.

/**
 * A JSON-safe copy of an error: `name`, `message` and the fields of its class.
 *
 * @example
 * ```ts
 * const plain: SerializedError = serializeError(e);
 * chrome.runtime.sendMessage({ type: 'lookup-failed', error: plain });
 * ```
 */
export interface SerializedError {
  name: string;
  message: string;
  status?: number;
  code?: ProblemCode | null;
  requestId?: string;
  method?: string;
  path?: string;
  problem?: Problem;
  retryAfterMs?: number;
  timeoutMs?: number;
  headers?: Record<string, string>;
  issues?: Array<{ code: string; path: Array<string | number>; message: string }>;
  missing?: Array<'purpose' | 'authorization.reference'>;
  localized?: LocalizedText;
  reportId?: string;
  failure?: { code: string; message: string };
  cause?: { name: string; message: string };
}

/**
 * Turns any thrown value into a plain JSON-safe object that {@link reviveError} can restore.
 *
 * @example
 * ```ts
 * const copy = structuredClone(serializeError(e));
 * isRateLimitError(copy); // true when e was a RateLimitError
 * ```
 */
export function serializeError(e: unknown): SerializedError {
  if (!isRec(e)) return { name: 'Error', message: String(e) };
  const out: SerializedError = {
    name: typeof e.name === 'string' ? e.name : 'Error',
    message: typeof e.message === 'string' ? e.message : String(e),
  };
  if (typeof e.status === 'number') out.status = e.status;
  if (typeof e.code === 'string' || e.code === null) out.code = e.code as ProblemCode | null;
  if (typeof e.requestId === 'string') out.requestId = e.requestId;
  if (typeof e.method === 'string') out.method = e.method;
  if (typeof e.path === 'string') out.path = e.path;
  if (isRec(e.problem)) out.problem = JSON.parse(JSON.stringify(e.problem)) as Problem;
  if (typeof e.retryAfterMs === 'number') out.retryAfterMs = e.retryAfterMs;
  if (typeof e.timeoutMs === 'number') out.timeoutMs = e.timeoutMs;
  if (isRec(e.headers))
    out.headers = Object.fromEntries(Object.entries(e.headers).map(([k, v]) => [k, String(v)]));
  if (Array.isArray(e.issues)) {
    out.issues = (e.issues as unknown[]).filter(isRec).map((i) => ({
      code: String(i.code),
      path: Array.isArray(i.path) ? i.path.map((p: unknown) => (typeof p === 'number' ? p : String(p))) : [],
      message: String(i.message),
    }));
  }
  if (Array.isArray(e.missing))
    out.missing = [...(e.missing as Array<'purpose' | 'authorization.reference'>)];
  if (isRec(e.localized)) out.localized = { zh: String(e.localized.zh), en: String(e.localized.en) };
  if (typeof e.reportId === 'string') out.reportId = e.reportId;
  if (isRec(e.failure)) out.failure = { code: String(e.failure.code), message: String(e.failure.message) };
  if (isRec(e.cause)) {
    out.cause = {
      name: typeof e.cause.name === 'string' ? e.cause.name : 'Error',
      message: typeof e.cause.message === 'string' ? e.cause.message : '',
    };
  }
  return out;
}

/**
 * Restores the SDK error class from a {@link serializeError} copy, so `instanceof` works again.
 * The message is kept as sent. Anything that was not an SDK error comes back as a plain `Error`
 * with its name.
 *
 * @example
 * ```ts
 * const e = reviveError(message.error);
 * if (e instanceof RateLimitError) console.log(e.retryAfterMs);
 * ```
 */
export function reviveError(obj: unknown): Error {
  const s = isRec(obj) ? serializeError(obj) : serializeError(new Error(String(obj)));
  const request: RequestRef = { method: s.method ?? '', path: s.path ?? '', requestId: s.requestId };
  const cause = s.cause ? Object.assign(new Error(s.cause.message), { name: s.cause.name }) : undefined;
  const opts = { message: s.message, cause };
  const entry: ErrorEntry | undefined = has(s.name) ? ERRORS[s.name] : undefined;
  let e: Error;
  if (entry?.api && typeof s.status === 'number') {
    e = new entry.api(s.status, s.problem, request, {
      ...opts,
      retryAfterMs: s.retryAfterMs,
      headers: s.headers,
    });
    // A problem-less error still had a code when it was serialised.
    if ((e as APIError).code !== (s.code ?? null)) Object.assign(e, { code: s.code ?? null });
  } else if (entry?.revive) {
    e = entry.revive(s, request, opts);
  } else {
    e = new Error(s.message, cause ? { cause } : undefined);
    e.name = s.name;
  }
  e.message = s.message;
  return e;
}

/**
 * Text for people about an error, in Simplified Chinese and English: what happened and what to
 * do. Works on serialised copies too.
 *
 * @example
 * ```ts
 * describeError(e).zh; // '请求过于频繁，请稍后再试。'
 * ```
 */
export function describeError(e: unknown): LocalizedText {
  const name = isRec(e) && typeof e.name === 'string' ? e.name : '';
  const text = has(name) ? ERRORS[name].describe : UNKNOWN;
  return typeof text === 'function' ? text(isRec(e) ? e : {}) : text;
}

const UNKNOWN: LocalizedText = { zh: '发生未知错误。', en: 'An unexpected error occurred.' };

type APIErrorCtor = new (
  status: number,
  problem: Problem | undefined,
  request: RequestRef,
  options?: APIErrorOptions,
) => APIError;

/** One row of the error table: how to rebuild the class and what to tell people. */
interface ErrorEntry {
  /** An HTTP error class: revived from status, problem and headers; its guards check `status`. */
  api?: APIErrorCtor;
  /** Any other class: rebuilt from its serialised fields. */
  revive?: (
    s: SerializedError,
    request: RequestRef,
    opts: { message: string; cause?: Error | undefined },
  ) => Error;
  describe: LocalizedText | ((e: Rec) => LocalizedText);
}

const INVALID: LocalizedText = {
  zh: '请求无效，请检查输入。',
  en: 'The request is invalid; check the input.',
};
const NO_CREDITS: LocalizedText = {
  zh: '账户额度不足，请充值后再试。',
  en: 'The account has no credits left; top up and try again.',
};
const MALFORMED: LocalizedText = {
  zh: '信用服务返回的数据格式有误，结果不可用。',
  en: 'The credit service sent malformed data; the result is unavailable.',
};

// Every error class the SDK throws, once: the guards, reviveError, describeError and
// XinjianErrorName all read this table.
const ERRORS = {
  XinjianError: {
    revive: (s, _r, opts) => new XinjianError(s.message, { cause: opts.cause }),
    describe: UNKNOWN,
  },
  APIError: { api: APIError, describe: UNKNOWN },
  BadRequestError: {
    api: BadRequestError,
    // The server's own message names the field and the rule; fall back to the generic text.
    describe: (e) => problemText(e) ?? INVALID,
  },
  AuthenticationError: {
    api: AuthenticationError,
    describe: {
      zh: 'API 密钥无效或已吊销，请检查设置。',
      en: 'The API key is invalid or revoked; check the settings.',
    },
  },
  PaymentRequiredError: { api: PaymentRequiredError, describe: NO_CREDITS },
  InsufficientCreditsError: { api: InsufficientCreditsError, describe: NO_CREDITS },
  PermissionDeniedError: {
    api: PermissionDeniedError,
    describe: { zh: '当前账户无权使用该产品。', en: 'This account is not allowed to use this product.' },
  },
  NotFoundError: { api: NotFoundError, describe: { zh: '未找到该记录。', en: 'Not found.' } },
  ConflictError: {
    api: ConflictError,
    describe: { zh: '请求冲突，请稍后重试。', en: 'The request conflicted with another; try again.' },
  },
  UnprocessableEntityError: { api: UnprocessableEntityError, describe: INVALID },
  RateLimitError: {
    api: RateLimitError,
    describe: { zh: '请求过于频繁，请稍后再试。', en: 'Too many requests; try again later.' },
  },
  InternalServerError: {
    api: InternalServerError,
    describe: (e) => {
      const status = typeof e.status === 'number' ? e.status : 500;
      return {
        zh: `信用服务暂时不可用（${status}），请稍后再试。`,
        en: `The credit service is unavailable (${status}); try again later.`,
      };
    },
  },
  APIConnectionError: {
    revive: (_s, request, opts) => new APIConnectionError(request, opts),
    describe: {
      zh: '无法连接信用服务，请检查网络。',
      en: 'Cannot reach the credit service; check the network.',
    },
  },
  APITimeoutError: {
    revive: (s, request, opts) => new APITimeoutError(request, { ...opts, timeoutMs: s.timeoutMs }),
    describe: (e) => {
      const ms = typeof e.timeoutMs === 'number' ? e.timeoutMs : undefined;
      return ms === undefined
        ? { zh: '请求超时，请检查网络后重试。', en: 'The request timed out; check the network and retry.' }
        : {
            zh: `请求超时（${ms} 毫秒），请检查网络后重试。`,
            en: `The request timed out after ${ms} ms; check the network and retry.`,
          };
    },
  },
  APIUserAbortError: {
    revive: (_s, _r, opts) => new APIUserAbortError(opts),
    describe: { zh: '请求已取消。', en: 'The request was cancelled.' },
  },
  ResponseValidationError: {
    revive: (s, request, opts) => new ResponseValidationError(s.status ?? 0, s.issues ?? [], request, opts),
    describe: MALFORMED,
  },
  ResponseParseError: {
    revive: (s, request, opts) => new ResponseParseError(s.status ?? 0, request, opts),
    describe: MALFORMED,
  },
  AuthorizationRequiredError: {
    revive: (s, _r, opts) => new AuthorizationRequiredError(s.missing ?? ['authorization.reference'], opts),
    describe: (e) =>
      isRec(e.localized)
        ? { zh: String(e.localized.zh), en: String(e.localized.en) }
        : { zh: AUTHORIZATION_LEGAL_BASIS.zh, en: AUTHORIZATION_LEGAL_BASIS.en },
  },
  ReportFailedError: {
    revive: (s) => new ReportFailedError(s.reportId ?? '', s.failure ?? { code: 'unknown', message: '' }),
    describe: { zh: '报告生成失败。', en: 'The report could not be produced.' },
  },
} satisfies Record<string, ErrorEntry>;

/** The problem's own bilingual text, when a serialised or live error carries one. */
function problemText(e: Rec): LocalizedText | undefined {
  const p = isRec(e.problem) ? e.problem : undefined;
  if (p === undefined || typeof p.message !== 'string') return undefined;
  return { zh: p.message, en: typeof p.detail === 'string' ? p.detail : p.message };
}

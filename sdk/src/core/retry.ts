/**
 * Retry timing: the server's Retry-After when it sent one (capped), else exponential backoff
 * with jitter. Pure functions, so the schedule can be tested without a clock.
 */
import { isAPIError, isRetryableError } from './errors.ts';

/**
 * How long to wait between attempts.
 *
 * @example
 * ```ts
 * const policy: RetryPolicy = { baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };
 * ```
 */
export interface RetryPolicy {
  /** First backoff delay; doubles each retry. Default 500 ms. */
  baseDelayMs: number;
  /** Largest backoff delay. Default 8 s. */
  maxDelayMs: number;
  /** Largest `Retry-After` honoured; a longer one is cut to this. Default 60 s. */
  maxRetryAfterMs: number;
}

/**
 * The defaults: 0.5 s base, 8 s maximum backoff, Retry-After honoured up to 60 s.
 *
 * @example
 * ```ts
 * retryDelay(2, undefined, DEFAULT_RETRY_POLICY); // 750–1000 ms
 * ```
 */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
});

/**
 * Parses a `Retry-After` value: delay seconds or an HTTP date. Returns milliseconds from `now`,
 * or undefined when the value is missing or unreadable.
 *
 * @example
 * ```ts
 * parseRetryAfter('2'); // 2000
 * parseRetryAfter(new Date(Date.now() + 5_000).toUTCString()); // about 5000
 * ```
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  if (!/[a-z]/i.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The wait before retry number `retry` (1 for the first retry). With a server delay it is that
 * delay capped at `maxRetryAfterMs`, without jitter; otherwise `baseDelayMs × 2^(retry−1)`
 * capped at `maxDelayMs`, reduced by up to 25 % of jitter so clients do not retry in step.
 *
 * @example
 * ```ts
 * retryDelay(1, undefined, DEFAULT_RETRY_POLICY, () => 0); // 500
 * retryDelay(3, undefined, DEFAULT_RETRY_POLICY, () => 0); // 2000
 * retryDelay(1, 90_000, DEFAULT_RETRY_POLICY); // 60000
 * ```
 */
export function retryDelay(
  retry: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(0, retryAfterMs), policy.maxRetryAfterMs);
  const exp = Math.min(policy.baseDelayMs * 2 ** Math.max(0, retry - 1), policy.maxDelayMs);
  return Math.round(exp * (1 - 0.25 * random()));
}

/**
 * Whether the transport retries after this error: what {@link isRetryableError} allows, except
 * a 409 `idempotency_conflict`. That one says the key was already used with another body; the
 * same key and body would get the same answer, so a retry only costs time.
 *
 * @example
 * ```ts
 * shouldRetry(new ConflictError(409, conflictProblem, where)); // false: idempotency_conflict
 * shouldRetry(new ConflictError(409, undefined, where)); // true: a 409 without that code
 * ```
 */
export function shouldRetry(error: unknown): boolean {
  if (isAPIError(error) && error.status === 409 && error.code === 'idempotency_conflict') return false;
  return isRetryableError(error);
}

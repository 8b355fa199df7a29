import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  ResponseValidationError,
  serializeError,
} from './errors.ts';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelay, shouldRetry } from './retry.ts';
import type { Problem } from './schemas.ts';

describe('parseRetryAfter', () => {
  it('reads delay seconds', () => {
    expect(parseRetryAfter('0')).toBe(0);
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(' 120 ')).toBe(120_000);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-11-01T00:00:00Z');
    expect(parseRetryAfter('Sun, 01 Nov 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sat, 31 Oct 2026 23:59:00 GMT', now)).toBe(0);
  });

  it('ignores missing and unreadable values', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('-1')).toBeUndefined();
  });
});

describe('retryDelay', () => {
  const noJitter = () => 0;
  const fullJitter = () => 1;

  it('doubles from 0.5 s up to 8 s', () => {
    expect(
      [1, 2, 3, 4, 5, 6, 7].map((n) => retryDelay(n, undefined, DEFAULT_RETRY_POLICY, noJitter)),
    ).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('jitters down by at most a quarter', () => {
    expect(retryDelay(1, undefined, DEFAULT_RETRY_POLICY, fullJitter)).toBe(375);
    expect(retryDelay(5, undefined, DEFAULT_RETRY_POLICY, fullJitter)).toBe(6000);
  });

  it('honours Retry-After without jitter, up to the cap', () => {
    expect(retryDelay(1, 1000, DEFAULT_RETRY_POLICY, fullJitter)).toBe(1000);
    expect(retryDelay(1, 0, DEFAULT_RETRY_POLICY)).toBe(0);
    expect(retryDelay(1, 90_000, DEFAULT_RETRY_POLICY)).toBe(60_000);
    expect(retryDelay(1, 90_000, { ...DEFAULT_RETRY_POLICY, maxRetryAfterMs: 5_000 })).toBe(5_000);
  });
});

describe('shouldRetry', () => {
  const where = { method: 'POST', path: '/v1/reports' };
  const problem = (code: Problem['code']): Problem => ({
    type: 'about:blank',
    title: 'Conflict',
    status: 409,
    code,
    message: '冲突',
    requestId: 'req_1',
  });

  it('never retries a 409 idempotency_conflict, as an instance or a serialised copy', () => {
    const conflict = new ConflictError(409, problem('idempotency_conflict'), where);
    expect(shouldRetry(conflict)).toBe(false);
    expect(shouldRetry(structuredClone(serializeError(conflict)))).toBe(false);
  });

  it('retries other 409s and everything isRetryableError retries', () => {
    expect(shouldRetry(new ConflictError(409, undefined, where))).toBe(true);
    expect(shouldRetry(new ConflictError(409, problem('invalid_request'), where))).toBe(true);
    expect(shouldRetry(new InternalServerError(503, undefined, where))).toBe(true);
    expect(shouldRetry(new APIConnectionError(where))).toBe(true);
  });

  it('does not retry what isRetryableError refuses', () => {
    expect(shouldRetry(new BadRequestError(400, undefined, where))).toBe(false);
    expect(shouldRetry(new ResponseValidationError(200, [], where))).toBe(false);
    expect(shouldRetry(new Error('boom'))).toBe(false);
  });
});

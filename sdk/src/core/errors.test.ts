import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  AuthorizationRequiredError,
  BadRequestError,
  ConflictError,
  describeError,
  InsufficientCreditsError,
  InternalServerError,
  isAPIConnectionError,
  isAPIError,
  isAPITimeoutError,
  isAuthorizationRequiredError,
  isInsufficientCreditsError,
  isRateLimitError,
  isResponseValidationError,
  isRetryableError,
  isXinjianError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  ReportFailedError,
  ResponseParseError,
  ResponseValidationError,
  reviveError,
  serializeError,
  UnprocessableEntityError,
  XinjianError,
} from './errors.ts';
import type { Problem } from './schemas.ts';

const where = { method: 'POST', path: '/v1/ratings/batch' };
const problem = (status: number, code: Problem['code']): Problem => ({
  type: `https://xinjian.example/problems/${code}`,
  title: 'x',
  status,
  code,
  message: '请求过于频繁',
  requestId: 'req_123',
});

describe('APIError', () => {
  it('formats status, code, method, path, request id, then the server message', () => {
    const e = APIError.generate(429, problem(429, 'rate_limited'), where, { retryAfterMs: 1000 });
    expect(e.message).toBe('429 rate_limited: POST /v1/ratings/batch (req_123) 请求过于频繁');
    expect(e).toMatchObject({ status: 429, code: 'rate_limited', requestId: 'req_123', retryAfterMs: 1000 });
  });

  it('prefers the X-Request-Id header and says http_<status> without a problem body', () => {
    const e = APIError.generate(
      502,
      undefined,
      { ...where, requestId: 'req_hdr' },
      { message: 'Bad Gateway' },
    );
    expect(e.message).toBe('502 http_502: POST /v1/ratings/batch (req_hdr) Bad Gateway');
    expect(e.code).toBeNull();
  });

  it.each([
    [400, 'invalid_request', BadRequestError, 'BadRequestError'],
    [401, 'unauthorized', AuthenticationError, 'AuthenticationError'],
    [402, 'insufficient_credits', InsufficientCreditsError, 'InsufficientCreditsError'],
    [403, 'not_entitled', PermissionDeniedError, 'PermissionDeniedError'],
    [404, 'not_found', NotFoundError, 'NotFoundError'],
    [409, 'idempotency_conflict', ConflictError, 'ConflictError'],
    [422, 'authorization_required', UnprocessableEntityError, 'UnprocessableEntityError'],
    [429, 'rate_limited', RateLimitError, 'RateLimitError'],
    [500, 'internal', InternalServerError, 'InternalServerError'],
    [503, 'unavailable', InternalServerError, 'InternalServerError'],
  ] as const)('maps %i to its class', (status, code, ctor, name) => {
    const e = APIError.generate(status, problem(status, code), where);
    expect(e).toBeInstanceOf(ctor);
    expect(e).toBeInstanceOf(APIError);
    expect(e).toBeInstanceOf(XinjianError);
    expect(e.name).toBe(name);
  });

  it('keeps a 402 with another code a PaymentRequiredError', () => {
    const e = APIError.generate(402, problem(402, 'not_entitled'), where);
    expect(e.name).toBe('PaymentRequiredError');
    expect(e).not.toBeInstanceOf(InsufficientCreditsError);
  });

  it('retries only connection errors, timeouts, 408, 409, 429 and 5xx', () => {
    const retryable = [408, 409, 429, 500, 502, 503, 504].map((s) => APIError.generate(s, undefined, where));
    const final = [400, 401, 402, 403, 404, 422].map((s) => APIError.generate(s, undefined, where));
    expect(retryable.map(isRetryableError)).toEqual(retryable.map(() => true));
    expect(final.map(isRetryableError)).toEqual(final.map(() => false));
    expect(isRetryableError(new APIConnectionError(where))).toBe(true);
    expect(isRetryableError(new APITimeoutError(where))).toBe(true);
    expect(isRetryableError(new APIUserAbortError())).toBe(false);
    expect(isRetryableError(new ResponseValidationError(200, [], where))).toBe(false);
  });
});

describe('guards across a message boundary', () => {
  const samples: XinjianError[] = [
    APIError.generate(429, problem(429, 'rate_limited'), where, { retryAfterMs: 2000 }),
    APIError.generate(402, problem(402, 'insufficient_credits'), where),
    new APITimeoutError(where, { cause: new Error('slow') }),
    new ResponseValidationError(
      200,
      [{ code: 'invalid_type', path: ['data', 0, 'id'], message: 'expected string' }],
      {
        ...where,
        requestId: 'req_9',
      },
    ),
    new ResponseParseError(200, where, { cause: new SyntaxError('Unexpected end of JSON input') }),
    new AuthorizationRequiredError(['authorization.reference']),
    new ReportFailedError('rpt_1', { code: 'source_unavailable', message: '征信中心暂不可用' }),
  ];

  it('a structured clone of the error instance itself loses its class (why serializeError exists)', () => {
    const clone = structuredClone(samples[0]);
    expect(clone?.name).toBe('Error');
    expect(isRateLimitError(clone)).toBe(false);
  });

  it('recognise structuredClone(serializeError(e)) and JSON copies', () => {
    for (const e of samples) {
      for (const copy of [structuredClone(serializeError(e)), JSON.parse(JSON.stringify(e))]) {
        expect(isXinjianError(copy)).toBe(true);
        expect(copy.name).toBe(e.name);
        expect(copy.message).toBe(e.message);
      }
    }
    const [rate, credits, timeout, invalid, parse, auth] = samples.map((e) =>
      structuredClone(serializeError(e)),
    );
    expect(isRateLimitError(rate)).toBe(true);
    expect(isAPIError(rate)).toBe(true);
    expect(rate?.retryAfterMs).toBe(2000);
    expect(isInsufficientCreditsError(credits)).toBe(true);
    expect(isRateLimitError(credits)).toBe(false);
    expect(isAPITimeoutError(timeout)).toBe(true);
    expect(isAPIConnectionError(timeout)).toBe(true);
    expect(isAPIError(timeout)).toBe(false);
    expect(isResponseValidationError(invalid)).toBe(true);
    expect(invalid?.issues).toEqual([
      { code: 'invalid_type', path: ['data', 0, 'id'], message: 'expected string' },
    ]);
    expect(isResponseValidationError(parse)).toBe(true);
    expect(isAuthorizationRequiredError(auth)).toBe(true);
    expect(auth?.missing).toEqual(['authorization.reference']);
  });

  it('reject look-alikes', () => {
    expect(isXinjianError(new Error('x'))).toBe(false);
    expect(isXinjianError({ name: 'RateLimitError' })).toBe(false);
    expect(isRateLimitError({ name: 'RateLimitError', message: 'x', status: 500 })).toBe(false);
    expect(isAPIError({ name: 'NotFoundError', message: 'x' })).toBe(false);
    expect(isXinjianError(null)).toBe(false);
  });

  it('reviveError restores the class and fields', () => {
    for (const e of samples) {
      const revived = reviveError(structuredClone(serializeError(e)));
      expect(revived.constructor).toBe(e.constructor);
      expect(revived.message).toBe(e.message);
      expect(serializeError(revived)).toEqual(serializeError(e));
    }
    const rate = reviveError(serializeError(samples[0]));
    expect(rate).toBeInstanceOf(RateLimitError);
    expect((rate as RateLimitError).requestId).toBe('req_123');
    expect((rate as RateLimitError).problem?.code).toBe('rate_limited');
    const credits = reviveError(serializeError(samples[1]));
    expect(credits).toBeInstanceOf(PaymentRequiredError);
  });

  it('reviveError keeps foreign errors as plain errors', () => {
    const revived = reviveError(serializeError(new TypeError('boom')));
    expect(revived).not.toBeInstanceOf(XinjianError);
    expect(revived.name).toBe('TypeError');
    expect(revived.message).toBe('boom');
  });
});

describe('AuthorizationRequiredError', () => {
  it('cites 征信业管理条例 第十八条 in both languages', () => {
    const e = new AuthorizationRequiredError(['purpose', 'authorization.reference']);
    expect(e.localized.zh).toBe(
      '查询个人信用报告须提供查询用途和本人书面授权编号（《征信业管理条例》第十八条）。',
    );
    expect(e.localized.en).toContain('Art. 18');
    expect(e.legalBasis.zh).toContain('书面同意并约定用途');
    expect(describeError(serializeError(e))).toEqual(e.localized);
  });
});

describe('describeError', () => {
  it('gives people text in zh-CN and English', () => {
    expect(describeError(APIError.generate(429, undefined, where))).toEqual({
      zh: '请求过于频繁，请稍后再试。',
      en: 'Too many requests; try again later.',
    });
    expect(describeError(new Error('x')).zh).toBe('发生未知错误。');
  });
});

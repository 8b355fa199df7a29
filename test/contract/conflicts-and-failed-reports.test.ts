/**
 * Contract: a 409 that is not an idempotency conflict (`X-Mock-Fault: conflict:<reason>`), and a
 * report that fails (the `magic:report-failed` subject), both as the SDK meets them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  faultHeaders,
  magicSubject,
  parseFaultScript,
  REPORT_FAILED_TAG,
  type RunningMockServer,
} from '../../mock-server/src/index.ts';
import { createClient } from '../../sdk/src/client.ts';
import { ConflictError, isConflictError, isReportFailedError } from '../../sdk/src/core/errors.ts';
import { DomainList } from '../../sdk/src/resources/domains.ts';
import { BatchRatingsResponse } from '../../sdk/src/resources/ratings.ts';
import { Report } from '../../sdk/src/resources/reports.ts';
import { seeds } from '../../seeds/index.ts';
import { call, DEMO_API_KEY, expectJson, expectProblem, idempotencyKey, startServer } from './support.ts';

let server: RunningMockServer;
beforeAll(async () => {
  server = await startServer({ reportDelayMs: 0 });
});
afterAll(() => server.close());
beforeEach(async () => {
  await fetch(`${server.url}/__mock/reset`, { method: 'POST' });
});

const client = (headers: Record<string, string> = {}) =>
  createClient({
    baseUrl: server.url,
    apiKey: DEMO_API_KEY,
    retryBaseDelayMs: 5,
    retryMaxDelayMs: 20,
    maxRetries: 2,
    defaultHeaders: headers,
  });

describe('X-Mock-Fault conflict:<reason>', () => {
  it('answers 409 with code conflict and the reason, not idempotency_conflict', async () => {
    const response = await call(server.url, '/v1/domains', {
      headers: faultHeaders('conflict:report_in_progress', crypto.randomUUID()),
    });
    const problem = await expectProblem(response, 409, 'conflict');
    expect(problem.message).toContain('report_in_progress');
  });

  it('conflict:<reason>,ok recovers on the next request of the same script', async () => {
    const headers = faultHeaders('conflict:busy,ok', crypto.randomUUID());
    await expectProblem(await call(server.url, '/v1/domains', { headers }), 409, 'conflict');
    await expectJson(await call(server.url, '/v1/domains', { headers }), 200, DomainList);
  });

  it('the SDK retries such a 409 and succeeds; a lasting one surfaces as a ConflictError', async () => {
    const domains = await client(faultHeaders('conflict:busy,ok', crypto.randomUUID())).domains.list();
    expect(domains.data.length).toBeGreaterThan(0);
    const error = await client(faultHeaders('conflict:locked', crypto.randomUUID()))
      .domains.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(isConflictError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'ConflictError', status: 409, code: 'conflict' });
  });

  it('rejects a reason outside [a-z0-9_-]{1,64}', () => {
    expect(parseFaultScript('conflict:').ok).toBe(false);
    expect(parseFaultScript(`conflict:${'x'.repeat(65)}`).ok).toBe(false);
    expect(parseFaultScript('conflict:a b').ok).toBe(false);
    expect(parseFaultScript('conflict:busy').ok).toBe(true);
  });
});

describe('magic:report-failed', () => {
  const uscc = magicSubject(REPORT_FAILED_TAG);

  it('answers ratings normally', async () => {
    const batch = await expectJson(
      await call(server.url, '/v1/ratings/batch', { body: { ids: [uscc] } }),
      200,
      BatchRatingsResponse,
    );
    expect(batch.data[0]?.status).toBe('found');
  });

  it('accepts the order (202) and reports it failed, on order and on retrieve', async () => {
    const body = { productId: 'enterprise_credit_report', subjectId: uscc, purpose: 'credit_lending' };
    const ordered = await expectJson(
      await call(server.url, '/v1/reports', {
        body,
        headers: { 'idempotency-key': idempotencyKey('failed') },
      }),
      202,
      Report,
    );
    expect(ordered.status).toBe('failed');
    const again = await expectJson(await call(server.url, `/v1/reports/${ordered.id}`), 200, Report);
    expect(again).toMatchObject({ status: 'failed', failure: { code: 'source_unavailable' } });
  });

  it('the SDK raises ReportFailedError with the report id and failure', async () => {
    const error = await client()
      .reports.orderAndWait({
        productId: 'enterprise_credit_report',
        subjectId: uscc,
        purpose: 'credit_lending',
      })
      .catch((e: unknown) => e);
    expect(isReportFailedError(error)).toBe(true);
    expect(error).toMatchObject({
      failure: { code: 'source_unavailable' },
      reportId: expect.stringMatching(/^rpt_/),
    });
  });
});

describe('SME credit ratings', () => {
  it('the catalog offers the SME rating product for 信贷, and a batch serves the grade with its filed issuer', async () => {
    const products = await client().products.list({ domain: 'credit_lending' }).toArray();
    const sme = products.find((p) => p.id === 'sme_credit_rating');
    expect(sme?.ratingScales).toEqual(['sme_credit']);
    expect(sme?.provider.filingNo).toMatch(/备/);
    const [item] = await client().ratings.lookup([
      seeds.enterprises.find((e) => e.tags.includes('edge:sme-BB'))?.subject.uscc ?? '',
    ]);
    const grade =
      item?.status === 'found' ? item.summary.grades.find((g) => g.scale === 'sme_credit') : undefined;
    expect(grade).toMatchObject({
      value: 'BB',
      issuer: { kind: 'rating_agency', filingNo: expect.stringMatching(/备/) },
    });
  });
});

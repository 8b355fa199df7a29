/**
 * Reports against the real mock server: ordering, polling, the client-side authorization rule
 * (征信业管理条例 第18条) and the errors the mock answers for bad orders.
 */
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { seeds } from '../../../seeds/index.ts';
import type { WithRequestId } from '../core/api-promise.ts';
import {
  APITimeoutError,
  APIUserAbortError,
  AuthorizationRequiredError,
  ConflictError,
  InsufficientCreditsError,
  isAuthorizationRequiredError,
  NotFoundError,
  PermissionDeniedError,
  ReportFailedError,
  UnprocessableEntityError,
} from '../core/errors.ts';
import { useMockHarness } from '../test-utils/mock-api.ts';
import type { ReadyReport, Report } from './reports.ts';

const mock = useMockHarness({ reportDelayMs: 0 });
beforeEach(async () => {
  await mock.config({ reportDelayMs: 0 });
});

const product = (id: string) => {
  const p = seeds.products.find((x) => x.id === id);
  if (!p) throw new Error(`no product ${id} in the seeds`);
  return p;
};
const enterpriseProduct = product('creditchina_public_report');
const personalProduct = product('personal_credit_report');
const enterprise = seeds.enterprises.find((e) => !e.tags.some((t) => t.startsWith('magic:')));
const individual = seeds.individuals[0];
if (!enterprise || !individual) throw new Error('the seeds need an enterprise and an individual');
const purpose = enterpriseProduct.domains[0] ?? 'government_procurement';
const personalPurpose = personalProduct.domains.includes('housing_fund_loan')
  ? 'housing_fund_loan'
  : (personalProduct.domains[0] ?? 'credit_lending');
const authorization = { reference: 'AUTH-2026-0001', grantedAt: '2026-10-30' };
const reportRequests = async () => (await mock.journal()).filter((e) => e.path.startsWith('/v1/reports'));

describe('reports.order and retrieve', () => {
  it('orders an enterprise report and reads it back', async () => {
    const client = mock.client();
    const ordered = await client.reports.order({
      productId: enterpriseProduct.id,
      subjectId: enterprise.subject.uscc,
      purpose,
    });
    expect(ordered).toMatchObject({
      productId: enterpriseProduct.id,
      purpose,
      subjectRef: enterprise.subject.uscc,
    });
    const read = await client.reports.retrieve(ordered.id);
    expect(read.id).toBe(ordered.id);
    expect(read.status).toBe('ready');
    if (read.status !== 'ready' || read.content.subjectType !== 'enterprise')
      throw new Error('expected enterprise');
    expect(read.content.subject.uscc).toBe(enterprise.subject.uscc);
  });

  it('an order retried after a lost response creates one report (same Idempotency-Key)', async () => {
    const client = mock.client();
    const report = await client.reports.order(
      { productId: enterpriseProduct.id, subjectId: enterprise.subject.uscc, purpose },
      { headers: { 'X-Mock-Fault': 'drop,ok', 'X-Mock-Fault-Id': 'reports-drop' } },
    );
    const posts = (await reportRequests()).filter((e) => e.method === 'POST');
    expect(posts.map((e) => e.status)).toEqual([0, 200]);
    expect(posts[1]?.headers['idempotency-key']).toBe(posts[0]?.headers['idempotency-key']);
    // The replay answers with the report the dropped request created.
    expect(report.id).toBe('rpt_000001');
    const state = (await (await fetch(`${mock.url}/__mock/state`)).json()) as { reports: unknown[] };
    expect(state.reports.length).toBe(1);
  });

  it('404 for an unknown report', async () => {
    await expect(mock.client().reports.retrieve('rpt_999999')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('409 when an idempotency key is reused with another body (not retried)', async () => {
    const client = mock.client();
    await client.reports.order(
      { productId: enterpriseProduct.id, subjectId: enterprise.subject.uscc, purpose },
      { idempotencyKey: 'order-1' },
    );
    const other = seeds.enterprises.find(
      (e) => e !== enterprise && !e.tags.some((t) => t.startsWith('magic:')),
    );
    const error = await client.reports
      .order(
        { productId: enterpriseProduct.id, subjectId: other?.subject.uscc ?? '', purpose },
        { idempotencyKey: 'order-1' },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).code).toBe('idempotency_conflict');
    expect((await reportRequests()).map((e) => e.status)).toEqual([202, 409]);
  });

  it('422 for a purpose the product does not serve', async () => {
    const wrong = seeds.domains.map((d) => d.id).find((d) => !enterpriseProduct.domains.includes(d));
    if (!wrong) throw new Error('the product serves every domain');
    const error = await mock
      .client()
      .reports.order({ productId: enterpriseProduct.id, subjectId: enterprise.subject.uscc, purpose: wrong })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((await reportRequests()).length).toBe(1);
  });

  it('402 for an account without credits', async () => {
    const paid = seeds.products.find((p) => p.subjectType === 'enterprise' && p.priceCredits > 0);
    if (!paid) throw new Error('no paid enterprise product in the seeds');
    const error = await mock
      .client({ apiKey: 'xj_test_no_credits' })
      .reports.order({
        productId: paid.id,
        subjectId: enterprise.subject.uscc,
        purpose: paid.domains[0] ?? purpose,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientCreditsError);
    expect((error as InsufficientCreditsError).status).toBe(402);
    expect((await reportRequests()).length).toBe(1);
  });

  it('403 for a product outside the plan', async () => {
    const error = await mock
      .client({ apiKey: 'xj_test_enterprise_only' })
      .reports.order({
        productId: personalProduct.id,
        subjectId: individual.idNumber,
        purpose: personalPurpose,
        authorization,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).code).toBe('not_entitled');
    expect((await reportRequests()).length).toBe(1);
  });
});

describe('personal reports need authorization and purpose (征信业管理条例 第18条)', () => {
  it('refuses an ID-number subject without authorization, before any request', async () => {
    const client = mock.client();
    const error = await client.reports
      .order({ productId: personalProduct.id, subjectId: individual.idNumber, purpose: personalPurpose })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthorizationRequiredError);
    const e = error as AuthorizationRequiredError;
    expect(e.missing).toEqual(['authorization.reference']);
    expect(e.message).toContain('Art. 18');
    expect(e.localized.zh).toContain('《征信业管理条例》第十八条');
    expect(isAuthorizationRequiredError(structuredClone(e.toJSON()))).toBe(true);
    expect(await mock.journal()).toEqual([]);
  });

  it('refuses a missing purpose and a blank reference too', async () => {
    const client = mock.client();
    const error = await client.reports
      .order({
        productId: personalProduct.id,
        subjectId: individual.idNumber,
        authorization: { reference: '  ', grantedAt: '2026-10-30' },
      })
      .catch((e: unknown) => e);
    expect((error as AuthorizationRequiredError).missing).toEqual(['purpose', 'authorization.reference']);
    expect(await mock.journal()).toEqual([]);
  });

  it('refuses a product it knows is personal, whatever the subject id looks like', async () => {
    const client = mock.client();
    await client.products.retrieve(personalProduct.id);
    await mock.reset();
    await expect(
      client.reports.order({
        productId: personalProduct.id,
        subjectId: 'A-MASKED-OR-TYPO',
        purpose: personalPurpose,
      }),
    ).rejects.toBeInstanceOf(AuthorizationRequiredError);
    expect(await mock.journal()).toEqual([]);
    // A derived client knows what its parent learnt.
    await expect(
      client
        .withOptions({ timeout: 1_000 })
        .reports.order({ productId: personalProduct.id, subjectId: 'X', purpose: personalPurpose }),
    ).rejects.toBeInstanceOf(AuthorizationRequiredError);
  });

  it('orders with authorization and purpose, and the report masks the ID number', async () => {
    const report = await mock.client().reports.orderAndWait(
      {
        productId: personalProduct.id,
        subjectId: individual.idNumber,
        purpose: personalPurpose,
        authorization,
      },
      { pollIntervalMs: 10 },
    );
    if (report.content.subjectType !== 'individual') throw new Error('expected an individual report');
    expect(report.content.subject.idNumberMasked).not.toContain(individual.idNumber.slice(6, 14));
    expect(report.subjectRef).not.toBe(individual.idNumber);
  });
});

describe('reports.waitUntilReady', () => {
  it('polls until the report is ready', async () => {
    await mock.config({ reportDelayMs: 250 });
    const client = mock.client();
    const pending = await client.reports.order({
      productId: enterpriseProduct.id,
      subjectId: enterprise.subject.uscc,
      purpose,
    });
    expect(pending.status).toBe('pending');
    const ready = await client.reports.waitUntilReady(pending.id, { pollIntervalMs: 50 });
    expect(ready.status).toBe('ready');
    expect(ready.id).toBe(pending.id);
    const polls = (await reportRequests()).filter((e) => e.method === 'GET');
    expect(polls.length).toBeGreaterThanOrEqual(3);
    expect(polls.length).toBeLessThan(15);
  });

  it('orderAndWait orders once and polls', async () => {
    await mock.config({ reportDelayMs: 100 });
    const ready = await mock
      .client()
      .reports.orderAndWait(
        { productId: enterpriseProduct.id, subjectId: enterprise.subject.uscc, purpose },
        { pollIntervalMs: 20 },
      );
    expect(ready.status).toBe('ready');
    const requests = await reportRequests();
    expect(requests.filter((e) => e.method === 'POST').length).toBe(1);
    expect(requests.filter((e) => e.method === 'GET').length).toBeGreaterThanOrEqual(1);
    expect(
      requests.filter((e) => e.method === 'GET').every((e) => e.headers['idempotency-key'] === undefined),
    ).toBe(true);
  });

  it('gives up after timeoutMs with APITimeoutError', async () => {
    await mock.config({ reportDelayMs: 60_000 });
    const client = mock.client();
    const pending = await client.reports.order({
      productId: enterpriseProduct.id,
      subjectId: enterprise.subject.uscc,
      purpose,
    });
    const error = await client.reports
      .waitUntilReady(pending.id, { pollIntervalMs: 20, timeoutMs: 150 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as APITimeoutError).message).toBe(
      `Report ${pending.id} was not ready after 150 ms: GET /v1/reports/${pending.id}`,
    );
  });

  it('stops when its signal aborts', async () => {
    await mock.config({ reportDelayMs: 60_000 });
    const client = mock.client();
    const pending = await client.reports.order({
      productId: enterpriseProduct.id,
      subjectId: enterprise.subject.uscc,
      purpose,
    });
    const ac = new AbortController();
    const waiting = client.reports.waitUntilReady(pending.id, { signal: ac.signal, pollIntervalMs: 5_000 });
    setTimeout(() => ac.abort(), 50);
    await expect(waiting).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('rejects with ReportFailedError when the report fails', async () => {
    // The mock never fails a report: turn its real answer into a failed one on the way in.
    const failing: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (!/^\/v1\/reports\/rpt_/.test(url.pathname) || !response.ok) return response;
      const report = (await response.json()) as Report;
      const failed = {
        id: report.id,
        productId: report.productId,
        purpose: report.purpose,
        createdAt: report.createdAt,
        subjectRef: report.subjectRef,
        status: 'failed',
        failedAt: report.createdAt,
        failure: { code: 'source_unavailable', message: '信用中国暂不可用' },
      };
      return new Response(JSON.stringify(failed), { status: 200, headers: response.headers });
    };
    const client = mock.client({ fetch: failing });
    const pending = await client.reports.order({
      productId: enterpriseProduct.id,
      subjectId: enterprise.subject.uscc,
      purpose,
    });
    const error = await client.reports.waitUntilReady(pending.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportFailedError);
    expect((error as ReportFailedError).failure).toEqual({
      code: 'source_unavailable',
      message: '信用中国暂不可用',
    });
    expect((error as ReportFailedError).message).toBe(
      `Report ${pending.id} failed: source_unavailable 信用中国暂不可用`,
    );
  });
});

describe('types', () => {
  it('resolve to the schema types', () => {
    const client = mock.client();
    expectTypeOf(client.reports.order).returns.resolves.toEqualTypeOf<WithRequestId<Report>>();
    expectTypeOf(client.reports.waitUntilReady).returns.resolves.toEqualTypeOf<WithRequestId<ReadyReport>>();
    expectTypeOf(client.reports.orderAndWait).returns.resolves.toEqualTypeOf<WithRequestId<ReadyReport>>();
  });
});

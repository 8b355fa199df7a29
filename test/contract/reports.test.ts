/**
 * Contract: report orders (`POST /v1/reports`) and reads (`GET /v1/reports/{id}`) over the real
 * HTTP server: async readiness, idempotency, entitlement, authorization, purpose and credits.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningMockServer } from '../../mock-server/src/index.ts';
import { maskIdCard } from '../../sdk/src/identifiers/index.ts';
import { Account } from '../../sdk/src/resources/account.ts';
import { Report } from '../../sdk/src/resources/reports.ts';
import { ENTERPRISE_ONLY_API_KEY, NO_CREDITS_API_KEY, seeds } from '../../seeds/index.ts';
import { call, DEMO_API_KEY, expectJson, expectProblem, idempotencyKey, startServer } from './support.ts';

let server: RunningMockServer;
beforeAll(async () => {
  server = await startServer({ reportDelayMs: 300 });
});
afterAll(() => server.close());
beforeEach(async () => {
  await fetch(`${server.url}/__mock/reset`, { method: 'POST' });
});

const FIXED_NOW = '2026-11-02T09:00:00.000Z';

async function setClock(body: { now?: string | null; advanceMs?: number }) {
  const response = await fetch(`${server.url}/__mock/clock`, { method: 'PUT', body: JSON.stringify(body) });
  expect(response.status).toBe(200);
}

const plain = seeds.enterprises.filter((e) => !e.tags.some((t) => t.startsWith('magic:')));
const enterprise = plain.find((e) => e.records.length > 0) ?? plain[0];
const person = seeds.individuals.find((i) => i.content.creditAccounts.length > 0) ?? seeds.individuals[0];
const product = (id: string) => {
  const p = seeds.products.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no product ${id} in the seed`);
  return p;
};
const enterpriseReport = product('enterprise_credit_report');
const personalReport = product('personal_credit_report');
const authorization = { reference: 'AUTH-2026-0001', grantedAt: '2026-10-30' };

function order(body: unknown, options: { key?: string; idempotency?: string | null } = {}) {
  const { key = DEMO_API_KEY, idempotency = idempotencyKey('order') } = options;
  return call(server.url, '/v1/reports', {
    key,
    body,
    headers: idempotency === null ? {} : { 'idempotency-key': idempotency },
  });
}

async function credits(key = DEMO_API_KEY): Promise<number> {
  const account = await expectJson(await call(server.url, '/v1/account', { key }), 200, Account);
  return account.credits.remaining;
}

describe('POST /v1/reports then GET /v1/reports/{id}', () => {
  it('answers 202 pending, and the report turns ready once the delay has passed on the clock', async () => {
    if (enterprise === undefined) throw new Error('no enterprise');
    await setClock({ now: FIXED_NOW });
    const body = {
      productId: enterpriseReport.id,
      subjectId: enterprise.subject.uscc,
      purpose: 'government_procurement',
    };
    const response = await order(body);
    const pending = await expectJson(response, 202, Report);
    expect(pending).toMatchObject({
      status: 'pending',
      productId: enterpriseReport.id,
      subjectRef: enterprise.subject.uscc,
    });
    expect(pending.createdAt).toBe(FIXED_NOW);
    expect(response.headers.get('location')).toBe(`/v1/reports/${pending.id}`);

    const stillPending = await expectJson(await call(server.url, `/v1/reports/${pending.id}`), 200, Report);
    expect(stillPending.status).toBe('pending');

    await setClock({ advanceMs: 299 });
    expect((await expectJson(await call(server.url, `/v1/reports/${pending.id}`), 200, Report)).status).toBe(
      'pending',
    );
    await setClock({ advanceMs: 1 });
    const ready = await expectJson(await call(server.url, `/v1/reports/${pending.id}`), 200, Report);
    if (ready.status !== 'ready' || ready.content.subjectType !== 'enterprise')
      throw new Error('expected a ready enterprise report');
    expect(ready.readyAt).toBe('2026-11-02T09:00:00.300Z');
    expect(ready.content.subject).toEqual(enterprise.subject);
    // The content covers the product's record categories and rating scales only.
    const categories = new Set<string>(enterpriseReport.recordCategories);
    const scales = new Set<string>(enterpriseReport.ratingScales);
    expect(ready.content.records.map((r) => r.id)).toEqual(
      enterprise.records.filter((r) => categories.has(r.category)).map((r) => r.id),
    );
    expect(ready.content.grades).toEqual(enterprise.grades.filter((g) => scales.has(g.scale)));
  });

  it('turns ready in real time too', async () => {
    if (enterprise === undefined) throw new Error('no enterprise');
    const pending = await expectJson(
      await order({
        productId: 'tax_credit_grade',
        subjectId: enterprise.subject.uscc,
        purpose: 'government_procurement',
      }),
      202,
      Report,
    );
    expect(pending.status).toBe('pending');
    await vi.waitFor(
      async () => {
        const r = await expectJson(await call(server.url, `/v1/reports/${pending.id}`), 200, Report);
        expect(r.status).toBe('ready');
      },
      { timeout: 3000, interval: 50 },
    );
  });

  it('orders a personal report with authorization and never returns the full ID number', async () => {
    if (person === undefined) throw new Error('no individual');
    await setClock({ now: FIXED_NOW });
    const pending = await expectJson(
      await order({
        productId: personalReport.id,
        subjectId: person.idNumber,
        purpose: 'housing_fund_loan',
        authorization,
      }),
      202,
      Report,
    );
    expect(pending.subjectRef).toBe(maskIdCard(person.idNumber));
    await setClock({ advanceMs: 300 });
    const response = await call(server.url, `/v1/reports/${pending.id}`);
    const text = await response.clone().text();
    expect(text).not.toContain(person.idNumber);
    const ready = await expectJson(response, 200, Report);
    if (ready.status !== 'ready' || ready.content.subjectType !== 'individual')
      throw new Error('expected an individual report');
    expect(ready.content.subject).toEqual(person.content.subject);
    expect(ready.content.creditAccounts).toEqual(person.content.creditAccounts);
    // Purpose limitation: a credit report carries no housing-fund deposits.
    expect(ready.content.housingFund).toBeNull();
  });

  it('422s a personal order without authorization, or for a purpose outside the product', async () => {
    if (person === undefined) throw new Error('no individual');
    await expectProblem(
      await order({ productId: personalReport.id, subjectId: person.idNumber, purpose: 'housing_fund_loan' }),
      422,
      'authorization_required',
    );
    const outside = 'government_procurement';
    expect(personalReport.domains).not.toContain(outside);
    const problem = await expectProblem(
      await order({
        productId: personalReport.id,
        subjectId: person.idNumber,
        purpose: outside,
        authorization,
      }),
      422,
      'unprocessable',
    );
    expect(problem.message).toContain(outside);
  });

  it("takes the authorization's date as a day in China, and 422s one after China's today", async () => {
    if (person === undefined) throw new Error('no individual');
    // 16:30 UTC on 2 November is 00:30 on 3 November in China: a subject who signed that
    // morning signed today, though the UTC calendar still says the 2nd.
    await setClock({ now: '2026-11-02T16:30:00.000Z' });
    const signedToday = { reference: 'AUTH-2026-0002', grantedAt: '2026-11-03' };
    await expectJson(
      await order({
        productId: personalReport.id,
        subjectId: person.idNumber,
        purpose: 'credit_lending',
        authorization: signedToday,
      }),
      202,
      Report,
    );
    const problem = await expectProblem(
      await order({
        productId: personalReport.id,
        subjectId: person.idNumber,
        purpose: 'credit_lending',
        authorization: { reference: 'AUTH-2026-0003', grantedAt: '2026-11-04' },
      }),
      422,
      'unprocessable',
    );
    expect(problem.message).toBe('授权日期晚于今天');
  });

  it('422s a subject of the wrong kind for the product', async () => {
    if (person === undefined || enterprise === undefined) throw new Error('seed incomplete');
    await expectProblem(
      await order({
        productId: enterpriseReport.id,
        subjectId: person.idNumber,
        purpose: 'government_procurement',
      }),
      422,
      'unprocessable',
    );
    await expectProblem(
      await order({
        productId: personalReport.id,
        subjectId: enterprise.subject.uscc,
        purpose: 'housing_fund_loan',
        authorization,
      }),
      422,
      'unprocessable',
    );
  });

  it('404s an unknown product and an unknown report; a key reads only its own reports', async () => {
    if (enterprise === undefined) throw new Error('no enterprise');
    await expectProblem(
      await order({ productId: 'no_such_product', subjectId: enterprise.subject.uscc, purpose: 'tendering' }),
      404,
      'not_found',
    );
    await expectProblem(await call(server.url, '/v1/reports/rpt_999999'), 404, 'not_found');

    const mine = await expectJson(
      await order({
        productId: 'tax_credit_grade',
        subjectId: enterprise.subject.uscc,
        purpose: 'government_procurement',
      }),
      202,
      Report,
    );
    await expectProblem(
      await call(server.url, `/v1/reports/${mine.id}`, { key: ENTERPRISE_ONLY_API_KEY }),
      404,
      'not_found',
    );
  });

  it('403s a product the key is not entitled to', async () => {
    if (person === undefined) throw new Error('no individual');
    await expectProblem(
      await order(
        {
          productId: personalReport.id,
          subjectId: person.idNumber,
          purpose: 'housing_fund_loan',
          authorization,
        },
        { key: ENTERPRISE_ONLY_API_KEY },
      ),
      403,
      'not_entitled',
    );
  });

  it('400s a body that fails the ReportOrder schema', async () => {
    const problem = await expectProblem(
      await order({ productId: 'x', purpose: 'shopping' }),
      400,
      'invalid_request',
    );
    expect(problem.issues?.map((i) => i.path).sort()).toEqual(['body.purpose', 'body.subjectId']);
  });
});

describe('idempotency', () => {
  it('400s an order without Idempotency-Key', async () => {
    if (enterprise === undefined) throw new Error('no enterprise');
    const problem = await expectProblem(
      await order(
        {
          productId: 'tax_credit_grade',
          subjectId: enterprise.subject.uscc,
          purpose: 'government_procurement',
        },
        { idempotency: null },
      ),
      400,
      'invalid_request',
    );
    expect(problem.issues?.map((i) => i.path)).toEqual(['header.Idempotency-Key']);
  });

  it('replays the same report for the same key and body, debiting once', async () => {
    if (enterprise === undefined) throw new Error('no enterprise');
    const before = await credits();
    const key = idempotencyKey('replay');
    const body = {
      productId: enterpriseReport.id,
      subjectId: enterprise.subject.uscc,
      purpose: 'government_procurement',
    };
    const first = await order(body, { idempotency: key });
    const created = await expectJson(first, 202, Report);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const again = await order(
      { purpose: body.purpose, subjectId: body.subjectId, productId: body.productId },
      { idempotency: key },
    );
    const replayed = await expectJson(again, 200, Report);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.id).toBe(created.id);
    expect(await credits()).toBe(before - enterpriseReport.priceCredits);
  });

  it('409s the same key with a different body', async () => {
    if (enterprise === undefined) throw new Error('no enterprise');
    const key = idempotencyKey('conflict');
    const body = {
      productId: 'tax_credit_grade',
      subjectId: enterprise.subject.uscc,
      purpose: 'government_procurement',
    };
    await expectJson(await order(body, { idempotency: key }), 202, Report);
    await expectProblem(
      await order({ ...body, purpose: 'tendering' }, { idempotency: key }),
      409,
      'idempotency_conflict',
    );
  });
});

describe('credits', () => {
  it('402s an account with no credits', async () => {
    if (enterprise === undefined) throw new Error('no enterprise');
    await expectProblem(
      await order(
        {
          productId: 'tax_credit_grade',
          subjectId: enterprise.subject.uscc,
          purpose: 'government_procurement',
        },
        { key: NO_CREDITS_API_KEY },
      ),
      402,
      'insufficient_credits',
    );
  });

  it('debits each order and 402s once the credits run out', async () => {
    if (enterprise === undefined) throw new Error('no enterprise');
    const priciest = [...seeds.products]
      .filter((p) => p.subjectType === 'enterprise' && p.priceCredits > 0)
      .sort((a, b) => b.priceCredits - a.priceCredits)[0];
    if (priciest === undefined) throw new Error('no paid enterprise product');
    const start = await credits(ENTERPRISE_ONLY_API_KEY);
    const affordable = Math.floor(start / priciest.priceCredits);
    const body = { productId: priciest.id, subjectId: enterprise.subject.uscc, purpose: priciest.domains[0] };
    for (let i = 0; i < affordable; i++) {
      const response = await order(body, { key: ENTERPRISE_ONLY_API_KEY });
      expect(response.status).toBe(202);
      await response.body?.cancel();
    }
    expect(await credits(ENTERPRISE_ONLY_API_KEY)).toBe(start - affordable * priciest.priceCredits);
    const problem = await expectProblem(
      await order(body, { key: ENTERPRISE_ONLY_API_KEY }),
      402,
      'insufficient_credits',
    );
    expect(problem.message).toContain(String(priciest.priceCredits));
  });
});

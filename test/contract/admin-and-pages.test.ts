/**
 * Contract: the `/__mock` admin endpoints, the demo pages and `/openapi.json`, over the real
 * HTTP server.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type JournalEntry,
  MAGIC_SLOW_MS,
  MAX_BIDDERS,
  type RunningMockServer,
} from '../../mock-server/src/index.ts';
import { maskIdCard } from '../../sdk/src/identifiers/index.ts';
import { Account } from '../../sdk/src/resources/account.ts';
import { Report } from '../../sdk/src/resources/reports.ts';
import { seeds } from '../../seeds/index.ts';
import { call, DEMO_API_KEY, expectJson, expectProblem, idempotencyKey, startServer } from './support.ts';

let server: RunningMockServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  await fetch(`${server.url}/__mock/reset`, { method: 'POST' });
});

async function journal(): Promise<JournalEntry[]> {
  const response = await fetch(`${server.url}/__mock/journal`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: JournalEntry[] }).data;
}

const person = seeds.individuals[0];
const authorization = { reference: 'AUTH-2026-0002', grantedAt: '2026-10-30' };

describe('GET /__mock/journal', () => {
  it('records every /v1 request as sent, with the key redacted and ID numbers masked', async () => {
    if (person === undefined) throw new Error('no individual');
    await call(server.url, '/v1/products?limit=2&subjectType=enterprise', {
      headers: { 'x-retry-count': '1' },
    });
    const key = idempotencyKey('journal');
    const body = {
      productId: 'personal_credit_report',
      subjectId: person.idNumber,
      purpose: 'housing_fund_loan',
      authorization,
    };
    const ordered = await call(server.url, '/v1/reports', {
      body,
      headers: { 'idempotency-key': key, 'x-retry-count': '0', 'x-client': 'contract-test' },
    });
    const report = await expectJson(ordered, 202, Report);
    await call(server.url, '/v1/account', { key: null });

    const entries = await journal();
    expect(entries.map((e) => [e.seq, e.method, e.path, e.status])).toEqual([
      [1, 'GET', '/v1/products', 200],
      [2, 'POST', '/v1/reports', 202],
      [3, 'GET', '/v1/account', 401],
    ]);
    const [list, post, anonymous] = entries;
    expect(list?.query).toEqual({ limit: '2', subjectType: 'enterprise' });
    expect(list?.headers['x-retry-count']).toBe('1');
    expect(list?.key).toBe(`…${DEMO_API_KEY.slice(-4)}`);
    expect(post?.headers).toMatchObject({
      'idempotency-key': key,
      'x-retry-count': '0',
      'x-client': 'contract-test',
    });
    expect(post?.body).toEqual({ ...body, subjectId: maskIdCard(person.idNumber) });
    expect(post?.requestId).toBe(ordered.headers.get('x-request-id'));
    expect(report.subjectRef).toBe(maskIdCard(person.idNumber));
    expect(anonymous?.key).toBeNull();
    expect(JSON.stringify(entries)).not.toContain(person.idNumber);
    expect(JSON.stringify(entries)).not.toContain(DEMO_API_KEY);
    // High-resolution arrival times, in order.
    const times = entries.map((e) => e.time);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times.every((t) => t > Date.parse('2026-01-01'))).toBe(true);
    for (const e of entries) expect(e.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('filters with ?since and empties with DELETE', async () => {
    await call(server.url, '/v1/domains');
    await call(server.url, '/v1/domains');
    const since = await (await fetch(`${server.url}/__mock/journal?since=1`)).json();
    expect((since as { data: JournalEntry[] }).data.map((e) => e.seq)).toEqual([2]);
    const cleared = await fetch(`${server.url}/__mock/journal`, { method: 'DELETE' });
    expect(cleared.status).toBe(204);
    expect(await journal()).toEqual([]);
    await call(server.url, '/v1/domains');
    // Sequence numbers keep counting after a DELETE.
    expect((await journal()).map((e) => e.seq)).toEqual([3]);
  });
});

describe('POST /__mock/reset', () => {
  it('restores credits, forgets reports and clears the journal', async () => {
    const e = seeds.enterprises.find((x) => !x.tags.some((t) => t.startsWith('magic:')));
    if (e === undefined) throw new Error('no enterprise');
    const before = await expectJson(await call(server.url, '/v1/account'), 200, Account);
    const report = await expectJson(
      await call(server.url, '/v1/reports', {
        body: {
          productId: 'enterprise_credit_report',
          subjectId: e.subject.uscc,
          purpose: 'government_procurement',
        },
        headers: { 'idempotency-key': idempotencyKey('reset') },
      }),
      202,
      Report,
    );
    const after = await expectJson(await call(server.url, '/v1/account'), 200, Account);
    expect(after.credits.remaining).toBeLessThan(before.credits.remaining);

    expect((await fetch(`${server.url}/__mock/reset`, { method: 'POST' })).status).toBe(204);
    expect(await journal()).toEqual([]);
    const restored = await expectJson(await call(server.url, '/v1/account'), 200, Account);
    expect(restored.credits.remaining).toBe(before.credits.remaining);
    await expectProblem(await call(server.url, `/v1/reports/${report.id}`), 404, 'not_found');
  });
});

describe('config and clock', () => {
  it('reads and changes the config, rejecting bad values', async () => {
    expect(await (await fetch(`${server.url}/__mock/config`)).json()).toEqual({
      latencyMs: 0,
      reportDelayMs: 300,
      slowMs: MAGIC_SLOW_MS,
    });
    const put = await fetch(`${server.url}/__mock/config`, {
      method: 'PUT',
      body: JSON.stringify({ reportDelayMs: 0 }),
    });
    expect(await put.json()).toEqual({ latencyMs: 0, reportDelayMs: 0, slowMs: MAGIC_SLOW_MS });
    const bad = await fetch(`${server.url}/__mock/config`, {
      method: 'PUT',
      body: JSON.stringify({ latencyMs: -1 }),
    });
    await expectProblem(bad, 400, 'invalid_request');
  });

  it('fixes, advances and releases the clock', async () => {
    const put = (body: unknown) =>
      fetch(`${server.url}/__mock/clock`, { method: 'PUT', body: JSON.stringify(body) });
    expect(await (await put({ now: '2026-11-02T09:00:00Z' })).json()).toEqual({
      now: '2026-11-02T09:00:00.000Z',
      fixed: true,
      offsetMs: 0,
    });
    expect(await (await put({ advanceMs: 1500 })).json()).toMatchObject({
      now: '2026-11-02T09:00:01.500Z',
      fixed: true,
    });
    const released = (await (await put({ now: null })).json()) as { now: string; fixed: boolean };
    expect(released.fixed).toBe(false);
    expect(Math.abs(Date.parse(released.now) - Date.now())).toBeLessThan(5_000);
  });
});

describe('pages', () => {
  it('serves an index with the API base URL, the demo key and the demo pages', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain(`${server.url}/v1`);
    expect(html).toContain(DEMO_API_KEY);
    for (const path of [
      '/demo/bid-opening',
      '/demo/award-notice',
      '/demo/tendering',
      '/demo/loan-review',
      '/demo/credit-review',
      '/demo/bidders?n=1000',
    ]) {
      expect(html).toContain(`href="${path}"`);
    }
    expect(html).toContain('演示页面');
    expect(html).toContain('Demo pages');
  });

  it('serves the saved demo pages byte for byte', async () => {
    for (const page of ['bid-opening', 'award-notice', 'tendering', 'loan-review', 'credit-review']) {
      const response = await fetch(`${server.url}/demo/${page}`);
      expect(response.status, page).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const expected = readFileSync(new URL(`../../seeds/pages/${page}.html`, import.meta.url), 'utf8');
      expect(await response.text()).toBe(expected);
    }
    expect((await fetch(`${server.url}/demo/nope`)).status).toBe(404);
  });

  it('serves /demo/bidders?n= with n rows, capped, and 400 on a bad n', async () => {
    const countRows = (html: string) => {
      const table = /<table id="bidder-list"[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
      return (table.match(/<tr>/g) ?? []).length;
    };
    const small = await fetch(`${server.url}/demo/bidders?n=25`);
    expect(small.status).toBe(200);
    expect(countRows(await small.text())).toBe(25);
    const capped = await fetch(`${server.url}/demo/bidders?n=${MAX_BIDDERS + 5}`);
    expect(capped.status).toBe(200);
    expect(countRows(await capped.text())).toBe(MAX_BIDDERS);
    // Without n: the committed 50-row page.
    const saved = await fetch(`${server.url}/demo/bidders`);
    expect(await saved.text()).toBe(
      readFileSync(new URL('../../seeds/pages/bidders.html', import.meta.url), 'utf8'),
    );
    for (const bad of ['abc', '0', '-3', '1.5', '']) {
      expect((await fetch(`${server.url}/demo/bidders?n=${bad}`)).status, bad).toBe(400);
    }
  });

  it('serves sdk/openapi.json as committed', async () => {
    const response = await fetch(`${server.url}/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const committed = readFileSync(new URL('../../sdk/openapi.json', import.meta.url), 'utf8');
    expect(await response.text()).toBe(committed);
  });

  it('answers an unknown path outside /v1 with a plain-text 404', async () => {
    const response = await fetch(`${server.url}/elsewhere`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('Not found: GET /elsewhere');
  });
});

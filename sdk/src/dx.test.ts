/**
 * The developer experience an integrator meets first: configuration from the environment,
 * transport refusals, a key that never shows, errors that say what broke, and pages.
 */
import { inspect } from 'node:util';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { seeds } from '../../seeds/index.ts';
import { createClient, type XinjianClient } from './client.ts';
import { checkBaseUrl, isLoopbackHost } from './core/base-url.ts';
import { BadRequestError, isAPITimeoutError, reviveError, serializeError } from './core/errors.ts';
import { maskIdShaped, type RequestEvent } from './core/http.ts';
import { PRODUCT_IDS, type ProductId } from './resources/products.ts';
import type { ReportOrderParams } from './resources/reports.ts';
import { DEMO_API_KEY, useMockHarness } from './test-utils/mock-api.ts';

const mock = useMockHarness();

describe('createClient() from the environment', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('reads XINJIAN_BASE_URL and XINJIAN_API_KEY when no options are given', async () => {
    process.env.XINJIAN_BASE_URL = mock.url;
    process.env.XINJIAN_API_KEY = DEMO_API_KEY;
    const account = await createClient().account.retrieve();
    expect(account.name).toBe('信鉴演示账户');
  });

  it('says which variable is missing', () => {
    delete process.env.XINJIAN_BASE_URL;
    delete process.env.XINJIAN_API_KEY;
    expect(() => createClient()).toThrow(/XINJIAN_BASE_URL/);
    process.env.XINJIAN_BASE_URL = mock.url;
    expect(() => createClient()).toThrow(/XINJIAN_API_KEY/);
  });
});

describe('plain http:// is refused except to this machine', () => {
  it('refuses a remote http:// base URL with a reason, and allows loopback and https', () => {
    expect(() => createClient({ baseUrl: 'http://api.example.cn', apiKey: DEMO_API_KEY })).toThrow(
      /refusing plain http:\/\/ to api\.example\.cn.*Use https:\/\//,
    );
    for (const url of [
      'http://127.0.0.1:8787',
      'http://localhost:3000',
      'http://[::1]:80',
      'https://api.example.cn',
    ])
      expect(checkBaseUrl(url).ok, url).toBe(true);
    const refused = checkBaseUrl('http://10.0.0.5');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason.zh).toContain('https://');
    expect(isLoopbackHost('127.8.9.10')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.example.cn')).toBe(false);
  });
});

describe('the API key stays private', () => {
  it('is absent from inspect, JSON and the options of a client', () => {
    const client = mock.client();
    expect(inspect(client, { depth: 10 })).not.toContain(DEMO_API_KEY);
    expect(JSON.stringify(client)).not.toContain(DEMO_API_KEY);
    expect(JSON.stringify(client.options)).not.toContain(DEMO_API_KEY);
  });

  it('is absent from connection and timeout errors, their cause and serialised copies', async () => {
    const dead = createClient({ baseUrl: 'http://127.0.0.1:9', apiKey: DEMO_API_KEY, maxRetries: 0 });
    const connection = await dead.account.retrieve().catch((e: unknown) => e);
    const slow = mock.client({
      timeout: 40,
      maxRetries: 0,
      defaultHeaders: { 'X-Mock-Fault': 'delay:1000' },
    });
    const timeout = await slow.account.retrieve().catch((e: unknown) => e);
    for (const e of [connection, timeout]) {
      expect(inspect(e, { depth: 10 })).not.toContain(DEMO_API_KEY);
      expect(JSON.stringify(e)).not.toContain(DEMO_API_KEY);
      expect(JSON.stringify(serializeError(e))).not.toContain(DEMO_API_KEY);
    }
    expect(isAPITimeoutError(timeout)).toBe(true);
  });

  it('is redacted, with other credential headers and ID numbers, in hook events', async () => {
    const events: RequestEvent[] = [];
    const client = mock.client({
      hooks: { onRequest: (e) => events.push(e) },
      defaultHeaders: { 'X-Api-Token': 'secret-token-value-9876' },
    });
    await client.subjects.search('330106199001017745').catch(() => undefined);
    const text = JSON.stringify(events);
    expect(text).not.toContain(DEMO_API_KEY);
    expect(text).not.toContain('secret-token-value');
    expect(text).not.toContain('330106199001017745');
    expect(events[0]?.headers.authorization).toBe('Bearer ***1588');
  });

  it('masks ID-shaped tokens, valid check character or not, and leaves company codes alone', () => {
    expect(maskIdShaped('q=330106199001017745&x=33010619900101774X')).toBe(
      'q=330***********7745&x=330***********774X',
    );
    expect(maskIdShaped('91110000561976492Q')).toBe('91110000561976492Q');
  });
});

describe('errors say what broke', () => {
  it('a timeout says how long it waited', async () => {
    const slow = mock.client({
      timeout: 40,
      maxRetries: 0,
      defaultHeaders: { 'X-Mock-Fault': 'delay:1000' },
    });
    const e = await slow.domains.list().catch((x: unknown) => x);
    expect(String((e as Error).message)).toMatch(/timed out after 40 ms/);
    expect(reviveError(serializeError(e)).message).toMatch(/after 40 ms/);
  });

  it('an HTTP error carries the response headers', async () => {
    const client = mock.client({ maxRetries: 0, defaultHeaders: { 'X-Mock-Fault': '429:7' } });
    const e = (await client.account.retrieve().catch((x: unknown) => x)) as {
      headers: Record<string, string>;
    };
    expect(e.headers['retry-after']).toBe('7');
    expect(e.headers['x-request-id']).toMatch(/^req_/);
  });

  it('a 400 names the field and the rule', async () => {
    const client = mock.client({ maxRetries: 0 });
    const e = await client.products.list({ limit: 1000 } as never).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BadRequestError);
    expect((e as Error).message).toMatch(/query\.limit: .*100/);
  });
});

describe('pages', () => {
  it('walk with hasNextPage/getNextPage and collect with toArray()', async () => {
    const client = mock.client();
    const first = await client.products.list({ limit: 2 });
    expect(first.hasNextPage()).toBe(true);
    const second = await first.getNextPage();
    expect(second.data[0]?.id).not.toBe(first.data[0]?.id);
    const all = await client.products.list({ limit: 2 }).toArray();
    const again = await (await client.products.list({ limit: 5 })).toArray();
    expect(all.map((p) => p.id)).toEqual(again.map((p) => p.id));
    expect(all.length).toBeGreaterThan(2);
  });
});

describe('request ids and withResponse()', () => {
  const REQ = /^req_\w+$/;

  it('every result of a single request carries the id the API answered with', async () => {
    const client = mock.client();
    const account = await client.account.retrieve();
    const domains = await client.domains.list();
    const product = await client.products.retrieve('creditchina_public_report');
    const page = await client.products.list({ limit: 2 });
    const search = await client.subjects.search('91110000561976492Q');
    const keys = await client.keys.list();
    const ids = (await mock.journal()).map((e) => e.requestId);
    expect([account, domains, product, page, search, keys].map((r) => r._requestId)).toEqual(ids);
    for (const id of ids) expect(id).toMatch(REQ);
  });

  it('is not data: JSON and structuredClone leave it out', async () => {
    const account = await mock.client().account.retrieve();
    expect(account._requestId).toMatch(REQ);
    expect(Object.keys(account)).not.toContain('_requestId');
    expect(JSON.stringify(account)).not.toContain('_requestId');
    expect(structuredClone(account)).not.toHaveProperty('_requestId');
  });

  it('rating items carry the id of the batch they came in', async () => {
    const client = mock.client({ cache: false });
    const [a, b] = await client.ratings.lookup(['91110000561976492Q', '91220100MA871Q8132']);
    const one = await client.ratings.get('91110000561976492Q');
    const [batchId, getId] = (await mock.journal()).map((e) => e.requestId);
    expect([a?._requestId, b?._requestId, one._requestId]).toEqual([batchId, batchId, getId]);
  });

  it('withResponse() gives the data, the Response and the request id', async () => {
    const client = mock.client();
    const { data, response, requestId } = await client.products
      .retrieve('creditchina_public_report')
      .withResponse();
    expect(data.id).toBe('creditchina_public_report');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    expect(requestId).toMatch(REQ);
    expect(data._requestId).toBe(requestId);

    const page = await client.products.list({ limit: 1 }).withResponse();
    expect(page.data.data).toHaveLength(1);
    expect(page.data._requestId).toBe(page.requestId);

    const batch = await client.ratings.batch(['91110000561976492Q']).withResponse();
    expect(batch.data[0]?.status).toBe('found');
    expect(batch.response.ok).toBe(true);

    const asResponse = await client.account.retrieve().asResponse();
    expect(asResponse.headers.get('x-request-id')).toMatch(REQ);
    expect(await mock.journal()).toHaveLength(4);
  });

  it('rejects through withResponse() too, and an awaited call is a real Promise', async () => {
    const client = mock.client({ apiKey: 'xj_test_revoked' });
    const call = client.account.retrieve();
    expect(call).toBeInstanceOf(Promise);
    await expect(call.withResponse()).rejects.toMatchObject({ name: 'AuthenticationError', status: 401 });
    await expect(call).rejects.toMatchObject({ name: 'AuthenticationError' });
    await expect(
      client.reports
        .order({ productId: 'personal_credit_report', subjectId: '11010519491231002X' })
        .withResponse(),
    ).rejects.toMatchObject({ name: 'AuthorizationRequiredError' });
  });

  it('types productId as the catalog ids, with any string still allowed', () => {
    expectTypeOf<'creditchina_public_report'>().toExtend<ProductId>();
    expectTypeOf<'some_future_product'>().toExtend<ProductId>();
    // Not widened to plain string, which would lose the completions.
    expectTypeOf<ProductId>().not.toEqualTypeOf<string>();
    expectTypeOf<(typeof PRODUCT_IDS)[number]>().toExtend<ProductId>();
    expectTypeOf<ReportOrderParams['productId']>().toEqualTypeOf<ProductId>();
    expectTypeOf<Parameters<XinjianClient['products']['retrieve']>[0]>().toEqualTypeOf<ProductId>();
  });

  it('lists exactly the catalog’s product ids', () => {
    // A product added to the seeds needs its id in PRODUCT_IDS (sdk/src/resources/products.ts).
    expect([...PRODUCT_IDS].sort()).toEqual(seeds.products.map((p) => p.id).sort());
  });
});

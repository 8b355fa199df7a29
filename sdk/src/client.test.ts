/**
 * The client and its simpler resources against the real mock server and seed data.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { seeds } from '../../seeds/index.ts';
import { createClient, XinjianClient } from './client.ts';
import type { WithRequestId } from './core/api-promise.ts';
import { XinjianError } from './core/errors.ts';
import { Page, PagePromise } from './core/pagination.ts';
import type { Account } from './resources/account.ts';
import type { DomainList } from './resources/domains.ts';
import type { Product } from './resources/products.ts';
import type { SubjectSearchResult } from './resources/subjects.ts';
import { DEMO_API_KEY, useMockHarness } from './test-utils/mock-api.ts';

const mock = useMockHarness();

describe('createClient', () => {
  it('needs an absolute base URL and a key', () => {
    expect(() => createClient({ baseUrl: '', apiKey: DEMO_API_KEY })).toThrow(XinjianError);
    expect(() => createClient({ baseUrl: '/v1', apiKey: DEMO_API_KEY })).toThrow(/absolute http/);
    expect(() => createClient({ baseUrl: mock.url, apiKey: '' })).toThrow('apiKey is required');
    expect(createClient({ baseUrl: mock.url, apiKey: DEMO_API_KEY })).toBeInstanceOf(XinjianClient);
  });

  it('sends the key as a bearer token, and joins a base URL with a trailing slash', async () => {
    const client = createClient({ baseUrl: `${mock.url}/`, apiKey: DEMO_API_KEY });
    await client.account.retrieve();
    const [entry] = await mock.journal();
    expect(entry?.path).toBe('/v1/account');
    expect(entry?.key).toBe('…1588');
  });

  it('withOptions derives a client with merged options', async () => {
    const base = mock.client({ defaultHeaders: { 'X-Client': 'base' } });
    const derived = base.withOptions({ defaultHeaders: { 'X-Client': 'derived' } });
    expect(derived).toBeInstanceOf(XinjianClient);
    expect(derived.options.baseUrl).toBe(base.options.baseUrl);
    await base.account.retrieve();
    await derived.account.retrieve();
    expect((await mock.journal()).map((e) => e.headers['x-client'])).toEqual(['base', 'derived']);
  });
});

describe('client.products', () => {
  it('returns the first page, and walks every product across pages', async () => {
    const client = mock.client();
    const catalog = (await client.products.list({ limit: 100 })).data.map((p) => p.id);
    expect([...catalog].sort()).toEqual(seeds.products.map((p) => p.id).sort());
    const first = await client.products.list({ limit: 2 });
    expect(first).toBeInstanceOf(Page);
    expect(first.data.map((p) => p.id)).toEqual(catalog.slice(0, 2));
    expect(first.hasNextPage()).toBe(true);
    const second = await first.getNextPage();
    expect(second.data.map((p) => p.id)).toEqual(catalog.slice(2, 4));

    await mock.reset();
    const all: string[] = [];
    for await (const product of client.products.list({ limit: 5 })) all.push(product.id);
    expect(all).toEqual(catalog);
    const pages = Math.ceil(seeds.products.length / 5);
    expect((await mock.journal()).length).toBe(pages);
    const cursors = (await mock.journal()).map((e) => e.query.cursor);
    expect(cursors[0]).toBeUndefined();
    expect(cursors.slice(1).every((c) => typeof c === 'string')).toBe(true);
  });

  it('filters by domain and subject type', async () => {
    const personal: Product[] = [];
    for await (const p of mock.client().products.list({ subjectType: 'individual' })) personal.push(p);
    expect(personal.map((p) => p.id).sort()).toEqual(
      seeds.products
        .filter((p) => p.subjectType === 'individual')
        .map((p) => p.id)
        .sort(),
    );
    const page = await mock.client().products.list({ domain: 'housing_fund_loan' });
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.every((p) => p.domains.includes('housing_fund_loan'))).toBe(true);
  });

  it('a last page has no next page', async () => {
    const page = await mock.client().products.list({ limit: 100 });
    expect(page.nextCursor).toBeNull();
    expect(page.hasNextPage()).toBe(false);
    await expect(page.getNextPage()).rejects.toThrow('No next page');
  });

  it('sends nothing until the list is awaited or iterated', async () => {
    const pending = mock.client().products.list();
    expect(pending).toBeInstanceOf(PagePromise);
    expect(await mock.journal()).toEqual([]);
    const pages: number[] = [];
    for await (const page of pending.iterPages()) pages.push(page.data.length);
    expect(pages.reduce((a, b) => a + b, 0)).toBe(seeds.products.length);
  });

  it('retrieves one product', async () => {
    for (const expected of seeds.products.slice(0, 3)) {
      expect(await mock.client().products.retrieve(expected.id)).toEqual(expected);
    }
  });
});

describe('client.domains, client.subjects, client.account', () => {
  it('lists the application catalog', async () => {
    const { data } = await mock.client().domains.list();
    expect(data.map((d) => d.id)).toEqual(seeds.domains.map((d) => d.id));
    expect(data.every((d) => d.policyBasis.length > 0)).toBe(true);
  });

  it('finds a subject by code with confidence 1', async () => {
    const target = seeds.enterprises.find((e) => !e.tags.some((t) => t.startsWith('magic:')));
    if (!target) throw new Error('no enterprise in the seeds');
    const result = await mock.client().subjects.search({ q: target.subject.uscc });
    expect(result.data[0]).toMatchObject({ matchType: 'code', confidence: 1 });
    expect(result.data[0]?.subject.uscc).toBe(target.subject.uscc);
    const byString = await mock.client().subjects.search(target.subject.name, { timeout: 5_000 });
    expect(byString.data.some((m) => m.subject.id === target.subject.id)).toBe(true);
    // The name goes in a POST body: nothing of it rides in the URL, and no idempotency key is sent.
    const [, second] = await mock.journal();
    expect([second?.method, second?.path, second?.query]).toEqual(['POST', '/v1/subjects/search', {}]);
    expect(second?.body).toEqual({ q: target.subject.name });
    expect(second?.headers['idempotency-key']).toBeUndefined();
  });

  it('retrieves the account of the key', async () => {
    const account = await mock.client().account.retrieve();
    expect(account.id).toBe('acct_demo');
    expect(account.entitledProducts.length).toBe(seeds.products.length);
  });
});

describe('types', () => {
  it('public methods resolve to the schema types', () => {
    const client = mock.client();
    expectTypeOf(createClient).returns.toEqualTypeOf<XinjianClient>();
    expectTypeOf(client.products.list).returns.toEqualTypeOf<PagePromise<Product>>();
    expectTypeOf(client.products.retrieve).returns.resolves.toEqualTypeOf<WithRequestId<Product>>();
    expectTypeOf<Awaited<ReturnType<typeof client.products.list>>>().toEqualTypeOf<Page<Product>>();
    expectTypeOf(client.domains.list).returns.resolves.toEqualTypeOf<WithRequestId<DomainList>>();
    expectTypeOf(client.subjects.search).returns.resolves.toEqualTypeOf<WithRequestId<SubjectSearchResult>>();
    expectTypeOf(client.account.retrieve).returns.resolves.toEqualTypeOf<WithRequestId<Account>>();
    expectTypeOf(client.withOptions).returns.toEqualTypeOf<XinjianClient>();
  });
});

// Your code's tests against the Xinjian mock API, in-process: no server, no network.
// npm i -D @xinjian/mock-server msw vitest && npm i @xinjian/sdk
import { createMockApi, DEMO_API_KEY, faultHeaders, journal, magicSubject } from '@xinjian/mock-server';
import { createClient, isAuthenticationError } from '@xinjian/sdk';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';

const baseUrl = 'https://api.xinjian.test';
const mock = createMockApi({ baseUrl, reportDelayMs: 0 });
const server = setupServer(...mock.handlers);

// msw 3's name for onUnhandledRequest: a request the mock does not know fails the test.
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  mock.state.reset();
});
afterAll(() => server.close());

const fast = { cache: false, retryBaseDelayMs: 1, retryMaxDelayMs: 5 } as const;

it('rates a supplier in one batch request', async () => {
  const client = createClient({ baseUrl, apiKey: DEMO_API_KEY, ...fast });
  const [item] = await client.ratings.lookup(['91110000561976492Q']);
  expect(item?.status).toBe('found');
  expect(journal(mock.state, { method: 'POST', path: '/v1/ratings/batch' })).toHaveLength(1);
});

it('rides out two 503s from a flaky subject', async () => {
  const client = createClient({ baseUrl, apiKey: DEMO_API_KEY, ...fast });
  const item = await client.ratings.get(magicSubject('magic:503-twice'));
  expect(item.status).toBe('found');
  expect(journal(mock.state).map((e) => e.status)).toEqual([503, 503, 200]);
});

it('retries an injected 429', async () => {
  const client = createClient({
    baseUrl,
    apiKey: DEMO_API_KEY,
    ...fast,
    defaultHeaders: faultHeaders('429:0,ok'),
  });
  const { data } = await client.domains.list();
  expect(data.length).toBeGreaterThan(0);
  expect(journal(mock.state).map((e) => e.status)).toEqual([429, 200]);
});

it('rejects a bad key', async () => {
  const client = createClient({ baseUrl, apiKey: 'xj_not_a_key', ...fast });
  const error = await client.account.retrieve().catch((e: unknown) => e);
  expect(isAuthenticationError(error)).toBe(true);
});

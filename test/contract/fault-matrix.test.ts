/**
 * Contract: the SDK client against the real HTTP mock server under every fault it must survive,
 * one row per fault. Each row checks, from the mock's request journal: how many attempts, the
 * spacing between them (lower bounds only), one Idempotency-Key across the attempts of a POST,
 * `X-Retry-Count`; the error raised (guard and `name`); what `ratings.lookup` and `ratings.get`
 * make of it; and that the same call succeeds once the fault is gone.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type JournalEntry, type RunningMockServer, startMockServer } from '../../mock-server/src/index.ts';
import { type ClientOptions, createClient, type XinjianClient } from '../../sdk/src/client.ts';
import { maxSplitRequests } from '../../sdk/src/core/batcher.ts';
import {
  isAPIConnectionError,
  isAPITimeoutError,
  isAuthenticationError,
  isInsufficientCreditsError,
  isInternalServerError,
  isPaymentRequiredError,
  isRateLimitError,
  isResponseValidationError,
  isXinjianError,
  type XinjianErrorName,
} from '../../sdk/src/core/errors.ts';
import type { RequestEvent, RequestOptions } from '../../sdk/src/core/http.ts';
import { computeUsccCheckChar } from '../../sdk/src/identifiers/index.ts';
import type { RatingLookupItem } from '../../sdk/src/resources/ratings.ts';
import {
  DEMO_API_KEY,
  enterpriseByTag,
  NO_CREDITS_API_KEY,
  REVOKED_API_KEY,
  seeds,
} from '../../seeds/index.ts';
import { startServer } from './support.ts';

// Small backoff so the matrix runs fast; the Retry-After row waits the server's real 1 s.
const BASE_DELAY_MS = 40;
const TIMEOUT_MS = 200;
// Backoff is jittered down by at most a quarter: retry k waits at least this long.
const minBackoff = (retry: number) => 0.75 * BASE_DELAY_MS * 2 ** (retry - 1);

let server: RunningMockServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  server = await startServer({ reportDelayMs: 0 });
});
afterAll(async () => {
  await server.close();
  process.off('unhandledRejection', onUnhandled);
  // Nothing the SDK started may reject without someone listening, in any row.
  expect(unhandled).toEqual([]);
});
beforeEach(async () => {
  await fetch(`${server.url}/__mock/reset`, { method: 'POST' });
});

const plain = seeds.enterprises.filter((e) => !e.tags.some((t) => t.startsWith('magic:')));
const seeded = (i: number): string => {
  const e = plain[i];
  if (e === undefined) throw new Error(`the seeds have fewer than ${i + 1} plain enterprises`);
  return e.subject.uscc;
};
// A well-formed code the seeds do not know.
const unknownUscc = (() => {
  const first17 = '91440300MA5F00000';
  return first17 + computeUsccCheckChar(first17);
})();
const wrongCheckChar = (() => {
  const code = seeded(2);
  return code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
})();
const paidOrder = (() => {
  const product = seeds.products.find((p) => p.subjectType === 'enterprise' && p.priceCredits > 0);
  const purpose = product?.domains[0];
  if (product === undefined || purpose === undefined) throw new Error('no paid enterprise product');
  return { productId: product.id, subjectId: seeded(3), purpose };
})();

function client(overrides: Partial<ClientOptions> = {}): XinjianClient {
  return createClient({
    baseUrl: server.url,
    apiKey: DEMO_API_KEY,
    retryBaseDelayMs: BASE_DELAY_MS,
    retryMaxDelayMs: 1_000,
    maxRetries: 2,
    ...overrides,
  });
}

async function journal(base: string = server.url): Promise<JournalEntry[]> {
  return ((await (await fetch(`${base}/__mock/journal`)).json()) as { data: JournalEntry[] }).data;
}

let slot = 0;
/** Headers that run `script` in a slot of its own on the mock. */
function fault(script: string): { id: string; options: RequestOptions } {
  const id = `matrix-${++slot}`;
  return { id, options: { headers: { 'X-Mock-Fault': script, 'X-Mock-Fault-Id': id } } };
}
const inSlot = (id: string) => (e: JournalEntry) => e.headers['x-mock-fault-id'] === id;
const catching = <T>(p: Promise<T>): Promise<unknown> =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

/** What one attempt looked like, from the journal or, when nothing reached a server, from hooks. */
interface Seen {
  time: number;
  idempotencyKey: string | undefined;
  retryCount: string | undefined;
}
const fromJournal = (e: JournalEntry): Seen => ({
  time: e.time,
  idempotencyKey: e.headers['idempotency-key'],
  retryCount: e.headers['x-retry-count'],
});
const fromHook = (e: RequestEvent & { at: number }): Seen => ({
  time: e.at,
  idempotencyKey: e.headers['idempotency-key'],
  retryCount: e.headers['x-retry-count'],
});

type Spacing = 'none' | 'backoff' | 'timeout + backoff' | 'Retry-After 1 s';

/** One row of the matrix; the README table is these fields. */
interface Row {
  fault: string;
  attempts: number;
  spacing: Spacing;
  /** The class the call rejects with, or null when it succeeds. */
  error: XinjianErrorName | null;
  guard: ((e: unknown) => boolean) | null;
  /** What `ratings.lookup` gives for the subject(s) of the failing request. */
  item: string;
  recovers: string;
}

const ARRIVAL_SLACK_MS = 25;

/** The attempts of one logical call, in order. */
function expectAttempts(row: Row, seen: Seen[], post: boolean): void {
  expect(seen.length, `${row.fault}: attempts`).toBe(row.attempts);
  expect(seen.map((s) => s.retryCount)).toEqual(seen.map((_, i) => (i === 0 ? undefined : String(i))));
  const keys = new Set(seen.map((s) => s.idempotencyKey));
  if (post) {
    expect(keys.size, 'one Idempotency-Key for every attempt').toBe(1);
    expect(seen[0]?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$|^[\w-]+$/);
  } else {
    expect([...keys]).toEqual([undefined]);
  }
  for (let i = 1; i < seen.length; i++) {
    // Gaps are read from arrival times at the server: a first attempt that arrived late on a
    // busy machine shortens the measured gap by that delay, so allow a little slack.
    const gap = (seen[i]?.time ?? 0) - (seen[i - 1]?.time ?? 0) + ARRIVAL_SLACK_MS;
    switch (row.spacing) {
      case 'Retry-After 1 s':
        expect(gap, `gap ${i}`).toBeGreaterThanOrEqual(1_000);
        break;
      case 'backoff':
        expect(gap, `gap ${i}`).toBeGreaterThanOrEqual(minBackoff(i));
        break;
      case 'timeout + backoff':
        expect(gap, `gap ${i}`).toBeGreaterThanOrEqual(TIMEOUT_MS + minBackoff(i));
        break;
      case 'none':
        throw new Error(`${row.fault}: no retry expected`);
    }
  }
}

function expectError(row: Row, error: unknown): void {
  if (row.error === null) {
    expect(error).toBeNull();
    return;
  }
  expect(isXinjianError(error), String(error)).toBe(true);
  expect((error as Error).name).toBe(row.error);
  expect(row.guard?.(error)).toBe(true);
}

/** A lookup item for a failed request: an error, serialised, with the row's class; never found. */
function expectErrorItem(row: Row, item: RatingLookupItem | undefined): void {
  expect(item?.status).toBe('error');
  if (item?.status !== 'error') return;
  expect(item.error.name).toBe(row.error);
  expect(row.guard?.(item.error)).toBe(true);
  // A plain object: it crosses the extension's message boundary unchanged.
  expect(structuredClone(item.error)).toEqual(item.error);
}

// ---------------------------------------------------------------------------------------------
// Rows driven by an X-Mock-Fault script on POST /v1/ratings/batch.

interface ScriptRow extends Row {
  script: string;
  client?: Partial<ClientOptions>;
}

const SCRIPTED: ScriptRow[] = [
  {
    fault: '429 with Retry-After: 1',
    script: '429:1,429:1,ok',
    client: { retryBaseDelayMs: undefined, retryMaxDelayMs: undefined, maxRetries: 1 },
    attempts: 2,
    spacing: 'Retry-After 1 s',
    error: 'RateLimitError',
    guard: isRateLimitError,
    item: 'error (RateLimitError)',
    recovers: 'yes, next call',
  },
  {
    fault: '500',
    script: '500,500,500,ok',
    attempts: 3,
    spacing: 'backoff',
    error: 'InternalServerError',
    guard: isInternalServerError,
    item: 'error (InternalServerError)',
    recovers: 'yes, next call',
  },
  {
    fault: '503, 503, then success',
    script: '503,503,ok',
    attempts: 3,
    spacing: 'backoff',
    error: null,
    guard: null,
    item: 'found',
    recovers: 'yes, within the call',
  },
  {
    fault: `attempt timeout (delay 1000 ms > timeout ${TIMEOUT_MS} ms)`,
    script: 'delay:1000,delay:1000,delay:1000,ok',
    client: { timeout: TIMEOUT_MS },
    attempts: 3,
    spacing: 'timeout + backoff',
    error: 'APITimeoutError',
    guard: isAPITimeoutError,
    item: 'error (APITimeoutError)',
    recovers: 'yes, next call',
  },
  {
    fault: 'dropped connection',
    script: 'drop,drop,drop,ok',
    attempts: 3,
    spacing: 'backoff',
    error: 'APIConnectionError',
    guard: (e) => isAPIConnectionError(e) && !isAPITimeoutError(e),
    item: 'error (APIConnectionError)',
    recovers: 'yes, next call',
  },
  {
    fault: 'malformed JSON (200)',
    script: 'malformed,ok',
    attempts: 1,
    spacing: 'none',
    error: 'ResponseParseError',
    guard: isResponseValidationError,
    item: 'error (ResponseParseError)',
    recovers: 'yes, next call',
  },
  {
    fault: 'schema-violating body (200)',
    script: 'schema,ok',
    attempts: 1,
    spacing: 'none',
    error: 'ResponseValidationError',
    guard: isResponseValidationError,
    item: 'error (ResponseValidationError)',
    recovers: 'yes, next call',
  },
];

describe('fault matrix: X-Mock-Fault scripts on POST /v1/ratings/batch', () => {
  it.each(SCRIPTED)(
    '$fault',
    async (row) => {
      const c = client(row.client);

      // The call itself: attempts, spacing, keys, error.
      const call = fault(row.script);
      const error = await catching(c.ratings.batch([seeded(0)], call.options));
      const attempts = (await journal()).filter(inSlot(call.id));
      expectAttempts(row, attempts.map(fromJournal), true);
      expectError(row, error);

      // Recovery: the script ends with ok; the same call again is a new logical request.
      if (row.error !== null) {
        const items = await c.ratings.batch([seeded(0)], call.options);
        expect(items.map((i) => i.status)).toEqual(['found']);
        const after = (await journal()).filter(inSlot(call.id)).slice(attempts.length);
        expect(after.map((e) => [e.status, e.headers['x-retry-count']])).toEqual([[200, undefined]]);
        expect(after[0]?.headers['idempotency-key']).not.toBe(attempts[0]?.headers['idempotency-key']);
      }

      // lookup: a failed batch is an error item, never found; errors are not cached.
      const viaLookup = fault(row.script);
      const [item] = await c.ratings.lookup([seeded(1)], viaLookup.options);
      if (row.error === null) expect(item?.status).toBe('found');
      else expectErrorItem(row, item);
      const before = (await journal()).filter(inSlot(viaLookup.id)).length;
      const [again] = await c.ratings.lookup([seeded(1)], viaLookup.options);
      expect(again?.status).toBe('found');
      expect((await journal()).filter(inSlot(viaLookup.id)).length).toBe(
        row.error === null ? before : before + 1,
      );

      // get: rejects with the same class, then resolves found.
      const viaGet = fault(row.script);
      const got = await c.ratings.get(seeded(2), viaGet.options).then(
        (value) => ({ value, error: null }),
        (e: unknown) => ({ value: null, error: e }),
      );
      expectError(row, got.error);
      if (row.error === null) expect(got.value?.status).toBe('found');
      await expect(c.ratings.get(seeded(2), viaGet.options)).resolves.toMatchObject({ status: 'found' });
    },
    20_000,
  );
});

// ---------------------------------------------------------------------------------------------
// Rows that need no script: the data, the key or the network is the fault.

const MIXED: Row = {
  fault: 'batch with invalid + not found + found ids',
  attempts: 1,
  spacing: 'none',
  error: null,
  guard: null,
  item: 'per item: invalid_identifier, not_found, found',
  recovers: 'n/a (not a failure)',
};
const NO_CREDITS: Row = {
  fault: '402 out of credits (report order)',
  attempts: 1,
  spacing: 'none',
  error: 'InsufficientCreditsError',
  guard: (e) => isInsufficientCreditsError(e) && isPaymentRequiredError(e),
  item: 'found (lookups cost no credits)',
  recovers: 'yes, with a funded key',
};
const REVOKED: Row = {
  fault: '401 revoked key',
  attempts: 1,
  spacing: 'none',
  error: 'AuthenticationError',
  guard: isAuthenticationError,
  item: 'lookup rejects (AuthenticationError), like get',
  recovers: 'yes, with a valid key',
};
const CONFLICT: Row = {
  fault: '409 idempotency_conflict (key reused, other body)',
  attempts: 1,
  spacing: 'none',
  error: 'ConflictError',
  guard: (e) => isXinjianError(e) && (e as { code?: unknown }).code === 'idempotency_conflict',
  item: 'n/a (report order)',
  recovers: 'yes, with a new key',
};
const DOWN: Row = {
  fault: 'API down (closed port)',
  attempts: 3,
  spacing: 'backoff',
  error: 'APIConnectionError',
  guard: (e) => isAPIConnectionError(e) && !isAPITimeoutError(e),
  item: 'error (APIConnectionError)',
  recovers: 'yes, once the server is back',
};
const POISONED: Row = {
  fault: 'one magic:500 subject in a batch of 100',
  attempts: 3 + 2 * Math.ceil(Math.log2(100)),
  spacing: 'backoff',
  error: null,
  guard: null,
  item: '99 found + 1 error (InternalServerError)',
  recovers: 'the 99 at once; the poisoned id stays an error',
};

describe('fault matrix: data, keys and network', () => {
  it(MIXED.fault, async () => {
    const c = client();
    const ids = [wrongCheckChar, unknownUscc, seeded(0)];
    const error = await catching(c.ratings.batch(ids));
    expectError(MIXED, error);
    const entries = await journal();
    expectAttempts(MIXED, entries.map(fromJournal), true);

    const items = await c.ratings.lookup(ids);
    expect(items.map((i) => i.status)).toEqual(['invalid_identifier', 'not_found', 'found']);
    const [invalid] = items;
    expect(invalid?.status === 'invalid_identifier' && invalid.expectedCheckChar).toBe(seeded(2).at(-1));
    const gets = await Promise.all(ids.map((id) => c.ratings.get(id)));
    expect(gets.map((i) => i.status)).toEqual(['invalid_identifier', 'not_found', 'found']);
  });

  it(NO_CREDITS.fault, async () => {
    const broke = client({ apiKey: NO_CREDITS_API_KEY });
    const error = await catching(broke.reports.order(paidOrder));
    expectError(NO_CREDITS, error);
    const [entry, ...rest] = await journal();
    expect(rest).toEqual([]);
    expect(entry?.status).toBe(402);
    expectAttempts(NO_CREDITS, entry ? [fromJournal(entry)] : [], true);

    // Ratings cost no credits: the same key still looks subjects up.
    const [item] = await broke.ratings.lookup([seeded(0)]);
    expect(item?.status).toBe('found');

    const funded = broke.withOptions({ apiKey: DEMO_API_KEY });
    await expect(funded.reports.order(paidOrder)).resolves.toMatchObject({
      productId: paidOrder.productId,
      subjectRef: paidOrder.subjectId,
    });
  });

  it(REVOKED.fault, async () => {
    const revoked = client({ apiKey: REVOKED_API_KEY, maxRetries: 5 });
    const error = await catching(revoked.ratings.batch([seeded(0)]));
    expectError(REVOKED, error);
    const entries = await journal();
    expect(entries.map((e) => e.status)).toEqual([401]);
    expectAttempts(REVOKED, entries.map(fromJournal), true);

    // A refused key is no subject's result: lookup rejects as get does, and the batch of several
    // ids is not split, since every half would be refused too.
    expectError(REVOKED, await catching(revoked.ratings.lookup([seeded(0), seeded(1), seeded(2)])));
    const rejected = await catching(revoked.ratings.get(seeded(3)));
    expectError(REVOKED, rejected);
    expect((await journal()).length).toBe(3);

    const valid = revoked.withOptions({ apiKey: DEMO_API_KEY });
    expect((await valid.ratings.lookup([seeded(0), seeded(1), seeded(2)])).map((i) => i.status)).toEqual([
      'found',
      'found',
      'found',
    ]);
    await expect(valid.ratings.get(seeded(3))).resolves.toMatchObject({ status: 'found' });
  });

  it(CONFLICT.fault, async () => {
    const c = client({ maxRetries: 5 });
    const first = { ...paidOrder, productId: 'creditchina_public_report' };
    await c.reports.order(first, { idempotencyKey: 'matrix-order-1' });
    const error = await catching(
      c.reports.order({ ...first, subjectId: seeded(4) }, { idempotencyKey: 'matrix-order-1' }),
    );
    expectError(CONFLICT, error);
    const entries = await journal();
    expect(entries.map((e) => e.status)).toEqual([202, 409]);
    expectAttempts(CONFLICT, entries.slice(1).map(fromJournal), true);
    expect(entries[1]?.headers['idempotency-key']).toBe('matrix-order-1');

    await expect(
      c.reports.order({ ...first, subjectId: seeded(4) }, { idempotencyKey: 'matrix-order-2' }),
    ).resolves.toMatchObject({ subjectRef: seeded(4) });
  });

  it(DOWN.fault, async () => {
    const port = await freePort();
    const seen: Array<RequestEvent & { at: number }> = [];
    const c = createClient({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: DEMO_API_KEY,
      retryBaseDelayMs: BASE_DELAY_MS,
      retryMaxDelayMs: 1_000,
      maxRetries: 2,
      hooks: { onRequest: (e) => seen.push({ ...e, at: performance.now() }) },
    });
    const error = await catching(c.ratings.batch([seeded(0)]));
    expectError(DOWN, error);
    expectAttempts(DOWN, seen.map(fromHook), true);

    const items = await c.ratings.lookup([seeded(0), seeded(1)]);
    for (const item of items) expectErrorItem(DOWN, item);
    // Not split: one batch, 3 attempts.
    expect(seen.length).toBe(6);
    expectError(DOWN, await catching(c.ratings.get(seeded(2))));

    // The API comes back on the same port: the same client, unchanged, succeeds.
    const back = await startMockServer({ port, reportDelayMs: 0 });
    try {
      expect((await c.ratings.batch([seeded(0)])).map((i) => i.status)).toEqual(['found']);
      expect((await c.ratings.lookup([seeded(0), seeded(1)])).map((i) => i.status)).toEqual([
        'found',
        'found',
      ]);
      await expect(c.ratings.get(seeded(2))).resolves.toMatchObject({ status: 'found' });
      expect((await journal(back.url)).map((e) => e.status)).toEqual([200, 200, 200]);
    } finally {
      await back.close();
    }
  }, 20_000);

  it(POISONED.fault, async () => {
    const poisoned = enterpriseByTag('magic:500').subject.uscc;
    const ids = [...plain.slice(0, 99).map((e) => e.subject.uscc), poisoned];
    const c = client();
    const items = await c.ratings.lookup(ids);
    expect(items.filter((i) => i.status === 'found').length).toBe(99);
    const errors = items.filter((i) => i.status === 'error');
    expect(errors.map((i) => i.id)).toEqual([poisoned]);
    expectErrorItem({ ...POISONED, error: 'InternalServerError', guard: isInternalServerError }, errors[0]);

    const entries = await journal();
    // The whole batch: 3 attempts, one key, backed off; then the halves, one attempt each.
    const whole = entries.filter((e) => (e.body as { ids: string[] }).ids.length === 100);
    expectAttempts({ ...POISONED, attempts: 3 }, whole.map(fromJournal), true);
    expect(entries.length).toBeLessThanOrEqual(POISONED.attempts);
    expect(entries.length - 3).toBeLessThanOrEqual(maxSplitRequests(100));
    const halves = entries.slice(3);
    expect(halves.every((e) => e.headers['x-retry-count'] === undefined)).toBe(true);
    expect(new Set(halves.map((e) => e.headers['idempotency-key'])).size).toBe(halves.length);

    // The 99 are cached; the poisoned id is asked again alone, and is still an error.
    const again = await c.ratings.lookup(ids);
    expect(again.filter((i) => i.status === 'found').length).toBe(99);
    expect((await journal()).slice(entries.length).map((e) => (e.body as { ids: string[] }).ids)).toEqual([
      [poisoned],
      [poisoned],
      [poisoned],
    ]);
  });
});

/** A port nothing listens on: bound once by the OS, then released. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * The SDK client against the real mock server (in its own process): `ratings.get` coalescing
 * of 10,000 calls made in one tick, compared with the same lookups as raw `fetch` batches of
 * 100 at the same concurrency; and the cost of validating a 100-item batch response with zod.
 */
import { createClient } from '../../../sdk/src/index.ts';
import { BatchRatingsResponse, MAX_BATCH_SIZE } from '../../../sdk/src/resources/ratings.ts';
import { type Measured, median, metric } from '../lib/metrics.ts';
import { type BenchMock, batchRequests, DEMO_API_KEY } from '../lib/mock.ts';
import type { SuiteContext } from '../lib/suite.ts';

const CALLS = 10_000;
// The client's default; set explicitly so both sides use the same number.
const CONCURRENCY = 4;

async function viaSdk(mock: BenchMock, ids: readonly string[]): Promise<number> {
  // No cache: every repetition must reach the server.
  const client = createClient({
    baseUrl: mock.url,
    apiKey: DEMO_API_KEY,
    cache: false,
    maxRetries: 0,
    batch: { concurrency: CONCURRENCY },
  });
  const start = performance.now();
  const items = await Promise.all(ids.map((id) => client.ratings.get(id)));
  const ms = performance.now() - start;
  const found = items.filter((i) => i.status === 'found').length;
  if (found !== ids.length) throw new Error(`ratings.get found ${found} of ${ids.length} subjects`);
  return ms;
}

async function viaFetch(mock: BenchMock, ids: readonly string[]): Promise<number> {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += MAX_BATCH_SIZE) chunks.push(ids.slice(i, i + MAX_BATCH_SIZE));
  let next = 0;
  let found = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++] as string[];
      const res = await fetch(`${mock.url}/v1/ratings/batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ids: chunk }),
      });
      if (!res.ok) throw new Error(`raw batch: ${res.status}`);
      const body = (await res.json()) as { data: { status: string }[] };
      found += body.data.filter((i) => i.status === 'found').length;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const ms = performance.now() - start;
  if (found !== ids.length) throw new Error(`raw fetch found ${found} of ${ids.length} subjects`);
  return ms;
}

async function countBatches(
  mock: BenchMock,
  run: () => Promise<number>,
): Promise<{ ms: number; requests: number }> {
  await mock.clearJournal();
  const ms = await run();
  return { ms, requests: batchRequests(await mock.journal()).length };
}

/**
 * `sdk.get-10000.*` and `sdk.zod.batch-100`.
 *
 * @example
 * ```ts
 * const results = await sdkMetrics(ctx, mock);
 * ```
 */
export async function sdkMetrics(ctx: SuiteContext, mock: BenchMock): Promise<Measured[]> {
  if (mock.usccs.length < CALLS) throw new Error(`the mock has ${mock.usccs.length} subjects, need ${CALLS}`);
  const ids = mock.usccs.slice(0, CALLS);
  // Warm both paths (JIT, keep-alive sockets) before measuring.
  await viaSdk(mock, ids);
  await viaFetch(mock, ids);
  const sdk: { ms: number; requests: number }[] = [];
  const raw: { ms: number; requests: number }[] = [];
  for (let rep = 0; rep < ctx.repetitions; rep++) {
    // Alternate the order so drift on a shared machine does not favour one side.
    const order = rep % 2 === 0 ? (['sdk', 'raw'] as const) : (['raw', 'sdk'] as const);
    for (const side of order) {
      if (side === 'sdk') sdk.push(await countBatches(mock, () => viaSdk(mock, ids)));
      else raw.push(await countBatches(mock, () => viaFetch(mock, ids)));
    }
    ctx.log(
      `  sdk rep ${rep + 1}: get ${sdk.at(-1)?.ms.toFixed(0)} ms, fetch ${raw.at(-1)?.ms.toFixed(0)} ms`,
    );
  }
  const floor = Math.ceil(CALLS / MAX_BATCH_SIZE);
  const out: Measured[] = [
    metric(
      'sdk.get-10000.requests',
      'requests',
      sdk.map((s) => s.requests),
      {
        baselineSamples: raw.map((r) => r.requests),
        target: { text: `= ceil(10000 / 100) = ${floor}`, met: (m) => m.value <= floor },
        note: '10,000 distinct USCCs, ratings.get called for all in one tick; baseline: raw fetch batches of 100',
      },
    ),
    metric(
      'sdk.get-10000.wall',
      'ms',
      sdk.map((s) => s.ms),
      {
        baselineSamples: raw.map((r) => r.ms),
        target: { text: '≤ 1.1 × baseline', met: (m) => m.ratio !== null && m.ratio <= 1.1 },
        note: `first call to last result; concurrency ${CONCURRENCY} on both sides; the SDK validates every response with zod, the raw side only parses JSON; mock server in a child process`,
      },
    ),
  ];

  // One real 100-item response, validated many times per repetition.
  const res = await fetch(`${mock.url}/v1/ratings/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ids: ids.slice(0, MAX_BATCH_SIZE) }),
  });
  const text = await res.text();
  const json: unknown = JSON.parse(text);
  const parsed = BatchRatingsResponse.parse(json);
  if (parsed.data.length !== MAX_BATCH_SIZE) throw new Error(`batch answered ${parsed.data.length} items`);
  const perCall = (fn: () => unknown, rounds: number) => {
    const start = performance.now();
    for (let i = 0; i < rounds; i++) fn();
    return (performance.now() - start) / rounds;
  };
  const rounds = ctx.quick ? 50 : 200;
  perCall(() => BatchRatingsResponse.parse(json), rounds);
  perCall(() => JSON.parse(text), rounds);
  const zod: number[] = [];
  const jsonParse: number[] = [];
  for (let rep = 0; rep < Math.max(ctx.repetitions, 3); rep++) {
    zod.push(perCall(() => BatchRatingsResponse.parse(json), rounds));
    jsonParse.push(perCall(() => JSON.parse(text), rounds));
  }
  out.push(
    metric('sdk.zod.batch-100', 'ms', zod, {
      baselineSamples: jsonParse,
      note: `BatchRatingsResponse.parse of one real 100-item response (${(text.length / 1024).toFixed(1)} KiB JSON), mean of ${rounds} calls per repetition; baseline: JSON.parse of the same body (median ${median(jsonParse).toFixed(3)} ms)`,
    }),
  );
  return out;
}

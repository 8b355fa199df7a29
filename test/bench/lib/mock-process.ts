/**
 * Child process of the benchmarks: the real mock server over a generated seed set, so the
 * server's work does not share an event loop with the client being measured. Started by
 * `startBenchMock()` with IPC; sends `{ url }` once listening and stops on `'close'`.
 */
import { startMockServer } from '../../../mock-server/src/index.ts';
import { generateSeeds } from '../../../seeds/generate.ts';
import { DEMO_API_KEY } from '../../../seeds/schema.ts';

const size = Number(process.env.XINJIAN_BENCH_SEED_SIZE ?? '0');
if (!Number.isInteger(size) || size < 1)
  throw new Error('XINJIAN_BENCH_SEED_SIZE must be a positive integer');

const generated = generateSeeds({ size });
// The demo key's 600/minute would turn repetitions into 429 waits; the benchmarks measure the
// client and the extension, not the mock's rate limiter.
const seeds = {
  ...generated,
  keys: generated.keys.map((k) => (k.key === DEMO_API_KEY ? { ...k, rateLimitPerMinute: 1_000_000 } : k)),
};
const server = await startMockServer({ port: 0, seeds, reportDelayMs: 0 });
// Codes the SDK benchmark looks up: every enterprise except the fault-injection ones.
const usccs = seeds.enterprises
  .filter((e) => !e.tags.some((t) => t.startsWith('magic:')))
  .map((e) => e.subject.uscc);
process.send?.({ url: server.url, usccs });
process.on('message', (message) => {
  if (message === 'close') void server.close().then(() => process.exit(0));
});
process.on('disconnect', () => void server.close().then(() => process.exit(0)));

/**
 * Child process of the benchmarks: the real mock server over a generated seed set, so the
 * server's work does not share an event loop with the client being measured. Started by
 * `startBenchMock()` with IPC; sends `{ url }` once listening and stops on `'close'`.
 */
import { startMockServer } from '../../../mock-server/src/index.ts';
import { loadTestSeeds } from '../../../seeds/generate.ts';

const size = Number(process.env.XINJIAN_BENCH_SEED_SIZE ?? '0');
if (!Number.isInteger(size) || size < 1)
  throw new Error('XINJIAN_BENCH_SEED_SIZE must be a positive integer');

// The demo key unthrottled; the codes are what the SDK benchmark looks up.
const { seeds, usccs } = loadTestSeeds(size);
const server = await startMockServer({ port: 0, seeds, reportDelayMs: 0 });
process.send?.({ url: server.url, usccs });
process.on('message', (message) => {
  if (message === 'close') void server.close().then(() => process.exit(0));
});
process.on('disconnect', () => void server.close().then(() => process.exit(0)));

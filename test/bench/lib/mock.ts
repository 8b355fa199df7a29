/**
 * The benchmarks' mock server: the real one (`mock-server/`) in a child process, over a seed set
 * generated with `generateSeeds({ size })`, on an ephemeral port. Admin calls go over HTTP.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { JournalEntry } from '../../../mock-server/src/index.ts';
import { DEMO_API_KEY } from '../../../seeds/schema.ts';

export { DEMO_API_KEY };

/**
 * A running benchmark mock server.
 *
 * @example
 * ```ts
 * const mock = await startBenchMock({ size: 12_000 });
 * await mock.clearJournal();
 * // … drive the client or the extension …
 * const batches = (await mock.journal()).filter((e) => e.path === '/v1/ratings/batch');
 * await mock.close();
 * ```
 */
export interface BenchMock {
  url: string;
  /** USCCs of the generated enterprises that answer normally (no `magic:*` fault tags). */
  usccs: string[];
  journal(): Promise<JournalEntry[]>;
  clearJournal(): Promise<void>;
  setLatency(latencyMs: number): Promise<void>;
  close(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./mock-process.ts', import.meta.url));

async function admin(url: string, path: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(`${url}${path}`, init);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

/**
 * Starts the mock server in a child process with `size` generated enterprises.
 *
 * @example
 * ```ts
 * const mock = await startBenchMock({ size: 2_000 });
 * ```
 */
export async function startBenchMock({ size }: { size: number }): Promise<BenchMock> {
  const child: ChildProcess = fork(CHILD, [], {
    env: { ...process.env, XINJIAN_BENCH_SEED_SIZE: String(size) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const [ready] = (await Promise.race([
    once(child, 'message'),
    exited.then(([code]) => {
      throw new Error(`the mock server exited before listening (code ${String(code)})`);
    }),
  ])) as [{ url: string; usccs: string[] }];
  const { url } = ready;
  return {
    url,
    usccs: ready.usccs,
    async journal() {
      const body = (await (await admin(url, '/__mock/journal')).json()) as { data: JournalEntry[] };
      return body.data;
    },
    async clearJournal() {
      await admin(url, '/__mock/journal', { method: 'DELETE' });
    },
    async setLatency(latencyMs) {
      await admin(url, '/__mock/config', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ latencyMs }),
      });
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send('close');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Ratings batch requests in a journal (the requests that cost the API a lookup).
 *
 * @example
 * ```ts
 * batchRequests(await mock.journal()).length; // 10
 * ```
 */
export function batchRequests(journal: readonly JournalEntry[]): JournalEntry[] {
  return journal.filter((e) => e.method === 'POST' && e.path === '/v1/ratings/batch');
}

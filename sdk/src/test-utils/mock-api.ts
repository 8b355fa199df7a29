/**
 * Test support: a real mock server on an ephemeral port and its request journal. Not part of
 * the package (excluded from the build).
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  type JournalEntry,
  type RunningMockServer,
  startMockServer,
} from '../../../mock-server/src/index.ts';
import { DEMO_API_KEY } from '../../../seeds/schema.ts';
import { type ClientOptions, createClient, type XinjianClient } from '../client.ts';

export type { JournalEntry, RunningMockServer };
export { DEMO_API_KEY };

export interface MockHarness {
  server: RunningMockServer;
  url: string;
  /** A client on the mock with the demo key and test-sized retry delays. */
  client(overrides?: Partial<ClientOptions>): XinjianClient;
  /** `/v1` requests seen since the last reset, from `GET /__mock/journal`. */
  journal(): Promise<JournalEntry[]>;
  /** `POST /__mock/reset`: journal, credits, reports, fault scripts and rate windows. */
  reset(): Promise<void>;
  config(config: { latencyMs?: number; reportDelayMs?: number }): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  options: { reportDelayMs?: number; latencyMs?: number } = {},
): Promise<MockHarness> {
  const server = await startMockServer({ port: 0, reportDelayMs: options.reportDelayMs ?? 0, ...options });
  const admin = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res;
  };
  return {
    server,
    url: server.url,
    client: (overrides = {}) =>
      createClient({
        baseUrl: server.url,
        apiKey: DEMO_API_KEY,
        retryBaseDelayMs: 10,
        retryMaxDelayMs: 40,
        ...overrides,
      }),
    journal: async () =>
      ((await (await admin('GET', '/__mock/journal')).json()) as { data: JournalEntry[] }).data,
    reset: async () => {
      await admin('POST', '/__mock/reset');
    },
    config: async (config) => {
      await admin('PUT', '/__mock/config', config);
    },
    close: () => server.close(),
  };
}

/**
 * The mock harness of a test file: started before its tests, closed after them and, unless
 * `resetEach` is false, reset before each. Call it at the top of the file, before any hook that
 * uses it, so that it is started first.
 */
export function useMockHarness(
  options: { reportDelayMs?: number; latencyMs?: number } = {},
  { resetEach = true }: { resetEach?: boolean } = {},
): MockHarness {
  let started: MockHarness | null = null;
  const harness = (): MockHarness => {
    if (started === null) throw new Error('the mock harness is used before its beforeAll started it');
    return started;
  };
  beforeAll(async () => {
    started = await startHarness(options);
  });
  afterAll(async () => {
    await started?.close();
  });
  if (resetEach)
    beforeEach(async () => {
      await harness().reset();
    });
  return {
    get server() {
      return harness().server;
    },
    get url() {
      return harness().url;
    },
    client: (overrides) => harness().client(overrides),
    journal: () => harness().journal(),
    reset: () => harness().reset(),
    config: (config) => harness().config(config),
    close: () => harness().close(),
  };
}

/**
 * The 信鉴 Xinjian mock API: msw handlers over the seed data, and a real HTTP server for them.
 *
 * @example
 * ```ts
 * import { createMockApi, startMockServer } from '@xinjian/mock-server';
 *
 * // In vitest: setupServer(...createMockApi().handlers)
 * // For a browser or the extension:
 * const server = await startMockServer({ port: 8787 });
 * ```
 */

export { DEMO_API_KEY, DEMO_CUTOFF, SEED_AS_OF } from '../../seeds/demo.ts';
export {
  type FaultStep,
  MAGIC_SLOW_MS,
  MAGIC_TAGS,
  MAX_FAULT_DELAY_MS,
  type MagicTag,
  parseFaultScript,
  REPORT_FAILED_TAG,
} from './faults.ts';
export { createMockApi, type MockApi } from './handlers.ts';
export { faultHeaders, journal, magicSubject } from './helpers.ts';
export { type MockServerOptions, type RunningMockServer, startMockServer } from './http.ts';
export { DEMO_PAGES, MAX_BIDDERS } from './pages.ts';
export { CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS } from './responses.ts';
export {
  DEMO_SIGNING_KID,
  DEMO_SIGNING_SEED_HEX,
  demoJwks,
  type MockSigningOptions,
  mockSigningKey,
} from './signing.ts';
export {
  DEFAULT_REPORT_DELAY_MS,
  type JournalEntry,
  type MockApiOptions,
  type MockConfig,
  type MockState,
  RATE_WINDOW_MS,
  type StoredReport,
} from './state.ts';

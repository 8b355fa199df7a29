/**
 * The mutable state behind the mock API: journal, rate-limit windows, credits, idempotency
 * records, reports, fault scripts and the clock. Everything resets to the options it was made
 * with.
 */
import type { Product } from '@xinjian/sdk';
import type { EnterpriseSeed, IndividualSeed, KeySeed, SeedData } from '../../seeds/schema.ts';
import { type FaultStep, MAGIC_SLOW_MS } from './faults.ts';
import type { MockSigningOptions } from './signing.ts';

/**
 * Default delay before an ordered report turns ready, in milliseconds.
 *
 * @example
 * ```ts
 * createMockApi({ reportDelayMs: DEFAULT_REPORT_DELAY_MS * 10 }); // slower reports
 * ```
 */
export const DEFAULT_REPORT_DELAY_MS = 300;
/**
 * Length of a rate-limit window, in milliseconds: limits are per key per minute.
 *
 * @example
 * ```ts
 * await fetch(`${url}/__mock/clock`, { method: 'PUT', body: JSON.stringify({ advanceMs: RATE_WINDOW_MS }) });
 * ```
 */
export const RATE_WINDOW_MS = 60_000;

/**
 * Options of {@link createMockApi}; the HTTP server takes the same ones.
 *
 * @example
 * ```ts
 * const options: MockApiOptions = { reportDelayMs: 0, now: () => new Date('2026-11-01T09:00:00+08:00') };
 * ```
 */
export interface MockApiOptions {
  /** The data to serve; default the committed seed data (`seeds/index.ts`). */
  seeds?: SeedData;
  /** Milliseconds from order to ready report; default 300, 0 makes reports ready at once. */
  reportDelayMs?: number;
  /**
   * The least time from a `/v1` request's arrival to its answer, the mock's own work included
   * (what is left of it is waited out after the work); default 0.
   */
  latencyMs?: number;
  /** The clock for report readiness, rate-limit windows and timestamps; default the real clock. */
  now?: () => Date;
  /**
   * Origin the handlers answer for, e.g. `https://api.xinjian.test`; default any origin (`*`),
   * which suits both `setupServer` and the HTTP server.
   */
  baseUrl?: string;
  /** The Ed25519 key answers are signed with; default the published demo key (`DEMO_SIGNING_KID`). */
  signing?: MockSigningOptions;
}

/**
 * One `/v1` request as the server saw it. Keys are redacted to their last 4 characters and ID
 * numbers in bodies and queries are masked.
 *
 * @example
 * ```ts
 * const e: JournalEntry = (await (await fetch(`${url}/__mock/journal`)).json()).data[0];
 * e.headers['idempotency-key']; // the key the client sent
 * ```
 */
export interface JournalEntry {
  /** 1, 2, … in arrival order; keeps counting after `DELETE /__mock/journal`. */
  seq: number;
  requestId: string;
  /** Arrival, epoch milliseconds with sub-millisecond resolution (real time, not the mock clock). */
  time: number;
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string | string[]>;
  /** `…abcd` (last 4 characters of the API key), or null when none was sent. */
  key: string | null;
  /** `idempotency-key` and every `x-*` request header, lower-cased names. */
  headers: Record<string, string>;
  /** Parsed JSON body, raw text when it is not JSON, or null. */
  body: unknown;
  /** Status answered; 0 for a dropped connection; null while in flight. */
  status: number | null;
  /** The fault applied, e.g. `header:503` or `magic:503-twice`, else null. */
  fault: string | null;
  /** Time to answer in milliseconds, null while in flight. */
  durationMs: number | null;
}

/**
 * A report as stored: everything needed to render it at any later moment.
 *
 * @example
 * ```ts
 * const { state } = createMockApi();
 * const pending = [...state.reports.values()].filter((r) => r.readyAt > state.now().getTime());
 * ```
 */
export interface StoredReport {
  id: string;
  /** The API key that ordered it; only that key may read it. */
  apiKey: string;
  product: Product;
  purpose: string;
  subjectRef: string;
  createdAt: number;
  readyAt: number;
  subject: { kind: 'enterprise'; seed: EnterpriseSeed } | { kind: 'individual'; seed: IndividualSeed };
}

/**
 * Live configuration, changed with `PUT /__mock/config`.
 *
 * @example
 * ```ts
 * await fetch(`${url}/__mock/config`, { method: 'PUT', body: JSON.stringify({ latencyMs: 200 }) });
 * ```
 */
export interface MockConfig {
  latencyMs: number;
  reportDelayMs: number;
  /** How long a `magic:slow` subject holds its request (default `MAGIC_SLOW_MS`). */
  slowMs: number;
}

/**
 * The state of one mock API instance, shared by its handlers.
 *
 * @example
 * ```ts
 * const { state } = createMockApi();
 * state.journal.length; // 0
 * state.reset();
 * ```
 */
export interface MockState {
  readonly seeds: SeedData;
  config: MockConfig;
  /** A fixed instant set with `PUT /__mock/clock` (epoch ms), or null to follow the base clock. */
  clockFixedAt: number | null;
  /** Added to the base clock (`PUT /__mock/clock { advanceMs }`). */
  clockOffsetMs: number;
  journal: JournalEntry[];
  /** API key → the current fixed window. */
  rateWindows: Map<string, { startedAt: number; count: number }>;
  /** Account id → credits remaining. */
  credits: Map<string, number>;
  /** `apiKey + idempotency key` → the order it created. */
  orders: Map<string, { fingerprint: string; reportId: string }>;
  reports: Map<string, StoredReport>;
  /** Fault-script slot → the script and the index of its next step. */
  faultScripts: Map<string, { steps: FaultStep[]; next: number }>;
  /** `magic tag + request fingerprint` → times seen. */
  magicCounters: Map<string, number>;
  counters: { request: number; journal: number; report: number };
  /** The mock clock. */
  now(): Date;
  /** Back to the state the instance started with (journal included). */
  reset(): void;
}

/** Builds a fresh state for `seeds` with the given options (internal: see `createMockApi`). */
export function createState(seeds: SeedData, options: MockApiOptions): MockState {
  const baseNow = options.now ?? (() => new Date());
  const initialConfig = (): MockConfig => ({
    latencyMs: options.latencyMs ?? 0,
    reportDelayMs: options.reportDelayMs ?? DEFAULT_REPORT_DELAY_MS,
    slowMs: MAGIC_SLOW_MS,
  });
  const initialCredits = () =>
    new Map(seeds.keys.map((k: KeySeed) => [k.account.id, k.account.credits.remaining]));

  const state: MockState = {
    seeds,
    config: initialConfig(),
    clockFixedAt: null,
    clockOffsetMs: 0,
    journal: [],
    rateWindows: new Map(),
    credits: initialCredits(),
    orders: new Map(),
    reports: new Map(),
    faultScripts: new Map(),
    magicCounters: new Map(),
    counters: { request: 0, journal: 0, report: 0 },
    now() {
      const base = state.clockFixedAt ?? baseNow().getTime();
      return new Date(base + state.clockOffsetMs);
    },
    reset() {
      state.config = initialConfig();
      state.clockFixedAt = null;
      state.clockOffsetMs = 0;
      state.journal = [];
      state.rateWindows.clear();
      state.credits = initialCredits();
      state.orders.clear();
      state.reports.clear();
      state.faultScripts.clear();
      state.magicCounters.clear();
      state.counters = { request: 0, journal: 0, report: 0 };
    },
  };
  return state;
}

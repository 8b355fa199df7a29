/**
 * `npm run bench [-- --quick] [-- --only sdk,ids,bundle,browser] [-- --browser annotate,latency,flood]`:
 * runs the benchmark suites (`--browser` picks the parts of the browser suite),
 * prints a table and writes test/bench/results.json. Benchmarks report and never fail on a
 * missed target; the exit code is non-zero only when a metric could not be measured at all.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { removeBuildsSync } from './lib/extension.ts';
import {
  failed,
  formatTable,
  type Machine,
  type Measured,
  type MetricResult,
  machineInfo,
} from './lib/metrics.ts';
import { type BenchMock, startBenchMock } from './lib/mock.ts';
import type { SuiteContext } from './lib/suite.ts';
import { browserMetrics } from './suites/browser.ts';
import { bundleMetrics } from './suites/bundle.ts';
import { identifierMetrics } from './suites/identifiers.ts';
import { sdkMetrics } from './suites/sdk.ts';

const RESULTS = new URL('./results.json', import.meta.url);
const SUITES = ['ids', 'sdk', 'bundle', 'browser'] as const;
type SuiteName = (typeof SUITES)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    repetitions: { type: 'string' },
    browser: { type: 'string' },
  },
});
const quick = values.quick === true;
const only = new Set((values.only ?? SUITES.join(',')).split(',').map((s) => s.trim()));
for (const name of only) {
  if (!(SUITES as readonly string[]).includes(name)) {
    console.error(`unknown suite ${name}; choose from ${SUITES.join(', ')}`);
    process.exit(2);
  }
}
const BROWSER_PARTS = ['annotate', 'latency', 'flood'] as const;
const browserParts = (values.browser ?? BROWSER_PARTS.join(',')).split(',').map((s) => s.trim());
for (const part of browserParts) {
  if (!(BROWSER_PARTS as readonly string[]).includes(part)) {
    console.error(`unknown browser part ${part}; choose from ${BROWSER_PARTS.join(', ')}`);
    process.exit(2);
  }
}
const repetitions = values.repetitions === undefined ? (quick ? 2 : 5) : Number(values.repetitions);
if (!Number.isInteger(repetitions) || repetitions < 1) {
  console.error('--repetitions must be a positive integer');
  process.exit(2);
}

const machine: Machine = machineInfo();
const ctx: SuiteContext = {
  quick,
  repetitions,
  log: (line) => console.log(line),
  machine,
  browserParts: new Set(browserParts as (typeof BROWSER_PARTS)[number][]),
};
const started = performance.now();
const results: Measured[] = [];
// 10,000 distinct subjects for the SDK run, enough for the 10,000-row page's 5,000 bidders too.
const SEED_SIZE = 10_100;
let mock: BenchMock | null = null;

async function suite(name: SuiteName, run: () => Promise<Measured[]>): Promise<void> {
  if (!only.has(name)) return;
  const t0 = performance.now();
  console.log(`▶ ${name}`);
  try {
    results.push(...(await run()));
  } catch (error) {
    console.log(
      `  ${name} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    results.push(failed(`${name}.*`, '', error));
  }
  console.log(`  ${name} took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// Interrupted: the mock child stops when its IPC channel closes, Playwright closes its
// browsers on exit; temp builds are removed here.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    removeBuildsSync();
    process.exit(130);
  });
}

const needsMock = only.has('sdk') || only.has('browser');
try {
  if (needsMock) {
    mock = await startBenchMock({ size: SEED_SIZE });
    console.log(`mock server ${mock.url} with ${mock.usccs.length.toLocaleString('en-US')} subjects`);
  }
  await suite('ids', () => identifierMetrics(ctx));
  await suite('sdk', () => sdkMetrics(ctx, mock as BenchMock));
  await suite('bundle', () => bundleMetrics(ctx));
  await suite('browser', () => browserMetrics(ctx, mock as BenchMock));
} catch (error) {
  results.push(failed('bench.setup', '', error));
} finally {
  await mock?.close();
}

const full: MetricResult[] = results.map((r) => ({ ...r, machine }));
await writeFile(RESULTS, `${JSON.stringify(full, null, 2)}\n`);
console.log(`\n${formatTable(results)}\n`);
console.log(
  `${machine.cpus} × ${machine.cpuModel}, ${machine.memGiB} GiB, Node ${machine.node}, Chromium ${machine.chromium ?? '—'}; ${quick ? 'quick' : 'full'} run, ${repetitions} repetitions, ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
console.log(`results: ${new URL(RESULTS).pathname}`);

const missing = results.filter((r) => r.error !== undefined);
const missed = results.filter((r) => r.met === false);
if (missed.length > 0)
  console.log(`targets missed (reported, not failed): ${missed.map((r) => r.name).join(', ')}`);
if (missing.length > 0) {
  console.error(`not measured: ${missing.map((r) => `${r.name} (${r.error})`).join('; ')}`);
  process.exitCode = 1;
}

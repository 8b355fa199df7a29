/**
 * The shape of a benchmark result, the statistics behind it and the table printed at the end.
 * Benchmarks report; they never fail on a missed target (machines here are shared and noisy).
 */
import { availableParallelism, cpus, totalmem } from 'node:os';

/**
 * The machine a run was measured on; every result carries it.
 *
 * @example
 * ```ts
 * const m: Machine = { cpus: 2, cpuModel: 'AMD EPYC', memGiB: 23.5, node: 'v24.21.0', chromium: '156.0.0.0' };
 * ```
 */
export interface Machine {
  cpus: number;
  cpuModel: string;
  memGiB: number;
  node: string;
  /** Chromium version, or null when no browser metric ran. */
  chromium: string | null;
}

/**
 * One line of `results.json`. `ratio` is `value / baseline` (for times: lower is better; for
 * throughputs: higher is better, see `unit`). `met` is null when the metric has no target or
 * could not be measured; `error` says why a metric is missing.
 *
 * @example
 * ```ts
 * const r: MetricResult = {
 *   name: 'scan.rows-1000.scan', value: 12.1, unit: 'ms', baseline: 9.8, ratio: 1.23,
 *   target: 'scan ≤ 1.5 × baseline', met: true, repetitions: 5, samples: [12.1, 11.9, 12.6, 12.0, 13.4],
 *   machine,
 * };
 * ```
 */
export interface MetricResult {
  name: string;
  value: number | null;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: string | null;
  met: boolean | null;
  repetitions: number;
  /** Every repetition's value, in run order (the reported value is their median). */
  samples: number[];
  /** How it was measured when that is not obvious from the name (e.g. which memory API). */
  note?: string;
  error?: string;
  machine: Machine;
}

/**
 * A metric as a suite reports it; the runner adds `machine`.
 *
 * @example
 * ```ts
 * const m: Measured = metric('sdk.zod.batch-100', 'ms', [0.37, 0.38, 0.36]);
 * ```
 */
export type Measured = Omit<MetricResult, 'machine'>;

/**
 * A target: a description and the predicate that decides `met` from value, baseline and ratio.
 *
 * @example
 * ```ts
 * const t: Target = { text: 'scan ≤ 1.5 × baseline', met: (m) => m.ratio !== null && m.ratio <= 1.5 };
 * ```
 */
export interface Target {
  text: string;
  met: (m: { value: number; baseline: number | null; ratio: number | null }) => boolean;
}

/**
 * The median (mean of the middle two for an even count).
 *
 * @example
 * ```ts
 * median([3, 1, 2]); // 2
 * median([4, 1, 3, 2]); // 2.5
 * ```
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Builds a result from repetition samples: the median of `samples`, and of `baselineSamples`
 * when given (each measured in the same run as its value).
 *
 * @example
 * ```ts
 * metric('sdk.get-10000.wall', 'ms', [120, 110, 130], { baselineSamples: [100, 95, 105] });
 * // { value: 120, baseline: 100, ratio: 1.2, … }
 * ```
 */
export function metric(
  name: string,
  unit: string,
  samples: readonly number[],
  options: { baselineSamples?: readonly number[]; baseline?: number; target?: Target; note?: string } = {},
): Measured {
  const value = median(samples);
  const baseline = options.baseline ?? (options.baselineSamples ? median(options.baselineSamples) : null);
  const ratio = baseline === null || baseline === 0 ? null : value / baseline;
  const out: Measured = {
    name,
    value,
    unit,
    baseline,
    ratio,
    target: options.target?.text ?? null,
    met: options.target ? options.target.met({ value, baseline, ratio }) : null,
    repetitions: samples.length,
    samples: [...samples],
  };
  if (options.note !== undefined) out.note = options.note;
  return out;
}

/**
 * A metric that could not be measured at all: the run exits non-zero because of it.
 *
 * @example
 * ```ts
 * failed('bundle.popup', 'KiB gzip', new Error('no popup in the manifest'));
 * ```
 */
export function failed(name: string, unit: string, error: unknown): Measured {
  return {
    name,
    value: null,
    unit,
    baseline: null,
    ratio: null,
    target: null,
    met: null,
    repetitions: 0,
    samples: [],
    error: error instanceof Error ? error.message : String(error),
  };
}

/**
 * The machine this process runs on; `chromium` is filled in once a browser has started.
 *
 * @example
 * ```ts
 * machineInfo().cpus; // 2
 * ```
 */
export function machineInfo(): Machine {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium: null,
  };
}

function fmt(n: number | null, unit = ''): string {
  if (n === null) return '—';
  const abs = Math.abs(n);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 10 ? 2 : 3;
  return `${n.toLocaleString('en-US', { maximumFractionDigits: digits })}${unit}`;
}

/**
 * The results as rows of a Markdown table (used for the console and for the README).
 *
 * @example
 * ```ts
 * console.log(formatTable(results));
 * ```
 */
export function formatTable(results: readonly Measured[]): string {
  const rows = [
    ['metric', 'value', 'baseline', 'ratio', 'target', 'met', 'n'],
    ...results.map((r) => [
      r.name,
      r.error !== undefined ? `not measured: ${r.error}` : `${fmt(r.value)} ${r.unit}`,
      r.baseline === null ? '—' : fmt(r.baseline),
      r.ratio === null ? '—' : `${fmt(r.ratio)}×`,
      r.target ?? '—',
      r.met === null ? '—' : r.met ? 'yes' : '**no**',
      String(r.repetitions),
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const [head, ...body] = rows;
  return [line(head ?? []), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

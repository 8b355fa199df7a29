/**
 * What every suite gets from the runner.
 */
import type { Machine } from './metrics.ts';

/**
 * The run's settings and a progress logger.
 *
 * @example
 * ```ts
 * const ctx: SuiteContext = { quick: true, repetitions: 2, log: console.log, machine: machineInfo(), browserParts: new Set(['annotate', 'latency']) };
 * ```
 */
export interface SuiteContext {
  quick: boolean;
  /** Repetitions of every timed measurement (median reported). */
  repetitions: number;
  log: (line: string) => void;
  /** The machine record; a suite that starts a browser fills in `chromium`. */
  machine: Machine;
  /** The parts of the browser suite to run: the annotated pages, the latency runs, the flooded page. */
  browserParts: Set<'annotate' | 'latency' | 'flood'>;
}

/**
 * Exit codes of the `xinjian` command. 0–2 say what the check found; 64 and up follow BSD
 * sysexits.h, so scripts can tell "a bidder failed" from "the check could not run".
 */
import type { Outcome } from './labels.ts';

/**
 * The documented exit codes.
 *
 * @example
 * ```ts
 * process.exitCode = EXIT.FAIL; // 1
 * ```
 */
export const EXIT = {
  /** Every subject was checked and passed (or a listing was printed). */
  OK: 0,
  /** At least one subject fails (不通过). */
  FAIL: 1,
  /** None fails, but at least one needs attention: review, incomplete, not found or ambiguous. */
  ATTENTION: 2,
  /** Bad command line: unknown command or option, missing argument, bad date. */
  USAGE: 64,
  /** Bad input data: an identifier that fails its check, an empty list, no usable columns. */
  DATA: 65,
  /** An input file does not exist or cannot be read. */
  NO_INPUT: 66,
  /** Unexpected internal error. */
  SOFTWARE: 70,
  /** The API could not be reached or answered with a server error; rows show 暂不可用. */
  UNAVAILABLE: 69,
  /** An output file cannot be written. */
  CANT_CREATE: 73,
  /** The API key was rejected (401/403). */
  AUTH: 77,
  /** Incomplete configuration (XINJIAN_API_URL without XINJIAN_API_KEY, or the reverse). */
  CONFIG: 78,
  /** Stopped by Ctrl-C (SIGINT, 128 + 2): what was checked is written, marked partial. */
  INTERRUPTED: 130,
} as const;

/**
 * One of {@link EXIT}'s values.
 *
 * @example
 * ```ts
 * const code: ExitCode = EXIT.DATA;
 * ```
 */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

// Most severe first: a run that could not reach the API says so before what it did find.
// An interrupted run says so first: its other outcomes are not the whole list.
const PRECEDENCE: readonly ExitCode[] = [
  EXIT.INTERRUPTED,
  EXIT.AUTH,
  EXIT.UNAVAILABLE,
  EXIT.DATA,
  EXIT.FAIL,
  EXIT.ATTENTION,
];

const BY_OUTCOME: Readonly<Record<Outcome, ExitCode>> = {
  pass: EXIT.OK,
  fail: EXIT.FAIL,
  review: EXIT.ATTENTION,
  incomplete: EXIT.ATTENTION,
  not_found: EXIT.ATTENTION,
  ambiguous: EXIT.ATTENTION,
  unavailable: EXIT.UNAVAILABLE,
  invalid: EXIT.DATA,
  interrupted: EXIT.INTERRUPTED,
};

/**
 * The exit code for a set of row outcomes: the most severe one present, in the order
 * 130 (interrupted) › 69 (unavailable) › 65 (invalid code) › 1 (fail) › 2 (needs attention) › 0.
 *
 * @example
 * ```ts
 * exitCodeFor(['pass', 'review', 'fail']); // 1
 * ```
 */
export function exitCodeFor(outcomes: Iterable<Outcome>): ExitCode {
  const present = new Set<ExitCode>();
  for (const o of outcomes) present.add(BY_OUTCOME[o]);
  return PRECEDENCE.find((c) => present.has(c)) ?? EXIT.OK;
}

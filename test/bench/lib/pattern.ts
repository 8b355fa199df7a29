/**
 * The candidate pattern of `findIdentifiers` (sdk/src/identifiers/find.ts), for the bare-regex
 * baselines. The SDK does not export it, so the source is repeated here and checked against the
 * SDK's file on every run: a baseline over a different pattern would be meaningless.
 */
import { readFileSync } from 'node:fs';

/**
 * Source of the SDK's candidate regular expression (flags `g`).
 *
 * @example
 * ```ts
 * const re = new RegExp(CANDIDATE_SOURCE, 'g');
 * ```
 */
export const CANDIDATE_SOURCE =
  '(?<![0-9A-Za-z])(?:([0-9A-Za-z]{8}-[0-9A-Za-z])|([0-9A-Za-z]{18})|([0-9]{15}))(?![0-9A-Za-z])';

const FIND_TS = new URL('../../../sdk/src/identifiers/find.ts', import.meta.url);

/**
 * Throws when sdk/src/identifiers/find.ts no longer contains {@link CANDIDATE_SOURCE}.
 *
 * @example
 * ```ts
 * assertSamePattern(); // before measuring a baseline
 * ```
 */
export function assertSamePattern(): void {
  const source = readFileSync(FIND_TS, 'utf8');
  if (!source.includes(`/${CANDIDATE_SOURCE}/g`)) {
    throw new Error(
      'the candidate pattern in sdk/src/identifiers/find.ts changed: update CANDIDATE_SOURCE in test/bench/lib/pattern.ts',
    );
  }
}

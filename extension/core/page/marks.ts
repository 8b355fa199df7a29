/**
 * User-timing measures of the content script's three phases, in every build: `xinjian:scan`
 * (reading the page for codes), `xinjian:lookup` (a lookup message to its answer) and
 * `xinjian:render` (badge and result writes). They carry a name and a time span only, never
 * data: the hosting page can read its own performance timeline. The bench sums them
 * (test/bench/README.md); DevTools' Performance panel shows them as a track.
 */

/** The phases measured. */
export type Phase = 'xinjian:scan' | 'xinjian:lookup' | 'xinjian:render';

/**
 * Records `phase` from `start` (a `performance.now()` reading) to now, and returns now. A
 * measure that cannot be recorded (a page that replaced `performance`) is skipped silently.
 */
export function measurePhase(phase: Phase, start: number): number {
  const end = performance.now();
  try {
    // A span with no detail: the options object, not a mark pair, so no extra entries.
    performance.measure(phase, { start, end });
  } catch {
    // Timing is a diagnostic; it never breaks the page's badges.
  }
  return end;
}

/**
 * Marks a moment with no data: `xinjian:settled` when every subject read so far has its answer.
 */
export function markPhase(name: 'xinjian:settled'): void {
  try {
    performance.mark(name);
  } catch {
    // Timing is a diagnostic; it never breaks the page's badges.
  }
}

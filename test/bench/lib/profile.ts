/**
 * Reading a CDP CPU profile: how long the extension's code held the main thread at a stretch.
 */

/** The parts of a `Profiler.stop` answer that are read here. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

/**
 * The longest time code from `urlPrefix` (with what it calls: style reads, DOM calls) ran
 * without a break, and its total: JavaScript cannot yield in the middle, so this is the longest
 * task that code made on the page's main thread. Garbage collection neither breaks nor extends
 * a run; any other sample (the page's code, rendering, idle) ends it.
 *
 * @example
 * ```ts
 * const { longestMs } = busiestStretch(profile, `chrome-extension://${browser.extensionId}/`);
 * ```
 */
export function busiestStretch(
  profile: CpuProfile,
  urlPrefix: string,
): { longestMs: number; totalMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const ours =
      (byId.get(id)?.callFrame.url.startsWith(urlPrefix) ?? false) || (up !== undefined && isOurs(up));
    memo.set(id, ours);
    return ours;
  };
  let run = 0;
  let longestMs = 0;
  let totalMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i] ?? 0;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (isOurs(id)) {
      run += ms;
      totalMs += ms;
      longestMs = Math.max(longestMs, run);
    } else if (byId.get(id)?.callFrame.functionName !== '(garbage collector)') {
      run = 0;
    }
  }
  return { longestMs, totalMs };
}

/**
 * Whether the service worker is busy with work a page waits for (lookups landing). Writing a
 * few megabytes to `storage.session` holds the worker's thread for up to 150 ms while the
 * values are converted, and a batch that answers meanwhile waits, and so does the next one.
 * The stored copies serve only a restarted worker, so they wait until the work is done
 * (docs/decisions/0071), or at most {@link QUIET_MAX_WAIT_MS}.
 */

/** The longest a stored copy waits for quiet: about what a restarted worker could lose. */
export const QUIET_MAX_WAIT_MS = 5_000;

let busy = 0;
let waiters: Array<() => void> = [];

/**
 * Counts `work` as busy until it settles; returns it unchanged.
 *
 * @example
 * ```ts
 * const results = await whileBusy(lookUp(subjects));
 * ```
 */
export function whileBusy<T>(work: Promise<T>): Promise<T> {
  busy++;
  const done = () => {
    busy--;
    if (busy > 0) return;
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };
  work.then(done, done);
  return work;
}

/**
 * Resolves when no busy work is left, or after `maxWaitMs`, whichever comes first.
 *
 * @example
 * ```ts
 * await whenQuiet();
 * await browser.storage.session.set(items);
 * ```
 */
export function whenQuiet(maxWaitMs = QUIET_MAX_WAIT_MS): Promise<void> {
  if (busy === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(finish, maxWaitMs);
    function finish(): void {
      clearTimeout(timer);
      waiters = waiters.filter((w) => w !== finish);
      resolve();
    }
    waiters.push(finish);
  });
}

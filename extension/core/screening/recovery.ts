/**
 * Recovery while the page stays open (docs/decisions/0011): once the background has given up on
 * a subject (its result is unavailable with no retry scheduled), the content script asks again
 * after 30 s, 1, 2 and then every 5 minutes, and at once when the browser comes back online.
 * The content script lives exactly as long as the page, so the schedule needs no alarm in the
 * service worker, which Chrome may stop after 30 idle seconds. A refused key or an empty account
 * is not retried from here: the background asks again when the settings change.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SubjectResult } from './model.ts';

/** Delays between the content script's own attempts; the last one repeats. */
export const RECOVERY_DELAYS_MS: readonly number[] = [30_000, 60_000, 120_000, 300_000];

// Failures that another attempt may fix (the SDK's error names); anything else waits for a
// settings change. A result without an error is the content script's own "no reply".
const RECOVERABLE = new Set([
  'APIConnectionError',
  'APITimeoutError',
  'InternalServerError',
  'RateLimitError',
  'ConflictError',
  'ResponseValidationError',
  'ResponseParseError',
]);

/**
 * Whether the content script should ask again for a subject with this result.
 */
export function isRecoverable(result: SubjectResult): boolean {
  if (result.state !== 'unavailable' || result.retryAt !== null) return false;
  return result.error === null || RECOVERABLE.has(result.error.name);
}

/**
 * The recovery schedule of one page.
 */
export interface Recovery {
  /** Tells the schedule the latest result of a subject. */
  note(key: string, result: SubjectResult): void;
  /** Forgets every subject (an in-page navigation). */
  clear(): void;
}

/**
 * Starts the schedule; `askAgain` receives the keys due for another lookup. Timers and
 * listeners end with the content-script context.
 */
export function createRecovery(ctx: ContentScriptContext, askAgain: (keys: string[]) => void): Recovery {
  const waiting = new Set<string>();
  let attempt = 0;
  let timer: number | null = null;

  const fire = () => {
    timer = null;
    if (ctx.isInvalid || waiting.size === 0) return;
    // A hidden tab waits: nobody reads its badges, and the next visibilitychange asks.
    if (document.hidden) return;
    const keys = [...waiting];
    waiting.clear();
    attempt++;
    askAgain(keys);
  };
  const schedule = () => {
    if (timer !== null || waiting.size === 0 || ctx.isInvalid) return;
    const delay = RECOVERY_DELAYS_MS[Math.min(attempt, RECOVERY_DELAYS_MS.length - 1)] ?? 300_000;
    timer = ctx.setTimeout(fire, delay);
  };
  const now = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    fire();
  };

  ctx.addEventListener(document, 'visibilitychange', () => {
    if (!document.hidden && waiting.size > 0 && timer === null) now();
  });
  // Only the browser's own event: a page dispatching a fake `online` must not make us send.
  ctx.addEventListener(window, 'online', (event) => {
    if (!event.isTrusted) return;
    attempt = 0;
    now();
  });

  return {
    note(key, result) {
      if (isRecoverable(result)) {
        waiting.add(key);
        schedule();
        return;
      }
      waiting.delete(key);
      // An answer means the service is back: the next failure starts the schedule over.
      if (result.state !== 'unavailable' && result.state !== 'checking') attempt = 0;
    },
    clear() {
      waiting.clear();
      attempt = 0;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

/**
 * What a long `xinjian check --csv` says on stderr while it runs: progress with an estimate of
 * the time left on a terminal, one line per thousand rows in a log, and a notice whenever the
 * service rate-limits the key and the client waits.
 */
import type { RetryEvent } from '@xinjian/sdk';
import { type Language, tr } from './labels.ts';

/** Rows between two progress lines when stderr is not a terminal. */
export const LOG_EVERY_ROWS = 1000;

// A terminal line is redrawn at most this often; the last row always draws.
const REDRAW_MS = 100;

/**
 * Where progress goes.
 *
 * @example
 * ```ts
 * const progress = createProgress({ write: (s) => process.stderr.write(s), tty: true, lang: 'zh', total: 2000 });
 * ```
 */
export interface ProgressOptions {
  write: (chunk: string) => void;
  /** A terminal: one line redrawn in place. Otherwise whole lines, for logs. */
  tty: boolean;
  lang: Language;
  total: number;
  /** No progress lines (`--quiet`, or no list); rate-limit notices are still written. */
  quiet?: boolean;
  /** Milliseconds; default `performance.now`. */
  now?: () => number;
}

/**
 * The progress of one run.
 *
 * @example
 * ```ts
 * progress.update(1000);
 * progress.retry(event); // from the client's onRetry hook
 * progress.end();
 * ```
 */
export interface Progress {
  /** `done` rows of `total` have all their answers. */
  update(done: number): void;
  /** The client is about to wait before a retry; rate limits (429) are reported. */
  retry(event: Pick<RetryEvent, 'status' | 'delayMs'>): void;
  /** Ends the terminal line, if one is drawn. */
  end(): void;
}

/**
 * `约 12 秒` / `about 12 s`, rounded up; minutes past 90 seconds.
 *
 * @example
 * ```ts
 * formatDuration('en', 95_000); // 'about 2 min'
 * ```
 */
export function formatDuration(lang: Language, ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  if (s <= 90) return tr(lang, { zh: `约 ${s} 秒`, en: `about ${s} s` });
  const m = Math.ceil(s / 60);
  return tr(lang, { zh: `约 ${m} 分钟`, en: `about ${m} min` });
}

/**
 * A progress reporter for {@link ProgressOptions}.
 *
 * @example
 * ```ts
 * const progress = createProgress({ write: (s) => io.stderr.write(s), tty: false, lang: 'en', total: 2000 });
 * progress.update(1000); // "checked 1000/2000 (50%), about 3 s left\n"
 * ```
 */
export function createProgress(options: ProgressOptions): Progress {
  const { write, tty, lang, total } = options;
  const now = options.now ?? (() => performance.now());
  const started = now();
  let drawn = false;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastDone = 0;
  let logged = 0;
  let quietUntil = Number.NEGATIVE_INFINITY;

  const line = (done: number): string => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    const elapsed = now() - started;
    const eta =
      done > 0 && done < total
        ? tr(lang, {
            zh: `，剩余${formatDuration(lang, (elapsed / done) * (total - done))}`,
            en: `, ${formatDuration(lang, (elapsed / done) * (total - done))} left`,
          })
        : '';
    return tr(lang, {
      zh: `已核查 ${done}/${total}（${pct}%）${eta}`,
      en: `checked ${done}/${total} (${pct}%)${eta}`,
    });
  };
  const clear = () => {
    if (drawn) write('\r\x1b[K');
    drawn = false;
  };
  const draw = (done: number) => {
    write(`\r\x1b[K${line(done)}`);
    drawn = true;
    lastDraw = now();
  };

  return {
    update(done) {
      if (options.quiet === true) return;
      lastDone = done;
      if (tty) {
        if (done === total || now() - lastDraw >= REDRAW_MS) draw(done);
        return;
      }
      // Logs get a line per thousand rows and one for the last row, nothing in between.
      if (done === total || Math.floor(done / LOG_EVERY_ROWS) > Math.floor(logged / LOG_EVERY_ROWS)) {
        write(`${line(done)}\n`);
        logged = done;
      }
    },
    retry(event) {
      if (event.status !== 429) return;
      // Concurrent requests hit the limit together: one notice per wait, not one per request.
      const t = now();
      if (t < quietUntil) return;
      quietUntil = t + event.delayMs;
      clear();
      write(
        tr(lang, {
          zh: `接口限流（HTTP 429）：等待${formatDuration(lang, event.delayMs)}后重试\n`,
          en: `rate-limited by the API (HTTP 429): waiting ${formatDuration(lang, event.delayMs)} before retrying\n`,
        }),
      );
      if (tty && lastDone > 0) draw(lastDone);
    },
    end() {
      if (drawn) write('\n');
      drawn = false;
    },
  };
}

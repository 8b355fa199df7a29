import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration } from './progress.ts';

function harness(tty: boolean, lang: 'zh' | 'en' = 'zh', quiet = false) {
  let t = 0;
  let out = '';
  const progress = createProgress({
    write: (c) => {
      out += c;
    },
    tty,
    lang,
    total: 2000,
    quiet,
    now: () => t,
  });
  return { progress, advance: (ms: number) => (t += ms), out: () => out };
}

describe('progress on stderr', () => {
  it('on a terminal: one line redrawn in place with the time left, at most every 100 ms', () => {
    const h = harness(true, 'en');
    h.advance(1000);
    h.progress.update(500);
    h.advance(10);
    h.progress.update(510); // too soon: not drawn
    h.advance(990);
    h.progress.update(1000);
    h.advance(2000);
    h.progress.update(2000);
    h.progress.end();
    expect(h.out()).toBe(
      '\r\x1b[Kchecked 500/2000 (25%), about 3 s left' +
        '\r\x1b[Kchecked 1000/2000 (50%), about 2 s left' +
        '\r\x1b[Kchecked 2000/2000 (100%)\n',
    );
  });

  it('in a log: one line per thousand rows and one for the last', () => {
    const h = harness(false);
    for (let done = 1; done <= 2000; done++) {
      h.advance(1);
      h.progress.update(done);
    }
    expect(h.out().split('\n')).toEqual([
      '已核查 1000/2000（50%），剩余约 1 秒',
      '已核查 2000/2000（100%）',
      '',
    ]);
  });

  it('a rate limit is announced once per wait, above the redrawn line, even when quiet', () => {
    const h = harness(true, 'zh');
    h.progress.update(100);
    h.progress.retry({ status: 429, delayMs: 30_000 });
    h.progress.retry({ status: 429, delayMs: 30_000 }); // a concurrent request, same wait
    h.progress.retry({ status: 503, delayMs: 500 }); // not a rate limit
    expect(h.out().match(/接口限流/g)).toHaveLength(1);
    expect(h.out()).toContain('\r\x1b[K接口限流（HTTP 429）：等待约 30 秒后重试\n\r\x1b[K已核查 100/2000');
    const quiet = harness(false, 'en', true);
    quiet.progress.update(1000);
    quiet.progress.retry({ status: 429, delayMs: 120_000 });
    expect(quiet.out()).toBe('rate-limited by the API (HTTP 429): waiting about 2 min before retrying\n');
  });

  it('formats durations in seconds, minutes past 90 s', () => {
    expect(formatDuration('zh', 400)).toBe('约 1 秒');
    expect(formatDuration('en', 90_000)).toBe('about 90 s');
    expect(formatDuration('zh', 91_000)).toBe('约 2 分钟');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenQuiet, whileBusy } from './quiet.ts';

afterEach(() => vi.useRealTimers());

describe('whenQuiet', () => {
  it('waits for every piece of busy work, and only for it', async () => {
    const a = Promise.withResolvers<void>();
    const b = Promise.withResolvers<void>();
    void whileBusy(a.promise);
    void whileBusy(b.promise);
    let quiet = false;
    const waiting = whenQuiet().then(() => {
      quiet = true;
    });
    a.resolve();
    await a.promise;
    await Promise.resolve();
    expect(quiet).toBe(false);
    b.reject(new Error('a lookup failed'));
    await waiting;
    expect(quiet).toBe(true);
    // Nothing busy: at once.
    await expect(whenQuiet()).resolves.toBeUndefined();
  });

  it('gives up waiting on work that never ends after the longest wait', async () => {
    vi.useFakeTimers();
    void whileBusy(new Promise(() => {}));
    let quiet = false;
    void whenQuiet(1_000).then(() => {
      quiet = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(quiet).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(quiet).toBe(true);
  });
});

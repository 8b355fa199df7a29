import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SubjectResult } from './model.ts';
import { createRecovery, isRecoverable, RECOVERY_DELAYS_MS } from './recovery.ts';

const reason = { zh: '无法连接信用服务', en: 'Cannot reach the credit service' };
const down = (name = 'APIConnectionError'): SubjectResult => ({
  state: 'unavailable',
  reason,
  error: { name, message: name },
  retryAt: null,
});

describe('isRecoverable', () => {
  it('retries what another attempt may fix, once the background has stopped', () => {
    expect(isRecoverable(down())).toBe(true);
    expect(isRecoverable(down('ResponseParseError'))).toBe(true);
    expect(isRecoverable({ state: 'unavailable', reason, error: null, retryAt: null })).toBe(true);
    expect(isRecoverable({ ...down(), retryAt: new Date().toISOString() } as SubjectResult)).toBe(false);
    expect(isRecoverable(down('AuthenticationError'))).toBe(false);
    expect(isRecoverable(down('InsufficientCreditsError'))).toBe(false);
    expect(isRecoverable({ state: 'not_found' })).toBe(false);
  });
});

describe('createRecovery', () => {
  let ctx: ContentScriptContext;
  beforeEach(() => {
    vi.useFakeTimers();
    ctx = new ContentScriptContext('recovery-test');
  });
  afterEach(() => {
    ctx.abort();
    vi.useRealTimers();
  });

  it('asks again on the schedule, all due subjects together, and starts over after an answer', () => {
    const asked: string[][] = [];
    const recovery = createRecovery(ctx, (keys) => asked.push(keys));
    recovery.note('a', down());
    recovery.note('b', down('InternalServerError'));
    recovery.note('c', down('AuthenticationError'));
    vi.advanceTimersByTime((RECOVERY_DELAYS_MS[0] ?? 0) - 1);
    expect(asked).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(asked).toEqual([['a', 'b']]);
    // Still down: the next attempt waits longer.
    recovery.note('a', down());
    vi.advanceTimersByTime(RECOVERY_DELAYS_MS[0] ?? 0);
    expect(asked).toHaveLength(1);
    vi.advanceTimersByTime((RECOVERY_DELAYS_MS[1] ?? 0) - (RECOVERY_DELAYS_MS[0] ?? 0));
    expect(asked).toEqual([['a', 'b'], ['a']]);
    // An answer resets the schedule.
    recovery.note('b', { state: 'not_found' });
    recovery.note('a', down());
    vi.advanceTimersByTime(RECOVERY_DELAYS_MS[0] ?? 0);
    expect(asked).toEqual([['a', 'b'], ['a'], ['a']]);
  });

  it('asks at once when the browser comes back online, but not for a page-made event', () => {
    const asked: string[][] = [];
    const recovery = createRecovery(ctx, (keys) => asked.push(keys));
    recovery.note('a', down());
    window.dispatchEvent(new Event('online')); // untrusted, like a page script's
    expect(asked).toEqual([]);
    recovery.clear();
    vi.advanceTimersByTime(RECOVERY_DELAYS_MS.at(-1) ?? 0);
    expect(asked).toEqual([]);
  });
});

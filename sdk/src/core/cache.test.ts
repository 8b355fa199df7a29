import { describe, expect, it } from 'vitest';
import { DEFAULT_CACHE_MAX_ENTRIES, DEFAULT_CACHE_TTL_MS, MemoryCache } from './cache.ts';

describe('MemoryCache', () => {
  it('defaults to 10 minutes and 5,000 entries', () => {
    const cache = new MemoryCache<number>();
    expect(cache.ttlMs).toBe(DEFAULT_CACHE_TTL_MS);
    expect(DEFAULT_CACHE_TTL_MS).toBe(600_000);
    expect(cache.maxEntries).toBe(DEFAULT_CACHE_MAX_ENTRIES);
    expect(DEFAULT_CACHE_MAX_ENTRIES).toBe(5_000);
  });

  it('expires entries after their TTL', () => {
    let now = 1_000;
    const cache = new MemoryCache<string>({ now: () => now });
    cache.set('a', 'A', 100);
    now += 99;
    expect(cache.get('a')).toBe('A');
    now += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the least recently used entry when full', () => {
    const cache = new MemoryCache<string>({ maxEntries: 2 });
    cache.set('a', 'A', 1_000);
    cache.set('b', 'B', 1_000);
    expect(cache.get('a')).toBe('A'); // a is now the most recent
    cache.set('c', 'C', 1_000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
    expect(cache.get('c')).toBe('C');
    expect(cache.size).toBe(2);
  });

  it('deletes and clears', () => {
    const cache = new MemoryCache<number>();
    cache.set('x', 1, 1_000);
    cache.set('y', 2, 1_000);
    cache.delete('x');
    expect(cache.get('x')).toBeUndefined();
    expect(cache.get('y')).toBe(2);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});

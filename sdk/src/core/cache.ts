/**
 * A pluggable cache for rating lookups, so a subject seen again costs no request. The
 * interface allows async stores (the extension backs it with `chrome.storage.session`).
 */

/**
 * A cache the client can read and write. Any method may return a promise. A store that fails
 * is treated as a miss: the lookup goes to the network instead of failing.
 *
 * @example
 * ```ts
 * const sessionCache: Cache<BatchRatingItem> = {
 *   async get(key) { return (await chrome.storage.session.get(key))[key]?.value; },
 *   async set(key, value, ttlMs) { await chrome.storage.session.set({ [key]: { value, expires: Date.now() + ttlMs } }); },
 *   async delete(key) { await chrome.storage.session.remove(key); },
 *   async clear() { await chrome.storage.session.clear(); },
 * };
 * ```
 */
export interface Cache<T> {
  get(key: string): Promise<T | undefined> | T | undefined;
  set(key: string, value: T, ttlMs: number): Promise<void> | void;
  delete(key: string): Promise<void> | void;
  clear(): Promise<void> | void;
}

/**
 * Options of the default in-memory cache.
 *
 * @example
 * ```ts
 * const opts: MemoryCacheOptions = { ttlMs: 60_000, maxEntries: 500 };
 * ```
 */
export interface MemoryCacheOptions {
  /** Lifetime of an entry when `set` gets no TTL. Default 10 minutes. */
  ttlMs?: number;
  /** Entries kept before the least recently used is dropped. Default 5,000. */
  maxEntries?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/**
 * Default lifetime of a cached rating: 10 minutes.
 *
 * @example
 * ```ts
 * createClient({ baseUrl, apiKey, cache: { ttlMs: DEFAULT_CACHE_TTL_MS / 2 } });
 * ```
 */
export const DEFAULT_CACHE_TTL_MS = 10 * 60_000;
/**
 * Default capacity of the in-memory cache: 5,000 entries.
 *
 * @example
 * ```ts
 * new MemoryCache({ maxEntries: DEFAULT_CACHE_MAX_ENTRIES * 2 });
 * ```
 */
export const DEFAULT_CACHE_MAX_ENTRIES = 5_000;

/**
 * In-memory LRU cache with per-entry TTL. Synchronous, so a warm lookup needs no await on I/O.
 *
 * @example
 * ```ts
 * const cache = new MemoryCache<string>({ maxEntries: 2 });
 * cache.set('a', 'A', 1_000);
 * cache.get('a'); // 'A'
 * ```
 */
export class MemoryCache<T> implements Cache<T> {
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly #now: () => number;
  // A Map iterates in insertion order: re-inserting on read keeps the oldest use first.
  readonly #entries = new Map<string, { value: T; expires: number }>();

  constructor(options: MemoryCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_CACHE_TTL_MS;
    this.maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_CACHE_MAX_ENTRIES);
    this.#now = options.now ?? Date.now;
  }

  /** Number of entries, expired ones included until they are read or pushed out. */
  get size(): number {
    return this.#entries.size;
  }

  get(key: string): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.expires <= this.#now()) return undefined;
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: T, ttlMs: number = this.ttlMs): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expires: this.#now() + ttlMs });
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}

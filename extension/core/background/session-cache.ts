/**
 * The background's rating cache: an in-memory LRU that is the primary store, mirrored to
 * `storage.session` within a byte budget so a restarted service worker starts warm. Chrome
 * gives `storage.session` 10 MiB in all; the tab records need room too, so the mirror keeps
 * only the most recent entries that fit and never grows past its budget.
 */

import type { BatchRatingItem, Cache, RatingSummary } from '@xinjian/sdk';
import { browser } from 'wxt/browser';
import { createLogger } from '../log.ts';
import { whenQuiet } from './quiet.ts';

const log = createLogger('cache');

/** The storage key prefix of cached ratings in `storage.session`. */
export const CACHE_PREFIX = 'cache:';

/**
 * A tiny key kept in storage while the cache holds entries. Entries can live in memory only
 * (not yet written, or pushed out of storage by the quota), so removing every `cache:` key
 * would otherwise tell this cache nothing; the marker's removal tells it to forget them too.
 */
export const CACHE_MARKER_KEY = `${CACHE_PREFIX}~held`;

/** Entries per `storage.session` write: about 200 KB, some 20 ms of the worker's thread. */
export const WRITE_SLICE = 50;

/** Bytes of `storage.session` the cached ratings may take by default (a quarter of the quota). */
export const CACHE_BUDGET_BYTES = 2.5 * 1024 * 1024;

/**
 * The part of a `storage.session`-like area the cache uses (tests pass one with a quota).
 */
export interface SessionArea {
  get(keys: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/**
 * Options of {@link SessionRatingCache}.
 */
export interface SessionCacheOptions {
  /** Bytes of storage the mirrored entries may take (JSON length of key and value). */
  budgetBytes?: number;
  /** Entries kept in memory before the least recently used is dropped. Default 12,000. */
  maxEntries?: number;
  /** Delay that gathers a burst of new entries into one storage write. Default 50 ms. */
  writeDelayMs?: number;
  /** The storage area; `browser.storage.session` by default. */
  area?: SessionArea;
  /** Waited for before each storage write (the worker's quiet, `quiet.ts`); none by default. */
  beforeWrite?: () => Promise<void>;
}

interface Stored {
  value: BatchRatingItem;
  expires: number;
  /** Write order, so a restarted worker knows which entries are the oldest. */
  at: number;
}

interface Entry extends Stored {
  bytes: number;
  persisted: boolean;
}

/**
 * A {@link Cache} of rating items kept in memory and mirrored to `storage.session` within a
 * byte budget: the oldest mirrored entries are evicted to make room, and a quota error evicts
 * more and retries once. A cache key removed from storage by someone else (a "clear cache")
 * clears memory too.
 */
export class SessionRatingCache implements Cache<BatchRatingItem> {
  readonly #area: SessionArea;
  readonly #budget: number;
  readonly #maxEntries: number;
  readonly #writeDelayMs: number;
  readonly #beforeWrite: () => Promise<void>;
  readonly #memory = new Map<string, Entry>();
  readonly #dirty = new Set<string>();
  // Keys this cache removes itself, so the change events they cause are not taken as a clear.
  readonly #removing = new Set<string>();
  #persistedBytes = 0;
  #seq = 0;
  #loaded: Promise<void> | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #writing: Promise<void> = Promise.resolve();
  #marked = false;

  constructor(options: SessionCacheOptions = {}) {
    this.#area = options.area ?? browser.storage.session;
    this.#budget = options.budgetBytes ?? CACHE_BUDGET_BYTES;
    this.#maxEntries = options.maxEntries ?? 12_000;
    this.#writeDelayMs = options.writeDelayMs ?? 50;
    this.#beforeWrite = options.beforeWrite ?? (() => Promise.resolve());
  }

  /** Bytes the mirrored entries take in storage now. */
  get persistedBytes(): number {
    return this.#persistedBytes;
  }

  /** Entries in memory now. */
  get size(): number {
    return this.#memory.size;
  }

  async get(key: string): Promise<BatchRatingItem | undefined> {
    await this.#load();
    const entry = this.#memory.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      await this.delete(key);
      return undefined;
    }
    // Most recently used last.
    this.#memory.delete(key);
    this.#memory.set(key, entry);
    return entry.value;
  }

  async set(key: string, value: BatchRatingItem, ttlMs: number): Promise<void> {
    await this.#load();
    const stored: Stored = {
      value,
      expires: Date.now() + ttlMs,
      at: Date.now() * 1000 + (this.#seq++ % 1000),
    };
    const previous = this.#memory.get(key);
    if (previous?.persisted) this.#persistedBytes -= previous.bytes;
    this.#memory.delete(key);
    this.#memory.set(key, {
      ...stored,
      bytes: CACHE_PREFIX.length + key.length + JSON.stringify(stored).length,
      persisted: false,
    });
    this.#dirty.add(key);
    this.#mark();
    this.#trimMemory();
    this.#timer ??= setTimeout(() => {
      this.#writing = this.#writing.then(async () => {
        // Entries set while the write waits go with it, not in a write of their own.
        await this.#beforeWrite();
        this.#timer = null;
        await this.#flush();
      });
    }, this.#writeDelayMs);
  }

  async delete(key: string): Promise<void> {
    const entry = this.#memory.get(key);
    this.#memory.delete(key);
    this.#dirty.delete(key);
    if (entry?.persisted) {
      this.#persistedBytes -= entry.bytes;
      await this.#remove([key]);
    }
  }

  async clear(): Promise<void> {
    this.#memory.clear();
    this.#dirty.clear();
    this.#persistedBytes = 0;
    this.#marked = false;
    const keys = Object.keys(await this.#area.get(null)).filter((k) => k.startsWith(CACHE_PREFIX));
    if (keys.length > 0) await this.#area.remove(keys);
  }

  /**
   * Waits for the pending storage write (tests, and callers about to read storage).
   *
   * @example
   * ```ts
   * await cache.settle();
   * ```
   */
  async settle(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
      this.#writing = this.#writing.then(() => this.#flush());
    }
    await this.#writing;
  }

  /**
   * Frees at least `bytes` of storage by evicting the oldest mirrored entries (they stay in
   * memory); for other writers to `storage.session` that hit the quota. Returns the bytes freed.
   *
   * @example
   * ```ts
   * await cache.evictStorage(500_000);
   * ```
   */
  async evictStorage(bytes: number): Promise<number> {
    const victims = this.#oldestPersisted(bytes, new Set());
    await this.#unpersist(victims);
    return victims.reduce((n, k) => n + (this.#memory.get(k)?.bytes ?? 0), 0);
  }

  /**
   * The cached summaries of the given USCCs (a restarted worker fills its tab records from them).
   *
   * @example
   * ```ts
   * (await cache.summariesOf(new Set(['91110000600037341L']))).get('91110000600037341L')?.subject.name;
   * ```
   */
  async summariesOf(usccs: ReadonlySet<string>): Promise<Map<string, RatingSummary>> {
    await this.#load();
    const out = new Map<string, RatingSummary>();
    const now = Date.now();
    for (const entry of this.#memory.values()) {
      if (entry.value.status !== 'found' || entry.expires <= now) continue;
      const uscc = entry.value.summary.subject.uscc;
      if (uscc && usccs.has(uscc)) out.set(uscc, entry.value.summary);
    }
    return out;
  }

  /**
   * Follows removals of cache keys by others (a test or page clearing the cache), so memory
   * does not answer for what storage no longer has. Returns the unsubscribe function.
   *
   * @example
   * ```ts
   * const stop = cache.followStorage();
   * ```
   */
  followStorage(): () => void {
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session') return;
      let cleared = false;
      for (const [key, change] of Object.entries(changes)) {
        // A removal has no new value (`null` in some implementations).
        if (!key.startsWith(CACHE_PREFIX) || (change.newValue !== undefined && change.newValue !== null))
          continue;
        if (!this.#removing.delete(key)) cleared = true;
      }
      // Someone cleared the cache: memory follows, entries not yet written or pushed out of
      // storage included (they belong to the cache that was cleared).
      if (!cleared) return;
      this.#memory.clear();
      this.#dirty.clear();
      this.#persistedBytes = 0;
      this.#marked = false;
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }

  // A restarted worker: take what the previous one mirrored, oldest first.
  #load(): Promise<void> {
    this.#loaded ??= (async () => {
      let all: Record<string, unknown> = {};
      try {
        all = await this.#area.get(null);
      } catch (e) {
        log.warn('could not read the cache', e);
      }
      const now = Date.now();
      const found: Array<[string, Stored, number]> = [];
      const stale: string[] = [];
      for (const [k, v] of Object.entries(all)) {
        if (!k.startsWith(CACHE_PREFIX) || k === CACHE_MARKER_KEY) continue;
        const s = v as Partial<Stored>;
        if (!s.value || !s.expires || s.expires <= now) stale.push(k);
        else found.push([k.slice(CACHE_PREFIX.length), s as Stored, k.length + JSON.stringify(v).length]);
      }
      found.sort((a, b) => (a[1].at ?? 0) - (b[1].at ?? 0));
      for (const [key, stored, bytes] of found) {
        if (this.#memory.has(key)) continue;
        this.#memory.set(key, { ...stored, bytes, persisted: true });
        this.#persistedBytes += bytes;
      }
      // Entries set before the load finished are newer: keep them last.
      for (const [k, e] of [...this.#memory]) {
        if (e.persisted) continue;
        this.#memory.delete(k);
        this.#memory.set(k, e);
      }
      if (stale.length > 0) await this.#remove(stale.map((k) => k.slice(CACHE_PREFIX.length)));
    })();
    return this.#loaded;
  }

  // The marker goes to storage once per filling of the cache; it is never evicted.
  #mark(): void {
    if (this.#marked) return;
    this.#marked = true;
    this.#area.set({ [CACHE_MARKER_KEY]: 1 }).catch((e: unknown) => {
      this.#marked = false;
      log.warn('could not mark the cache in storage', e);
    });
  }

  #trimMemory(): void {
    const excess: string[] = [];
    for (const [k, e] of this.#memory) {
      if (this.#memory.size - excess.length <= this.#maxEntries) break;
      excess.push(k);
      this.#dirty.delete(k);
      if (e.persisted) this.#persistedBytes -= e.bytes;
    }
    const persisted = excess.filter((k) => this.#memory.get(k)?.persisted);
    for (const k of excess) this.#memory.delete(k);
    if (persisted.length > 0)
      void this.#remove(persisted).catch((e: unknown) => log.warn('could not evict', e));
  }

  // The oldest mirrored entries worth at least `bytes`, skipping `keep`.
  #oldestPersisted(bytes: number, keep: ReadonlySet<string>): string[] {
    const out: string[] = [];
    let freed = 0;
    for (const [k, e] of this.#memory) {
      if (freed >= bytes) break;
      if (!e.persisted || keep.has(k)) continue;
      out.push(k);
      freed += e.bytes;
    }
    return out;
  }

  async #unpersist(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    for (const k of keys) {
      const e = this.#memory.get(k);
      if (e?.persisted) {
        e.persisted = false;
        this.#persistedBytes -= e.bytes;
      }
    }
    await this.#remove(keys);
  }

  async #remove(keys: readonly string[]): Promise<void> {
    const full = keys.map((k) => CACHE_PREFIX + k);
    for (const k of full) this.#removing.add(k);
    await this.#area.remove(full);
  }

  async #flush(): Promise<void> {
    // Newest last in memory: when not all fit, the newest are the ones written.
    const keys = [...this.#dirty].filter((k) => this.#memory.has(k));
    this.#dirty.clear();
    let writing: string[] = [];
    let bytes = 0;
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i] as string;
      const e = this.#memory.get(k) as Entry;
      if (bytes + e.bytes > this.#budget) break;
      writing.push(k);
      bytes += e.bytes;
    }
    writing = writing.reverse();
    if (writing.length === 0) return;
    const keep = new Set(writing);
    const over = this.#persistedBytes + bytes - this.#budget;
    try {
      if (over > 0) await this.#unpersist(this.#oldestPersisted(over, keep));
      await this.#write(writing);
    } catch {
      // Quota hit (other data in storage.session): free a quarter of the budget more, once.
      try {
        await this.#unpersist(this.#oldestPersisted(Math.max(bytes, this.#budget / 4), keep));
        await this.#write(writing);
      } catch (e) {
        log.warn('could not store the rating cache', e);
      }
    }
  }

  // In slices, each its own task: a thousand entries written at once held the worker's thread
  // for a third of a second, and a page's next lookup with it.
  async #write(keys: readonly string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += WRITE_SLICE) {
      if (i > 0) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        await this.#beforeWrite();
      }
      await this.#writeSlice(keys.slice(i, i + WRITE_SLICE));
    }
  }

  async #writeSlice(keys: readonly string[]): Promise<void> {
    const items: Record<string, Stored> = {};
    const live = keys.filter((k) => this.#memory.has(k));
    for (const k of live) {
      const { value, expires, at } = this.#memory.get(k) as Entry;
      items[CACHE_PREFIX + k] = { value, expires, at };
    }
    await this.#area.set(items);
    for (const k of live) {
      const e = this.#memory.get(k);
      if (!e || e.persisted) continue;
      e.persisted = true;
      this.#persistedBytes += e.bytes;
    }
  }
}

let shared: SessionRatingCache | null = null;

/**
 * The background's one rating cache, shared by every client it makes and by the tab records.
 */
export function ratingCache(): SessionRatingCache {
  if (!shared) {
    shared = new SessionRatingCache({ beforeWrite: () => whenQuiet() });
    shared.followStorage();
  }
  return shared;
}

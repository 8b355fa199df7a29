/**
 * The background's SDK client: made from the settings, rebuilt when they change, with the
 * rating cache in `storage.session` (cleared with the browser session, out of reach of content
 * scripts). The API key never leaves this module's callers in the background.
 */
import { browser } from 'wxt/browser';
import type { Cache } from '../../sdk/src/core/cache.ts';
import { XinjianError } from '../../sdk/src/core/errors.ts';
import type { ClientHooks } from '../../sdk/src/core/http.ts';
import { createClient, type XinjianClient } from '../../sdk/src/index.ts';
import type { BatchRatingItem } from '../../sdk/src/resources/ratings.ts';
import type { Settings } from '../lib/settings.ts';

const CACHE_PREFIX = 'cache:';

/**
 * A {@link Cache} over `storage.session`. Entries carry their expiry; an expired entry reads as
 * a miss and is removed.
 *
 * @example
 * ```ts
 * const client = createClient({ baseUrl, apiKey, cache: sessionCache() });
 * ```
 */
export function sessionCache(): Cache<BatchRatingItem> {
  const area = browser.storage.session;
  const dropExpired = async () => {
    const all = await area.get(null);
    const now = Date.now();
    const stale = Object.entries(all)
      .filter(([k, v]) => k.startsWith(CACHE_PREFIX) && ((v as { expires?: number }).expires ?? 0) <= now)
      .map(([k]) => k);
    if (stale.length > 0) await area.remove(stale);
  };
  return {
    async get(key) {
      const k = CACHE_PREFIX + key;
      const entry = (await area.get(k))[k] as { value: BatchRatingItem; expires: number } | undefined;
      if (!entry) return undefined;
      if (entry.expires <= Date.now()) {
        await area.remove(k);
        return undefined;
      }
      return entry.value;
    },
    async set(key, value, ttlMs) {
      const entry = { [CACHE_PREFIX + key]: { value, expires: Date.now() + ttlMs } };
      try {
        await area.set(entry);
      } catch {
        // Session storage is small (10 MB in Chrome): drop what has expired and try once more.
        await dropExpired();
        await area.set(entry);
      }
    },
    async delete(key) {
      await area.remove(CACHE_PREFIX + key);
    },
    async clear() {
      const all = await area.get(null);
      const keys = Object.keys(all).filter((k) => k.startsWith(CACHE_PREFIX));
      if (keys.length > 0) await area.remove(keys);
    },
  };
}

let current: { fingerprint: string; client: XinjianClient } | null = null;
const retryListeners = new Set<NonNullable<ClientHooks['onRetry']>>();

/**
 * Subscribes to the client's retries (to show "retrying" on badges); returns the unsubscribe.
 *
 * @example
 * ```ts
 * const stop = onClientRetry((e) => console.log(e.path, e.attempt));
 * ```
 */
export function onClientRetry(listener: NonNullable<ClientHooks['onRetry']>): () => void {
  retryListeners.add(listener);
  return () => retryListeners.delete(listener);
}

/**
 * The client for the current settings. Throws an `XinjianError` when the endpoint or key is
 * missing, so the failure crosses to the UI like any other SDK error.
 *
 * @example
 * ```ts
 * const client = clientFor(await loadSettings());
 * await client.account.retrieve();
 * ```
 */
export function clientFor(settings: Settings): XinjianClient {
  const { baseUrl, key } = settings.api;
  if (!baseUrl || !key) throw new XinjianError('unconfigured: set the API address and key in the options');
  const fingerprint = JSON.stringify([baseUrl, key, settings.cacheTtlMinutes]);
  if (current?.fingerprint === fingerprint) return current.client;
  const client = createClient({
    baseUrl,
    apiKey: key,
    cache: sessionCache(),
    cacheTtlMs: Math.max(0, settings.cacheTtlMinutes) * 60_000,
    timeout: 15_000,
    hooks: {
      onRetry: (event) => {
        for (const listener of retryListeners) listener(event);
      },
    },
  });
  current = { fingerprint, client };
  return client;
}

/**
 * A one-off client for the options page's "test connection": no cache, few retries.
 *
 * @example
 * ```ts
 * const account = await probeClient('http://127.0.0.1:8787', key).account.retrieve();
 * ```
 */
export function probeClient(baseUrl: string, apiKey: string): XinjianClient {
  return createClient({ baseUrl, apiKey, cache: false, maxRetries: 1, timeout: 10_000 });
}

/**
 * The background's SDK client: made from the settings, rebuilt when they change, with the
 * rating cache in `storage.session` (cleared with the browser session, out of reach of content
 * scripts). The API key never leaves this module's callers in the background.
 */
import type { BatchRatingItem, Cache, ClientHooks } from '@xinjian/sdk';
import { createClient, type XinjianClient, XinjianError } from '@xinjian/sdk';
import type { Settings } from '../settings.ts';
import { ratingCache } from './session-cache.ts';

/**
 * The rating cache the background's clients share: in memory, mirrored to `storage.session`
 * within a byte budget (see `session-cache.ts`).
 */
export function sessionCache(): Cache<BatchRatingItem> {
  return ratingCache();
}

let current: { fingerprint: string; client: XinjianClient } | null = null;
const retryListeners = new Set<NonNullable<ClientHooks['onRetry']>>();

/**
 * Subscribes to the client's retries (to show "retrying" on badges); returns the unsubscribe.
 */
export function onClientRetry(listener: NonNullable<ClientHooks['onRetry']>): () => void {
  retryListeners.add(listener);
  return () => retryListeners.delete(listener);
}

/**
 * The client for the current settings. Throws an `XinjianError` when the endpoint or key is
 * missing, so the failure crosses to the UI like any other SDK error.
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
 */
export function probeClient(baseUrl: string, apiKey: string): XinjianClient {
  return createClient({ baseUrl, apiKey, cache: false, maxRetries: 1, timeout: 10_000 });
}

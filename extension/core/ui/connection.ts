import './strings.ts';
/**
 * What the officer reads when the credit service cannot be used: the address and key are
 * checked here before any request (no key, no address, plain http:// to another machine), and
 * an error from the background is told in the UI language, never as "unknown error".
 */
import { checkBaseUrl, describeError } from '@xinjian/sdk';
import { localized, t } from '../i18n.ts';

/**
 * Why `baseUrl` and `key` cannot be tried yet, or `null` when they can.
 */
export function connectionProblem(baseUrl: string, key: string): string | null {
  if (!baseUrl.trim()) return t('ui.connect.no_url');
  const checked = checkBaseUrl(baseUrl);
  if (!checked.ok) return localized(checked.reason);
  if (!key.trim()) return t('ui.connect.no_key');
  return null;
}

/**
 * An error from the background (a serialised SDK error) as a sentence in the UI language.
 * The client's own "not configured" and "required" errors carry no table entry in the SDK;
 * they are recognised by their message.
 */
export function errorText(error: unknown): string {
  const e = error as { name?: unknown; message?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : '';
  if (e?.name === 'XinjianError') {
    if (message.startsWith('unconfigured')) return t('ui.connect.unconfigured');
    if (message.startsWith('apiKey is required')) return t('ui.connect.no_key');
    if (message.startsWith('baseUrl is required')) return t('ui.connect.no_url');
    if (message.startsWith('baseUrl refused')) return t('ui.connect.refused_url');
  }
  return localized(describeError(error));
}

/**
 * The kind of failure, for the one banner the pages show instead of a reason per row.
 */
export function serviceProblem(error: unknown): 'unconfigured' | 'rejected' | 'unreachable' | null {
  const e = error as { name?: unknown; message?: unknown } | null | undefined;
  if (!e || typeof e.name !== 'string') return null;
  if (e.name === 'XinjianError' && typeof e.message === 'string' && e.message.startsWith('unconfigured'))
    return 'unconfigured';
  if (e.name === 'AuthenticationError' || e.name === 'PermissionDeniedError') return 'rejected';
  if (e.name === 'APIConnectionError' || e.name === 'APITimeoutError' || e.name === 'InternalServerError')
    return 'unreachable';
  return null;
}

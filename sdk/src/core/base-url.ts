/**
 * Which API addresses a client may use: `https://` anywhere, plain `http://` only to this
 * machine (loopback), because the API key, ID numbers and reports travel in every request.
 */
import type { LocalizedText } from './schemas.ts';

/**
 * True for a host name that can only mean this machine: `localhost` (and `*.localhost`),
 * `127.0.0.0/8` and `::1`.
 *
 * @example
 * ```ts
 * isLoopbackHost('127.0.0.1'); // true
 * isLoopbackHost('api.example.cn'); // false
 * ```
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    h === '::1' ||
    /^127(?:\.\d{1,3}){3}$/.test(h) ||
    /^::ffff:127(?:\.\d{1,3}){3}$/.test(h)
  );
}

/**
 * What {@link checkBaseUrl} says about an address.
 *
 * @example
 * ```ts
 * const r: BaseUrlCheck = checkBaseUrl('https://api.xinjian.cn');
 * ```
 */
export type BaseUrlCheck = { ok: true; url: string } | { ok: false; reason: LocalizedText };

/**
 * Checks an API base URL before any key is sent to it: it must be an absolute `https://` URL,
 * or `http://` to a loopback host (a local mock server). The reason is meant for people and
 * says what to do, in both languages; the SDK, the CLI and the extension's options page all
 * show it.
 *
 * @example
 * ```ts
 * checkBaseUrl('http://api.example.cn').ok; // false: plain http leaves this machine
 * checkBaseUrl('http://127.0.0.1:8787');    // { ok: true, url: 'http://127.0.0.1:8787' }
 * ```
 */
export function checkBaseUrl(value: string | undefined): BaseUrlCheck {
  const raw = (value ?? '').trim();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return {
      ok: false,
      reason: {
        zh: `API 地址不是完整的网址：${JSON.stringify(raw)}（应形如 https://api.example.cn）`,
        en: `the API address is not an absolute http(s) URL: ${JSON.stringify(raw)} (expected e.g. https://api.example.cn)`,
      },
    };
  }
  if (url.protocol === 'https:') return { ok: true, url: raw };
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return { ok: true, url: raw };
  if (url.protocol === 'http:') {
    return {
      ok: false,
      reason: {
        zh: `拒绝使用未加密的 http:// 地址 ${url.host}：API 密钥、证件号码和报告会以明文传输。请改用 https://（仅本机 127.0.0.1 / localhost 可用 http://）`,
        en: `refusing plain http:// to ${url.host}: the API key, ID numbers and reports would travel unencrypted. Use https:// (http:// is allowed only for this machine: 127.0.0.1, localhost)`,
      },
    };
  }
  return {
    ok: false,
    reason: {
      zh: `API 地址须以 https:// 开头（实为 ${url.protocol}）`,
      en: `the API address must start with https:// (got ${url.protocol})`,
    },
  };
}

/**
 * Which API the CLI talks to: `XINJIAN_BASE_URL` (or `XINJIAN_API_URL`) and `XINJIAN_API_KEY`, or, with neither set,
 * the embedded demo data served by `@xinjian/mock-server` on an ephemeral 127.0.0.1 port. The
 * mock server is loaded only in that case.
 */
import { type ClientHooks, checkBaseUrl, createClient, type XinjianClient } from '@xinjian/sdk';

/**
 * An open connection and what it implies for defaults.
 *
 * @example
 * ```ts
 * const conn = await connect(process.env, { demo: false });
 * try { await conn.client.domains.list(); } finally { await conn.close(); }
 * ```
 */
export interface Connection {
  client: XinjianClient;
  baseUrl: string;
  demo: boolean;
  /** Default 截止时点 and data date: the seed's dates for demo data, else null (today). */
  defaults: { cutoff: string | null; asOf: string | null };
  close(): Promise<void>;
}

/**
 * The environment is half set, or the URL is not an http(s) URL.
 *
 * @example
 * ```ts
 * try { await connect({ XINJIAN_API_URL: 'http://x' }, { demo: false }); } catch (e) { e instanceof ConfigError; } // true
 * ```
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

// The CLI is interactive: fail over in seconds, not the library's patient defaults.
const CLI_CLIENT_OPTIONS = {
  timeout: 15_000,
  maxRetries: 2,
  retryBaseDelayMs: 300,
  retryMaxDelayMs: 2_000,
  cache: false,
} as const;

/**
 * Opens the configured API, or starts the embedded demo server.
 *
 * @throws ConfigError when only one of the two variables is set or the URL is not http(s).
 * @example
 * ```ts
 * const conn = await connect(process.env, { demo: true });
 * conn.demo; // true
 * ```
 */
export async function connect(
  env: Readonly<Record<string, string | undefined>>,
  options: { demo: boolean; hooks?: ClientHooks },
): Promise<Connection> {
  const hooks = options.hooks ? { hooks: options.hooks } : {};
  // XINJIAN_BASE_URL is the SDK's name; XINJIAN_API_URL, the CLI's first one, still works.
  const urlName = env.XINJIAN_BASE_URL?.trim() ? 'XINJIAN_BASE_URL' : 'XINJIAN_API_URL';
  const url = env[urlName]?.trim() ?? '';
  const key = env.XINJIAN_API_KEY?.trim() ?? '';
  if (!options.demo && (url !== '' || key !== '')) {
    if (url === '')
      throw new ConfigError('XINJIAN_API_KEY is set but XINJIAN_BASE_URL (or XINJIAN_API_URL) is not');
    if (key === '') throw new ConfigError(`${urlName} is set but XINJIAN_API_KEY is not`);
    if (!/^https?:\/\/[^/]/i.test(url)) throw new ConfigError(`${urlName} is not an http(s) URL: ${url}`);
    const checked = checkBaseUrl(url);
    if (!checked.ok) throw new ConfigError(`${urlName}: ${checked.reason.en}`);
    return {
      client: createClient({ baseUrl: url, apiKey: key, ...CLI_CLIENT_OPTIONS, ...hooks }),
      baseUrl: url,
      demo: false,
      defaults: { cutoff: null, asOf: null },
      close: async () => {},
    };
  }
  const mock = await import('@xinjian/mock-server');
  const server = await mock.startMockServer({ port: 0, reportDelayMs: 0 });
  return {
    client: createClient({ baseUrl: server.url, apiKey: mock.DEMO_API_KEY, ...CLI_CLIENT_OPTIONS, ...hooks }),
    baseUrl: server.url,
    demo: true,
    defaults: { cutoff: mock.DEMO_CUTOFF, asOf: mock.SEED_AS_OF },
    close: () => server.close(),
  };
}

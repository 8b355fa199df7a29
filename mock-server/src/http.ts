/**
 * A real HTTP server for the msw handlers: each `node:http` request becomes a WHATWG `Request`,
 * answered with msw's `getResponse`. msw 3 has no Node server adapter of its own.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { getResponse } from 'msw';
import { createMockApi } from './handlers.ts';
import { corsHeaders } from './responses.ts';
import type { MockApiOptions, MockState } from './state.ts';

/**
 * Options of {@link startMockServer}: where to listen, plus every {@link MockApiOptions}.
 *
 * @example
 * ```ts
 * const options: MockServerOptions = { port: 0, reportDelayMs: 0 };
 * ```
 */
export interface MockServerOptions extends MockApiOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
}

/**
 * A running mock server.
 *
 * @example
 * ```ts
 * const server = await startMockServer({ port: 0 });
 * await fetch(`${server.url}/v1/domains`, { headers: { authorization: `Bearer ${DEMO_API_KEY}` } });
 * await server.close();
 * ```
 */
export interface RunningMockServer {
  /** `http://host:port`, no trailing slash. */
  url: string;
  port: number;
  state: MockState;
  /** Stops listening and closes every open connection. */
  close(): Promise<void>;
}

const BODYLESS = new Set(['GET', 'HEAD']);

function toRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i];
    const value = req.rawHeaders[i + 1];
    // HTTP/2 pseudo-headers and hop-by-hop details have no place in a fetch Request.
    if (name === undefined || value === undefined || name.startsWith(':')) continue;
    headers.append(name, value);
  }
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (!BODYLESS.has(method)) {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  // The Host header keeps links on the index page valid for however the server was reached.
  const base = req.headers.host ? `http://${req.headers.host}` : origin;
  return new Request(new URL(req.url ?? '/', base), init);
}

async function send(res: ServerResponse, response: Response, method: string): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    headers[name] = value;
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(response.status, response.statusText, headers);
  if (response.body === null || method === 'HEAD') {
    res.end();
    return;
  }
  // Stream the body: large demo pages start arriving before they are fully rendered.
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise<void>((resolve) => res.once('drain', resolve));
    }
    res.end();
  } catch {
    res.destroy();
  }
}

function plain(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...corsHeaders() });
  res.end(body);
}

/**
 * Starts the mock API on a real port, serving the same handlers as {@link createMockApi}.
 * A handler that answers `HttpResponse.error()` drops the connection; paths no handler knows
 * are a plain-text 404.
 *
 * @example
 * ```ts
 * import { startMockServer } from '@xinjian/mock-server';
 *
 * const server = await startMockServer({ port: 0, reportDelayMs: 0 });
 * console.log(server.url); // http://127.0.0.1:54321
 * await server.close();
 * ```
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<RunningMockServer> {
  const { port = 8787, host = '127.0.0.1', ...apiOptions } = options;
  const { handlers, state } = createMockApi(apiOptions);
  let origin = `http://${host}:${port}`;

  const server = createServer((req, res) => {
    void (async () => {
      const method = req.method ?? 'GET';
      let response: Response | undefined;
      try {
        response = await getResponse(handlers, toRequest(req, origin), { quiet: true });
      } catch (error) {
        plain(res, 500, `mock server error: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      if (response === undefined) {
        if (method === 'OPTIONS') {
          res.writeHead(204, corsHeaders());
          res.end();
        } else {
          plain(res, 404, `Not found: ${method} ${req.url ?? '/'}`);
        }
        return;
      }
      if (response.type === 'error') {
        // A network error: close the socket without answering.
        req.socket.destroy();
        return;
      }
      await send(res, response, method);
    })();
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${hostForUrl}:${address.port}`;

  return {
    url: origin,
    port: address.port,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

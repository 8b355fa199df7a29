/**
 * The mock API as one msw handler array over the seed data. The same array serves vitest
 * (`setupServer`), the HTTP server on 127.0.0.1, the contract tests and integrators' own tests.
 *
 * Where things are: the `/v1` middleware in `middleware/` (journal, faults, auth, rate limit),
 * one file per resource in `resources/`, admin endpoints in `admin.ts`, pages in `pages.ts`.
 */

import { signResult } from '@xinjian/sdk';
import { delay, type HttpHandler, HttpResponse, http } from 'msw';
import { seeds as committedSeeds } from '../../seeds/index.ts';
import { adminHandlers } from './admin.ts';
import { buildCatalog, type Catalog } from './catalog.ts';
import { fail, type MockEnv, type ResourceHandlers, type Route, type V1 } from './context.ts';
import { authenticator } from './middleware/auth.ts';
import { faults } from './middleware/faults.ts';
import { journal } from './middleware/journal.ts';
import { rateLimiter } from './middleware/rate-limit.ts';
import { pageHandlers } from './pages.ts';
import { accountHandlers } from './resources/account.ts';
import { domainHandlers } from './resources/domains.ts';
import { keyHandlers } from './resources/keys.ts';
import { productHandlers } from './resources/products.ts';
import { ratingHandlers } from './resources/ratings.ts';
import { reportHandlers } from './resources/reports.ts';
import { subjectHandlers } from './resources/subjects.ts';
import { corsHeaders } from './responses.ts';
import { mockSigningKey } from './signing.ts';
import { createState, type MockApiOptions, type MockState } from './state.ts';

/**
 * What {@link createMockApi} returns: the handlers and the state they share.
 *
 * @example
 * ```ts
 * const { handlers, state } = createMockApi({ reportDelayMs: 0 });
 * ```
 */
export interface MockApi {
  handlers: HttpHandler[];
  state: MockState;
  catalog: Catalog;
}

/** Every `/v1` resource, in the order their handlers are tried. */
const RESOURCES: ResourceHandlers[] = [
  productHandlers,
  domainHandlers,
  subjectHandlers,
  ratingHandlers,
  reportHandlers,
  accountHandlers,
  keyHandlers,
];

/**
 * Builds the mock API: one msw handler array for every `/v1` endpoint, the `/__mock` admin
 * endpoints, `/openapi.json` and the demo pages, over the committed seed data (or `options.seeds`).
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createMockApi } from '@xinjian/mock-server';
 *
 * const { handlers, state } = createMockApi({ reportDelayMs: 0 });
 * const server = setupServer(...handlers);
 * server.listen({ onUnhandledFrame: 'error' }); // msw 3's name for onUnhandledRequest
 * // … later: state.reset(); server.close();
 * ```
 */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  const seeds = options.seeds ?? committedSeeds;
  const catalog = buildCatalog(seeds);
  const state = createState(seeds, options);
  const origin = (options.baseUrl ?? '*').replace(/\/+$/, '');
  const at = (path: string) => `${origin}${path}`;

  const limiter = rateLimiter(state, catalog);
  const authenticate = authenticator(catalog, limiter);
  const journaled = journal(state, limiter);
  const faulty = faults(state);

  // Journal outermost, then the fault header, auth + rate limit, the route, and latency. The
  // latency is the time a request takes from its arrival to its answer, the mock's own work
  // included, as a client measures a service's latency: the answer is held for what is left of
  // it (a batch that took 15 ms to sign waits 35 ms more at 50 ms).
  const v1: V1 =
    (route, { auth = true } = {}) =>
    async ({ request, params }) => {
      const ctx = await journaled.begin(request);
      let response: Response;
      try {
        response = await faulty.header(ctx, async () => {
          if (auth) {
            const denied = authenticate(ctx);
            if (denied !== null) return denied;
          }
          return route(ctx, params);
        });
      } catch (error) {
        response = fail(ctx, 500, 'internal', {
          zh: '模拟服务器内部错误',
          en: `mock server error: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
      // Held for what is left of the latency; a timer may fire a fraction of a millisecond early.
      let rest = state.config.latencyMs - (performance.now() - ctx.startedAt);
      while (rest > 0) {
        await delay(Math.ceil(rest));
        rest = state.config.latencyMs - (performance.now() - ctx.startedAt);
      }
      return journaled.finish(ctx, response);
    };

  // One key per instance, made on first use (WebCrypto is asynchronous).
  let signingKey: ReturnType<typeof mockSigningKey> | undefined;
  const key = () => {
    signingKey ??= mockSigningKey(options.signing);
    return signingKey;
  };
  const env: MockEnv = {
    seeds,
    catalog,
    state,
    at,
    v1,
    magic: faulty.magic,
    sign: async (payload, type, signedAt) => signResult(payload, await key(), { type, signedAt }),
    jwks: async () => ({ keys: [(await key()).publicJwk] }),
  };

  const unknownRoute: Route<unknown> = (ctx) =>
    fail(ctx, 404, 'not_found', {
      zh: `没有接口 ${ctx.request.method} ${ctx.url.pathname}`,
      en: `no route ${ctx.request.method} ${ctx.url.pathname}`,
    });

  const handlers: HttpHandler[] = [
    http.options(
      ({ request }) =>
        /^\/(v1|__mock|demo)(\/|$)|^\/openapi\.json$|^\/\.well-known\/jwks\.json$|^\/$/.test(
          new URL(request.url).pathname,
        ),
      ({ request }) => new HttpResponse(null, { status: 204, headers: corsHeaders(request) }),
    ),
    ...RESOURCES.flatMap((resource) => resource(env)),
    http.all(at('/v1/*'), v1(unknownRoute, { auth: false })),
    http.all(at('/v1'), v1(unknownRoute, { auth: false })),
    ...adminHandlers(state, at),
    ...pageHandlers(seeds, at),
  ];

  return { handlers, state, catalog };
}

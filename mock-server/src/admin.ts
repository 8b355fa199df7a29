/**
 * Admin endpoints under `/__mock`: not part of the public contract, no auth. They let tests and
 * people read the request journal, reset state, change latency and move the clock.
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import { z } from 'zod';
import { MAX_FAULT_DELAY_MS } from './faults.ts';
import { corsHeaders, problem, zodIssues } from './responses.ts';
import type { MockState } from './state.ts';

const ConfigPatch = z.strictObject({
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  reportDelayMs: z.number().int().min(0).max(3_600_000).optional(),
  slowMs: z.number().int().min(0).max(MAX_FAULT_DELAY_MS).optional(),
});

const ClockPatch = z.strictObject({
  /** A fixed instant, or null to follow the base clock again. */
  now: z.iso.datetime({ offset: true }).nullable().optional(),
  /** Moves the clock forward (or back, when negative). */
  advanceMs: z.number().int().optional(),
});

function json(body: unknown, status = 200): Response {
  return HttpResponse.json(body as Record<string, unknown>, { status, headers: corsHeaders() });
}

function noContent(): Response {
  return new HttpResponse(null, { status: 204, headers: corsHeaders() });
}

function withCors(response: Response, requestId: string): Response {
  for (const [k, v] of Object.entries(corsHeaders())) response.headers.set(k, v);
  response.headers.set('X-Request-Id', requestId);
  return response;
}

function clockView(state: MockState) {
  return {
    now: state.now().toISOString(),
    fixed: state.clockFixedAt !== null,
    offsetMs: state.clockOffsetMs,
  };
}

/**
 * The `/__mock` handlers:
 * - `GET /__mock/journal[?since=<seq>]` → `{ data: JournalEntry[] }`; `DELETE /__mock/journal` → 204;
 * - `POST /__mock/reset` → 204 (everything back to the start, journal included);
 * - `GET|PUT /__mock/config` `{ latencyMs?, reportDelayMs?, slowMs? }`;
 * - `GET|PUT /__mock/clock` `{ now?: ISO instant | null, advanceMs?: number }` → `{ now, fixed, offsetMs }`;
 * - `GET /__mock/state` → credits per account, reports, rate-limit windows.
 *
 * @example
 * ```ts
 * const journal = await (await fetch('http://127.0.0.1:8787/__mock/journal')).json();
 * ```
 */
export function adminHandlers(state: MockState, at: (path: string) => string): HttpHandler[] {
  let adminRequests = 0;
  const adminRequestId = () => {
    adminRequests += 1;
    return `req_admin_${adminRequests}`;
  };
  const invalid = (issues: { path: string; message: string }[]) => {
    const requestId = adminRequestId();
    return withCors(
      problem(
        requestId,
        400,
        'invalid_request',
        { zh: '管理请求无效，详见 issues', en: 'invalid admin request; see issues' },
        { issues },
      ),
      requestId,
    );
  };
  const readJson = async (
    request: Request,
  ): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> => {
    try {
      return { ok: true, value: await request.json() };
    } catch {
      return { ok: false, response: invalid([{ path: 'body', message: 'the body is not valid JSON' }]) };
    }
  };
  return [
    http.get(at('/__mock/journal'), ({ request }) => {
      const since = Number(new URL(request.url).searchParams.get('since') ?? '0');
      if (!Number.isInteger(since) || since < 0) {
        return invalid([{ path: 'query.since', message: 'expected a non-negative integer' }]);
      }
      return json({ data: state.journal.filter((e) => e.seq > since) });
    }),
    http.delete(at('/__mock/journal'), () => {
      state.journal = [];
      return noContent();
    }),
    http.post(at('/__mock/reset'), () => {
      state.reset();
      return noContent();
    }),
    http.get(at('/__mock/config'), () => json(state.config)),
    http.put(at('/__mock/config'), async ({ request }) => {
      const body = await readJson(request);
      if (!body.ok) return body.response;
      const parsed = ConfigPatch.safeParse(body.value);
      if (!parsed.success) return invalid(zodIssues(parsed.error, 'body'));
      const { latencyMs, reportDelayMs, slowMs } = parsed.data;
      if (latencyMs !== undefined) state.config.latencyMs = latencyMs;
      if (reportDelayMs !== undefined) state.config.reportDelayMs = reportDelayMs;
      if (slowMs !== undefined) state.config.slowMs = slowMs;
      return json(state.config);
    }),
    http.get(at('/__mock/clock'), () => json(clockView(state))),
    http.put(at('/__mock/clock'), async ({ request }) => {
      const body = await readJson(request);
      if (!body.ok) return body.response;
      const parsed = ClockPatch.safeParse(body.value);
      if (!parsed.success) return invalid(zodIssues(parsed.error, 'body'));
      const { now, advanceMs } = parsed.data;
      if (now === null) {
        state.clockFixedAt = null;
        state.clockOffsetMs = 0;
      } else if (now !== undefined) {
        state.clockFixedAt = Date.parse(now);
        state.clockOffsetMs = 0;
      }
      if (advanceMs !== undefined) state.clockOffsetMs += advanceMs;
      return json(clockView(state));
    }),
    http.get(at('/__mock/state'), () =>
      json({
        credits: Object.fromEntries(state.credits),
        reports: [...state.reports.values()].map((r) => ({
          id: r.id,
          key: `…${r.apiKey.slice(-4)}`,
          productId: r.product.id,
          subjectRef: r.subjectRef,
          createdAt: new Date(r.createdAt).toISOString(),
          readyAt: new Date(r.readyAt).toISOString(),
        })),
        rateWindows: Object.fromEntries(
          [...state.rateWindows].map(([key, w]) => [
            `…${key.slice(-4)}`,
            { startedAt: new Date(w.startedAt).toISOString(), count: w.count },
          ]),
        ),
        clock: clockView(state),
        config: state.config,
      }),
    ),
    http.all(at('/__mock/*'), ({ request }) => {
      const path = new URL(request.url).pathname;
      const requestId = adminRequestId();
      return withCors(
        problem(requestId, 404, 'not_found', {
          zh: `没有管理接口 ${request.method} ${path}`,
          en: `no admin route ${request.method} ${path}`,
        }),
        requestId,
      );
    }),
  ];
}

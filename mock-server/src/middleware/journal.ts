/**
 * The journal: every `/v1` request is recorded on arrival (keys cut to their last 4 characters,
 * ID numbers masked) and completed with its status, fault and duration when it is answered.
 */
import { maskIdNumbers } from '../catalog.ts';
import { bearer, type Ctx } from '../context.ts';
import { corsHeaders, withHeaders } from '../responses.ts';
import type { JournalEntry, MockState } from '../state.ts';
import type { RateLimiter } from './rate-limit.ts';

const hiResNow = () => performance.timeOrigin + performance.now();

function journalQuery(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(name);
    out[name] = all.length === 1 ? (all[0] ?? '') : all;
  }
  return out;
}

export interface Journal {
  /** Opens the request's context and its journal entry. */
  begin(request: Request): Promise<Ctx>;
  /** Closes the entry and adds `X-Request-Id`, `RateLimit-*` and CORS headers. */
  finish(ctx: Ctx, response: Response): Response;
}

export function journal(state: MockState, limiter: RateLimiter): Journal {
  return {
    async begin(request) {
      state.counters.request += 1;
      const random = Math.floor(Math.random() * 0x1000000)
        .toString(16)
        .padStart(6, '0');
      const requestId = `req_${state.counters.request.toString().padStart(6, '0')}${random}`;
      const url = new URL(request.url);
      const bodyText =
        request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
      let body: unknown = null;
      if (bodyText !== '') {
        try {
          body = JSON.parse(bodyText);
        } catch {
          body = bodyText;
        }
      }
      const key = bearer(request);
      const headers: Record<string, string> = {};
      for (const [name, value] of request.headers) {
        if (name === 'idempotency-key' || name.startsWith('x-')) headers[name] = value;
      }
      state.counters.journal += 1;
      const entry: JournalEntry = {
        seq: state.counters.journal,
        requestId,
        time: hiResNow(),
        method: request.method,
        path: url.pathname,
        query: maskIdNumbers(journalQuery(url)) as Record<string, string | string[]>,
        key: key === null ? null : `…${key.slice(-4)}`,
        headers,
        body: maskIdNumbers(body),
        status: null,
        fault: null,
        durationMs: null,
      };
      state.journal.push(entry);
      return {
        request,
        url,
        requestId,
        entry,
        startedAt: performance.now(),
        bodyText,
        key: null,
        rate: null,
      };
    },

    finish(ctx, response) {
      ctx.entry.durationMs = Math.round((performance.now() - ctx.startedAt) * 1000) / 1000;
      if (response.type === 'error') {
        ctx.entry.status = 0;
        return response;
      }
      ctx.entry.status = response.status;
      const rate = ctx.rate ?? limiter.peek(ctx.request);
      const headers: Record<string, string> = { ...corsHeaders(), 'X-Request-Id': ctx.requestId };
      if (rate !== null) {
        headers['RateLimit-Limit'] = String(rate.limit);
        headers['RateLimit-Remaining'] = String(rate.remaining);
        headers['RateLimit-Reset'] = String(rate.resetSeconds);
      }
      return withHeaders(response, headers);
    },
  };
}

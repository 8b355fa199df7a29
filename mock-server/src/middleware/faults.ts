/**
 * Fault injection on `/v1`: the `X-Mock-Fault` script header, and the `magic:*` seed subjects
 * that fail in a fixed way whenever a request names them. The step grammar is in `../faults.ts`.
 */
import { delay, HttpResponse } from 'msw';
import type { EnterpriseSeed } from '../../../seeds/schema.ts';
import { badRequest, bearer, type Ctx, canonical, fail, safeJson } from '../context.ts';
import {
  describeStep,
  type FaultStep,
  isMagicTag,
  magicStep,
  parseFaultScript,
  truncateJson,
  violateSchema,
} from '../faults.ts';
import { codeForStatus } from '../responses.ts';
import type { MockState } from '../state.ts';

type Next = () => Promise<Response>;

function noteFault(ctx: Ctx, label: string) {
  ctx.entry.fault = ctx.entry.fault === null ? label : `${ctx.entry.fault}+${label}`;
}

async function applyStep(ctx: Ctx, step: FaultStep, next: Next): Promise<Response> {
  switch (step.kind) {
    case 'ok':
      return next();
    case 'delay':
      await delay(step.ms);
      return next();
    case 'status': {
      const headers: Record<string, string> =
        step.retryAfter === null ? {} : { 'Retry-After': String(step.retryAfter) };
      return fail(
        ctx,
        step.status,
        codeForStatus(step.status),
        { zh: `模拟故障：${step.status}`, en: `injected fault: ${step.status}` },
        { headers },
      );
    }
    case 'conflict':
      return fail(ctx, 409, 'conflict', {
        zh: `模拟冲突：${step.reason}`,
        en: `injected conflict: ${step.reason}`,
      });
    case 'malformed': {
      const response = await next();
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      headers.set('Content-Type', 'application/json; charset=utf-8');
      return new Response(truncateJson(await response.text()), { status: response.status, headers });
    }
    case 'schema': {
      const response = await next();
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      headers.set('Content-Type', 'application/json; charset=utf-8');
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: wrapped as a string below.
      }
      return new Response(JSON.stringify(violateSchema(body)), { status: response.status, headers });
    }
    case 'drop':
      await next();
      return HttpResponse.error();
  }
}

export interface Faults {
  /** Applies the next step of the request's `X-Mock-Fault` script, if it has one. */
  header(ctx: Ctx, next: Next): Promise<Response>;
  /** Applies the fault of the first `magic:*` enterprise named by a request, if any. */
  magic(ctx: Ctx, named: EnterpriseSeed[], next: Next): Promise<Response>;
}

export function faults(state: MockState): Faults {
  return {
    header(ctx, next) {
      const script = ctx.request.headers.get('x-mock-fault');
      if (script === null) return next();
      const parsed = parseFaultScript(script);
      if (!parsed.ok) {
        return Promise.resolve(
          badRequest(ctx, [{ path: 'header.X-Mock-Fault', message: parsed.message }], {
            zh: `X-Mock-Fault 无效：${parsed.message}`,
            en: `invalid X-Mock-Fault: ${parsed.message}`,
          }),
        );
      }
      const id =
        ctx.request.headers.get('x-mock-fault-id') ??
        `${ctx.request.method} ${ctx.url.pathname} ${bearer(ctx.request) ?? ''}`;
      const slotKey = `${id}\n${script}`;
      let slot = state.faultScripts.get(slotKey);
      if (slot === undefined) {
        slot = { steps: parsed.steps, next: 0 };
        state.faultScripts.set(slotKey, slot);
      }
      // The last step repeats once the script is used up: `500` fails every time, `503,ok` recovers.
      const step = slot.steps[Math.min(slot.next, slot.steps.length - 1)] ?? { kind: 'ok' };
      slot.next += 1;
      if (step.kind !== 'ok') noteFault(ctx, `header:${describeStep(step)}`);
      return applyStep(ctx, step, next);
    },

    magic(ctx, named, next) {
      for (const e of named) {
        const tag = e.tags.find(isMagicTag);
        if (tag === undefined) continue;
        const fingerprint = `${tag}\n${ctx.request.method} ${ctx.url.pathname} ${ctx.key?.key ?? ''}\n${canonical(safeJson(ctx.bodyText))}`;
        const seen = state.magicCounters.get(fingerprint) ?? 0;
        state.magicCounters.set(fingerprint, seen + 1);
        const step = magicStep(tag, seen, state.config.slowMs);
        if (step.kind !== 'ok') noteFault(ctx, tag);
        return applyStep(ctx, step, next);
      }
      return next();
    },
  };
}

/**
 * Fault injection without code changes: `X-Mock-Fault` scripts and `magic:*` seed subjects.
 */

/**
 * One step of a fault script.
 *
 * - `ok`: answer normally.
 * - `status`: answer with that status as a problem document (not processed), with
 *   `Retry-After` when given (`429` alone means `Retry-After: 1`).
 * - `conflict`: answer 409 with code `conflict` (not `idempotency_conflict`) and the reason,
 *   as a service does when the resource is busy or in another state; the SDK retries it.
 * - `delay`: wait, then answer normally.
 * - `malformed`, `schema`, `drop`: process the request, then answer with truncated JSON, with
 *   JSON that fails the SDK schema, or by dropping the connection (a lost response).
 *
 * @example
 * ```ts
 * const step: FaultStep = { kind: 'status', status: 429, retryAfter: 2 };
 * ```
 */
export type FaultStep =
  | { kind: 'ok' }
  | { kind: 'status'; status: number; retryAfter: number | null }
  | { kind: 'conflict'; reason: string }
  | { kind: 'delay'; ms: number }
  | { kind: 'malformed' }
  | { kind: 'schema' }
  | { kind: 'drop' };

/**
 * Longest `delay:<ms>` a script may ask for.
 *
 * @example
 * ```ts
 * parseFaultScript(`delay:${MAX_FAULT_DELAY_MS + 1}`).ok; // false
 * ```
 */
export const MAX_FAULT_DELAY_MS = 60_000;

/**
 * Parses an `X-Mock-Fault` script: a comma list of `ok`, `<status>` (400–599),
 * `<status>:<retry-after seconds>`, `conflict:<reason>` (a 409 that is not an idempotency
 * conflict; reason `[a-z0-9_-]`, 1–64), `malformed`, `drop`, `schema`, `delay:<ms>`.
 *
 * @example
 * ```ts
 * parseFaultScript('503,503,ok'); // { ok: true, steps: [{ kind: 'status', status: 503, retryAfter: null }, …] }
 * parseFaultScript('conflict:report_in_progress,ok'); // a 409 `conflict`, then success
 * parseFaultScript('boom');       // { ok: false, message: 'unknown fault step "boom"' }
 * ```
 */
export function parseFaultScript(
  script: string,
): { ok: true; steps: FaultStep[] } | { ok: false; message: string } {
  const steps: FaultStep[] = [];
  const parts = script.split(',').map((s) => s.trim().toLowerCase());
  if (parts.length > 50) return { ok: false, message: 'a fault script has at most 50 steps' };
  for (const part of parts) {
    const step = parseStep(part);
    if (step === null) return { ok: false, message: `unknown fault step ${JSON.stringify(part)}` };
    steps.push(step);
  }
  return { ok: true, steps };
}

function parseStep(part: string): FaultStep | null {
  if (part === 'ok') return { kind: 'ok' };
  if (part === 'malformed') return { kind: 'malformed' };
  if (part === 'schema') return { kind: 'schema' };
  if (part === 'drop') return { kind: 'drop' };
  const conflict = /^conflict:([a-z0-9_-]{1,64})$/.exec(part);
  if (conflict?.[1] !== undefined) return { kind: 'conflict', reason: conflict[1] };
  const delay = /^delay:(\d{1,6})$/.exec(part);
  if (delay) {
    const ms = Number(delay[1]);
    return ms <= MAX_FAULT_DELAY_MS ? { kind: 'delay', ms } : null;
  }
  const status = /^(\d{3})(?::(\d{1,4}))?$/.exec(part);
  if (status) {
    const code = Number(status[1]);
    if (code < 400 || code > 599) return null;
    const retryAfter = status[2] === undefined ? (code === 429 ? 1 : null) : Number(status[2]);
    return { kind: 'status', status: code, retryAfter };
  }
  return null;
}

/** A short label for the journal. */
export function describeStep(step: FaultStep): string {
  switch (step.kind) {
    case 'status':
      return step.retryAfter === null ? String(step.status) : `${step.status}:${step.retryAfter}`;
    case 'delay':
      return `delay:${step.ms}`;
    case 'conflict':
      return `conflict:${step.reason}`;
    default:
      return step.kind;
  }
}

/**
 * The fault-injection tags carried by seed enterprises, and what each does to a ratings batch
 * or report order that names the enterprise.
 *
 * @example
 * ```ts
 * MAGIC_TAGS['magic:503-twice'].en; // '503, 503, then success for the same request'
 * ```
 */
export const MAGIC_TAGS = {
  'magic:503-twice': {
    zh: '同一请求前两次 503，第三次成功',
    en: '503, 503, then success for the same request',
  },
  'magic:500': { zh: '总是 500', en: 'always 500' },
  'magic:malformed-json': { zh: '200，但 JSON 被截断', en: '200 with a truncated JSON body' },
  'magic:drop-connection': { zh: '处理后断开连接', en: 'processed, then the connection is dropped' },
  'magic:schema-violation': {
    zh: '200，但 JSON 不符合 SDK 模式',
    en: '200 with JSON that fails the SDK schema',
  },
  'magic:slow': { zh: '延迟 2 秒', en: 'answered after 2 seconds' },
  'magic:429': {
    zh: '同一请求第一次 429（Retry-After: 1），之后成功',
    en: '429 with Retry-After 1 once, then success',
  },
  'magic:report-failed': {
    zh: '批量查询正常；报告订单受理，到期后状态为 failed（数据源不可用）',
    en: 'ratings answer normally; a report order is accepted and ends as failed (source unavailable)',
  },
} as const;

/**
 * The tag of the subject whose reports always end as `failed`, so a failed report can be
 * tested without rewriting a response.
 *
 * @example
 * ```ts
 * const subject = magicSubject(REPORT_FAILED_TAG);
 * ```
 */
export const REPORT_FAILED_TAG = 'magic:report-failed' satisfies MagicTag;

/**
 * A fault-injection tag.
 *
 * @example
 * ```ts
 * const tag: MagicTag = 'magic:slow';
 * ```
 */
export type MagicTag = keyof typeof MAGIC_TAGS;

/**
 * Delay of `magic:slow`, in milliseconds.
 *
 * @example
 * ```ts
 * const timeoutMs = MAGIC_SLOW_MS / 2; // a client timeout that `magic:slow` subjects trip
 * ```
 */
export const MAGIC_SLOW_MS = 2000;

export function isMagicTag(tag: string): tag is MagicTag {
  return Object.hasOwn(MAGIC_TAGS, tag);
}

/**
 * The step a magic tag takes on the `seen`-th (0-based) request with the same fingerprint;
 * `magic:slow` waits `slowMs` (the live config's, `MAGIC_SLOW_MS` unless changed).
 */
export function magicStep(tag: MagicTag, seen: number, slowMs = MAGIC_SLOW_MS): FaultStep {
  switch (tag) {
    case 'magic:503-twice':
      return seen < 2 ? { kind: 'status', status: 503, retryAfter: null } : { kind: 'ok' };
    case 'magic:500':
      return { kind: 'status', status: 500, retryAfter: null };
    case 'magic:malformed-json':
      return { kind: 'malformed' };
    case 'magic:drop-connection':
      return { kind: 'drop' };
    case 'magic:schema-violation':
      return { kind: 'schema' };
    case 'magic:slow':
      return { kind: 'delay', ms: slowMs };
    case 'magic:429':
      return seen < 1 ? { kind: 'status', status: 429, retryAfter: 1 } : { kind: 'ok' };
    case 'magic:report-failed':
      // Not a transport fault: the report resource fails the report itself.
      return { kind: 'ok' };
  }
}

/** Cuts a JSON text in half, so that it cannot parse. */
export function truncateJson(text: string): string {
  const cut = Math.max(1, Math.floor(text.length / 2));
  return text.slice(0, cut);
}

/**
 * A copy of a JSON body that no SDK response schema accepts: the first property becomes null
 * (every response object's first property is required and non-nullable), and the marker
 * `"__mockFault": "schema"` is added.
 */
export function violateSchema(body: unknown): unknown {
  if (Array.isArray(body)) return { __mockFault: 'schema', data: body };
  if (body === null || typeof body !== 'object') return { __mockFault: 'schema' };
  const entries = Object.entries(body as Record<string, unknown>);
  const [first] = entries;
  if (first === undefined) return { __mockFault: 'schema' };
  return { ...Object.fromEntries(entries), [first[0]]: null, __mockFault: 'schema' };
}

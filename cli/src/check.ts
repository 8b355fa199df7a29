/**
 * The check itself, apart from how it is printed: resolve each input to a subject (by code, or
 * by name when the match is unambiguous), fetch the rating summaries in batches, and apply the
 * procurement or tendering rule pack. A failure to reach the API marks rows 暂不可用; it never
 * turns into a pass.
 */

import {
  describeError,
  evaluateProcurement,
  evaluateTendering,
  isAuthenticationError,
  isPaymentRequiredError,
  isPermissionDeniedError,
  type LocalizedText,
  type RatingSummary,
  type ScreeningResult,
  type Subject,
  type SubjectMatch,
  serializeError,
  type XinjianClient,
} from '@xinjian/sdk';
import { classifyInput } from './identify.ts';
import type { Outcome } from './labels.ts';
import { chinaDateTime } from './time.ts';

/**
 * Which rule pack to apply.
 *
 * @example
 * ```ts
 * const mode: CheckMode = 'tendering';
 * ```
 */
export type CheckMode = 'procurement' | 'tendering';

/**
 * One thing to check: a bidder from a list, or one command-line argument.
 *
 * @example
 * ```ts
 * const t: CheckTarget = { label: '甲公司', name: '甲公司', code: '91110000600037341L', members: [] };
 * ```
 */
export interface CheckTarget {
  /** What to call the row when no subject is found. */
  label: string;
  name: string | null;
  code: string | null;
  /** 联合体 members, names or codes; empty for a single bidder. */
  members: string[];
}

/**
 * Why a call failed, kept for the evidence and the JSON output.
 *
 * @example
 * ```ts
 * const f: CallFailure = { name: 'InternalServerError', status: 503, code: 'unavailable', requestId: 'req_1', message: '…', text: { zh: '…', en: '…' } };
 * ```
 */
export interface CallFailure {
  name: string;
  status: number | null;
  code: string | null;
  requestId: string | null;
  message: string;
  /** For people. */
  text: LocalizedText;
}

/**
 * The lookup of one subject: a code, a name, or one consortium member.
 *
 * @example
 * ```ts
 * if (s.status === 'found') console.log(s.subject?.name, s.summary?.grades);
 * ```
 */
export interface SubjectCheck {
  query: string;
  by: 'code' | 'name';
  status: 'found' | 'not_found' | 'ambiguous' | 'invalid' | 'unavailable';
  queriedAt: string;
  subject: Subject | null;
  /** How a name matched; null for a code lookup. */
  match: { confidence: number; matchType: SubjectMatch['matchType'] } | null;
  /** Candidates shown instead of a guess when a name is ambiguous. */
  candidates: SubjectMatch[];
  summary: RatingSummary | null;
  /** Why the input was rejected (`invalid`). */
  problem: { message: LocalizedText; expectedCheckChar: string | null } | null;
  /** Why the API could not answer (`unavailable`). */
  failure: CallFailure | null;
}

/**
 * The result for one target.
 *
 * @example
 * ```ts
 * if (row.outcome === 'fail') for (const f of row.evaluation?.findings ?? []) console.log(f.message.zh);
 * ```
 */
export interface RowCheck {
  target: CheckTarget;
  subjects: SubjectCheck[];
  /** The rule pack's result over the found subjects (the whole consortium for a 联合体). */
  evaluation: ScreeningResult | null;
  outcome: Outcome;
  /** Remarks from the CLI itself, e.g. a name that differs from the registered one. */
  notes: LocalizedText[];
  queriedAt: string;
}

/**
 * The calls a check makes, as the SDK client provides them.
 *
 * @example
 * ```ts
 * const api: CheckApi = createClient({ baseUrl, apiKey });
 * ```
 */
export type CheckApi = Pick<XinjianClient, 'ratings' | 'subjects'>;

/**
 * Options of {@link runChecks}.
 *
 * @example
 * ```ts
 * const opts: CheckOptions = { mode: 'procurement', asOf: '2026-11-01', cutoff: '2026-11-20' };
 * ```
 */
export interface CheckOptions {
  mode: CheckMode;
  asOf: string;
  cutoff: string;
  /** Called after each chunk of rows with how many are done. */
  onProgress?: (done: number, total: number) => void;
  /** Rows per round of requests. Default 25. */
  chunkSize?: number;
  /** Name searches in flight at once. Default 4. */
  concurrency?: number;
  /** A name match below this confidence is shown as a candidate, not used. Default 0.8. */
  minConfidence?: number;
}

/**
 * Thrown when the API refuses the key or the account (401, 402, 403): no row could be checked,
 * so the run stops instead of printing a table of failures.
 *
 * @example
 * ```ts
 * try { await runChecks(api, targets, opts); } catch (e) { if (e instanceof AccessDeniedError) process.exitCode = 77; }
 * ```
 */
export class AccessDeniedError extends Error {
  readonly failure: CallFailure;
  constructor(failure: CallFailure, options?: { cause?: unknown }) {
    super(failure.message, options);
    this.name = 'AccessDeniedError';
    this.failure = failure;
  }
}

/**
 * Turns any thrown value into a {@link CallFailure}.
 *
 * @example
 * ```ts
 * toFailure(new Error('boom')).message; // 'boom'
 * ```
 */
export function toFailure(e: unknown): CallFailure {
  const s = serializeError(e);
  return {
    name: s.name,
    status: s.status ?? null,
    code: s.code ?? null,
    requestId: s.requestId ?? null,
    message: s.message,
    text: describeError(e),
  };
}

function guard(e: unknown): CallFailure {
  const failure = toFailure(e);
  if (isAuthenticationError(e) || isPermissionDeniedError(e) || isPaymentRequiredError(e)) {
    throw new AccessDeniedError(failure, { cause: e });
  }
  return failure;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function blank(query: string, by: 'code' | 'name', queriedAt: string): SubjectCheck {
  return {
    query,
    by,
    status: 'not_found',
    queriedAt,
    subject: null,
    match: null,
    candidates: [],
    summary: null,
    problem: null,
    failure: null,
  };
}

// Registered names differ from typed ones mostly in bracket width and spacing.
function sameName(a: string, b: string): boolean {
  const norm = (s: string): string =>
    s
      .replace(/[\s\u3000]/g, '')
      .replace(/（/g, '(')
      .replace(/）/g, ')');
  return norm(a) === norm(b);
}

function queriesOf(target: CheckTarget): string[] {
  if (target.members.length === 0) {
    const q = target.code ?? target.name;
    return q === null ? [] : [q];
  }
  const all = target.code !== null ? [target.code, ...target.members] : target.members;
  return [...new Set(all)];
}

function rowOutcome(
  subjects: readonly SubjectCheck[],
  evaluation: ScreeningResult | null,
  notes: LocalizedText[],
): Outcome {
  // A known bar decides a bid even when another member could not be checked.
  if (evaluation?.verdict === 'fail') return 'fail';
  for (const status of ['invalid', 'unavailable', 'ambiguous', 'not_found'] as const) {
    if (subjects.some((s) => s.status === status)) return status;
  }
  if (evaluation === null) return 'invalid';
  if (evaluation.verdict === 'pass' && notes.length > 0) return 'review';
  return evaluation.verdict;
}

/**
 * Checks every target, in order, in rounds of `chunkSize` rows: local code checks, name
 * searches, one batch lookup per round, then the rule pack.
 *
 * @throws AccessDeniedError when the API rejects the key or the account.
 * @example
 * ```ts
 * const rows = await runChecks(client, [{ label: '91110000600037341L', name: null, code: '91110000600037341L', members: [] }], {
 *   mode: 'procurement', asOf: '2026-11-01', cutoff: '2026-11-20',
 * });
 * rows[0]?.outcome; // 'pass'
 * ```
 */
export async function runChecks(
  api: CheckApi,
  targets: readonly CheckTarget[],
  options: CheckOptions,
): Promise<RowCheck[]> {
  const chunkSize = options.chunkSize ?? 25;
  const results: RowCheck[] = [];
  for (let start = 0; start < targets.length; start += chunkSize) {
    const chunk = targets.slice(start, start + chunkSize);
    results.push(...(await checkChunk(api, chunk, options)));
    options.onProgress?.(results.length, targets.length);
  }
  return results;
}

async function checkChunk(
  api: CheckApi,
  targets: readonly CheckTarget[],
  options: CheckOptions,
): Promise<RowCheck[]> {
  const minConfidence = options.minConfidence ?? 0.8;
  const startedAt = chinaDateTime();
  // 1. Classify every query; check codes locally.
  const perRow: SubjectCheck[][] = targets.map((t) =>
    queriesOf(t).map((q) => {
      const c = classifyInput(q);
      const s = blank(q, c.kind === 'name' ? 'name' : 'code', startedAt);
      if (c.kind === 'invalid') {
        s.status = 'invalid';
        s.problem = { message: c.message, expectedCheckChar: c.expectedCheckChar };
      } else if (c.kind === 'personal_id') {
        s.status = 'invalid';
        s.problem = {
          message: {
            zh: '这是居民身份证号码，企业信用核查不查询个人信息',
            en: 'this is a personal ID number; an enterprise check does not look up individuals',
          },
          expectedCheckChar: null,
        };
      } else if (c.kind === 'code') {
        s.query = c.value;
      }
      return s;
    }),
  );
  const all = perRow.flat();

  // 2. Resolve names; an ambiguous or weak match is shown, never guessed.
  const byName = all.filter((s) => s.by === 'name');
  await mapLimit(byName, options.concurrency ?? 4, async (s) => {
    try {
      const res = await api.subjects.search({ q: s.query });
      s.queriedAt = chinaDateTime();
      const best = res.data[0];
      if (best === undefined) return;
      if (res.ambiguous || best.confidence < minConfidence) {
        s.status = 'ambiguous';
        s.candidates = res.data;
        return;
      }
      s.subject = best.subject;
      s.match = { confidence: best.confidence, matchType: best.matchType };
      s.status = 'found';
    } catch (e) {
      s.status = 'unavailable';
      s.failure = guard(e);
    }
  });

  // 3. One batch lookup for every code and resolved name of the round.
  const lookups = all.filter(
    (s) => (s.by === 'code' && s.status === 'not_found') || (s.by === 'name' && s.status === 'found'),
  );
  const ids = [...new Set(lookups.map((s) => (s.by === 'name' && s.subject ? s.subject.uscc : s.query)))];
  if (ids.length > 0) {
    let items: Awaited<ReturnType<CheckApi['ratings']['lookup']>> | null = null;
    let failure: CallFailure | null = null;
    try {
      items = await api.ratings.lookup(ids);
    } catch (e) {
      failure = guard(e);
    }
    const queriedAt = chinaDateTime();
    for (const s of lookups) {
      const id = s.by === 'name' && s.subject ? s.subject.uscc : s.query;
      s.queriedAt = queriedAt;
      const item = items?.[ids.indexOf(id)];
      if (failure !== null || item === undefined) {
        s.status = 'unavailable';
        s.failure = failure ?? {
          name: 'MissingItem',
          status: null,
          code: null,
          requestId: null,
          message: `no result for ${id}`,
          text: { zh: '接口未返回该主体的结果', en: 'the API returned no result for this subject' },
        };
        continue;
      }
      switch (item.status) {
        case 'found':
          s.status = 'found';
          s.summary = item.summary;
          s.subject = item.summary.subject;
          break;
        case 'not_found':
          s.status = 'not_found';
          break;
        case 'invalid_identifier':
          s.status = 'invalid';
          s.problem = {
            message: { zh: item.message, en: item.message },
            expectedCheckChar: item.expectedCheckChar,
          };
          break;
        default:
          s.status = 'unavailable';
          s.failure = guard(item.error);
      }
    }
  }

  // 4. Rule pack over the found subjects of each row.
  return targets.map((target, i) => {
    const subjects = perRow[i] ?? [];
    const found = subjects.flatMap((s) => (s.status === 'found' && s.summary ? [s.summary] : []));
    const [lead, ...others] = found;
    const evaluate = options.mode === 'tendering' ? evaluateTendering : evaluateProcurement;
    const evaluation =
      lead === undefined
        ? null
        : evaluate(lead, {
            asOf: options.asOf,
            cutoff: options.cutoff,
            ...(others.length > 0 ? { consortium: others } : {}),
          });
    const notes: LocalizedText[] = [];
    const only = subjects[0];
    if (target.members.length === 0 && target.name !== null && target.code !== null && only?.subject) {
      if (!sameName(target.name, only.subject.name)) {
        notes.push({
          zh: `名单中的名称"${target.name}"与登记名称"${only.subject.name}"不一致，请核对代码`,
          en: `the listed name "${target.name}" differs from the registered name "${only.subject.name}"; check the code`,
        });
      }
    }
    if (subjects.length === 0) {
      subjects.push({
        ...blank('', 'code', startedAt),
        status: 'invalid',
        problem: {
          message: { zh: '此行既无名称也无代码', en: 'this row has neither a name nor a code' },
          expectedCheckChar: null,
        },
      });
    }
    // ISO timestamps in one offset sort as strings.
    const queriedAt =
      subjects
        .map((s) => s.queriedAt)
        .sort()
        .at(-1) ?? startedAt;
    return {
      target,
      subjects,
      evaluation,
      outcome: rowOutcome(subjects, evaluation, notes),
      notes,
      queriedAt,
    };
  });
}

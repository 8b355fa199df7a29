/**
 * The check itself, apart from how it is printed: resolve each input to a subject (by code, or
 * by name when the match is unambiguous), fetch the rating summaries in batches, and apply the
 * procurement or tendering rule pack. A failure to reach the API marks rows 暂不可用; it never
 * turns into a pass.
 */

import {
  type BatchRatingItem,
  describeError,
  type EnterpriseRuleSetId,
  evaluateEnterprise,
  isAPIUserAbortError,
  isAuthenticationError,
  isPaymentRequiredError,
  isPermissionDeniedError,
  type LocalizedText,
  maskIdCard,
  type RatingSummary,
  type ScreeningResult,
  type Subject,
  type SubjectMatch,
  serializeError,
  type XinjianClient,
} from '@xinjian/sdk';
import { spreadsheetDamage } from './excel.ts';
import { classifyInput } from './identify.ts';
import type { Outcome } from './labels.ts';
import { chinaDateTime } from './time.ts';

/**
 * Which rule pack to apply: a mode of the SDK's `RULE_SETS` that screens enterprises.
 *
 * @example
 * ```ts
 * const mode: CheckMode = 'credit';
 * ```
 */
export type CheckMode = EnterpriseRuleSetId;

/**
 * One thing to check: a bidder from a list, or one command-line argument.
 *
 * @example
 * ```ts
 * const t: CheckTarget = { label: '北京市东城区澜丰信息技术有限公司', name: '北京市东城区澜丰信息技术有限公司', code: '91110000561976492Q', members: [] };
 * ```
 */
export interface CheckTarget {
  /** What to call the row when no subject is found. */
  label: string;
  name: string | null;
  code: string | null;
  /** 联合体 members (or, in credit mode, the guarantors), names or codes; empty for one subject. */
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
  /** Called each time a row has all its answers, with how many rows are done. */
  onProgress?: (done: number, total: number) => void;
  /** Name searches in flight at once. Default 4. (Rating batches follow the client's `batch` option.) */
  concurrency?: number;
  /**
   * Stops the run: rows without all their answers come back as `interrupted`, the others keep
   * what they have.
   */
  signal?: AbortSignal;
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
    // A code a spreadsheet damaged cannot be looked up; the row's name still can.
    const q = (damagedWithName(target) ? null : target.code) ?? target.name;
    return q === null ? [] : [q];
  }
  const all = target.code !== null ? [target.code, ...target.members] : target.members;
  return [...new Set(all)];
}

function damagedWithName(target: CheckTarget): boolean {
  return target.code !== null && target.name !== null && spreadsheetDamage(target.code) !== null;
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
 * Checks every target: local code checks, name searches, then one rating lookup per distinct
 * subject, all asked in the same tick so that the client's batcher sends ceil(distinct / 100)
 * requests with its bounded concurrency; then the rule pack. Rows report progress as their
 * answers arrive.
 *
 * @throws AccessDeniedError when the API rejects the key or the account.
 * @example
 * ```ts
 * const rows = await runChecks(client, [{ label: '91110000561976492Q', name: null, code: '91110000561976492Q', members: [] }], {
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
  const minConfidence = options.minConfidence ?? 0.8;
  const signal = options.signal;
  const startedAt = chinaDateTime();
  // 1. Classify every query; check codes locally.
  const perRow: SubjectCheck[][] = targets.map((t) =>
    queriesOf(t).map((q) => {
      const c = classifyInput(q);
      // A personal ID number given as a code is kept masked: on screen, in the result table and in
      // the evidence (a legal representative's number in the guarantor column, say).
      const s = blank(
        c.kind === 'personal_id' ? maskIdCard(c.value) : q,
        c.kind === 'name' ? 'name' : 'code',
        startedAt,
      );
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
      } else if (c.kind === 'damaged') {
        s.status = 'invalid';
        s.problem = { message: c.damage.message, expectedCheckChar: null };
      } else if (c.kind === 'code') {
        s.query = c.value;
      }
      return s;
    }),
  );
  const all = perRow.flat();
  // Subjects still waiting for an answer; what is left here when the run stops is interrupted.
  const waiting = new Set(all.filter((s) => s.status === 'not_found'));
  const rowOf = new Map<SubjectCheck, number>();
  perRow.forEach((subjects, i) => {
    for (const s of subjects) rowOf.set(s, i);
  });
  const open = perRow.map((subjects) => subjects.filter((s) => waiting.has(s)).length);
  let done = open.filter((n) => n === 0).length;
  const settle = (s: SubjectCheck) => {
    if (!waiting.delete(s)) return;
    const row = rowOf.get(s) as number;
    open[row] = (open[row] as number) - 1;
    if (open[row] === 0) options.onProgress?.(++done, targets.length);
  };
  const aborted = (e: unknown) => signal?.aborted === true && isAPIUserAbortError(e);

  // 2. Resolve names; an ambiguous or weak match is shown, never guessed.
  const byName = all.filter((s) => s.by === 'name');
  await mapLimit(byName, options.concurrency ?? 4, async (s) => {
    if (signal?.aborted) return;
    try {
      const res = await api.subjects.search({ q: s.query }, signal ? { signal } : undefined);
      s.queriedAt = chinaDateTime();
      const best = res.data[0];
      if (best === undefined) {
        settle(s);
        return;
      }
      if (res.ambiguous || best.confidence < minConfidence) {
        s.status = 'ambiguous';
        s.candidates = res.data;
        settle(s);
        return;
      }
      s.subject = best.subject;
      s.match = { confidence: best.confidence, matchType: best.matchType };
      s.status = 'found';
    } catch (e) {
      if (aborted(e)) return;
      s.status = 'unavailable';
      s.failure = guard(e);
      settle(s);
    }
  });

  // 3. One rating per distinct subject, every call in this tick: the client coalesces them.
  const lookups = all.filter(
    (s) =>
      waiting.has(s) &&
      ((s.by === 'code' && s.status === 'not_found') || (s.by === 'name' && s.status === 'found')),
  );
  const byId = new Map<string, SubjectCheck[]>();
  for (const s of lookups) {
    const id = s.by === 'name' && s.subject ? s.subject.uscc : s.query;
    byId.set(id, [...(byId.get(id) ?? []), s]);
  }
  if (!signal?.aborted) {
    await Promise.all(
      [...byId].map(async ([id, subjects]) => {
        let item: BatchRatingItem | undefined;
        let failure: CallFailure | null = null;
        try {
          item = await api.ratings.get(id, signal ? { signal } : undefined);
        } catch (e) {
          if (aborted(e)) return;
          failure = guard(e);
        }
        const queriedAt = chinaDateTime();
        for (const s of subjects) {
          s.queriedAt = queriedAt;
          applyRating(s, item, failure);
          settle(s);
        }
      }),
    );
  }

  // 4. Rule pack over the found subjects of each row; a row still waiting was interrupted.
  return targets.map((target, i) => {
    const subjects = perRow[i] ?? [];
    if (subjects.some((s) => waiting.has(s))) {
      // Not queried: no time to show.
      return { target, subjects, evaluation: null, outcome: 'interrupted', notes: [], queriedAt: '' };
    }
    const found = subjects.flatMap((s) => (s.status === 'found' && s.summary ? [s.summary] : []));
    const [lead, ...others] = found;
    // The row's other subjects are the mode's other parties: consortium members, or guarantors.
    const evaluation =
      lead === undefined
        ? null
        : evaluateEnterprise(options.mode, lead, { asOf: options.asOf, cutoff: options.cutoff, others });
    const notes: LocalizedText[] = [];
    const damage = damagedWithName(target) && target.code !== null ? spreadsheetDamage(target.code) : null;
    if (damage !== null) {
      notes.push({
        zh: `${damage.message.zh}；已改按名称"${target.name}"查询`,
        en: `${damage.message.en}; looked up by the name "${target.name}" instead`,
      });
    }
    const only = subjects[0];
    if (
      damage === null &&
      target.members.length === 0 &&
      target.name !== null &&
      target.code !== null &&
      only?.subject
    ) {
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

function applyRating(s: SubjectCheck, item: BatchRatingItem | undefined, failure: CallFailure | null): void {
  if (failure !== null || item === undefined) {
    s.status = 'unavailable';
    s.failure = failure ?? {
      name: 'MissingItem',
      status: null,
      code: null,
      requestId: null,
      message: `no result for ${s.query}`,
      text: { zh: '接口未返回该主体的结果', en: 'the API returned no result for this subject' },
    };
    return;
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
  }
}

/**
 * Lookups for one tab: resolve the subjects a content script reports, push each result to the
 * tab as it lands, screen consortia once their members are known, and retry what the service
 * could not answer.
 */
import { isRetryableError } from '../../sdk/src/core/errors.ts';
import type { RatingSummary } from '../../sdk/src/resources/ratings.ts';
import { sendToTab } from '../lib/messages.ts';
import type { PageSubject, SubjectResult, TabConsortium, TabRecord } from '../lib/model.ts';
import { loadSettings, todayInChina } from '../lib/settings.ts';
import { clientFor, onClientRetry } from './client.ts';
import {
  type ResolveContext,
  resolveCode,
  resolveSubject,
  screenConsortium,
  unavailable,
} from './resolve.ts';
import { addSubjects, getTabRecord, knownTabIds, setConsortia, setSubjectResult } from './tabs.ts';

/** Delays of the background's own retries after the SDK's retries gave up. */
export const BACKGROUND_RETRY_DELAYS_MS = [5_000, 20_000];

// Background retries so far, per tab and subject.
const retries = new Map<string, { attempt: number }>();

async function contextFor(record: TabRecord): Promise<ResolveContext> {
  const settings = await loadSettings();
  return { client: clientFor(settings), asOf: todayInChina(), cutoff: record.cutoff.date };
}

/**
 * Looks up the subjects of one content-script message. New subjects are resolved (code
 * lookups in one batch); known ones answer with their current result.
 *
 * @example
 * ```ts
 * const results = await lookupForTab(tabId, frameId, subjects);
 * ```
 */
export async function lookupForTab(
  tabId: number,
  frameId: number | null,
  subjects: readonly PageSubject[],
): Promise<Array<{ key: string; result: SubjectResult }>> {
  const record = await getTabRecord(tabId);
  if (!record) throw new Error('[xinjian] lookup before cs:page');
  const fresh = await addSubjects(tabId, subjects, { state: 'checking', attempt: 0 });
  let ctx: ResolveContext;
  try {
    ctx = await contextFor(record);
  } catch (error) {
    await Promise.all(fresh.map((s) => publish(tabId, frameId, s.key, unavailable(error))));
    return currentResults(tabId, subjects);
  }
  // Started in one tick, so the code lookups share batch requests.
  await Promise.all(
    fresh.map(async (subject) => {
      const result = await resolveSubject(ctx, subject);
      await publish(tabId, frameId, subject.key, result);
      scheduleRetry(tabId, frameId, subject, result);
    }),
  );
  await updateConsortia(tabId, ctx);
  return currentResults(tabId, subjects);
}

async function currentResults(
  tabId: number,
  subjects: readonly PageSubject[],
): Promise<Array<{ key: string; result: SubjectResult }>> {
  const record = await getTabRecord(tabId);
  const byKey = new Map(record?.subjects.map((s) => [s.subject.key, s.result]));
  return subjects.map((s) => ({ key: s.key, result: byKey.get(s.key) ?? { state: 'checking', attempt: 0 } }));
}

async function publish(
  tabId: number,
  frameId: number | null,
  key: string,
  result: SubjectResult,
): Promise<void> {
  await setSubjectResult(tabId, key, result);
  await sendToTab(tabId, { type: 'bg:result', key, result }, frameId ?? undefined);
}

// One retry timer per tab: everything due retries in one tick, so the lookups share a batch
// instead of each knocking on a struggling server alone.
const retryQueues = new Map<
  number,
  { frameId: number | null; due: Map<string, PageSubject>; timer: ReturnType<typeof setTimeout> | null }
>();

function scheduleRetry(
  tabId: number,
  frameId: number | null,
  subject: PageSubject,
  result: SubjectResult,
): void {
  const id = `${tabId}\n${subject.key}`;
  if (result.state !== 'unavailable' || !isRetryableError(result.error)) {
    retries.delete(id);
    return;
  }
  const attempt = (retries.get(id)?.attempt ?? 0) + 1;
  const delay = BACKGROUND_RETRY_DELAYS_MS[attempt - 1];
  if (delay === undefined) {
    retries.delete(id);
    return;
  }
  retries.set(id, { attempt });
  void publish(tabId, frameId, subject.key, {
    ...result,
    retryAt: new Date(Date.now() + delay).toISOString(),
  });
  let queue = retryQueues.get(tabId);
  if (!queue) {
    queue = { frameId, due: new Map(), timer: null };
    retryQueues.set(tabId, queue);
  }
  queue.due.set(subject.key, subject);
  if (!queue.timer) queue.timer = setTimeout(() => void runRetries(tabId), delay);
}

async function runRetries(tabId: number): Promise<void> {
  const queue = retryQueues.get(tabId);
  retryQueues.delete(tabId);
  if (!queue) return;
  const record = await getTabRecord(tabId);
  const known = new Set(record?.subjects.map((s) => s.subject.key));
  const subjects = [...queue.due.values()].filter((s) => known.has(s.key));
  if (!record || subjects.length === 0) return;
  let ctx: ResolveContext;
  try {
    ctx = await contextFor(record);
  } catch (error) {
    for (const s of subjects) await publish(tabId, queue.frameId, s.key, unavailable(error));
    return;
  }
  await Promise.all(
    subjects.map(async (subject) => {
      const attempt = retries.get(`${tabId}\n${subject.key}`)?.attempt ?? 1;
      await publish(tabId, queue.frameId, subject.key, { state: 'checking', attempt });
      const next = await resolveSubject(ctx, subject);
      await publish(tabId, queue.frameId, subject.key, next);
      scheduleRetry(tabId, queue.frameId, subject, next);
    }),
  );
  await updateConsortia(tabId, ctx);
}

/**
 * Resolves an ambiguous name to the candidate the user picked.
 *
 * @example
 * ```ts
 * await pickForTab(tabId, frameId, 'name:某某建设有限公司', '91110000600037341L');
 * ```
 */
export async function pickForTab(
  tabId: number,
  frameId: number | null,
  key: string,
  uscc: string,
): Promise<SubjectResult> {
  const record = await getTabRecord(tabId);
  const entry = record?.subjects.find((s) => s.subject.key === key);
  if (!record || !entry) throw new Error('[xinjian] unknown subject');
  const candidate =
    entry.result.state === 'ambiguous'
      ? entry.result.candidates.find((c) => c.subject.uscc === uscc)
      : undefined;
  const ctx = await contextFor(record);
  await publish(tabId, frameId, key, { state: 'checking', attempt: 0 });
  const result = await resolveCode(
    ctx,
    uscc,
    candidate
      ? {
          confidence: candidate.confidence,
          matchType: candidate.matchType,
          sameNameCount: candidate.sameNameCount,
        }
      : null,
  );
  await setSubjectResult(tabId, key, result, { code: { kind: 'uscc', value: uscc } });
  await sendToTab(tabId, { type: 'bg:result', key, result }, frameId ?? undefined);
  await updateConsortia(tabId, ctx);
  return result;
}

async function updateConsortia(tabId: number, ctx: ResolveContext): Promise<void> {
  const record = await getTabRecord(tabId);
  if (!record || record.consortia.length === 0) return;
  const byKey = new Map(record.subjects.map((s) => [s.subject.key, s.result]));
  const next: TabConsortium[] = record.consortia.map((c) => {
    const summaries: RatingSummary[] = [];
    for (const key of c.memberKeys) {
      const r = byKey.get(key);
      if (r?.state !== 'done') return { ...c, screening: null };
      summaries.push(r.summary);
    }
    return { ...c, screening: screenConsortium(summaries, ctx) };
  });
  await setConsortia(tabId, next);
}

/**
 * Shows "retrying" on the badges still checking while the SDK retries a ratings batch.
 *
 * @example
 * ```ts
 * const stop = showRetriesOnBadges();
 * ```
 */
export function showRetriesOnBadges(): () => void {
  return onClientRetry((event) => {
    if (!event.path.includes('/ratings')) return;
    for (const tabId of knownTabIds()) {
      void (async () => {
        const record = await getTabRecord(tabId);
        for (const s of record?.subjects ?? []) {
          if (s.result.state !== 'checking') continue;
          const result: SubjectResult = { state: 'checking', attempt: event.attempt };
          await setSubjectResult(tabId, s.subject.key, result);
          await sendToTab(tabId, { type: 'bg:result', key: s.subject.key, result });
        }
      })();
    }
  });
}

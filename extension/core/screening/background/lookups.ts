/**
 * Lookups for one tab: resolve the subjects a content script reports, push each result to the
 * tab as it lands (the results of a frame together), screen consortia once their members are
 * known, and retry what the service could not answer (docs/decisions/0011, 0067).
 */

import type { RatingSummary, XinjianClient } from '@xinjian/sdk';
import { isResponseValidationError, isRetryableError } from '@xinjian/sdk';
import { browser } from 'wxt/browser';
import { clientFor, onClientRetry } from '../../background/client.ts';
import { whileBusy } from '../../background/quiet.ts';
import { sendToTab } from '../../messages.ts';
import { loadSettings, todayInChina, watchSettings } from '../../settings.ts';
import type { PageSubject, SubjectResult, TabConsortium, TabRecord } from '../model.ts';
import { pageKey } from './personal-check.ts';
import { createRatingQueue, type RatingQueue } from './rating-queue.ts';
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

/**
 * Whether the background tries a failed lookup again by itself: what the SDK retries
 * (connection errors, timeouts, 429, 5xx) and bad data (a broken release of the API is usually
 * fixed within minutes). A refused key or an empty account waits for the settings to change.
 */
export function isTransient(error: unknown): boolean {
  return isRetryableError(error) || isResponseValidationError(error);
}

// One gathering queue per client: lookups from many messages share full batches.
const queues = new WeakMap<XinjianClient, RatingQueue>();

async function contextFor(record: TabRecord): Promise<ResolveContext> {
  const settings = await loadSettings();
  return {
    client: clientFor(settings),
    ruleSet: record.ruleSet,
    asOf: todayInChina(),
    cutoff: record.cutoff.date,
  };
}

// A page's scan: its lookups go through the client's gathering queue, so the subjects of many
// messages share full batches. Retries and re-asks go straight to the SDK, as soon as asked.
async function scanContextFor(record: TabRecord): Promise<ResolveContext & { queue: RatingQueue }> {
  const ctx = await contextFor(record);
  const { client } = ctx;
  let queue = queues.get(client);
  if (!queue) {
    queue = createRatingQueue((id) => client.ratings.get(id));
    queues.set(client, queue);
  }
  const tabQueue = queue;
  // Each tab's ids are its own in the queue: one scan's end sends its rest, not another's.
  return { ...ctx, rating: (id) => tabQueue.get(id, record.tabId), queue };
}

/**
 * Looks up the subjects of one content-script message. New subjects are resolved (code
 * lookups gathered across messages into full batches; `more` says the page's scan goes on) and
 * their results pushed to the tab as they land; the reply carries the current result of the
 * known ones only (docs/decisions/0071).
 */
export function lookupForTab(
  tabId: number,
  frameId: number | null,
  subjects: readonly PageSubject[],
  options: { more?: boolean } = {},
): Promise<Array<{ key: string; result: SubjectResult }>> {
  // Noted as the message arrives: its handling may be overtaken by the next one's.
  const scan = scans.get(tabId) ?? { more: false, unqueued: 0, queue: null };
  scan.more = options.more === true;
  scan.unqueued++;
  scans.set(tabId, scan);
  let noted = false;
  const inQueue = (queue: RatingQueue | null) => {
    if (noted) return;
    noted = true;
    queued(tabId, scan, queue);
  };
  const work = lookUpMessage(tabId, frameId, subjects, inQueue);
  // A message that failed before its subjects reached the queue is done with it all the same.
  work.then(
    () => inQueue(null),
    () => inQueue(null),
  );
  // The stored copies of the record and the cache wait until the page's lookups are in.
  return whileBusy(work);
}

interface ScanState {
  /** The last message to arrive said more are coming. */
  more: boolean;
  /** Messages arrived whose subjects are not in the gathering queue yet. */
  unqueued: number;
  /** The queue the scan's subjects went to. */
  queue: RatingQueue | null;
}

// Each tab's scan as its messages arrived. A restarted worker reads the record back for each
// message, and the first read takes longest, so the scan's last message (`more: false`) can
// reach the queue before the one sent ahead of it, whose `more: true` then held its rest for
// the queue's 5 s. The part-filled batch goes when the scan is over and every message of it is
// in, in whatever order they got there.
const scans = new Map<number, ScanState>();

function queued(tabId: number, scan: ScanState, queue: RatingQueue | null): void {
  scan.unqueued--;
  if (queue) scan.queue = queue;
  const over = !scan.more && scan.unqueued === 0;
  if (over && scans.get(tabId) === scan) scans.delete(tabId);
  if (over) scan.queue?.release(tabId);
  else scan.queue?.expectMore(tabId);
}

async function lookUpMessage(
  tabId: number,
  frameId: number | null,
  subjects: readonly PageSubject[],
  inQueue: (queue: RatingQueue) => void,
): Promise<Array<{ key: string; result: SubjectResult }>> {
  const record = await getTabRecord(tabId);
  if (!record) throw new Error('[xinjian] lookup before cs:page');
  const fresh = await addSubjects(tabId, subjects, { state: 'checking', attempt: 0 });
  // Asked again for a subject the background gave up on: the content script's recovery
  // schedule (content/recovery.ts) owns retries from here on, so none is scheduled for it.
  const isFresh = new Set(fresh.map((s) => s.key));
  const stateOf = new Map(record.subjects.map((e) => [e.subject.key, e.result.state]));
  const again = subjects.filter(
    (s) => !isFresh.has(s.key) && !isQueued(tabId, s.key) && stateOf.get(s.key) === 'unavailable',
  );
  let ctx: ResolveContext & { queue: RatingQueue };
  try {
    ctx = await scanContextFor(record);
  } catch (error) {
    await Promise.all([...fresh, ...again].map((s) => publish(tabId, frameId, s.key, unavailable(error))));
    return currentResults(tabId, unpushed(subjects, fresh, again));
  }
  // Started in one tick, so the code lookups share batch requests. Each answer is pushed when
  // its own batch (or search) answers, not when the message's last one does: the page and the
  // popup count a 200-subject message per batch, not all at once.
  const answered = Promise.all([
    ...fresh.map(async (subject) => {
      const result = await resolveSubject(ctx, subject);
      await publish(tabId, frameId, subject.key, result);
      if (subject.consortium) await updateConsortiaSoon(tabId, ctx);
      scheduleRetry(tabId, frameId, subject, result);
    }),
    ...again.map((subject) => lookUpAgain(ctx, tabId, frameId, subject, 0)),
  ]);
  // The subjects are in the queue: while the scan goes on, a part-filled batch waits for the
  // next message; once it is over, the batch goes.
  inQueue(ctx.queue);
  await answered;
  await updateConsortiaSoon(tabId, ctx);
  return currentResults(tabId, unpushed(subjects, fresh, again));
}

// The subjects of a message whose results were not pushed to the tab: what it looked up was
// pushed as it landed, so the reply carries only what the record already knew. A batch's 100
// results are some 256 KB of JSON, converted on both sides of every message.
function unpushed(
  subjects: readonly PageSubject[],
  fresh: readonly PageSubject[],
  again: readonly PageSubject[],
): PageSubject[] {
  const pushed = new Set([...fresh, ...again].map((s) => s.key));
  return subjects.filter((s) => !pushed.has(s.key));
}

// One more lookup of a known subject: "checking" on its badge meanwhile, then the result.
async function lookUpAgain(
  ctx: ResolveContext,
  tabId: number,
  frameId: number | null,
  subject: PageSubject,
  attempt: number,
): Promise<SubjectResult> {
  // Started before anything is awaited, so the lookups of one call share a batch request.
  const pending = resolveSubject(ctx, subject);
  await publish(tabId, frameId, subject.key, { state: 'checking', attempt });
  const next = await pending;
  await publish(tabId, frameId, subject.key, next);
  return next;
}

async function currentResults(
  tabId: number,
  subjects: readonly PageSubject[],
): Promise<Array<{ key: string; result: SubjectResult }>> {
  const record = await getTabRecord(tabId);
  const byKey = new Map(record?.subjects.map((s) => [s.subject.key, s.result]));
  return subjects.map((s) => ({
    key: pageKey(tabId, s.key),
    result: byKey.get(s.key) ?? { state: 'checking', attempt: 0 },
  }));
}

async function publish(
  tabId: number,
  frameId: number | null,
  key: string,
  result: SubjectResult,
): Promise<void> {
  await setSubjectResult(tabId, key, result);
  push(tabId, frameId, key, result);
}

/** Milliseconds a landed result waits for others before they go to the tab together: a frame. */
export const PUSH_INTERVAL_MS = 16;

// Results not yet pushed, per tab and frame: what lands within a frame (a batch of 100 lands
// at once) is one `bg:results` message, not one message per subject.
const outboxes = new Map<string, Map<string, SubjectResult>>();

function push(tabId: number, frameId: number | null, key: string, result: SubjectResult): void {
  const id = `${tabId}\n${frameId ?? ''}`;
  let box = outboxes.get(id);
  if (!box) {
    const results = new Map<string, SubjectResult>();
    box = results;
    outboxes.set(id, results);
    setTimeout(() => {
      outboxes.delete(id);
      const list = [...results].map(([k, r]) => ({ key: pageKey(tabId, k), result: r }));
      void sendToTab(tabId, { type: 'bg:results', results: list }, frameId ?? undefined);
    }, PUSH_INTERVAL_MS);
  }
  // The newest result of a subject wins, in the order results landed.
  box.delete(key);
  box.set(key, result);
}

// One retry timer per tab: everything due retries in one tick, so the lookups share a batch
// instead of each knocking on a struggling server alone.
const retryQueues = new Map<
  number,
  { frameId: number | null; due: Map<string, PageSubject>; timer: ReturnType<typeof setTimeout> | null }
>();

function isQueued(tabId: number, key: string): boolean {
  return retryQueues.get(tabId)?.due.has(key) ?? false;
}

function scheduleRetry(
  tabId: number,
  frameId: number | null,
  subject: PageSubject,
  result: SubjectResult,
): void {
  const id = `${tabId}\n${subject.key}`;
  if (result.state !== 'unavailable' || !isTransient(result.error)) {
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
      const next = await lookUpAgain(ctx, tabId, queue.frameId, subject, attempt);
      scheduleRetry(tabId, queue.frameId, subject, next);
    }),
  );
  await updateConsortia(tabId, ctx);
}

/**
 * Looks up again, at once, every subject an open tab shows as unavailable, whatever the
 * error: called when the API address or key is saved and when the options page's connection
 * test succeeds, the moments a refused key or an unreachable service is likely fixed. Pending
 * background retries of those subjects are cancelled (this is sooner). Returns how many
 * subjects it asked about.
 */
export async function retryUnavailable(): Promise<number> {
  const stored = Object.keys(await browser.storage.session.get(null))
    .map((k) => /^tab:(\d+)$/.exec(k)?.[1])
    .filter((id): id is string => id !== undefined)
    .map(Number);
  const tabIds = new Set([...knownTabIds(), ...stored]);
  const counts = await Promise.all(
    [...tabIds].map(async (tabId) => {
      const record = await getTabRecord(tabId);
      const due = (record?.subjects ?? [])
        .filter((s) => s.result.state === 'unavailable')
        .map((s) => s.subject);
      if (!record || due.length === 0) return 0;
      for (const s of due) {
        retryQueues.get(tabId)?.due.delete(s.key);
        retries.delete(`${tabId}\n${s.key}`);
      }
      let ctx: ResolveContext;
      try {
        ctx = await contextFor(record);
      } catch (error) {
        for (const s of due) await publish(tabId, null, s.key, unavailable(error));
        return due.length;
      }
      await Promise.all(
        due.map(async (subject) => {
          const next = await lookUpAgain(ctx, tabId, null, subject, 0);
          scheduleRetry(tabId, null, subject, next);
        }),
      );
      await updateConsortia(tabId, ctx);
      return due.length;
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * Looks up the unavailable subjects again whenever the saved API address or key changes (a
 * revoked key replaced, the service moved); returns the unsubscribe function.
 */
export function retryOnApiChange(): () => void {
  let last: string | null = null;
  void loadSettings().then((s) => {
    last ??= JSON.stringify(s.api);
  });
  return watchSettings((settings) => {
    const next = JSON.stringify(settings.api);
    if (next === last) return;
    last = next;
    void retryUnavailable();
  });
}

/**
 * Resolves an ambiguous name to the candidate the user picked.
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
  push(tabId, frameId, key, result);
  await updateConsortia(tabId, ctx);
  return result;
}

// One screening of a tab's consortia for all the results that land in one task (a batch of
// 100 lands at once): each screening reads every subject of the record and writes it again.
const consortiaDue = new Map<number, Promise<void>>();

function updateConsortiaSoon(tabId: number, ctx: ResolveContext): Promise<void> {
  let due = consortiaDue.get(tabId);
  if (!due) {
    due = new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
      // Results landing from here on need a screening of their own.
      consortiaDue.delete(tabId);
      return updateConsortia(tabId, ctx);
    });
    consortiaDue.set(tabId, due);
  }
  return due;
}

/**
 * Screens each group of a tab again once all its members have results, with the group's people
 * whose lookup is done.
 */
export async function updateConsortia(tabId: number, given?: ResolveContext): Promise<void> {
  const record = await getTabRecord(tabId);
  if (!record || record.consortia.length === 0) return;
  const ctx = given ?? (await contextFor(record));
  const byKey = new Map(record.subjects.map((s) => [s.subject.key, s.result]));
  const next: TabConsortium[] = record.consortia.map((c) => {
    const summaries: RatingSummary[] = [];
    for (const key of c.memberKeys) {
      const r = byKey.get(key);
      if (r?.state !== 'done') return { ...c, screening: null };
      summaries.push(r.summary);
    }
    const people = (record.people ?? []).flatMap((p) =>
      p.person.group === c.id && p.result.state === 'done' && p.report
        ? [{ role: p.person.role, report: p.report }]
        : [],
    );
    return { ...c, screening: screenConsortium(summaries, ctx, people) };
  });
  await setConsortia(tabId, next);
}

/**
 * Shows "retrying" on the badges still checking while the SDK retries a ratings batch.
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
          await publish(tabId, null, s.subject.key, result);
        }
      })();
    }
  });
}

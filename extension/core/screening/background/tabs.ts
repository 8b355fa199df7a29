/**
 * What was checked on each tab, kept in memory (the primary copy, which `page:get-tab` returns)
 * and mirrored to `storage.session` for a restarted service worker and for pages that watch it.
 * The mirror is slim: a checked subject keeps its name, codes, headline grades and screening
 * without the channel list, and the full rating summary stays once, in the rating cache. With
 * 5,000 subjects on a page the mirror stays near 5 MB, inside the 10 MiB quota with the cache.
 */

import type { RatingSummary } from '@xinjian/sdk';
import type { RuleSetRef } from '@xinjian/sdk/rules';
import { browser } from 'wxt/browser';
import { whenQuiet } from '../../background/quiet.ts';
import { ratingCache } from '../../background/session-cache.ts';
import { createLogger } from '../../log.ts';
import { notifyPages } from '../../messages.ts';
import type {
  PageSubject,
  SubjectResult,
  TabConsortium,
  TabPerson,
  TabRecord,
  TabSubject,
} from '../model.ts';
import { screen } from './resolve.ts';

const log = createLogger('tabs');

const PREFIX = 'tab:';
const records = new Map<number, TabRecord>();
const pendingWrites = new Map<number, ReturnType<typeof setTimeout>>();

/**
 * The storage key of a tab's record, for pages that watch `storage.session`.
 */
export function tabStorageKey(tabId: number): string {
  return `${PREFIX}${tabId}`;
}

/**
 * A tab's record, from memory or, after a service-worker restart, from storage.
 */
export async function getTabRecord(tabId: number): Promise<TabRecord | null> {
  const inMemory = records.get(tabId);
  if (inMemory) return inMemory;
  const key = tabStorageKey(tabId);
  const stored = (await browser.storage.session.get(key))[key] as TabRecord | undefined;
  if (!stored) return null;
  // Another call may have loaded it meanwhile: one record object per tab.
  const raced = records.get(tabId);
  if (raced) return raced;
  records.set(tabId, stored);
  await rehydrate(stored);
  return stored;
}

/**
 * The copy of a record written to `storage.session`: checked subjects keep what the badge,
 * popup and side-panel list show (name, codes, headline grades, verdict and its reasons) and
 * drop the rest of the rating summary and the screening's channel list, which the rating cache
 * and a new screening restore.
 */
export function slimRecord(record: TabRecord): TabRecord {
  // Every subject is screened under the same rule set or two: their titles are kept once.
  const ruleSets: Record<string, RuleSetRef> = {};
  const subjects = record.subjects.map((entry): TabSubject => {
    const r = entry.result;
    if (r.state !== 'done') return entry;
    const ref = `${r.screening.ruleSet.id}@${r.screening.ruleSet.version}`;
    ruleSets[ref] = r.screening.ruleSet;
    const ruleSet = { id: r.screening.ruleSet.id, version: r.screening.ruleSet.version } as RuleSetRef;
    const screening = { ...r.screening, ruleSet, checked: [] };
    const slim: SlimSubject = {
      ...entry,
      result: { ...r, summary: slimSummary(r.summary), screening },
      slim: true,
    };
    return slim;
  });
  const slim: SlimRecord = { ...record, subjects, ruleSets };
  return slim;
}

// The stored form's extra fields: which subjects are slim, and the rule-set titles.
type SlimSubject = TabSubject & { slim?: true };
type SlimRecord = TabRecord & { ruleSets?: Record<string, RuleSetRef> };

// The newest grade of each scale and the newest tax-credit year: what `headlineGrade` reads.
function slimSummary(summary: RatingSummary): RatingSummary {
  const newest = new Map<string, RatingSummary['grades'][number]>();
  for (const g of summary.grades) {
    const seen = newest.get(g.scale);
    if (!seen || g.ratedAt > seen.ratedAt) newest.set(g.scale, g);
  }
  const tax = [...summary.taxCredit].sort((a, b) => b.year - a.year)[0];
  return {
    subject: summary.subject,
    grades: [...newest.values()],
    taxCredit: tax ? [tax] : [],
    lists: [],
    records: [],
    sources: [],
    lastUpdated: summary.lastUpdated,
  };
}

// A record read back after a restart: full summaries from the rating cache, screenings again.
async function rehydrate(record: SlimRecord): Promise<void> {
  const ruleSets = record.ruleSets ?? {};
  delete record.ruleSets;
  const slim = record.subjects.filter((s: SlimSubject) => s.slim);
  if (slim.length === 0) return;
  for (const s of slim) {
    if (s.result.state !== 'done') continue;
    const rs = s.result.screening.ruleSet;
    const full = ruleSets[`${rs.id}@${rs.version}`];
    if (full) s.result.screening.ruleSet = full;
  }
  const usccs = new Set<string>();
  for (const s of slim) if (s.result.state === 'done') usccs.add(s.result.summary.subject.uscc);
  const full = await ratingCache().summariesOf(usccs);
  for (const s of slim) {
    const r = s.result;
    if (r.state !== 'done') continue;
    const summary = full.get(r.summary.subject.uscc);
    if (!summary) continue;
    delete (s as SlimSubject).slim;
    s.result = {
      ...r,
      summary,
      screening: screen(summary, {
        ruleSet: record.ruleSet,
        asOf: r.screening.asOf,
        cutoff: r.screening.cutoff,
      }),
    };
  }
}

/**
 * Starts a fresh record for a page (a load or an in-page navigation).
 */
export function startTabRecord(record: TabRecord): TabRecord {
  records.set(record.tabId, record);
  persist(record.tabId);
  return record;
}

/**
 * Adds subjects not yet on the record, in the given state; returns the ones that were new.
 */
export async function addSubjects(
  tabId: number,
  subjects: readonly PageSubject[],
  initial: SubjectResult,
): Promise<PageSubject[]> {
  const record = await getTabRecord(tabId);
  if (!record) return [];
  const known = new Set(record.subjects.map((s) => s.subject.key));
  const fresh: PageSubject[] = [];
  for (const subject of subjects) {
    if (known.has(subject.key)) continue;
    known.add(subject.key);
    fresh.push(subject);
    record.subjects.push({ subject, result: initial });
    if (subject.consortium) joinConsortium(record, subject);
  }
  persist(tabId);
  return fresh;
}

function joinConsortium(record: TabRecord, subject: PageSubject): void {
  const c = subject.consortium;
  if (!c) return;
  let group = record.consortia.find((g) => g.id === c.id);
  if (!group) {
    group = { id: c.id, name: c.name, memberKeys: [], screening: null };
    record.consortia.push(group);
  }
  if (!group.memberKeys.includes(subject.key)) group.memberKeys.push(subject.key);
}

/**
 * Records a subject's result (and, after a pick, the code it resolved to).
 */
// Subjects by key, per record: a 5,000-subject page sets 5,000 results, and a scan of the list
// for each would cost millions of comparisons. Subjects are only ever appended, so a length
// that changed means the index is stale.
const indexes = new WeakMap<TabRecord, { length: number; byKey: Map<string, TabSubject> }>();

function entryOf(record: TabRecord, key: string): TabSubject | undefined {
  let index = indexes.get(record);
  if (index?.length !== record.subjects.length) {
    index = {
      length: record.subjects.length,
      byKey: new Map(record.subjects.map((s) => [s.subject.key, s])),
    };
    indexes.set(record, index);
  }
  return index.byKey.get(key);
}

export async function setSubjectResult(
  tabId: number,
  key: string,
  result: SubjectResult,
  patch?: Partial<Pick<PageSubject, 'code'>>,
): Promise<void> {
  const record = await getTabRecord(tabId);
  const entry = record ? entryOf(record, key) : undefined;
  if (!record || !entry) return;
  entry.result = result;
  if (patch?.code) entry.subject = { ...entry.subject, code: patch.code };
  persist(tabId);
}

/**
 * Replaces the consortium verdicts.
 */
export async function setConsortia(tabId: number, consortia: TabConsortium[]): Promise<void> {
  const record = await getTabRecord(tabId);
  if (!record) return;
  record.consortia = consortia;
  persist(tabId);
}

/**
 * Changes a tab's people (their refs, results and reports) and stores the record; the changed
 * record, or `null` when the tab has none.
 */
export async function updatePeople(
  tabId: number,
  change: (people: TabPerson[], record: TabRecord) => void,
): Promise<TabRecord | null> {
  const record = await getTabRecord(tabId);
  if (!record) return null;
  record.people ??= [];
  change(record.people, record);
  persist(tabId);
  return record;
}

/**
 * Forgets a closed tab.
 */
export async function dropTabRecord(tabId: number): Promise<void> {
  records.delete(tabId);
  writeCost.delete(tabId);
  const pending = pendingWrites.get(tabId);
  if (pending) clearTimeout(pending);
  pendingWrites.delete(tabId);
  clearTimeout(notices.get(tabId));
  notices.delete(tabId);
  await browser.storage.session.remove(tabStorageKey(tabId));
}

/** Ids of the tabs with a record in memory. */
export function knownTabIds(): number[] {
  return [...records.keys()];
}

// Many results land within a few milliseconds: write the record once per burst, one write
// at a time per tab.
const writing = new Map<number, Promise<void>>();
// How long the tab's last write took. The stored record only serves a restarted worker, and
// writing a 5,000-subject record costs the worker tens of milliseconds, so a record that is slow
// to write is written less often: the worker stays free for lookups.
const writeCost = new Map<number, number>();

/** Milliseconds between a change and its write, for a record whose last write took `costMs`. */
export function writeDelay(costMs: number): number {
  return Math.min(2_000, Math.max(30, costMs * 4));
}

/**
 * Milliseconds between two notices to the extension's pages that a tab's record changed: about
 * a frame. The stored copy may be written seconds later (see {@link writeDelay}); the popup's
 * and side panel's counts follow the answers, not the writes.
 */
export const PAGE_NOTICE_MS = 16;
const notices = new Map<number, ReturnType<typeof setTimeout>>();

function notice(tabId: number): void {
  if (notices.has(tabId)) return;
  notices.set(
    tabId,
    setTimeout(() => {
      notices.delete(tabId);
      void notifyPages({ type: 'bg:tab', tabId });
    }, PAGE_NOTICE_MS),
  );
}

function persist(tabId: number): void {
  notice(tabId);
  if (pendingWrites.has(tabId)) return;
  pendingWrites.set(
    tabId,
    setTimeout(
      () => {
        const previous = writing.get(tabId) ?? Promise.resolve();
        const next = previous.then(async () => {
          // Changes made while the write waits for quiet go with it.
          await whenQuiet();
          pendingWrites.delete(tabId);
          const record = records.get(tabId);
          if (!record) return;
          const started = performance.now();
          await writeRecord(record);
          writeCost.set(tabId, performance.now() - started);
        });
        writing.set(tabId, next);
        void next.finally(() => {
          if (writing.get(tabId) === next) writing.delete(tabId);
        });
      },
      writeDelay(writeCost.get(tabId) ?? 0),
    ),
  );
}

async function writeRecord(record: TabRecord): Promise<void> {
  const item = { [tabStorageKey(record.tabId)]: slimRecord(record) };
  try {
    await browser.storage.session.set(item);
  } catch {
    // Quota: the oldest cached ratings leave storage (they stay in memory), then one more try.
    try {
      await ratingCache().evictStorage(JSON.stringify(item).length);
      await browser.storage.session.set(item);
    } catch (e) {
      log.warn('could not store the tab record', e);
    }
  }
}

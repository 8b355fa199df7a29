/**
 * What was checked on each tab, kept in memory and mirrored to `storage.session` (the service
 * worker may be stopped between events; the popup and side panel watch the stored copy).
 */
import { browser } from 'wxt/browser';
import { createLogger } from '../lib/log.ts';
import type { PageSubject, SubjectResult, TabConsortium, TabRecord } from '../lib/model.ts';

const log = createLogger('tabs');

const PREFIX = 'tab:';
const records = new Map<number, TabRecord>();
const pendingWrites = new Map<number, ReturnType<typeof setTimeout>>();

/**
 * The storage key of a tab's record, for pages that watch `storage.session`.
 *
 * @example
 * ```ts
 * tabStorageKey(7); // 'tab:7'
 * ```
 */
export function tabStorageKey(tabId: number): string {
  return `${PREFIX}${tabId}`;
}

/**
 * A tab's record, from memory or, after a service-worker restart, from storage.
 *
 * @example
 * ```ts
 * (await getTabRecord(7))?.subjects.length;
 * ```
 */
export async function getTabRecord(tabId: number): Promise<TabRecord | null> {
  const inMemory = records.get(tabId);
  if (inMemory) return inMemory;
  const key = tabStorageKey(tabId);
  const stored = (await browser.storage.session.get(key))[key] as TabRecord | undefined;
  if (stored) records.set(tabId, stored);
  return stored ?? null;
}

/**
 * Starts a fresh record for a page (a load or an in-page navigation).
 *
 * @example
 * ```ts
 * startTabRecord({ tabId: 7, url, title, layoutId: null, pageCutoff: null, cutoff, startedAt, subjects: [], consortia: [] });
 * ```
 */
export function startTabRecord(record: TabRecord): TabRecord {
  records.set(record.tabId, record);
  persist(record.tabId);
  return record;
}

/**
 * Adds subjects not yet on the record, in the given state; returns the ones that were new.
 *
 * @example
 * ```ts
 * const fresh = await addSubjects(7, subjects, { state: 'checking', attempt: 0 });
 * ```
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
 *
 * @example
 * ```ts
 * await setSubjectResult(7, 'code:91110000600037341L', { state: 'not_found' });
 * ```
 */
export async function setSubjectResult(
  tabId: number,
  key: string,
  result: SubjectResult,
  patch?: Partial<Pick<PageSubject, 'code'>>,
): Promise<void> {
  const record = await getTabRecord(tabId);
  const entry = record?.subjects.find((s) => s.subject.key === key);
  if (!record || !entry) return;
  entry.result = result;
  if (patch?.code) entry.subject = { ...entry.subject, code: patch.code };
  persist(tabId);
}

/**
 * Replaces the consortium verdicts.
 *
 * @example
 * ```ts
 * await setConsortia(7, [{ id: 'row-2', name: null, memberKeys: [a, b], screening }]);
 * ```
 */
export async function setConsortia(tabId: number, consortia: TabConsortium[]): Promise<void> {
  const record = await getTabRecord(tabId);
  if (!record) return;
  record.consortia = consortia;
  persist(tabId);
}

/**
 * Forgets a closed tab.
 *
 * @example
 * ```ts
 * browser.tabs.onRemoved.addListener((tabId) => void dropTabRecord(tabId));
 * ```
 */
export async function dropTabRecord(tabId: number): Promise<void> {
  records.delete(tabId);
  const pending = pendingWrites.get(tabId);
  if (pending) clearTimeout(pending);
  pendingWrites.delete(tabId);
  await browser.storage.session.remove(tabStorageKey(tabId));
}

/** Ids of the tabs with a record in memory. */
export function knownTabIds(): number[] {
  return [...records.keys()];
}

// Many results land within a few milliseconds: write the record once per burst.
function persist(tabId: number): void {
  if (pendingWrites.has(tabId)) return;
  pendingWrites.set(
    tabId,
    setTimeout(() => {
      pendingWrites.delete(tabId);
      const record = records.get(tabId);
      if (!record) return;
      browser.storage.session
        .set({ [tabStorageKey(tabId)]: record })
        .catch((e: unknown) => log.warn('could not store the tab record', e));
    }, 30),
  );
}

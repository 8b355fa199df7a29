/**
 * Where the audit log lives: an IndexedDB database of the extension's origin (`xinjian-audit`),
 * one record per entry keyed by its `seq`, plus the chain's head and the anchor left by
 * retention. IndexedDB is not held to `storage.local`'s 10 MB quota, which filled at about
 * 17,000 entries (docs/decisions/0050). Every change goes through one queue, so two writes
 * cannot both chain onto the same entry. Entries past the retention period are deleted, oldest
 * first, when the service worker starts, on every write and whenever the log is read.
 */
import {
  AUDIT_GENESIS,
  type AuditAnchor,
  type AuditChainStatus,
  type AuditDraft,
  type AuditEntry,
  chainAuditEntry,
  verifyAuditChain,
} from './audit.ts';

/** The database's name. */
export const AUDIT_DB = 'xinjian-audit';
const ENTRIES = 'entries';
const META = 'meta';
const HEAD = 'head';
const ANCHOR = 'anchor';

let queue: Promise<unknown> = Promise.resolve();
let opened: Promise<IDBDatabase> | null = null;

// Runs `task` after every earlier task, whatever they returned or threw.
function serially<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('the audit write was aborted', 'AbortError'));
  });
}

function db(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(AUDIT_DB, 1);
    r.onupgradeneeded = () => {
      r.result.createObjectStore(ENTRIES, { keyPath: 'seq' });
      r.result.createObjectStore(META);
    };
    r.onsuccess = () => {
      r.result.onversionchange = () => {
        r.result.close();
        opened = null;
      };
      resolve(r.result);
    };
    r.onerror = () => reject(r.error);
    r.onblocked = () => reject(new DOMException('the audit database is blocked', 'InvalidStateError'));
  }).catch((e: unknown) => {
    opened = null;
    throw e;
  });
  return opened;
}

/**
 * Closes the connection (tests delete the database between cases).
 */
export async function closeAuditDb(): Promise<void> {
  const current = opened;
  opened = null;
  if (current) (await current.catch(() => null))?.close();
}

async function readMeta(d: IDBDatabase): Promise<{ head: AuditAnchor; anchor: AuditAnchor }> {
  const tx = d.transaction(META, 'readonly');
  const store = tx.objectStore(META);
  const [head, anchor] = await Promise.all([
    request(store.get(HEAD) as IDBRequest<AuditAnchor | undefined>),
    request(store.get(ANCHOR) as IDBRequest<AuditAnchor | undefined>),
  ]);
  const none = { seq: 0, hash: AUDIT_GENESIS };
  return { head: head ?? anchor ?? none, anchor: anchor ?? none };
}

/**
 * Chains and stores one entry, after deleting the entries past the retention period. Rejects
 * when the entry could not be stored (the caller then refuses the lookup: the log fails
 * closed); resolves with the stored entry.
 */
export function appendAuditEntry(
  draft: AuditDraft,
  retentionDays: number,
  now: Date = new Date(),
): Promise<AuditEntry> {
  return serially(async () => {
    const d = await db();
    await prune(d, retentionDays, now);
    const { head } = await readMeta(d);
    const entry = await chainAuditEntry(draft, head.seq + 1, head.hash);
    const tx = d.transaction([ENTRIES, META], 'readwrite');
    tx.objectStore(ENTRIES).add(entry);
    tx.objectStore(META).put({ seq: entry.seq, hash: entry.hash }, HEAD);
    await done(tx);
    return entry;
  });
}

// Deletes the oldest entries while they are past retention, moving the anchor to the last one
// deleted, in one transaction (the chain still verifies from the anchor on).
async function prune(d: IDBDatabase, retentionDays: number, now: Date): Promise<void> {
  const oldest = now.getTime() - retentionDays * 86_400_000;
  const tx = d.transaction([ENTRIES, META], 'readwrite');
  const entries = tx.objectStore(ENTRIES);
  let last: AuditAnchor | null = null;
  await new Promise<void>((resolve, reject) => {
    const cursor = entries.openCursor();
    cursor.onerror = () => reject(cursor.error);
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return resolve();
      const e = c.value as AuditEntry;
      const time = Date.parse(e.time);
      if (Number.isNaN(time) || time >= oldest) return resolve();
      last = { seq: e.seq, hash: e.hash };
      c.delete();
      c.continue();
    };
  });
  if (last) tx.objectStore(META).put(last, ANCHOR);
  await done(tx);
}

/**
 * The log after deleting the entries past retention, oldest first, with the chain's status.
 * `limit` keeps only the newest entries in `entries` (the status always covers all of them).
 */
export function readAuditLog(
  retentionDays: number,
  options: { limit?: number; now?: Date } = {},
): Promise<{ entries: AuditEntry[]; total: number; status: AuditChainStatus }> {
  return serially(async () => {
    const d = await db();
    await prune(d, retentionDays, options.now ?? new Date());
    const { head, anchor } = await readMeta(d);
    const tx = d.transaction(ENTRIES, 'readonly');
    const all = (await request(tx.objectStore(ENTRIES).getAll())) as AuditEntry[];
    const status = await verifyAuditChain(all, anchor, head);
    const limit = options.limit;
    const entries = limit !== undefined && all.length > limit ? all.slice(all.length - limit) : all;
    return { entries, total: all.length, status };
  });
}

/**
 * Deletes the entries past the retention period (the service worker does this on start).
 */
export function pruneAuditLog(retentionDays: number, now: Date = new Date()): Promise<void> {
  return serially(async () => prune(await db(), retentionDays, now));
}

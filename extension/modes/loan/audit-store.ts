/**
 * Where the audit log and its HMAC secret live: `storage.local` (the log must outlive the
 * browser session; it holds no ID number). Every change goes through one queue, so a write
 * and a pruning cannot overwrite each other. Entries past the retention period are deleted
 * when the service worker starts, on every write and whenever the log is read (the options
 * page reads it on open); docs/decisions/0018 says why there is no alarm.
 */
import { browser } from 'wxt/browser';
import { type AuditEntry, generateSecret, isAuditEntry, pruneAuditEntries } from './audit.ts';

/** The storage key of the log. */
export const AUDIT_LOG_KEY = 'audit-log';
/** The storage key of the per-install HMAC secret (hex). */
export const AUDIT_SECRET_KEY = 'audit-secret';

let queue: Promise<unknown> = Promise.resolve();

// Runs `task` after every earlier task, whatever they returned or threw.
function serially<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * The per-install secret, created with `crypto.getRandomValues` the first time it is needed
 * (the background also asks for it on install).
 *
 * @example
 * ```ts
 * browser.runtime.onInstalled.addListener(() => void ensureAuditSecret());
 * ```
 */
export function ensureAuditSecret(): Promise<string> {
  return serially(async () => {
    const stored = (await browser.storage.local.get(AUDIT_SECRET_KEY))[AUDIT_SECRET_KEY];
    if (typeof stored === 'string' && /^[0-9a-f]{64}$/.test(stored)) return stored;
    const secret = generateSecret();
    await browser.storage.local.set({ [AUDIT_SECRET_KEY]: secret });
    return secret;
  });
}

async function readLog(): Promise<AuditEntry[]> {
  const stored = (await browser.storage.local.get(AUDIT_LOG_KEY))[AUDIT_LOG_KEY];
  return Array.isArray(stored) ? stored.filter(isAuditEntry) : [];
}

/**
 * Appends one entry, deleting the entries past the retention period in the same write.
 *
 * @example
 * ```ts
 * await appendAuditEntry(entry, settings.loan.auditRetentionDays);
 * ```
 */
export function appendAuditEntry(
  entry: AuditEntry,
  retentionDays: number,
  now: Date = new Date(),
): Promise<void> {
  return serially(async () => {
    const kept = pruneAuditEntries(await readLog(), now, retentionDays);
    kept.push(entry);
    await browser.storage.local.set({ [AUDIT_LOG_KEY]: kept });
  });
}

/**
 * Deletes the entries past the retention period; returns what is left, oldest first.
 *
 * @example
 * ```ts
 * const entries = await pruneAuditLog(180);
 * ```
 */
export function pruneAuditLog(retentionDays: number, now: Date = new Date()): Promise<AuditEntry[]> {
  return serially(async () => {
    const all = await readLog();
    const kept = pruneAuditEntries(all, now, retentionDays);
    if (kept.length !== all.length) await browser.storage.local.set({ [AUDIT_LOG_KEY]: kept });
    return kept.sort((a, b) => a.time.localeCompare(b.time));
  });
}

/**
 * The personal-lookup messages every mode shares, merged into the core's message maps.
 */
import type { AuditChainStatus, AuditEntry } from './audit.ts';

declare module '../messages.ts' {
  interface PageToBackgroundMap {
    /**
     * The audit log after deleting the entries past the retention period, oldest first (only the
     * newest `limit` when given), with the hash chain's status over the whole log.
     */
    'page:audit-log': {
      request: { limit?: number };
      response: { entries: AuditEntry[]; total: number; status: AuditChainStatus };
    };
  }
}

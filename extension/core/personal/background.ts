/**
 * The background's part for the one audit log of personal lookups, whichever mode made them:
 * reading it for the options page, and deleting entries past retention at every start.
 */
import type { ModeBackground } from '../background/modes.ts';
import { loadSettings } from '../settings.ts';
import { pruneAuditLog, readAuditLog } from './audit-store.ts';
import './messages.ts';

export const personalBackground: ModeBackground = {
  pages: {
    'page:audit-log': async (m) =>
      readAuditLog(
        (await loadSettings()).audit.retentionDays,
        m.limit === undefined ? {} : { limit: m.limit },
      ),
  },
  // Every service-worker start (browser start included) drops audit entries past retention.
  started: (settings) => void pruneAuditLog(settings.audit.retentionDays),
};

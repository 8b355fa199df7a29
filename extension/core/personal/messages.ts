/**
 * The personal-lookup messages every mode shares, merged into the core's message maps.
 */
import type { AuditChainStatus, AuditEntry } from './audit.ts';
import type { PersonalConsent } from './consent.ts';
import type { PersonRef, PersonResult } from './person.ts';

declare module '../messages.ts' {
  interface ContentToBackgroundMap {
    /** People a screening page shows (masked references only); no lookup. */
    'cs:person-seen': { request: { people: PersonRef[] }; response: null };
    /**
     * Look one person up after the officer's consent. The only screening message that carries a
     * full ID number; the background uses it for the orders and keeps it nowhere.
     */
    'cs:person-lookup': {
      request: { person: PersonRef; idNumber: string; consent: PersonalConsent };
      response: PersonResult;
    };
  }
  interface PageToBackgroundMap {
    /**
     * The audit log after deleting the entries past the retention period, oldest first (only the
     * newest `limit` when given), with the hash chain's status over the whole log.
     */
    'page:audit-log': {
      request: { limit?: number };
      response: { entries: AuditEntry[]; total: number; status: AuditChainStatus };
    };
    /**
     * The card frame (extension origin) records the consent the officer typed for one person of
     * its tab's screening page, before the content script asks for the lookup.
     */
    'page:person-consent': { request: { key: string; consent: PersonalConsent }; response: null };
  }
  interface BackgroundToContentMap {
    /** A person's lookup result changed. */
    'bg:person-result': { request: { key: string; result: PersonResult }; response: null };
  }
}

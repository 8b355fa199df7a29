/**
 * The background's gate of a personal lookup, shared by every mode that looks people up: the
 * consent the officer typed in the card frame is recorded from there (never from the page's
 * side) for one announced person of the tab, a lookup must bring that same consent, and its
 * audit entry is stored before anything is ordered: a lookup that cannot be logged is not made
 * (docs/decisions/0050, 0052, 0064). The full ID number is never stored here.
 */
import type { LocalizedText } from '@xinjian/sdk';
import { describeError, isRetryableError, serializeError, XinjianError } from '@xinjian/sdk';
import { browser } from 'wxt/browser';
import { t } from '../i18n.ts';
import { createLogger } from '../log.ts';
import { redactDeep, redactIds, stripControls } from '../personal.ts';
import { todayInChina } from '../settings.ts';
import { type AuditEntry, type AuditInput, buildAuditEntry } from './audit.ts';
import { appendAuditEntry } from './audit-store.ts';
import { isValidConsent, type PersonalConsent } from './consent.ts';

// Content-script text is page text: invisible controls out, ID numbers masked, whatever the field.
function cleanText(text: unknown): string {
  return redactIds(stripControls(String(text)));
}

/**
 * The consents recorded for the people of each tab, in session storage under `prefix`, one key
 * per person so that two consents recorded at once cannot overwrite each other.
 */
export interface ConsentStore<P extends string> {
  /**
   * Records the consent typed in a card frame: only from the card page (extension origin,
   * inside the tab), only complete, only for a person `announced` says the tab showed.
   */
  record(
    from: { tabId: number | null; url: string | null },
    request: { key: string; consent: PersonalConsent<P> },
    announced: (tabId: number, key: string) => Promise<boolean>,
  ): Promise<null>;
  /**
   * The recorded consent of a person, cleaned, when it is the one the lookup brings; throws
   * `consent_not_recorded` otherwise.
   */
  require(tabId: number, key: string, given: PersonalConsent<P>): Promise<PersonalConsent<P>>;
  /** Forgets every consent of a tab (a new page, the tab closed). */
  forget(tabId: number): Promise<void>;
}

/**
 * The consent store of one mode's purpose.
 */
export function consentStore<P extends string>(prefix: string, purpose: P): ConsentStore<P> {
  const keyOf = (tabId: number, key: string) => `${prefix}${tabId}:${key}`;
  return {
    async record(from, request, announced) {
      if (from.tabId === null || !from.url || new URL(from.url).pathname !== '/card.html') {
        throw new XinjianError('consent_not_recorded: a consent is recorded only from the card');
      }
      if (!isValidConsent(request.consent, todayInChina(), purpose)) {
        throw new XinjianError('consent_required: confirm the written authorization and purpose first');
      }
      if (!(await announced(from.tabId, String(request.key)))) {
        throw new XinjianError('not_announced: this person was not shown on the page');
      }
      const consent: PersonalConsent<P> = {
        purpose,
        reference: cleanText(request.consent.reference),
        grantedAt: String(request.consent.grantedAt),
        confirmedAt: String(request.consent.confirmedAt),
      };
      await browser.storage.session.set({ [keyOf(from.tabId, String(request.key))]: consent });
      return null;
    },
    async require(tabId, key, given) {
      const k = keyOf(tabId, key);
      const recorded = (await browser.storage.session.get(k))[k] as PersonalConsent<P> | undefined;
      const same =
        recorded !== undefined &&
        recorded.purpose === given.purpose &&
        recorded.reference.trim() === cleanText(given.reference).trim() &&
        recorded.grantedAt === given.grantedAt &&
        recorded.confirmedAt === given.confirmedAt;
      if (!same) throw new XinjianError('consent_not_recorded: confirm the authorization in the card again');
      return { ...recorded, reference: cleanText(recorded.reference).trim() };
    },
    forget: (tabId) => forgetConsents(prefix, tabId),
  };
}

/**
 * Forgets every consent a tab recorded under `prefix`, whatever its purpose.
 */
export async function forgetConsents(prefix: string, tabId: number): Promise<void> {
  const all = await browser.storage.session.get(null);
  const mine = Object.keys(all).filter((k) => k.startsWith(`${prefix}${tabId}:`));
  if (mine.length > 0) await browser.storage.session.remove(mine);
}

/** What every audit entry of one lookup records (the number is used for its mask only). */
export type AuditSubject = Omit<AuditInput, 'time' | 'lookupId' | 'reportIds' | 'outcome'>;

/**
 * Runs one lookup under the audit log: the `requested` entry is stored first, and when it
 * cannot be, `refused` decides the result and nothing runs (fails closed). Otherwise `started`,
 * then `run` (its error goes to `failed`), then the outcome entry, best effort: the request
 * entry already records the query itself.
 */
export async function auditedLookup<R>(steps: {
  audit: AuditSubject;
  retentionDays: number;
  refused: (reason: LocalizedText) => R;
  started?: () => Promise<void>;
  run: () => Promise<R>;
  failed: (error: unknown) => R;
  outcome: (result: R) => { reportIds: readonly string[]; outcome: AuditEntry['outcome'] };
}): Promise<R> {
  // Logged under the mode's name, like the rest of its lookup.
  const log = createLogger(steps.audit.mode);
  let requested: { id: string };
  try {
    requested = await appendAuditEntry(
      buildAuditEntry({
        ...steps.audit,
        time: new Date().toISOString(),
        reportIds: [],
        outcome: { kind: 'requested' },
      }),
      steps.retentionDays,
    );
  } catch (e) {
    log.error('could not write the audit entry; lookup refused', redactDeep(serializeError(e)));
    const reason = redactIds(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    return steps.refused({
      zh: t('personal.audit.write_failed', { reason }, 'zh-CN'),
      en: t('personal.audit.write_failed', { reason }, 'en'),
    });
  }
  await steps.started?.();
  let result: R;
  try {
    result = await steps.run();
  } catch (error) {
    result = steps.failed(error);
  }
  try {
    await appendAuditEntry(
      buildAuditEntry({
        ...steps.audit,
        time: new Date().toISOString(),
        lookupId: requested.id,
        ...steps.outcome(result),
      }),
      steps.retentionDays,
    );
  } catch (e) {
    log.error('could not write the audit outcome', redactDeep(serializeError(e)));
  }
  return result;
}

/**
 * The origin of the page a lookup was made from, as an audit entry records it (`''` when the
 * address does not parse).
 */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/**
 * A lookup that failed, as a result the card shows: the API's code and the reason, ID numbers
 * masked, and whether a retry may help.
 */
export function lookupFailure(error: unknown): {
  state: 'error';
  code: string;
  reason: LocalizedText;
  retryable: boolean;
} {
  const s = serializeError(error);
  return {
    state: 'error',
    code: redactIds(String(s.code ?? s.name)),
    reason: redactDeep(describeError(error)),
    retryable: isRetryableError(error),
  };
}

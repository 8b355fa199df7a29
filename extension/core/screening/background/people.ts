/**
 * The people a screening page shows beside its companies (the 法定代表人 on a 授信审批表): the
 * content script announces them masked; the officer's consent is recorded from the card frame;
 * a lookup then orders the mode's personal products with the rule set's domain as the purpose,
 * after its audit entry is stored (core/personal/lookup.ts), and the person's result joins
 * their group's verdict. The full ID number arrives in one message (`cs:person-lookup`), is used
 * for the orders and is dropped: no record, log line or message to a page holds it
 * (docs/decisions/0064).
 */
import type { DomainId, IndividualReportContent } from '@xinjian/sdk';
import { XinjianError } from '@xinjian/sdk';
import { isValidIdCard } from '@xinjian/sdk/identifiers';
import { RULE_SETS } from '@xinjian/sdk/rules';
import { clientFor } from '../../background/client.ts';
import { sendToTab } from '../../messages.ts';
import { modeById } from '../../modes.ts';
import { isValidConsent, type PersonalConsent } from '../../personal/consent.ts';
import {
  auditedLookup,
  type ConsentStore,
  consentStore,
  forgetConsents,
  lookupFailure,
  originOf,
} from '../../personal/lookup.ts';
import type { PersonRef, PersonResult } from '../../personal/person.ts';
import { mergePersonalReports, orderPersonalReports } from '../../personal/reports.ts';
import { maskedId, redactDeep } from '../../personal.ts';
import { loadSettings, siteFor, todayInChina } from '../../settings.ts';
import type { TabRecord } from '../model.ts';
import { updateConsortia } from './lookups.ts';
import { cleanText } from './personal-check.ts';
import { getTabRecord, updatePeople } from './tabs.ts';

const PREFIX = 'person-consent:';
const stores = new Map<string, ConsentStore<string>>();
const storeFor = (purpose: DomainId) => {
  const store = stores.get(purpose) ?? consentStore(PREFIX, purpose);
  stores.set(purpose, store);
  return store;
};

// The rule set of a tab that looks people up in `role`, with the mode's products; else null.
function peopleOf(record: TabRecord, role?: string) {
  const set = RULE_SETS[record.ruleSet];
  const mode = modeById(record.mode);
  if (set.kind !== 'enterprise' || !set.people || !set.evaluatePerson || !mode?.people) return null;
  if (role !== undefined && !(role in set.people)) return null;
  return { set, products: mode.people.products, purpose: set.domain };
}

function cleanRef(p: PersonRef): PersonRef {
  return {
    key: cleanText(p.key),
    role: cleanText(p.role),
    idMasked: cleanText(p.idMasked),
    nameMasked: p.nameMasked === null ? null : cleanText(p.nameMasked),
    group: p.group === null ? null : cleanText(p.group),
  };
}

/**
 * Adds the people a screening page shows (masked references only) to the tab's record; a role
 * the tab's rule set does not look up is ignored.
 */
export async function addPeople(tabId: number, people: readonly PersonRef[]): Promise<void> {
  const record = await getTabRecord(tabId);
  if (!record) throw new XinjianError('no_page: people before cs:page');
  await updatePeople(tabId, (list) => {
    for (const raw of people) {
      const person = cleanRef(raw);
      if (!peopleOf(record, person.role) || list.some((x) => x.person.key === person.key)) continue;
      list.push({ person, result: { state: 'consent' }, report: null });
    }
  });
}

/**
 * Records the consent the officer typed in a card frame for one person of the frame's tab.
 */
export async function recordPersonConsent(
  from: { tabId: number | null; url: string | null },
  request: { key: string; consent: PersonalConsent },
): Promise<null> {
  const record = from.tabId === null ? null : await getTabRecord(from.tabId);
  const people = record ? peopleOf(record) : null;
  if (!record || !people) throw new XinjianError('not_announced: this page shows no one to look up');
  return storeFor(people.purpose).record(from, request, async (_tabId, key) =>
    (record.people ?? []).some((p) => p.person.key === key),
  );
}

/** Forgets the consents recorded for a tab's people (a new page, the tab closed). */
export function forgetPersonConsents(tabId: number): Promise<void> {
  return forgetConsents(PREFIX, tabId);
}

/**
 * Looks one person up: checks the site is in the tab's mode, the consent is complete and was
 * recorded from the card, and the person was announced with this masked number; stores the
 * audit entry, orders the mode's personal products, screens the person under the tab's rule set
 * and the person's group again. Returns the result, which is also pushed to the tab.
 */
export async function lookupPerson(
  from: { tabId: number; frameId: number | null; url: string | null },
  request: { person: PersonRef; idNumber: string; consent: PersonalConsent },
): Promise<PersonResult> {
  const settings = await loadSettings();
  const record = await getTabRecord(from.tabId);
  if (!record) throw new XinjianError('no_page: lookup before cs:page');
  const person = cleanRef(request.person);
  const people = peopleOf(record, person.role);
  if (!from.url || siteFor(from.url, settings.sites)?.mode !== record.mode || !people) {
    throw new XinjianError('personal_off: this page looks no one up in its mode');
  }
  if (!isValidConsent(request.consent, todayInChina(), people.purpose)) {
    throw new XinjianError('consent_required: confirm the written authorization and purpose first');
  }
  const idNumber = String(request.idNumber).trim().toUpperCase();
  if (!isValidIdCard(idNumber) || maskedId(idNumber) !== person.idMasked) {
    throw new XinjianError('invalid_subject: the ID number does not match the person');
  }
  // Only a person this page showed: the content-script world cannot order reports for anyone.
  const announced = (record.people ?? []).find((p) => p.person.key === person.key);
  if (!announced || announced.person.idMasked !== person.idMasked || announced.person.role !== person.role) {
    throw new XinjianError('not_announced: this person was not shown on the page (cs:person-seen)');
  }
  const consent = await storeFor(people.purpose).require(from.tabId, person.key, request.consent);
  const { set, products, purpose } = people;
  let report: IndividualReportContent | null = null;
  const result = await auditedLookup<PersonResult>({
    audit: {
      idNumber,
      operator: settings.operator,
      mode: record.mode,
      consent,
      role: person.role,
      site: originOf(from.url),
      rulePack: { id: set.ruleSet.id, version: set.ruleSet.version },
    },
    retentionDays: settings.audit.retentionDays,
    refused: (reason) => ({ state: 'error', code: 'audit_unavailable', reason, retryable: true }),
    started: async () => {
      await setPerson(from, record, announced.person, { state: 'checking' }, null, consent);
    },
    run: async () => {
      const orders = await orderPersonalReports(clientFor(settings), {
        products,
        idNumber,
        purpose,
        consent,
      });
      const merged = redactDeep(mergePersonalReports(orders.parts, products));
      const own = set.evaluatePerson?.(person.role, merged, {
        asOf: todayInChina(),
        cutoff: record.cutoff.date,
      });
      if (!own) throw new XinjianError('personal_off: the rule set does not weigh this role');
      report = merged;
      return {
        state: 'done',
        result: redactDeep(own),
        checkedAt: new Date().toISOString(),
        reportIds: orders.reportIds,
        failedProducts: orders.failedProducts,
      };
    },
    failed: lookupFailure,
    outcome: (r) => ({
      reportIds: r.state === 'done' ? r.reportIds : [],
      outcome:
        r.state === 'done'
          ? { kind: 'verdict', verdict: r.result.verdict, cached: false }
          : { kind: 'error', code: r.state === 'error' ? r.code : 'unknown' },
    }),
  });
  if (await setPerson(from, record, announced.person, result, report, consent))
    await updateConsortia(from.tabId);
  return result;
}

// Only into the record of the page that asked: after an in-page navigation the tab's record and
// its badges are the next page's, whose `person:1` may be another person. False when dropped.
async function setPerson(
  from: { tabId: number; frameId: number | null },
  page: TabRecord,
  person: PersonRef,
  result: PersonResult,
  report: IndividualReportContent | null,
  consent: PersonalConsent,
): Promise<boolean> {
  let stored = false;
  await updatePeople(from.tabId, (list, current) => {
    if (current.startedAt !== page.startedAt) return;
    stored = true;
    const entry = list.find((p) => p.person.key === person.key);
    if (entry) {
      entry.result = result;
      entry.report = report;
      entry.consent = consent;
    }
  });
  if (!stored) return false;
  await sendToTab(
    from.tabId,
    { type: 'bg:person-result', key: person.key, result },
    from.frameId ?? undefined,
  );
  return true;
}

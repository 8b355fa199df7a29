/**
 * The background part of the screening modes (procurement, tendering): the page record with
 * its mode and rule set, lookups, name picks, the popup's quick lookup and the side panel's
 * enterprise report.
 */
import { RULE_SETS } from '@xinjian/sdk/rules';
import { browser } from 'wxt/browser';
import { clientFor } from '../../background/client.ts';
import { leaveTab, type ModeBackground } from '../../background/modes.ts';
import { createLogger } from '../../log.ts';
import { MODES, modeById } from '../../modes.ts';
import { pageAddress, stripControls } from '../../personal.ts';
import { loadSettings, resolveCutoff, siteFor, todayInChina } from '../../settings.ts';
import { subjectFromQuery } from '../subjects.ts';
import { lookupForTab, pickForTab, retryOnApiChange, showRetriesOnBadges } from './lookups.ts';
import { addPeople, forgetPersonConsents, lookupPerson, recordPersonConsent } from './people.ts';
import {
  cleanDeep,
  cleanKey,
  cleanPageSubjects,
  cleanText,
  forgetPageKeys,
  isIdNumberCode,
} from './personal-check.ts';
import { type ResolveContext, resolveSubject } from './resolve.ts';
import { dropTabRecord, getTabRecord, knownTabIds, startTabRecord } from './tabs.ts';

const log = createLogger('screening');

/** The enterprise report product ordered for the side panel's full report. */
export const ENTERPRISE_REPORT_PRODUCT = 'enterprise_credit_report';

/** The people script's bundle (entrypoints/people.content.ts). */
export const PEOPLE_BUNDLE = 'content-scripts/people.js';

async function startPeopleScript(tabId: number, frameId: number | null): Promise<void> {
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId ?? 0] },
      files: [PEOPLE_BUNDLE],
    });
  } catch (e) {
    log.warn('could not start the people script', e instanceof Error ? e.message : String(e));
  }
}

function requireTab(tabId: number | null): number {
  if (tabId === null) throw new Error('[xinjian] content message without a tab');
  return tabId;
}

// The first screening mode answers where no page says which (the popup's quick lookup).
const defaultScreening = () => MODES.find((m) => m.engine === 'screening');

export const screeningBackground: ModeBackground = {
  content: {
    'cs:page': async (m, sender) => {
      const tabId = requireTab(sender.tabId);
      const settings = await loadSettings();
      // The mode comes from the site rule, never from what the content script says.
      const mode = modeById(siteFor(m.url, settings.sites)?.mode) ?? defaultScreening();
      if (mode?.engine !== 'screening') throw new Error('[xinjian] this page runs no screening mode');
      const cutoff = resolveCutoff(settings.cutoff, m.pageCutoff, todayInChina());
      await leaveTab(tabId, screeningBackground);
      // A new page: consents recorded for the previous one's people do not carry over.
      await forgetPersonConsents(tabId);
      startTabRecord({
        tabId,
        // Page text is checked for personal data like everything a content script sends.
        url: pageAddress(String(m.url)),
        title: cleanText(m.title),
        mode: mode.id,
        ruleSet: mode.ruleSet,
        layoutId: m.layoutId === null ? null : cleanText(m.layoutId),
        pageCutoff: m.pageCutoff === null ? null : cleanText(m.pageCutoff),
        cutoff,
        ...(m.facts ? { facts: cleanDeep(m.facts) } : {}),
        startedAt: new Date().toISOString(),
        subjects: [],
        consortia: [],
      });
      // A layout that names people (a borrower's 法定代表人) gets the people script beside this one.
      if (mode.people && mode.layouts?.some((l) => l.id === m.layoutId && l.people))
        void startPeopleScript(tabId, sender.frameId);
      return cutoff;
    },
    'cs:lookup': (m, sender) => {
      const tabId = requireTab(sender.tabId);
      return lookupForTab(tabId, sender.frameId, cleanPageSubjects(tabId, m.subjects), {
        more: m.more === true,
      });
    },
    'cs:person-seen': async (m, sender) => {
      await addPeople(requireTab(sender.tabId), m.people);
      return null;
    },
    'cs:person-lookup': (m, sender) =>
      lookupPerson(
        { tabId: requireTab(sender.tabId), frameId: sender.frameId, url: sender.url },
        { person: m.person, idNumber: m.idNumber, consent: m.consent },
      ),
    'cs:pick': (m, sender) => {
      const tabId = requireTab(sender.tabId);
      const uscc = stripControls(String(m.uscc));
      if (isIdNumberCode(uscc))
        throw new Error('[xinjian] a picked code that is an ID number is not looked up');
      return pickForTab(tabId, sender.frameId, cleanKey(tabId, m.key), uscc);
    },
  },
  pages: {
    'page:get-tab': (m) => getTabRecord(m.tabId),
    'page:person-consent': (m, sender) => recordPersonConsent(sender, m),
    'page:quick-lookup': async (m) => {
      const settings = await loadSettings();
      const subject = subjectFromQuery(m.query);
      const today = todayInChina();
      const cutoff = resolveCutoff(settings.cutoff, null, today).date;
      const ruleSet = defaultScreening()?.ruleSet ?? 'procurement';
      const ctx: ResolveContext = { client: clientFor(settings), ruleSet, asOf: today, cutoff };
      return { subject, result: await resolveSubject(ctx, subject) };
    },
    'page:order-report': async (m) => {
      const record = m.tabId === undefined || m.tabId === null ? null : await getTabRecord(m.tabId);
      const ruleSet = record?.ruleSet ?? defaultScreening()?.ruleSet ?? 'procurement';
      return clientFor(await loadSettings()).reports.orderAndWait(
        { productId: ENTERPRISE_REPORT_PRODUCT, subjectId: m.subjectId, purpose: RULE_SETS[ruleSet].domain },
        { pollIntervalMs: 500, timeoutMs: 60_000 },
      );
    },
  },
  leaveTab: async (tabId) => {
    forgetPageKeys(tabId);
    await forgetPersonConsents(tabId);
    return dropTabRecord(tabId);
  },
  tabIds: knownTabIds,
  started: () => {
    showRetriesOnBadges();
    retryOnApiChange();
  },
};

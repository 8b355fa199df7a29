/**
 * The data the extension's contexts share: a subject found on a page, what the background
 * learnt about it, and the per-tab record the popup and side panel read. Types only, so the
 * content script pulls in no SDK code.
 */
import type {
  IdentifierKind,
  IndividualReportContent,
  LocalizedText,
  RatingSummary,
  SerializedError,
  SubjectMatch,
} from '@xinjian/sdk';
import type { RuleSetId, ScreeningResult } from '@xinjian/sdk/rules';
import type { PersonalConsent } from '../personal/consent.ts';
import type { PersonRef, PersonResult } from '../personal/person.ts';

/**
 * Why a subject appears on the page.
 */
export type SubjectRole =
  | 'bidder'
  | 'winner'
  | 'candidate'
  | 'consortium_member'
  | 'borrower'
  | 'guarantor'
  | 'mention';

/**
 * One subject the content script found on a page. `key` is stable for the page: the code
 * (`code:91110000600037341L`), the rejected code (`invalid:…`) or the name (`name:…`).
 */
export interface PageSubject {
  key: string;
  code: { kind: IdentifierKind; value: string } | null;
  invalid: { raw: string; expectedCheckChar: string | null; message: LocalizedText } | null;
  name: string | null;
  role: SubjectRole;
  /** The 联合体 this subject bids in: an id unique on the page and its name when the page gives one. */
  consortium: { id: string; name: string | null } | null;
  /**
   * The number the page prints for the subject's row (its 序号, shared by a 联合体's members),
   * when the page has one.
   */
  rowNo?: string;
}

/**
 * How a name was resolved to a subject.
 */
export type NameMatch = Pick<SubjectMatch, 'confidence' | 'matchType' | 'sameNameCount'>;

/**
 * What the background knows about one subject. `done` carries the rating summary and the
 * screening under the tab's rule set; the other states say why there is none.
 */
export type SubjectResult =
  | { state: 'idle' }
  | { state: 'checking'; attempt: number }
  | { state: 'ambiguous'; candidates: SubjectMatch[] }
  | {
      state: 'not_found';
      /** When the service said it has no such subject (the evidence record's 查询时间). */
      checkedAt?: string;
    }
  | { state: 'invalid'; expectedCheckChar: string | null; message: LocalizedText }
  | {
      state: 'unavailable';
      reason: LocalizedText;
      error: SerializedError | null;
      /** When the background will try again, if it will. */
      retryAt: string | null;
    }
  | {
      state: 'done';
      summary: RatingSummary;
      screening: ScreeningResult;
      /** Set when the subject was found by name. */
      match: NameMatch | null;
      checkedAt: string;
    };

/**
 * The badge state a result shows: one word, one icon, one colour.
 */
export type DisplayState =
  | 'idle'
  | 'checking'
  | 'pass'
  | 'review'
  | 'fail'
  | 'not_found'
  | 'unavailable'
  | 'invalid'
  | 'ambiguous';

/**
 * Maps a result to its badge state. An `incomplete` screening (a channel could not be read)
 * shows as unavailable, never as a pass.
 */
export function displayState(result: SubjectResult): DisplayState {
  if (result.state !== 'done') return result.state;
  const v = result.screening.verdict;
  return v === 'incomplete' ? 'unavailable' : v;
}

/**
 * One subject on a tab, with its result and, for a consortium member, the consortium's
 * combined screening.
 */
export interface TabSubject {
  subject: PageSubject;
  result: SubjectResult;
}

/**
 * A 联合体 on the page and its combined verdict (any member barred bars the consortium).
 */
export interface TabConsortium {
  id: string;
  name: string | null;
  memberKeys: string[];
  screening: ScreeningResult | null;
}

/**
 * One page fact: its value (for the cut-off, the day `YYYY-MM-DD`) and where the page prints it.
 */
export interface TabFact {
  value: string;
  source: string;
}

/**
 * The page facts a screening tab keeps: 项目编号, 标段/包号, 采购人 and the cut-off (投标截止时间,
 * else 开标时间); `null` where the page does not print one.
 */
export interface TabFacts {
  projectNo: TabFact | null;
  lot: TabFact | null;
  purchaser: TabFact | null;
  cutoff: TabFact | null;
}

/**
 * Everything the extension checked on one tab: the page, its cut-off and every subject.
 */
export interface TabRecord {
  tabId: number;
  url: string;
  title: string;
  /** The site rule's mode (`procurement`, `tendering`) and the SDK rule set it screens under. */
  mode: string;
  ruleSet: RuleSetId;
  layoutId: string | null;
  /** The 截止时点 the page states (its layout's, else the page facts'), if any. */
  pageCutoff: string | null;
  cutoff: { date: string; source: 'page' | 'fixed' | 'today' };
  /** What the page prints about the project, each with where it was read (absent on old records). */
  facts?: TabFacts;
  startedAt: string;
  subjects: TabSubject[];
  consortia: TabConsortium[];
  /** The people the page shows (masked), each with their lookup, once a layout names them. */
  people?: TabPerson[];
}

/**
 * A person on a screening page and their lookup: the result and the merged personal report,
 * masked (the report is kept to screen the person's group again).
 */
export interface TabPerson {
  person: PersonRef;
  result: PersonResult;
  report: IndividualReportContent | null;
  /** The consent the lookup was made under (purpose and written authorization), once made. */
  consent?: PersonalConsent | null;
}

/**
 * The number of each subject as the page numbers its rows: the 序号 it prints, or, on a page
 * that prints none, the rows counted (one per bidder row). A subject the page prints no number
 * for, on a page that numbers other rows, gets none. The members of a 联合体 share their row's
 * number and are told apart by their place in it: `3-1`, `3-2` (docs/decisions/0068).
 */
export function rowNumbers(subjects: readonly TabSubject[]): Map<string, string> {
  const out = new Map<string, string>();
  const printed = subjects.some((s) => s.subject.rowNo !== undefined);
  const counted = new Map<string, string>();
  const shared = new Map<string, string[]>();
  let n = 0;
  for (const { subject } of subjects) {
    const group = subject.consortium?.id;
    let number: string | undefined;
    if (printed) number = subject.rowNo;
    else if (group === undefined) number = String(++n);
    else {
      number = counted.get(group);
      if (number === undefined) {
        number = String(++n);
        counted.set(group, number);
      }
    }
    if (number === undefined) continue;
    out.set(subject.key, number);
    if (group !== undefined) {
      const id = `${group}\n${number}`;
      shared.set(id, [...(shared.get(id) ?? []), subject.key]);
    }
  }
  for (const keys of shared.values()) {
    if (keys.length < 2) continue;
    keys.forEach((key, i) => {
      out.set(key, `${out.get(key)}-${i + 1}`);
    });
  }
  return out;
}

/**
 * Counts for the popup: how many subjects are in each badge state.
 */
export function countStates(
  subjects: readonly TabSubject[],
): Record<DisplayState, number> & { total: number } {
  const counts = {
    total: 0,
    idle: 0,
    checking: 0,
    pass: 0,
    review: 0,
    fail: 0,
    not_found: 0,
    unavailable: 0,
    invalid: 0,
    ambiguous: 0,
  };
  for (const s of subjects) {
    counts.total++;
    counts[displayState(s.result)]++;
  }
  return counts;
}

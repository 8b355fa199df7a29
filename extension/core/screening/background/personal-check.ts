/**
 * The personal-data check on what a screening content script sends: every text field, whatever
 * it is labelled, loses its invisible controls and has its ID numbers masked before anything is
 * stored or sent to the API; a "company code" that is an ID number is not looked up at all
 * (docs/decisions/0052). A subject key that had to change is mapped back, in memory only, when
 * its result goes to the tab.
 */
import { isValidIdCard } from '@xinjian/sdk/identifiers';
import { normalizeText, redactIds, stripControls } from '../../personal.ts';
import type { PageSubject } from '../model.ts';

// Per tab: cleaned key → the key the page's script uses. Lives as long as this service worker.
const pageKeys = new Map<number, Map<string, string>>();

/**
 * Page text as the background keeps it: controls out, ID numbers masked.
 */
export function cleanText(text: unknown): string {
  return redactIds(stripControls(String(text ?? '')));
}

/**
 * A JSON value with {@link cleanText} applied to every string in it (keys included).
 */
export function cleanDeep<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return cleanText(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[cleanText(k)] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

/**
 * Whether an identifier someone labelled a company code is an ID number (a valid 18-character
 * resident ID once normalised).
 */
export function isIdNumberCode(value: string): boolean {
  return isValidIdCard(normalizeText(value).replace(/[\s\-_.]/g, ''));
}

/**
 * The subjects of one `cs:lookup`, checked: names, keys and consortium names cleaned, a code
 * that is an ID number turned into an invalid subject that is never sent.
 */
export function cleanPageSubjects(tabId: number, subjects: readonly PageSubject[]): PageSubject[] {
  return subjects.map((s) => {
    const key = cleanKey(tabId, s.key);
    const code = s.code && typeof s.code.value === 'string' ? s.code : null;
    const idCode = code !== null && isIdNumberCode(code.value);
    return {
      key,
      // A company code is kept as read (an all-digit USCC is ID-shaped but no one's number).
      code: idCode || code === null ? null : { kind: code.kind, value: stripControls(code.value) },
      invalid: idCode
        ? {
            raw: cleanText(code?.value),
            expectedCheckChar: null,
            message: {
              zh: '这是居民身份证号码，不是企业代码：未查询，也未发送',
              en: 'This is a resident ID number, not a company code: not looked up and not sent',
            },
          }
        : s.invalid
          ? { ...cleanDeep(s.invalid) }
          : null,
      name: s.name === null || s.name === undefined ? null : cleanText(s.name),
      role: s.role,
      consortium: s.consortium
        ? {
            id: cleanText(s.consortium.id),
            name: s.consortium.name === null ? null : cleanText(s.consortium.name),
          }
        : null,
      ...rowNoOf(s.rowNo),
    };
  });
}

/** The longest printed row number kept (`12-3`, `A12`); a longer one is not a 序号. */
export const ROW_NO_MAX = 12;

// A page's 序号 is page text like any other: cleaned, short, or dropped.
function rowNoOf(value: unknown): { rowNo?: string } {
  if (typeof value !== 'string') return {};
  const clean = cleanText(value).trim();
  return clean.length > 0 && clean.length <= ROW_NO_MAX ? { rowNo: clean } : {};
}

/**
 * A subject key from the page, cleaned; remembers the page's own key when they differ.
 */
export function cleanKey(tabId: number, key: unknown): string {
  const raw = String(key);
  // `code:`/`invalid:` keys carry an identifier: masked only when it is an ID number.
  const coded = /^(code|invalid):(.*)$/s.exec(stripControls(raw));
  const clean = coded
    ? `${coded[1]}:${isIdNumberCode(coded[2] ?? '') ? cleanText(coded[2]) : (coded[2] ?? '')}`
    : cleanText(raw);
  if (clean !== raw) {
    const keys = pageKeys.get(tabId) ?? new Map<string, string>();
    pageKeys.set(tabId, keys);
    keys.set(clean, raw);
  }
  return clean;
}

/**
 * The key the tab's script knows a subject by.
 */
export function pageKey(tabId: number, key: string): string {
  return pageKeys.get(tabId)?.get(key) ?? key;
}

/**
 * Forgets a tab's page keys (its page went away).
 */
export function forgetPageKeys(tabId: number): void {
  pageKeys.delete(tabId);
}

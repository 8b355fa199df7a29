/**
 * Reading a company's name: a whole cell or fragment that ends like an organisation's name,
 * is the right length and holds none of the words that never appear in one.
 */
import type { SubjectRole } from '../screening/model.ts';
import {
  NAME_BEFORE_CODE_LEAD,
  NAME_CHARS,
  NAME_LENGTH,
  NAME_STOP_WORDS,
  ORG_SUFFIXES,
} from './heuristics.ts';

const SUFFIX = `(?:${[...ORG_SUFFIXES].sort((a, b) => b.length - a.length).join('|')})`;
// A trailing bracket is a branch (`（杭州分公司）`), never a remark (`（已递交）`).
const BRANCH = `[（(][${NAME_CHARS}]{0,12}?(?:分公司|分院|分厂|分所|分中心|分行|支行|营业部|${SUFFIX})[)）]`;
const WHOLE_NAME = new RegExp(`^[${NAME_CHARS}]{2,${NAME_LENGTH.max}}?${SUFFIX}(?:${BRANCH})?$`);
// Only an ending, no name before it.
const BARE_SUFFIX = new RegExp(`^(?:有限|股份|责任|有限责任|股份有限)?${SUFFIX}$`);
const NAME_RUN = new RegExp(`[${NAME_CHARS}]{2,${NAME_LENGTH.max}}?${SUFFIX}`, 'g');

/**
 * The text as a company name, or null: trimmed (inner spaces dropped), {@link NAME_LENGTH}
 * long, ending in one of {@link ORG_SUFFIXES} (an optional bracketed branch after it), with
 * no stop word in it.
 */
export function orgName(text: string): string | null {
  const trimmed = text.replace(/\s+/g, '').replace(/^[“"'‘「『]|[”"'’」』]$/g, '');
  if (trimmed.length < NAME_LENGTH.min || trimmed.length > NAME_LENGTH.max) return null;
  if (!WHOLE_NAME.test(trimmed) || NAME_STOP_WORDS.test(trimmed) || BARE_SUFFIX.test(trimmed)) return null;
  return trimmed;
}

/**
 * The first company-like run in a longer text (a cell with a remark after the name), checked
 * like {@link orgName}.
 */
export function orgNameIn(text: string): string | null {
  const whole = orgName(text);
  if (whole) return whole;
  const compact = text.replace(/\s+/g, '');
  NAME_RUN.lastIndex = 0;
  for (let m = NAME_RUN.exec(compact); m; m = NAME_RUN.exec(compact)) {
    const name = orgName(m[0]);
    if (name) return name;
  }
  return null;
}

/**
 * The company named right before a code: `…为杭州某某有限公司（统一社会信用代码：` gives
 * `杭州某某有限公司`.
 */
export function orgNameBefore(clause: string): string | null {
  const head = clause.replace(/[（(][^（()）]*$/, '');
  const segment = head.split(NAME_BEFORE_CODE_LEAD).pop() ?? '';
  return orgName(segment.replace(/^(?:为|是)/, ''));
}

/**
 * The role a label gives: 候选 before 中标/成交 (a 中标候选人 has not won), then 联合体, then
 * bidder.
 */
export function roleFromText(text: string, fallback: SubjectRole): SubjectRole {
  if (/候选/.test(text)) return 'candidate';
  if (/中标|成交/.test(text)) return 'winner';
  if (/联合体/.test(text)) return 'consortium_member';
  if (/投标人|供应商|投标单位|单位名称|申请人|响应人/.test(text)) return 'bidder';
  return fallback;
}

/**
 * Finds the borrowers of a loan-review page: every valid 居民身份证号码 in visible text (the
 * shared detector, asked for `id_card` only), with the borrower's role and name read from the
 * same table row or sentence. Only loan mode calls this; procurement mode never asks the
 * detector for ID numbers. Reads only.
 */
import type { BorrowerRole } from '@xinjian/sdk/rules';
import { fieldLabel, readPage } from '../../core/reader/reader.ts';
import type { ReaderState } from '../../core/reader/types.ts';

/**
 * One ID number printed on the page. `idNumber` is the full number: it stays in the content
 * script's memory and is sent to the background only for a consented lookup.
 */
export interface BorrowerOccurrence {
  idNumber: string;
  /** The role the page states, or null when it states none. */
  role: BorrowerRole | null;
  /** The name printed with the number, when the page gives one. */
  name: string | null;
  node: Text;
  index: number;
  length: number;
  /** The form control whose value it is (then `node` is a detached copy of the value). */
  field: Element | null;
}

/** What {@link detectBorrowers} needs besides the DOM. */
export interface BorrowerDetectOptions {
  isHidden: (element: Element) => boolean;
  state: ReaderState;
  ignore: (node: Node) => boolean;
}

// 共同借款人 first: a 配偶 who co-signs (`配偶/共同借款人`) is reviewed as a co-borrower.
const ROLE_PATTERNS: ReadonlyArray<{ pattern: RegExp; role: BorrowerRole }> = [
  { pattern: /共同借款人|共同还款|共同申请人|共有权人|共同借款/, role: 'co_borrower' },
  { pattern: /配偶/, role: 'spouse' },
  { pattern: /主借款人|申请人|借款人/, role: 'applicant' },
];
const NAME_HEADER = /姓名|借款人名称|申请人名称/;
const PERSON_NAME = /^[\u3400-\u9fff·•]{2,12}$|^[A-Za-z][A-Za-z .'-]{1,40}$/;
const CLAUSE_END = /[。；;！!？?\n]/;

/**
 * The borrowers printed under `root`, in document order.
 */
export function detectBorrowers(root: Node, options: BorrowerDetectOptions): BorrowerOccurrence[] {
  // A loan page has no bidder tables: it is read as text and form fields.
  const found = readPage(
    root,
    {
      isHidden: options.isHidden,
      state: options.state,
      ignore: options.ignore,
      kinds: ['id_card'],
      names: false,
    },
    null,
  );
  return found
    .filter((o) => o.kind === 'id_card' && o.valid)
    .map((o) => {
      const field = o.field ?? null;
      const inside = field ?? o.node;
      const row = (field ?? o.node.parentElement)?.closest('tr') ?? null;
      // A form field's own label says whose number it is (`配偶身份证号`).
      const label = field ? (fieldLabel(field) ?? '') : '';
      const context = row
        ? `${label} ${rowContext(row, inside)}`
        : label || clauseBefore(o.node.data, o.index);
      return {
        idNumber: o.value,
        role: roleFromText(context),
        name: row ? nameInRow(row) : nameInClause(context),
        node: o.node,
        index: o.index,
        length: o.length,
        field,
      };
    });
}

/**
 * The role a label gives, or null.
 */
export function roleFromText(text: string): BorrowerRole | null {
  for (const { pattern, role } of ROLE_PATTERNS) if (pattern.test(text)) return role;
  return null;
}

// The row's other cells: the ID cell itself says nothing about the role.
function rowContext(row: Element, node: Node): string {
  return [...row.children]
    .filter((cell) => !cell.contains(node))
    .map((cell) => cell.textContent ?? '')
    .join(' ');
}

function nameInRow(row: Element): string | null {
  const table = row.closest('table');
  const header = table?.querySelector('thead tr') ?? table?.querySelector('tr');
  if (!header || header === row) return null;
  const column = [...header.children].findIndex((c) => NAME_HEADER.test(c.textContent ?? ''));
  if (column < 0) return null;
  const text = (row.children[column]?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return PERSON_NAME.test(text) ? text : null;
}

function nameInClause(clause: string): string | null {
  const m = /姓名\s*[：:]\s*([\u3400-\u9fff·•]{2,12})/.exec(clause);
  return m?.[1] ?? null;
}

function clauseBefore(text: string, index: number): string {
  const before = text.slice(0, index);
  let cut = -1;
  for (let i = before.length - 1; i >= 0; i--) {
    if (CLAUSE_END.test(before[i] ?? '')) {
      cut = i;
      break;
    }
  }
  return before.slice(cut + 1);
}

/**
 * Finds the people and the companies of a loan-review page in one read. The borrowers: every
 * valid 居民身份证号码 in visible text, with the borrower's role and name read from the same
 * table row or sentence. The companies: every visible enterprise code, and a company name
 * printed after a developer, guarantor or employer label (售房单位, 担保单位, 工作单位), each with
 * its part on the page. A name is read only where such a label puts it, and only when it reads
 * as a company name, so no person's name becomes a company; an ID number is always a person.
 * Only loan mode asks the reader for ID numbers. Reads only.
 */
import type { BorrowerRole } from '@xinjian/sdk/rules';
import { LOAN_COMPANY_LABELS } from '../../core/reader/heuristics.ts';
import { fieldLabel, readPage } from '../../core/reader/reader.ts';
import type { Occurrence, ReaderState } from '../../core/reader/types.ts';
import { type Placement, toPlacements } from '../../core/screening/placements.ts';
import { ENTERPRISE_KINDS } from '../../core/screening/subjects.ts';
import type { LoanCompanyPart } from './model.ts';

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

/** A company printed on a loan page: where to badge it, its subject, and its part. */
export interface CompanyPlacement extends Placement {
  part: LoanCompanyPart;
}

/** What a loan page shows under `root`: its borrowers and its companies, in document order. */
export interface LoanPageSubjects {
  borrowers: BorrowerOccurrence[];
  companies: CompanyPlacement[];
}

const COMPANY_LABELS = new RegExp(LOAN_COMPANY_LABELS.map((l) => l.pattern.source).join('|'));
const COMPANY_LABEL_ANYWHERE = new RegExp(COMPANY_LABELS.source, 'g');

/**
 * The borrowers and companies printed under `root`, in document order.
 */
export function detectLoanSubjects(root: Node, options: BorrowerDetectOptions): LoanPageSubjects {
  // A loan page has no bidder tables: it is read as text and form fields.
  const found = readPage(
    root,
    {
      isHidden: options.isHidden,
      state: options.state,
      ignore: options.ignore,
      kinds: ['id_card', ...ENTERPRISE_KINDS],
      names: false,
      companyLabels: COMPANY_LABELS,
    },
    null,
  );
  const people = found.filter((o) => o.kind === 'id_card');
  const companies = found.filter((o) => o.kind !== 'id_card');
  return {
    borrowers: people.filter((o) => o.valid).map(borrowerOf),
    companies: toPlacements(companies).map((p) => ({ ...p, part: companyPart(contextOf(p.occurrence)) })),
  };
}

/**
 * The borrowers printed under `root`, in document order.
 */
export function detectBorrowers(root: Node, options: BorrowerDetectOptions): BorrowerOccurrence[] {
  return detectLoanSubjects(root, options).borrowers;
}

/**
 * The part a label gives a company: the label nearest before the company wins
 * (`售房单位 … 工作单位：某公司` is the employer); `other` when none is there.
 */
export function companyPart(context: string): LoanCompanyPart {
  let part: LoanCompanyPart = 'other';
  COMPANY_LABEL_ANYWHERE.lastIndex = 0;
  for (let m = COMPANY_LABEL_ANYWHERE.exec(context); m; m = COMPANY_LABEL_ANYWHERE.exec(context)) {
    const label = m[0];
    part = LOAN_COMPANY_LABELS.find((l) => l.pattern.test(label))?.part ?? part;
  }
  return part;
}

// What a person reads before the company: its field's label or the label cell before its cell,
// and the sentence it is in up to the company (`审查意见：现工作单位为某公司`).
function contextOf(o: Occurrence): string {
  const cell = o.field ? null : o.node.parentElement?.closest('td, th, dd');
  const labelCell = cell?.previousElementSibling;
  const label = o.field
    ? (fieldLabel(o.field) ?? '')
    : labelCell && /^(?:TD|TH|DT)$/.test(labelCell.tagName)
      ? (labelCell.textContent ?? '')
      : '';
  return `${label} ${clauseBefore(o.node.data, o.index)}`;
}

function borrowerOf(o: Occurrence): BorrowerOccurrence {
  const field = o.field ?? null;
  const inside = field ?? o.node;
  const row = (field ?? o.node.parentElement)?.closest('tr') ?? null;
  // A form field's own label says whose number it is (`配偶身份证号`).
  const label = field ? (fieldLabel(field) ?? '') : '';
  const context = row ? `${label} ${rowContext(row, inside)}` : label || clauseBefore(o.node.data, o.index);
  return {
    idNumber: o.value,
    role: roleFromText(context),
    name: row ? nameInRow(row) : nameInClause(context),
    node: o.node,
    index: o.index,
    length: o.length,
    field,
  };
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

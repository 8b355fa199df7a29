/**
 * What the page reader reports and what it needs: one occurrence per subject printed on the
 * page (where it is printed, so a badge can be placed beside it), and the state one page's
 * scans share.
 */
import type { IdentifierKind, LocalizedText } from '@xinjian/sdk';
import type { SubjectRole } from '../screening/model.ts';

/**
 * One subject printed on the page, where it is printed. For a value in a form field, `field`
 * is the control and `node` a detached text node holding its value (nothing is written to the
 * page while reading).
 */
export interface Occurrence {
  /** Exactly as printed (a code split over several elements, joined). */
  text: string;
  kind: IdentifierKind | 'name';
  /** Canonical form: upper case, org codes without the hyphen; the name for names. */
  value: string;
  role: SubjectRole;
  /** False for a USCC printed with a wrong check character. */
  valid: boolean;
  expectedCheckChar: string | null;
  invalidMessage: LocalizedText | null;
  /** The company name printed with the code, when the page gives one. */
  name: string | null;
  consortium: { id: string; name: string | null } | null;
  node: Text;
  index: number;
  length: number;
  /** The table row it is in, if any. */
  row: Element | null;
  /** The number the page prints for that row (its 序号), when its table has such a column. */
  rowNo?: string;
  /** The form control whose value it is, if any. */
  field?: Element | null;
}

/**
 * What the reader remembers between scans of one page: nodes already handled (so none is
 * handled twice), table models and consortium ids.
 */
export interface ReaderState {
  processed: WeakSet<Node>;
  consortiumIds: WeakMap<Element, string>;
  nextConsortium: number;
  tables: WeakMap<Element, unknown>;
}

/**
 * A fresh reader state.
 */
export function createReaderState(): ReaderState {
  return { processed: new WeakSet(), consortiumIds: new WeakMap(), nextConsortium: 1, tables: new WeakMap() };
}

/**
 * What the reader needs besides the DOM.
 */
export interface ReaderOptions {
  isHidden: (element: Element) => boolean;
  state: ReaderState;
  /** Nodes that belong to the extension's own UI. */
  ignore: (node: Node) => boolean;
  /** Identifier kinds to report; default the enterprise kinds (never ID numbers). */
  kinds?: readonly IdentifierKind[];
  /** Report company names in bidder positions (procurement pages); default true. */
  names?: boolean;
  /**
   * Labels after which a company name is read too (a loan page's 售房单位, 担保单位,
   * 工作单位), with the role `mention`.
   */
  companyLabels?: RegExp;
  /** Elements whose subtrees another reader handles (a layout's tables). */
  skip?: (element: Element) => boolean;
}

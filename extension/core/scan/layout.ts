/**
 * A page layout: what the extension knows about one kind of page, as data. Each layout is
 * paired with a saved copy of the page in `seeds/pages/` that the detector tests load, so a
 * selector that stops matching fails a test instead of silently finding nothing.
 */
import type { SubjectRole } from '../screening/model.ts';

/**
 * A table listing bidders: which rows, which cell holds the name and which the codes, and how
 * a 联合体 is written in it.
 */
export interface TableLayout {
  /** Selector of the table. */
  table: string;
  /** Selector of the bidder rows, relative to the table. */
  rows: string;
  /** Selector of the cell with the bidder's name, relative to the row. */
  nameCell: string;
  /** Selector of the cells with the bidder's codes, relative to the row. */
  codeCells: string;
  /** What the subjects of this table are. */
  role: SubjectRole;
  /** Text that marks a name cell listing 联合体 members (each with its code). */
  consortiumMarker?: string;
  /**
   * Every row of the table is a party of one group, named here: the borrower and guarantors of
   * a credit application, screened together like a 联合体. Tables with the same id form one group.
   */
  group?: { id: string; name: string | null };
}

/**
 * A table column naming a person beside the companies (the borrower's 法定代表人): the person's
 * name and ID number are never read as a company; the person is badged for a lookup that needs
 * the officer's consent.
 */
export interface PersonLayout {
  /** Selector of the table. */
  table: string;
  /** Selector of the rows, relative to the table. */
  rows: string;
  /** Selector of the cell with the person's name, relative to the row. */
  nameCell: string;
  /** Selector of the cell with the person's ID number, relative to the row. */
  idCell: string;
  /** The person's role (`legal_representative`). */
  role: string;
  /** The group (a table layout's `group.id`) whose verdict the person's result joins. */
  group?: string;
}

/**
 * Where the page states the 截止时点 of the credit check: the cell next to a label in a table,
 * or a date inside a sentence.
 */
export type CutoffLayout =
  | { kind: 'labelled-cell'; within: string; label: string }
  | { kind: 'text'; within: string; pattern: RegExp };

/**
 * One supported page layout.
 */
export interface PageLayout {
  id: string;
  /** What the page is, for people reading the code and the side panel. */
  title: string;
  /** The saved page in `seeds/pages/` this layout is tested against. */
  fixture: string;
  /** URL match patterns (as in a manifest) of the pages with this layout. */
  matches: readonly string[];
  /** Bidder tables; other tables get generic detection. */
  tables: readonly TableLayout[];
  /** Paragraphs naming winners and candidates (`中标供应商：…`); default: the whole page. */
  prose?: string;
  cutoff?: CutoffLayout;
  /** People shown beside the companies, looked up only after consent. */
  people?: readonly PersonLayout[];
}

/**
 * The first of `layouts` that matches `url`, or `null` for generic detection.
 */
export function layoutFor(url: string, layouts: readonly PageLayout[]): PageLayout | null {
  for (const layout of layouts) {
    if (layout.matches.some((p) => patternMatches(p, url))) return layout;
  }
  return null;
}

/**
 * Whether `url` is covered by a match pattern in the manifest's syntax (scheme, host with an
 * optional leading wildcard, path glob), for the layouts' own patterns, without WXT's full
 * parser in the content script. extension/core/scan/layout.test.ts holds it to WXT's.
 */
export function patternMatches(pattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const [, scheme = '', host = '', path = ''] = m;
  const protocol = u.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  if (host !== '*') {
    const bare = host.startsWith('*.') ? host.slice(2) : host;
    const ok = host.startsWith('*.')
      ? u.hostname === bare || u.hostname.endsWith(`.${bare}`)
      : u.hostname === host;
    if (!ok) return false;
  }
  const glob = new RegExp(
    `^${path
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return glob.test(u.pathname + u.search);
}

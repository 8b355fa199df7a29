/**
 * The generic page reader: subjects (`readSubjects`), page facts (`readFacts`), and the pure
 * pieces they are made of, with every heuristic as data in `heuristics.ts`.
 */

export { readSubjects, splitParts } from './bidders.ts';
export { cutoffFromFacts, factSource, type PageFact, type PageFacts, readFacts, tabFacts } from './facts.ts';
export { LOAN_COMPANY_LABELS } from './heuristics.ts';
export { orgName, orgNameBefore, orgNameIn, roleFromText } from './names.ts';
export { fieldLabel, fieldValue, readPage } from './reader.ts';
export { isHeaderRow, TableGrid, tableModel } from './table.ts';
export { createReaderState, type Occurrence, type ReaderOptions, type ReaderState } from './types.ts';

/**
 * The reader over every page of the reading corpus (test/fixtures/pages/), as the page is
 * before its own scripts run: every must subject found with its role (and 联合体), no must_not
 * subject, and the page facts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CorpusExpectation } from '../../../test/fixtures/pages/corpus.ts';
import expectations from '../../../test/fixtures/pages/expected.json' with { type: 'json' };
import { createHiddenCheck } from '../page/visibility.ts';
import { toPlacements } from '../screening/placements.ts';
import { LOAN_COMPANY_LABELS } from './heuristics.ts';
import { createReaderState, cutoffFromFacts, type ReaderOptions, readFacts, readSubjects } from './index.ts';

const PAGES = join(process.cwd(), 'test/fixtures/pages');
const corpus = expectations as CorpusExpectation[];
const LOAN_COMPANIES = new RegExp(LOAN_COMPANY_LABELS.map((l) => l.pattern.source).join('|'));

function load(page: string): void {
  const html = readFileSync(join(PAGES, page), 'utf8');
  // Scripts do not run here: the page as it arrives.
  document.documentElement.innerHTML = html
    .replace(/^<!DOCTYPE html>\s*<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/, '');
}

function options(extra: Partial<ReaderOptions> = {}): ReaderOptions {
  return { isHidden: createHiddenCheck(), state: createReaderState(), ignore: () => false, ...extra };
}

describe('the reader on the corpus', () => {
  it('has at least 24 pages, each with expectations', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(24);
    expect(new Set(corpus.map((p) => p.page)).size).toBe(corpus.length);
  });

  for (const expected of corpus) {
    it(`${expected.page} (${expected.platform})`, () => {
      load(expected.page);
      // The DOM here computes styles slowly (milliseconds per element): the long list is read
      // over its first 200 rows; the browser test reads it whole.
      for (const row of [...document.querySelectorAll('tr')].slice(201)) row.remove();
      const printed = document.body.textContent ?? '';
      const loan = expected.mode === 'loan';
      const found = readSubjects(
        document.body,
        loan ? options({ names: false, companyLabels: LOAN_COMPANIES }) : options(),
      );
      const subjects = new Map(toPlacements(found).map((p) => [p.subject.key, p.subject]));
      const must = expected.must.filter(
        (m) => m.after !== 'script' && printed.includes(m.key.replace(/^\w+:/, '')),
      );
      const missing = must.filter((m) => !subjects.has(m.key)).map((m) => m.key);
      expect(missing, 'must subjects not found').toEqual([]);
      for (const m of must) {
        const s = subjects.get(m.key);
        expect({ key: m.key, role: s?.role }).toEqual({ key: m.key, role: m.role });
        if (m.consortium) expect(s?.consortium?.name, m.key).toBe(m.consortium);
        else expect(s?.consortium ?? null, m.key).toBeNull();
      }
      const hits = expected.must_not.filter((m) => subjects.has(m.key));
      expect(hits, 'must_not subjects looked up').toEqual([]);
      // Procurement pages never yield an ID number; loan pages give their people by consent only.
      expect([...subjects.values()].filter((s) => s.code?.kind === 'id_card')).toEqual([]);
      if (loan) {
        const people = readSubjects(document.body, options({ kinds: ['id_card'], names: false }));
        expect(people.map((o) => o.value).sort()).toEqual(
          (expected.people ?? []).map((p) => p.idNumber).sort(),
        );
      }
      if (expected.facts) {
        const facts = readFacts(document.body, options());
        const got = {
          projectNumber: facts.projectNumber?.value,
          lot: facts.lot?.value,
          cutoff: cutoffFromFacts(facts)?.date,
          buyer: facts.buyer?.value,
        };
        for (const [k, v] of Object.entries(expected.facts))
          expect({ [k]: got[k as keyof typeof got] }).toEqual({ [k]: v });
      }
    });
  }
});

describe("the page's 序号 on corpus pages", () => {
  const rowNos = (page: string) => {
    load(page);
    const subjects = toPlacements(readSubjects(document.body, options())).map((p) => p.subject);
    return subjects.map((s) => [s.consortium ? 'member' : 'bidder', s.rowNo ?? null]);
  };

  it('a 联合体 in one cell shares its row number (ggzy 开标记录)', () => {
    expect(rowNos('ggzy-bid-opening.html')).toEqual([
      ['bidder', '1'],
      ['bidder', '2'],
      ['member', '3'],
      ['member', '3'],
      ['member', '3'],
      ['bidder', '4'],
    ]);
  });

  it('a 联合体 over two rows under one 序号 cell shares it too', () => {
    expect(rowNos('consortium-role-column.html')).toEqual([
      ['member', '1'],
      ['member', '1'],
      ['bidder', '2'],
    ]);
  });

  it('a table without a 序号 column gives none', () => {
    load('consortium-one-cell.html');
    const header = document.querySelector('table tr')?.textContent ?? '';
    expect(header).not.toMatch(/序号|编号/);
    const subjects = toPlacements(readSubjects(document.body, options())).map((p) => p.subject);
    expect(subjects.length).toBeGreaterThan(0);
    expect(subjects.filter((s) => s.rowNo !== undefined)).toEqual([]);
  });
});

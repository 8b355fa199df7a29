import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHiddenCheck } from '../page/visibility.ts';
import { createReaderState, readSubjects } from '../reader/index.ts';
import { cleanPageSubjects } from '../screening/background/personal-check.ts';
import { rowNumbers, type TabSubject } from '../screening/model.ts';
import { toPlacements } from '../screening/placements.ts';
import { defaultSettings, saveSettings } from '../settings.ts';
import { byGrade, SidePanel } from './sidepanel.tsx';

function entry(
  key: string,
  grades: Array<{ scale: string; value: string }>,
  consortium?: string,
): TabSubject {
  return {
    subject: {
      key,
      code: null,
      invalid: null,
      name: key,
      role: 'bidder',
      consortium: consortium ? { id: consortium, name: null } : null,
    },
    result: {
      state: 'done',
      summary: {
        grades: grades.map((g) => ({ ...g, ratedAt: '2026-01-01', year: 2025 })),
        taxCredit: [],
      },
    },
  } as unknown as TabSubject;
}

describe("the side panel's 评级 sort", () => {
  it("follows each scale's order: AAA above AA+ above BB+, tax M above D, ungraded last", () => {
    const rows = [
      entry('bb+', [{ scale: 'pboc_long_term', value: 'BB+' }]),
      entry('none', []),
      entry('aa+', [{ scale: 'pboc_long_term', value: 'AA+' }]),
      entry('aaa', [{ scale: 'pboc_long_term', value: 'AAA' }]),
      entry('tax-d', [{ scale: 'tax_credit', value: 'D' }]),
      entry('tax-m', [{ scale: 'tax_credit', value: 'M' }]),
    ];
    // By the symbols' text: AA+ < AAA < BB+ and D < M.
    expect(rows.sort(byGrade).map((r) => r.subject.key)).toEqual([
      'aaa',
      'aa+',
      'bb+',
      'tax-m',
      'tax-d',
      'none',
    ]);
  });
});

describe("the side panel's numbering", () => {
  it("counts the page's rows where it prints no 序号: the members of a 联合体 share their row's number", () => {
    const numbers = rowNumbers([
      entry('a', []),
      entry('b1', [], 'row-2'),
      entry('b2', [], 'row-2'),
      entry('c', []),
    ]);
    expect([...numbers.entries()]).toEqual([
      ['a', '1'],
      ['b1', '2-1'],
      ['b2', '2-2'],
      ['c', '3'],
    ]);
  });

  it("follows the page's 序号 where it prints one, gaps and all", () => {
    const numbered = (key: string, rowNo: string, consortium?: string): TabSubject => {
      const e = entry(key, [], consortium);
      return { ...e, subject: { ...e.subject, rowNo } };
    };
    const numbers = rowNumbers([
      numbered('a', '1'),
      numbered('b1', '3', 'g'),
      numbered('b2', '3', 'g'),
      numbered('b3', '3', 'g'),
      numbered('c', '4'),
      // A credit application's parties are one group with a row each: their own numbers.
      numbered('p1', '1', 'parties'),
      numbered('p2', '2', 'parties'),
    ]);
    expect([...numbers.values()]).toEqual(['1', '3-1', '3-2', '3-3', '4', '1', '2']);
  });

  it('gives none to a row the page prints no number for, when it numbers others', () => {
    // A credit application: the borrower's table has no 序号, the guarantors' has.
    const numbered = (key: string, rowNo: string | null): TabSubject => {
      const e = entry(key, [], 'application');
      return rowNo === null ? e : { ...e, subject: { ...e.subject, rowNo } };
    };
    const numbers = rowNumbers([numbered('borrower', null), numbered('g1', '1'), numbered('g2', '2')]);
    expect([...numbers.entries()]).toEqual([
      ['g1', '1'],
      ['g2', '2'],
    ]);
  });
});

describe('the side panel on a page that prints its 序号', () => {
  let root: HTMLElement;
  beforeEach(() => {
    fakeBrowser.reset();
    root = document.createElement('div');
  });
  afterEach(() => {
    render(null, root);
    vi.restoreAllMocks();
  });

  it('numbers its rows as the page does: 1-1 and 1-2 for the 联合体 in row 1, then 2', async () => {
    // The corpus page: a 联合体 over two rows under one 序号 cell (rowspan), then a bidder.
    const html = readFileSync(join(process.cwd(), 'test/fixtures/pages/consortium-role-column.html'), 'utf8');
    document.documentElement.innerHTML = html.replace(/^<!DOCTYPE html>\s*<html[^>]*>/i, '');
    const options = { isHidden: createHiddenCheck(), state: createReaderState(), ignore: () => false };
    const found = toPlacements(readSubjects(document.body, options)).map((p) => p.subject);
    const unique = [...new Map(found.map((s) => [s.key, s])).values()];
    // What the background keeps of them, checked as everything a content script sends.
    const subjects = cleanPageSubjects(1, unique).map((subject) => ({
      subject,
      result: { state: 'not_found' as const },
    }));
    expect(subjects.map((s) => s.subject.rowNo)).toEqual(['1', '1', '2']);
    document.body.append(root);
    const record = {
      tabId: 1,
      mode: 'procurement',
      url: 'http://127.0.0.1:8787/x/consortium',
      title: '开标记录',
      subjects,
      consortia: [],
      cutoff: { date: '2026-11-20', source: 'page' },
    };
    await saveSettings(defaultSettings());
    vi.spyOn(browser.tabs, 'get').mockResolvedValue({ id: 1, url: record.url } as never);
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (m: { type: string }) =>
      m.type === 'page:get-tab' ? { ok: true, value: record } : { ok: true, value: null }) as never);
    history.replaceState(null, '', '/sidepanel.html?tab=1');
    await act(async () => {
      render(<SidePanel />, root);
    });
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid="row-no"]')).toHaveLength(3));
    const shown = [...root.querySelectorAll('[data-testid="row-no"]')].map((td) => td.textContent);
    expect(shown).toEqual(['1-1', '1-2', '2']);
  });
});

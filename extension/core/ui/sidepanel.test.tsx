import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { enterpriseByTag } from '../../../seeds/index.ts';
import { createHiddenCheck } from '../page/visibility.ts';
import { createReaderState, readSubjects } from '../reader/index.ts';
import { cleanPageSubjects } from '../screening/background/personal-check.ts';
import { rowNumbers, type TabRecord, type TabSubject } from '../screening/model.ts';
import { toPlacements } from '../screening/placements.ts';
import { failedPerson } from '../screening/test-people.ts';
import { defaultSettings, saveSettings } from '../settings.ts';
import { byGrade, SidePanel } from './sidepanel.tsx';
import { showSubjectReport } from './test-report.tsx';
import { testRoot } from './test-root.ts';

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

// The side panel of tab 1, reading `record` (the parts of a tab record the test sets) from the
// background as the real panel does.
async function showPanel(
  root: HTMLElement,
  record: { url: string } & Partial<Record<keyof TabRecord, unknown>>,
): Promise<void> {
  await saveSettings(defaultSettings());
  vi.spyOn(browser.tabs, 'get').mockResolvedValue({ id: 1, url: record.url } as never);
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (m: { type: string }) =>
    m.type === 'page:get-tab' ? { ok: true, value: record } : { ok: true, value: null }) as never);
  history.replaceState(null, '', '/sidepanel.html?tab=1');
  await act(async () => {
    render(<SidePanel />, root);
  });
}

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
    await showPanel(root, record);
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid="row-no"]')).toHaveLength(3));
    const shown = [...root.querySelectorAll('[data-testid="row-no"]')].map((td) => td.textContent);
    expect(shown).toEqual(['1-1', '1-2', '2']);
  });
});

describe("the side panel's full report", () => {
  const root = testRoot();

  /** The report of the seed subject tagged `tag`, as the panel shows it. */
  async function reportText(tag: string, language: 'zh-CN' | 'en' = 'zh-CN'): Promise<HTMLElement> {
    await saveSettings({ ...defaultSettings(), language });
    const report = await showSubjectReport(root, enterpriseByTag(tag));
    await vi.waitFor(() => expect(report.querySelector('details')).not.toBeNull());
    return report;
  }

  // Each seed category's edge subject, and the words its record must be read with.
  it.each([
    ['edge:contract-breached', '合同履约', '合同违约'],
    ['edge:quality-failed', '产品质量', '监督抽查不合格'],
    ['edge:quality-major-issue', '产品质量', '重大质量问题'],
    ['edge:construction-blacklist', '工程建设', '建筑市场主体黑名单'],
    ['edge:construction-award', '工程建设', '良好行为（表彰）'],
    ['edge:land-idle', '国土资源', '闲置土地'],
    ['edge:land-illegal-use', '国土资源', '违法用地'],
    ['edge:env-black-list', '环保', '环保信用黑名单'],
    ['edge:env-red-list', '环保', '环保信用红名单'],
    ['edge:env-bad-rating', '环保', '环保不良企业'],
    ['edge:work-safety-dishonest', '安全生产', '安全生产严重失信主体名单'],
    ['edge:food-blacklist', '食品安全', '严重违法生产经营者黑名单'],
  ])('%s: its record is filed under %s and read as %s', async (tag, category, outcome) => {
    const report = await reportText(tag);
    const group = [...report.querySelectorAll('details')].find((d) =>
      d.querySelector('summary')?.textContent?.startsWith(category),
    );
    expect(group, `no ${category} group`).toBeDefined();
    expect(group?.textContent).toContain(outcome);
    expect(report.textContent).not.toContain('其他记录');
  });

  it('says which cited document names are labels, not 文号, and links their source', async () => {
    await reportText('edge:dishonest-active');
    const link = [...root.querySelectorAll<HTMLAnchorElement>('a')].find((a) =>
      a.textContent?.includes('失信被执行人名单规定'),
    );
    expect(link?.getAttribute('href')).toMatch(/^https:\/\/zxgk\.court\.gov\.cn\//);
    expect(link?.parentElement?.textContent).toContain('（名称，非文号）');
  });

  it('shows an SME grade with its issuer, 备案 number and scale', async () => {
    const g = enterpriseByTag('edge:sme-BB').grades.find((x) => x.scale === 'sme_credit');
    const report = await reportText('edge:sme-BB');
    expect(report.textContent).toContain(`备案号 ${g?.issuer.filingNo}`);
    expect(report.textContent).toContain('中小企业信用评价');
  });

  it('reads a performed contract as performed, in English too', async () => {
    const e = enterpriseByTag('edge:contract-breached');
    const performed = e.records.some(
      (r) => r.category === 'contract_performance' && r.result === 'performed',
    );
    const report = await reportText('edge:contract-breached', 'en');
    expect(report.textContent).toContain('contract breached');
    if (performed) expect(report.textContent).toContain('contract performed');
  });
});

describe("the side panel's people", () => {
  const root = testRoot();

  it("shows a representative's failed lookup as failed, with the reason, under the application", async () => {
    const failed = { ...failedPerson(), person: { ...failedPerson().person, group: 'credit-application' } };
    await showPanel(root, {
      tabId: 1,
      mode: 'credit',
      url: 'http://127.0.0.1:8787/demo/credit-review',
      title: '授信审批表',
      subjects: [{ ...entry('借款企业', [], 'credit-application'), result: { state: 'not_found' } }],
      consortia: [{ id: 'credit-application', name: null, memberKeys: ['借款企业'], screening: null }],
      cutoff: { date: '2026-11-20', source: 'page' },
      people: [failed],
    });
    const row = await vi.waitFor(() => {
      const r = root.querySelector('tr.person[data-key="person:3"]');
      if (!r) throw new Error('no row for the representative');
      return r;
    });
    expect(row.getAttribute('data-state')).toBe('error');
    expect(row.textContent).toContain('查询失败');
    expect(row.textContent).toContain('信用服务暂时不可用（503），请稍后重试。');
  });
});

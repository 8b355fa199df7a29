/**
 * Every view in both languages: the string tables are complete and whole, and the rendered
 * views (welcome, popup, options with the loan settings and the audit log, side panel, the
 * evidence print, the loan record print, procurement card, loan card and household finding)
 * show no raw key, no enum value, no sentence of the other language and no sentence cut short.
 */

import type { IndividualReportContent } from '@xinjian/sdk';
import { sealEvidence } from '@xinjian/sdk/evidence';
import { evaluateProcurement } from '@xinjian/sdk/rules';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ratingSummary } from '../mock-server/src/catalog.ts';
import { enterpriseByTag, type IndividualSeed, individualsByTag, SEED_AS_OF, seeds } from '../seeds/index.ts';
import { type AuditEntry, buildAuditEntry, chainAuditEntry } from './core/personal/audit.ts';
import { initialConsent } from './core/personal/consent.ts';
import { testRoot } from './core/ui/test-root.ts';
import './modes/loan/options-strings.ts';
import { LoanFrameBody } from './modes/loan/card.tsx';
import { companyConfig } from './modes/loan/companies.ts';
import type { LoanCompany, LoanCompanyPart, LoanResult, LoanTabRecord } from './modes/loan/model.ts';
import { panel } from './modes/loan/panel.tsx';
import {
  evaluateBorrower,
  evaluateHousehold,
  loanFacts,
  loanRulePack,
  rulePackRef,
} from './modes/loan/review.ts';
import './modes/loan/strings.ts';
import { dictionary, type Language, setLanguage } from './core/i18n.ts';
import type { FrameView } from './core/overlay/protocol.ts';
import { screen, unavailable } from './core/screening/background/resolve.ts';
import { ScreeningFrameBody } from './core/screening/card.tsx';
import { screeningRecord } from './core/screening/evidence.ts';
import { EvidenceView } from './core/screening/evidence-page.tsx';
import type { SubjectResult, TabRecord, TabSubject } from './core/screening/model.ts';
import { codeSubject, invalidUsccSubject, nameSubject } from './core/screening/subjects.ts';
import { applicationPeople } from './core/screening/test-people.ts';
import { defaultSettings, saveSettings } from './core/settings.ts';
import { loanTabRecord, showLoanRecord } from './modes/loan/test-record.tsx';
import './core/ui/strings.ts';
import { Options } from './core/ui/options.tsx';
import { Popup } from './core/ui/popup.tsx';
import { SidePanel } from './core/ui/sidepanel.tsx';
import { showSubjectReport } from './core/ui/test-report.tsx';
import { Welcome } from './core/ui/welcome.tsx';

const CJK = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;
// A dotted lower-case key as the translator returns it when a string is missing.
const RAW_KEY = /(?<![\w/.:@-])[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*(\.[a-z0-9_]+)*(?![\w/(-])/;
// Schema enum values: in a zh-CN text any of them is a leak; snake_case ones in either language.
const ENUM_WORDS =
  /(?<![a-z])(normal|active|secondary|executing|sealed|closed|primary|pending|unavailable)(?![a-z])/;
const SNAKE = /(?<![a-z])[a-z]+_[a-z_]+(?![a-z])/;
// Technical names and abbreviations that look like keys but are meant.
const MEANT = /\be\.g\.|storage\.session|\bi\.e\./g;
// An English sentence does not end on a word that needs a continuation.
const CUT_EN = /\S+ \S+ \S+ .*\b(is|are|the|a|an|of|to|and|so|by|for|with)\s*$/;
// Names and symbols that are the same in both languages.
const SAME_IN_BOTH = new Set(['SHA-256', 'HMAC-SHA-256', '#']);

function texts(language: Language): Array<[string, string]> {
  return Object.entries(dictionary(language));
}

describe('the string tables', () => {
  it('have the same keys and placeholders in both languages', () => {
    const zh = dictionary('zh-CN');
    const en = dictionary('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const mismatched = Object.keys(zh).filter(
      (k) => JSON.stringify(holes(zh[k] ?? '')) !== JSON.stringify(holes(en[k] ?? '')),
    );
    expect(mismatched).toEqual([]);
  });

  it('hold no Chinese in English, and Chinese in every zh-CN sentence', () => {
    const en = texts('en').filter(([, v]) => CJK.test(v.replace(/信鉴|简体中文/g, '')));
    expect(en).toEqual([]);
    const zh = texts('zh-CN').filter(
      ([, v]) => !CJK.test(v) && !SAME_IN_BOTH.has(v) && /[a-z]{3,}/i.test(v.replace(/\{\w+\}/g, '')),
    );
    expect(zh).toEqual([]);
  });

  it('hold no raw key, no enum value and no English sentence cut short', () => {
    const clean = (v: string) =>
      v
        .replace(/\{\w+\}/g, '')
        .replace(/https?:\/\/\S+/g, '')
        .replace(MEANT, '');
    const bad = [
      ...texts('zh-CN').filter(([, v]) => ENUM_WORDS.test(clean(v))),
      ...[...texts('zh-CN'), ...texts('en')].filter(
        ([, v]) => RAW_KEY.test(clean(v)) || SNAKE.test(clean(v)),
      ),
    ];
    expect(bad).toEqual([]);
    expect(texts('en').filter(([, v]) => CUT_EN.test(v))).toEqual([]);
  });
});

/** What a rendered view must not show in `language`. */
function problems(text: string, language: Language): string[] {
  const out: string[] = [];
  const plain = text.replace(/https?:\/\/\S+/g, '').replace(MEANT, '');
  const raw = RAW_KEY.exec(plain);
  if (raw) out.push(`raw key ${raw[0]}`);
  const e = (language === 'zh-CN' ? ENUM_WORDS : SNAKE).exec(plain) ?? SNAKE.exec(plain);
  if (e) out.push(`enum ${e[0]}`);
  if (language === 'en') {
    // Names of people, companies, courts and places are data, not UI text: masked or quoted.
    const ui = text.replace(/[\u3400-\u9fff*]+/g, (m) => (m.length <= 1 ? '' : m));
    if (/[\u3400-\u9fff]{2,}(?=[，。：；])/.test(ui)) out.push('a Chinese sentence');
    if (/[、，。；]/.test(ui)) out.push('Chinese punctuation');
  } else if (/\b(the|is|and|of|with)\b [a-z]+ [a-z]+/i.test(text)) out.push('an English sentence');
  if (/\(\s*loan\.|\(\s*[a-z]+\.[a-z_]+\s*[,)]/.test(text)) out.push('a rule code in a sentence');
  return out;
}

const root = testRoot();

const clean = enterpriseByTag('edge:clean');
const summary = ratingSummary(clean, new Date('2026-11-25T02:00:00Z'));
const done: SubjectResult = {
  state: 'done',
  summary,
  screening: evaluateProcurement(summary, { asOf: '2026-11-25', cutoff: '2026-11-20' }),
  match: null,
  checkedAt: '2026-11-25T02:00:00.000Z',
};

function reportOf(person: IndividualSeed): IndividualReportContent {
  return { ...person.content, generatedAt: `${SEED_AS_OF}T09:00:00+08:00` };
}

function loanDone(person: IndividualSeed, role: 'applicant' | 'co_borrower'): LoanResult {
  const report = reportOf(person);
  const pack = loanRulePack('generic-lian3lei6');
  const review = evaluateBorrower(report, role, 'borrower:1', pack, SEED_AS_OF);
  return {
    state: 'done',
    verdict: review.verdict,
    review,
    facts: loanFacts(report, SEED_AS_OF),
    rulePack: rulePackRef(pack),
    asOf: SEED_AS_OF,
    asOfSource: 'data',
    checkedAt: '2026-11-25T02:00:00.000Z',
    reportIds: ['rep_1'],
    failedProducts: [],
    cached: false,
  };
}

/** The loan record of household hh-2 (applicant and co-borrower), every report read. */
function household2Record(fill: Partial<LoanTabRecord> = {}): LoanTabRecord {
  const [applicant, co] = individualsByTag('household:hh-2');
  if (!applicant || !co) throw new Error('hh-2 is not a household of two');
  const pack = loanRulePack('generic-lian3lei6');
  const people = [
    {
      key: 'borrower:1',
      role: 'applicant' as const,
      person: applicant,
      idMasked: '330***********9966',
      nameMasked: '冯**',
    },
    {
      key: 'borrower:2',
      role: 'co_borrower' as const,
      person: co,
      idMasked: '340***********1694',
      nameMasked: '丁*',
    },
  ];
  const household = evaluateHousehold(
    people.map((p) => ({ key: p.key, role: p.role, report: reportOf(p.person) })),
    pack,
    SEED_AS_OF,
  );
  return loanTabRecord({
    rulePack: rulePackRef(pack),
    borrowers: people.map((p) => ({
      key: p.key,
      role: p.role,
      idMasked: p.idMasked,
      nameMasked: p.nameMasked,
      consent: {
        purpose: 'housing_fund_loan' as const,
        reference: 'SQ-1',
        grantedAt: '2026-11-03',
        confirmedAt: '2026-11-25T02:00:00.000Z',
      },
      result: loanDone(p.person, p.role),
      report: reportOf(p.person),
    })),
    household: { state: 'done' as const, ...household },
    ...fill,
  });
}

// The companies of a loan page as the background screens them: a listed guarantor and
// developer, an employer the API could not answer for.
function loanCompanies(): LoanCompany[] {
  const listed = enterpriseByTag('edge:dishonest-active');
  const listedSummary = ratingSummary(listed, new Date('2026-11-25T02:00:00Z'));
  const screened = (part: LoanCompanyPart): LoanCompany => ({
    subject: codeSubject('uscc', listed.subject.uscc, { role: 'mention' }),
    part,
    result: {
      state: 'done',
      summary: listedSummary,
      screening: screen(listedSummary, {
        ruleSet: 'credit',
        asOf: SEED_AS_OF,
        cutoff: SEED_AS_OF,
        config: companyConfig(part),
      }),
      match: null,
      checkedAt: '2026-11-25T02:00:00.000Z',
    },
  });
  return [
    screened('guarantor'),
    screened('developer'),
    {
      subject: nameSubject(clean.subject.name, { role: 'mention' }),
      part: 'employer',
      result: unavailable(new Error('socket hang up')),
    },
  ];
}

// Subjects in every state a record can hold, from seeds that carry every kind of finding.
const EVIDENCE_TAGS = [
  'edge:clean',
  'edge:major-tax',
  'edge:dishonest-active',
  'edge:source-unavailable',
  'edge:tax-M',
  'edge:pboc-AA+',
  'edge:sme-BB',
  'edge:gp-ban-active',
  'edge:construction-blacklist',
  'edge:rating-expired',
];

// The sealed evidence of `tab` as the extension prints it, in `language`.
function sealedPrint(tab: TabRecord, language: Language) {
  return sealEvidence(
    screeningRecord(
      tab,
      {
        operator: '张三',
        language,
        reportIds: {},
        tool: { name: 'xinjian-extension', version: '0.0.0-test' },
        api: { baseUrl: 'http://127.0.0.1:8787', demo: true },
        offsetMinutes: 480,
      },
      '2026-11-25T10:05:00.000+08:00',
    ),
  );
}

function evidenceTab(): TabRecord {
  const asOf = '2026-11-25';
  const checked = EVIDENCE_TAGS.map((tag, i): TabSubject => {
    const seed = enterpriseByTag(tag);
    const s = ratingSummary(seed, new Date('2026-11-25T02:00:00Z'));
    const consortium = i >= 8 ? { id: 'consortium-1', name: seed.subject.name } : null;
    return {
      subject: {
        ...codeSubject('uscc', seed.subject.uscc, {
          name: seed.subject.name,
          role: consortium ? 'consortium_member' : 'bidder',
          consortium,
        }),
        rowNo: String(Math.min(i, 8) + 1),
      },
      result: {
        state: 'done',
        summary: s,
        screening: evaluateProcurement(s, { asOf, cutoff: '2026-11-20' }),
        match: null,
        checkedAt: '2026-11-25T02:00:00.000Z',
      },
    };
  });
  const invalid = invalidUsccSubject('91110000600037341A', { role: 'bidder' });
  const others: TabSubject[] = [
    { subject: nameSubject('某某建设有限公司', { role: 'bidder' }), result: { state: 'not_found' } },
    {
      subject: nameSubject('某某科技有限公司', { role: 'bidder' }),
      result: {
        state: 'unavailable',
        reason: { zh: '信用服务暂时不可用（503）', en: 'The credit service is unavailable (503)' },
        error: null,
        retryAt: null,
      },
    },
    ...(invalid
      ? [
          {
            subject: invalid,
            result: {
              state: 'invalid' as const,
              expectedCheckChar: invalid.invalid?.expectedCheckChar ?? null,
              message: invalid.invalid?.message ?? { zh: '', en: '' },
            },
          },
        ]
      : []),
  ];
  const members = checked.filter((c) => c.subject.consortium).map((c) => c.subject.key);
  return {
    tabId: 1,
    url: 'http://127.0.0.1:8787/demo/bid-opening',
    title: '开标记录',
    mode: 'procurement',
    ruleSet: 'procurement',
    layoutId: 'demo-bid-opening',
    pageCutoff: '2026-11-20',
    cutoff: { date: '2026-11-20', source: 'page' },
    facts: {
      projectNo: { value: 'XH-2026-118', source: '表格“项目编号”' },
      lot: { value: '第1包', source: '表格“标段”' },
      purchaser: { value: '杭州市西湖区教育局', source: '表格“采购人”' },
      cutoff: { value: '2026-11-20', source: '表格“投标截止时间”：2026年11月20日 09:30' },
    },
    startedAt: '2026-11-25T01:59:00.000Z',
    subjects: [...checked, ...others],
    consortia: [{ id: 'consortium-1', name: null, memberKeys: members, screening: null }],
  };
}

// Everything a page prints that is data, not the extension's words: seed names, regions,
// record texts, issuers, page facts and their sources.
function withoutData(text: string, tab: TabRecord): string {
  const data = new Set<string>([
    tab.title,
    // The values and the labels they were printed under; the words around them are ours.
    ...Object.values(tab.facts ?? {}).flatMap((f) =>
      f ? [f.value, ...[...f.source.matchAll(/“([^”]+)”/g)].map((m) => m[1] ?? '')] : [],
    ),
    '某某建设有限公司',
    '某某科技有限公司',
  ]);
  for (const tag of EVIDENCE_TAGS) {
    const e = enterpriseByTag(tag);
    data.add(e.subject.name);
    data.add(e.subject.region.name);
    for (const r of e.records)
      for (const v of Object.values(r)) if (typeof v === 'string' && v.length > 1) data.add(v);
    for (const g of e.grades) data.add(typeof g.issuer.name === 'string' ? g.issuer.name : g.issuer.name.zh);
  }
  let out = text;
  for (const d of [...data].sort((a, b) => b.length - a.length)) out = out.replaceAll(d, '');
  // Cited articles are quoted as the documents number them (第一条、第二条).
  return out
    .replace(/[\u3400-\u9fff]{2,}(?:有限公司|集团|公司|法院|银行|局|委员会|中心)/g, '')
    .replace(/第[一二三四五六七八九十百]+条(?:、第[一二三四五六七八九十百]+条)*/g, '');
}

// A page's text as read: each text node apart, so a header cell and the value beside it
// (`项目编号` | `read from: …`) do not run into one word.
function shownText(el: Element): string {
  const walker = document.createTreeWalker(el, 4 /* SHOW_TEXT */);
  const parts: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.textContent ?? '');
  return parts.join(' ');
}

async function auditEntries(): Promise<AuditEntry[]> {
  const [applicant, co] = individualsByTag('household:hh-2');
  const outcomes: AuditEntry['outcome'][] = [
    { kind: 'requested' },
    { kind: 'verdict', verdict: 'eligible', cached: false },
    { kind: 'verdict', verdict: 'ineligible', cached: true },
    { kind: 'verdict', verdict: 'review', cached: false },
    { kind: 'verdict', verdict: 'incomplete', cached: false },
    { kind: 'error', code: 'rate_limited' },
  ];
  const entries: AuditEntry[] = [];
  let prev = '0'.repeat(64);
  for (const [i, outcome] of outcomes.entries()) {
    const draft = buildAuditEntry({
      idNumber: (i % 2 === 0 ? applicant : co)?.idNumber ?? '',
      time: `2026-11-25T0${i}:00:00.000Z`,
      operator: '审批岗 01',
      mode: 'loan',
      consent: {
        purpose: 'housing_fund_loan',
        reference: `SQ-${i}`,
        grantedAt: '2026-11-03',
        confirmedAt: '2026-11-25T01:00:00.000Z',
      },
      role: i % 2 === 0 ? 'applicant' : 'co_borrower',
      site: 'http://127.0.0.1:8787/demo/loan-review',
      rulePack: { id: 'generic-lian3lei6', version: '2026.1' },
      reportIds: ['rep_1'],
      outcome,
    });
    const entry = await chainAuditEntry(draft, i + 1, prev);
    prev = entry.hash;
    entries.push(entry);
  }
  return entries;
}

for (const language of ['zh-CN', 'en'] as const) {
  describe(`every view in ${language}`, () => {
    beforeEach(() => setLanguage(language));

    it('the welcome page', async () => {
      await saveSettings({ ...defaultSettings(), language });
      await act(async () => {
        render(<Welcome />, root);
      });
      await vi.waitFor(() => expect(root.querySelector('h1')).not.toBeNull());
      expect(problems(root.textContent ?? '', language)).toEqual([]);
    });

    for (const view of ['preview', 'card'] as FrameView[]) {
      it(`the procurement ${view}`, () => {
        const props = {
          subject: codeSubject('uscc', clean.subject.uscc, { name: clean.subject.name, role: 'bidder' }),
          result: done,
          cutoff: { date: '2026-11-20', source: 'page' as const },
        };
        act(() =>
          render(<ScreeningFrameBody view={view} props={props} act={vi.fn()} close={vi.fn()} />, root),
        );
        const text = (root.textContent ?? '').replaceAll(clean.subject.name, '');
        expect(problems(text, language)).toEqual([]);
      });
    }

    it('the loan card of an ineligible co-borrower, and the household sentence', () => {
      const [, co] = individualsByTag('household:hh-2');
      if (!co) throw new Error('no co-borrower in hh-2');
      const result = loanDone(co, 'co_borrower');
      const props = {
        borrower: {
          key: 'borrower:2',
          role: 'co_borrower' as const,
          idMasked: '340***********1694',
          nameMasked: '丁*',
        },
        result,
        consent: initialConsent(),
        page: {
          asOf: SEED_AS_OF,
          today: '2026-11-25',
          rulePack: rulePackRef(loanRulePack('generic-lian3lei6')),
        },
      };
      act(() => render(<LoanFrameBody view="card" props={props} act={vi.fn()} close={vi.fn()} />, root));
      expect(problems(root.textContent ?? '', language)).toEqual([]);
    });

    for (const key of [null, 'borrower:1', 'borrower:2']) {
      it(`the loan side panel${key ? ` (report of ${key})` : ''}`, async () => {
        const record = household2Record({ companies: loanCompanies() });
        await act(async () => {
          render(<panel.View record={record} operator="张三" initialKey={key} />, root);
        });
        // The rule pack's cited source is a document's own title, quoted as printed.
        const cited = record.rulePack.source.citation.documentNo;
        const text = (root.textContent ?? '')
          .replaceAll(cited, '')
          .replace(/[\u3400-\u9fff]{2,}(?:公积金管理中心|法院|银行|支行|分行)/g, '');
        expect(problems(text, language)).toEqual([]);
      });
    }

    it("the side panel's full report of subjects with every kind of record", async () => {
      // Subjects that together carry every record category, list and unread channel.
      const wanted = new Set<string>();
      const picked = seeds.enterprises.filter((e) => {
        const fresh = [
          ...e.records.map((r) => r.category),
          ...e.sources.filter((x) => x.status === 'unavailable').map((x) => `src:${x.channel}`),
        ].filter((c) => !wanted.has(c));
        for (const c of fresh) wanted.add(c);
        return fresh.length > 0;
      });
      expect(picked.length).toBeGreaterThan(3);
      await saveSettings({ ...defaultSettings(), language });
      for (const e of picked) {
        await showSubjectReport(root, e);
        const dataText = [
          e.subject.name,
          e.subject.region.name,
          ...e.records.flatMap((r) => Object.values(r).filter((v): v is string => typeof v === 'string')),
          ...e.grades.map((g) => (typeof g.issuer.name === 'string' ? g.issuer.name : g.issuer.name.zh)),
          // What the findings cite: document names and articles, data as the records are.
          ...evaluateProcurement(ratingSummary(e, new Date('2026-11-25T02:00:00Z')), {
            asOf: '2026-11-25',
            cutoff: '2026-11-20',
          }).findings.flatMap((f) => f.citations.flatMap((c) => [c.documentNo, c.article ?? ''])),
        ];
        let text = root.textContent ?? '';
        for (const d of dataText.sort((a, b) => b.length - a.length)) text = text.replaceAll(d, '');
        expect([e.subject.uscc, problems(text, language)]).toEqual([e.subject.uscc, []]);
        render(null, root);
        vi.restoreAllMocks();
      }
    });

    it('the popup and the side panel list of a checked page, and the options page', async () => {
      await saveSettings({ ...defaultSettings(), language });
      const subjects = seeds.enterprises.slice(0, 12).map((e) => ({
        subject: codeSubject('uscc', e.subject.uscc, { name: e.subject.name, role: 'bidder' as const }),
        result: {
          ...done,
          summary: ratingSummary(e, new Date('2026-11-25T02:00:00Z')),
          screening: evaluateProcurement(ratingSummary(e, new Date('2026-11-25T02:00:00Z')), {
            asOf: '2026-11-25',
            cutoff: '2026-11-20',
          }),
        },
      }));
      const record = {
        tabId: 1,
        mode: 'procurement',
        url: 'http://127.0.0.1:8787/demo/bid-opening',
        title: '开标记录',
        subjects,
        consortia: [],
        cutoff: { date: '2026-11-20', source: 'page' },
      };
      vi.spyOn(browser.tabs, 'get').mockResolvedValue({ id: 1, url: record.url } as never);
      vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (m: { type: string }) => {
        if (m.type === 'page:get-tab') return { ok: true, value: record };
        if (m.type === 'page:site-status')
          return {
            ok: true,
            value: {
              pattern: 'http://127.0.0.1/*',
              site: { pattern: 'http://127.0.0.1/*', mode: 'procurement' },
              granted: true,
            },
          };
        if (m.type === 'page:audit-log')
          return { ok: true, value: { entries: [], total: 0, status: { intact: true, entries: 0 } } };
        return { ok: true, value: null };
      }) as never);
      const names = seeds.enterprises.slice(0, 12).map((e) => e.subject.name);
      const strip = (text: string) =>
        names
          .reduce((t, n) => t.replaceAll(n, ''), text)
          .replace(/[\u3400-\u9fff]{2,}(?:有限公司|集团|公司)/g, '');
      for (const [path, view] of [
        ['/popup.html?tab=1', <Popup key="popup" />],
        ['/sidepanel.html?tab=1', <SidePanel key="panel" />],
        ['/options.html', <Options key="options" />],
      ] as const) {
        history.replaceState(null, '', path);
        await act(async () => {
          render(view, root);
        });
        await vi.waitFor(() => expect(root.querySelector('main h1')).not.toBeNull());
        await act(async () => {
          await new Promise((r) => setTimeout(r, 20));
        });
        expect([path, problems(strip(root.textContent ?? ''), language)]).toEqual([path, []]);
        render(null, root);
      }
    });

    it('the evidence print of a checked page', async () => {
      const tab = evidenceTab();
      const file = await sealedPrint(tab, language);
      await act(async () => {
        render(<EvidenceView file={file} />, root);
      });
      expect(root.querySelectorAll('tbody tr').length).toBeGreaterThan(EVIDENCE_TAGS.length);
      // The cited documents' numbers and titles, piece by piece, and what a channel itself said:
      // data, as the page's and the seeds' words are.
      const cited = file.record.subjects.flatMap((s) => [
        ...s.findings.flatMap((f) => f.citations.flatMap((c) => [c, ...c.split(/[\s;；,，()（）]+/)])),
        ...s.sources.flatMap((x) => (x.reason ? [x.reason] : [])),
      ]);
      const shown = withoutData(
        [...new Set(cited.filter((c) => c.length > 1))]
          .sort((a, b) => b.length - a.length)
          .reduce((text, c) => text.replaceAll(c, ''), shownText(root)),
        tab,
      ).replaceAll('张三', '');
      expect(problems(shown, language)).toEqual([]);
      // Beyond those, no Chinese is left in English.
      if (language === 'en') expect(shown.match(/[\u3400-\u9fff]{2,}\S*/g) ?? []).toEqual([]);
    });

    it('the evidence print with the legal representative of a credit application', async () => {
      const tab: TabRecord = { ...evidenceTab(), people: applicationPeople() };
      const report = tab.people?.[0]?.report;
      const file = await sealedPrint(tab, language);
      await act(async () => {
        render(<EvidenceView file={file} />, root);
      });
      const people = root.querySelector('[data-testid="people"]');
      expect(people?.querySelectorAll('tbody tr').length).toBe(2);
      // The cited documents and what the personal report itself holds (courts, case numbers) are
      // data; the masked names too.
      const data = [
        ...(file.record.people ?? []).flatMap((p) => [
          ...(p.name ? [p.name] : []),
          ...p.findings.flatMap((f) => f.citations.flatMap((c) => [c, ...c.split(/[\s;；,，()（）]+/)])),
        ]),
        ...JSON.stringify(report).matchAll(/"([^"]*[\u3400-\u9fff][^"]*)"/g),
      ].map((m) => (typeof m === 'string' ? m : (m[1] ?? '')));
      const shown = [...new Set(data.filter((c) => c.length > 1))]
        .sort((a, b) => b.length - a.length)
        .reduce((text, c) => text.replaceAll(c, ''), shownText(people?.parentElement ?? root));
      const section = shown.slice(shown.indexOf(language === 'en' ? 'People' : '人员'));
      const own = section.slice(0, section.indexOf('SHA-256'));
      expect(problems(own, language)).toEqual([]);
    });

    it('the loan record print', async () => {
      await saveSettings({ ...defaultSettings(), language, operator: '审批岗 01' });
      const record = household2Record({ businessNo: { value: 'GJJ-DK-2026-110301', readFrom: '业务编号' } });
      await showLoanRecord(record, root, 'sha256');
      const cited = record.rulePack.source.citation;
      const text = shownText(root)
        .replaceAll(cited.documentNo, '')
        .replaceAll(cited.title, '')
        .replaceAll(record.title, '')
        .replaceAll('业务编号', '')
        .replaceAll('审批岗 01', '')
        .replace(/[\u3400-\u9fff]{2,}(?:公积金管理中心|法院|银行|支行|分行)/g, '');
      expect(problems(text, language)).toEqual([]);
    });

    it('the options page with the loan settings and a filled audit log', async () => {
      await saveSettings({ ...defaultSettings(), language });
      const entries = await auditEntries();
      vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (m: { type: string }) =>
        m.type === 'page:audit-log'
          ? {
              ok: true,
              value: { entries, total: entries.length, status: { intact: true, entries: entries.length } },
            }
          : { ok: true, value: null }) as never);
      history.replaceState(null, '', '/options.html');
      await act(async () => {
        render(<Options />, root);
      });
      await vi.waitFor(() => expect(root.querySelectorAll('[data-audit-id]')).toHaveLength(entries.length));
      expect(root.querySelector('[data-testid="audit"]')).not.toBeNull();
      const text = shownText(root).replaceAll('审批岗 01', '');
      expect(problems(text, language)).toEqual([]);
    });
  });
}

import { evaluateProcurement, evaluateTendering } from '@xinjian/sdk/rules';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ratingSummary } from '../../../mock-server/src/catalog.ts';
import { enterpriseByTag, enterprisesByTag } from '../../../seeds/index.ts';
import { setLanguage } from '../i18n.ts';
import type { FrameView } from '../overlay/protocol.ts';
import { badgeLabel, previewText, type ScreeningCardProps, ScreeningFrameBody } from './card.tsx';
import type { SubjectResult } from './model.ts';
import { codeSubject, nameSubject } from './subjects.ts';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  setLanguage('zh-CN');
});

const clean = enterpriseByTag('edge:clean');
const summary = ratingSummary(clean, new Date('2026-11-25T02:00:00Z'));
const done: SubjectResult = {
  state: 'done',
  summary,
  screening: evaluateProcurement(summary, { asOf: '2026-11-25', cutoff: '2026-11-20' }),
  match: null,
  checkedAt: '2026-11-25T02:00:00.000Z',
};

function mount(view: FrameView, overrides: Partial<ScreeningCardProps> = {}) {
  const props: ScreeningCardProps = {
    subject: codeSubject('uscc', clean.subject.uscc, { name: clean.subject.name, role: 'bidder' }),
    result: done,
    cutoff: { date: '2026-11-20', source: 'page' },
    ...overrides,
  };
  const act$ = vi.fn();
  const close = vi.fn();
  act(() => render(<ScreeningFrameBody view={view} props={props} act={act$} close={close} />, container));
  return { props, act: act$ };
}

describe('the procurement preview', () => {
  it('puts the verdict first, then the grade with its scale, as a status the reader announces', () => {
    const { props } = mount('preview');
    const preview = container.querySelector('.preview') as HTMLElement;
    expect(preview.getAttribute('role')).toBe('status');
    expect(preview.querySelector('.chip')?.textContent).toBe('✓通过·AAA 主体评级');
    expect(preview.querySelector('.chip')?.firstElementChild?.nextElementSibling?.localName).toBe('strong');
    expect(previewText(props.subject, props.result)).toBe('✓通过·AAA 主体评级');
    expect(preview.getAttribute('aria-label')).toBe(`${clean.subject.name}：通过，AAA 主体评级`);
    expect(badgeLabel(props.subject, props.result)).toBe(`${clean.subject.name}：通过，AAA 主体评级`);
  });

  it('follows the language setting', () => {
    setLanguage('en');
    mount('preview', { result: { state: 'invalid', expectedCheckChar: 'D', message: { zh: '', en: '' } } });
    expect(container.querySelector('.chip')?.textContent).toBe('#Check character wrong: expected D');
  });
});

describe('the procurement card', () => {
  it('is a dialog that leads with the verdict and explains each grade’s scale and issuer', () => {
    mount('card');
    const card = container.querySelector('[role="dialog"]') as HTMLElement;
    expect(card.firstElementChild?.className).toBe('verdict-block');
    expect(card.querySelector('.verdict-line')?.textContent).toBe('✓通过');
    expect(card.textContent).toContain(clean.subject.uscc);
    expect(card.textContent).toContain('截止时点 2026-11-20（取自页面）');
    const scales = [...card.querySelectorAll('.scale')].map((s) => s.textContent);
    expect(scales.length).toBe(summary.grades.length);
    expect(scales.some((s) => s?.startsWith('信贷市场主体信用等级'))).toBe(true);
  });

  it('says which cited document names are labels, not 文号, and links their source', () => {
    const listed = ratingSummary(enterpriseByTag('edge:dishonest-active'), new Date('2026-11-25T02:00:00Z'));
    const screening = evaluateProcurement(listed, { asOf: '2026-11-25', cutoff: '2026-11-20' });
    const label = screening.findings.flatMap((f) => f.citations).find((c) => c.label === true);
    expect(label?.url).toMatch(/^https:\/\//);
    mount('card', { result: { ...done, summary: listed, screening } });
    const links = [...container.querySelectorAll<HTMLAnchorElement>('.cite a')];
    const link = links.find((a) => a.textContent === label?.documentNo);
    expect(link?.getAttribute('href')).toBe(label?.url);
    expect(link?.getAttribute('rel')).toContain('noreferrer');
    expect(link?.closest('.cite')?.textContent).toContain(`${label?.documentNo}（名称，非文号）`);
    // A 文号 is not marked.
    expect(container.textContent).not.toMatch(/号（名称，非文号）/);
    setLanguage('en');
    mount('card', { result: { ...done, summary: listed, screening } });
    expect(container.querySelector('.cite')?.textContent).toContain('(name, not a document number)');
  });

  it('asks for the side panel through the frame', () => {
    const { act: sent } = mount('card');
    const button = [...container.querySelectorAll('button')].find((b) => b.textContent === '查看完整报告');
    act(() => button?.click());
    expect(sent).toHaveBeenCalledWith({ name: 'openReport' });
  });

  it('shows a name from the page as text, never as markup, and shortens a long one', () => {
    const hostile = '<img src=x onerror="globalThis.pwned=1">某某有限公司';
    mount('card', { subject: nameSubject(hostile), result: { state: 'not_found' } });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.card h2')?.textContent).toBe(hostile);
    const long = `${'很长的名称'.repeat(20)}有限公司`;
    mount('card', { subject: nameSubject(long), result: { state: 'not_found' } });
    const shown = container.querySelector('.card h2')?.textContent ?? '';
    expect(Array.from(shown)).toHaveLength(60);
    expect(container.querySelector('.card h2')?.getAttribute('title')).toBe(long);
  });

  it('lets the officer pick among same-name candidates, and look up in lookup-on-click mode', () => {
    const candidates = enterprisesByTag('same-name:1').map((e) => ({
      subject: e.subject,
      confidence: 0.5,
      matchType: 'exact_name' as const,
      sameNameCount: 1,
    }));
    const { act: sent } = mount('card', {
      subject: nameSubject(candidates[0]?.subject.name ?? ''),
      result: { state: 'ambiguous', candidates },
    });
    const buttons = container.querySelectorAll('.candidates button');
    expect(buttons).toHaveLength(2);
    act(() => (buttons[1] as HTMLButtonElement).click());
    expect(sent).toHaveBeenCalledWith({ name: 'pick', uscc: candidates[1]?.subject.uscc });
    const idle = mount('card', { result: { state: 'idle' } });
    act(() => (container.querySelector('button.primary') as HTMLButtonElement).click());
    expect(idle.act).toHaveBeenCalledWith({ name: 'lookup' });
  });
});

describe('the procurement card of each record category', () => {
  // The seed category edges, screened for a 工程 project, and the words their finding must use.
  it.each([
    ['edge:contract-breached', '合同违约'],
    ['edge:quality-failed', '监督抽查不合格'],
    ['edge:quality-major-issue', '重大质量问题'],
    ['edge:construction-blacklist', '建筑市场主体黑名单'],
    ['edge:land-idle', '闲置土地'],
    ['edge:land-illegal-use', '违法用地'],
    ['edge:env-black-list', '环保信用黑名单'],
    ['edge:work-safety-dishonest', '安全生产严重失信主体名单'],
    ['edge:food-blacklist', '严重违法生产经营者黑名单'],
  ])('%s: the reasons say %s, with a citation', (tag, words) => {
    const s = ratingSummary(enterpriseByTag(tag), new Date('2026-11-25T02:00:00Z'));
    const screening = evaluateProcurement(s, {
      asOf: '2026-11-25',
      cutoff: '2026-11-20',
      projectKind: 'works',
    });
    mount('card', { result: { ...done, summary: s, screening } });
    const reason = [...container.querySelectorAll('li')].find((li) => li.textContent?.includes(words));
    expect(reason, `${tag}: no reason says ${words}`).toBeDefined();
    expect(reason?.querySelector('.cite')?.textContent?.trim()).not.toBe('');
  });
});

describe('the card of an SME-rated enterprise', () => {
  it('shows the SME grade with its issuer and explains its scale', () => {
    const sme = enterpriseByTag('edge:sme-BB');
    const s = ratingSummary(sme, new Date('2026-11-25T02:00:00Z'));
    const g = s.grades.find((x) => x.scale === 'sme_credit');
    expect(g).toBeDefined();
    mount('card', { result: { ...done, summary: s } });
    const item = [...container.querySelectorAll('li')].find((li) =>
      li.querySelector('.scale')?.textContent?.startsWith('中小企业信用评价'),
    );
    expect(item?.querySelector('.grade')?.textContent).toContain(g?.value);
    expect(item?.textContent).toContain(
      typeof g?.issuer.name === 'string' ? g.issuer.name : g?.issuer.name.zh,
    );
    expect(item?.querySelector('.scale')?.textContent).toContain('备案');
    // The agency's 备案 number, which tells a filed agency from any other.
    expect(g?.issuer.filingNo).toBeTruthy();
    expect(item?.textContent).toContain(`备案号 ${g?.issuer.filingNo}`);
  });
});

describe('the records a card shows', () => {
  const mountTag = (tag: string) => {
    const s = ratingSummary(enterpriseByTag(tag), new Date('2026-11-25T02:00:00Z'));
    mount('card', {
      result: {
        ...done,
        summary: s,
        screening: evaluateTendering(s, { asOf: '2026-11-25', cutoff: '2026-11-20' }),
      },
    });
    return [...container.querySelectorAll('[data-testid="records"] li')].map((li) => li.textContent ?? '');
  };

  it('lists what is on record with its kind and outcome, an award as an award', () => {
    const lines = mountTag('edge:construction-award');
    expect(lines.some((l) => l.includes('工程建设·良好行为（表彰）'))).toBe(true);
    expect(lines.some((l) => l.includes('黑名单'))).toBe(false);
  });

  it('shows a record the pack weighs as information only (a failed spot check in tendering)', () => {
    const lines = mountTag('edge:quality-failed');
    expect(lines.some((l) => l.includes('产品质量·监督抽查不合格'))).toBe(true);
  });

  it('puts adverse records first and says how many more the full report has', () => {
    const e = enterpriseByTag('edge:construction-blacklist');
    const lines = mountTag('edge:construction-blacklist');
    expect(lines[0]).toContain('建筑市场主体黑名单');
    const shown = ratingSummary(e, new Date('2026-11-25T02:00:00Z')).records;
    if (shown.length > lines.length)
      expect(container.querySelector('[data-testid="records-more"]')?.textContent).toContain(
        String(shown.length - lines.length),
      );
  });

  it('has no records section for a subject with none', () => {
    mount('card');
    expect(container.querySelector('[data-testid="records"]') === null).toBe(summary.records.length === 0);
  });
});

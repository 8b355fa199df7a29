import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ratingSummary } from '../../mock-server/src/catalog.ts';
import { evaluateProcurement } from '../../sdk/src/rules/index.ts';
import { enterpriseByTag, enterprisesByTag } from '../../seeds/index.ts';
import { setLanguage } from '../lib/i18n.ts';
import type { SubjectResult } from '../lib/model.ts';
import { codeSubject, nameSubject } from '../lib/subjects.ts';
import { Badge, type BadgeProps } from './badge.tsx';

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

function mount(overrides: Partial<BadgeProps> = {}) {
  const props: BadgeProps = {
    subject: codeSubject('uscc', clean.subject.uscc, { name: clean.subject.name, role: 'bidder' }),
    result: done,
    cutoff: { date: '2026-11-20', source: 'page' },
    onLookup: vi.fn(),
    onPick: vi.fn(),
    onOpenReport: vi.fn(),
    ...overrides,
  };
  act(() => render(<Badge {...props} />, container));
  const badge = container.querySelector('.badge') as HTMLElement;
  const card = container.querySelector('.card') as HTMLElement;
  return { props, badge, card };
}

const key = (el: HTMLElement, k: string) =>
  act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));

describe('Badge', () => {
  it('is a focusable button named by subject, grade and verdict', () => {
    const { badge } = mount();
    expect(badge.getAttribute('role')).toBe('button');
    expect(badge.getAttribute('tabindex')).toBe('0');
    expect(badge.getAttribute('aria-label')).toBe(`${clean.subject.name}：AAA 主体评级，通过`);
    expect(badge.textContent).toBe('✓AAA 主体评级·通过');
    expect(badge.className).toContain('s-pass');
  });

  it('opens the card with Enter and Space, and closes it with Escape', () => {
    const { badge, card } = mount();
    expect(card.hidden).toBe(true);
    key(badge, 'Enter');
    expect(card.hidden).toBe(false);
    expect(badge.getAttribute('aria-expanded')).toBe('true');
    expect(card.textContent).toContain(clean.subject.uscc);
    expect(card.textContent).toContain('截止时点 2026-11-20（取自页面）');
    key(badge, 'Escape');
    expect(card.hidden).toBe(true);
    key(badge, ' ');
    expect(card.hidden).toBe(false);
  });

  it('opens the side panel from the card', () => {
    const { badge, props } = mount();
    key(badge, 'Enter');
    const button = [...container.querySelectorAll('button')].find((b) => b.textContent === '查看完整报告');
    act(() => button?.click());
    expect(props.onOpenReport).toHaveBeenCalledTimes(1);
  });

  it('shows a name from the page as text, never as markup', () => {
    const hostile = '<img src=x onerror="globalThis.pwned=1">某某有限公司';
    const { badge } = mount({ subject: nameSubject(hostile), result: { state: 'not_found' } });
    key(badge, 'Enter');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.card h2')?.textContent).toBe(hostile);
  });

  it('shortens a long name in the card', () => {
    const long = `${'很长的名称'.repeat(20)}有限公司`;
    const { badge } = mount({ subject: nameSubject(long), result: { state: 'not_found' } });
    key(badge, 'Enter');
    const shown = container.querySelector('.card h2')?.textContent ?? '';
    expect(Array.from(shown)).toHaveLength(60);
    expect(shown.endsWith('…')).toBe(true);
    expect(container.querySelector('.card h2')?.getAttribute('title')).toBe(long);
  });

  it('lets the user pick among same-name candidates', () => {
    const candidates = enterprisesByTag('same-name:1').map((e) => ({
      subject: e.subject,
      confidence: 0.5,
      matchType: 'exact_name' as const,
      sameNameCount: 1,
    }));
    const { badge, props } = mount({
      subject: nameSubject(candidates[0]?.subject.name ?? ''),
      result: { state: 'ambiguous', candidates },
    });
    expect(badge.textContent).toBe('⋯请选择主体');
    key(badge, 'Enter');
    const buttons = container.querySelectorAll('.candidates button');
    expect(buttons).toHaveLength(2);
    act(() => (buttons[1] as HTMLButtonElement).click());
    expect(props.onPick).toHaveBeenCalledWith(candidates[1]?.subject.uscc);
  });

  it('looks up on activation in lookup-on-click mode', () => {
    const { badge, props } = mount({ result: { state: 'idle' } });
    expect(badge.textContent).toBe('○点击查询');
    key(badge, 'Enter');
    expect(props.onLookup).toHaveBeenCalledTimes(1);
  });

  it('follows the language setting', () => {
    setLanguage('en');
    const { badge } = mount({
      result: { state: 'invalid', expectedCheckChar: 'D', message: { zh: '', en: '' } },
    });
    expect(badge.textContent).toBe('#Check character wrong: expected D');
  });
});

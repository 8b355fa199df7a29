import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../core/i18n.ts';
import { defaultSettings, saveSettings } from '../../core/settings.ts';
import { testRoot } from '../../core/ui/test-root.ts';
import type { LoanBusinessNo, LoanTabRecord } from './model.ts';
import { panel } from './panel.tsx';
import { loanRulePack, rulePackRef } from './review.ts';
import { loanTabRecord, showLoanRecord } from './test-record.tsx';

const root = testRoot();

const tab = (businessNo: LoanBusinessNo | null) => loanTabRecord({ tabId: 4, businessNo });

async function printed(record: LoanTabRecord, language: Language): Promise<HTMLElement> {
  await saveSettings({ ...defaultSettings(), language, operator: '张三' });
  await showLoanRecord(record, root, 'business-no');
  return root.querySelector('[data-testid="business-no"]') as HTMLElement;
}

describe('the printed loan record', () => {
  it('prints the 业务编号 read from the page, and where, in zh-CN', async () => {
    const cell = await printed(tab({ value: 'GJJ-DK-2026-110301', readFrom: '业务编号' }), 'zh-CN');
    expect(cell.textContent).toBe('GJJ-DK-2026-110301读自页面“业务编号”');
    expect(cell.closest('tr')?.querySelector('th')?.textContent).toBe('业务编号');
  });

  it('prints the officer’s 业务编号 as entered, in English', async () => {
    const cell = await printed(tab({ value: 'SQ-2026-0042', readFrom: null }), 'en');
    expect(cell.textContent).toBe('SQ-2026-0042entered by the officer');
    expect(cell.closest('tr')?.querySelector('th')?.textContent).toBe('Business reference no.');
  });

  it('prints a dash where there is none', async () => {
    const cell = await printed(tab(null), 'zh-CN');
    expect(cell.textContent).toBe('—');
  });

  it('prints the pack’s source as a name, not a 文号, with a link to it', async () => {
    await saveSettings({ ...defaultSettings(), language: 'zh-CN', operator: '张三' });
    await showLoanRecord(tab(null), root, 'business-no');
    const link = [...root.querySelectorAll<HTMLAnchorElement>('a')].find(
      (a) => a.textContent === '连三累六（行业惯例）',
    );
    expect(link?.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(link?.parentElement?.textContent).toContain('连三累六（行业惯例）（名称，非文号）');
  });
});

describe('a rule pack’s source in the loan side panel', () => {
  it('is marked as a name, not a 文号, and links to where it can be read', async () => {
    const pack = rulePackRef(loanRulePack('wuhan'));
    await act(async () => {
      render(
        <panel.View record={loanTabRecord({ rulePack: pack })} operator="张三" initialKey={null} />,
        root,
      );
    });
    const shown = root.querySelector('[data-testid="pack"]') as HTMLElement;
    expect(shown.textContent).toContain(`${pack.source.citation.documentNo}（名称，非文号）`);
    const link = shown.querySelector('a');
    expect(link?.getAttribute('href')).toBe(pack.source.citation.url);
    expect(link?.textContent).toBe('查看来源');
    expect(link?.getAttribute('rel')).toContain('noreferrer');
  });
});

import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setLanguage } from '../../core/i18n.ts';
import { panel } from './panel.tsx';
import { loanRulePack, rulePackRef } from './review.ts';
import { loanTabRecord } from './test-record.tsx';

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  setLanguage('zh-CN');
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

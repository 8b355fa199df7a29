import { render } from 'preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setLanguage } from '../i18n.ts';

/**
 * The element a file's view tests render into: in the document during each test, with a fresh
 * fake browser; unmounted and taken out after it, the spies restored and the language back to
 * zh-CN.
 */
export function testRoot(): HTMLElement {
  const root = document.createElement('div');
  beforeEach(() => {
    fakeBrowser.reset();
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.restoreAllMocks();
    setLanguage('zh-CN');
  });
  return root;
}

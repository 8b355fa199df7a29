import { describe, expect, it } from 'vitest';
import { documentParsed } from './document-parsed.ts';

const settled = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => {
    done = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  return done;
};

describe('documentParsed', () => {
  it('resolves at once for a document already parsed (a script injected into an open tab)', async () => {
    expect(document.readyState).not.toBe('loading');
    expect(await settled(documentParsed())).toBe(true);
  });

  it('waits while the document is loading, and a DOMContentLoaded the page dispatches itself does not count', async () => {
    const doc = document.implementation.createHTMLDocument('loading');
    Object.defineProperty(doc, 'readyState', { configurable: true, get: () => 'loading' });
    const parsed = documentParsed(doc);
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    expect(await settled(parsed)).toBe(false);
  });
});

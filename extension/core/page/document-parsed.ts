/**
 * The content script starts at the document's start (background/sites.ts) and reads the page
 * once it is parsed.
 */

/**
 * Resolves when the document has been parsed: at once when it already is (a script injected
 * into an open tab), else at the browser's own `DOMContentLoaded`. One the page dispatches
 * itself is not trusted and does not count.
 *
 * @example
 * ```ts
 * await documentParsed();
 * document.body; // the parsed page
 * ```
 */
export function documentParsed(doc: Document = document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => {
    const onParsed = (event: Event) => {
      if (!event.isTrusted && doc.readyState === 'loading') return;
      doc.removeEventListener('DOMContentLoaded', onParsed);
      resolve();
    };
    doc.addEventListener('DOMContentLoaded', onParsed);
  });
}

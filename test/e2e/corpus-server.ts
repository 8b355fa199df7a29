/**
 * The reading corpus (test/fixtures/pages/) served as it is, scripts and all, by a small static
 * server on 127.0.0.1: procurement pages under `/corpus/` (procurement mode runs site-wide on
 * the local sites in the e2e build), loan pages under `/demo/loan-review/` (the e2e build's loan
 * path). Any other address is a 404.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { CorpusExpectation } from '../fixtures/pages/corpus.ts';
import expectations from '../fixtures/pages/expected.json' with { type: 'json' };

const PAGES = join(import.meta.dirname, '../fixtures/pages');

/** Every page of the corpus with what a careful reader finds on it. */
export const corpus = expectations as CorpusExpectation[];

/**
 * The corpus page named `page`.
 *
 * @example
 * ```ts
 * corpusPage('gjj-loan-table.html').must.map((m) => m.part); // ['developer', 'guarantor']
 * ```
 */
export function corpusPage(page: string): CorpusExpectation {
  const found = corpus.find((p) => p.page === page);
  if (!found) throw new Error(`no corpus page ${page}`);
  return found;
}

/**
 * The path a corpus page is served at, by its mode.
 *
 * @example
 * ```ts
 * corpusPath(corpusPage('gjj-loan-table.html')); // '/demo/loan-review/gjj-loan-table.html'
 * ```
 */
export function corpusPath(expected: CorpusExpectation): string {
  return expected.mode === 'loan' ? `/demo/loan-review/${expected.page}` : `/corpus/${expected.page}`;
}

/**
 * Starts the server on an ephemeral port; `close()` stops it.
 *
 * @example
 * ```ts
 * const pages = await serveCorpus();
 * await page.goto(`${pages.origin}${corpusPath(corpusPage('gjj-loan-table.html'))}`);
 * await pages.close();
 * ```
 */
export async function serveCorpus(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const name = (req.url ?? '').split('?')[0]?.split('/').pop() ?? '';
    if (!corpus.some((p) => p.page === name)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not in the corpus');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(PAGES, name)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    // A browser still open keeps its connections alive: close them, or closing waits for it.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

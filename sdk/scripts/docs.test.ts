import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createSlugger, DOCS_DIR, generateDocs, parseDocComment, readEntries, staleFiles } from './docs.ts';

const repoDir = fileURLToPath(new URL('../../', import.meta.url));
const docsDir = join(repoDir, DOCS_DIR);
// One declaration build for the whole file (about a second).
const { files, model } = generateDocs();
const symbols = [...model.symbols.values()];

describe('API reference (docs/api)', () => {
  it('matches a fresh generation', () => {
    expect(staleFiles(files, docsDir), 'docs/api is stale: run `npm run docs` and commit the result').toEqual(
      [],
    );
  });

  it('finds exactly the runtime exports of each entry, through every re-export', async () => {
    expect(model.entries.map((e) => e.specifier)).toEqual([
      '@xinjian/sdk',
      '@xinjian/sdk/evidence',
      '@xinjian/sdk/identifiers',
      '@xinjian/sdk/labels',
      '@xinjian/sdk/rules',
      '@xinjian/sdk/schemas',
    ]);
    for (const entry of readEntries()) {
      const runtime = Object.keys(await import(join(repoDir, 'sdk', entry.source))).sort();
      const documented = model.entries.find((e) => e.specifier === entry.specifier);
      const values = (documented?.exports ?? [])
        .filter((e) => !e.typeOnly && model.symbols.get(e.id)?.kind !== 'interface')
        .filter((e) => model.symbols.get(e.id)?.kind !== 'type')
        .map((e) => e.name)
        .sort();
      expect(values, `value exports of ${entry.specifier}`).toEqual(runtime);
    }
  });

  it('classifies exports by kind and area', () => {
    const find = (name: string) => {
      const s = symbols.find((x) => x.name === name);
      return s && { kind: s.kind, area: s.area, file: s.file };
    };
    expect(find('createClient')).toEqual({ kind: 'function', area: 'client', file: 'sdk/src/client.ts' });
    expect(find('ClientOptions')).toEqual({ kind: 'interface', area: 'client', file: 'sdk/src/client.ts' });
    expect(find('Ratings')).toEqual({
      kind: 'class',
      area: 'resources',
      file: 'sdk/src/resources/ratings.ts',
    });
    expect(find('isRateLimitError')).toEqual({
      kind: 'function',
      area: 'errors',
      file: 'sdk/src/core/errors.ts',
    });
    expect(find('XinjianErrorName')).toEqual({
      kind: 'type',
      area: 'errors',
      file: 'sdk/src/core/errors.ts',
    });
    expect(find('PagePromise')).toEqual({
      kind: 'class',
      area: 'pagination-cache',
      file: 'sdk/src/core/pagination.ts',
    });
    expect(find('USCC_CHARSET')).toEqual({
      kind: 'const',
      area: 'identifiers',
      file: 'sdk/src/identifiers/uscc.ts',
    });
    expect(find('wuhan')).toEqual({ kind: 'const', area: 'rules', file: 'sdk/src/rules/packs/wuhan.ts' });
    expect(find('Product')).toEqual({
      kind: 'schema',
      area: 'schemas',
      file: 'sdk/src/resources/products.ts',
    });
    expect(find('LocalizedText')).toEqual({
      kind: 'schema',
      area: 'schemas',
      file: 'sdk/src/core/schemas.ts',
    });
  });

  it('lists every export of every entry in the index and on its area page', () => {
    const index = files.get('README.md') ?? '';
    const missing: string[] = [];
    for (const entry of model.entries) {
      const section = index.slice(index.indexOf(`### \`${entry.specifier}\``));
      for (const { name, id } of entry.exports) {
        const symbol = model.symbols.get(id);
        const page = files.get(`${symbol?.area}.md`) ?? '';
        if (!section.includes(`[\`${name}\`](${symbol?.area}.md#`))
          missing.push(`${entry.specifier}: ${name} (index)`);
        if (!page.includes(`\n### \`${symbol?.name}\`\n`)) missing.push(`${entry.specifier}: ${name} (page)`);
      }
    }
    expect(missing).toEqual([]);
    expect(index).toContain(`${symbols.length} exports across ${model.entries.length} entries`);
  });

  it('has a TSDoc summary and an @example on every public export', () => {
    const offenders = symbols
      .filter((s) => !s.doc.internal && (!s.doc.summary || s.doc.examples.length === 0))
      .map(
        (s) =>
          `${s.name} (${s.file}): ${[!s.doc.summary && 'no summary', s.doc.examples.length === 0 && 'no @example'].filter(Boolean).join(', ')}`,
      );
    expect(offenders, 'add the missing TSDoc in sdk/src, then run `npm run docs`').toEqual([]);
  });

  it('shows signatures from the declaration build and zod schemas as written', () => {
    const byName = (name: string) => symbols.find((s) => s.name === name);
    expect(byName('createClient')?.signature).toBe(
      'function createClient(options?: ClientOptions): XinjianClient;',
    );
    expect(byName('IsoDate')?.signature).toBe(
      "const IsoDate = z.iso.date({ error: 'expected a calendar date YYYY-MM-DD' });",
    );
    expect(byName('SubjectType')?.signature).toBe(
      [
        "const SubjectType = z.enum(['enterprise', 'individual']).meta({ id: 'SubjectType' });",
        'type SubjectType = z.infer<typeof SubjectType>;',
      ].join('\n'),
    );
    // Private state (`#private`) is not part of the public shape.
    expect(byName('MemoryCache')?.signature).not.toContain('#private');
    expect(byName('MemoryCache')?.signature.split('\n')[0]).toBe(
      'class MemoryCache<T> implements Cache<T> {',
    );
    expect(byName('Products')?.members.map((m) => m.name)).toEqual(['Products.list', 'Products.retrieve']);
  });
});

describe('parseDocComment', () => {
  it('reads the summary and block tags, leaving an @ inside an example alone', () => {
    const doc = parseDocComment(
      [
        '/**',
        ' * Creates a client.',
        ' *',
        ' * @param options - Where and how to connect.',
        ' * @returns The client.',
        ' * @throws RangeError when the URL is invalid.',
        ' * @deprecated Use {@link createClient}.',
        ' * @example',
        ' * ```ts',
        " * import { createClient } from '@xinjian/sdk';",
        ' * @decorated();',
        ' * ```',
        ' */',
      ].join('\n'),
    );
    expect(doc).toEqual({
      summary: 'Creates a client.',
      params: [{ name: 'options', text: 'Where and how to connect.' }],
      returns: 'The client.',
      throws: ['RangeError when the URL is invalid.'],
      see: [],
      examples: ["```ts\nimport { createClient } from '@xinjian/sdk';\n@decorated();\n```"],
      deprecated: 'Use {@link createClient}.',
      internal: false,
    });
  });

  it('wraps an example without a fence and marks @internal', () => {
    expect(parseDocComment('/** @internal */').internal).toBe(true);
    expect(parseDocComment('/**\n * Sum.\n * @example\n * add(1, 2); // 3\n */').examples).toEqual([
      '```ts\nadd(1, 2); // 3\n```',
    ]);
  });
});

describe('createSlugger', () => {
  it('makes GitHub heading anchors, numbering repeats', () => {
    const slug = createSlugger();
    expect(
      ['`DEFAULT_RETRY_POLICY`', '`Page.[Symbol.asyncIterator]`', 'Errors · 错误', 'page', 'Page'].map(slug),
    ).toEqual(['default_retry_policy', 'pagesymbolasynciterator', 'errors--错误', 'page', 'page-1']);
  });
});

describe('staleFiles (--check)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xinjian-docs-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names changed, missing and stray pages', () => {
    for (const [name, content] of files) writeFileSync(join(dir, name), content);
    expect(staleFiles(files, dir)).toEqual([]);
    writeFileSync(join(dir, 'errors.md'), `${files.get('errors.md')}\nedited by hand\n`);
    rmSync(join(dir, 'rules.md'));
    cpSync(join(dir, 'client.md'), join(dir, 'old.md'));
    expect(staleFiles(files, dir)).toEqual([
      'errors.md (changed)',
      'old.md (not generated)',
      'rules.md (missing)',
    ]);
    expect(readFileSync(join(dir, 'client.md'), 'utf8')).toBe(files.get('client.md'));
  });
});

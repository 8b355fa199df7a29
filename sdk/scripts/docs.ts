/**
 * Writes the API reference `docs/api/` from the SDK's TSDoc: `npm run docs`.
 * `--check` exits 1 instead of writing when the committed reference is stale.
 *
 * The declaration build (`tsc -p sdk/tsconfig.build.json`, into a temporary directory) gives the
 * signatures with inferred types and the comments; every export of each entry in
 * `sdk/package.json` is followed through its re-exports to its declaration. Zod schemas are shown
 * as written in the source, because their declared types are too long to read.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const sdkDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = resolve(sdkDir, '..');

/**
 * Where the reference is written, relative to the repository root.
 *
 * @example
 * ```ts
 * writeFileSync(join(repoDir, DOCS_DIR, 'README.md'), files.get('README.md') ?? '');
 * ```
 */
export const DOCS_DIR = 'docs/api';

// ---------------------------------------------------------------------------------------------
// Model

/** How a symbol is shown: a zod schema (with its inferred type) is `schema`, not `const`. */
export type SymbolKind = 'function' | 'class' | 'interface' | 'type' | 'const' | 'schema';

/**
 * Areas of the reference, one page each, in index order.
 *
 * @example
 * ```ts
 * AREAS.map((a) => `${a.id}.md`); // ['client.md', 'resources.md', …]
 * ```
 */
export const AREAS = [
  {
    id: 'client',
    title: 'Client · 客户端',
    blurb: 'Creating a client, per-call options, hooks and retries.',
  },
  {
    id: 'resources',
    title: 'Resources · 资源',
    blurb: 'The resource classes wired to the client (`client.products`, `client.ratings` …).',
  },
  { id: 'errors', title: 'Errors · 错误', blurb: 'The error hierarchy, its guards and serialisation.' },
  {
    id: 'pagination-cache',
    title: 'Pagination and cache · 分页与缓存',
    blurb: 'Async-iterable pages and the pluggable rating cache.',
  },
  {
    id: 'identifiers',
    title: 'Identifiers · 代码与证件号码',
    blurb: 'Validators, parsers, the free-text finder and masking for Chinese identifiers.',
  },
  {
    id: 'rules',
    title: 'Rules · 规则包',
    blurb: 'Rule packs: procurement, tendering and housing-fund checks.',
  },
  {
    id: 'evidence',
    title: 'Evidence · 证据留存',
    blurb: 'The evidence record, RFC 8785 canonical JSON, digests, signatures, CSV and sanitising.',
  },
  { id: 'schemas', title: 'Schemas · 数据契约', blurb: 'The API contract: zod schemas and their types.' },
  { id: 'other', title: 'Other · 其他', blurb: 'Exports that belong to no other area.' },
] as const;

/** One of {@link AREAS}. */
export type AreaId = (typeof AREAS)[number]['id'];

/** A parsed TSDoc comment. */
export interface DocComment {
  summary: string;
  params: { name: string; text: string }[];
  returns: string | undefined;
  throws: string[];
  see: string[];
  examples: string[];
  deprecated: string | undefined;
  internal: boolean;
}

/** A documented class member. */
export interface DocMember {
  name: string;
  signature: string;
  doc: DocComment;
}

/** One exported symbol, wherever it is exported from. */
export interface DocSymbol {
  /** `file#localName`: the declaration it resolves to. */
  id: string;
  /** The public name (the first one, when re-exported under several). */
  name: string;
  aliases: string[];
  kind: SymbolKind;
  /** Source path relative to the repository root, e.g. `sdk/src/core/errors.ts`. */
  file: string;
  area: AreaId;
  /** Package specifiers that export it, e.g. `@xinjian/sdk/identifiers`. */
  entries: string[];
  signature: string;
  doc: DocComment;
  members: DocMember[];
}

/** One package entry and what it exports. */
export interface DocEntry {
  specifier: string;
  file: string;
  doc: DocComment | undefined;
  /** Public name → symbol id, sorted by name. */
  exports: { name: string; id: string; typeOnly: boolean }[];
}

/** Everything the pages are made from. */
export interface DocModel {
  entries: DocEntry[];
  symbols: Map<string, DocSymbol>;
  /** Module comments of source files, by source path. */
  fileDocs: Map<string, DocComment>;
}

// ---------------------------------------------------------------------------------------------
// Tokenizer: enough of TypeScript to split declaration files and find source statements.

interface Token {
  type: 'comment' | 'string' | 'word' | 'punct';
  start: number;
  end: number;
  text: string;
}

const REGEX_AFTER_PUNCT = new Set('(,=:[!&|?{};+-*%<>~^'.split(''));
const REGEX_AFTER_WORD = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'void',
  'yield',
  'await',
]);
const WORD_CHAR = /[\p{L}\p{N}_$#@.\\]/u;

function skipQuoted(src: string, i: number): number {
  const quote = src[i];
  let j = i + 1;
  while (j < src.length && src[j] !== quote) {
    if (src[j] === '\\') j++;
    else if (src[j] === '\n') break;
    j++;
  }
  return j + 1;
}

function skipTemplate(src: string, i: number): number {
  let j = i + 1;
  while (j < src.length) {
    const c = src[j];
    if (c === '\\') j += 2;
    else if (c === '`') return j + 1;
    else if (c === '$' && src[j + 1] === '{') j = tokenize(src, j + 2, true).end;
    else j++;
  }
  return j;
}

function skipRegex(src: string, i: number): number {
  let j = i + 1;
  let inClass = false;
  while (j < src.length && src[j] !== '\n') {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) break;
    j++;
  }
  j++;
  while (j < src.length && /[a-z]/.test(src[j] ?? '')) j++;
  return j;
}

/**
 * Tokens of `src` from `start`. With `untilBrace`, stops after the `}` that closes a `${`
 * substitution and returns its end.
 */
function tokenize(src: string, start = 0, untilBrace = false): { tokens: Token[]; end: number } {
  const tokens: Token[] = [];
  let depth = 0;
  let i = start;
  let prev: Token | undefined;
  while (i < src.length) {
    const c = src[i] ?? '';
    const next = src[i + 1];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    let tok: Token;
    if (c === '/' && next === '/') {
      const end = src.indexOf('\n', i);
      tok = { type: 'comment', start: i, end: end === -1 ? src.length : end, text: '' };
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      tok = { type: 'comment', start: i, end: end === -1 ? src.length : end + 2, text: '' };
    } else if (c === "'" || c === '"') {
      tok = { type: 'string', start: i, end: skipQuoted(src, i), text: '' };
    } else if (c === '`') {
      tok = { type: 'string', start: i, end: skipTemplate(src, i), text: '' };
    } else if (
      c === '/' &&
      (prev === undefined ||
        (prev.type === 'punct' && REGEX_AFTER_PUNCT.has(prev.text)) ||
        (prev.type === 'word' && REGEX_AFTER_WORD.has(prev.text)))
    ) {
      tok = { type: 'string', start: i, end: skipRegex(src, i), text: '' };
    } else if (WORD_CHAR.test(c)) {
      let j = i + 1;
      while (j < src.length && WORD_CHAR.test(src[j] ?? '')) j++;
      tok = { type: 'word', start: i, end: j, text: '' };
    } else {
      if (untilBrace) {
        if (c === '{') depth++;
        else if (c === '}' && depth-- === 0) return { tokens, end: i + 1 };
      }
      tok = { type: 'punct', start: i, end: i + 1, text: '' };
    }
    tok.text = src.slice(tok.start, tok.end);
    tokens.push(tok);
    if (tok.type !== 'comment') prev = tok;
    i = tok.end;
  }
  return { tokens, end: i };
}

interface Statement {
  /** From the first token to the end of the statement. */
  text: string;
  start: number;
  end: number;
  /** JSDoc comments between the previous statement and this one, in order. */
  docs: string[];
  words: string[];
}

const BLOCK_KEYWORDS = new Set(['class', 'interface', 'enum', 'namespace', 'module', 'global']);
const MODIFIERS = new Set([
  'export',
  'declare',
  'default',
  'abstract',
  'async',
  'static',
  'readonly',
  'public',
  'protected',
  'private',
  'override',
  'accessor',
]);

/**
 * Splits declaration-file text into statements. A statement ends at a `;` outside any bracket,
 * or at the `}` closing a class, interface, enum or namespace body. Angle brackets count as
 * brackets (types have no comparisons) except in `=>`.
 */
function splitStatements(src: string): Statement[] {
  const { tokens } = tokenize(src);
  const out: Statement[] = [];
  let docs: string[] = [];
  let first: Token | undefined;
  let words: string[] = [];
  let depth = 0;
  let last: Token | undefined;
  const close = (end: number) => {
    if (first) out.push({ text: src.slice(first.start, end), start: first.start, end, docs, words });
    first = undefined;
    docs = [];
    words = [];
    depth = 0;
  };
  for (const tok of tokens) {
    if (tok.type === 'comment') {
      if (!first && tok.text.startsWith('/**')) docs.push(tok.text);
      continue;
    }
    first ??= tok;
    if (tok.type === 'word' && words.length < 6 && depth === 0) words.push(tok.text);
    if (tok.type === 'punct') {
      const c = tok.text;
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === '<') depth++;
      else if (c === '>' && !(last?.text === '=' && last.end === tok.start)) depth--;
      else if (c === ')' || c === ']') depth--;
      else if (c === '}') {
        depth--;
        const keyword = words.find((w) => !MODIFIERS.has(w));
        if (depth === 0 && keyword !== undefined && BLOCK_KEYWORDS.has(keyword)) {
          close(tok.end);
          last = tok;
          continue;
        }
      } else if (c === ';' && depth === 0) {
        close(tok.end);
        last = tok;
        continue;
      }
    }
    last = tok;
  }
  if (first) close(src.length);
  return out;
}

/** The text of the `export const <name>` statement of a source file, without its comment. */
function findSourceConst(src: string, name: string): string | undefined {
  const match = new RegExp(`^export const ${name.replace(/\$/g, '\\$')}\\b`, 'm').exec(src);
  if (!match) return undefined;
  const { tokens } = tokenize(src, match.index);
  let depth = 0;
  for (const tok of tokens) {
    if (tok.type !== 'punct') continue;
    if ('([{'.includes(tok.text)) depth++;
    else if (')]}'.includes(tok.text)) depth--;
    else if (tok.text === ';' && depth === 0) return src.slice(match.index, tok.end);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// TSDoc

function commentLines(comment: string): string[] {
  const body = comment.replace(/^\/\*\*/, '').replace(/\*\/$/, '');
  const lines = body.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
  if (lines.length === 1) lines[0] = lines[0]?.trim() ?? '';
  return lines;
}

function trimBlock(lines: string[]): string {
  const copy = [...lines];
  while (copy.length > 0 && (copy[0] ?? '').trim() === '') copy.shift();
  while (copy.length > 0 && (copy.at(-1) ?? '').trim() === '') copy.pop();
  return copy.join('\n').trimEnd();
}

/**
 * Parses a `/** … *\/` comment into its summary and block tags. Tags are only recognised at
 * the start of a line outside code fences, so an `@` in an example stays in the example.
 *
 * @example
 * ```ts
 * parseDocComment('/** Sum. *\/').summary; // 'Sum.'
 * ```
 */
export function parseDocComment(comment: string | undefined): DocComment {
  const doc: DocComment = {
    summary: '',
    params: [],
    returns: undefined,
    throws: [],
    see: [],
    examples: [],
    deprecated: undefined,
    internal: false,
  };
  if (comment === undefined) return doc;
  const blocks: { tag: string; lines: string[] }[] = [{ tag: '', lines: [] }];
  let inFence = false;
  for (const line of commentLines(comment)) {
    const tag = inFence ? null : /^\s*@(\w+)\s?(.*)$/.exec(line);
    if (tag) blocks.push({ tag: tag[1] ?? '', lines: [tag[2] ?? ''] });
    else blocks.at(-1)?.lines.push(line);
    if (/^\s*```/.test(line)) inFence = !inFence;
  }
  const remarks: string[] = [];
  for (const { tag, lines } of blocks) {
    const text = trimBlock(lines);
    switch (tag) {
      case '':
        doc.summary = text;
        break;
      case 'remarks':
        remarks.push(text);
        break;
      case 'param':
      case 'typeParam': {
        const m = /^(\S+)\s*(?:-\s*)?([\s\S]*)$/.exec(text);
        if (m) doc.params.push({ name: m[1] ?? '', text: m[2] ?? '' });
        break;
      }
      case 'returns':
      case 'return':
        doc.returns = text;
        break;
      case 'throws':
        doc.throws.push(text);
        break;
      case 'see':
        doc.see.push(text);
        break;
      case 'example':
        doc.examples.push(exampleBlock(lines));
        break;
      case 'deprecated':
        doc.deprecated = text;
        break;
      case 'internal':
        doc.internal = true;
        if (text) doc.summary = doc.summary ? `${doc.summary}\n\n${text}` : text;
        break;
      default:
        remarks.push(`**@${tag}** ${text}`.trim());
    }
  }
  if (remarks.length > 0) doc.summary = [doc.summary, ...remarks].filter(Boolean).join('\n\n');
  return doc;
}

/** An `@example` body as Markdown: a title line (if any) and a fenced block. */
function exampleBlock(lines: string[]): string {
  const [title = '', ...rest] = lines;
  const body = trimBlock(rest);
  const code = /^\s*```/.test(body) ? body : body ? `\`\`\`ts\n${body}\n\`\`\`` : '';
  return [title.trim() ? `_${title.trim()}_` : '', code].filter(Boolean).join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Declaration files → symbols

interface Decl {
  kind: 'function' | 'class' | 'interface' | 'type' | 'const' | 'enum' | 'namespace';
  name: string;
  text: string;
  doc: string | undefined;
}

interface ModuleInfo {
  /** Path relative to the declaration root, e.g. `core/errors.d.ts`. */
  path: string;
  doc: string | undefined;
  decls: Map<string, Decl[]>;
  /** Exported name → local name, for exports of this module's own declarations. */
  locals: Map<string, string>;
  /** Exported name → where it comes from (`export { a as b } from`, or an import exported). */
  forwards: Map<string, { module: string; name: string; typeOnly: boolean }>;
  stars: string[];
  imports: Map<string, { module: string; name: string }>;
  typeOnly: Set<string>;
}

function moduleSpecifier(text: string): string | undefined {
  return /\bfrom\s+(['"])(.*?)\1/.exec(text)?.[2];
}

function parseSpecifiers(text: string): { name: string; alias: string; typeOnly: boolean }[] {
  const inner = /\{([\s\S]*?)\}/.exec(text)?.[1] ?? '';
  const listTypeOnly = /^(?:export|import)\s+type\s*\{/.test(text);
  return inner
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = /^(type\s+)?([\w$]+)(?:\s+as\s+([\w$]+))?$/.exec(s);
      if (!m) throw new Error(`cannot read specifier "${s}"`);
      const name = m[2] ?? '';
      return { name, alias: m[3] ?? name, typeOnly: listTypeOnly || m[1] !== undefined };
    });
}

function parseModule(root: string, path: string): ModuleInfo {
  const src = readFileSync(join(root, path), 'utf8');
  const info: ModuleInfo = {
    path,
    doc: undefined,
    decls: new Map(),
    locals: new Map(),
    forwards: new Map(),
    stars: [],
    imports: new Map(),
    typeOnly: new Set(),
  };
  const statements = splitStatements(src);
  const resolveFrom = (spec: string) => resolveModule(root, path, spec);
  statements.forEach((st, index) => {
    const [w0] = st.words;
    const isDeclaration = !(w0 === 'import' || (w0 === 'export' && /^export\s+(type\s*)?[{*]/.test(st.text)));
    // A file's own comment: the first one, when a declaration comment or an import follows it.
    if (index === 0 && st.docs.length > 0 && (!isDeclaration || st.docs.length > 1)) info.doc = st.docs[0];
    const doc = isDeclaration ? st.docs.at(-1) : undefined;
    if (w0 === 'import') {
      const spec = moduleSpecifier(st.text);
      if (spec === undefined || !st.text.includes('{')) return;
      for (const s of parseSpecifiers(st.text))
        info.imports.set(s.alias, { module: resolveFrom(spec), name: s.name });
      return;
    }
    if (w0 === 'export' && !isDeclaration) {
      const spec = moduleSpecifier(st.text);
      if (/^export\s*\*\s*as\b/.test(st.text)) throw new Error(`${path}: \`export * as\` is not supported`);
      if (/^export\s*\*/.test(st.text)) {
        if (spec !== undefined) info.stars.push(resolveFrom(spec));
        return;
      }
      for (const s of parseSpecifiers(st.text)) {
        if (spec !== undefined) {
          info.forwards.set(s.alias, { module: resolveFrom(spec), name: s.name, typeOnly: s.typeOnly });
        } else {
          info.locals.set(s.alias, s.name);
          if (s.typeOnly) info.typeOnly.add(s.alias);
        }
      }
      return;
    }
    const words = st.words.filter((w) => !MODIFIERS.has(w));
    const keyword = words[0];
    const name = words[1]?.replace(/[<(:].*$/, '');
    if (keyword === undefined || name === undefined) return;
    const kind = (
      {
        function: 'function',
        class: 'class',
        interface: 'interface',
        type: 'type',
        const: 'const',
        let: 'const',
        var: 'const',
        enum: 'enum',
        namespace: 'namespace',
      } as const
    )[keyword as 'function'];
    if (kind === undefined) return;
    const list = info.decls.get(name) ?? [];
    list.push({ kind, name, text: st.text, doc });
    info.decls.set(name, list);
    if (w0 === 'export') info.locals.set(name, name);
  });
  // An imported name exported by `export { name }` is a forward.
  for (const [exported, local] of [...info.locals]) {
    const imported = info.imports.get(local);
    if (imported && !info.decls.has(local)) {
      info.locals.delete(exported);
      info.forwards.set(exported, { ...imported, typeOnly: info.typeOnly.has(exported) });
    }
  }
  return info;
}

/** A relative specifier → declaration path under the root; anything else stays as it is. */
function resolveModule(root: string, from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  const base = posix.join(posix.dirname(from), spec).replace(/\.(ts|js|mts|mjs|tsx)$/, '');
  for (const candidate of [`${base}.d.ts`, `${base}/index.d.ts`]) {
    if (existsSync(join(root, candidate))) return candidate;
  }
  throw new Error(`${from}: cannot resolve '${spec}'`);
}

interface Resolved {
  module: string;
  name: string;
  typeOnly: boolean;
}

class Resolver {
  readonly root: string;
  readonly modules = new Map<string, ModuleInfo>();
  readonly #exports = new Map<string, Map<string, Resolved>>();

  constructor(root: string) {
    this.root = root;
  }

  module(path: string): ModuleInfo {
    let info = this.modules.get(path);
    if (!info) {
      info = parseModule(this.root, path);
      this.modules.set(path, info);
    }
    return info;
  }

  /** Every export of a module, followed to the module that declares it. */
  exportsOf(path: string, seen: Set<string> = new Set()): Map<string, Resolved> {
    const cached = this.#exports.get(path);
    if (cached) return cached;
    if (seen.has(path)) return new Map();
    seen.add(path);
    const out = new Map<string, Resolved>();
    if (!path.endsWith('.d.ts'))
      throw new Error(`re-export from the external module '${path}' is not supported`);
    const info = this.module(path);
    for (const [name, local] of info.locals) {
      out.set(name, { module: path, name: local, typeOnly: info.typeOnly.has(name) });
    }
    for (const [name, fwd] of info.forwards) {
      const target = this.exportsOf(fwd.module, seen).get(fwd.name);
      if (!target) throw new Error(`${path}: '${fwd.name}' is not exported by ${fwd.module}`);
      out.set(name, { ...target, typeOnly: target.typeOnly || fwd.typeOnly });
    }
    // `export *` never overrides an explicit export; two stars naming different symbols cancel out.
    const fromStars = new Map<string, Resolved | null>();
    for (const star of info.stars) {
      for (const [name, target] of this.exportsOf(star, seen)) {
        if (out.has(name) || name === 'default') continue;
        const earlier = fromStars.get(name);
        if (earlier === undefined) fromStars.set(name, target);
        else if (earlier && (earlier.module !== target.module || earlier.name !== target.name))
          fromStars.set(name, null);
        // The same symbol through two stars is a value when either path exports the value.
        else if (earlier) fromStars.set(name, { ...earlier, typeOnly: earlier.typeOnly && target.typeOnly });
      }
    }
    for (const [name, target] of fromStars) if (target) out.set(name, target);
    this.#exports.set(path, out);
    return out;
  }
}

const ZOD_TYPE = /^(?:z\.)?(?:Zod[A-Z]\w*|core\.)/;

function constType(text: string): string {
  return /^[^:=]*?\bconst\s+[\w$]+\s*:\s*([\s\S]*?);?$/.exec(text)?.[1]?.trim() ?? '';
}

function classify(decls: Decl[]): SymbolKind {
  const kinds = new Set(decls.map((d) => d.kind));
  if (kinds.has('class')) return 'class';
  if (kinds.has('function')) return 'function';
  const constDecl = decls.find((d) => d.kind === 'const');
  if (constDecl) {
    const type = constType(constDecl.text);
    if (ZOD_TYPE.test(type)) return 'schema';
    if (!kinds.has('type') && /^(?:<[\s\S]*?>\s*)?\(/.test(type) && type.includes('=>')) return 'function';
    return 'const';
  }
  if (kinds.has('interface')) return 'interface';
  if (kinds.has('enum')) return 'const';
  return 'type';
}

/** Re-indents declaration output (4 spaces a level) to the house 2. */
function reindent(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const n = /^ */.exec(line)?.[0].length ?? 0;
      return ' '.repeat(Math.floor(n / 4) * 2 + (n % 4)) + line.slice(n);
    })
    .join('\n');
}

function stripExport(text: string): string {
  return text.replace(/^export\s+/, '').replace(/^declare\s+/, '');
}

/** Splits `text` at top-level occurrences of `sep` (outside brackets, strings and arrows). */
function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  const { tokens } = tokenize(text);
  for (const tok of tokens) {
    if (tok.type !== 'punct') continue;
    const c = tok.text;
    if ('([{<'.includes(c)) depth++;
    else if (')]}'.includes(c) || (c === '>' && text[tok.start - 1] !== '=')) depth--;
    else if (c === sep && depth === 0) {
      parts.push(text.slice(from, tok.start).trim());
      from = tok.end;
    }
  }
  parts.push(text.slice(from).trim());
  return parts;
}

const MAX_LINE = 100;

/** Breaks a long one-line function signature or union alias over several lines. */
function wrapLong(line: string): string {
  if (line.length <= MAX_LINE || line.includes('\n')) return line;
  const union = /^(type\s+[\w$]+(?:<[^=]*>)?\s*=\s*)([\s\S]*);$/.exec(line);
  if (union) {
    const parts = splitTopLevel(union[2] ?? '', '|').filter(Boolean);
    if (parts.length > 1) return `${(union[1] ?? '').trimEnd()}\n${parts.map((p) => `  | ${p}`).join('\n')};`;
    return line;
  }
  if (/^(?:class|interface|type)\s/.test(line)) return line;
  // The parameter list: the first `(` outside type parameters, up to its match.
  let depth = 0;
  let open = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '<') depth++;
    else if (c === '>' && line[i - 1] !== '=') depth--;
    else if (c === '(' && depth === 0) {
      open = i;
      break;
    }
  }
  if (open === -1) return line;
  let close = -1;
  depth = 0;
  for (let i = open; i < line.length; i++) {
    const c = line[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) {
      close = i;
      break;
    }
  }
  if (close === -1) return line;
  const params = splitTopLevel(line.slice(open + 1, close), ',').filter(Boolean);
  if (params.length === 0) return line;
  return `${line.slice(0, open + 1)}\n${params.map((p) => `  ${p},`).join('\n')}\n${line.slice(close)}`;
}

function signatureOf(decl: Decl): string {
  return wrapLong(reindent(stripExport(decl.text)));
}

function memberName(text: string): string {
  const words = text.replace(
    /^(?:(?:static|readonly|public|protected|abstract|override|accessor|declare|get|set|async)\s+)+/,
    '',
  );
  if (words.startsWith('constructor')) return 'constructor';
  const m = /^(\[[^\]]*\]|[\w$#]+|'[^']*'|"[^"]*")/.exec(words);
  return m?.[1] ?? words.slice(0, 20);
}

/** A class's signature with its public members, and the members that have their own TSDoc. */
function classParts(decl: Decl): { signature: string; members: DocMember[] } {
  const text = decl.text;
  // The body starts at the first `{` outside the header's type arguments.
  let depth = 0;
  let bodyStart = -1;
  const { tokens } = tokenize(text);
  for (const tok of tokens) {
    if (tok.type !== 'punct') continue;
    if (tok.text === '<' || tok.text === '(' || tok.text === '[') depth++;
    else if ((tok.text === '>' && text[tok.start - 1] !== '=') || tok.text === ')' || tok.text === ']')
      depth--;
    else if (tok.text === '{' && depth === 0) {
      bodyStart = tok.start;
      break;
    }
  }
  const header = stripExport(text.slice(0, bodyStart).trim());
  const body = text.slice(bodyStart + 1, text.lastIndexOf('}'));
  const lines: string[] = [];
  const members: DocMember[] = [];
  const className = decl.name;
  for (const st of splitStatements(body)) {
    if (st.text.startsWith('#private') || /^private\s/.test(st.text)) continue;
    const doc = parseDocComment(st.docs.at(-1));
    if (doc.internal) continue;
    // Keep the member's own indentation for its continuation lines.
    const lineStart = body.lastIndexOf('\n', st.start) + 1;
    const written = reindent(body.slice(lineStart, st.end)).replace(/^\s+/, '');
    // A one-line member may be wrapped here; a multi-line one already has its class indentation.
    const oneLine = !written.includes('\n');
    const signature = oneLine ? wrapLong(written) : written.replace(/\n {2}/g, '\n');
    lines.push(oneLine ? signature.replace(/^/gm, '  ') : `  ${written}`);
    if (st.docs.length > 0) members.push({ name: `${className}.${memberName(st.text)}`, signature, doc });
  }
  return { signature: [`${header} {`, ...lines, '}'].join('\n'), members };
}

function areaOf(file: string, inSchemasEntry: boolean): AreaId {
  const rel = file.replace(/^sdk\/src\//, '');
  if (rel.startsWith('identifiers/')) return 'identifiers';
  if (rel.startsWith('rules/')) return 'rules';
  if (rel.startsWith('evidence/')) return 'evidence';
  if (rel === 'core/errors.ts') return 'errors';
  if (rel === 'core/pagination.ts' || rel === 'core/cache.ts') return 'pagination-cache';
  if (rel === 'core/schemas.ts' || rel === 'core/records.ts') return 'schemas';
  if (rel.startsWith('resources/')) return inSchemasEntry ? 'schemas' : 'resources';
  if (['client.ts', 'core/http.ts', 'core/retry.ts', 'core/resource.ts'].includes(rel)) return 'client';
  return 'other';
}

/**
 * Package entries from `sdk/package.json`: specifier → source path under `sdk/`.
 *
 * @example
 * ```ts
 * readEntries()[0]; // { specifier: '@xinjian/sdk', source: 'src/index.ts' }
 * ```
 */
export function readEntries(): { specifier: string; source: string }[] {
  const pkg = JSON.parse(readFileSync(join(sdkDir, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, string | { source?: string }>;
  };
  // An entry's TypeScript source is its `source` condition; JSON and package.json have none.
  return Object.entries(pkg.exports).flatMap(([key, target]) => {
    const source = typeof target === 'string' ? target : target.source;
    if (source === undefined || !/^\.\/src\/.*\.ts$/.test(source)) return [];
    return [
      {
        specifier: key === '.' ? pkg.name : `${pkg.name}/${key.replace(/^\.\//, '')}`,
        source: source.replace(/^\.\//, ''),
      },
    ];
  });
}

/**
 * Runs the SDK's declaration build into `outDir`; returns tsc's diagnostics (empty when clean).
 *
 * @example
 * ```ts
 * const diagnostics = buildDeclarations(mkdtempSync(join(tmpdir(), 'dts-')));
 * ```
 */
export function buildDeclarations(outDir: string): string {
  const tsc = join(repoDir, 'node_modules/typescript/bin/tsc');
  const result = spawnSync(
    process.execPath,
    [
      tsc,
      '-p',
      join(sdkDir, 'tsconfig.build.json'),
      '--outDir',
      outDir,
      '--emitDeclarationOnly',
      '--declarationMap',
      'false',
      '--sourceMap',
      'false',
      '--pretty',
      'false',
    ],
    { cwd: repoDir, encoding: 'utf8' },
  );
  if (result.error) throw result.error;
  return result.status === 0 ? '' : `${result.stdout}${result.stderr}`.trim();
}

const byName = (a: string, b: string) => {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
};

/**
 * Reads the declaration build under `dtsRoot` (and the sources for schemas) into a model.
 *
 * @example
 * ```ts
 * const model = collectModel(outDir);
 * model.entries.map((e) => e.specifier); // ['@xinjian/sdk', '@xinjian/sdk/identifiers', …]
 * ```
 */
export function collectModel(dtsRoot: string): DocModel {
  const resolver = new Resolver(dtsRoot);
  const entries: DocEntry[] = [];
  const symbols = new Map<string, DocSymbol>();
  const schemasEntry = readEntries().find((e) => e.specifier.endsWith('/schemas'));
  const schemaIds = new Set<string>();
  if (schemasEntry) {
    const path = schemasEntry.source.replace(/^src\//, '').replace(/\.ts$/, '.d.ts');
    for (const target of resolver.exportsOf(path).values()) schemaIds.add(`${target.module}#${target.name}`);
  }
  for (const entry of readEntries()) {
    const path = entry.source.replace(/^src\//, '').replace(/\.ts$/, '.d.ts');
    const exported = resolver.exportsOf(path);
    const docEntry: DocEntry = {
      specifier: entry.specifier,
      file: `sdk/${entry.source}`,
      doc: resolver.module(path).doc === undefined ? undefined : parseDocComment(resolver.module(path).doc),
      exports: [],
    };
    for (const [name, target] of [...exported].sort(([a], [b]) => byName(a, b))) {
      const id = `${target.module}#${target.name}`;
      docEntry.exports.push({ name, id, typeOnly: target.typeOnly });
      const existing = symbols.get(id);
      if (existing) {
        if (!existing.entries.includes(entry.specifier)) existing.entries.push(entry.specifier);
        if (name !== existing.name && !existing.aliases.includes(name)) existing.aliases.push(name);
        continue;
      }
      const info = resolver.module(target.module);
      const decls = info.decls.get(target.name);
      if (!decls || decls.length === 0)
        throw new Error(`${target.module}: no declaration of '${target.name}'`);
      const file = `sdk/src/${target.module.replace(/\.d\.ts$/, '.ts')}`;
      const kind = classify(decls);
      const docDecl = decls.find((d) => d.kind === 'const' && d.doc) ?? decls.find((d) => d.doc);
      let signature: string;
      let members: DocMember[] = [];
      if (kind === 'class') {
        const classDecl = decls.find((d) => d.kind === 'class') as Decl;
        ({ signature, members } = classParts(classDecl));
      } else if (kind === 'schema') {
        const source = readFileSync(join(repoDir, file), 'utf8');
        const constDecl = decls.find((d) => d.kind === 'const') as Decl;
        const written = findSourceConst(source, target.name);
        signature = [
          written === undefined ? signatureOf(constDecl) : stripExport(written),
          ...decls.filter((d) => d.kind !== 'const').map(signatureOf),
        ].join('\n');
      } else {
        signature = decls.map(signatureOf).join('\n');
      }
      symbols.set(id, {
        id,
        name,
        aliases: [],
        kind,
        file,
        area: areaOf(file, schemaIds.has(id)),
        entries: [entry.specifier],
        signature,
        doc: parseDocComment(docDecl?.doc),
        members,
      });
    }
    entries.push(docEntry);
  }
  const fileDocs = new Map<string, DocComment>();
  for (const info of resolver.modules.values()) {
    if (info.doc !== undefined)
      fileDocs.set(`sdk/src/${info.path.replace(/\.d\.ts$/, '.ts')}`, parseDocComment(info.doc));
  }
  return { entries, symbols, fileDocs };
}

// ---------------------------------------------------------------------------------------------
// Markdown

/**
 * GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, `-1` on repeats.
 *
 * @example
 * ```ts
 * const slug = createSlugger();
 * slug('`Page`'); // 'page'
 * slug('page'); // 'page-1'
 * ```
 */
export function createSlugger(): (heading: string) => string {
  const seen = new Map<string, number>();
  return (heading) => {
    const base = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}

function pageFile(area: AreaId): string {
  return `${area}.md`;
}

function firstSentence(text: string): string {
  const para = (text.split(/\n\s*\n/)[0] ?? '').replace(/\s*\n\s*/g, ' ').trim();
  if (para.length <= 160) return para;
  const m = /^[\s\S]*?(?<!\b(?:e\.g|i\.e|etc|vs|cf|No))[.。](?=\s|$)/.exec(para);
  return m ? m[0] : para;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

interface Anchors {
  /** Symbol id → `page.md#anchor`. */
  symbols: Map<string, string>;
  /** Public name (and `Class.member`) → `page.md#anchor`, for `{@link}`. */
  names: Map<string, string>;
}

function linkText(text: string, anchors: Anchors, fromPage: string): string {
  // Inline code stays as it is; `{@link X}` elsewhere becomes a link when X is documented.
  return text
    .split(/(```[\s\S]*?```|`[^`\n]*`)/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part.replace(
        /\{@link\s+([^\s}|]+)\s*(?:\|\s*)?([^}]*)\}/g,
        (_, target: string, label: string) => {
          const shown = label.trim() || target;
          const href = anchors.names.get(target) ?? anchors.names.get(target.split('.')[0] ?? '');
          if (!href) return `\`${shown}\``;
          const local = href.startsWith(`${fromPage}#`) ? href.slice(fromPage.length) : href;
          return `[\`${shown}\`](${local})`;
        },
      );
    })
    .join('');
}

function renderDoc(doc: DocComment, anchors: Anchors, page: string, out: string[], exampleHeading: string) {
  if (doc.deprecated !== undefined) {
    out.push(`> **Deprecated.** ${linkText(doc.deprecated, anchors, page)}`.trimEnd(), '');
  }
  if (doc.summary) out.push(linkText(doc.summary, anchors, page), '');
  if (doc.params.length > 0) {
    out.push('**Parameters**', '');
    for (const p of doc.params) out.push(`- \`${p.name}\`: ${linkText(p.text, anchors, page)}`);
    out.push('');
  }
  if (doc.returns) out.push(`**Returns** ${linkText(doc.returns, anchors, page)}`, '');
  for (const t of doc.throws) out.push(`**Throws** ${linkText(t, anchors, page)}`, '');
  for (const s of doc.see) out.push(`**See** ${linkText(s, anchors, page)}`, '');
  for (const example of doc.examples) out.push(exampleHeading, '', example, '');
}

/** Long declarations (rule-pack data, large schemas) fold away so the page stays scannable. */
const FOLD_LINES = 60;

function codeBlock(code: string): string[] {
  const block = ['```ts', code, '```', ''];
  const lines = code.split('\n').length;
  if (lines <= FOLD_LINES) return block;
  return [`<details><summary>Declaration (${lines} lines)</summary>`, '', ...block, '</details>', ''];
}

function areaSymbols(model: DocModel, area: AreaId): Map<string, DocSymbol[]> {
  const byFile = new Map<string, DocSymbol[]>();
  const list = [...model.symbols.values()].filter((s) => s.area === area && !s.doc.internal);
  for (const file of [...new Set(list.map((s) => s.file))].sort()) {
    byFile.set(
      file,
      list.filter((s) => s.file === file).sort((a, b) => byName(a.name, b.name)),
    );
  }
  return byFile;
}

function renderArea(
  model: DocModel,
  area: (typeof AREAS)[number],
  anchors: Anchors,
  record: boolean,
): string {
  const page = pageFile(area.id);
  const slug = createSlugger();
  const out: string[] = [];
  const heading = (level: number, text: string) => {
    out.push(`${'#'.repeat(level)} ${text}`, '');
    return slug(text.replace(/`/g, ''));
  };
  heading(1, area.title);
  out.push(`[API reference](README.md) › ${area.title.split(' · ')[0]}`, '', area.blurb, '');
  const groups = areaSymbols(model, area.id);
  heading(2, 'Contents');
  for (const [file, symbols] of groups) {
    out.push(`- \`${file}\`: ${symbols.map((s) => `[\`${s.name}\`](#${s.name.toLowerCase()})`).join(', ')}`);
  }
  out.push('');
  // The contents list above is fixed up after the headings have their real anchors.
  const contentsAt = out.length - 1 - groups.size;
  for (const [file, symbols] of groups) {
    heading(2, `\`${file}\``);
    const fileDoc = model.fileDocs.get(file);
    out.push(`Source: [${file}](../../${file})`, '');
    if (fileDoc?.summary) out.push(linkText(fileDoc.summary, anchors, page), '');
    for (const s of symbols) {
      const anchor = heading(3, `\`${s.name}\``);
      if (record) {
        anchors.symbols.set(s.id, `${page}#${anchor}`);
        for (const n of [s.name, ...s.aliases]) anchors.names.set(n, `${page}#${anchor}`);
      }
      const aliases =
        s.aliases.length > 0 ? ` · also exported as ${s.aliases.map((a) => `\`${a}\``).join(', ')}` : '';
      out.push(`_${s.kind}_ · ${s.entries.map((e) => `\`${e}\``).join(', ')}${aliases}`, '');
      out.push(...codeBlock(s.signature));
      renderDoc(s.doc, anchors, page, out, '**Example**');
      for (const m of s.members) {
        const memberAnchor = heading(4, `\`${m.name}\``);
        if (record) anchors.names.set(m.name, `${page}#${memberAnchor}`);
        out.push(...codeBlock(m.signature));
        renderDoc(m.doc, anchors, page, out, '**Example**');
      }
    }
  }
  let i = contentsAt;
  for (const [file, symbols] of groups) {
    out[i++] =
      `- \`${file}\`: ` +
      symbols
        .map((s) => {
          const href = anchors.symbols.get(s.id) ?? '';
          return `[\`${s.name}\`](${href.slice(page.length)})`;
        })
        .join(', ');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function renderIndex(model: DocModel, anchors: Anchors): string {
  const out: string[] = [];
  const symbols = [...model.symbols.values()].filter((s) => !s.doc.internal);
  const areas = AREAS.filter((a) => symbols.some((s) => s.area === a.id));
  out.push(
    '# Xinjian SDK API reference · API 参考',
    '',
    `Generated from the TSDoc in \`sdk/src\` by \`npm run docs\`; edit the comments there, not these pages. ` +
      `${symbols.length} exports across ${model.entries.length} entries.`,
    '',
    '## By area',
    '',
  );
  for (const area of areas) {
    out.push(
      `### [${area.title}](${pageFile(area.id)})`,
      '',
      area.blurb,
      '',
      '| Export | Kind | Summary |',
      '| --- | --- | --- |',
    );
    const list = symbols.filter((s) => s.area === area.id).sort((a, b) => byName(a.name, b.name));
    for (const s of list) {
      out.push(
        `| [\`${s.name}\`](${anchors.symbols.get(s.id) ?? ''}) | ${s.kind} | ${cell(linkText(firstSentence(s.doc.summary), anchors, 'README.md'))} |`,
      );
    }
    out.push('');
  }
  out.push('## By entry', '');
  for (const entry of model.entries) {
    out.push(`### \`${entry.specifier}\``, '', `Source: [${entry.file}](../../${entry.file})`, '');
    if (entry.doc?.summary) out.push(linkText(entry.doc.summary, anchors, 'README.md'), '');
    for (const example of entry.doc?.examples ?? []) out.push(example, '');
    const names = entry.exports
      .filter((e) => !model.symbols.get(e.id)?.doc.internal)
      .map((e) => `[\`${e.name}\`](${anchors.symbols.get(e.id) ?? ''})`);
    out.push(`${names.length} exports: ${names.join(' · ')}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * The reference as `file name → Markdown`, in a stable order.
 *
 * @example
 * ```ts
 * [...renderDocs(model).keys()]; // ['README.md', 'client.md', …]
 * ```
 */
export function renderDocs(model: DocModel): Map<string, string> {
  const anchors: Anchors = { symbols: new Map(), names: new Map() };
  const areas = AREAS.filter((a) =>
    [...model.symbols.values()].some((s) => s.area === a.id && !s.doc.internal),
  );
  // First pass: anchors only, so links can point across pages.
  for (const area of areas) renderArea(model, area, anchors, true);
  const files = new Map<string, string>();
  files.set('README.md', renderIndex(model, anchors));
  for (const area of areas) files.set(pageFile(area.id), renderArea(model, area, anchors, false));
  return files;
}

/**
 * Builds the declarations, reads them and renders the reference.
 *
 * @example
 * ```ts
 * const { files, diagnostics } = generateDocs();
 * ```
 */
export function generateDocs(): { files: Map<string, string>; model: DocModel; diagnostics: string } {
  const outDir = mkdtempSync(join(tmpdir(), 'xinjian-docs-'));
  try {
    const diagnostics = buildDeclarations(outDir);
    const model = collectModel(outDir);
    return { files: renderDocs(model), model, diagnostics };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * Files under `dir` that differ from `files`: changed, missing or not generated.
 *
 * @example
 * ```ts
 * staleFiles(generateDocs().files, 'docs/api'); // [] when up to date, else ['errors.md (changed)', …]
 * ```
 */
export function staleFiles(files: Map<string, string>, dir: string): string[] {
  const stale: string[] = [];
  const present = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')) : [];
  for (const [name, content] of files) {
    const path = join(dir, name);
    if (!existsSync(path)) stale.push(`${name} (missing)`);
    else if (readFileSync(path, 'utf8') !== content) stale.push(`${name} (changed)`);
  }
  for (const name of present) if (!files.has(name)) stale.push(`${name} (not generated)`);
  return stale.sort();
}

if (import.meta.main) {
  const target = join(repoDir, DOCS_DIR);
  const { files, diagnostics } = generateDocs();
  if (diagnostics) console.error(`tsc reported errors; the reference may show them:\n${diagnostics}`);
  const stale = staleFiles(files, target);
  if (process.argv.includes('--check')) {
    if (stale.length > 0) {
      console.error(
        `${DOCS_DIR} is stale (${stale.join(', ')}): run \`npm run docs\` and commit the result.`,
      );
      process.exit(1);
    }
    console.log(`${DOCS_DIR} is up to date.`);
  } else if (stale.length === 0) {
    console.log(`${DOCS_DIR} is up to date.`);
  } else {
    mkdirSync(target, { recursive: true });
    for (const name of stale.filter((s) => s.endsWith('(not generated)'))) {
      rmSync(join(target, name.replace(/ \(.*$/, '')));
    }
    for (const [name, content] of files) writeFileSync(join(target, name), content);
    console.log(`wrote ${relative(repoDir, target)}/ (${files.size} files)`);
  }
}

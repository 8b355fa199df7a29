/**
 * `npm run build` of a workspace package (run from its folder): a clean `dist/` from
 * `tsconfig.build.json`, then relative `.ts` specifiers in the emitted declarations rewritten to
 * `.js`. tsc's `rewriteRelativeImportExtensions` rewrites the JavaScript but leaves `.d.ts`
 * files importing `./x.ts`, which a consumer without `allowImportingTsExtensions` rejects.
 * `--copy FROM:TO` (repeatable) copies data files the package reads at run time.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { copy: { type: 'string', multiple: true, default: [] } } });

const dist = join(process.cwd(), 'dist');
rmSync(dist, { recursive: true, force: true });
execFileSync('tsc', ['-p', 'tsconfig.build.json'], { stdio: 'inherit' });

// `from './a.ts'`, `import('./a.ts')`, `declare module './a.ts'`: relative specifiers only.
const SPECIFIER = /((?:from|import\(|module)\s*['"])(\.{1,2}\/[^'"]*?)\.(m|c)?ts(['"])/g;

let rewritten = 0;
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.d\.[mc]?ts$/.test(entry.name)) continue;
  const file = join(entry.parentPath, entry.name);
  const text = readFileSync(file, 'utf8');
  const next = text.replace(SPECIFIER, (_m, head: string, path: string, kind = '', tail: string) => {
    rewritten += 1;
    return `${head}${path}.${kind}js${tail}`;
  });
  if (next !== text) writeFileSync(file, next);
}
for (const pair of values.copy) {
  const [from, to] = pair.split(':');
  if (!from || !to) throw new Error(`--copy wants FROM:TO, got ${pair}`);
  cpSync(from, to, { recursive: true });
}
console.log(`built ${dist} (${rewritten} declaration specifiers rewritten)`);

/**
 * The extension's shape, as a test: the core knows no mode, modes do not reach into one
 * another, the SDK is imported by package name, and every mode brings what the product needs of
 * it (a demo page with its saved fixture, strings in both languages, a browser test).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../mock-server/src/pages.ts';
import { MODES } from './core/modes.ts';

const ROOT = process.cwd();
const EXTENSION = join(ROOT, 'extension');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

// Static imports and re-exports only; import.meta.glob patterns are how the core finds modes.
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm)].map(
    (m) => m[1] ?? '',
  );
}

const files = sources(EXTENSION).map((f) => relative(EXTENSION, f));

describe('extension architecture', () => {
  it('keeps the core free of mode imports', () => {
    const offenders = files
      .filter((f) => f.startsWith('core/'))
      .flatMap((f) =>
        importsOf(join(EXTENSION, f))
          .filter((s) => /(^|\/)modes\//.test(s))
          .map((s) => `${f} → ${s}`),
      );
    expect(offenders).toEqual([]);
  });

  it('keeps each mode to its own folder', () => {
    const offenders = files
      .filter((f) => f.startsWith('modes/'))
      .flatMap((f) => {
        const own = f.split('/')[1];
        return importsOf(join(EXTENSION, f))
          .filter((s) => s.startsWith('.'))
          .filter((s) => {
            const target = relative(EXTENSION, join(dirname(join(EXTENSION, f)), s));
            return target.startsWith('modes/') && target.split('/')[1] !== own;
          })
          .map((s) => `${f} → ${s}`);
      });
    expect(offenders).toEqual([]);
  });

  it('imports the SDK by package name, never by path', () => {
    const offenders = files.flatMap((f) =>
      importsOf(join(EXTENSION, f))
        .filter((s) => /(^|\/)sdk\/src\//.test(s))
        .map((s) => `${f} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps every loan file inside modes/loan', () => {
    expect(files.filter((f) => /(^|\/)loan[-.]/.test(f) && !f.startsWith('modes/loan/'))).toEqual([
      // WXT finds content scripts in entrypoints/ only; it starts the loan mode's own bundle.
      'entrypoints/loan.content.ts',
    ]);
  });
});

describe.each(MODES.map((m) => [m.id, m] as const))('mode %s', (id, mode) => {
  it('lives in modes/<id>/mode.ts', () => {
    expect(existsSync(join(EXTENSION, 'modes', id, 'mode.ts'))).toBe(true);
  });

  it('has a demo page on the mock server with its saved fixture', () => {
    expect(DEMO_PAGES.map((p) => p.path)).toContain(mode.demoPath);
    const page = mode.demoPath.replace(/^\/demo\//, '');
    expect(existsSync(join(ROOT, 'seeds/pages', `${page}.html`))).toBe(true);
  });

  it('names and describes itself in both languages', () => {
    for (const text of [mode.label, mode.description]) {
      expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(text.en).toMatch(/^[\x20-\x7e\u3000-\u303f\u4e00-\u9fff〔〕]+$/);
      expect(text.en).toMatch(/[A-Za-z]{3}/);
    }
  });

  it('has a browser test', () => {
    expect(existsSync(join(ROOT, 'test/e2e', `${id}.test.ts`))).toBe(true);
  });

  it('uses a rule set the SDK has', async () => {
    const { RULE_SETS } = await import('@xinjian/sdk/rules');
    expect(Object.keys(RULE_SETS)).toContain(mode.ruleSet);
  });

  it('is the engine it says: a screening mode has no bundle, an own one names its bundle entrypoint', () => {
    if (mode.engine === 'screening') expect(mode.bundle).toBeUndefined();
    else expect(existsSync(join(EXTENSION, 'entrypoints', `${mode.bundle}.content.ts`))).toBe(true);
  });
});

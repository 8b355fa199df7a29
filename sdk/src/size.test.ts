/**
 * Bundle-size budgets (see ../BUDGETS.md): bundles what the extension imports from the SDK the
 * way its build does and compares the gzip size with the budget.
 */

import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rolldown } from 'rolldown';
import { describe, expect, it } from 'vitest';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

async function measure(entry: string): Promise<{ size: number; modules: string[]; imports: string[] }> {
  const id = '\0size-entry';
  const bundle = await rolldown({
    input: id,
    platform: 'browser',
    // As the extension's build resolves the SDK: its sources first (wxt.config.ts), then the
    // browser's conditions, so `#compile-schema` is the variant without zod's compiler.
    resolve: { conditionNames: ['source', 'import', 'browser', 'default'] },
    logLevel: 'silent',
    plugins: [
      {
        name: 'size-entry',
        resolveId: (source) => (source === id ? id : null),
        load: (source) => (source === id ? entry : null),
      },
    ],
  });
  try {
    const { output } = await bundle.generate({ format: 'esm', minify: true });
    const chunks = output.flatMap((o) => (o.type === 'chunk' ? [o] : []));
    const code = chunks.map((c) => c.code).join('');
    return {
      size: gzipSync(code).length,
      modules: chunks.flatMap((c) => Object.keys(c.modules)),
      // Whatever the bundler left external, e.g. `node:` built-ins.
      imports: chunks.flatMap((c) => c.imports),
    };
  } finally {
    await bundle.close();
  }
}

const KB = 1024;

describe('bundle size budgets (BUDGETS.md)', () => {
  it('content script: findIdentifiers, parseUscc, parseIdCard, maskIdCard ≤ 4.5 KB gzip, without zod or ky', async () => {
    const { size, modules, imports } = await measure(
      `export { findIdentifiers, parseUscc, parseIdCard, maskIdCard } from ${JSON.stringify(src('./identifiers/index.ts'))};`,
    );
    expect(modules.filter((m) => /node_modules[\\/](zod|ky)[\\/]/.test(m))).toEqual([]);
    expect(imports).toEqual([]);
    expect(size).toBeGreaterThan(1 * KB);
    expect(size).toBeLessThanOrEqual(4.5 * KB);
  });

  it('the whole identifiers entry ≤ 5 KB gzip', async () => {
    const { size } = await measure(`export * from ${JSON.stringify(src('./identifiers/index.ts'))};`);
    expect(size).toBeLessThanOrEqual(5 * KB);
  });

  it('background: the client and error helpers ≤ 49 KB gzip, zod and ky included', async () => {
    const { size, modules, imports } = await measure(
      `export { createClient, serializeError, reviveError, isXinjianError, describeError } from ${JSON.stringify(src('./index.ts'))};`,
    );
    // zod alone is over 20 KB: a much smaller bundle means the entry lost its dependencies.
    expect(modules.some((m) => /node_modules[\\/]zod[\\/]/.test(m))).toBe(true);
    expect(modules.some((m) => /node_modules[\\/]ky[\\/]/.test(m))).toBe(true);
    // Runs in a service worker: nothing from Node on this path, nothing left external.
    expect(imports).toEqual([]);
    expect(modules.filter((m) => /iconv-lite/.test(m))).toEqual([]);
    // zod's schema compiler needs `new Function`, which an MV3 service worker refuses.
    expect(modules.filter((m) => /node_modules[\\/]zod[\\/].*compile/.test(m))).toEqual([]);
    expect(size).toBeGreaterThan(30 * KB);
    expect(size).toBeLessThanOrEqual(49 * KB);
  });

  it('background with the procurement rule pack ≤ 60 KB gzip', async () => {
    const { size } = await measure(
      `export { createClient, serializeError, reviveError, isXinjianError, describeError, evaluateProcurement } from ${JSON.stringify(src('./index.ts'))};`,
    );
    expect(size).toBeLessThanOrEqual(60 * KB);
  });
});

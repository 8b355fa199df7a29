/**
 * The extension's own scan (layout lookup, `detect()` and `toPlacements()` from
 * `extension/content/`), bundled with vite into one script the benchmarks inject into a page.
 * It times the same code the content script runs, on the same page, without the extension
 * around it: the fallback for pages whose content script exposes no `xinjian:scan` measure.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const at = (p: string) => JSON.stringify(join(ROOT, p));

const ENTRY = `
import { createDetectState, detect } from ${at('extension/content/detect.ts')};
import { toPlacements } from ${at('extension/content/placements.ts')};
import { createHiddenCheck } from ${at('extension/content/visibility.ts')};
import { layoutFor } from ${at('extension/layouts/index.ts')};

globalThis.__xjExtensionScan = () => {
  const start = performance.now();
  const layout = layoutFor(location.href);
  const found = detect(document.body, {
    layout,
    isHidden: createHiddenCheck(),
    state: createDetectState(),
    ignore: (node) => node.nodeName === 'XINJIAN-BADGE',
  });
  const placements = toPlacements(found);
  return { ms: performance.now() - start, found: found.length, placements: placements.length, layout: layout ? layout.id : null };
};
`;

/**
 * The scan script's source (an IIFE defining `globalThis.__xjExtensionScan()`).
 *
 * @example
 * ```ts
 * const script = await bundleExtensionScan();
 * await page.addScriptTag({ content: script });
 * ```
 */
export async function bundleExtensionScan(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'xinjian-bench-scan-'));
  try {
    const entry = join(dir, 'scan.ts');
    await writeFile(entry, ENTRY);
    const result = (await build({
      configFile: false,
      root: ROOT,
      logLevel: 'silent',
      build: {
        write: false,
        minify: true,
        target: 'es2023',
        lib: { entry, formats: ['iife'], name: 'xinjianBenchScan', fileName: () => 'scan.js' },
      },
    })) as Rollup.RollupOutput | Rollup.RollupOutput[];
    const outputs = Array.isArray(result) ? result : [result];
    const code = outputs
      .flatMap((o) => o.output)
      .flatMap((c) => (c.type === 'chunk' ? [c.code] : []))
      .join('\n');
    if (!code.includes('__xjExtensionScan')) throw new Error('the scan bundle lost its entry');
    return code;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

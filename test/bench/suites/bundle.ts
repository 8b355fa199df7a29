/**
 * Bundle sizes, gzip (node:zlib, default level): the extension's production build, file by
 * file as the manifest names them, and the SDK entries the extension imports, bundled the way
 * sdk/src/size.test.ts does. Budgets come from sdk/BUDGETS.md, and for the content scripts from
 * their ceilings (34 KB screening, 30 KB loan: docs/decisions/0060).
 */
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rolldown } from 'rolldown';
import { buildExtension, contentScriptFiles, readManifest } from '../lib/extension.ts';
import { failed, type Measured, metric } from '../lib/metrics.ts';
import type { SuiteContext } from '../lib/suite.ts';

const KIB = 1024;
// The screening script carries the page reader (docs/decisions/0060); the loan script keeps 30.
const CONTENT_SCRIPT_BUDGET_KIB: Record<string, number> = { content: 34, loan: 30 };
const BUDGETS_MD = new URL('../../../sdk/BUDGETS.md', import.meta.url);
const SDK_PACKAGE = new URL('../../../sdk/package.json', import.meta.url);

/**
 * One budget row of sdk/BUDGETS.md: the module, the exports bundled (`null` for every export)
 * and the gzip budget in KiB.
 *
 * @example
 * ```ts
 * const row: SdkBudget = { module: '@xinjian/sdk/identifiers', exports: ['findIdentifiers'], budgetKiB: 4.5, entry: '…' };
 * ```
 */
export interface SdkBudget {
  module: string;
  exports: string[] | null;
  budgetKiB: number;
  /** The first column as written. */
  entry: string;
}

const names = (text: string) => [...text.matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((m) => m[1] as string);

/**
 * The budget rows of sdk/BUDGETS.md. Understands the three shapes of its first column:
 * `` `module`: `a`, `b` ``, `` `module`, every export `` and `` the same plus `c` ``.
 *
 * @example
 * ```ts
 * (await readSdkBudgets())[0]; // { module: '@xinjian/sdk/identifiers', exports: ['findIdentifiers', …], budgetKiB: 4.5 }
 * ```
 */
export async function readSdkBudgets(): Promise<SdkBudget[]> {
  const text = await readFile(BUDGETS_MD, 'utf8');
  const out: SdkBudget[] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const budget = cells.map((c) => /^\*\*([\d.]+)\s*KB\*\*$/.exec(c)?.[1]).find((b) => b !== undefined);
    const entry = cells[1];
    if (budget === undefined || entry === undefined) continue;
    const previous = out.at(-1);
    const plus = /^the same plus (.*)$/i.exec(entry);
    const withModule = /^`(@xinjian\/sdk[^`]*)`\s*(?::\s*(.*)|,\s*every export.*)$/.exec(entry);
    if (plus && previous) {
      out.push({
        module: previous.module,
        exports: [...(previous.exports ?? []), ...names(plus[1] ?? '')],
        budgetKiB: Number(budget),
        entry,
      });
    } else if (withModule) {
      const list = withModule[2];
      out.push({
        module: withModule[1] as string,
        exports: list === undefined ? null : names(list),
        budgetKiB: Number(budget),
        entry,
      });
    } else {
      throw new Error(`cannot read the budget row "${entry}" of sdk/BUDGETS.md`);
    }
  }
  if (out.length === 0) throw new Error('no budget rows in sdk/BUDGETS.md');
  return out;
}

// `@xinjian/sdk/identifiers` → the file sdk/package.json exports for it.
async function moduleFile(module: string): Promise<string> {
  const pkg = JSON.parse(await readFile(SDK_PACKAGE, 'utf8')) as {
    name: string;
    exports: Record<string, string | { source?: string }>;
  };
  const key = module === pkg.name ? '.' : `.${module.slice(pkg.name.length)}`;
  const entry = pkg.exports[key];
  // The sources, as the extension's build resolves them (the `source` condition).
  const target = typeof entry === 'string' ? entry : entry?.source;
  if (typeof target !== 'string') throw new Error(`sdk/package.json exports no source for ${key}`);
  return fileURLToPath(new URL(target, SDK_PACKAGE));
}

function budgetName(b: SdkBudget): string {
  const short = b.module.split('/').at(-1) === 'sdk' ? 'main' : (b.module.split('/').at(-1) as string);
  if (b.exports === null) return `bundle.sdk.${short}.all`;
  const [first, ...rest] = b.exports;
  return `bundle.sdk.${short}.${first ?? 'none'}${rest.length > 0 ? `+${rest.length}` : ''}`;
}

async function sdkBundleSize(code: string): Promise<number> {
  const id = '\0bench-size-entry';
  const bundle = await rolldown({
    input: id,
    platform: 'browser',
    // The conditions of sdk/src/size.test.ts, which resolves the SDK as the extension's build does.
    resolve: { conditionNames: ['source', 'import', 'browser', 'default'] },
    logLevel: 'silent',
    plugins: [
      {
        name: 'bench-size-entry',
        resolveId: (source) => (source === id ? id : null),
        load: (source) => (source === id ? code : null),
      },
    ],
  });
  try {
    const { output } = await bundle.generate({ format: 'esm', minify: true });
    const js = output.flatMap((o) => (o.type === 'chunk' ? [o.code] : [])).join('');
    return gzipSync(js).length;
  } finally {
    await bundle.close();
  }
}

// Every file an extension page loads: its scripts and styles, and the chunks they import.
async function pageFiles(dir: string, html: string): Promise<string[]> {
  const source = await readFile(join(dir, html), 'utf8');
  const refs = [...source.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
  const files = new Set<string>();
  const queue = refs.map((r) =>
    posix.normalize(r.startsWith('/') ? r.slice(1) : posix.join(posix.dirname(html), r)),
  );
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.js')) continue;
    const code = await readFile(join(dir, file), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g)) {
      const spec = m[1] as string;
      queue.push(
        posix.normalize(spec.startsWith('/') ? spec.slice(1) : posix.join(posix.dirname(file), spec)),
      );
    }
  }
  return [...files];
}

async function gzipOf(dir: string, files: readonly string[]): Promise<number> {
  let total = 0;
  for (const f of files) total += gzipSync(await readFile(join(dir, f))).length;
  return total;
}

/**
 * Sizes of the production build (`bundle.extension.*`) and of the SDK entries
 * (`bundle.sdk.*`), in KiB gzip, each against its budget where one is written down.
 *
 * @example
 * ```ts
 * const results = await bundleMetrics(ctx);
 * ```
 */
export async function bundleMetrics(ctx: SuiteContext): Promise<Measured[]> {
  const out: Measured[] = [];
  const ext = await buildExtension({ mode: 'production' });
  try {
    const manifest = await readManifest(ext.dir);
    const kib = (bytes: number) => bytes / KIB;
    // One entry per content script (its .js with its .css): each is injected on its own.
    const scripts = new Map<string, string[]>();
    try {
      for (const file of await contentScriptFiles(ext.dir, manifest)) {
        const name = posix.basename(file).replace(/\.(js|css)$/, '');
        scripts.set(name, [...(scripts.get(name) ?? []), file]);
      }
      if (scripts.size === 0) throw new Error('no content script in the build');
    } catch (error) {
      out.push(failed('bundle.extension.content-script', 'KiB gzip', error));
    }
    const entries: { name: string; files: () => Promise<string[]>; budget: number | null; what: string }[] = [
      ...[...scripts].map(([name, files]) => ({
        name: `bundle.extension.content-script.${name}`,
        files: async () => files,
        budget: CONTENT_SCRIPT_BUDGET_KIB[name] ?? 30,
        what: `content script ${name} (registered at run time)`,
      })),
      {
        name: 'bundle.extension.background',
        files: async () => {
          const sw = manifest.background?.service_worker;
          if (!sw) throw new Error('the manifest has no background.service_worker');
          return [sw];
        },
        budget: null,
        what: 'background.service_worker',
      },
      {
        name: 'bundle.extension.popup',
        files: async () => {
          const html = manifest.action?.default_popup;
          if (!html) throw new Error('the manifest has no action.default_popup');
          return pageFiles(ext.dir, html);
        },
        budget: null,
        what: 'action.default_popup: its scripts, styles and imported chunks',
      },
      {
        name: 'bundle.extension.side-panel',
        files: async () => {
          const html = manifest.side_panel?.default_path;
          if (!html) throw new Error('the manifest has no side_panel.default_path');
          return pageFiles(ext.dir, html);
        },
        budget: null,
        what: 'side_panel.default_path: its scripts, styles and imported chunks',
      },
    ];
    for (const e of entries) {
      try {
        const files = await e.files();
        if (files.length === 0) throw new Error(`no files for ${e.what}`);
        const size = kib(await gzipOf(ext.dir, files));
        const budget = e.budget;
        out.push(
          metric(e.name, 'KiB gzip', [size], {
            ...(budget === null
              ? {}
              : { baseline: budget, target: { text: `≤ ${budget} KiB`, met: (m) => m.value <= budget } }),
            note: `${e.what}: ${files.join(', ')}${budget === null ? '; no written budget' : '; baseline = budget'}`,
          }),
        );
      } catch (error) {
        out.push(failed(e.name, 'KiB gzip', error));
      }
    }
  } finally {
    await ext.remove();
  }

  let budgets: SdkBudget[];
  try {
    budgets = await readSdkBudgets();
  } catch (error) {
    return [...out, failed('bundle.sdk', 'KiB gzip', error)];
  }
  for (const b of budgets) {
    const name = budgetName(b);
    try {
      const file = JSON.stringify(await moduleFile(b.module));
      const code =
        b.exports === null ? `export * from ${file};` : `export { ${b.exports.join(', ')} } from ${file};`;
      const size = (await sdkBundleSize(code)) / KIB;
      out.push(
        metric(name, 'KiB gzip', [size], {
          baseline: b.budgetKiB,
          target: { text: `≤ ${b.budgetKiB} KiB (sdk/BUDGETS.md)`, met: (m) => m.value <= b.budgetKiB },
          note: `${b.entry}; rolldown, minified, browser platform, as sdk/src/size.test.ts; baseline = budget`,
        }),
      );
    } catch (error) {
      out.push(failed(name, 'KiB gzip', error));
    }
  }
  ctx.log(`  ${out.length} sizes`);
  return out;
}

/**
 * Builds the extension for the benchmarks into a temporary directory and finds its files.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
// Temp build directories not yet removed, for an interrupted run.
const live = new Set<string>();
const BUILDER = fileURLToPath(new URL('./wxt-build.ts', import.meta.url));

/**
 * A built extension: `dir` is the unpacked Chrome MV3 directory; `remove()` deletes it.
 *
 * @example
 * ```ts
 * const ext = await buildExtension({ mode: 'production' });
 * const manifest = await readManifest(ext.dir);
 * await ext.remove();
 * ```
 */
export interface BuiltExtension {
  dir: string;
  remove(): Promise<void>;
}

/**
 * `wxt build` in `mode` (`production`, or `e2e` pointed at `apiBaseUrl`) into a temp dir.
 *
 * @example
 * ```ts
 * const ext = await buildExtension({ mode: 'e2e', apiBaseUrl: mock.url });
 * ```
 */
export async function buildExtension(options: {
  mode: string;
  apiBaseUrl?: string;
}): Promise<BuiltExtension> {
  const root = await mkdtemp(join(tmpdir(), 'xinjian-bench-ext-'));
  live.add(root);
  const remove = async () => {
    await rm(root, { recursive: true, force: true });
    live.delete(root);
  };
  try {
    await run(process.execPath, [BUILDER], {
      env: {
        ...process.env,
        XINJIAN_BENCH_OUT_DIR: root,
        XINJIAN_BENCH_MODE: options.mode,
        ...(options.apiBaseUrl === undefined ? {} : { XINJIAN_API_BASE_URL: options.apiBaseUrl }),
      },
      maxBuffer: 16 * 2 ** 20,
    });
  } catch (error) {
    await remove();
    const e = error as { stderr?: string; message: string };
    throw new Error(`wxt build --mode ${options.mode} failed: ${e.stderr?.trim() || e.message}`);
  }
  const dir = join(root, 'chrome-mv3');
  return { dir, remove };
}

/**
 * Removes every build directory still on disk (for an interrupted run).
 *
 * @example
 * ```ts
 * process.once('SIGINT', () => { removeBuildsSync(); process.exit(130); });
 * ```
 */
export function removeBuildsSync(): void {
  for (const root of live) rmSync(root, { recursive: true, force: true });
  live.clear();
}

/**
 * The parts of `manifest.json` the benchmarks read.
 *
 * @example
 * ```ts
 * (await readManifest(dir)).background?.service_worker; // 'background.js'
 * ```
 */
export interface Manifest {
  background?: { service_worker?: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
  action?: { default_popup?: string };
  side_panel?: { default_path?: string };
  options_ui?: { page?: string };
  options_page?: string;
}

/**
 * Reads `manifest.json` of an unpacked extension.
 *
 * @example
 * ```ts
 * const manifest = await readManifest(ext.dir);
 * ```
 */
export async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/**
 * The content-script files: those the manifest declares, else the ones WXT emits for runtime
 * registration (`content-scripts/*.js|css`).
 *
 * @example
 * ```ts
 * await contentScriptFiles(ext.dir, manifest); // ['content-scripts/content.js']
 * ```
 */
export async function contentScriptFiles(dir: string, manifest: Manifest): Promise<string[]> {
  const declared = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  if (declared.length > 0) return [...new Set(declared)];
  try {
    return (await readdir(join(dir, 'content-scripts')))
      .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
      .map((f) => `content-scripts/${f}`);
  } catch {
    return [];
  }
}

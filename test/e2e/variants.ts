/**
 * Builds of the extension that the global setup does not make: the Firefox builds (the
 * production manifest is checked, the e2e build is driven in Firefox) and a `development`
 * build (local defaults, no test hook), the closest to production that still talks to the mock
 * server, for the tests a test hook would spoil (it answers the page's postMessage).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BUILDER = fileURLToPath(new URL('./variant-builder.ts', import.meta.url));

/**
 * An unpacked build in a temporary directory; `remove()` deletes it.
 *
 * @example
 * ```ts
 * const firefox = await buildVariant({ mode: 'production', browser: 'firefox' });
 * await firefox.remove();
 * ```
 */
export interface Variant {
  dir: string;
  remove(): Promise<void>;
}

/**
 * Runs `wxt build` for `mode` and `browser` (pointed at `apiBaseUrl` when given) into a
 * temporary directory.
 *
 * @example
 * ```ts
 * const dev = await buildVariant({ mode: 'development', browser: 'chrome', apiBaseUrl: inject('mockUrl') });
 * ```
 */
export async function buildVariant(options: {
  mode: 'production' | 'development' | 'e2e';
  browser: 'chrome' | 'firefox';
  apiBaseUrl?: string;
}): Promise<Variant> {
  const root = await mkdtemp(join(tmpdir(), 'xinjian-variant-'));
  try {
    await run(process.execPath, [BUILDER], {
      env: {
        ...process.env,
        XINJIAN_VARIANT_OUT_DIR: root,
        XINJIAN_VARIANT_MODE: options.mode,
        XINJIAN_VARIANT_BROWSER: options.browser,
        ...(options.apiBaseUrl === undefined ? {} : { XINJIAN_API_BASE_URL: options.apiBaseUrl }),
      },
      maxBuffer: 16 * 2 ** 20,
    });
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return { dir: join(root, options.browser), remove: () => rm(root, { recursive: true, force: true }) };
}

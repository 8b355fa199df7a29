/**
 * Once per `e2e` run: start the real mock server on an ephemeral port, build the extension in
 * the `e2e` mode pointed at it (wxt.config.ts reads XINJIAN_API_BASE_URL), and build the
 * production bundle too, so a test can prove the test hook and the local defaults are not in
 * it. The test files receive the paths through vitest's `inject()`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startMockServer } from '../../mock-server/src/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
    extensionDir: string;
    productionDir: string;
  }
}

const ROOT = join(import.meta.dirname, '../..');
/** Where `wxt build --mode e2e` writes the Chrome build. */
export const E2E_OUTPUT = join(ROOT, '.output/chrome-mv3-e2e');
/** Where `wxt build` writes the production Chrome build. */
export const PRODUCTION_OUTPUT = join(ROOT, '.output/chrome-mv3');

function buildExtension(mode: 'e2e' | 'production', apiBaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '--mode', mode],
      {
        cwd: ROOT,
        env: { ...process.env, XINJIAN_API_BASE_URL: apiBaseUrl },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`wxt build --mode ${mode} failed (${code}):\n${output}`)),
    );
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync('/usr/bin/chromium')) {
    throw new Error('The browser tests need Chromium at /usr/bin/chromium: apt-get install -y chromium');
  }
  const server = await startMockServer({ port: 0, reportDelayMs: 200 });
  try {
    // One after the other: both builds write WXT's .wxt/ folder.
    await buildExtension('e2e', server.url);
    await buildExtension('production', server.url);
  } catch (e) {
    await server.close();
    throw e;
  }
  project.provide('mockUrl', server.url);
  project.provide('extensionDir', E2E_OUTPUT);
  project.provide('productionDir', PRODUCTION_OUTPUT);
  return () => server.close();
}

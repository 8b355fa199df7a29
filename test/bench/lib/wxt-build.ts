/**
 * Child process: `wxt build` through WXT's JS API, into the directory the parent chose, so a
 * benchmark build never touches the shared `.output/`. `XINJIAN_API_BASE_URL` (read by
 * wxt.config.ts) points an `e2e` build at the benchmark's mock server.
 */
import { fileURLToPath } from 'node:url';
import { build, type Logger } from 'wxt';

const outDir = process.env.XINJIAN_BENCH_OUT_DIR;
const mode = process.env.XINJIAN_BENCH_MODE ?? 'production';
if (!outDir) throw new Error('XINJIAN_BENCH_OUT_DIR is required');

const silent = () => {};
// Build chatter would drown the benchmark's table; warnings and errors still show.
const quiet: Logger = {
  debug: silent,
  log: silent,
  info: silent,
  success: silent,
  warn: console.warn,
  error: console.error,
  fatal: console.error,
  level: 3,
};

await build({
  root: fileURLToPath(new URL('../../../', import.meta.url)),
  mode,
  outDir,
  // One fixed name whatever the mode (WXT would add a mode suffix otherwise).
  outDirTemplate: 'chrome-mv3',
  browser: 'chrome',
  logger: quiet,
});

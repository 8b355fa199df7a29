/**
 * Child process of {@link buildVariant} (variants.ts): one `wxt build` through WXT's JS API into
 * the directory the parent chose, so a test's extra build never touches the shared `.output/`.
 * Arguments come through the environment: XINJIAN_VARIANT_OUT_DIR, XINJIAN_VARIANT_MODE,
 * XINJIAN_VARIANT_BROWSER, and XINJIAN_API_BASE_URL (read by wxt.config.ts).
 */
import { fileURLToPath } from 'node:url';
import { build } from 'wxt';

const outDir = process.env.XINJIAN_VARIANT_OUT_DIR;
if (!outDir) throw new Error('XINJIAN_VARIANT_OUT_DIR is required');
const browser = process.env.XINJIAN_VARIANT_BROWSER === 'firefox' ? 'firefox' : 'chrome';

await build({
  root: fileURLToPath(new URL('../../', import.meta.url)),
  mode: process.env.XINJIAN_VARIANT_MODE ?? 'production',
  browser,
  outDir,
  // One fixed folder name whatever the mode (WXT adds a mode suffix otherwise).
  outDirTemplate: browser,
});

import preact from '@preact/preset-vite';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'wxt';
import { DEMO_API_KEY } from './seeds/demo.ts';

/**
 * Build modes:
 * - `production` (`wxt build`, `wxt zip`): no endpoint, no key, no sites, no host access.
 * - `development` (`wxt`) and `e2e` (`wxt build --mode e2e`): point at the local mock server
 *   with the demo key and enable 127.0.0.1 and localhost, so nothing needs setting up.
 *   `XINJIAN_API_BASE_URL` overrides the mock server address (the browser tests use an
 *   ephemeral port). Only `e2e` compiles the test hook (docs/decisions/0008).
 */
const LOCAL_SITES = ['http://127.0.0.1/*', 'http://localhost/*'];

function isLocalMode(mode: string): boolean {
  return mode === 'development' || mode === 'e2e';
}

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  // Explicit imports everywhere: the code type-checks with plain `tsc` and reads as written.
  imports: false,
  // Firefox gets MV3 too, so both browsers share one permission model (docs/decisions/0013).
  manifestVersion: 3,
  // The sources zip is for store review: the extension and what it is built from, not test output.
  zip: {
    excludeSources: ['test/**', 'docs/**', 'seeds/data/large-*.json', '.ci/**', 'scripts/**'],
  },
  vite: (env) => ({
    plugins: [preact()],
    // `@xinjian/sdk` resolves to its TypeScript sources (the `source` export condition).
    resolve: { conditions: ['source', ...defaultClientConditions] },
    define: {
      __XINJIAN_LOCAL_DEFAULTS__: JSON.stringify(
        isLocalMode(env.mode)
          ? {
              apiBaseUrl: process.env.XINJIAN_API_BASE_URL ?? 'http://127.0.0.1:8787',
              apiKey: DEMO_API_KEY,
              sites: LOCAL_SITES,
            }
          : null,
      ),
    },
  }),
  manifest: ({ mode, browser }) => ({
    name: '信鉴 Xinjian',
    description:
      '在开标记录、评审页面和中标公告上就地显示投标人信用评级与财库〔2016〕125号核查结论；在公积金贷款审批页面经授权后核查借款人信用',
    permissions: ['storage', 'scripting', 'activeTab'],
    // Sites are granted one at a time at runtime; nothing is readable at install.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(isLocalMode(mode) ? { host_permissions: LOCAL_SITES } : {}),
    action: { default_title: '信鉴 Xinjian' },
    // The card frame is the only page a web page may embed (docs/decisions/0024). Chrome serves
    // it under a per-session id, so a page cannot probe for the extension by a fixed URL;
    // Firefox has no such option, but its moz-extension:// id is already random per install.
    web_accessible_resources: [
      {
        resources: ['card.html'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: '{dd30e1e0-c577-4536-89e7-708152727479}',
              strict_min_version: '140.0',
              // Codes and names read from pages go to the API the user configures.
              data_collection_permissions: { required: ['websiteContent'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

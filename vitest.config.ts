import preact from '@preact/preset-vite';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// One runner, three scopes: unit tests beside their source, contract tests over the
// real mock server, and browser tests driving the built extension in Chromium.
export default defineConfig({
  // Workspace packages resolve to their TypeScript sources (`source` export condition): tests
  // never need a build first.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  // The global setup (mock server, seeds) is loaded by vitest's own environment.
  environments: { __vitest__: { resolve: { conditions: ['source', ...defaultServerConditions] } } },
  test: {
    setupFiles: ['./test/setup/fail-on-console.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'sdk/**/*.test.ts',
            'cli/**/*.test.ts',
            'mock-server/**/*.test.ts',
            'seeds/**/*.test.ts',
            'test/docs/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'contract',
          include: ['test/contract/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // The extension's unit tests: WXT's fake browser, a DOM, the saved demo pages.
        extends: true,
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'extension',
          include: ['extension/**/*.test.ts', 'extension/**/*.test.tsx'],
          environment: 'happy-dom',
        },
      },
      {
        // The packed workspaces installed into a fresh project outside the repository.
        extends: true,
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
      {
        // The built extension in Chromium against the real mock server; one browser at a time.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

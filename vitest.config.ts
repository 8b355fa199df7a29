import { defineConfig } from 'vitest/config';

// One runner, three scopes: unit tests beside their source, contract tests over the
// real mock server, and browser tests driving the built extension in Chromium.
export default defineConfig({
  test: {
    setupFiles: ['./test/setup/fail-on-console.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['sdk/**/*.test.ts', 'mock-server/**/*.test.ts', 'seeds/**/*.test.ts'],
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
    ],
  },
});

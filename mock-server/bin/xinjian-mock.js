#!/usr/bin/env node
// `xinjian-mock --port 8787`: the mock API until Ctrl-C. In the repository, where `src/` sits
// beside this file, it runs the TypeScript sources (see cli/bin/xinjian.js), else `dist/`.
import { existsSync } from 'node:fs';
import module from 'node:module';

const source = new URL('../src/cli.ts', import.meta.url);
if (existsSync(source) && typeof module.registerHooks === 'function') {
  module.registerHooks({
    resolve: (specifier, context, next) =>
      next(specifier, { ...context, conditions: [...context.conditions, 'source'] }),
  });
  await import(source.href);
} else {
  await import('../dist/mock-server/src/cli.js');
}

#!/usr/bin/env node
// The `xinjian` command. An installed package runs the compiled `dist/`. In the repository, where
// `src/` sits beside this file, it runs the TypeScript sources (Node's type stripping) and
// resolves the workspace packages to their sources through the `source` export condition, so
// nothing needs building first.
import { existsSync } from 'node:fs';
import module from 'node:module';

const source = new URL('../src/main.ts', import.meta.url);
if (existsSync(source) && typeof module.registerHooks === 'function') {
  module.registerHooks({
    resolve: (specifier, context, next) =>
      next(specifier, { ...context, conditions: [...context.conditions, 'source'] }),
  });
  await import(source.href);
} else {
  await import('../dist/main.js');
}

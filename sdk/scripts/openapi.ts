/**
 * Writes `sdk/openapi.json` from the zod schemas: `npm run openapi`.
 * `--check` exits 1 instead of writing when the committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serializeOpenApiDocument } from '../src/openapi.ts';

const target = fileURLToPath(new URL('../openapi.json', import.meta.url));
const next = serializeOpenApiDocument();

let current: string | null = null;
try {
  current = readFileSync(target, 'utf8');
} catch {
  // No file yet: written below.
}

if (process.argv.includes('--check')) {
  if (current !== next) {
    console.error('sdk/openapi.json is stale: run `npm run openapi` and commit the result.');
    process.exit(1);
  }
  console.log('sdk/openapi.json is up to date.');
} else if (current === next) {
  console.log('sdk/openapi.json is up to date.');
} else {
  writeFileSync(target, next);
  console.log(`wrote ${target}`);
}

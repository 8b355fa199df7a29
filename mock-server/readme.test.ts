import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('mock-server README', () => {
  it('shows the integration example exactly as it is tested', () => {
    expect(read('./README.md')).toContain(`\`\`\`ts\n${read('./examples/integration.test.ts')}\`\`\``);
  });
});

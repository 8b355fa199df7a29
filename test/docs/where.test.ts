/**
 * The README's "Where things are" table names files that exist, so a move that forgets the
 * table fails here instead of sending a newcomer to a dead path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('### Where things are'), readme.indexOf('## Performance'));
const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| behaviour'));

describe('README: where things are', () => {
  it('has a row per behaviour', () => {
    expect(rows.length).toBeGreaterThanOrEqual(10);
  });

  it.each(rows.map((row) => [row.split('|')[1]?.trim() ?? '', row] as const))(
    '%s: at most two files, each of which exists',
    (_behaviour, row) => {
      const where = row.split('|')[2] ?? '';
      const paths = [...where.matchAll(/`([\w./-]+\/[\w./-]*)`/g)].map((m) => m[1] ?? '');
      expect(paths.length).toBeGreaterThan(0);
      expect(paths.length).toBeLessThanOrEqual(2);
      for (const path of paths)
        expect(existsSync(new URL(`../../${path}`, import.meta.url)), path).toBe(true);
    },
  );
});

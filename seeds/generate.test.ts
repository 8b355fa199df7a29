import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PRNG_SEED,
  generateSeeds,
  SEED_PATHS,
  serializeSeeds,
  serializeSeedsChunks,
} from './generate.ts';
import { renderStaticPages } from './html.ts';
import { renderSamples } from './samples.ts';
import { EDGE_TAGS } from './tags.ts';

const fresh = generateSeeds({ size: 'default' });

describe('determinism', () => {
  it('regenerates seed.json byte for byte', () => {
    expect(serializeSeeds(fresh)).toBe(readFileSync(SEED_PATHS.data, 'utf8'));
  });

  it('regenerates every page and expected.json byte for byte', () => {
    const pages = renderStaticPages(fresh);
    expect(Object.keys(pages).sort()).toEqual([
      'award-notice.html',
      'bid-opening.html',
      'bidders.html',
      'credit-review.html',
      'expected.json',
      'loan-review.html',
      'tendering.html',
    ]);
    for (const [name, text] of Object.entries(pages)) {
      expect(text, name).toBe(readFileSync(resolve(SEED_PATHS.pages, name), 'utf8'));
    }
  });

  it('regenerates the sample CSVs byte for byte', () => {
    for (const [name, bytes] of Object.entries(renderSamples(fresh))) {
      expect(Buffer.from(bytes).equals(readFileSync(resolve(SEED_PATHS.samples, name))), name).toBe(true);
    }
  });

  it('depends on the seed and on nothing else', () => {
    expect(fresh.meta.prngSeed).toBe(DEFAULT_PRNG_SEED);
    const other = generateSeeds({ size: 'default', seed: 7 });
    expect(other.enterprises[0]?.subject.uscc).not.toBe(fresh.enterprises[0]?.subject.uscc);
    expect(serializeSeeds(generateSeeds({ size: 'default', seed: 7 }))).toBe(serializeSeeds(other));
  });

  it('writes keys in sorted order at every level', () => {
    const text = serializeSeeds(fresh);
    expect(text.startsWith('{\n  "consortia": [')).toBe(true);
    expect(text.indexOf('"establishedAt"')).toBeLessThan(text.indexOf('"orgCode"'));
  });
});

describe('sizes', () => {
  const large = generateSeeds({ size: 2_000 });

  it('builds the requested number of enterprises, all unique and with every edge case', () => {
    expect(large.meta.size).toBe('2000');
    expect(large.enterprises).toHaveLength(2_000);
    expect(new Set(large.enterprises.map((e) => e.subject.uscc)).size).toBe(2_000);
    expect(new Set(large.enterprises.map((e) => e.subject.id)).size).toBe(2_000);
    for (const tag of EDGE_TAGS.enterprises) {
      expect(
        large.enterprises.filter((e) => e.tags.includes(tag)),
        tag,
      ).toHaveLength(1);
    }
  });

  it('gives the fixed subjects the same ids and codes as the default set', () => {
    const codes = (d: typeof fresh) =>
      d.enterprises.slice(0, 43).map((e) => `${e.subject.id} ${e.subject.uscc} ${e.tags}`);
    expect(codes(large)).toEqual(codes(fresh));
  });

  it('is lighter per enterprise than the default set', () => {
    const perEnterprise = (d: typeof fresh) =>
      d.enterprises.slice(50).reduce((n, e) => n + e.records.length + e.grades.length, 0) /
      (d.enterprises.length - 50);
    expect(perEnterprise(large)).toBeLessThan(perEnterprise(fresh) * 0.75);
  });

  it('streams the same JSON as the one-piece serializer', () => {
    const chunks = [...serializeSeedsChunks(large)];
    expect(chunks.length).toBeGreaterThan(2_000);
    expect(JSON.parse(chunks.join(''))).toEqual(JSON.parse(serializeSeeds(large)));
    expect(chunks.join('')).toBe(serializeSeeds(large, { compact: true }));
  });

  it('refuses a size that cannot hold the edge cases', () => {
    expect(() => generateSeeds({ size: 10 })).toThrow(/size must be an integer of at least 66, got 10/);
    expect(() => generateSeeds({ size: 100.5 })).toThrow(RangeError);
  });
});

/**
 * The two tiers of a hot schema on real ratings answers of the mock server: when the compiled
 * one takes over, and that both accept, strip and refuse exactly alike.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seeds } from '../../../seeds/index.ts';
import { BatchRatingsResponse } from '../resources/ratings.ts';
import { DEMO_API_KEY, useMockHarness } from '../test-utils/mock-api.ts';
import { compileSchema as compileInBrowser } from './compile-schema.ts';
import { hotSchema } from './hot-schema.ts';

const mock = useMockHarness({}, { resetEach: false });
// A real answer with found, not-found and invalid items, as JSON text.
let answer = '';

beforeAll(async () => {
  const found = seeds.enterprises
    .filter((e) => !e.tags.some((t) => t.startsWith('magic:')))
    .slice(0, 40)
    .map((e) => e.subject.uscc);
  const res = await fetch(`${mock.url}/v1/ratings/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ids: [...found, '91110000000000000X', 'not-a-code'] }),
  });
  if (!res.ok) throw new Error(`the mock answered ${res.status}`);
  answer = await res.text();
});

type Body = { data: Array<Record<string, unknown> & { summary?: Record<string, unknown> }> };
const body = (): Body => JSON.parse(answer) as Body;
const summary = (b: Body, i = 0) => b.data[i]?.summary as Record<string, unknown>;

// Each one breaks (or, for unknown keys, only pads) a real answer in one place.
const variants: Array<{ name: string; valid?: true; make: (b: Body) => unknown }> = [
  { name: 'the real answer', valid: true, make: (b) => b },
  {
    name: 'unknown keys, which both strip',
    valid: true,
    make: (b) => {
      Object.assign(b.data[0] as object, { extra: 1 });
      summary(b).more = {};
      return b;
    },
  },
  { name: 'no data', make: () => ({}) },
  { name: 'data that is not a list', make: () => ({ data: 'none' }) },
  { name: 'an unknown status', make: (b) => set(b.data[1], 'status', 'maybe', b) },
  {
    name: 'a summary without a subject',
    make: (b) => {
      delete summary(b).subject;
      return b;
    },
  },
  { name: 'a date that is not one', make: (b) => set(summary(b), 'lastUpdated', '2026-13-40T00:00:00Z', b) },
  { name: 'a grade list that is an object', make: (b) => set(summary(b, 2), 'grades', {}, b) },
  { name: 'a number for a string', make: (b) => set(summary(b, 3).subject, 'name', 42, b) },
  { name: 'null where null is not allowed', make: (b) => set(summary(b), 'lists', null, b) },
  {
    name: 'a record of an unknown category',
    make: (b) => set(summary(b), 'records', [{ category: 'gossip' }], b),
  },
  {
    name: 'two faults in different items',
    make: (b) => {
      delete (b.data[4] as Record<string, unknown>).id;
      return set(summary(b, 5), 'sources', [1], b);
    },
  },
];

function set(target: unknown, key: string, value: unknown, b: Body): Body {
  (target as Record<string, unknown>)[key] = value;
  return b;
}

describe('hotSchema', () => {
  it('validates with the schema as written until the threshold, then with its compiled tier', () => {
    const hot = hotSchema(BatchRatingsResponse, 150);
    expect(hot.current).toBe(BatchRatingsResponse);
    hot.validated(100);
    expect([hot.current === BatchRatingsResponse, hot.compiled]).toEqual([true, false]);
    hot.validated(100);
    expect([hot.current === BatchRatingsResponse, hot.compiled]).toEqual([false, true]);
    const tier = hot.current;
    hot.validated(10_000);
    expect(hot.current).toBe(tier);
  });

  it.each(variants)('both tiers give the same result for $name', ({ make, valid }) => {
    const hot = hotSchema(BatchRatingsResponse, 1);
    hot.validated(1);
    expect(hot.compiled).toBe(true);
    const input = make(body());
    const ordinary = BatchRatingsResponse.safeParse(input);
    const compiled = hot.current.safeParse(make(body()));
    expect([ordinary.success, compiled.success]).toEqual([valid === true, valid === true]);
    expect(compiled.data).toEqual(ordinary.data);
    expect(compiled.error?.issues).toEqual(ordinary.error?.issues);
    if (ordinary.success) {
      expect(ordinary.data.data).toHaveLength(42);
      // Fresh output, never the input itself: the SDK marks each item with its request id.
      expect(compiled.data?.data[0]).not.toBe((input as Body).data[0]);
    } else expect(ordinary.error.issues.length).toBeGreaterThan(0);
  });

  it('stays on the schema as written where nothing can compile it (browsers, service workers)', () => {
    expect(compileInBrowser(BatchRatingsResponse)).toBe(BatchRatingsResponse);
  });
});

/**
 * Bad data, as properties. Every resource method gets arbitrary JSON, mutations of real answers
 * of the mock server and arbitrary text, through a `fetch` that answers 200 with that body, so
 * the client's own parsing path runs. It may only return what the schema accepts and may only
 * throw `ResponseValidationError` / `ResponseParseError`. Then arbitrary full-Unicode text into
 * the identifier validators and `findIdentifiers`, checked against independent implementations
 * of the check-character algorithms.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { enterpriseByTag, seeds } from '../../seeds/index.ts';
import { createClient, type XinjianClient } from './client.ts';
import { ResponseValidationError } from './core/errors.ts';
import {
  findIdentifiers,
  isValidIdCard,
  isValidOrgCode,
  isValidRegNo,
  isValidUscc,
  normalizeIdentifier,
  parseIdCard,
  parseOrgCode,
  parseRegNo,
  parseUscc,
} from './identifiers/index.ts';
import { Account } from './resources/account.ts';
import { DomainList } from './resources/domains.ts';
import { Product, ProductPage } from './resources/products.ts';
import { BatchRatingItem, BatchRatingsResponse } from './resources/ratings.ts';
import { Report } from './resources/reports.ts';
import { SubjectSearchResult } from './resources/subjects.ts';
import { DEMO_API_KEY, useMockHarness } from './test-utils/mock-api.ts';

const plain = seeds.enterprises.filter((e) => !e.tags.some((t) => t.startsWith('magic:')));
const ID_A = plain[0]?.subject.uscc ?? '';
const ID_B = plain[1]?.subject.uscc ?? '';
const ORDER = {
  productId: 'creditchina_public_report',
  subjectId: enterpriseByTag('edge:dishonest-active').subject.uscc,
  purpose: 'government_procurement',
} as const;

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** One resource method: how to call it, and what it must return for a body its schema accepts. */
interface Method {
  name: string;
  schema: z.ZodType;
  call(client: XinjianClient): Promise<unknown>;
  /**
   * For a body the schema accepts: the value the call must return, or the name of the error it
   * must raise (a report still pending, a batch item for another id …).
   */
  expected(parsed: unknown): { value: unknown } | { error: string };
}

const returns = (value: unknown) => ({ value });
const batchExpected =
  (ids: string[]) =>
  (parsed: unknown): { value: unknown } | { error: string } => {
    const data = (parsed as z.infer<typeof BatchRatingsResponse>).data;
    const matches = data.length === ids.length && data.every((item, i) => item.id === ids[i]);
    return matches ? { value: data } : { error: 'ResponseValidationError' };
  };

const METHODS: Method[] = [
  {
    name: 'products.list',
    schema: ProductPage,
    call: async (c) => {
      const page = await c.products.list({ limit: 3 });
      return { data: page.data, nextCursor: page.nextCursor };
    },
    expected: returns,
  },
  {
    name: 'products.retrieve',
    schema: Product,
    call: (c) => c.products.retrieve('creditchina_public_report'),
    expected: returns,
  },
  { name: 'domains.list', schema: DomainList, call: (c) => c.domains.list(), expected: returns },
  {
    name: 'subjects.search',
    schema: SubjectSearchResult,
    call: (c) => c.subjects.search({ q: ID_A }),
    expected: returns,
  },
  { name: 'account.retrieve', schema: Account, call: (c) => c.account.retrieve(), expected: returns },
  {
    name: 'ratings.batch',
    schema: BatchRatingsResponse,
    call: (c) => c.ratings.batch([ID_A, ID_B]),
    expected: batchExpected([ID_A, ID_B]),
  },
  {
    name: 'ratings.get',
    schema: BatchRatingsResponse,
    call: (c) => c.ratings.get(ID_A),
    expected: (parsed) => {
      const r = batchExpected([ID_A])(parsed);
      return 'value' in r ? { value: (r.value as unknown[])[0] } : r;
    },
  },
  { name: 'reports.order', schema: Report, call: (c) => c.reports.order(ORDER), expected: returns },
  {
    name: 'reports.retrieve',
    schema: Report,
    call: (c) => c.reports.retrieve('rpt_000001'),
    expected: returns,
  },
  {
    name: 'reports.waitUntilReady',
    schema: Report,
    // No time to wait: a pending report times out after the first read.
    call: (c) => c.reports.waitUntilReady('rpt_000001', { timeoutMs: 0 }),
    expected: (parsed) => {
      const report = parsed as Report;
      if (report.status === 'ready') return { value: report };
      return { error: report.status === 'failed' ? 'ReportFailedError' : 'APITimeoutError' };
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Real answers of the mock server, the raw material of the mutations.

const mock = useMockHarness({}, { resetEach: false });
const real = new Map<string, string>();

beforeAll(async () => {
  let captured = '';
  const recording: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    captured = await response.clone().text();
    return response;
  };
  const client = mock.client({ fetch: recording, cache: false });
  await client.reports.order(ORDER);
  for (const m of METHODS) {
    await m.call(client);
    real.set(m.name, captured);
  }
});

// The client under test: each call answers 200 with `body`, whatever was asked.
let body = '';
const bodyFetch: typeof fetch = async () =>
  new Response(body, {
    status: 200,
    headers: { 'content-type': 'application/json', 'x-request-id': 'req_property' },
  });
const client = createClient({
  baseUrl: 'https://xinjian.test',
  apiKey: DEMO_API_KEY,
  fetch: bodyFetch,
  maxRetries: 0,
  cache: false,
});

async function outcome(m: Method, text: string): Promise<Outcome> {
  body = text;
  return m.call(client).then(
    (value): Outcome => ({ ok: true, value }),
    (error: unknown): Outcome => ({ ok: false, error }),
  );
}

// What the client reads back: UTF-8 on the wire (lone surrogates become U+FFFD), one BOM dropped.
const asReceived = (text: string): string => new TextDecoder().decode(new TextEncoder().encode(text));

const errorName = (e: unknown): string => (e instanceof Error ? e.name : `non-error ${String(e)}`);

/** The whole contract for one body: returns only what the schema accepts, throws only SDK errors. */
async function checkBody(m: Method, text: string): Promise<void> {
  const result = await outcome(m, text);
  let json: unknown;
  try {
    json = JSON.parse(asReceived(text));
  } catch {
    expect(result.ok, `${m.name} returned a value for non-JSON`).toBe(false);
    if (!result.ok) {
      expect(errorName(result.error)).toBe('ResponseParseError');
      expect(result.error).toBeInstanceOf(ResponseValidationError);
    }
    return;
  }
  const parsed = m.schema.safeParse(json);
  if (!parsed.success) {
    expect(result.ok, `${m.name} returned a value for an invalid body`).toBe(false);
    if (!result.ok) {
      expect(errorName(result.error)).toBe('ResponseValidationError');
      expect(result.error).toBeInstanceOf(ResponseValidationError);
      expect((result.error as ResponseValidationError).issues.length).toBeGreaterThan(0);
    }
    return;
  }
  const expected = m.expected(parsed.data);
  if ('value' in expected) {
    expect(result.ok, `${m.name} threw for a valid body: ${result.ok ? '' : errorName(result.error)}`).toBe(
      true,
    );
    if (result.ok) expect(result.value).toEqual(expected.value);
  } else {
    expect(result.ok).toBe(false);
    if (!result.ok) expect(errorName(result.error)).toBe(expected.error);
  }
}

// ---------------------------------------------------------------------------------------------
// Mutations of a real JSON answer.

type Path = Array<string | number>;
const OPS = ['delete', 'null', 'retype', 'huge', 'replace', 'extra', 'number'] as const;
type Mutation = { at: number; op: (typeof OPS)[number]; value: unknown };

function paths(v: unknown, base: Path = [], out: Path[] = []): Path[] {
  out.push(base);
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) paths(x, [...base, i], out);
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) paths(x, [...base, k], out);
  }
  return out;
}

// A value of another JSON type than `v`.
function retype(v: unknown): unknown {
  if (typeof v === 'string') return v.length;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 0;
  if (v === null) return 'null';
  if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [i, x]));
  return Object.values(v as object);
}

function mutate(root: unknown, mutations: Mutation[]): unknown {
  let doc = structuredClone(root);
  for (const { at, op, value } of mutations) {
    const all = paths(doc);
    const path = all[at % all.length] ?? [];
    const current = path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], doc);
    const next = ((): unknown => {
      switch (op) {
        case 'null':
          return null;
        case 'retype':
          return retype(current);
        case 'huge':
          return '信'.repeat(200_000);
        case 'replace':
          return value;
        case 'number':
          return [1e308, -1, 0.5, -0, Number.MAX_SAFE_INTEGER + 2][at % 5];
        case 'extra':
          return current !== null && typeof current === 'object' && !Array.isArray(current)
            ? { ...current, __extra: value }
            : current;
        case 'delete':
          return undefined;
      }
    })();
    if (path.length === 0) {
      doc = next === undefined ? {} : next;
      continue;
    }
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], doc) as Record<
      string | number,
      unknown
    >;
    const key = path[path.length - 1] as string | number;
    if (next !== undefined) parent[key] = next;
    else if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  }
  return doc;
}

const mutation = fc.record({
  at: fc.nat(),
  op: fc.constantFrom(...OPS),
  value: fc.jsonValue({ maxDepth: 2 }),
});

describe('every resource method on bad bodies', () => {
  it('the captured answers are real and valid (the mutations start from good data)', () => {
    for (const m of METHODS) {
      const text = real.get(m.name);
      expect(text, m.name).toBeDefined();
      expect(m.schema.safeParse(JSON.parse(text ?? 'null')).success, m.name).toBe(true);
    }
    const report = Report.parse(JSON.parse(real.get('reports.order') ?? 'null'));
    expect(report.status).toBe('ready');
  });

  it.each(METHODS)('$name: the real answer passes through unchanged', async (m) => {
    const text = real.get(m.name) ?? '';
    const result = await outcome(m, text);
    expect(result).toEqual({
      ok: true,
      value: (m.expected(m.schema.parse(JSON.parse(text))) as { value: unknown }).value,
    });
  });

  it.each(METHODS)('$name: arbitrary JSON', async (m) => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          // Nearer the shape: the envelope of a list with arbitrary items.
          fc.record({ data: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }) }),
        ),
        async (value) => checkBody(m, JSON.stringify(value)),
      ),
      { numRuns: 60 },
    );
  });

  it.each(METHODS)('$name: mutations of the real answer', async (m) => {
    const original = JSON.parse(real.get(m.name) ?? 'null') as unknown;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) =>
        checkBody(m, JSON.stringify(mutate(original, mutations))),
      ),
      { numRuns: 80 },
    );
  });

  it.each(METHODS)('$name: text that is not JSON, and truncated answers', async (m) => {
    const text = real.get(m.name) ?? '';
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 50 }),
          fc.nat({ max: Math.max(0, text.length - 1) }).map((n) => text.slice(0, n)),
          fc.constantFrom('', '<html>502 Bad Gateway</html>', 'null', 'undefined', '{"data":', '\uFEFF{}'),
        ),
        async (t) => checkBody(m, t),
      ),
      { numRuns: 60 },
    );
  });

  it('ratings.lookup never throws and never reports found for a bad body', async () => {
    const ids = [ID_A, ID_B];
    const original = JSON.parse(real.get('ratings.batch') ?? 'null') as unknown;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc
            .array(mutation, { minLength: 1, maxLength: 3 })
            .map((ms) => JSON.stringify(mutate(original, ms))),
          fc.string({ unit: 'binary', maxLength: 30 }),
        ),
        async (text) => {
          body = text;
          const items = await client.ratings.lookup(ids);
          expect(items.map((i) => i.id)).toEqual(ids);
          let json: unknown;
          try {
            json = JSON.parse(asReceived(text));
          } catch {
            json = undefined;
          }
          const parsed = BatchRatingsResponse.safeParse(json);
          const exact = parsed.success && batchExpected(ids)(parsed.data);
          if (exact && 'value' in exact) {
            expect(items).toEqual(exact.value);
            return;
          }
          for (const [i, item] of items.entries()) {
            if (item.status === 'error') {
              expect(['ResponseValidationError', 'ResponseParseError']).toContain(item.error.name);
            } else {
              // A half split off may get a body that fits it: only an item for this very id.
              expect(item.id).toBe(ids[i]);
              expect(BatchRatingItem.safeParse(item).success).toBe(true);
              expect(parsed.success).toBe(true);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Identifiers on arbitrary full-Unicode text. The oracles below re-implement the check
// algorithms of GB 32100, GB 11714, GB 11643 and GS 15 from the standards, independently of
// the SDK, so a shared bug cannot hide.

const AS_OF = new Date('2026-11-01T12:00:00+08:00');
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const asciiUpper = (s: string) => s.trim().replace(/[a-z]/g, (c) => c.toUpperCase());

function usccOracle(raw: string): boolean {
  const s = asciiUpper(raw);
  if (s.length !== 18 || ![...s].every((c) => USCC_CHARS.includes(c))) return false;
  if (!/^[0-9]{6}$/.test(s.slice(2, 8))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(s.charAt(i)) * (3 ** i % 31);
  return USCC_CHARS.charAt((31 - (sum % 31)) % 31) === s.charAt(17);
}

function orgOracle(raw: string): boolean {
  let s = asciiUpper(raw);
  if (s.length === 10 && s.charAt(8) === '-') s = s.slice(0, 8) + s.slice(9);
  if (s.length !== 9 || ![...s].every((c) => ORG_CHARS.includes(c))) return false;
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + ORG_CHARS.indexOf(s.charAt(i)) * w, 0);
  const c = 11 - (sum % 11);
  return (c === 10 ? 'X' : c === 11 ? '0' : String(c)) === s.charAt(8);
}

function idOracle(raw: string): boolean {
  const s = raw.trim().replace(/x$/, 'X');
  if (!/^[0-9]{17}[0-9X]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s.charAt(i)) * (2 ** (17 - i) % 11);
  return '10X98765432'.charAt(sum % 11) === s.charAt(17);
}

function regNoOracle(raw: string): boolean {
  const s = raw.trim();
  if (!/^[0-9]{15}$/.test(s)) return false;
  let p = 10;
  let last = 0;
  for (let i = 0; i < 15; i++) {
    last = (p + Number(s.charAt(i))) % 10 || 10;
    p = (last * 2) % 11;
  }
  return last % 10 === 1;
}

const ORACLE = { uscc: usccOracle, org_code: orgOracle, id_card: idOracle, reg_no: regNoOracle } as const;

// Valid codes built with the oracles' own arithmetic.
function completeUscc(first17: string): string {
  for (const c of USCC_CHARS) if (usccOracle(first17 + c)) return first17 + c;
  throw new Error('unreachable');
}
function completeOrg(first8: string): string {
  for (const c of '0123456789X') if (orgOracle(`${first8}-${c}`)) return `${first8}-${c}`;
  throw new Error('unreachable');
}
function completeId(first17: string): string {
  for (const c of '0123456789X') if (idOracle(first17 + c)) return first17 + c;
  throw new Error('unreachable');
}
function completeRegNo(first14: string): string {
  for (const c of '0123456789') if (regNoOracle(first14 + c)) return first14 + c;
  throw new Error('unreachable');
}

const chars = (alphabet: string, n: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: n, maxLength: n }).map((a) => a.join(''));
const DIGITS = '0123456789';
const validCode = fc.oneof(
  fc
    .tuple(chars(USCC_CHARS, 2), chars(DIGITS, 6), chars(USCC_CHARS, 9))
    .map(([a, b, c]) => ({ kind: 'uscc' as const, value: completeUscc(a + b + c) }))
    // An ID number that also passes as a USCC is reported as an ID number only.
    .filter((c) => !parseIdCard(c.value, { asOf: AS_OF }).ok),
  chars(ORG_CHARS, 8).map((b) => ({ kind: 'org_code' as const, value: completeOrg(b) })),
  chars(DIGITS, 14).map((b) => ({ kind: 'reg_no' as const, value: completeRegNo(b) })),
  fc
    .tuple(
      chars(DIGITS, 6),
      fc.date({ min: new Date('1900-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
      chars(DIGITS, 3),
    )
    .map(([region, birth, seq]) => ({
      kind: 'id_card' as const,
      value: completeId(`${region}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${seq}`),
    })),
);

// Text that looks like codes: look-alike letters, full-width digits, Unicode spaces, astral characters.
const LOOKALIKES = 'OIZSVoizsvОІ０１９Ｌｌ\u3000\u00A0\uFEFF\u200B-－—·。，\n\t𝟗𝟏😀';
const nearCode = fc
  .tuple(
    validCode,
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...LOOKALIKES, ...DIGITS, 'x', 'X')), { maxLength: 2 }),
  )
  .map(([code, edits]) => {
    let s = code.value;
    for (const [at, ch] of edits) {
      const i = at % (s.length + 1);
      s = s.slice(0, i) + ch + s.slice(i + 1);
    }
    return s;
  });
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  nearCode,
  validCode.map((c) => c.value.toLowerCase()),
  validCode.map((c) => ` \u3000${c.value}\n`),
);

describe('identifier oracles', () => {
  it('agree with the worked examples of the standards', () => {
    expect(
      ['91350100M000100Y43', '91110000600037341L', '121200004013590816', '92340602MA2PBMEM24'].map(
        usccOracle,
      ),
    ).toEqual([true, true, true, true]);
    expect(['91110000600037341N', '9111000060003IOZSV'].map(usccOracle)).toEqual([false, false]);
    expect(['D2143569-X', '60003734-1', 'D2143569-1'].map(orgOracle)).toEqual([true, true, false]);
    expect(['11010519491231002X', '440524188001010014', '36042619910102009X'].map(idOracle)).toEqual([
      true,
      true,
      false,
    ]);
    expect(['110108000000016', '110108000000017'].map(regNoOracle)).toEqual([true, false]);
  });
});

describe('identifier validators on arbitrary full-Unicode text', () => {
  it('never throw, and never call valid what the standard rejects in the normalised text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const results = {
          uscc: [isValidUscc(text), parseUscc(text)],
          org_code: [isValidOrgCode(text), parseOrgCode(text)],
          id_card: [isValidIdCard(text, { asOf: AS_OF }), parseIdCard(text, { asOf: AS_OF })],
          reg_no: [isValidRegNo(text), parseRegNo(text)],
        } as const;
        for (const [kind, [valid, parsed]] of Object.entries(results)) {
          expect(typeof valid).toBe('boolean');
          expect(parsed.ok).toBe(valid);
          if (valid)
            expect(
              ORACLE[kind as keyof typeof ORACLE](normalizeIdentifier(text)),
              `${kind}: ${JSON.stringify(text)}`,
            ).toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('accept every code built by the oracles, in any ASCII case and with surrounding spaces', () => {
    fc.assert(
      fc.property(validCode, fc.boolean(), (code, lower) => {
        const text = ` ${lower ? code.value.toLowerCase() : code.value} `;
        const valid = {
          uscc: isValidUscc,
          org_code: isValidOrgCode,
          id_card: (s: string) => isValidIdCard(s, { asOf: AS_OF }),
          reg_no: isValidRegNo,
        }[code.kind](text);
        expect(valid).toBe(true);
      }),
    );
  });
});

describe('findIdentifiers on arbitrary full-Unicode text with codes at random positions', () => {
  const ALNUM = /[0-9A-Za-z]/;

  it('never throws; every match is valid by the oracle; every cleanly bounded code is found', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.array(fc.tuple(fc.nat(), validCode), { maxLength: 4 }),
        (filler, inserts) => {
          // Insert each code at a random code-point boundary of the text built so far.
          let text = filler;
          const placed: Array<{ kind: keyof typeof ORACLE; value: string; index: number }> = [];
          for (const [at, code] of inserts) {
            const points = [...text];
            const cut = at % (points.length + 1);
            const index = points.slice(0, cut).join('').length;
            text = text.slice(0, index) + code.value + text.slice(index);
            for (const p of placed) if (p.index >= index) p.index += code.value.length;
            placed.push({ kind: code.kind, value: code.value, index });
          }
          const found = findIdentifiers(text, { asOf: AS_OF });
          let end = 0;
          for (const m of found) {
            expect(m.index).toBeGreaterThanOrEqual(end);
            const raw = text.slice(m.index, m.index + m.length);
            expect(ORACLE[m.kind](raw), `${m.kind} ${JSON.stringify(raw)}`).toBe(true);
            expect(m.value).toBe(asciiUpper(raw).replace('-', ''));
            end = m.index + m.length;
          }
          for (const p of placed) {
            const before = text.charAt(p.index - 1);
            const after = text.charAt(p.index + p.value.length);
            // A code glued to letters or digits, or overlapped by a later insert, is not a clean case.
            if (
              ALNUM.test(before) ||
              ALNUM.test(after) ||
              text.slice(p.index, p.index + p.value.length) !== p.value
            )
              continue;
            expect(
              found.some((m) => m.index === p.index && m.length === p.value.length && m.kind === p.kind),
              `${p.kind} ${p.value} at ${p.index} in ${JSON.stringify(text)}`,
            ).toBe(true);
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

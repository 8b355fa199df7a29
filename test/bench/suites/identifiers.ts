/**
 * Identifier throughput: `isValidUscc` over 1 MiB of codes and `findIdentifiers` over 1 MiB of
 * procurement text, each against a bare regular-expression pass over the same input.
 */

import type { IdentifierKind } from '../../../sdk/src/core/schemas.ts';
import { findIdentifiers, isValidUscc } from '../../../sdk/src/identifiers/index.ts';
import { USCC_CHARSET } from '../../../sdk/src/identifiers/uscc.ts';
import { seeds } from '../../../seeds/index.ts';
import { type Measured, metric, type Target } from '../lib/metrics.ts';
import { assertSamePattern, CANDIDATE_SOURCE } from '../lib/pattern.ts';
import type { SuiteContext } from '../lib/suite.ts';

const MIB = 2 ** 20;
// What the content script asks for on procurement pages (extension/lib/subjects.ts).
const ENTERPRISE_KINDS: readonly IdentifierKind[] = ['uscc', 'org_code', 'reg_no'];
// The shape of a USCC without its checksum: what a validator-free filter would accept.
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** A small deterministic PRNG (mulberry32), so every run scans the same text. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The same code with another check character: the shape passes, the checksum does not.
function breakCheck(code: string): string {
  const last = code.at(-1) ?? '0';
  const i = USCC_CHARSET.indexOf(last);
  return code.slice(0, -1) + (USCC_CHARSET[(i + 1) % USCC_CHARSET.length] ?? '0');
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** ≥ 1 MiB of newline-separated USCCs from the seed data, one in ten with a wrong check character. */
function codeList(): { codes: string[]; bytes: number; valid: number } {
  const random = rng(1);
  const pool = seeds.enterprises.map((e) => e.subject.uscc);
  const codes: string[] = [];
  let size = 0;
  let valid = 0;
  while (size < MIB) {
    const code = pool[Math.floor(random() * pool.length)] as string;
    const bad = random() < 0.1;
    codes.push(bad ? breakCheck(code) : code);
    if (!bad) valid += 1;
    size += code.length + 1;
  }
  return { codes, bytes: size, valid };
}

/**
 * ≥ 1 MiB of bidder-list prose: per line a company with its USCC, 注册号 and hyphenated
 * 组织机构代码, a price, a phone number and an order number, and every seventh line a USCC with a wrong check character.
 */
function procurementText(): { text: string; bytes: number; planted: number } {
  const random = rng(2);
  const lines: string[] = [];
  let size = 0;
  let planted = 0;
  for (let i = 1; size < MIB; i++) {
    const e = seeds.enterprises[Math.floor(random() * seeds.enterprises.length)];
    if (e === undefined) continue;
    const s = e.subject;
    const price = Math.floor(random() * 9_000_000 + 1_000_000).toLocaleString('en-US');
    // 16 digits: not a candidate. (Random 18-digit numbers pass the USCC check 1 time in 31.)
    const order = `2026${String(Math.floor(random() * 1e12)).padStart(12, '0')}`;
    const uscc = i % 7 === 0 ? breakCheck(s.uscc) : s.uscc;
    const line =
      `第${i}号 投标人：${s.name}，统一社会信用代码：${uscc}，` +
      (s.regNo === null ? '' : `注册号：${s.regNo}，`) +
      `组织机构代码：${s.orgCode}，投标报价 ${price} 元，联系电话 010-${String(i).padStart(8, '0')}，` +
      `订单号 ${order}。\n`;
    planted += (i % 7 === 0 ? 0 : 1) + (s.regNo === null ? 0 : 1) + 1;
    lines.push(line);
    size += bytes(line);
  }
  const text = lines.join('');
  return { text, bytes: bytes(text), planted };
}

/**
 * `reps` timed passes of `value` and of `baseline`, interleaved (the order swapped every
 * repetition) so that a burst of load on a shared machine hits both sides alike.
 */
function interleaved(
  reps: number,
  warmup: number,
  value: () => number,
  baseline: () => number,
): { value: { ms: number[]; result: number }; baseline: { ms: number[]; result: number } } {
  const out = { value: { ms: [] as number[], result: 0 }, baseline: { ms: [] as number[], result: 0 } };
  for (let i = 0; i < warmup; i++) {
    out.value.result = value();
    out.baseline.result = baseline();
  }
  const time = (side: 'value' | 'baseline', fn: () => number) => {
    const start = performance.now();
    out[side].result = fn();
    out[side].ms.push(performance.now() - start);
  };
  for (let i = 0; i < reps; i++) {
    if (i % 2 === 0) {
      time('value', value);
      time('baseline', baseline);
    } else {
      time('baseline', baseline);
      time('value', value);
    }
  }
  return out;
}

// Throughputs: the value must reach at least this share of its bare baseline.
const atLeastHalf = (what: string): Target => ({
  text: `${what} ≥ 0.5 × baseline`,
  met: (m) => m.ratio !== null && m.ratio >= 0.5,
});

/**
 * Codes per second and MiB per second of the validators and the finder, with bare regex passes
 * over the same inputs as baselines (ratio = value / baseline: below 1 means slower than the
 * bare pass).
 *
 * @example
 * ```ts
 * const results = await identifierMetrics({ quick: true, repetitions: 3, log: console.log });
 * ```
 */
export async function identifierMetrics(ctx: SuiteContext): Promise<Measured[]> {
  assertSamePattern();
  // One pass takes milliseconds: many short interleaved passes give a steadier median.
  const reps = Math.max(ctx.repetitions, 3) * 3;
  const out: Measured[] = [];

  const list = codeList();
  const uscc = interleaved(
    reps,
    5,
    () => {
      let n = 0;
      for (const code of list.codes) if (isValidUscc(code)) n += 1;
      return n;
    },
    () => {
      let n = 0;
      for (const code of list.codes) if (USCC_SHAPE.test(code)) n += 1;
      return n;
    },
  );
  const validate = uscc.value;
  const shape = uscc.baseline;
  if (validate.result !== list.valid) {
    throw new Error(
      `isValidUscc accepted ${validate.result} of ${list.codes.length} codes, expected ${list.valid}`,
    );
  }
  const codesPerSec = (ms: number) => list.codes.length / (ms / 1000);
  const mibPerSec = (ms: number, size: number) => size / MIB / (ms / 1000);
  const note = `${list.codes.length.toLocaleString('en-US')} codes (${(list.bytes / MIB).toFixed(2)} MiB), 10% with a wrong check character; baseline: a shape-only regex test per code`;
  out.push(
    metric('ids.isValidUscc.codes-per-s', 'codes/s', validate.ms.map(codesPerSec), {
      baselineSamples: shape.ms.map(codesPerSec),
      target: atLeastHalf('isValidUscc'),
      note,
    }),
    metric(
      'ids.isValidUscc.mib-per-s',
      'MiB/s',
      validate.ms.map((ms) => mibPerSec(ms, list.bytes)),
      {
        baselineSamples: shape.ms.map((ms) => mibPerSec(ms, list.bytes)),
        target: atLeastHalf('isValidUscc'),
        note,
      },
    ),
  );

  const doc = procurementText();
  const re = new RegExp(CANDIDATE_SOURCE, 'g');
  const finder = interleaved(
    reps,
    5,
    () => findIdentifiers(doc.text, { kinds: ENTERPRISE_KINDS }).length,
    () => {
      let n = 0;
      re.lastIndex = 0;
      while (re.exec(doc.text) !== null) n += 1;
      return n;
    },
  );
  const find = finder.value;
  const bare = finder.baseline;
  if (find.result !== doc.planted) {
    throw new Error(`findIdentifiers found ${find.result} codes, ${doc.planted} valid ones were planted`);
  }
  const found = find.result;
  const findNote = `${(doc.bytes / MIB).toFixed(2)} MiB of bidder prose with ${found.toLocaleString('en-US')} valid codes and ${bare.result.toLocaleString('en-US')} regex candidates; kinds uscc, org_code, reg_no; baseline: the SDK's candidate regex alone (exec loop, no validation)`;
  out.push(
    metric(
      'ids.findIdentifiers.codes-per-s',
      'codes/s',
      find.ms.map((ms) => found / (ms / 1000)),
      {
        baselineSamples: bare.ms.map((ms) => found / (ms / 1000)),
        target: atLeastHalf('findIdentifiers'),
        note: findNote,
      },
    ),
    metric(
      'ids.findIdentifiers.mib-per-s',
      'MiB/s',
      find.ms.map((ms) => mibPerSec(ms, doc.bytes)),
      {
        baselineSamples: bare.ms.map((ms) => mibPerSec(ms, doc.bytes)),
        target: atLeastHalf('findIdentifiers'),
        note: findNote,
      },
    ),
  );
  return out;
}

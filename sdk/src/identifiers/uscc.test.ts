import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeUsccCheckChar, isValidUscc, parseUscc, USCC_CHARSET } from './uscc.ts';

// domain.md §3.1 worked examples.
const VALID = [
  '91350100M000100Y43',
  '91110000600037341L',
  '121200004013590816',
  '92340602MA2PBMEM24',
  '91310115MA1K3BTP2B',
  '9144030071526726XG',
  '91620105L015101280',
];

const usccChar = fc.constantFrom(...USCC_CHARSET);
const digit = fc.constantFrom(...'0123456789');
const first17 = fc
  .tuple(
    fc.array(usccChar, { minLength: 2, maxLength: 2 }),
    fc.array(digit, { minLength: 6, maxLength: 6 }),
    fc.array(usccChar, { minLength: 9, maxLength: 9 }),
  )
  .map(([a, b, c]) => [...a, ...b, ...c].join(''));
const validUscc = first17.map((p) => p + computeUsccCheckChar(p));

describe('isValidUscc / parseUscc', () => {
  it.each(VALID)('accepts the worked example %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
    const r = parseUscc(code);
    expect(r.ok && r.value).toBe(code);
  });

  it('splits 91110000600037341L into its parts', () => {
    expect(parseUscc('91110000600037341L')).toEqual({
      ok: true,
      value: '91110000600037341L',
      registrationDepartment: { code: '9', zh: '工商（市场监管）', en: 'market regulation (SAMR)' },
      institutionType: { code: '1', zh: '企业', en: 'enterprise' },
      regionCode: '110000',
      orgCode: '600037341',
      checkChar: 'L',
      warnings: [],
    });
  });

  it('labels a 事业单位 and an 个体工商户', () => {
    const a = parseUscc('121200004013590816');
    expect(a.ok && a.registrationDepartment.zh).toBe('机构编制');
    expect(a.ok && a.institutionType?.zh).toBe('事业单位');
    const b = parseUscc('92340602MA2PBMEM24');
    expect(b.ok && b.institutionType?.zh).toBe('个体工商户');
  });

  it('names the expected check character for 91110000600037341N', () => {
    expect(parseUscc('91110000600037341N')).toEqual({
      ok: false,
      reason: 'checksum',
      message: { zh: '校验位不符：应为 L，实为 N', en: 'check character mismatch: expected L, got N' },
      expectedCheckChar: 'L',
      got: 'N',
    });
  });

  it('rejects the forbidden letters in 9111000060003IOZSV as charset', () => {
    const r = parseUscc('9111000060003IOZSV');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('charset');
    expect(!r.ok && r.got).toBe('I');
    expect(!r.ok && r.position).toBe(14);
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('never accepts %s anywhere', (letter) => {
    const code = `91110000600037341${letter}`;
    expect(parseUscc(code)).toMatchObject({ ok: false, reason: 'charset', got: letter, position: 18 });
  });

  it('reports the length', () => {
    expect(parseUscc('91110000600037341')).toMatchObject({ ok: false, reason: 'length' });
    expect(parseUscc('91110000600037341LL')).toMatchObject({ ok: false, reason: 'length' });
    expect(parseUscc('')).toMatchObject({ ok: false, reason: 'length' });
  });

  it('requires digits in positions 3–8 (region)', () => {
    const p = '91A10000600037341';
    const code = p + computeUsccCheckChar(p);
    expect(parseUscc(code)).toMatchObject({ ok: false, reason: 'region', got: 'A', position: 3 });
  });

  it('accepts A, N and Y as the registration department (unlike python-stdnum)', () => {
    for (const [prefix, zh] of [
      ['A1110000600037341', '中央军委改革和编制办公室'],
      ['N2110000600037341', '农业'],
      ['Y1110000600037341', '其他'],
    ] as const) {
      const r = parseUscc(prefix + computeUsccCheckChar(prefix));
      expect(r.ok).toBe(true);
      expect(r.ok && r.registrationDepartment).toMatchObject({ code: prefix.charAt(0), zh });
      expect(r.ok && r.warnings).toEqual([]);
    }
    const n = parseUscc(`N2110000600037341${computeUsccCheckChar('N2110000600037341')}`);
    expect(n.ok && n.institutionType?.zh).toBe('村级集体经济组织');
  });

  it('warns, not fails, on an unknown department or category', () => {
    const b = 'B1110000600037341';
    const rb = parseUscc(b + computeUsccCheckChar(b));
    expect(rb.ok && rb.warnings).toEqual(['unknown_registration_department']);
    expect(rb.ok && rb.registrationDepartment).toEqual({ code: 'B', zh: '未知', en: 'unknown' });
    expect(rb.ok && rb.institutionType).toBeNull();
    const t = '9A110000600037341';
    const rt = parseUscc(t + computeUsccCheckChar(t));
    expect(rt.ok && rt.warnings).toEqual(['unknown_institution_type']);
    expect(rt.ok && rt.institutionType).toBeNull();
  });

  it('has no category table for 外交 (2) and so no institution type, without a warning', () => {
    const p = '21110000600037341';
    const r = parseUscc(p + computeUsccCheckChar(p));
    expect(r.ok && r.institutionType).toBeNull();
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('only warns when the embedded GB 11714 org code fails its own check', () => {
    // 60003734 has org-code check 1; 2 breaks it while the USCC check is recomputed.
    const p = '91110000600037342';
    const r = parseUscc(p + computeUsccCheckChar(p));
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings).toEqual(['org_code_checksum']);
  });

  it('accepts lower case and surrounding whitespace, normalising to upper case', () => {
    const r = parseUscc('  91310115ma1k3btp2b\n');
    expect(r.ok && r.value).toBe('91310115MA1K3BTP2B');
    expect(isValidUscc('\u3000 91350100m000100y43 ')).toBe(true);
  });

  it('does not upper-case non-ASCII look-alikes (dotless ı, long ſ)', () => {
    expect(parseUscc('91110000600037341ı')).toMatchObject({ ok: false, reason: 'charset', got: 'ı' });
  });

  it('flags the whitelisted-but-failing 91350203M0001QAY9B as a checksum mismatch', () => {
    expect(parseUscc('91350203M0001QAY9B')).toMatchObject({
      ok: false,
      reason: 'checksum',
      expectedCheckChar: '9',
      got: 'B',
    });
  });
});

describe('computeUsccCheckChar', () => {
  it('computes the worked examples', () => {
    for (const code of VALID) expect(computeUsccCheckChar(code.slice(0, 17))).toBe(code.charAt(17));
    expect(computeUsccCheckChar('91110000600037341')).toBe('L');
    expect(computeUsccCheckChar('91310115ma1k3btp2')).toBe('B');
  });

  it('matches the domain formula with the published weights', () => {
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    expect(weights).toEqual(weights.map((_, i) => 3 ** i % 31));
    fc.assert(
      fc.property(first17, (p) => {
        let sum = 0;
        for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(p.charAt(i)) * (weights[i] ?? 0);
        expect(computeUsccCheckChar(p)).toBe(USCC_CHARSET.charAt((31 - (sum % 31)) % 31));
      }),
    );
  });

  it('throws RangeError on a bad prefix', () => {
    expect(() => computeUsccCheckChar('9111000060003734')).toThrow(RangeError);
    expect(() => computeUsccCheckChar('9111000060003734I')).toThrow(RangeError);
  });
});

describe('USCC properties', () => {
  it('every generated code passes, in either case', () => {
    fc.assert(
      fc.property(validUscc, (code) => {
        expect(isValidUscc(code)).toBe(true);
        const r = parseUscc(code.toLowerCase());
        expect(r.ok && r.value).toBe(code);
      }),
    );
  });

  it('every single-character substitution fails', () => {
    const replacement = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-# ');
    fc.assert(
      fc.property(validUscc, fc.integer({ min: 0, max: 17 }), replacement, (code, i, ch) => {
        fc.pre(code.charAt(i) !== ch);
        const mutated = code.slice(0, i) + ch + code.slice(i + 1);
        expect(isValidUscc(mutated)).toBe(false);
      }),
    );
  });
});

describe('isValidUscc fast path', () => {
  it('agrees with parseUscc on valid codes, near misses, padding and arbitrary text', () => {
    const pad = fc.constantFrom('', ' ', '\u3000', '\t', '\n ');
    const nearMiss = fc
      .tuple(
        validUscc,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyzIOZSV-'),
      )
      .map(([code, i, ch]) => code.slice(0, i) + ch + code.slice(i + 1));
    const candidate = fc.oneof(
      validUscc,
      validUscc.map((c) => c.toLowerCase()),
      nearMiss,
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(pad, candidate, pad, (before, code, after) => {
        const input = before + code + after;
        expect(isValidUscc(input)).toBe(parseUscc(input).ok);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts non-string input from untyped callers the way parseUscc does', () => {
    const boxed = { toString: () => '91110000600037341L' } as unknown as string;
    expect(isValidUscc(boxed)).toBe(parseUscc(boxed).ok);
    expect(isValidUscc(boxed)).toBe(true);
    expect(isValidUscc(undefined as unknown as string)).toBe(false);
  });
});

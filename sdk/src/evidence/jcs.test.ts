import { describe, expect, it } from 'vitest';
import { sha256Hex } from './digest.ts';
import { CanonicalizationError, canonicalBytes, canonicalJson } from './jcs.ts';

const fromBits = (hex: string) =>
  new DataView(new BigUint64Array([BigInt(`0x${hex}`)]).buffer).getFloat64(0, true);

describe('canonicalJson (RFC 8785)', () => {
  it('matches the RFC 8785 §3.2.2 sample', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('gives the RFC 8785 sample its published UTF-8 bytes', () => {
    const bytes = canonicalBytes({ numbers: [1e30, 4.5, 6, 0.002, 1e-27], other: [null, true, false] });
    expect(Buffer.from(bytes).toString('hex')).toBe(
      Buffer.from('{"numbers":[1e+30,4.5,6,0.002,1e-27],"other":[null,true,false]}').toString('hex'),
    );
  });

  it('sorts members by UTF-16 code units (RFC 8785 §3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const order = Object.keys(JSON.parse(canonicalJson(input)) as object);
    // JSON.parse re-orders integer-like keys, so read the order from the text instead.
    expect(order).toContain('1');
    const text = canonicalJson(input);
    const positions = ['\\r', '"1"', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'].map((k) =>
      text.indexOf(k),
    );
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(positions.every((p) => p >= 0)).toBe(true);
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('writes the IEEE 754 value %s as %s (RFC 8785 Appendix B)', (bits, expected) => {
    expect(canonicalJson(fromBits(bits))).toBe(expected);
  });

  it('drops undefined members and writes undefined array elements as null, as JSON.stringify', () => {
    expect(canonicalJson({ b: undefined, a: [undefined, 1] })).toBe('{"a":[null,1]}');
  });

  it('is independent of member order, so equal records hash equally', async () => {
    const a = { subject: { name: '甲公司', code: '91110000600037341L' }, verdict: 'pass' };
    const b = { verdict: 'pass', subject: { code: '91110000600037341L', name: '甲公司' } };
    expect(await sha256Hex(canonicalJson(a))).toBe(await sha256Hex(canonicalJson(b)));
  });

  it.each([
    [{ a: Number.NaN }, '$.a'],
    [{ a: [1, Number.POSITIVE_INFINITY] }, '$.a[1]'],
    [{ s: 'x\ud800' }, '$.s'],
    [{ d: new Date(0) }, '$.d'],
    [{ n: 1n }, '$.n'],
  ])('refuses a value outside I-JSON and names where it is (%#)', (value, path) => {
    let error: unknown;
    try {
      canonicalJson(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CanonicalizationError);
    expect((error as CanonicalizationError).path).toBe(path);
    expect((error as Error).message).toContain(path);
  });
});

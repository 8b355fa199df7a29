import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdCard, maskName } from './mask.ts';

describe('maskIdCard', () => {
  it('keeps the first 3 and last 4 of an 18-character number', () => {
    expect(maskIdCard('110105194912311234')).toBe('110***********1234');
    expect(maskIdCard(' 11010519491231002X ')).toBe('110***********002X');
  });

  it('keeps at most the last 4, and at most a third, of anything else', () => {
    expect(maskIdCard('110105491231002')).toBe('***********1002');
    expect(maskIdCard('123456')).toBe('****56');
    expect(maskIdCard('12345')).toBe('****5');
    expect(maskIdCard('12')).toBe('**');
    expect(maskIdCard('1')).toBe('*');
    expect(maskIdCard('')).toBe('');
  });

  it('counts code points, never splitting a surrogate pair', () => {
    expect(maskIdCard('𠀀𠀀𠀀𠀀𠀀𠀀')).toBe('****𠀀𠀀');
  });

  it('never shows the birth date and never returns a longer input unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 2, maxLength: 40 }), (s) => {
        const masked = Array.from(maskIdCard(s));
        const trimmed = Array.from(s.trim());
        const n = trimmed.length;
        expect(masked).toHaveLength(n);
        const hidden = n === 18 ? masked.slice(3, 14) : masked.slice(0, n - Math.min(4, Math.floor(n / 3)));
        expect(hidden.every((c) => c === '*')).toBe(true);
        if (n > 1 && !trimmed.includes('*')) expect(masked.join('')).not.toBe(trimmed.join(''));
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{17}[0-9X]$/), (id) => {
        expect(maskIdCard(id).slice(3, 14)).toBe('*'.repeat(11));
      }),
    );
  });
});

describe('maskName', () => {
  it('keeps the first character and masks the rest', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('阿卜杜·热合曼')).toBe('阿******');
    expect(maskName(' John Smith ')).toBe('J*********');
  });

  it('masks a one-character name entirely and leaves empty input empty', () => {
    expect(maskName('张')).toBe('*');
    expect(maskName('   ')).toBe('');
  });

  it('never returns a longer name unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 2, maxLength: 20 }), (s) => {
        const trimmed = s.trim();
        fc.pre(Array.from(trimmed).length > 1);
        const masked = maskName(s);
        // Only an already-masked name ('张*') can come back unchanged.
        if (!trimmed.includes('*')) expect(masked).not.toBe(trimmed);
        expect(
          Array.from(masked)
            .slice(1)
            .every((c) => c === '*'),
        ).toBe(true);
        expect(Array.from(masked)).toHaveLength(Array.from(trimmed).length);
        expect(Array.from(masked)[0]).toBe(Array.from(trimmed)[0]);
      }),
    );
  });
});

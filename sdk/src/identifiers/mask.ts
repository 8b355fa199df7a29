/**
 * Display masking for personal data (PIPL; JR/T 0171-2020 附录A 信息屏蔽 practice). There is no
 * statutory pattern: these follow the common `110***********1234` and `张*` conventions.
 * Lengths are counted in code points, so a surrogate pair is never split.
 */

/**
 * Masks an ID number for display, keeping its length. An 18-character value keeps its first 3
 * and last 4 characters (the birth date is always hidden). Anything else keeps at most the last
 * 4 characters and never more than a third of them, so short values are not given away.
 * Surrounding whitespace is dropped.
 *
 * @example
 * ```ts
 * maskIdCard('11010519491231002X'); // '110***********002X'
 * maskIdCard('110105491231002');    // '***********1002'
 * maskIdCard('12345');              // '****5'
 * ```
 */
export function maskIdCard(id: string): string {
  const chars = Array.from(String(id).trim());
  const n = chars.length;
  if (n === 18) return `${chars.slice(0, 3).join('')}${'*'.repeat(11)}${chars.slice(14).join('')}`;
  const keep = Math.min(4, Math.floor(n / 3));
  return '*'.repeat(n - keep) + chars.slice(n - keep).join('');
}

/**
 * Masks a personal name for display: the first character (a Chinese surname's first character,
 * or a Latin name's first letter) stays, every other character becomes `*`, keeping the length.
 * A one-character name becomes `*`; surrounding whitespace is dropped.
 *
 * @example
 * ```ts
 * maskName('张三');       // '张*'
 * maskName('欧阳娜娜');   // '欧***'
 * maskName('John Smith'); // 'J*********'
 * ```
 */
export function maskName(name: string): string {
  const chars = Array.from(String(name).trim());
  if (chars.length <= 1) return '*'.repeat(chars.length);
  return (chars[0] ?? '') + '*'.repeat(chars.length - 1);
}

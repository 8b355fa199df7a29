/**
 * Number formatting for generated text, written out so the output never depends on the
 * machine's ICU data.
 */

/**
 * Digits grouped by thousands, with two decimals when `decimals` is set.
 *
 * @example
 * ```ts
 * groupThousands(3268000); // '3,268,000'
 * groupThousands(3268000, true); // '3,268,000.00'
 * ```
 */
export function groupThousands(n: number, decimals = false): string {
  const whole = Math.trunc(n);
  const digits = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = n < 0 ? '-' : '';
  if (!decimals) return sign + digits;
  const cents = Math.round(Math.abs(n - whole) * 100);
  return `${sign}${digits}.${String(cents).padStart(2, '0')}`;
}

const NUMERALS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿'];

/**
 * A whole amount in yuan written in 大写, as on payment and award documents.
 *
 * @example
 * ```ts
 * yuanUppercase(3268000); // '叁佰贰拾陆万捌仟元整'
 * yuanUppercase(1005); // '壹仟零伍元整'
 * ```
 */
export function yuanUppercase(amount: number): string {
  let n = Math.trunc(amount);
  if (n === 0) return '零元整';
  const groups: number[] = [];
  while (n > 0) {
    groups.push(n % 10000);
    n = Math.floor(n / 10000);
  }
  let out = '';
  let pendingZero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g] ?? 0;
    if (group === 0) {
      pendingZero = out !== '';
      continue;
    }
    if (out !== '' && (pendingZero || group < 1000)) out += '零';
    pendingZero = false;
    let text = '';
    let zero = false;
    for (let i = 3; i >= 0; i--) {
      const digit = Math.floor(group / 10 ** i) % 10;
      if (digit === 0) {
        zero = text !== '';
        continue;
      }
      if (zero) text += '零';
      zero = false;
      text += (NUMERALS[digit] ?? '') + (SMALL_UNITS[i] ?? '');
    }
    out += text + (BIG_UNITS[g] ?? '');
  }
  return `${out}元整`;
}

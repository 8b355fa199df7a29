/**
 * Text from pages and APIs as every view and export shows it: without the invisible controls
 * that reorder or hide characters. A bidi override can make 不通过 read as 过通不 or turn a file
 * name's extension around; a zero-width space splits an ID number so a pattern misses it.
 */

// Bidi embedding/override/isolate controls and marks, the Arabic letter mark, zero-width
// space/joiners, word joiner, invisible operators, BOM, Mongolian vowel separator; plus C0/C1
// controls other than tab and line breaks.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Removes bidirectional and zero-width controls (and other invisible control characters) from
 * a text. Tab, LF and CR stay.
 *
 * @example
 * ```ts
 * stripInvisible('甲\u202e乙\u200b公司'); // '甲乙公司'
 * ```
 */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Whether a text holds a control that {@link stripInvisible} would remove.
 *
 * @example
 * ```ts
 * hasInvisible('通过\u202e'); // true
 * ```
 */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}

/**
 * A deep copy of a JSON value with {@link stripInvisible} applied to every string, member
 * names included; for records before they are sealed or exported.
 *
 * @example
 * ```ts
 * sanitizeDeep({ name: '甲\u202e公司', n: 1 }); // { name: '甲公司', n: 1 }
 * ```
 */
export function sanitizeDeep<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return stripInvisible(value);
  if (Array.isArray(value)) return value.map(walk);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[stripInvisible(k)] = walk(v);
    return out;
  }
  return value;
}

/**
 * Personal data in the loan-review mode: the one place that masks ID numbers and names for
 * display and redacts them from any text the extension keeps or shows (page URLs and titles,
 * error messages). Loaded by the loan content script, so it stays small: no SDK runtime beyond
 * the masking helpers.
 */
import {
  computeIdCardCheckChar,
  isValidIdCard,
  isValidUscc,
  maskIdCard,
  maskName,
} from '@xinjian/sdk/identifiers';

// Bidirectional, zero-width and other invisible format controls: page text may use them to make
// one string look like another (or to split an ID number so that no pattern sees it).
const CONTROLS =
  /[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0]/g;
// Between two characters of an ID number a page may put one space or separator.
const SEP = '[\\s\\-_.·/\\\\|]?';
// 17 digits then a digit or X, with at most one separator between any two, and any digit/X run
// that goes on (`maskRun` finds the ID inside it). No letter boundary on the left:
// `id330110199209219966` is an ID number after a letter.
// Where an ID number may hide in raw text: digits (full-width too), X, percent escapes,
// separators and invisible controls. Only such runs are normalised, so other text (full-width
// brackets in a company name, say) stays as it was.
const CANDIDATE =
  /(?:[0-9\uff10-\uff19Xx\uff38\uff58]|%[0-9A-Fa-f]{2}|[\s\u3000\-_.·/\\|\uff0d\uff3f\uff0e\uff0f\uff5c]|[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0])+/g;
const ID_RUN = new RegExp(`(?<![0-9])[0-9](?:${SEP}[0-9]){16}${SEP}[0-9Xx](?:${SEP}[0-9Xx])*(?![0-9])`, 'g');

/**
 * An ID number as our UI shows it: first 3 and last 4 characters, the birth date hidden.
 */
export function maskedId(id: string): string {
  return maskIdCard(id.trim().toUpperCase());
}

/**
 * A person's name as our UI shows it: the first character, then `*`.
 */
export function maskedName(name: string | null): string | null {
  // Page text: drop bidirectional and zero-width controls so the one character kept is a letter.
  const clean = name === null ? null : stripControls(name).trim();
  return clean ? maskName(clean) : null;
}

/**
 * Text as a pattern should see it: percent-escapes decoded (up to three layers), full-width
 * letters, digits and spaces turned half-width, invisible format controls removed.
 */
export function normalizeText(text: string): string {
  let out = text;
  for (let i = 0; i < 3 && out.includes('%'); i++) {
    const next = percentDecode(out);
    if (next === out) break;
    out = next;
  }
  return out
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(CONTROLS, '');
}

/**
 * Removes bidirectional, zero-width and other invisible format controls (page text shown in our
 * views must read the way it is stored).
 */
export function stripControls(text: string): string {
  return text.replace(CONTROLS, '');
}

// Decodes each run of %XX escapes as UTF-8; a run that is not UTF-8 keeps its ASCII bytes only.
function percentDecode(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-7][0-9A-Fa-f])/g, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
    }
  });
}

/**
 * Replaces every ID-shaped token in a text with its masked form. Each run of digits, escapes and
 * separators is normalised first ({@link normalizeText}), so percent-encoded, full-width, spaced
 * or dashed numbers and numbers right after a letter are found too; text around them is kept.
 */
export function redactIds(text: string): string {
  return text.replace(CANDIDATE, (run: string, at: number) => {
    const plain = normalizeText(run);
    ID_RUN.lastIndex = 0;
    if (!ID_RUN.test(plain)) return run;
    // Glued to a letter (`id330…`, `E330…`) a number is an ID only if it checks out as one:
    // project and tender numbers look like that too.
    const letterBefore = /[A-Za-z]/.test(text[at - 1] ?? '');
    const letterAfter = /[A-Za-z]/.test(text[at + run.length] ?? '');
    const masked = plain.replace(ID_RUN, (id: string, offset: number) => {
      const glued = (offset === 0 && letterBefore) || (offset + id.length === plain.length && letterAfter);
      return maskRun(id, glued);
    });
    return masked === plain ? run : masked;
  });
}

// Masks the ID number in a run of digits and separators: the whole run when it is 18 characters,
// else the first stretch of whole groups that is 18 characters and a plausible ID. A run of more
// digits with no separator (a project number) is left alone.
function maskRun(run: string, glued: boolean): string {
  const compact = run.replace(/[^0-9Xx]/g, '').toUpperCase();
  if (compact.length === 18) {
    // An all-digit USCC has an ID number's shape; a valid one that is no valid ID number is a
    // company's code, shown and looked up as such.
    if (isValidUscc(compact) && !isValidIdCard(compact)) return run;
    return glued && !plausibleId(compact) ? run : maskedId(compact);
  }
  const parts = run.split(/([^0-9Xx]+)/);
  for (let i = 0; i < parts.length; i += 2) {
    let joined = '';
    for (let j = i; j < parts.length && joined.length < 18; j += 2) {
      joined += (parts[j] ?? '').toUpperCase();
      if (joined.length === 18 && plausibleId(joined)) {
        return [...parts.slice(0, i), maskedId(joined), ...parts.slice(j + 1)].join('');
      }
    }
  }
  return run;
}

// A check character that matches and a birth date that could be one (19xx or 20xx).
function plausibleId(id: string): boolean {
  const date = /^\d{6}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dX]$/.test(id);
  return date && computeIdCardCheckChar(id.slice(0, 17)) === id[17];
}

/**
 * A page address as records and exports keep it: origin and path only (no query or fragment,
 * where sites put session tokens and search terms), ID numbers masked.
 */
export function pageAddress(url: string): string {
  try {
    const u = new URL(url);
    if (u.origin === 'null') return redactIds(`${u.protocol}${u.pathname}`);
    return redactIds(u.origin + u.pathname);
  } catch {
    return redactIds(url.split(/[?#]/, 1)[0] ?? '');
  }
}

/**
 * A deep copy of a JSON value with {@link redactIds} applied to every string (keys included).
 */
export function redactDeep<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return redactIds(value);
  if (Array.isArray(value)) return value.map(walk);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[redactIds(k)] = walk(v);
    return out;
  }
  return value;
}

/**
 * Whether a text contains an ID-shaped token (for refusing one where it does not belong, such
 * as an authorization reference).
 */
export function containsIdNumber(text: string): boolean {
  return redactIds(text) !== text;
}

/**
 * Display text for grades, verdicts, lists and dates, shared by the badge, the card, the side
 * panel and the exports. Pure functions over the SDK's types.
 */
import { type Grade, headlineGrade, type ListId, type RatingSummary, type SourceChannel } from '@xinjian/sdk';
import { CHANNEL_LABELS, LIST_LABELS, RECORD_CATEGORY_LABELS, SCALE_EXPLANATIONS } from '@xinjian/sdk/labels';
import { getLanguage, type Language, localized, type MessageKey, t } from '../i18n.ts';
import { stripControls } from '../personal.ts';
import type { DisplayState, SubjectResult } from './model.ts';

/**
 * A grade with its scale, as people read it: `AA+ 主体评级`, `纳税 A`, `海关 高级认证企业`.
 */
export function gradeLabel(grade: Grade, language: Language = getLanguage()): string {
  return scaleValueLabel(grade, language);
}

function scaleValueLabel(grade: { scale: Grade['scale']; value: string }, language: Language): string {
  let value: string = grade.value;
  if (grade.scale === 'customs_251' || grade.scale === 'customs_282') {
    value = t(`customs.${grade.value}` as MessageKey, undefined, language);
  }
  return t(`grade.${grade.scale}` as MessageKey, { value }, language);
}

/**
 * The one grade a badge shows, as text, or `null` when the subject has none.
 */
export function headlineGradeText(summary: RatingSummary, language: Language = getLanguage()): string | null {
  const grade = headlineGrade(summary);
  return grade ? scaleValueLabel(grade, language) : null;
}

/**
 * The verdict word of a badge state (never shown without its icon).
 */
export function stateLabel(
  state: DisplayState,
  result: SubjectResult,
  language: Language = getLanguage(),
): string {
  switch (state) {
    case 'checking':
      return result.state === 'checking' && result.attempt > 0
        ? t('state.retrying', { n: result.attempt }, language)
        : t('state.checking', undefined, language);
    case 'invalid':
      return result.state === 'invalid' && result.expectedCheckChar
        ? t('state.invalid', { char: result.expectedCheckChar }, language)
        : t('state.invalid_nochar', undefined, language);
    default:
      return t(`state.${state}` as MessageKey, undefined, language);
  }
}

/**
 * The icon of a badge state: a shape that differs per state, so colour is never the only cue.
 */
export function stateIcon(state: DisplayState): string {
  return STATE_ICONS[state];
}

const STATE_ICONS: Record<DisplayState, string> = {
  idle: '○',
  checking: '◌',
  pass: '✓',
  review: '!',
  fail: '✕',
  not_found: '?',
  unavailable: '⊘',
  invalid: '#',
  ambiguous: '⋯',
};

/**
 * Why a subject shows as unavailable, in the current language: the error's reason, or for an
 * incomplete screening the channels that could not be read.
 */
export function unavailableReason(result: SubjectResult, language: Language = getLanguage()): string | null {
  if (result.state === 'unavailable') return localized(result.reason, language);
  if (result.state === 'done' && result.screening.verdict === 'incomplete') {
    const channels = [
      ...new Set(result.screening.missing.map((m) => m.slice(m.lastIndexOf(':') + 1) as SourceChannel)),
    ];
    return t(
      'error.incomplete',
      { channels: channels.map((c) => channelLabel(c, language)).join('、') },
      language,
    );
  }
  return null;
}

/**
 * What a grade scale means (its order and issuer), as the SDK explains it.
 */
export function scaleExplanation(scale: Grade['scale'], language: Language = getLanguage()): string {
  return localized(SCALE_EXPLANATIONS[scale], language);
}

/**
 * A list's name, as the SDK names it.
 */
export function listLabel(list: ListId, language: Language = getLanguage()): string {
  return localized(LIST_LABELS[list], language);
}

/**
 * A source channel's name, as the SDK names it.
 */
export function channelLabel(channel: SourceChannel, language: Language = getLanguage()): string {
  return localized(CHANNEL_LABELS[channel], language);
}

/**
 * A credit-record category's name, as the SDK names it; an unknown one is "other record".
 */
export function recordCategoryLabel(category: string, language: Language = getLanguage()): string {
  const label = (RECORD_CATEGORY_LABELS as Readonly<Record<string, { zh: string; en: string }>>)[category];
  return label ? localized(label, language) : t('record.other', undefined, language);
}

/**
 * An instant in China Standard Time, `YYYY-MM-DD HH:mm`.
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms + 8 * 3600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

/**
 * An instant as ISO 8601 with the wall-clock time and offset of a zone (minutes east of UTC;
 * the runtime's own zone at that instant by default), so a record says what the officer's
 * clock said.
 */
export function zonedIso(iso: string, offsetMinutes?: number): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const offset = offsetMinutes ?? -new Date(ms).getTimezoneOffset();
  const wall = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
  return `${wall}${offsetText(offset)}`;
}

function offsetText(offset: number): string {
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${offset < 0 ? '-' : '+'}${hh}:${mm}`;
}

/**
 * The offset (minutes east of UTC) an ISO 8601 time is written in, or null without one.
 */
export function isoOffset(iso: string): number | null {
  const m = /(?:([+-])(\d{2}):?(\d{2})|Z)$/i.exec(iso);
  if (!m) return null;
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * An instant for a printout or a CSV, `YYYY-MM-DD HH:mm:ss UTC+08:00`: in the zone given, else
 * in the zone the time is written in, else the runtime's.
 */
export function formatZoned(iso: string | null | undefined, offsetMinutes?: number | null): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const offset = offsetMinutes ?? isoOffset(iso) ?? -new Date(ms).getTimezoneOffset();
  const wall = new Date(ms + offset * 60_000).toISOString();
  return `${wall.slice(0, 10)} ${wall.slice(11, 19)} UTC${offsetText(offset)}`;
}

/**
 * Shortens a string for display, keeping whole code points and dropping bidirectional,
 * zero-width and other invisible format controls (`stripControls`): text from an API or a page
 * must not reorder what is shown after it, nor hide characters (U+202E would print the rest of a
 * line backwards, U+2067 isolates it, U+200B splits a word without showing).
 */
export function truncate(text: string, max: number): string {
  const clean = stripControls(text);
  const chars = Array.from(clean);
  return chars.length <= max ? clean : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/**
 * The text the badge shows: grade (if any) and verdict, with the reason when unavailable (the
 * badge's CSS shortens it on screen; the accessible name keeps it whole).
 */
export function badgeText(
  result: SubjectResult,
  state: DisplayState,
  language: Language = getLanguage(),
): { grade: string | null; verdict: string } {
  const grade = result.state === 'done' ? headlineGradeText(result.summary, language) : null;
  let verdict = stateLabel(state, result, language);
  if (state === 'unavailable') {
    const reason = unavailableReason(result, language);
    if (reason)
      verdict = `${verdict}${language === 'en' ? ': ' : '：'}${truncate(reason.replace(/[。.]$/, ''), 80)}`;
  }
  return { grade, verdict };
}

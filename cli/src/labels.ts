/**
 * Words the CLI shows for the API's codes, in Chinese and English.
 */
import { type Grade, type GradeScale, type LocalizedText, SCALE_LABELS } from '@xinjian/sdk';

export { CHANNEL_LABELS, DOMAIN_LABELS, LIST_LABELS, SCALE_LABELS } from '@xinjian/sdk';

/**
 * Output language.
 *
 * @example
 * ```ts
 * const lang: Language = 'en';
 * ```
 */
export type Language = 'zh' | 'en';

/**
 * Picks the text for a language.
 *
 * @example
 * ```ts
 * tr('en', { zh: '通过', en: 'pass' }); // 'pass'
 * ```
 */
export function tr(lang: Language, text: LocalizedText): string {
  return text[lang];
}

/**
 * A parenthetical in the language's own brackets.
 *
 * @example
 * ```ts
 * paren('zh', 'HTTP 500'); // '（HTTP 500）'
 * paren('en', 'HTTP 500'); // ' (HTTP 500)'
 * ```
 */
export function paren(lang: Language, text: string): string {
  if (text === '') return '';
  return lang === 'zh' ? `（${text}）` : ` (${text})`;
}

/**
 * What a row of the result ends as: a rule-pack verdict, or why there is none.
 *
 * @example
 * ```ts
 * const o: Outcome = 'ambiguous';
 * ```
 */
export type Outcome =
  | 'pass'
  | 'fail'
  | 'review'
  | 'incomplete'
  | 'not_found'
  | 'ambiguous'
  | 'unavailable'
  | 'invalid'
  /** The run was stopped (Ctrl-C) before this row had all its answers. */
  | 'interrupted';

/**
 * Icon and word for each {@link Outcome}.
 *
 * @example
 * ```ts
 * OUTCOME_LABELS.fail.zh; // '不通过'
 * OUTCOME_LABELS.fail.icon; // '✖'
 * ```
 */
export const OUTCOME_LABELS: Readonly<Record<Outcome, LocalizedText & { icon: string }>> = {
  pass: { icon: '✔', zh: '通过', en: 'pass' },
  fail: { icon: '✖', zh: '不通过', en: 'fail' },
  review: { icon: '⚠', zh: '需复核', en: 'review' },
  incomplete: { icon: '?', zh: '信息不全', en: 'incomplete' },
  not_found: { icon: '—', zh: '未找到', en: 'not found' },
  ambiguous: { icon: '≈', zh: '需人工确认', en: 'ambiguous' },
  unavailable: { icon: '!', zh: '暂不可用', en: 'unavailable' },
  invalid: { icon: '⊘', zh: '代码无效', en: 'invalid code' },
  interrupted: { icon: '…', zh: '未核查（已中断）', en: 'not checked (interrupted)' },
};

/**
 * Icon and word, as the terminal shows an outcome.
 *
 * @example
 * ```ts
 * outcomeLabel('zh', 'pass'); // '✔ 通过'
 * ```
 */
export function outcomeLabel(lang: Language, outcome: Outcome): string {
  const l = OUTCOME_LABELS[outcome];
  return `${l.icon} ${l[lang]}`;
}

const CUSTOMS_VALUES: Readonly<Record<string, LocalizedText>> = {
  advanced_certified: { zh: '高级认证企业', en: 'advanced certified (AEO)' },
  certified: { zh: '认证企业', en: 'certified (AEO)' },
  // 251号 manages everyone else as 常规管理; 282号 names the level 常规企业.
  regular: { zh: '常规管理', en: 'regular' },
  regular_282: { zh: '常规企业', en: 'regular' },
  dishonest: { zh: '失信企业', en: 'dishonest' },
  seriously_dishonest: { zh: '严重失信企业', en: 'seriously dishonest' },
};

/**
 * When a grade scale is in force, for scales that were replaced on a date (海关总署令第251号 by
 * 第282号 from 2026-04-01). Both days inclusive; null is open-ended.
 *
 * @example
 * ```ts
 * SCALE_PERIODS.customs_282?.from; // '2026-04-01'
 * ```
 */
export const SCALE_PERIODS: Readonly<
  Partial<Record<GradeScale, { from: string | null; to: string | null; source: string }>>
> = {
  customs_251: { from: '2021-11-01', to: '2026-03-31', source: '海关总署令第251号' },
  customs_282: { from: '2026-04-01', to: null, source: '海关总署令第282号' },
};

/**
 * Whether a grade's scale is in force on `day` (`YYYY-MM-DD`), per {@link SCALE_PERIODS}.
 *
 * @example
 * ```ts
 * scaleInForce('customs_251', '2026-11-20'); // false
 * ```
 */
export function scaleInForce(scale: GradeScale, day: string): boolean {
  const p = SCALE_PERIODS[scale];
  return p === undefined || ((p.from === null || p.from <= day) && (p.to === null || day <= p.to));
}

/**
 * A grade as people read it: value, scale, year where the scale has one, and issuer; with
 * `day`, a grade whose validity ended before that day is marked expired.
 *
 * @example
 * ```ts
 * formatGrade('zh', grade); // 'AA+ 人行长期信用等级 · 中诚信国际'
 * ```
 */
export function formatGrade(lang: Language, grade: Grade, day?: string): string {
  const value =
    grade.scale === 'customs_251' || grade.scale === 'customs_282'
      ? tr(
          lang,
          CUSTOMS_VALUES[
            grade.scale === 'customs_282' && grade.value === 'regular' ? 'regular_282' : grade.value
          ] ?? {
            zh: grade.value,
            en: grade.value,
          },
        )
      : grade.value;
  const year = 'year' in grade ? ` ${grade.year}` : '';
  const expired =
    day !== undefined && grade.validUntil !== null && grade.validUntil < day
      ? tr(lang, { zh: `（${grade.validUntil} 已过期）`, en: ` (expired ${grade.validUntil})` })
      : '';
  return `${value} ${tr(lang, SCALE_LABELS[grade.scale])}${year} · ${tr(lang, grade.issuer.name)}${expired}`;
}

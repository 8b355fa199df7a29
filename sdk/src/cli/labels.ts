/**
 * Words the CLI shows for the API's codes, in Chinese and English.
 */
import type { Grade, GradeScale, ListId, LocalizedText, SourceChannel } from '../core/schemas.ts';

/**
 * Output language.
 *
 * @example
 * ```ts
 * const lang: Lang = 'en';
 * ```
 */
export type Lang = 'zh' | 'en';

/**
 * Picks the text for a language.
 *
 * @example
 * ```ts
 * tr('en', { zh: '通过', en: 'pass' }); // 'pass'
 * ```
 */
export function tr(lang: Lang, text: LocalizedText): string {
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
export function paren(lang: Lang, text: string): string {
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
  | 'invalid';

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
};

/**
 * Icon and word, as the terminal shows an outcome.
 *
 * @example
 * ```ts
 * outcomeLabel('zh', 'pass'); // '✔ 通过'
 * ```
 */
export function outcomeLabel(lang: Lang, outcome: Outcome): string {
  const l = OUTCOME_LABELS[outcome];
  return `${l.icon} ${l[lang]}`;
}

/**
 * Short names of the grade scales.
 *
 * @example
 * ```ts
 * SCALE_LABELS.tax_credit.zh; // '纳税信用'
 * ```
 */
export const SCALE_LABELS: Readonly<Record<GradeScale, LocalizedText>> = {
  pboc_long_term: { zh: '人行长期信用等级', en: 'PBOC long-term' },
  pboc_short_term: { zh: '人行短期信用等级', en: 'PBOC short-term' },
  tax_credit: { zh: '纳税信用', en: 'tax credit' },
  customs_251: { zh: '海关信用（251号令）', en: 'customs credit (Order 251)' },
  customs_282: { zh: '海关信用（282号令）', en: 'customs credit (Order 282)' },
  highway_construction: { zh: '公路施工企业信用', en: 'highway construction credit' },
  public_credit: { zh: '公共信用综合评价', en: 'public credit evaluation' },
};

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
export function formatGrade(lang: Lang, grade: Grade, day?: string): string {
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

/**
 * Names of the public channels a summary can cite.
 *
 * @example
 * ```ts
 * CHANNEL_LABELS.ccgp.zh; // '中国政府采购网'
 * ```
 */
export const CHANNEL_LABELS: Readonly<Record<SourceChannel, LocalizedText>> = {
  creditchina: { zh: '信用中国', en: 'Credit China' },
  gsxt: { zh: '国家企业信用信息公示系统', en: 'National Enterprise Credit Information Publicity System' },
  zxgk: { zh: '中国执行信息公开网', en: 'China Enforcement Information Disclosure' },
  ccgp: { zh: '中国政府采购网', en: 'China Government Procurement' },
  chinatax: { zh: '国家税务总局', en: 'State Taxation Administration' },
  jzsc: { zh: '全国建筑市场监管公共服务平台', en: 'National Construction Market Platform' },
  customs: { zh: '海关', en: 'Customs' },
  pbccrc: { zh: '人民银行征信中心', en: 'PBOC Credit Reference Center' },
  housing_fund_center: { zh: '住房公积金管理中心', en: 'Housing Provident Fund Center' },
  agency: { zh: '评级机构', en: 'rating agency' },
};

/**
 * Names of the red and black lists.
 *
 * @example
 * ```ts
 * LIST_LABELS.dishonest_judgment_debtor.zh; // '失信被执行人'
 * ```
 */
export const LIST_LABELS: Readonly<Record<ListId, LocalizedText>> = {
  dishonest_judgment_debtor: { zh: '失信被执行人', en: 'dishonest judgment debtors' },
  major_tax_violation: { zh: '重大税收违法失信主体', en: 'major tax violators' },
  gp_serious_violation: {
    zh: '政府采购严重违法失信行为记录名单',
    en: 'government procurement serious violation list',
  },
  serious_illegal_dishonest: { zh: '严重违法失信名单', en: 'serious illegal and dishonest list' },
  abnormal_operation: { zh: '经营异常名录', en: 'abnormal operation list' },
  construction_blacklist: { zh: '建筑市场黑名单', en: 'construction market blacklist' },
  consumption_restricted: { zh: '限制消费人员', en: 'consumption restricted' },
  tax_a_grade: { zh: '纳税信用A级纳税人', en: 'A-grade taxpayers' },
  customs_aeo: { zh: '海关高级认证企业', en: 'customs AEO' },
  contract_abiding: { zh: '守合同重信用企业', en: 'contract-abiding enterprises' },
};

/**
 * Display text of the loan-review mode, shared by the badge and card, the side panel, the
 * options page and the exports. Every helper that prints a person masks on the way out: an ID
 * number that reaches one of them unmasked by mistake is still shown as `330***********9966`.
 */
import type { BorrowerRole, Finding } from '@xinjian/sdk/rules';
import type { Language } from '../../core/i18n.ts';
import { localized, t } from '../../core/i18n.ts';
import { maskedId, redactIds } from '../../core/personal.ts';
import type {
  LoanBorrowerRef,
  LoanDisplayState,
  LoanFacts,
  LoanHousehold,
  LoanResult,
  LoanRulePackRef,
} from './model.ts';
import { loanDisplayState } from './model.ts';
import type { LoanMessageKey } from './strings.ts';
import './strings.ts';

/**
 * An ID number for display: masked if it is a full number, unchanged if already masked.
 */
export function displayId(value: string): string {
  const v = value.trim();
  return /^\d{17}[\dXx]$/.test(v) ? maskedId(v) : redactIds(v);
}

/**
 * A borrower's role.
 */
export function roleLabel(role: BorrowerRole, language?: Language): string {
  return t(`loan.role.${role}`, undefined, language);
}

/**
 * Role, masked name and masked number in one line.
 */
export function borrowerLine(b: LoanBorrowerRef, language?: Language): string {
  return [roleLabel(b.role, language), b.nameMasked ? redactIds(b.nameMasked) : null, displayId(b.idMasked)]
    .filter(Boolean)
    .join(' ');
}

const ICONS: Record<LoanDisplayState, string> = {
  consent: '✎',
  checking: '◌',
  error: '⊘',
  eligible: '✓',
  ineligible: '✕',
  review: '!',
  incomplete: '⊘',
};

/**
 * The icon of a badge state: a distinct shape per state, so colour is never the only cue.
 */
export function loanStateIcon(state: LoanDisplayState): string {
  return ICONS[state];
}

/**
 * The word of a badge state.
 */
export function loanStateLabel(state: LoanDisplayState, language?: Language): string {
  switch (state) {
    case 'consent':
    case 'checking':
    case 'error':
      return t(`loan.state.${state}`, undefined, language);
    default:
      return t(`loan.verdict.${state}`, undefined, language);
  }
}

/**
 * The accessible name of a badge: who, and the verdict.
 */
export function loanBadgeLabel(b: LoanBorrowerRef, result: LoanResult, language?: Language): string {
  return t(
    'loan.badge.label',
    {
      role: roleLabel(b.role, language),
      name: b.nameMasked ? redactIds(b.nameMasked) : '',
      id: displayId(b.idMasked),
      verdict: loanStateLabel(loanDisplayState(result), language),
    },
    language,
  ).replace(/\s+/g, ' ');
}

/**
 * The household verdict in words: 不予贷款 when any borrower is ineligible.
 */
export function householdLabel(household: LoanHousehold, language?: Language): string {
  if (household.state === 'pending') return t('loan.household.pending', { n: household.waiting }, language);
  return t(`loan.household.${household.result.verdict}`, undefined, language);
}

/**
 * When a pack is in force, in words.
 */
export function packEffective(pack: LoanRulePackRef, language?: Language): string {
  if (pack.effectiveFrom && pack.effectiveTo)
    return t('loan.card.effective_range', { from: pack.effectiveFrom, to: pack.effectiveTo }, language);
  if (pack.effectiveFrom) return t('loan.card.effective_from', { from: pack.effectiveFrom }, language);
  return t('loan.card.effective_unknown', undefined, language);
}

/**
 * A pack as one line: title, city, version, effective date.
 */
export function packLine(pack: LoanRulePackRef, language?: Language): string {
  return t(
    'loan.card.pack_line',
    {
      title: localized(pack.title, language),
      city: pack.city
        ? localized(pack.city.name, language)
        : t('loan.card.pack_generic', undefined, language),
      version: pack.version,
      effective: packEffective(pack, language),
    },
    language,
  );
}

/**
 * Where a pack comes from and how sure that is.
 */
export function packSource(pack: LoanRulePackRef, language?: Language): string {
  return t(
    'loan.card.confidence',
    {
      source: `${pack.source.citation.documentNo}${pack.source.citation.label === true ? t('citation.label', undefined, language) : ''}`,
      level: t(`loan.confidence.${pack.confidence}`, undefined, language),
    },
    language,
  );
}

/**
 * The findings a card lists: everything that bars, needs review or is missing (information
 * findings stay in the report and the export).
 */
export function cardFindings(
  findings: readonly Finding[],
  language?: Language,
): Array<{ key: string; severity: Finding['severity']; text: string; months: string | null }> {
  return findings
    .filter((f) => f.severity !== 'info')
    .map((f, i) => ({
      key: `${f.code}-${f.record?.id ?? ''}-${i}`,
      severity: f.severity,
      text: redactIds(localized(f.message, language)),
      months:
        f.months && f.months.length > 0
          ? t(
              'loan.card.months',
              { months: f.months.join(t('loan.panel.list_sep', undefined, language)) },
              language,
            )
          : null,
    }));
}

/**
 * The key facts of a report as label/value lines.
 */
export function factLines(facts: LoanFacts, language?: Language): Array<{ label: string; value: string }> {
  const l = (key: LoanMessageKey, params?: Record<string, string | number>) =>
    t(`loan.${key}`, params, language);
  const overdue =
    facts.currentOverduePeriods > 0 || facts.currentOverdueAmountYuan > 0
      ? l('fact.current_overdue_value', {
          periods: facts.currentOverduePeriods,
          amount: facts.currentOverdueAmountYuan.toLocaleString('zh-CN'),
        })
      : l('fact.none');
  const deposit =
    facts.deposit === null
      ? l('fact.deposit_none')
      : facts.deposit.months === 0
        ? l('fact.deposit_zero')
        : l('fact.deposit_value', {
            months: facts.deposit.months,
            from: facts.deposit.from ?? '',
            to: facts.deposit.to ?? '',
          });
  return [
    { label: l('fact.current_overdue'), value: overdue },
    {
      label: l('fact.five_category'),
      value: facts.fiveCategory ? l(`five.${facts.fiveCategory}`) : l('fact.no_loans'),
    },
    {
      label: l('fact.card_status'),
      value:
        facts.cardStatuses.length === 0
          ? l('fact.no_cards')
          : facts.cardStatuses.map((s) => l(`cardstatus.${s}`)).join(l('panel.list_sep')),
    },
    {
      label: l('fact.dishonest'),
      value:
        facts.dishonestInForce === 0
          ? l('fact.dishonest_none')
          : l('fact.dishonest_some', { n: facts.dishonestInForce }),
    },
    { label: l('fact.deposit'), value: deposit },
  ];
}

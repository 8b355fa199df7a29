/**
 * The options page's loan-review parts: the rule pack (each built-in pack with its city,
 * version, source and confidence), the review date and the session cache of personal reports
 * (off by default). The audit log and its retention are the core's: one for every mode.
 */

import { housingFundRulePacks } from '@xinjian/sdk/rules';
import type { JSX } from 'preact';
import { localized, t } from '../../core/i18n.ts';
import type { LoanSettings } from '../../core/settings.ts';
import type { ModeOptions } from '../../core/ui/mode-views.ts';
import { packLine } from './format.ts';
import { PackSource } from './pack-source.tsx';
import { rulePackRef } from './review.ts';
import './options-strings.ts';
import '../../core/ui/page-strings.ts';

/**
 * The loan-review settings, edited in the options form's draft.
 */
export function LoanSettingsFieldset(props: {
  loan: LoanSettings;
  onChange: (loan: LoanSettings) => void;
}): JSX.Element {
  const { loan } = props;
  const set = (patch: Partial<LoanSettings>) => props.onChange({ ...loan, ...patch });
  const selected = housingFundRulePacks.find((p) => p.id === loan.rulePackId) ?? housingFundRulePacks[0];
  return (
    <fieldset data-testid="loan-settings">
      <legend>{t('loan.options.loan')}</legend>
      <label class="field">
        <span>{t('loan.options.rule_pack')}</span>
        <select
          name="rulePackId"
          value={loan.rulePackId}
          onChange={(e) => set({ rulePackId: (e.currentTarget as HTMLSelectElement).value })}
        >
          {housingFundRulePacks.map((p) => (
            <option key={p.id} value={p.id}>
              {packLine(rulePackRef(p))} · {t(`loan.confidence.${p.confidence}`)}
            </option>
          ))}
        </select>
      </label>
      {selected ? (
        <div class="muted small" data-testid="pack-source">
          <div>
            <PackSource pack={rulePackRef(selected)} />
          </div>
          <div>{selected.source.citation.title}</div>
          {selected.source.note ? <div>{localized(selected.source.note)}</div> : null}
        </div>
      ) : null}
      <label class="field">
        <span>{t('loan.options.review_date')}</span>
        <input
          type="date"
          name="reviewDate"
          value={loan.reviewDate ?? ''}
          onInput={(e) => set({ reviewDate: (e.currentTarget as HTMLInputElement).value || null })}
        />
      </label>
      <label class="row">
        <input
          type="checkbox"
          name="cacheReports"
          checked={loan.cacheReports}
          onChange={(e) => set({ cacheReports: (e.currentTarget as HTMLInputElement).checked })}
        />
        {t('loan.options.cache_reports')}
      </label>
    </fieldset>
  );
}

/** The loan mode's part of the options page (core/ui/mode-views.ts). */
export const options: ModeOptions = {
  Fieldset: ({ draft, update }) => (
    <LoanSettingsFieldset loan={draft.loan} onChange={(loan) => update({ loan })} />
  ),
};

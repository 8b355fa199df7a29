/**
 * The options page's loan-review parts: the rule pack (each built-in pack with its city,
 * version, source and confidence), the review date, the session cache of personal reports
 * (off by default), the audit-log retention, and the audit log itself (table and CSV export).
 */

import { describeError } from '@xinjian/sdk';
import { housingFundRulePacks } from '@xinjian/sdk/rules';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getLanguage, localized, t } from '../../core/i18n.ts';
import { send } from '../../core/messages.ts';
import { formatDateTime } from '../../core/screening/format.ts';
import { type LoanSettings, MIN_AUDIT_RETENTION_DAYS } from '../../core/settings.ts';
import { download, stamp } from '../../core/ui/common.tsx';
import type { ModeOptions } from '../../core/ui/mode-views.ts';
import { type AuditChainStatus, type AuditEntry, auditCsv, auditOutcome } from './audit.ts';
import { packLine, packSource, roleLabel } from './format.ts';
import { rulePackRef } from './review.ts';
import './audit-strings.ts';
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
          <div>{packSource(rulePackRef(selected))}</div>
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
      <label class="field">
        <span>{t('loan.options.retention')}</span>
        <input
          type="number"
          name="auditRetentionDays"
          min={MIN_AUDIT_RETENTION_DAYS}
          max={3650}
          value={loan.auditRetentionDays}
          aria-describedby="retention-min"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            // Lengthened only: a shorter period is raised to the legal minimum (settings.ts).
            const days = Math.max(MIN_AUDIT_RETENTION_DAYS, Math.floor(Number(input.value)) || 0);
            input.value = String(days);
            set({ auditRetentionDays: days });
          }}
        />
        <span id="retention-min" class="muted small">
          {t('loan.options.retention_min', { n: MIN_AUDIT_RETENTION_DAYS })}
        </span>
      </label>
    </fieldset>
  );
}

/**
 * The audit log: read through the background, which first deletes the entries past the
 * retention period; shown as a table and exported as CSV.
 */
export function AuditLogSection(): JSX.Element {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [total, setTotal] = useState(0);
  const [status, setStatus] = useState<AuditChainStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () => {
    send({ type: 'page:audit-log', limit: SHOWN_ENTRIES }).then(
      (log) => {
        setEntries(log.entries);
        setTotal(log.total);
        setStatus(log.status);
        setError(null);
      },
      (e: unknown) => setError(localized(describeError(e))),
    );
  };
  useEffect(load, []);

  const exportCsv = async () => {
    const all = await send({ type: 'page:audit-log' }).catch((e: unknown) => {
      setError(localized(describeError(e)));
      return null;
    });
    if (!all) return;
    download(`xinjian-audit-${stamp()}.csv`, auditCsv(all.entries, getLanguage()), 'text/csv;charset=utf-8');
  };

  return (
    <section aria-label={t('loan.options.audit')} data-testid="audit">
      <h2>{t('loan.options.audit')}</h2>
      <p class="muted small">{t('loan.options.audit_note')}</p>
      <div class="row">
        <button type="button" onClick={exportCsv} disabled={total === 0}>
          {t('loan.options.audit_export')}
        </button>
        <button
          type="button"
          onClick={load}
          aria-label={t('loan.options.audit_refresh')}
          title={t('loan.options.audit_refresh')}
        >
          ↻
        </button>
      </div>
      {status ? (
        <p role="status" data-testid="audit-chain" class={status.intact ? 'ok' : 'error'}>
          {status.intact
            ? t('loan.audit.intact', { n: status.entries })
            : t('loan.audit.broken', { n: status.brokenAt, total: status.entries })}
        </p>
      ) : null}
      {error ? <p class="error">{error}</p> : null}
      {entries && entries.length === 0 ? <p class="muted">{t('loan.options.audit_empty')}</p> : null}
      {entries && entries.length > 0 ? (
        <table class="data" data-testid="audit-table">
          <thead>
            <tr>
              <th>{t('loan.audit.time')}</th>
              <th>{t('loan.audit.operator')}</th>
              <th>{t('loan.audit.purpose')}</th>
              <th>{t('loan.audit.reference')}</th>
              <th>{t('loan.audit.role')}</th>
              <th>{t('loan.audit.id')}</th>
              <th>{t('loan.audit.hash')}</th>
              <th>{t('loan.audit.pack')}</th>
              <th>{t('loan.audit.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {[...entries].reverse().map((e) => (
              <tr key={e.id} data-audit-id={e.id}>
                <td class="nowrap">{formatDateTime(e.time)}</td>
                <td>{e.operator}</td>
                <td>{t(`loan.purpose.${e.purpose}`)}</td>
                <td>
                  {e.authorization.reference}
                  <div class="muted small">{e.authorization.grantedAt}</div>
                </td>
                <td>{roleLabel(e.subject.role)}</td>
                <td class="code">{e.subject.idMasked}</td>
                <td class="code small" title={e.hash}>
                  #{e.seq} {e.hash.slice(0, 12)}…
                </td>
                <td class="nowrap">
                  {e.rulePack.id}@{e.rulePack.version}
                </td>
                <td title={e.outcome.kind === 'error' ? e.outcome.code : undefined}>
                  {auditOutcome(e, getLanguage())}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** The newest entries the table shows; the CSV export has them all. */
const SHOWN_ENTRIES = 500;

/** The loan mode's part of the options page (core/ui/mode-views.ts). */
export const options: ModeOptions = {
  Fieldset: ({ draft, update }) => (
    <LoanSettingsFieldset loan={draft.loan} onChange={(loan) => update({ loan })} />
  ),
  Section: AuditLogSection,
};

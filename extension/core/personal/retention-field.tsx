/**
 * The audit log's retention on the options page: one setting for the one log of every mode that
 * looks people up, edited in the options form's draft.
 */
import type { JSX } from 'preact';
import { t } from '../i18n.ts';
import { type AuditSettings, MIN_AUDIT_RETENTION_DAYS } from '../settings.ts';
import './strings.ts';

export function AuditRetentionFieldset(props: {
  audit: AuditSettings;
  onChange: (audit: AuditSettings) => void;
}): JSX.Element {
  return (
    <fieldset data-testid="audit-settings">
      <legend>{t('personal.audit.title')}</legend>
      <label class="field">
        <span>{t('personal.audit.retention')}</span>
        <input
          type="number"
          name="auditRetentionDays"
          min={MIN_AUDIT_RETENTION_DAYS}
          max={3650}
          value={props.audit.retentionDays}
          aria-describedby="retention-min"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            // Lengthened only: a shorter period is raised to the legal minimum (settings.ts).
            const days = Math.max(MIN_AUDIT_RETENTION_DAYS, Math.floor(Number(input.value)) || 0);
            input.value = String(days);
            props.onChange({ retentionDays: days });
          }}
        />
        <span id="retention-min" class="muted small">
          {t('personal.audit.retention_min', { n: MIN_AUDIT_RETENTION_DAYS })}
        </span>
      </label>
    </fieldset>
  );
}

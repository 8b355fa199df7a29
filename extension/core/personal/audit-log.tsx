/**
 * The audit log of personal lookups on the options page: one log for every mode, read through
 * the background, which first deletes the entries past the retention period; shown as a table
 * and exported as CSV.
 */
import { describeError } from '@xinjian/sdk';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getLanguage, localized, t } from '../i18n.ts';
import { send } from '../messages.ts';
import { formatDateTime } from '../screening/format.ts';
import { download, stamp } from '../ui/common.tsx';
import { type AuditChainStatus, type AuditEntry, auditCsv, auditLabel, auditOutcome } from './audit.ts';
import './messages.ts';
import './strings.ts';

/**
 * The audit log's section.
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
    <section aria-label={t('personal.audit.title')} data-testid="audit">
      <h2>{t('personal.audit.title')}</h2>
      <p class="muted small">{t('personal.audit.note')}</p>
      <div class="row">
        <button type="button" onClick={exportCsv} disabled={total === 0}>
          {t('personal.audit.export')}
        </button>
        <button
          type="button"
          onClick={load}
          aria-label={t('personal.audit.refresh')}
          title={t('personal.audit.refresh')}
        >
          ↻
        </button>
      </div>
      {status ? (
        <p role="status" data-testid="audit-chain" class={status.intact ? 'ok' : 'error'}>
          {status.intact
            ? t('personal.audit.intact', { n: status.entries })
            : t('personal.audit.broken', { n: status.brokenAt, total: status.entries })}
        </p>
      ) : null}
      {error ? <p class="error">{error}</p> : null}
      {entries && entries.length === 0 ? <p class="muted">{t('personal.audit.empty')}</p> : null}
      {entries && entries.length > 0 ? (
        <table class="data" data-testid="audit-table">
          <thead>
            <tr>
              <th>{t('personal.audit.time')}</th>
              <th>{t('personal.audit.operator')}</th>
              <th>{t('personal.audit.purpose')}</th>
              <th>{t('personal.audit.reference')}</th>
              <th>{t('personal.audit.role')}</th>
              <th>{t('personal.audit.id')}</th>
              <th>{t('personal.audit.hash')}</th>
              <th>{t('personal.audit.pack')}</th>
              <th>{t('personal.audit.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {[...entries].reverse().map((e) => (
              <tr key={e.id} data-audit-id={e.id}>
                <td class="nowrap">{formatDateTime(e.time)}</td>
                <td>{e.operator}</td>
                <td>{auditLabel('purpose', e.purpose, getLanguage())}</td>
                <td>
                  {e.authorization.reference}
                  <div class="muted small">{e.authorization.grantedAt}</div>
                </td>
                <td>{auditLabel('role', e.subject.role, getLanguage())}</td>
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

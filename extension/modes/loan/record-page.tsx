/**
 * The printable loan decision record (`evidence.html?mode=loan&tab=…`): the household verdict, each
 * borrower's authorization, verdict and findings with their months, the rule pack, the
 * operator and the SHA-256 of the record's canonical JSON, with room to sign. The same record
 * as the JSON export; people appear masked only.
 */

import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getLanguage, t } from '../../core/i18n.ts';
import { formatZoned, isoOffset, truncate } from '../../core/screening/format.ts';
import { useModeRecord, useSettings, useTargetTab } from '../../core/ui/common.tsx';
import type { ModeRecordPage } from '../../core/ui/mode-views.ts';
import type { LoanTabRecord } from './model.ts';
import { panel } from './panel.tsx';
import { type LoanDecisionFile, sealLoanRecord } from './record.ts';
import './strings.ts';
import '../../core/ui/page-strings.ts';

const OWN = [panel];

/**
 * The printable record.
 */
export function LoanRecordPage(): JSX.Element {
  const settings = useSettings();
  const tab = useTargetTab();
  const own = useModeRecord(OWN, tab?.id ?? null);
  const record = own === undefined ? undefined : ((own?.record as LoanTabRecord | undefined) ?? null);
  const [sealed, setSealed] = useState<LoanDecisionFile | null>(null);

  useEffect(() => {
    if (!record || !settings) return;
    // The file kept for this review state: the same one the side panel exports.
    void sealLoanRecord(record, { operator: settings.operator, language: getLanguage() }).then(setSealed);
  }, [record, settings]);

  if (!sealed) return <main class="evidence muted">…</main>;
  const r = sealed.record;
  // Every time prints in the zone the record was made in, with its offset.
  const zone = isoOffset(r.generatedAt);
  return (
    <main class="evidence">
      <div class="no-print row">
        <button type="button" class="primary" onClick={() => window.print()}>
          {t('loan.panel.print')}
        </button>
      </div>
      <h1>{t('loan.record.title')}</h1>
      <p>{r.basis}</p>
      <table class="data meta">
        <tbody>
          <tr>
            <th>{t('loan.panel.page')}</th>
            <td>
              {truncate(r.page.title, 200)}
              <div class="code">{truncate(r.page.url, 300)}</div>
            </td>
          </tr>
          <tr>
            <th>{t('loan.business_no.label')}</th>
            <td data-testid="business-no">
              {r.businessNo?.value ?? '—'}
              {r.businessNo ? (
                <div class="muted">
                  {r.businessNo.readFrom
                    ? t('loan.business_no.read', { label: r.businessNo.readFrom })
                    : t('loan.business_no.officer')}
                </div>
              ) : null}
            </td>
          </tr>
          <tr>
            <th>{t('loan.consent.purpose')}</th>
            <td>{r.purposeLabel}</td>
          </tr>
          <tr>
            <th>{t('loan.card.pack')}</th>
            <td>
              {t('loan.record.pack', {
                title: r.rulePack.title,
                city: r.rulePack.city ?? t('loan.card.pack_generic'),
                ref: `${r.rulePack.id}@${r.rulePack.version}`,
              })}
              <div class="muted">
                <SourceName source={r.rulePack.source} /> · {r.rulePack.source.title} ·{' '}
                {t(`loan.confidence.${r.rulePack.confidence as 'confirmed' | 'secondary' | 'unconfirmed'}`)}
              </div>
            </td>
          </tr>
          <tr>
            <th>{t('loan.panel.review_date')}</th>
            <td>{r.asOf}</td>
          </tr>
          <tr>
            <th>{t('loan.audit.time')}</th>
            <td>{formatZoned(r.queriedAt, zone)}</td>
          </tr>
          <tr>
            <th>{t('loan.record.generated_at')}</th>
            <td>{formatZoned(r.generatedAt, zone)}</td>
          </tr>
          <tr>
            <th>{t('loan.record.operator')}</th>
            <td>{r.operator || '—'}</td>
          </tr>
        </tbody>
      </table>
      <h2>{t('loan.panel.household')}</h2>
      <p data-testid="household-verdict">
        <strong>{r.household.label}</strong>
      </p>
      {r.household.findings.length > 0 ? (
        <ul>
          {r.household.findings.map((f, i) => (
            <li key={`${f.code}-${i}`}>{f.message}</li>
          ))}
        </ul>
      ) : null}
      <h2>{t('loan.panel.borrowers')}</h2>
      <table class="data">
        <thead>
          <tr>
            <th>{t('loan.panel.col_role')}</th>
            <th>{t('loan.panel.col_id')}</th>
            <th>{t('loan.panel.col_auth')}</th>
            <th>{t('loan.panel.col_verdict')}</th>
            <th>{t('panel.queried_at')}</th>
          </tr>
        </thead>
        <tbody>
          {r.borrowers.map((b) => (
            <tr key={b.key}>
              <td>
                {b.roleLabel}
                <div>{b.nameMasked ?? '—'}</div>
              </td>
              <td class="code">{b.idMasked}</td>
              <td>
                {b.authorization ? (
                  <>
                    {b.authorization.reference}
                    <div class="muted">{b.authorization.grantedAt}</div>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>
                <strong>{b.verdictLabel}</strong>
                {b.findings
                  .filter((f) => f.severity !== 'info')
                  .map((f, i) => (
                    <div key={`${f.code}-${i}`} class="muted">
                      {f.message}
                    </div>
                  ))}
                {b.reportIds.length > 0 ? <div class="muted code">{b.reportIds.join(', ')}</div> : null}
              </td>
              <td class="nowrap" data-testid="queried-at">
                {b.checkedAt ? formatZoned(b.checkedAt, zone) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('loan.panel.sha256')}</h2>
      <p class="code hash" data-testid="sha256">
        {sealed.digest.value}
      </p>
      <p class="muted">{t('loan.record.hash_note')}</p>
      <p class="signature">{t('loan.record.signature')}</p>
    </main>
  );
}

/** The loan mode's printable record (core/ui/mode-views.ts). */
export const recordPage: ModeRecordPage = LoanRecordPage;

/** The pack's source: its 文号, or a name marked as one, linked to where it can be read. */
function SourceName(props: {
  source: { documentNo: string; label?: boolean; url?: string | null };
}): JSX.Element {
  const { documentNo, label, url } = props.source;
  return (
    <span>
      {label === true && url ? (
        <a href={url} target="_blank" rel="noopener noreferrer">
          {documentNo}
        </a>
      ) : (
        documentNo
      )}
      {label === true ? t('citation.label') : null}
    </span>
  );
}

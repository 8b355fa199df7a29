/**
 * The printable evidence page: what an officer files with the procurement documents instead
 * of screenshots. It shows the query record of every bidder on one page (or one bidder) and
 * the SHA-256 of the record's canonical JSON, with room to sign.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getLanguage, t } from '../i18n.ts';
import { loadReportIds, useSettings, useTabRecord, useTargetTab } from '../ui/common.tsx';
import { type PageEvidence, pageEvidence, type SealedEvidence, sealEvidence } from './evidence.ts';
import { formatDateTime } from './format.ts';

/**
 * The evidence page.
 *
 * @example
 * ```ts
 * render(<EvidencePage />, document.getElementById('app')!);
 * ```
 */
export function EvidencePage(): JSX.Element {
  const settings = useSettings();
  const tab = useTargetTab();
  const record = useTabRecord(tab?.id ?? null);
  const [sealed, setSealed] = useState<SealedEvidence<PageEvidence> | null>(null);
  const only = new URLSearchParams(location.search).get('subject');

  useEffect(() => {
    if (!record || !settings) return;
    void (async () => {
      const subjects = only ? record.subjects.filter((s) => s.subject.key === only) : record.subjects;
      const evidence = pageEvidence(
        { ...record, subjects },
        {
          operator: settings.operator,
          reportIds: await loadReportIds(),
          generatedAt: new Date().toISOString(),
          language: getLanguage(),
        },
      );
      setSealed(await sealEvidence(evidence));
    })();
  }, [record, settings]);

  if (!sealed) return <main class="evidence muted">…</main>;
  const e = sealed.record;
  return (
    <main class="evidence">
      <div class="no-print row">
        <button type="button" class="primary" onClick={() => window.print()}>
          {t('panel.print')}
        </button>
      </div>
      <h1>{t('evidence.title')}</h1>
      <p>{e.basis}</p>
      <table class="data meta">
        <tbody>
          <tr>
            <th>{t('panel.url')}</th>
            <td>
              {e.page.title}
              <div class="code">{e.page.url}</div>
            </td>
          </tr>
          <tr>
            <th>{t('panel.cutoff')}</th>
            <td>
              {e.cutoff.date}（{t(`cutoff.${e.cutoff.source}`)}）
            </td>
          </tr>
          <tr>
            <th>{t('panel.queried_at')}</th>
            <td>{formatDateTime(e.generatedAt)}</td>
          </tr>
          <tr>
            <th>{t('panel.operator')}</th>
            <td>{e.operator || '—'}</td>
          </tr>
        </tbody>
      </table>
      <h2>{t('evidence.result')}</h2>
      <table class="data">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('panel.col_name')}</th>
            <th>{t('panel.col_code')}</th>
            <th>{t('panel.col_verdict')}</th>
            <th>{t('evidence.channels')}</th>
            <th>{t('evidence.lists')}</th>
          </tr>
        </thead>
        <tbody>
          {e.bidders.map((b, i) => (
            <tr key={b.subject.key}>
              <td>{i + 1}</td>
              <td>
                {b.subject.name ?? '—'}
                <div class="muted">{t(`role.${b.subject.role}` as 'role.bidder')}</div>
              </td>
              <td class="code">{b.subject.uscc ?? b.subject.code ?? '—'}</td>
              <td>
                {b.result.label}
                {b.result.grade ? <div class="muted">{b.result.grade}</div> : null}
                {b.result.findings
                  .filter((f) => f.severity !== 'info')
                  .map((f) => (
                    <div key={f.code} class="muted">
                      {f.message}（{f.citations.join('；')}）
                    </div>
                  ))}
                {b.reportIds.length > 0 ? <div class="muted code">{b.reportIds.join(', ')}</div> : null}
              </td>
              <td>
                {b.channels.map((c) => (
                  <div key={c.channel}>
                    {c.name} {c.status === 'ok' ? formatDateTime(c.fetchedAt) : t('state.unavailable')}
                    <div class="muted code">{c.url}</div>
                  </div>
                ))}
              </td>
              <td>
                {b.lists.map((l) => (
                  <div key={`${l.list}-${l.channel}`}>
                    {l.name}：{l.hit ? '■' : '□'}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('panel.sha256')}</h2>
      <p class="code hash" data-testid="sha256">
        {sealed.sha256}
      </p>
      <p class="muted">{t('evidence.hash_note')}</p>
      <p class="signature">{t('evidence.signature')}</p>
    </main>
  );
}

/**
 * The toolbar popup: this site's status and mode, the counts of the current page (with
 * progress while checking), enable/disable on this site, and a quick lookup.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../i18n.ts';
import { type QuickLookup, send } from '../messages.ts';
import { MODES, modeLabel } from '../modes.ts';
import { headlineGradeText, truncate } from '../screening/format.ts';
import { countStates } from '../screening/model.ts';
import { looksPersonal } from '../screening/subjects.ts';
import type { SiteSetting } from '../settings.ts';
import { Progress, ServiceBanner, useSettings, useTabRecord, useTargetTab, VerdictChip } from './common.tsx';
import { errorText } from './connection.ts';
import './page-strings.ts';

type SiteStatus = { pattern: string | null; site: SiteSetting | null; granted: boolean };

/**
 * The popup.
 */
export function Popup(): JSX.Element {
  const settings = useSettings();
  const tab = useTargetTab();
  const record = useTabRecord(tab?.id ?? null);
  const [status, setStatus] = useState<SiteStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = async (url: string | null) => {
    if (!url) return setStatus({ pattern: null, site: null, granted: false });
    setStatus(await send({ type: 'page:site-status', url }));
  };
  useEffect(() => {
    if (tab) void refresh(tab.url ?? record?.url ?? null);
  }, [tab?.id, tab?.url, record?.url, settings]);

  if (!settings || !tab) return <main class="popup muted">…</main>;
  const enabled = status?.site != null && status.site.mode !== 'off' && status.granted;

  const enable = async () => {
    if (!status?.pattern) return;
    setBusy(true);
    setError(null);
    try {
      // Asked here, in the click: the browser shows its permission prompt for this site only.
      const granted = await browser.permissions.request({ origins: [status.pattern] });
      if (!granted) {
        setError(t('popup.permission_denied'));
        return;
      }
      // A site switched on from the popup runs the first mode; the options page picks another.
      await send({
        type: 'page:set-site',
        pattern: status.pattern,
        mode: MODES[0]?.id ?? 'off',
        tabId: tab.id,
      });
      await refresh(tab.url);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const disable = async () => {
    if (!status?.site) return;
    setBusy(true);
    await send({
      type: 'page:remove-site',
      pattern: status.site.pattern,
      pathPrefix: status.site.pathPrefix,
    });
    await refresh(tab.url);
    setBusy(false);
  };
  const openPanel = async () => {
    try {
      if (import.meta.env.FIREFOX) throw new Error('use the background');
      await browser.sidePanel.open({ tabId: tab.id });
    } catch {
      await send({ type: 'page:open-side-panel', tabId: tab.id, key: null });
    }
  };

  const counts = countStates(record?.subjects ?? []);
  // 已查 is the sum of the counts beside it: every answered subject is in exactly one of them.
  const done =
    counts.pass +
    counts.review +
    counts.fail +
    counts.unavailable +
    counts.not_found +
    counts.invalid +
    counts.ambiguous;
  return (
    <main class="popup stack">
      <h1>{t('popup.title')}</h1>
      <section aria-label={t('popup.site')}>
        <div class="row">
          <span class="muted">{t('popup.site')}</span>
          <span class="code truncate">{status?.pattern ?? t('popup.not_web')}</span>
        </div>
        <div class="row">
          <span class="muted">{t('popup.mode')}</span>
          <strong data-testid="site-state">
            {enabled
              ? `${t('popup.enabled')} · ${modeLabel(status?.site?.mode ?? 'off')}`
              : t('popup.disabled')}
          </strong>
        </div>
        {status?.pattern ? (
          <div class="row">
            {enabled ? (
              <button type="button" onClick={disable} disabled={busy}>
                {t('popup.disable')}
              </button>
            ) : (
              <button type="button" class="primary" onClick={enable} disabled={busy}>
                {t('popup.enable')}
              </button>
            )}
          </div>
        ) : null}
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
      </section>
      {enabled && status?.site?.mode === 'loan' ? (
        <button type="button" onClick={openPanel}>
          {t('popup.open_panel')}
        </button>
      ) : null}
      {record && record.subjects.length > 0 ? (
        <section aria-label={t('popup.counts')}>
          <h2>{t('popup.counts')}</h2>
          <ServiceBanner subjects={record.subjects} />
          <Progress done={done} total={counts.total - counts.idle} />
          <dl class="counts" data-testid="counts">
            <Count name="checked" label={t('popup.checked')} value={done} />
            <Count name="pass" label={t('state.pass')} value={counts.pass} />
            <Count name="review" label={t('state.review')} value={counts.review} />
            <Count name="fail" label={t('state.fail')} value={counts.fail} />
            <Count name="unavailable" label={t('state.unavailable')} value={counts.unavailable} />
            <Count name="not_found" label={t('popup.not_found')} value={counts.not_found} />
            <Count name="other" label={t('popup.other')} value={counts.invalid + counts.ambiguous} />
          </dl>
          <button type="button" onClick={openPanel}>
            {t('popup.open_panel')}
          </button>
        </section>
      ) : null}
      <QuickLookupForm />
      <div>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.options')}
        </button>
      </div>
    </main>
  );
}

function Count({ name, label, value }: { name: string; label: string; value: number }): JSX.Element {
  return (
    <div class="count" data-count={name}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function QuickLookupForm(): JSX.Element {
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<QuickLookup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (q: string) => {
    if (!q.trim()) return;
    if (looksPersonal(q)) {
      setAnswer(null);
      setError(t('popup.quick_personal'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setAnswer(await send({ type: 'page:quick-lookup', query: q }));
    } catch (e) {
      setAnswer(null);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const result = answer?.result;
  return (
    <section aria-label={t('popup.quick')}>
      <h2>{t('popup.quick')}</h2>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run(query);
        }}
      >
        <input
          type="search"
          value={query}
          placeholder={t('popup.quick_placeholder')}
          aria-label={t('popup.quick_placeholder')}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" disabled={busy}>
          {t('popup.search')}
        </button>
      </form>
      {error ? (
        <p class="error" role="alert" data-testid="quick-error">
          {error}
        </p>
      ) : null}
      {answer && result ? (
        <div class="quick-result" data-testid="quick-result">
          <div>
            <strong>
              {truncate(
                result.state === 'done'
                  ? result.summary.subject.name
                  : (answer.subject.name ?? answer.subject.code?.value ?? ''),
                40,
              )}
            </strong>
          </div>
          {result.state === 'done' ? <div class="code muted">{result.summary.subject.uscc}</div> : null}
          <div class="row">
            {result.state === 'done' ? (
              <span>{headlineGradeText(result.summary) ?? t('badge.no_grade')}</span>
            ) : null}
            <VerdictChip result={result} />
          </div>
          {result.state === 'ambiguous' ? (
            <ul>
              {result.candidates.map((c) => (
                <li key={c.subject.id}>
                  <button type="button" onClick={() => void run(c.subject.uscc)}>
                    {t('card.pick_item', {
                      name: truncate(c.subject.name, 30),
                      region: c.subject.region.name,
                      uscc: c.subject.uscc,
                    })}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

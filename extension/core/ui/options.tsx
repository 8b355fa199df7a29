/**
 * The options page: API address and key (with a connection test against the account
 * endpoint), site rules and their mode (whole sites or one path of a site), the cut-off
 * behaviour, cache lifetime, automatic or on-click lookup, operator name and language, the
 * loan-review settings and the audit log of personal lookups.
 */

import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../i18n.ts';
import { send } from '../messages.ts';
import { byMode, modeLabel } from '../modes.ts';
import { AuditLogSection } from '../personal/audit-log.tsx';
import { AuditRetentionFieldset } from '../personal/retention-field.tsx';
import {
  AVAILABLE_MODES,
  isValidPathPrefix,
  isValidSitePattern,
  type Settings,
  type SiteMode,
  saveSettings,
} from '../settings.ts';
import { useSettings } from './common.tsx';
import type { ModeOptions } from './mode-views.ts';
import { ApiFields, apiAddressProblem, OperatorField } from './welcome.tsx';
import './page-strings.ts';

const OPTIONS = [
  ...byMode(
    import.meta.glob<ModeOptions>('../../modes/*/options.tsx', { eager: true, import: 'options' }),
  ).values(),
];

/**
 * The options page.
 */
export function Options(): JSX.Element {
  const stored = useSettings();
  const [draft, setDraft] = useState<Settings | null>(null);
  const [saved, setSaved] = useState<'idle' | 'saved' | string>('idle');
  const [newSite, setNewSite] = useState('');
  const [newPath, setNewPath] = useState('');
  const [newMode, setNewMode] = useState<SiteMode>('procurement');
  const [siteError, setSiteError] = useState<string | null>(null);

  useEffect(() => {
    if (stored && !draft) setDraft(stored);
  }, [stored]);
  if (!draft || !stored) return <main class="options muted">…</main>;

  const update = (patch: Partial<Settings>) => {
    setSaved('idle');
    setDraft({ ...draft, ...patch });
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const problem = await apiAddressProblem(draft.api.baseUrl);
    if (problem) {
      setSaved(problem);
      return;
    }
    // Sites are changed through the background (they need registration), not by this form.
    await saveSettings({ ...draft, sites: stored.sites });
    setSaved('saved');
  };

  const addSite = async () => {
    const pattern = newSite.trim();
    const pathPrefix = newPath.trim();
    if (!isValidSitePattern(pattern)) {
      setSiteError(t('options.site_invalid'));
      return;
    }
    if (pathPrefix && !isValidPathPrefix(pathPrefix)) {
      setSiteError(t('options.path_invalid'));
      return;
    }
    setSiteError(null);
    if (!(await browser.permissions.request({ origins: [pattern] }))) {
      setSiteError(t('popup.permission_denied'));
      return;
    }
    await send({
      type: 'page:set-site',
      pattern,
      pathPrefix: pathPrefix || undefined,
      mode: newMode,
      tabId: null,
    });
    setNewSite('');
    setNewPath('');
  };

  return (
    <main class="options">
      <h1>{t('options.title')}</h1>
      <form onSubmit={save}>
        <fieldset>
          <legend>{t('options.api')}</legend>
          <ApiFields api={draft.api} onChange={(api) => update({ api })} />
        </fieldset>

        <fieldset>
          <legend>{t('options.sites')}</legend>
          {stored.sites.length === 0 ? <p class="muted">{t('options.no_sites')}</p> : null}
          <table class="data" data-testid="sites">
            <tbody>
              {stored.sites.map((site) => (
                <tr key={`${site.pattern}${site.pathPrefix ?? ''}`}>
                  <td class="code">
                    {site.pattern}
                    {site.pathPrefix ? <div class="muted small">{site.pathPrefix}</div> : null}
                  </td>
                  <td>
                    <select
                      aria-label={`${t('popup.mode')} ${site.pattern}${site.pathPrefix ?? ''}`}
                      value={site.mode}
                      onChange={(e) =>
                        void send({
                          type: 'page:set-site',
                          pattern: site.pattern,
                          pathPrefix: site.pathPrefix,
                          mode: (e.currentTarget as HTMLSelectElement).value as SiteMode,
                          tabId: null,
                        })
                      }
                    >
                      {AVAILABLE_MODES.map((mode) => (
                        <option key={mode} value={mode}>
                          {modeLabel(mode)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      onClick={() =>
                        void send({
                          type: 'page:remove-site',
                          pattern: site.pattern,
                          pathPrefix: site.pathPrefix,
                        })
                      }
                    >
                      {t('options.site_remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="row">
            <input
              type="text"
              aria-label={t('options.site_pattern')}
              placeholder="https://ggzy.example.gov.cn/*"
              value={newSite}
              onInput={(e) => setNewSite((e.currentTarget as HTMLInputElement).value)}
            />
            <input
              type="text"
              aria-label={t('options.path_prefix')}
              placeholder={t('options.path_prefix')}
              value={newPath}
              onInput={(e) => setNewPath((e.currentTarget as HTMLInputElement).value)}
            />
            <select
              aria-label={t('options.site_mode')}
              value={newMode}
              onChange={(e) => setNewMode((e.currentTarget as HTMLSelectElement).value as SiteMode)}
            >
              {AVAILABLE_MODES.filter((m) => m !== 'off').map((mode) => (
                <option key={mode} value={mode}>
                  {modeLabel(mode)}
                </option>
              ))}
            </select>
            <button type="button" onClick={addSite}>
              {t('options.site_add')}
            </button>
          </div>
          {siteError ? <p class="error">{siteError}</p> : null}
        </fieldset>

        <fieldset>
          <legend>{t('options.cutoff')}</legend>
          <label class="row">
            <input
              type="checkbox"
              checked={draft.cutoff.readFromPage}
              onChange={(e) =>
                update({
                  cutoff: { ...draft.cutoff, readFromPage: (e.currentTarget as HTMLInputElement).checked },
                })
              }
            />
            {t('options.cutoff_page')}
          </label>
          <label class="field">
            <span>{t('options.cutoff_fixed')}</span>
            <input
              type="date"
              value={draft.cutoff.fixedDate ?? ''}
              onInput={(e) =>
                update({
                  cutoff: { ...draft.cutoff, fixedDate: (e.currentTarget as HTMLInputElement).value || null },
                })
              }
            />
          </label>
        </fieldset>

        <fieldset>
          <legend>{t('options.lookup')}</legend>
          <label class="row">
            <input
              type="radio"
              name="lookup"
              checked={draft.lookup === 'auto'}
              onChange={() => update({ lookup: 'auto' })}
            />
            {t('options.lookup_auto')}
          </label>
          <label class="row">
            <input
              type="radio"
              name="lookup"
              checked={draft.lookup === 'click'}
              onChange={() => update({ lookup: 'click' })}
            />
            {t('options.lookup_click')}
          </label>
          <label class="field">
            <span>{t('options.cache')}</span>
            <input
              type="number"
              min={0}
              max={1440}
              value={draft.cacheTtlMinutes}
              onInput={(e) =>
                update({ cacheTtlMinutes: Number((e.currentTarget as HTMLInputElement).value) || 0 })
              }
            />
          </label>
          <OperatorField value={draft.operator} onChange={(operator) => update({ operator })} />
          <label class="field">
            <span>{t('options.language')}</span>
            <select
              value={draft.language}
              onChange={(e) =>
                update({ language: (e.currentTarget as HTMLSelectElement).value === 'en' ? 'en' : 'zh-CN' })
              }
            >
              <option value="zh-CN">简体中文</option>
              <option value="en">English</option>
            </select>
          </label>
        </fieldset>

        {OPTIONS.map(({ Fieldset }, i) =>
          Fieldset ? <Fieldset key={i} draft={draft} update={update} /> : null,
        )}
        <AuditRetentionFieldset audit={draft.audit} onChange={(audit) => update({ audit })} />

        <div class="row">
          <button type="submit" class="primary">
            {t('options.save')}
          </button>
          <span role="status" data-testid="saved">
            {saved === 'saved' ? <span class="ok">{t('options.saved')}</span> : null}
            {saved !== 'saved' && saved !== 'idle' ? <span class="error">{saved}</span> : null}
          </span>
        </div>
      </form>
      {OPTIONS.map(({ Section }, i) => (Section ? <Section key={i} /> : null))}
      <AuditLogSection />
    </main>
  );
}

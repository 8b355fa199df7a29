/**
 * The welcome page, opened on install when no key is set: the API address and key with a
 * connection test, the operator's name, the first site to enable (with the browser's permission
 * prompt) and, in builds that talk to the local mock service, a link to the demo page.
 */
import { type Account, checkBaseUrl } from '@xinjian/sdk';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { localized, t } from '../i18n.ts';
import { send } from '../messages.ts';
import { MODES, modeLabel } from '../modes.ts';
import {
  isValidSitePattern,
  type Settings,
  type SiteMode,
  saveSettings,
  sitePatternFor,
} from '../settings.ts';
import { useSettings } from './common.tsx';
import { connectionProblem, errorText } from './connection.ts';
import './page-strings.ts';

type Probe =
  | { kind: 'idle' }
  | { kind: 'testing' }
  | { kind: 'ok'; account: Account }
  | { kind: 'failed'; reason: string };

/** The demo page of a build that talks to the local mock service, or `null` in production. */
function demoUrl(): string | null {
  const local = typeof __XINJIAN_LOCAL_DEFAULTS__ === 'undefined' ? null : __XINJIAN_LOCAL_DEFAULTS__;
  const first = MODES[0];
  return local && first ? `${local.apiBaseUrl}${first.demoPath}` : null;
}

/**
 * Tests an address and key: first what can be told without a request, then the account
 * endpoint through the background. Resolves to what the page shows.
 */
export async function probeConnection(baseUrl: string, key: string): Promise<Probe> {
  const problem = connectionProblem(baseUrl, key);
  if (problem) return { kind: 'failed', reason: problem };
  try {
    return { kind: 'ok', account: await send({ type: 'page:test-connection', baseUrl, apiKey: key }) };
  } catch (e) {
    return { kind: 'failed', reason: errorText(e) };
  }
}

/**
 * The connection test's outcome, as the options and welcome pages show it.
 */
export function ProbeStatus({ probe }: { probe: Probe }): JSX.Element {
  return (
    <span role="status" data-testid="probe">
      {probe.kind === 'testing' ? t('options.testing') : null}
      {probe.kind === 'ok' ? (
        <span class="ok">
          {t('options.test_ok', {
            name: probe.account.name,
            credits: probe.account.credits.remaining.toLocaleString('zh-CN'),
          })}
        </span>
      ) : null}
      {probe.kind === 'failed' ? (
        <span class="error">{t('options.test_failed', { reason: probe.reason })}</span>
      ) : null}
    </span>
  );
}

/**
 * Why an API address cannot be saved, or `null`: plain http:// to another machine would carry the
 * key, ID numbers and reports unencrypted, and the background calls the API from the
 * extension's origin, so it needs that host's permission (asked here, in the officer's click).
 */
export async function apiAddressProblem(baseUrl: string): Promise<string | null> {
  const address = baseUrl ? checkBaseUrl(baseUrl) : null;
  if (address && !address.ok) return localized(address.reason);
  try {
    const origin = new URL(baseUrl).origin;
    if (!(await browser.permissions.request({ origins: [`${origin}/*`] })))
      return t('options.permission_denied');
  } catch {
    // No or an invalid address: saved as typed; the connection test says what is wrong.
  }
  return null;
}

/** The operator's name, printed on evidence records, as both the welcome and options pages ask for it. */
export function OperatorField(props: { value: string; onChange: (operator: string) => void }): JSX.Element {
  return (
    <label class="field">
      <span>{t('options.operator')}</span>
      <input
        type="text"
        name="operator"
        value={props.value}
        onInput={(e) => props.onChange((e.currentTarget as HTMLInputElement).value)}
      />
    </label>
  );
}

/**
 * The API address and key with the connection test, as the welcome page and the options page
 * both ask for them.
 */
export function ApiFields(props: {
  api: Settings['api'];
  onChange: (api: Settings['api']) => void;
  /** Raised after a save: tests the connection then, unless the officer already did. */
  saved?: number;
}): JSX.Element {
  const { api, onChange } = props;
  const [probe, setProbe] = useState<Probe>({ kind: 'idle' });
  const test = async () => {
    setProbe({ kind: 'testing' });
    setProbe(await probeConnection(api.baseUrl, api.key));
  };
  // Once per save, with the address as saved.
  useEffect(() => {
    if (props.saved && probe.kind === 'idle') void test();
  }, [props.saved]);
  return (
    <>
      <label class="field">
        <span>{t('options.base_url')}</span>
        <input
          type="url"
          name="baseUrl"
          value={api.baseUrl}
          placeholder="https://api.example.cn"
          onInput={(e) => onChange({ ...api, baseUrl: (e.currentTarget as HTMLInputElement).value.trim() })}
        />
      </label>
      <label class="field">
        <span>{t('options.key')}</span>
        <input
          type="password"
          name="apiKey"
          autocomplete="off"
          value={api.key}
          onInput={(e) => onChange({ ...api, key: (e.currentTarget as HTMLInputElement).value.trim() })}
        />
      </label>
      <div class="row">
        <button type="button" onClick={test} disabled={probe.kind === 'testing'}>
          {t('options.test')}
        </button>
        <ProbeStatus probe={probe} />
      </div>
    </>
  );
}

export type { Probe };

/**
 * The welcome page.
 */
export function Welcome(): JSX.Element {
  const stored = useSettings();
  const [draft, setDraft] = useState<Settings | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saves, setSaves] = useState(0);
  const [site, setSite] = useState('');
  const [siteMode, setSiteMode] = useState<SiteMode>(MODES[0]?.id ?? 'procurement');
  const [siteNote, setSiteNote] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    if (stored && !draft) setDraft(stored);
  }, [stored]);
  if (!draft || !stored) return <main class="welcome muted">…</main>;

  const update = (patch: Partial<Settings>) => {
    setSaved(null);
    setDraft({ ...draft, ...patch });
  };
  const setLanguage = (language: Settings['language']) => {
    // The language applies at once: the rest of the page is read in it.
    update({ language });
    void saveSettings({ ...stored, language });
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const problem = await apiAddressProblem(draft.api.baseUrl);
    if (problem) {
      setSaved(problem);
      return;
    }
    await saveSettings({
      ...stored,
      api: draft.api,
      operator: draft.operator.trim(),
      language: draft.language,
    });
    setSaved(t('ui.welcome.saved'));
    setSaves((n) => n + 1);
  };

  const enableSite = async () => {
    const typed = site.trim();
    // A pasted address works as well as a match pattern.
    const pattern = isValidSitePattern(typed) ? typed : sitePatternFor(typed);
    if (!pattern) {
      setSiteNote({ ok: false, text: t('options.site_invalid') });
      return;
    }
    try {
      if (!(await browser.permissions.request({ origins: [pattern] }))) {
        setSiteNote({ ok: false, text: t('popup.permission_denied') });
        return;
      }
      await send({ type: 'page:set-site', pattern, mode: siteMode, tabId: null });
      setSiteNote({ ok: true, text: t('ui.welcome.site_enabled', { pattern, mode: modeLabel(siteMode) }) });
    } catch (e) {
      setSiteNote({ ok: false, text: errorText(e) });
    }
  };

  const demo = demoUrl();
  return (
    <main class="welcome options stack">
      <div class="row">
        <h1>{t('ui.welcome.title')}</h1>
        <span class="spacer" />
        <label class="row">
          <span class="muted">{t('options.language')}</span>
          <select
            name="language"
            value={draft.language}
            onChange={(e) =>
              setLanguage((e.currentTarget as HTMLSelectElement).value === 'en' ? 'en' : 'zh-CN')
            }
          >
            <option value="zh-CN">简体中文</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      <p>{t('ui.welcome.intro')}</p>
      <form onSubmit={save}>
        <fieldset>
          <legend>{t('ui.welcome.step_api')}</legend>
          <ApiFields api={draft.api} onChange={(api) => update({ api })} saved={saves} />
        </fieldset>
        <fieldset>
          <legend>{t('ui.welcome.step_operator')}</legend>
          <OperatorField value={draft.operator} onChange={(operator) => update({ operator })} />
          <p class="muted small">{t('ui.welcome.operator_hint')}</p>
        </fieldset>
        <div class="row">
          <button type="submit" class="primary">
            {t('ui.welcome.save')}
          </button>
          <span role="status" data-testid="saved">
            {saved}
          </span>
        </div>
      </form>
      <fieldset>
        <legend>{t('ui.welcome.step_site')}</legend>
        <p class="muted small">{t('ui.welcome.site_hint')}</p>
        <div class="row wrap">
          <input
            type="text"
            name="site"
            aria-label={t('options.site_pattern')}
            placeholder="https://ggzy.example.gov.cn/*"
            value={site}
            onInput={(e) => setSite((e.currentTarget as HTMLInputElement).value)}
          />
          <select
            aria-label={t('options.site_mode')}
            value={siteMode}
            onChange={(e) => setSiteMode((e.currentTarget as HTMLSelectElement).value as SiteMode)}
          >
            {MODES.map((mode) => (
              <option key={mode.id} value={mode.id}>
                {modeLabel(mode.id)}
              </option>
            ))}
          </select>
          <button type="button" onClick={enableSite}>
            {t('ui.welcome.site_enable')}
          </button>
        </div>
        {siteNote ? (
          <p class={siteNote.ok ? 'ok' : 'error'} data-testid="site-note">
            {siteNote.text}
          </p>
        ) : null}
      </fieldset>
      {demo ? (
        <section class="stack" aria-label={t('ui.welcome.demo')}>
          <p class="muted small">{t('ui.welcome.demo_hint')}</p>
          <a class="button primary" href={demo} target="_blank" rel="noopener" data-testid="demo">
            {t('ui.welcome.demo')}
          </a>
        </section>
      ) : null}
      <p>{t('ui.welcome.done')}</p>
      <div>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('ui.welcome.options')}
        </button>
      </div>
    </main>
  );
}

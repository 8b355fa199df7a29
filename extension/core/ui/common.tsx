import './strings.ts';
/**
 * Pieces shared by the extension's pages: settings and tab-record hooks that follow storage,
 * the verdict chip, and a download helper.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { setLanguage, t } from '../i18n.ts';
import { listenInPage, send } from '../messages.ts';
import { badgeText, stateIcon, stateLabel } from '../screening/format.ts';
import { displayState, type SubjectResult, type TabRecord } from '../screening/model.ts';
import { loadSettings, type Settings, watchSettings } from '../settings.ts';
import { serviceProblem } from './connection.ts';
import type { ModePanel } from './mode-views.ts';
import './page-strings.ts';

/**
 * The settings, kept current; also switches the UI language.
 */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    const apply = (s: Settings) => {
      setLanguage(s.language);
      setSettings(s);
    };
    void loadSettings().then(apply);
    return watchSettings(apply);
  }, []);
  return settings;
}

/**
 * A tab's check record from the background, fetched again whenever the background says it
 * changed (about once a frame while answers land) or its copy in `storage.session` changes.
 */
export function useTabRecord(tabId: number | null): TabRecord | null | undefined {
  const [record, setRecord] = useState<TabRecord | null | undefined>(undefined);
  useEffect(() => {
    if (tabId === null) {
      setRecord(null);
      return;
    }
    let alive = true;
    // The stored copy is slim (background/tabs.ts): a change is the cue to ask the background
    // for the full record, one request at a time, the last change always followed.
    let inFlight = false;
    let again = false;
    const fetchRecord = (): void => {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      const started = Date.now();
      void send({ type: 'page:get-tab', tabId })
        .then(
          (r) => alive && setRecord(r),
          () => alive && setRecord(null),
        )
        .finally(() => {
          // A big record costs the worker its copy: wait as long as the last one took before the
          // next, so a page following every answer never keeps the worker busy more than half.
          setTimeout(
            () => {
              inFlight = false;
              if (again && alive) {
                again = false;
                fetchRecord();
              }
            },
            Math.min(1_000, Date.now() - started),
          );
        });
    };
    fetchRecord();
    const key = `tab:${tabId}`;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[key];
      if (area !== 'session' || !change) return;
      if (change.newValue === undefined || change.newValue === null) setRecord(null);
      else fetchRecord();
    };
    browser.storage.onChanged.addListener(onChanged);
    const stopNotices = listenInPage((m) => {
      if (m.tabId === tabId) fetchRecord();
    });
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
      stopNotices();
    };
  }, [tabId]);
  return record;
}

/**
 * The tab a page is about: `?tab=` when given (the side panel opened for a tab, tests), else
 * the active tab of this window.
 */
export function useTargetTab(): { id: number; url: string | null } | null {
  const [tab, setTab] = useState<{ id: number; url: string | null } | null>(null);
  useEffect(() => {
    const param = new URLSearchParams(location.search).get('tab');
    const load = () => {
      const lookup = param
        ? browser.tabs.get(Number(param))
        : browser.tabs.query({ active: true, currentWindow: true }).then((tabs) => tabs[0]);
      void lookup.then(
        (t) => {
          if (t?.id !== undefined) setTab({ id: t.id, url: t.url ?? null });
        },
        () => setTab(null),
      );
    };
    load();
    if (param) return;
    // A panel that follows the active tab switches with it.
    const onActivated = () => load();
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);
  return tab;
}

/**
 * A verdict as icon, word and colour.
 */
export function VerdictChip({ result }: { result: SubjectResult }): JSX.Element {
  const state = displayState(result);
  // A reason the whole page shares (no key, the service down) is said once, in the banner.
  const shared = result.state === 'unavailable' && serviceProblem(result.error) !== null;
  const verdict = shared ? stateLabel(state, result) : badgeText(result, state).verdict;
  return (
    <span class={`chip s-${state}`} data-state={state}>
      <span aria-hidden="true">{stateIcon(state)}</span>
      <span>{verdict}</span>
    </span>
  );
}

/**
 * Saves text as a file through a temporary link (no `downloads` permission needed).
 */
export function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A file-name-safe timestamp in China Standard Time: `20261125-0930`.
 */
export function stamp(now: Date = new Date()): string {
  const d = new Date(now.getTime() + 8 * 3600_000).toISOString();
  return `${d.slice(0, 10).replaceAll('-', '')}-${d.slice(11, 16).replace(':', '')}`;
}

/** Report ids per USCC, kept in `storage.session` for the evidence records. */
export const REPORT_IDS_KEY = 'reports';

/**
 * Report ids ordered so far, per USCC.
 */
export async function loadReportIds(): Promise<Record<string, string[]>> {
  const got = await browser.storage.session.get(REPORT_IDS_KEY);
  return (got[REPORT_IDS_KEY] as Record<string, string[]> | undefined) ?? {};
}

/**
 * Remembers a report id for a USCC.
 */
export async function rememberReportId(uscc: string, id: string): Promise<void> {
  const all = await loadReportIds();
  const list = all[uscc] ?? [];
  if (!list.includes(id)) all[uscc] = [...list, id];
  await browser.storage.session.set({ [REPORT_IDS_KEY]: all });
}

/**
 * The tab's record of the first of `panels` whose mode holds one, following its copy in
 * `storage.session`: undefined while loading, null when none does.
 */
export function useModeRecord(
  panels: readonly ModePanel[],
  tabId: number | null,
): { panel: ModePanel; record: unknown } | null | undefined {
  const [own, setOwn] = useState<{ panel: ModePanel; record: unknown } | null | undefined>(undefined);
  useEffect(() => {
    if (tabId === null) {
      setOwn(null);
      return;
    }
    let alive = true;
    void Promise.all(panels.map((panel) => panel.load(tabId).catch(() => null))).then((records) => {
      if (!alive) return;
      const i = records.findIndex((r) => r !== null);
      const panel = panels[i];
      setOwn(panel ? { panel, record: records[i] } : null);
    });
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session') return;
      for (const panel of panels) {
        const change = changes[panel.storageKey(tabId)];
        if (change) setOwn(change.newValue ? { panel, record: change.newValue } : null);
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [panels, tabId]);
  return own;
}

/**
 * The one message for a page the service could not check at all (no key, a rejected key, the
 * service unreachable), instead of the same reason on every row; `null` when there is none.
 */
export function ServiceBanner({
  subjects,
}: {
  subjects: readonly { result: SubjectResult }[];
}): JSX.Element | null {
  const problems = subjects.flatMap((s) =>
    s.result.state === 'unavailable' ? [serviceProblem(s.result.error)] : [],
  );
  const problem = problems.find((p) => p !== null);
  if (!problem) return null;
  const affected = problems.filter((p) => p === problem).length;
  return (
    <div class="banner" role="alert" data-testid="service-banner" data-problem={problem}>
      <strong>{t(`ui.service.${problem}`)}</strong>{' '}
      <span class="muted small">{t('ui.service.affected', { n: affected })}</span>{' '}
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('ui.service.fix')}
      </button>
    </div>
  );
}

/**
 * Answers so far out of all lookups, as a bar and `n/N`, while any is outstanding.
 */
export function Progress({ done, total }: { done: number; total: number }): JSX.Element | null {
  if (total === 0 || done >= total) return null;
  const label = t('ui.progress.label', { done, total });
  return (
    <div class="progress row" data-testid="progress">
      <progress max={total} value={done} aria-label={label} />
      <span class="muted small">{label}</span>
    </div>
  );
}

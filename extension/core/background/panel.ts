/**
 * Opening the side panel on a tab (Chrome's `sidePanel`, Firefox's `sidebarAction`), on the
 * page table or on one subject's report.
 */
import { browser } from 'wxt/browser';
import { createLogger } from '../log.ts';

const log = createLogger('side-panel');

/**
 * The side panel URL for a tab and, optionally, one subject.
 */
export function sidePanelPath(tabId: number, key: string | null): string {
  const params = new URLSearchParams({ tab: String(tabId) });
  if (key) params.set('subject', key);
  return `sidepanel.html?${params.toString()}`;
}

interface SidebarAction {
  setPanel(details: { tabId?: number; panel: string }): Promise<void>;
  open(): Promise<void>;
}

/**
 * Opens the side panel. Must run while the user's click is still being handled (both browsers
 * require a user action), so nothing is awaited before `open`. Falls back to a tab.
 */
export async function openSidePanel(tabId: number, key: string | null): Promise<void> {
  const path = sidePanelPath(tabId, key);
  try {
    if (import.meta.env.FIREFOX) {
      const sidebar = (browser as unknown as { sidebarAction: SidebarAction }).sidebarAction;
      void sidebar.setPanel({ tabId, panel: `/${path}` });
      await sidebar.open();
      return;
    }
    void browser.sidePanel.setOptions({ tabId, path, enabled: true });
    await browser.sidePanel.open({ tabId });
  } catch (e) {
    log.debug('side panel unavailable, opening a tab', e);
    await browser.tabs.create({ url: browser.runtime.getURL(`/${path}`), openerTabId: tabId });
  }
}

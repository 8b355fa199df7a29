import type { TabRecord } from '../model.ts';

/**
 * A tab record as the background starts it for a procurement page the content script has not
 * read yet: no subjects, no 联合体, a fixed cut-off. For tests that feed lookups to a tab.
 */
export function emptyTabRecord(tabId: number, url = 'http://127.0.0.1/demo/bidders'): TabRecord {
  return {
    tabId,
    url,
    title: 'bidders',
    mode: 'procurement',
    ruleSet: 'procurement',
    layoutId: null,
    pageCutoff: null,
    cutoff: { date: '2026-11-20', source: 'fixed' },
    startedAt: '2026-11-25T10:00:00+08:00',
    subjects: [],
    consortia: [],
  };
}

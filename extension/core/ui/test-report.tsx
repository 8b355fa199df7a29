import { evaluateProcurement } from '@xinjian/sdk/rules';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ratingSummary } from '../../../mock-server/src/catalog.ts';
import type { EnterpriseSeed } from '../../../seeds/index.ts';
import { codeSubject } from '../screening/subjects.ts';
import { SidePanel } from './sidepanel.tsx';

const CHECKED = '2026-11-25T02:00:00.000Z';

/**
 * Opens the side panel on the full report of seed enterprise `e`, a bidder on a procurement page
 * checked on 2026-11-25 against a 2026-11-20 cut-off, the background answering with the seed's
 * own summary and report; resolves once the report is shown.
 */
export async function showSubjectReport(root: HTMLElement, e: EnterpriseSeed): Promise<HTMLElement> {
  const summary = ratingSummary(e, new Date(CHECKED));
  const subject = codeSubject('uscc', e.subject.uscc, { name: e.subject.name, role: 'bidder' });
  const record = {
    tabId: 1,
    mode: 'procurement',
    url: 'http://127.0.0.1:8787/demo/bid-opening',
    title: '开标记录',
    subjects: [
      {
        subject,
        result: {
          state: 'done',
          summary,
          screening: evaluateProcurement(summary, { asOf: '2026-11-25', cutoff: '2026-11-20' }),
          match: null,
          checkedAt: CHECKED,
        },
      },
    ],
    consortia: [],
    cutoff: { date: '2026-11-20', source: 'page' },
  };
  const { subject: who, grades, lists, records, sources } = e;
  const content = {
    subjectType: 'enterprise',
    subject: who,
    grades,
    lists,
    records,
    sources,
    generatedAt: CHECKED,
  };
  const report = { id: 'rep_1', status: 'ready', readyAt: CHECKED, content };
  vi.spyOn(browser.tabs, 'get').mockResolvedValue({ id: 1, url: record.url } as never);
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (m: { type: string }) => {
    if (m.type === 'page:get-tab') return { ok: true, value: record };
    if (m.type === 'page:order-report') return { ok: true, value: report };
    return { ok: true, value: null };
  }) as never);
  history.replaceState(null, '', `/sidepanel.html?tab=1&subject=${encodeURIComponent(subject.key)}`);
  await act(async () => {
    render(<SidePanel />, root);
  });
  await vi.waitFor(() => expect(root.querySelector('[data-testid="report"]')).not.toBeNull());
  return root.querySelector('[data-testid="report"]') as HTMLElement;
}

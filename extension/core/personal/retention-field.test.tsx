import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, loadSettings, saveSettings } from '../settings.ts';
import { Options } from '../ui/options.tsx';
import { testRoot } from '../ui/test-root.ts';

const root = testRoot();
beforeEach(() => {
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (m: { type: string }) =>
    m.type === 'page:audit-log'
      ? { ok: true, value: { entries: [], total: 0, status: { intact: true, entries: 0 } } }
      : { ok: true, value: null }) as never);
  history.replaceState(null, '', '/options.html');
});

async function openOptions(): Promise<HTMLInputElement> {
  await act(async () => {
    render(<Options />, root);
  });
  await vi.waitFor(() => expect(root.querySelector('[name="auditRetentionDays"]')).not.toBeNull());
  return root.querySelector('[name="auditRetentionDays"]') as HTMLInputElement;
}

async function setAndSave(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await act(async () => {
    (root.querySelector('form') as HTMLFormElement).requestSubmit();
  });
  await vi.waitFor(() => expect(root.querySelector('[data-testid="saved"] .ok')).not.toBeNull());
}

describe('the audit log retention on the options page', () => {
  it('is one setting of the shared audit log, outside every mode’s fieldset, saved with the form', async () => {
    await saveSettings({ ...defaultSettings(), audit: { retentionDays: 500 } });
    const input = await openOptions();
    expect(input.value).toBe('500');
    expect(input.closest('[data-testid="audit-settings"]')).not.toBeNull();
    expect(input.closest('[data-testid="loan-settings"]')).toBeNull();
    await setAndSave(input, '730');
    expect((await loadSettings()).audit).toEqual({ retentionDays: 730 });
  });

  it('raises a shorter period to the legal minimum', async () => {
    const input = await openOptions();
    await setAndSave(input, '30');
    expect(input.value).toBe('184');
    expect((await loadSettings()).audit.retentionDays).toBe(184);
  });

  it('shows what an older version stored under the loan settings', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        ...defaultSettings(),
        audit: undefined,
        loan: { ...defaultSettings().loan, auditRetentionDays: 900 },
      },
    });
    const input = await openOptions();
    expect(input.value).toBe('900');
  });
});

import { APIConnectionError, AuthenticationError, serializeError, XinjianError } from '@xinjian/sdk';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setLanguage } from '../i18n.ts';
import { defaultSettings, saveSettings } from '../settings.ts';
import { errorText } from './connection.ts';
import { probeConnection, Welcome } from './welcome.tsx';

const REQUEST = { method: 'GET', path: '/v1/account' };

/** Makes the background answer `page:test-connection` with `error`, serialised as it crosses. */
function backgroundFails(error: unknown): void {
  vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({
    ok: false,
    error: serializeError(error),
  } as never);
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
  setLanguage('zh-CN');
});

describe('the connection test says what failed, in the UI language', () => {
  for (const language of ['zh-CN', 'en'] as const) {
    const zh = language === 'zh-CN';
    it(`${language}: no key, a refused key, an unreachable service, plain http://`, async () => {
      setLanguage(language);
      const reasons: string[] = [];
      const reason = async (baseUrl: string, key: string) => {
        const probe = await probeConnection(baseUrl, key);
        expect(probe.kind).toBe('failed');
        if (probe.kind === 'failed') reasons.push(probe.reason);
        return probe.kind === 'failed' ? probe.reason : '';
      };
      expect(await reason('http://127.0.0.1:8787', '')).toMatch(zh ? /API 密钥/ : /No API key/);
      backgroundFails(new AuthenticationError(401, undefined, REQUEST));
      expect(await reason('http://127.0.0.1:8787', 'sk_wrong')).toMatch(zh ? /密钥无效/ : /key is invalid/);
      backgroundFails(new APIConnectionError(REQUEST));
      expect(await reason('http://127.0.0.1:1', 'sk_x')).toMatch(zh ? /无法连接/ : /Cannot reach/);
      expect(await reason('http://api.example.cn', 'sk_x')).toMatch(/https/);
      expect(await reason('', 'sk_x')).toMatch(zh ? /API 地址/ : /API address/);
      for (const r of reasons) {
        expect(r).not.toMatch(/未知错误|unexpected error/);
        // No sentence of the other language.
        if (zh) expect(r).toMatch(/[\u4e00-\u9fff]/);
        else expect(r).not.toMatch(/[\u4e00-\u9fff]/);
      }
    });
  }

  it("tells the background's unconfigured error in the UI language (the popup's quick lookup)", () => {
    const error = serializeError(
      new XinjianError('unconfigured: set the API address and key in the options'),
    );
    setLanguage('zh-CN');
    expect(errorText(error)).toBe('尚未配置 API 地址或密钥：请在设置或欢迎页填写后再查询。');
    setLanguage('en');
    expect(errorText(error)).toMatch(/^The API address or key is not set/);
  });
});

describe('the welcome page', () => {
  it('renders in both languages and reports a missing key when tested', async () => {
    await saveSettings({ ...defaultSettings(), api: { baseUrl: 'http://127.0.0.1:8787', key: '' } });
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(<Welcome />, root);
    });
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('欢迎使用信鉴'));
    const test = [...root.querySelectorAll('button')].find((b) => b.textContent === '测试连接');
    await act(async () => {
      test?.click();
    });
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="probe"]')?.textContent).toBe(
        '连接失败：尚未填写 API 密钥，请填写信用服务发给贵单位的密钥。',
      ),
    );
    const select = root.querySelector<HTMLSelectElement>('select[name="language"]');
    await act(async () => {
      if (select) {
        select.value = 'en';
        select.dispatchEvent(new Event('change'));
      }
    });
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Welcome to Xinjian'));
    expect(root.textContent).toContain('Step 3: enable a first site');
    render(null, root);
    root.remove();
  });
});

/**
 * Driving the built Firefox extension in Debian's Firefox ESR, with puppeteer-core over
 * WebDriver BiDi (no geckodriver): install the build as a temporary add-on, pin its
 * moz-extension UUID so extension pages have a known address, and open those pages the way
 * Firefox allows (the navigation to a moz-extension page never reports completion, so it is
 * fired and then polled).
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { type BadgeSnapshot, readBadgesInPage, until } from './browser.ts';

/** Where Debian's `firefox-esr` package puts the browser. */
export const FIREFOX = '/usr/lib/firefox-esr/firefox-esr';

/** The add-on id the Firefox manifest declares (wxt.config.ts, docs/decisions/0013). */
export const GECKO_ID = '{dd30e1e0-c577-4536-89e7-708152727479}';

/** The moz-extension host the tests pin for the add-on (any fixed UUID works). */
export const EXTENSION_UUID = '6f1c2b9e-3a4d-4e8f-9b0a-7c5d1e2f3a4b';

/**
 * A running Firefox with the extension installed.
 *
 * @example
 * ```ts
 * const firefox = await launchFirefox(dir);
 * const options = await firefox.openExtensionPage('options.html');
 * ```
 */
export interface FirefoxWithExtension {
  browser: Browser;
  /** Opens `moz-extension://UUID/<path>` in a new tab once its document has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches headless Firefox ESR and installs the unpacked build at `extensionDir`.
 *
 * @example
 * ```ts
 * const firefox = await launchFirefox(variant.dir);
 * ```
 */
export async function launchFirefox(extensionDir: string): Promise<FirefoxWithExtension> {
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `The Firefox browser tests need Firefox ESR at ${FIREFOX}: apt-get install -y firefox-esr`,
    );
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Lets the automation open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // A site enabled with a click on the extension's own button is granted without a prompt.
      'extensions.webextOptionalPermissionPrompts': false,
      'intl.locale.requested': 'zh-CN',
      'intl.accept_languages': 'zh-CN, zh',
    },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    browser,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const url = `moz-extension://${EXTENSION_UUID}/${path}`;
      // Never resolves for an extension page (the frame is replaced): fire and poll instead.
      page.goto(url).catch(() => undefined);
      await until(
        () => page.evaluate(() => [location.href, document.readyState] as const),
        ([href, state]) => href === url && state === 'complete',
        `the extension page ${path}`,
      );
      return page;
    },
    close: () => browser.close(),
  };
}

/**
 * Every badge on a Firefox page, through the e2e build's test hook.
 *
 * @example
 * ```ts
 * const badges = await firefoxBadges(page);
 * ```
 */
export function firefoxBadges(page: Page): Promise<BadgeSnapshot[]> {
  return page.evaluate(readBadgesInPage);
}

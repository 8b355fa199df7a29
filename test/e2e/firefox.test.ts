/**
 * The Firefox build in a real Firefox (Debian's firefox-esr, driven over WebDriver BiDi): badges
 * and verdicts on the procurement demo page, the options page with its connection test, and the
 * side panel's view of the same tab, and a loan page of the corpus with its companies looked up
 * and its people waiting for consent. The build is `wxt build --mode e2e -b firefox`, pointed at
 * the mock server (the production Firefox manifest and Mozilla's add-on linter are in
 * manifest.test.ts).
 */

import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectPersonalOrders } from '../../extension/core/personal/test-orders.ts';
import { displayState, type TabRecord } from '../../extension/core/screening/model.ts';
import type { LoanTabRecord } from '../../extension/modes/loan/model.ts';
import { todayInChina } from '../../sdk/src/core/china-time.ts';
import { computeUsccCheckChar } from '../../sdk/src/identifiers/index.ts';
import { enterpriseByTag, enterprisesByTag, individualsByTag, seeds } from '../../seeds/index.ts';
import { type BadgeSnapshot, readBadgesInPage, tabToBadge, until } from './browser.ts';
import { corpusPage, corpusPath, serveCorpus } from './corpus-server.ts';
import { type FirefoxWithExtension, firefoxBadges, launchFirefox } from './firefox.ts';
import { buildVariant, type Variant } from './variants.ts';

const mockUrl = inject('mockUrl');
const usccOf = (tag: string) => enterpriseByTag(tag).subject.uscc;
// 13 bidder rows, one of them a consortium of three: 15 badges.
const BID_OPENING_BADGES = 15;

let build: Variant;
let firefox: FirefoxWithExtension;
let page: Page;
let badges: BadgeSnapshot[];

const badgeFor = (key: string) => {
  const found = badges.find((b) => b.key === key);
  if (!found) throw new Error(`no badge for ${key}; have ${badges.map((b) => b.key).join(', ')}`);
  return found;
};

type Journal = Array<{ seq: number; method: string; path: string; query?: unknown; body: unknown }>;
async function journal(): Promise<Journal> {
  return ((await (await fetch(`${mockUrl}/__mock/journal`)).json()) as { data: Journal }).data;
}

/** The `storage.session` record under `prefix` of the tab showing `urlPart`, read from an extension page. */
function sessionEntry<T>(extensionPage: Page, prefix: string, urlPart: string): Promise<T | null> {
  return extensionPage.evaluate(
    async (p, part) => {
      const all = await (
        globalThis as unknown as {
          browser: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } };
        }
      ).browser.storage.session.get(null);
      return (Object.entries(all).find(
        ([k, v]) => k.startsWith(p) && String((v as { url?: string }).url).includes(part),
      )?.[1] ?? null) as T | null;
    },
    prefix,
    urlPart,
  );
}

/** The background's record of the tab showing `urlPart`, read from an extension page. */
function tabRecordFrom(extensionPage: Page, urlPart: string): Promise<TabRecord> {
  return until(
    () => sessionEntry<TabRecord>(extensionPage, 'tab:', urlPart),
    (r): r is TabRecord => r?.subjects.every((s) => s.result.state !== 'checking') ?? false,
    `the tab record of ${urlPart}`,
  ) as Promise<TabRecord>;
}

beforeAll(async () => {
  build = await buildVariant({ mode: 'e2e', browser: 'firefox', apiBaseUrl: mockUrl });
  firefox = await launchFirefox(build.dir);
  await fetch(`${mockUrl}/__mock/reset`, { method: 'POST' });
  page = await firefox.browser.newPage();
  await page.goto(`${mockUrl}/demo/bid-opening`);
  badges = await until(
    () => firefoxBadges(page),
    (all) => all.length === BID_OPENING_BADGES && all.every((b) => b.state !== 'checking'),
    `${BID_OPENING_BADGES} settled badges in Firefox`,
  );
});

afterAll(async () => {
  await firefox?.close();
  await build?.remove();
});

describe('Firefox: the procurement demo page', () => {
  it('badges every bidder with the verdict the seed data implies', () => {
    expect(badgeFor(`code:${usccOf('edge:clean')}`).state).toBe('pass');
    expect(badgeFor(`code:${usccOf('edge:clean')}`).text).toContain('通过');
    expect(badgeFor(`code:${usccOf('edge:dishonest-active')}`).state).toBe('fail');
    expect(badgeFor(`code:${usccOf('edge:dishonest-active')}`).text).toContain('不通过');
    expect(badgeFor(`code:${usccOf('edge:abnormal-operation')}`).state).toBe('review');
    expect(badgeFor(`code:${usccOf('edge:major-tax')}`).state).toBe('fail');
    expect(badgeFor(`code:${usccOf('edge:fine-1990000')}`).state).toBe('pass');
    const unavailable = badgeFor(`code:${usccOf('edge:source-unavailable')}`);
    expect(unavailable.state).toBe('unavailable');
    expect(unavailable.label).toContain('中国政府采购网');
    expect(badgeFor('name:栖禾建设工程有限公司').state).toBe('ambiguous');
  });

  it('names the expected check character of a mistyped code', () => {
    const printed = '91330108MA5WY2EA7L';
    const b = badgeFor(`invalid:${printed}`);
    expect(b.state).toBe('invalid');
    expect(b.text).toContain(`应为 ${computeUsccCheckChar(printed.slice(0, 17))}`);
  });

  it('fails the consortium on its listed member only', () => {
    for (const member of enterprisesByTag('consortium:cons-b')) {
      const listed = member.lists.some((l) => l.list === 'dishonest_judgment_debtor' && l.active);
      expect(badgeFor(`code:${member.subject.uscc}`).state).toBe(listed ? 'fail' : 'pass');
    }
  });
});

describe('Firefox: the card frame', () => {
  it('opens the card in the extension frame by keyboard and closes it with Escape', async () => {
    const target = `code:${usccOf('edge:dishonest-active')}`;
    await page.bringToFront();
    await page.focus('body');
    let focused: BadgeSnapshot | undefined;
    for (let i = 0; i < 40 && focused?.key !== target; i++) {
      await page.keyboard.press('Tab');
      focused = (await firefoxBadges(page)).find((b) => b.focused);
    }
    expect(focused?.key).toBe(target);
    await page.keyboard.press('Enter');
    const open = await until(
      () => firefoxBadges(page),
      (all) => all.some((b) => b.key === target && b.cardOpen),
      'the card in Firefox',
    );
    const card = open.find((b) => b.key === target)?.cardText ?? '';
    expect(card).toContain('不通过');
    expect(card).toContain(enterpriseByTag('edge:dishonest-active').subject.name);
    await page.keyboard.press('Escape');
    await until(
      () => firefoxBadges(page),
      (all) => all.every((b) => !b.cardOpen),
      'the card to close in Firefox',
    );
  });
});

describe('Firefox: extension pages', () => {
  it('the options page tests the connection with the stored key', async () => {
    const options = await firefox.openExtensionPage('options.html');
    const baseUrl = await options.waitForSelector('input[name="baseUrl"]');
    expect(await baseUrl?.evaluate((el) => (el as HTMLInputElement).value)).toBe(mockUrl);
    const button = await options.waitForSelector('::-p-text(测试连接)');
    await button?.click();
    const account = seeds.keys.find((k) => k.account.name)?.account.name ?? '';
    const probe = await until(
      () => options.$eval('[data-testid="probe"]', (el) => el.textContent ?? ''),
      (text) => text.includes('连接成功'),
      'the connection test in Firefox',
    );
    expect(probe).toContain(account);
    await options.close();
  });

  it("the side panel lists the tab's subjects with the consortium verdict", async () => {
    const options = await firefox.openExtensionPage('options.html');
    const record = await tabRecordFrom(options, '/demo/bid-opening');
    await options.close();
    const panel = await firefox.openExtensionPage(`sidepanel.html?tab=${record.tabId}`);
    const keys = await until(
      () =>
        panel.$$eval('[data-testid="bidders"] tbody tr[data-key]', (rows) =>
          rows.map((r) => r.getAttribute('data-key')),
        ),
      (found) => found.length === new Set(badges.map((b) => b.key)).size,
      'one side-panel row per subject',
    );
    expect(new Set(keys)).toEqual(new Set(badges.map((b) => b.key)));
    expect(await panel.$eval('tr.group', (el) => el.textContent ?? '')).toContain('联合体结论：不通过');
    await panel.close();
  });
});

// One loan page of the corpus (two people, a developer and a guarantor), served from 127.0.0.1
// at the e2e build's loan path, as corpus.test.ts does in Chromium.
describe('Firefox: the companies of a loan page', () => {
  const expected = corpusPage('gjj-loan-table.html');
  const people = expected.people ?? [];

  it('badges each company and has its answer under credit, while no personal report is ordered', async () => {
    const pages = await serveCorpus();
    const since = (await journal()).at(-1)?.seq ?? 0;
    const loan = await firefox.browser.newPage();
    try {
      await loan.goto(`${pages.origin}${corpusPath(expected)}`);
      const all = await until(
        () => firefoxBadges(loan),
        (b) =>
          expected.must.every((m) =>
            b.some((x) => x.key === m.key && !['checking', 'idle'].includes(x.state)),
          ) && b.filter((x) => x.key.startsWith('borrower:')).length === people.length,
        `the companies and people of ${expected.page} in Firefox`,
      );
      const companies = all.filter((b) => !b.key.startsWith('borrower:'));
      expect(companies.map((b) => b.key).sort()).toEqual(expected.must.map((m) => m.key).sort());
      expect(expected.must_not.filter((m) => all.some((b) => b.key === m.key))).toEqual([]);
      // The people wait for the officer's authorization, and show no full number.
      const borrowers = all.filter((b) => b.key.startsWith('borrower:'));
      expect(borrowers.map((b) => b.state)).toEqual(people.map(() => 'consent'));
      for (const b of all) for (const p of people) expect(b.label + b.text).not.toContain(p.idNumber);

      // The background keeps each with its part and its screening under the credit rule set.
      const options = await firefox.openExtensionPage('options.html');
      const record = (await until(
        () => sessionEntry<LoanTabRecord>(options, 'loan:', corpusPath(expected)),
        (r) =>
          (r?.companies ?? []).filter((c) => c.result.state !== 'checking').length >= expected.must.length,
        `the loan record of ${expected.page} in Firefox`,
      )) as LoanTabRecord;
      await options.close();
      const kept = new Map((record.companies ?? []).map((c) => [c.subject.key, c]));
      for (const m of expected.must) {
        const c = kept.get(m.key);
        expect(c?.part, m.key).toBe(m.part);
        expect(c?.result.state, m.key).toBe('done');
        expect(c?.result.state === 'done' && c.result.screening.ruleSet.id, m.key).toBe('cn-credit-lending');
        // The marker shows the same answer as the record.
        const badge = companies.find((b) => b.key === m.key);
        expect(badge?.state, m.key).toBe(c ? displayState(c.result) : '');
      }
      expect(record.borrowers.map((b) => b.result.state)).toEqual(people.map(() => 'consent'));
      expect(record.household.state).toBe('pending');

      // A company's marker opens its screening card in the frame by keyboard.
      const guarantor = expected.must.find((m) => m.part === 'guarantor')?.key ?? '';
      await loan.bringToFront();
      await loan.focus('body');
      let focused: string | undefined;
      for (let i = 0; i < 30 && focused !== guarantor; i++) {
        await loan.keyboard.press('Tab');
        focused = (await firefoxBadges(loan)).find((b) => b.focused)?.key;
      }
      expect(focused).toBe(guarantor);
      await loan.keyboard.press('Enter');
      const opened = await until(
        () => firefoxBadges(loan),
        (b) => b.some((x) => x.key === guarantor && x.cardOpen && x.cardText.length > 0),
        'the card of the guarantor in Firefox',
      );
      const done = kept.get(guarantor)?.result;
      expect(opened.find((b) => b.key === guarantor)?.cardText).toContain(
        done?.state === 'done' ? done.summary.subject.uscc : 'a looked-up guarantor',
      );
      await loan.keyboard.press('Escape');

      // The side panel lists them under 页面上的企业 with their part.
      const panel = await firefox.openExtensionPage(`sidepanel.html?tab=${record.tabId}`);
      const parts = await until(
        () =>
          panel.$$eval('[data-testid="companies"] tr[data-key]', (rows) =>
            rows.map((r) => [r.getAttribute('data-key'), r.getAttribute('data-part')]),
          ),
        (rows) => rows.length >= expected.must.length,
        'the companies in the Firefox side panel',
      );
      await panel.close();
      for (const m of expected.must) expect(parts).toContainEqual([m.key, m.part]);

      // Looked up at the API; nothing about a person before consent.
      const sent = (await journal()).filter((e) => e.seq > since);
      for (const m of expected.must) {
        const value = m.key.slice(m.key.indexOf(':') + 1);
        expect(JSON.stringify(sent).includes(value), `${m.key} looked up`).toBe(true);
      }
      expect(sent.filter((e) => e.path.startsWith('/v1/reports'))).toEqual([]);
      for (const p of people) expect(JSON.stringify(sent)).not.toContain(p.idNumber);
    } finally {
      await loan.close();
      await pages.close();
    }
  });
});

// The 授信审批表's legal representative, as credit.test.ts covers it in Chromium: masked, nothing
// personal ordered before consent, and the consent taken in the card frame by keyboard, the keys
// going to the focused frame as in Chromium.
describe('Firefox: the legal representative on a 授信审批表', () => {
  const legal = individualsByTag('credit-case:cc-1').find((p) =>
    p.tags.includes('role:legal_representative'),
  );
  const id = legal?.idNumber ?? '';
  const masked = `${id.slice(0, 3)}***********${id.slice(-4)}`;
  const reference = 'SX-2026-1203-11';
  const chinaToday = todayInChina();

  it('shows the ID masked, orders nothing before consent, and keeps the full ID out of every address after', async () => {
    expect(id).toMatch(/^\d{17}[\dX]$/);
    const since = (await journal()).at(-1)?.seq ?? 0;
    const credit = await firefox.browser.newPage();
    const people = () => credit.evaluate(readBadgesInPage, 'people');
    const sent = async () => (await journal()).filter((e) => e.seq > since);
    try {
      await credit.goto(`${mockUrl}/demo/credit-review`);
      const found = await until(people, (all) => all.length === 1, "the representative's badge in Firefox");
      expect(found[0]).toMatchObject({
        key: 'person:1',
        state: 'consent',
        text: `legal_representative ${masked}`,
      });
      for (const b of await firefoxBadges(credit)) expect(b.label + b.text).not.toContain(id);
      // The companies are looked up meanwhile; nothing about the person is.
      await until(
        () => firefoxBadges(credit),
        (all) => all.length === 3 && all.every((b) => b.state !== 'checking'),
        'the three companies in Firefox',
      );
      const before = await sent();
      expect(before.length).toBeGreaterThan(0);
      expect(before.filter((e) => e.path.startsWith('/v1/reports'))).toEqual([]);
      for (const e of before) expect(JSON.stringify(e)).not.toContain(id.slice(0, 14));

      // The consent dialog in the card frame, reached by keyboard.
      await credit.bringToFront();
      await credit.focus('body');
      await tabToBadge(credit.keyboard, people, 'person:1');
      await credit.keyboard.press('Enter');
      const open = await until(
        people,
        (all) => all.some((b) => b.cardOpen && b.cardText.includes('授权书编号')),
        'the consent dialog in Firefox',
      );
      expect(open[0]?.cardText).toContain(masked);
      expect(open[0]?.cardText).not.toContain(id);
      expect((await sent()).filter((e) => e.path.startsWith('/v1/reports'))).toEqual([]);

      // Puppeteer over BiDi does not list the moz-extension card frame among the page's frames
      // (page.frames() holds the page only), so the form is driven by keys alone: the dialog puts
      // the focus on the purpose checkbox once drawn. Firefox ESR ships its en-US date field
      // whatever locale is asked for: month, day, year, each part moving on when full.
      await credit.keyboard.press(' ');
      await credit.keyboard.press('Tab');
      await credit.keyboard.type(reference);
      await credit.keyboard.press('Tab');
      const [yyyy, mm, dd] = chinaToday.split('-');
      await credit.keyboard.type(`${mm}${dd}${yyyy}`);
      await credit.keyboard.press('Enter');

      const done = await until(
        people,
        (all) => all.some((b) => b.state !== 'consent' && b.state !== 'checking'),
        "the representative's verdict in Firefox",
      );
      expect(done[0]?.state).toBe('pass');
      expect(done[0]?.label + (done[0]?.text ?? '') + (done[0]?.cardText ?? '')).not.toContain(id);

      expectPersonalOrders(await sent(), id, { reference, grantedAt: chinaToday });
    } finally {
      await credit.close();
    }
  });
});

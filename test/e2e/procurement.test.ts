/**
 * The built extension in Chromium on the mock server's demo pages: badges with the grades and
 * verdicts the seed data implies, the card by keyboard, rows added later, the popup counts,
 * the side panel table and its verifiable evidence export, and the options page.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  canonicalDigest,
  canonicalJson,
  type EvidenceFile,
  verifyEvidence,
} from '../../sdk/src/evidence/index.ts';
import { computeUsccCheckChar } from '../../sdk/src/identifiers/index.ts';
import { DEMO_API_KEY, enterpriseByTag, enterprisesByTag, seeds } from '../../seeds/index.ts';
import { distinctBidders } from '../../seeds/pages.ts';
import {
  type BadgeSnapshot,
  type ChromeGlobal,
  type ExtensionBrowser,
  launchWithExtension,
  screenshotPath,
  settledBadges,
  snapshot,
  tabRecord,
  until,
} from './browser.ts';
import { servePages } from './harness.ts';

const mockUrl = inject('mockUrl');
let browser: ExtensionBrowser;
let page: Page;
let badges: BadgeSnapshot[];
// The side panel's JSON export, which the printed page must match.
let exported: EvidenceFile | null = null;

const usccOf = (tag: string) => enterpriseByTag(tag).subject.uscc;
const badgeFor = (key: string) => {
  const found = badges.find((b) => b.key === key);
  if (!found) throw new Error(`no badge for ${key}; have ${badges.map((b) => b.key).join(', ')}`);
  return found;
};

// 13 bidder rows: 12 single bidders and a 联合体 of three (15 badges in all).
const BID_OPENING_BADGES = 15;

beforeAll(async () => {
  browser = await launchWithExtension(inject('extensionDir'));
  page = await browser.context.newPage();
  // Back to the start: other files may have spent the magic subjects' scripted faults already.
  await fetch(`${mockUrl}/__mock/reset`, { method: 'POST' });
  await page.goto(`${mockUrl}/demo/bid-opening`);
  badges = await settledBadges(page, BID_OPENING_BADGES);
});

afterAll(async () => {
  await browser?.close();
});

describe('badges on the bid-opening record', () => {
  it('shows the verdicts the seed data implies', () => {
    expect(badgeFor(`code:${usccOf('edge:clean')}`)).toMatchObject({
      state: 'pass',
      text: '✓通过·AAA 主体评级',
    });
    expect(badgeFor(`code:${usccOf('edge:dishonest-active')}`)).toMatchObject({ state: 'fail' });
    expect(badgeFor(`code:${usccOf('edge:dishonest-active')}`).text).toContain('不通过');
    expect(badgeFor(`code:${usccOf('edge:abnormal-operation')}`)).toMatchObject({ state: 'review' });
    expect(badgeFor(`code:${usccOf('edge:abnormal-operation')}`).text).toContain('需复核');
    expect(badgeFor(`code:${usccOf('edge:fine-2000000')}`).state).toBe('fail');
    expect(badgeFor(`code:${usccOf('edge:fine-1990000')}`).state).toBe('pass');
    expect(badgeFor(`code:${usccOf('edge:gp-ban-ended')}`).state).toBe('pass');
    expect(badgeFor(`code:${usccOf('edge:major-tax')}`)).toMatchObject({
      state: 'fail',
      text: '✕不通过·纳税 D',
    });
  });

  it('says why a subject is unavailable', () => {
    const b = badgeFor(`code:${usccOf('edge:source-unavailable')}`);
    expect(b.state).toBe('unavailable');
    expect(b.text).toContain('暂不可用');
    expect(b.label).toContain('中国政府采购网');
  });

  it('flags a wrong check character with the expected one', () => {
    const printed = '91330108MA5WY2EA7L';
    const b = badgeFor(`invalid:${printed}`);
    expect(b.state).toBe('invalid');
    expect(b.text).toBe(`#校验位不符：应为 ${computeUsccCheckChar(printed.slice(0, 17))}`);
  });

  it('resolves the subject the server fails twice, after retries', async () => {
    expect(badgeFor(`code:${usccOf('magic:503-twice')}`).state).toBe('pass');
    const journal = (await (await fetch(`${mockUrl}/__mock/journal`)).json()) as {
      data: Array<{ path: string; status: number | null; fault: string | null }>;
    };
    const batches = journal.data.filter((e) => e.path === '/v1/ratings/batch');
    expect(batches.filter((e) => e.status === 503).length).toBe(2);
    expect(batches.at(-1)?.status).toBe(200);
  });

  it('asks the user to pick for a name two companies share', () => {
    const b = badgeFor('name:栖禾建设工程有限公司');
    expect(b).toMatchObject({ state: 'ambiguous', text: '⋯请选择主体' });
  });

  it('checks every consortium member; the listed one fails', () => {
    const members = enterprisesByTag('consortium:cons-b');
    const states = members.map((m) => [m.subject.uscc, badgeFor(`code:${m.subject.uscc}`).state]);
    const dishonest = members.filter((m) =>
      m.lists.some((l) => l.list === 'dishonest_judgment_debtor' && l.active),
    );
    expect(dishonest).toHaveLength(1);
    for (const [uscc, state] of states) {
      expect(state).toBe(uscc === dishonest[0]?.subject.uscc ? 'fail' : 'pass');
    }
  });

  it('opens the card by keyboard and closes it with Escape', async () => {
    await page.bringToFront();
    await page.locator('#bid-opening-table').screenshot({ path: screenshotPath('badges.png') });
    const target = `code:${usccOf('edge:clean')}`;
    await page.locator('body').focus();
    let focused: BadgeSnapshot | undefined;
    for (let i = 0; i < 40 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = (await snapshot(page)).find((b) => b.focused);
    }
    expect(focused?.key).toBe(target);
    await page.keyboard.press('Enter');
    const open = await until(
      () => snapshot(page),
      (all) => all.some((b) => b.key === target && b.cardOpen),
      'the card',
    );
    const card = open.find((b) => b.key === target)?.cardText ?? '';
    expect(card).toContain(enterpriseByTag('edge:clean').subject.name);
    expect(card).toContain('核查结论');
    expect(card).toContain('截止时点 2026-11-20（取自页面）');
    await page.screenshot({ path: screenshotPath('card.png') });
    await page.keyboard.press('Escape');
    await until(
      () => snapshot(page),
      (all) => all.every((b) => !b.cardOpen),
      'the card to close',
    );
  });

  it('resolves a shared name to the subject picked in the card, by keyboard', async () => {
    const key = 'name:栖禾建设工程有限公司';
    const search = (await (
      await fetch(`${mockUrl}/v1/subjects?q=${encodeURIComponent('栖禾建设工程有限公司')}`, {
        headers: { authorization: `Bearer ${DEMO_API_KEY}` },
      })
    ).json()) as { data: Array<{ subject: { uscc: string } }> };
    const first = search.data[0]?.subject.uscc;
    await page.locator('body').focus();
    let focused: BadgeSnapshot | undefined;
    for (let i = 0; i < 60 && focused?.key !== key; i++) {
      await page.keyboard.press('Tab');
      focused = (await snapshot(page)).find((b) => b.focused);
    }
    expect(focused?.key).toBe(key);
    await page.keyboard.press('Enter');
    await until(
      () => snapshot(page),
      (all) => all.some((b) => b.key === key && b.cardOpen && b.cardText.includes('请选择')),
      'the picker',
    );
    await page.keyboard.press('Tab'); // into the card, first candidate
    await page.keyboard.press('Enter');
    const after = await until(
      () => snapshot(page),
      (all) =>
        ['pass', 'review', 'fail', 'unavailable'].includes(all.find((b) => b.key === key)?.state ?? ''),
      'the picked subject',
    );
    // The badge follows the pick's answer at once; the stored record is written a moment later
    // (tabs.ts, writeDelay), after the "checking" it showed meanwhile: wait for the pick to land.
    const record = await until(
      () => tabRecord(browser.worker, '/demo/bid-opening'),
      (r) => {
        const state = r.subjects.find((s) => s.subject.key === key)?.result.state;
        return state !== undefined && state !== 'ambiguous' && state !== 'checking';
      },
      'the picked subject in the tab record',
    );
    const entry = record.subjects.find((s) => s.subject.key === key);
    expect(entry?.subject.code?.value).toBe(first);
    expect(entry?.result.state === 'done' && entry.result.summary.subject.uscc).toBe(first);
    expect(after.find((b) => b.key === key)?.state).toBe(
      entry?.result.state === 'done' && entry.result.screening.verdict === 'incomplete'
        ? 'unavailable'
        : entry?.result.state === 'done' && entry.result.screening.verdict,
    );
    badges = after;
    await page.keyboard.press('Escape');
  });

  it('badges rows the page adds later', async () => {
    const added = enterpriseByTag('edge:tax-A');
    await page.evaluate((uscc) => {
      const row = document.createElement('tr');
      row.innerHTML = `<td>14</td><td>补录投标人</td><td class="code">${uscc}</td><td class="num">1.00</td><td></td>`;
      document.querySelector('#bid-opening-table tbody')?.append(row);
    }, added.subject.uscc);
    badges = await settledBadges(page, BID_OPENING_BADGES + 1);
    expect(badgeFor(`code:${added.subject.uscc}`)).toMatchObject({ state: 'pass', text: '✓通过·纳税 A' });
  });
});

describe('a long bidder list', () => {
  it('checks every bidder at once and badges rows as they near the viewport', async () => {
    const rows = 1000;
    const list = await browser.context.newPage();
    await list.goto(`${mockUrl}/demo/bidders?n=${rows}`);
    const record = await until(
      () => tabRecord(browser.worker, `bidders?n=${rows}`),
      (r) =>
        r.subjects.length === distinctBidders(rows).length &&
        r.subjects.every((s) => s.result.state !== 'checking'),
      'every bidder checked',
    );
    expect(new Set(record.subjects.map((s) => s.subject.key))).toEqual(
      new Set(distinctBidders(rows).map((e) => `code:${e.subject.uscc}`)),
    );
    const onScreen = await list.evaluate(() => document.querySelectorAll('xinjian-badge').length);
    expect(onScreen).toBeGreaterThan(0);
    expect(onScreen).toBeLessThan(rows);
    await list.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await until(
      () =>
        list.evaluate(
          () => document.querySelector('#bidder-list tbody tr:last-child xinjian-badge') !== null,
        ),
      (badged) => badged,
      'a badge on the last row',
    );
    await list.close();
  });
});

describe('the popup', () => {
  it('counts what the page shows', async () => {
    const record = await tabRecord(browser.worker, '/demo/bid-opening');
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${record.tabId}`);
    const counts = popup.getByTestId('counts');
    await counts.waitFor();
    const read = async (name: string) =>
      Number(await counts.locator(`[data-count="${name}"] dd`).textContent());
    const unique = new Map(badges.map((b) => [b.key, b.state]));
    const count = (state: string) => [...unique.values()].filter((s) => s === state).length;
    expect(await read('checked')).toBe(unique.size);
    expect(await read('pass')).toBe(count('pass'));
    expect(await read('review')).toBe(count('review'));
    expect(await read('fail')).toBe(count('fail'));
    expect(await read('unavailable')).toBe(count('unavailable'));
    expect(await popup.getByTestId('site-state').textContent()).toContain('已启用');
    await popup.screenshot({ path: screenshotPath('popup.png') });
    await popup.close();
  });
});

describe('the side panel', () => {
  it('lists every bidder and exports evidence whose SHA-256 verifies', async () => {
    const record = await tabRecord(browser.worker, '/demo/bid-opening');
    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 480, height: 900 });
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${record.tabId}`);
    const rows = panel.locator('[data-testid="bidders"] tbody tr[data-key]');
    await until(
      () => rows.count(),
      (n) => n === new Set(badges.map((b) => b.key)).size,
      'one row per subject',
    );
    const keys = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key')));
    expect(new Set(keys)).toEqual(new Set(badges.map((b) => b.key)));
    expect(await panel.locator('tr.group').textContent()).toContain('联合体');
    expect(await panel.locator('tr.group').textContent()).toContain('联合体结论：不通过');
    await panel.screenshot({ path: screenshotPath('side-panel.png') });

    await panel.getByTestId('filter').selectOption('fail');
    const failing = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state')));
    expect(failing.length).toBe(new Set(badges.filter((b) => b.state === 'fail').map((b) => b.key)).size);
    expect(failing.every((s) => s === 'fail')).toBe(true);
    await panel.getByTestId('filter').selectOption('all');

    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByText('导出本页证据（JSON）').click(),
    ]);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as EvidenceFile;
    exported = file;
    const recomputed = createHash('sha256').update(canonicalJson(file.record), 'utf8').digest('hex');
    expect(file.digest.value).toBe(recomputed);
    expect(await panel.getByTestId('sha256').textContent()).toContain(recomputed);
    expect(file.record.schema).toBe('xinjian.evidence/2');
    expect(file.record.kind).toBe('screening');
    expect(file.record.origin.page).toMatchObject({ origin: mockUrl, path: '/demo/bid-opening' });
    expect(file.record.facts.cutoff?.date).toBe('2026-11-20');
    expect(file.record.subjects).toHaveLength(keys.length);
    expect(file.record.groups.map((g) => g.label)).toContain('不通过');
    // What the page prints about the project, with where it was read.
    expect(file.record.facts.projectNo?.value).toBe('XHGZ-CG-2026-0117');
    expect(file.record.facts.purchaser?.value).toContain('杭州市西湖区智慧教育发展中心');
    // Each found subject's answer as the service signed it, and its own lookup time with an offset.
    const found = file.record.subjects.filter((s) => s.state === 'done');
    expect(found.length).toBeGreaterThan(0);
    for (const s of found) {
      expect(s.signed).toHaveLength(1);
      expect(s.queriedAt).toMatch(/[+-]\d{2}:\d{2}$/);
    }

    // A third party checks the file offline against the service's published keys.
    const jwks = await (await fetch(`${mockUrl}/.well-known/jwks.json`)).json();
    const verified = await verifyEvidence(file, jwks);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
    expect(verified.checked.signatures).toBe(found.length);
    // An edited verdict fails, even with the digest recomputed.
    const forged = JSON.parse(JSON.stringify(file)) as EvidenceFile;
    const edited = forged.record.subjects.find((s) => s.verdict === 'fail');
    if (!edited) throw new Error('expected a failing subject on the page');
    edited.verdict = 'pass';
    edited.label = '通过';
    forged.digest.value = await canonicalDigest(forged.record);
    const check = await verifyEvidence(forged, jwks);
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.code)).toContain('subject_mismatch');

    const [csv] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByText('导出表格（CSV）').click(),
    ]);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(keys.length + 1);
    await panel.close();
  });

  it('prints the exported record: the same digest, lookup times with their offset, unchecked lists said so', async () => {
    if (!exported) throw new Error('the JSON export test runs first');
    const record = await tabRecord(browser.worker, '/demo/bid-opening');
    const printable = await browser.context.newPage();
    await printable.goto(`chrome-extension://${browser.extensionId}/evidence.html?tab=${record.tabId}`);
    const hash = printable.getByTestId('sha256');
    await hash.waitFor();
    expect((await hash.textContent())?.trim()).toBe(exported.digest.value);
    const main = printable.locator('main');
    expect(await main.textContent()).toContain('信用信息查询记录');
    expect(await main.textContent()).toContain('npx xinjian verify');
    expect(await printable.getByTestId('project-no').textContent()).toContain('XHGZ-CG-2026-0117');
    await printable.screenshot({ path: screenshotPath('evidence-print.png'), fullPage: true });
    expect(await printable.locator('main table.data tbody tr').count()).toBeGreaterThan(
      record.subjects.length,
    );
    const times = await printable.getByTestId('queried-at').allTextContents();
    expect(times.some((t) => /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC[+-]\d{2}:\d{2}/.test(t))).toBe(true);
    // A list that could not be checked says so and why; never an empty box.
    const unchecked = printable.locator('[data-status="unchecked"]');
    expect(await unchecked.count()).toBeGreaterThan(0);
    for (const text of await unchecked.allTextContents()) expect(text).toContain('未能查询');
    // Opened again, it is still the same record.
    await printable.reload();
    await hash.waitFor();
    expect((await hash.textContent())?.trim()).toBe(exported.digest.value);
    await printable.close();
  });

  it('offers no export on a page with nothing to check, and says why', async () => {
    const pages = await servePages(browser.context, mockUrl);
    const empty = await pages.open('/x/no-bidders', '<h1>开标记录</h1><p>本项目无投标人。</p>');
    const record = await tabRecord(browser.worker, '/x/no-bidders');
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${record.tabId}`);
    await panel.getByTestId('empty').waitFor();
    for (const name of ['导出本页证据（JSON）', '导出表格（CSV）', '打印证据页'])
      expect(await panel.getByRole('button', { name }).isDisabled()).toBe(true);
    await panel.close();
    await empty.close();
  });

  it("orders the subject's full report", async () => {
    const record = await tabRecord(browser.worker, '/demo/bid-opening');
    const key = `code:${usccOf('edge:dishonest-active')}`;
    const panel = await browser.context.newPage();
    await panel.goto(
      `chrome-extension://${browser.extensionId}/sidepanel.html?tab=${record.tabId}&subject=${encodeURIComponent(key)}`,
    );
    const report = panel.getByTestId('report');
    await report.waitFor({ timeout: 15_000 });
    expect(await report.textContent()).toContain(enterpriseByTag('edge:dishonest-active').subject.name);
    expect(await report.textContent()).toContain('失信被执行人');
    await panel.close();
  });
});

describe('the award notice', () => {
  it('badges the winner and the candidates', async () => {
    const notice = await browser.context.newPage();
    await notice.goto(`${mockUrl}/demo/award-notice`);
    const found = await settledBadges(notice, 3);
    expect(found.map((b) => [b.key, b.state])).toEqual([
      [`code:${usccOf('edge:clean')}`, 'pass'],
      [`code:${usccOf('edge:fine-1990000')}`, 'pass'],
      [`code:${enterpriseByTag('edge:gp-ban-ended').subject.orgCode.replace('-', '')}`, 'pass'],
    ]);
    await notice.close();
  });
});

describe('the options page', () => {
  it('tests the connection and saves', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const baseUrl = options.locator('input[name="baseUrl"]');
    await baseUrl.waitFor();
    expect(await baseUrl.inputValue()).toBe(mockUrl);
    await options.getByText('测试连接').click();
    const account = seeds.keys.find((k) => k.key === DEMO_API_KEY)?.account;
    await until(
      () => options.getByTestId('probe').textContent(),
      (text) => (text ?? '').includes('连接成功'),
      'the connection test',
    );
    expect(await options.getByTestId('probe').textContent()).toContain(account?.name ?? '');
    await options.locator('input[name="operator"]').fill('张三');
    await options.getByText('保存', { exact: true }).click();
    await until(
      () => options.getByTestId('saved').textContent(),
      (text) => (text ?? '').includes('已保存'),
      'saved',
    );
    const stored = await browser.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as ChromeGlobal;
      return (await chrome.storage.local.get('settings')).settings as { operator: string };
    });
    expect(stored.operator).toBe('张三');
    await options.screenshot({ path: screenshotPath('options.png'), fullPage: true });
    await options.close();
  });
});

/**
 * The built extension in Chromium over every page of the reading corpus (test/fixtures/pages/,
 * served as they are by corpus-server.ts). What was badged is read through the test hook; a
 * long list is scrolled through, since its badges appear near the viewport.
 * Prints recall and precision per page; fails below full recall on the must subjects that the
 * page shows once its scripts have run, or on any must_not subject badged.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type ExtensionBrowser,
  launchWithExtension,
  loanTabRecord,
  snapshot,
  tabRecord,
  until,
} from './browser.ts';
import { corpus, corpusPath as pathOf, serveCorpus } from './corpus-server.ts';

const mockUrl = inject('mockUrl');

let browser: ExtensionBrowser;
let pages: Awaited<ReturnType<typeof serveCorpus>>;
let origin: string;

type Row = {
  page: string;
  must: number;
  found: number;
  badged: number;
  relevant: number;
  mustNot: number;
  /** Badged, but neither must nor must_not (a mention, say). */
  extra?: string[];
};
const rows: Row[] = [];

beforeAll(async () => {
  pages = await serveCorpus();
  origin = pages.origin;
  browser = await launchWithExtension(inject('extensionDir'));
  await fetch(`${mockUrl}/__mock/reset`, { method: 'POST' });
});

afterAll(async () => {
  await browser?.close();
  await pages?.close();
  if (rows.length === 0) return;
  const pct = (a: number, b: number) => (b === 0 ? '   -' : `${Math.round((100 * a) / b)}%`.padStart(4));
  const lines = rows.map(
    (r) =>
      `${r.page.padEnd(28)} ${`${r.found}/${r.must}`.padStart(7)}  ${pct(r.found, r.must)}  ${`${r.relevant}/${r.badged}`.padStart(7)}  ${pct(r.relevant, r.badged)}  ${r.mustNot}`,
  );
  const extras = rows
    .filter((r) => r.extra && r.extra.length > 0)
    .map((r) => `  ${r.page}: ${r.extra?.join(', ')}`);
  const head = `${'page'.padEnd(28)} ${'recall'.padStart(13)}  ${'precision'.padStart(13)}  must_not`;
  process.stdout.write(
    `\n[xinjian] corpus in Chromium\n${head}\n${lines.join('\n')}\n${extras.length > 0 ? `badged besides the must subjects:\n${extras.join('\n')}\n` : ''}`,
  );
});

// Every badge key the page shows, the long list scrolled through from top to bottom.
async function badgedKeys(page: Page, expectedAtLeast: number): Promise<Set<string>> {
  const keys = new Set<string>();
  const settled = await until(
    () => snapshot(page),
    (badges) => (badges.length > 0 || expectedAtLeast === 0) && badges.every((b) => b.state !== 'checking'),
    'settled badges',
  );
  for (const b of settled) keys.add(b.key);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; keys.size < expectedAtLeast && y < height; y += 2000) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    const more = await until(
      () => snapshot(page),
      (badges) => badges.every((b) => b.state !== 'checking'),
      `badges at ${y}px`,
    );
    for (const b of more) keys.add(b.key);
  }
  return keys;
}

describe('the built extension over the reading corpus', () => {
  it('has every page of the corpus', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(24);
  });

  for (const expected of corpus.filter((p) => p.mode === 'procurement')) {
    it(`${expected.page} (${expected.platform})`, async () => {
      const page = await browser.context.newPage();
      try {
        await page.goto(`${origin}${pathOf(expected)}`);
        // What the page shows once its scripts have run: late rows in, a switched lot's rows out.
        const must = expected.must.filter((m) => m.before !== 'script');
        const wanted = new Set(must.map((m) => m.key));
        // The page's scripts run on timers: wait until every must subject is in, or time out.
        // (The background's record has every subject read, badged near the viewport or not.)
        await until(
          async () =>
            new Set((await tabRecord(browser.worker, pathOf(expected))).subjects.map((s) => s.subject.key)),
          (keys) => [...wanted].every((k) => keys.has(k)),
          `the must subjects of ${expected.page}`,
          15_000,
        ).catch(() => null);
        const keys = await badgedKeys(page, wanted.size);
        const record = await tabRecord(browser.worker, pathOf(expected));
        const checked = new Set(record.subjects.map((s) => s.subject.key));
        const found = must.filter((m) => keys.has(m.key));
        const hits = expected.must_not.filter((m) => keys.has(m.key) || checked.has(m.key));
        rows.push({
          page: expected.page,
          must: must.length,
          found: found.length,
          badged: keys.size,
          relevant: [...keys].filter((k) => wanted.has(k)).length,
          mustNot: hits.length,
          extra: [...keys].filter((k) => !wanted.has(k)),
        });
        expect(
          must.filter((m) => !keys.has(m.key)).map((m) => m.key),
          'must subjects not badged',
        ).toEqual([]);
        expect(
          hits.map((m) => `${m.key} (${m.why})`),
          'must_not subjects looked up',
        ).toEqual([]);
        // The roles the page gives, as the background keeps them for the evidence.
        const roles = new Map(record.subjects.map((s) => [s.subject.key, s.subject.role]));
        expect(must.map((m) => [m.key, roles.get(m.key)])).toEqual(must.map((m) => [m.key, m.role]));
        // The page facts, each with where it was read, and the cut-off taken from them.
        const facts = record.facts;
        const want = expected.facts ?? {};
        expect({
          projectNumber: facts?.projectNo?.value,
          lot: facts?.lot?.value,
          buyer: facts?.purchaser?.value,
          cutoff: facts?.cutoff?.value,
        }).toMatchObject(want);
        for (const f of [facts?.projectNo, facts?.lot, facts?.purchaser, facts?.cutoff])
          if (f) expect(f.source).toMatch(/^(?:表格|列表|表单|正文)“/);
        if (want.cutoff) expect(record.cutoff).toEqual({ date: want.cutoff, source: 'page' });
        // No ID number is ever looked up in procurement mode.
        expect(record.subjects.filter((s) => s.subject.code?.kind === 'id_card')).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  for (const expected of corpus.filter((p) => p.mode === 'loan')) {
    it(`${expected.page} (${expected.platform}): every person gets a consent badge, no one is looked up`, async () => {
      const page = await browser.context.newPage();
      try {
        await page.goto(`${origin}${pathOf(expected)}`);
        const people = expected.people ?? [];
        const all = await until(
          () => snapshot(page),
          (b) => b.filter((x) => x.key.startsWith('borrower:')).length === people.length,
          `${people.length} borrower badges`,
        );
        const badges = all.filter((b) => b.key.startsWith('borrower:'));
        const keys = new Set(all.map((b) => b.key));
        rows.push({
          page: `${expected.page} (people)`,
          must: people.length,
          found: badges.length,
          badged: badges.length,
          relevant: badges.length,
          mustNot: expected.must_not.filter((m) => keys.has(m.key)).length,
        });
        // Before consent nothing about a person is looked up: every badge waits for it.
        expect(badges.map((b) => b.state)).toEqual(people.map(() => 'consent'));
        // A full ID number never shows in what the badge tells the page's reader.
        for (const b of all) for (const p of people) expect(b.label + b.text).not.toContain(p.idNumber);
      } finally {
        await page.close();
      }
    });

    it(`${expected.page}: the companies on the page are checked as enterprises`, async () => {
      // What this page's visit sends (the people's test above saw the page first, so a company
      // may answer from the session cache now: its lookup is then in the journal from there).
      const since = (await journal()).at(-1)?.seq ?? 0;
      const page = await browser.context.newPage();
      try {
        await page.goto(`${origin}${pathOf(expected)}`);
        const must = expected.must;
        const people = expected.people ?? [];
        // Each must company badged and its lookup answered (not still checking).
        const all = await until(
          () => snapshot(page),
          (b) => must.every((m) => b.some((x) => x.key === m.key && !['checking', 'idle'].includes(x.state))),
          `the companies of ${expected.page}`,
        );
        const keys = new Set(all.map((b) => b.key));
        const companies = all.filter((b) => !b.key.startsWith('borrower:'));
        rows.push({
          page: `${expected.page} (companies)`,
          must: must.length,
          found: must.filter((m) => keys.has(m.key)).length,
          badged: companies.length,
          relevant: companies.filter((b) => must.some((m) => m.key === b.key)).length,
          mustNot: expected.must_not.filter((m) => keys.has(m.key)).length,
        });
        expect(
          must.filter((m) => !keys.has(m.key)).map((m) => m.key),
          'must companies not badged',
        ).toEqual([]);
        expect(
          expected.must_not.filter((m) => keys.has(m.key)).map((m) => `${m.key} (${m.why})`),
          'must_not subjects badged',
        ).toEqual([]);
        // The background keeps each with its part on the application, screened under credit.
        const record = await loanTabRecord(browser.worker, pathOf(expected), must.length);
        const kept = new Map((record.companies ?? []).map((c) => [c.subject.key, c]));
        expect(must.map((m) => [m.key, kept.get(m.key)?.part])).toEqual(must.map((m) => [m.key, m.part]));
        for (const m of must) {
          const r = kept.get(m.key)?.result;
          expect(r?.state, m.key).toBe('done');
          expect(r?.state === 'done' && r.screening.ruleSet.id, m.key).toBe('cn-credit-lending');
        }
        // Looked up at the API: a code by its code, a name by a search for it.
        const everything = JSON.stringify(await journal());
        for (const m of must) {
          const value = m.key.slice(m.key.indexOf(':') + 1);
          expect(everything.includes(value), `${m.key} looked up`).toBe(true);
        }
        // Nothing about a person before consent: no report ordered, no number sent, every
        // borrower still waiting for the officer's authorization.
        const sent = (await journal()).filter((e) => e.seq > since);
        expect(sent.filter((e) => e.path.startsWith('/v1/reports'))).toEqual([]);
        for (const p of people) expect(JSON.stringify(sent)).not.toContain(p.idNumber);
        // The officer reaches a company's marker by keyboard; its card opens in the frame.
        const first = must[0]?.key ?? '';
        await page.bringToFront();
        await page.locator('body').focus();
        let focused: string | undefined;
        for (let i = 0; i < 30 && focused !== first; i++) {
          await page.keyboard.press('Tab');
          focused = (await snapshot(page)).find((b) => b.focused)?.key;
        }
        expect(focused).toBe(first);
        await page.keyboard.press('Enter');
        const opened = await until(
          () => snapshot(page),
          (b) => b.some((x) => x.key === first && x.cardOpen),
          `the card of ${first}`,
        );
        const card = opened.find((b) => b.key === first)?.cardText ?? '';
        const done = kept.get(first)?.result;
        expect(card).toContain(done?.state === 'done' ? done.summary.subject.uscc : '');
        expect(card).toContain(`截止时点 ${record.asOf}`);
        await page.keyboard.press('Escape');
        // The side panel lists them under 页面上的企业, each with its part and verdict word.
        const panel = await browser.context.newPage();
        try {
          await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${record.tabId}`);
          const section = panel.locator('[data-testid="companies"]');
          await section.locator('h2', { hasText: '页面上的企业' }).waitFor();
          for (const m of must) {
            const row = section.locator(`tr[data-key="${m.key}"]`);
            await row.waitFor();
            expect(await row.getAttribute('data-part'), m.key).toBe(m.part);
            expect(await row.locator('.chip').textContent(), m.key).toMatch(/^[✓!✕]\s*(通过|需复核|不通过)$/);
          }
        } finally {
          await panel.close();
        }
        // A company printed as a name and as its code is listed once (decision 0062): once every
        // marker has its answer, no two rows of the record are the same company.
        await until(
          () => snapshot(page),
          (b) => b.every((x) => x.key.startsWith('borrower:') || x.state !== 'checking'),
          `every company of ${expected.page} answered`,
        );
        const settled = await loanTabRecord(browser.worker, pathOf(expected), must.length);
        const usccs = (settled.companies ?? []).flatMap((c) =>
          c.result.state === 'done' ? [c.result.summary.subject.uscc] : [],
        );
        expect(usccs.length, `${expected.page}: each company listed once`).toBe(new Set(usccs).size);
        expect(all.filter((b) => b.key.startsWith('borrower:')).map((b) => b.state)).toEqual(
          people.map(() => 'consent'),
        );
        expect(record.borrowers.map((b) => b.result.state)).toEqual(people.map(() => 'consent'));
        expect(record.household.state).toBe('pending');
      } finally {
        await page.close();
      }
    });
  }
});

type Journal = Array<{ seq: number; method: string; path: string; body: unknown }>;
async function journal(): Promise<Journal> {
  return ((await (await fetch(`${mockUrl}/__mock/journal`)).json()) as { data: Journal }).data;
}

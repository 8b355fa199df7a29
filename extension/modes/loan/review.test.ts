// @vitest-environment node

import type { IndividualReportContent } from '@xinjian/sdk';
import { createClient, type XinjianClient } from '@xinjian/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../../../mock-server/src/index.ts';
import { DEMO_API_KEY, individualsByTag, SEED_AS_OF } from '../../../seeds/index.ts';
import * as loanReview from './review.ts';

let server: RunningMockServer;
let client: XinjianClient;
const [applicant, coBorrower] = individualsByTag('household:hh-2');
const APPLICANT_ID = applicant?.idNumber ?? '';
const CO_ID = coBorrower?.idNumber ?? '';
const parts: Record<string, Array<{ productId: string; content: IndividualReportContent }>> = {};

async function order(idNumber: string) {
  return Promise.all(
    loanReview.PERSONAL_PRODUCTS.map(async (p) => {
      const report = await client.reports.orderAndWait(
        {
          productId: p.id,
          subjectId: idNumber,
          purpose: 'housing_fund_loan',
          authorization: { reference: 'SQ-TEST-1', grantedAt: '2026-11-03' },
        },
        { pollIntervalMs: 10 },
      );
      if (report.content.subjectType !== 'individual') throw new Error('not a personal report');
      return { productId: p.id, content: report.content };
    }),
  );
}

beforeAll(async () => {
  server = await startMockServer({ port: 0, reportDelayMs: 0 });
  client = createClient({ baseUrl: server.url, apiKey: DEMO_API_KEY, cache: false, retryBaseDelayMs: 5 });
  parts[APPLICANT_ID] = await order(APPLICANT_ID);
  parts[CO_ID] = await order(CO_ID);
});
afterAll(() => server.close());

const merged = (id: string) => loanReview.mergePersonalReports(parts[id] ?? []);

describe('the personal products are separate', () => {
  it('a personal credit report carries no housing fund; the deposit history carries only that', () => {
    const [credit, fund, court] = parts[APPLICANT_ID] ?? [];
    expect(credit?.content.housingFund).toBeNull();
    expect(credit?.content.creditAccounts.length).toBeGreaterThan(0);
    expect(fund?.content.housingFund?.city).toBe('杭州市');
    expect(fund?.content.creditAccounts).toEqual([]);
    expect(court?.content.creditAccounts).toEqual([]);
  });

  it('merges accounts, deposits and listings, each channel from the product that feeds it', () => {
    const m = merged(APPLICANT_ID);
    expect(m.creditAccounts.map((a) => a.id)).toEqual(applicant?.content.creditAccounts.map((a) => a.id));
    expect(m.housingFund).toEqual(applicant?.content.housingFund);
    expect(m.sources.map((s) => s.channel).sort()).toEqual(['housing_fund_center', 'pbccrc', 'zxgk']);
    expect(m.subject.idNumberMasked).toBe('330***********9966');
    expect(JSON.stringify(m)).not.toContain(APPLICANT_ID);
  });
});

describe('hh-2 under the generic template (the seed notes)', () => {
  const pack = loanReview.loanRulePack('generic-lian3lei6');

  it('the applicant is eligible: no overdue, 24 months of deposits', () => {
    const r = loanReview.evaluateBorrower(merged(APPLICANT_ID), 'applicant', 'borrower:1', pack, SEED_AS_OF);
    expect(r.verdict).toBe('eligible');
    expect(r.key).toBe('borrower:1');
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(loanReview.loanFacts(merged(APPLICANT_ID), SEED_AS_OF)).toEqual({
      currentOverduePeriods: 0,
      currentOverdueAmountYuan: 0,
      fiveCategory: 'normal',
      cardStatuses: ['normal'],
      dishonestInForce: 0,
      deposit: { months: 24, from: '2024-11', to: '2026-10', status: 'normal' },
    });
  });

  it('the co-borrower is ineligible for 3 consecutive overdue months, which the finding names', () => {
    const r = loanReview.evaluateBorrower(merged(CO_ID), 'co_borrower', 'borrower:2', pack, SEED_AS_OF);
    expect(r.verdict).toBe('ineligible');
    const bar = r.findings.filter((f) => f.severity === 'bar');
    expect(bar.map((f) => [f.code, f.months, f.subjectId])).toEqual([
      ['loan.consecutive_overdue', ['2025-12', '2026-01', '2026-02'], 'borrower:2'],
    ]);
    expect(bar[0]?.message.zh.startsWith('2025-12..2026-02 连续 3 期逾期')).toBe(true);
    // The generic pack applies the deposit rule to the applicant only.
    expect(r.findings.some((f) => f.code.startsWith('deposit.'))).toBe(false);
  });

  it('the household is ineligible because of the co-borrower, and agrees with the single reviews', () => {
    const { result, keys } = loanReview.evaluateHousehold(
      [
        { key: 'borrower:1', role: 'applicant', report: merged(APPLICANT_ID) },
        { key: 'borrower:2', role: 'co_borrower', report: merged(CO_ID) },
      ],
      pack,
      SEED_AS_OF,
    );
    expect(result.verdict).toBe('ineligible');
    expect(keys).toEqual(['borrower:1', 'borrower:2']);
    expect(result.rulePack).toMatchObject({ id: 'generic-lian3lei6', version: '2026.1' });
    const household = result.findings.filter((f) => f.code === 'household.borrower_ineligible');
    expect(household).toHaveLength(1);
    expect(household[0]?.message.zh).toContain('共同借款人 丁*（340***********1694）');
    const alone = [
      loanReview.evaluateBorrower(merged(APPLICANT_ID), 'applicant', 'borrower:1', pack, SEED_AS_OF),
      loanReview.evaluateBorrower(merged(CO_ID), 'co_borrower', 'borrower:2', pack, SEED_AS_OF),
    ];
    expect(result.borrowers.map((b) => [b.verdict, b.findings.map((f) => f.code)])).toEqual(
      alone.map((b) => [b.verdict, b.findings.map((f) => f.code)]),
    );
  });

  it('puts the applicant first whatever the page order', () => {
    const { keys, result } = loanReview.evaluateHousehold(
      [
        { key: 'borrower:2', role: 'co_borrower', report: merged(CO_ID) },
        { key: 'borrower:1', role: 'applicant', report: merged(APPLICANT_ID) },
      ],
      pack,
      SEED_AS_OF,
    );
    expect(keys).toEqual(['borrower:1', 'borrower:2']);
    expect(result.borrowers.map((b) => b.role)).toEqual(['applicant', 'co_borrower']);
  });
});

describe('a product that could not be ordered', () => {
  it('leaves its channel missing, so the verdict is incomplete, never eligible', () => {
    const withoutFund = (parts[APPLICANT_ID] ?? []).filter(
      (p) => p.productId !== 'housing_fund_deposit_history',
    );
    const m = loanReview.mergePersonalReports(withoutFund);
    expect(m.housingFund).toBeNull();
    const r = loanReview.evaluateBorrower(
      m,
      'applicant',
      'borrower:1',
      loanReview.loanRulePack('hangzhou'),
      SEED_AS_OF,
    );
    expect(r.verdict).toBe('incomplete');
    expect(r.findings.find((f) => f.severity === 'missing')?.code).toBe('source.unavailable');
  });

  it('refuses to merge nothing', () => {
    expect(() => loanReview.mergePersonalReports([])).toThrow(RangeError);
  });
});

describe('rule packs', () => {
  it('falls back to the generic template for an unknown id', () => {
    expect(loanReview.loanRulePack('beijing').id).toBe('generic-lian3lei6');
    expect(loanReview.loanRulePack('wuhan').id).toBe('wuhan');
  });

  it('gives a co-borrower the deposit rule only where the pack applies it to co-borrowers', () => {
    const base = loanReview.loanRulePack('hangzhou');
    const both = {
      ...base,
      id: 'hangzhou-both',
      deposit: {
        ...(base.deposit as NonNullable<typeof base.deposit>),
        appliesTo: ['applicant' as const, 'co_borrower' as const],
      },
    };
    const r = loanReview.evaluateBorrower(merged(CO_ID), 'co_borrower', 'borrower:2', both, SEED_AS_OF);
    expect(r.findings.find((f) => f.code.startsWith('deposit.'))?.code).toBe('deposit.ok');
  });

  it('reports a role the pack does not cover instead of reviewing it', () => {
    const base = loanReview.loanRulePack('generic-lian3lei6');
    const applicantOnly = { ...base, id: 'applicant-only', covers: ['applicant' as const] };
    const r = loanReview.evaluateBorrower(merged(CO_ID), 'spouse', 'borrower:2', applicantOnly, SEED_AS_OF);
    expect(r).toMatchObject({ verdict: 'eligible', role: 'spouse' });
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['borrower.not_covered', 'info']]);
  });
});

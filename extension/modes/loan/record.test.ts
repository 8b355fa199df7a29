// @vitest-environment node
import { createHash } from 'node:crypto';
import type { IndividualReportContent } from '@xinjian/sdk';
import { createClient } from '@xinjian/sdk';
import { canonicalJson, digestMatches } from '@xinjian/sdk/evidence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type RunningMockServer, startMockServer } from '../../../mock-server/src/index.ts';
import { DEMO_API_KEY, individualsByTag, SEED_AS_OF } from '../../../seeds/index.ts';
import type { LoanBorrower, LoanTabRecord } from './model.ts';
import { loanDecisionRecord, sealLoanRecord } from './record.ts';
import * as loanReview from './review.ts';

let server: RunningMockServer;
let tab: LoanTabRecord;
const people = individualsByTag('household:hh-2');
const IDS = people.map((p) => p.idNumber);

beforeAll(async () => {
  server = await startMockServer({ port: 0, reportDelayMs: 0 });
  const client = createClient({ baseUrl: server.url, apiKey: DEMO_API_KEY, cache: false });
  const pack = loanReview.loanRulePack('hangzhou');
  const borrowers: LoanBorrower[] = [];
  for (const [i, id] of IDS.entries()) {
    const parts: Array<{ productId: string; content: IndividualReportContent }> = [];
    const reportIds: string[] = [];
    for (const p of loanReview.PERSONAL_PRODUCTS) {
      const r = await client.reports.orderAndWait({
        productId: p.id,
        subjectId: id,
        purpose: 'housing_fund_loan',
        authorization: { reference: `SQ-${i + 1}`, grantedAt: '2026-11-03' },
      });
      if (r.content.subjectType === 'individual') parts.push({ productId: p.id, content: r.content });
      reportIds.push(r.id);
    }
    const report = loanReview.mergePersonalReports(parts);
    const role = i === 0 ? 'applicant' : 'co_borrower';
    const key = `borrower:${i + 1}`;
    const review = loanReview.evaluateBorrower(report, role, key, pack, SEED_AS_OF);
    borrowers.push({
      key,
      role,
      idMasked: report.subject.idNumberMasked,
      nameMasked: report.subject.nameMasked,
      consent: {
        purpose: 'housing_fund_loan',
        reference: `SQ-${i + 1}`,
        grantedAt: '2026-11-03',
        confirmedAt: '2026-11-25T01:00:00.000Z',
      },
      result: {
        state: 'done',
        verdict: review.verdict,
        review,
        facts: loanReview.loanFacts(report, SEED_AS_OF),
        rulePack: loanReview.rulePackRef(pack),
        asOf: SEED_AS_OF,
        checkedAt: `2026-11-25T01:0${i}:00.000Z`,
        reportIds,
        failedProducts: [],
        cached: false,
      },
      report,
    });
  }
  const { result, keys } = loanReview.evaluateHousehold(
    borrowers.map((b) => ({ key: b.key, role: b.role, report: b.report as IndividualReportContent })),
    pack,
    SEED_AS_OF,
  );
  tab = {
    tabId: 3,
    url: `${server.url}/demo/loan-review?applicant=${IDS[0]}`,
    title: '住房公积金个人贷款审批',
    startedAt: '2026-11-25T00:59:00.000Z',
    asOf: SEED_AS_OF,
    rulePack: loanReview.rulePackRef(pack),
    borrowers,
    household: { state: 'done', result, keys },
  };
});
afterAll(() => server.close());

describe('the loan decision record', () => {
  it('says the pack’s source is a name, not a 文号, with its link, in the source and every citation', () => {
    const r = loanDecisionRecord(tab, { operator: '张三', generatedAt: '2026-11-25T10:00:00.000+08:00' });
    expect(r.rulePack.source).toMatchObject({
      documentNo: '杭州住房公积金贷款信用审核规定',
      label: true,
      url: expect.stringMatching(/^https?:\/\//),
    });
    const cited = r.borrowers.flatMap((b) => b.findings.flatMap((f) => f.citations));
    expect(cited.length).toBeGreaterThan(0);
    for (const c of cited.filter((c) => c.startsWith('杭州住房公积金贷款信用审核规定')))
      expect(c).toContain('杭州住房公积金贷款信用审核规定（名称，非文号）');
    const en = loanDecisionRecord(tab, {
      operator: '张三',
      generatedAt: '2026-11-25T10:00:00.000+08:00',
      language: 'en',
    });
    expect(en.borrowers.flatMap((b) => b.findings.flatMap((f) => f.citations)).join(' ')).toContain(
      '(name, not a document number)',
    );
  });

  it('carries the pack, purpose, operator, authorizations, per-borrower findings with months and the household verdict', () => {
    const r = loanDecisionRecord(tab, {
      operator: '张三',
      generatedAt: '2026-11-25T10:00:00.000+08:00',
      offsetMinutes: 480,
    });
    expect(r).toMatchObject({
      schema: 'xinjian.loan-decision/v1',
      kind: 'loan_decision',
      purpose: 'housing_fund_loan',
      purposeLabel: '住房公积金贷款审批',
      operator: '张三',
      asOf: SEED_AS_OF,
      // The latest lookup, on the officer's clock with its offset.
      queriedAt: '2026-11-25T09:01:00.000+08:00',
      rulePack: {
        id: 'hangzhou',
        version: '2026.1',
        city: '杭州',
        source: { documentNo: '杭州住房公积金贷款信用审核规定' },
        confidence: 'secondary',
      },
      household: { state: 'done', verdict: 'ineligible', label: '不予贷款' },
    });
    expect(r.borrowers.map((b) => [b.role, b.idMasked, b.authorization?.reference, b.verdict])).toEqual([
      ['applicant', '330***********9966', 'SQ-1', 'eligible'],
      ['co_borrower', '340***********1694', 'SQ-2', 'ineligible'],
    ]);
    expect(r.borrowers[1]?.findings.find((f) => f.severity === 'bar')).toMatchObject({
      code: 'loan.consecutive_overdue',
      months: ['2025-12', '2026-01', '2026-02'],
    });
    expect(r.household.decidedBy).toEqual([
      { key: 'borrower:2', role: 'co_borrower', idMasked: '340***********1694', nameMasked: '丁*' },
    ]);
    expect(r.household.findings.map((f) => f.code)).toContain('household.borrower_ineligible');
    expect(r.borrowers[0]?.reportIds).toHaveLength(3);
    expect(r.borrowers.map((b) => b.checkedAt)).toEqual([
      '2026-11-25T09:00:00.000+08:00',
      '2026-11-25T09:01:00.000+08:00',
    ]);
  });

  it('holds no full number, prefix or birth date, even from the page address', () => {
    const text = JSON.stringify(
      loanDecisionRecord(tab, { operator: '张三', generatedAt: '2026-11-25T02:00:00.000Z' }),
    );
    for (const id of IDS)
      for (const needle of [id, id.slice(0, 17), id.slice(6, 14)]) expect(text).not.toContain(needle);
    // The page address keeps its origin and path only.
    expect(text).toContain(`"url":"${server.url}/demo/loan-review"`);
    expect(text).not.toContain('applicant=');
  });

  it('is sealed with the SHA-256 of its RFC 8785 canonical JSON, which anyone can recompute', async () => {
    fakeBrowser.reset();
    const file = await sealLoanRecord(tab, {
      operator: '张三',
      language: 'en',
      now: () => new Date('2026-11-25T02:00:00.000Z'),
    });
    expect(file.digest).toMatchObject({ algorithm: 'SHA-256', canonicalization: 'RFC 8785' });
    expect(file.digest.value).toBe(
      createHash('sha256').update(canonicalJson(file.record), 'utf8').digest('hex'),
    );
    expect(await digestMatches(file)).toBe(true);
    expect(file.record.household.label).toBe('Ineligible: no loan');
    expect(await digestMatches({ ...file, record: { ...file.record, operator: '李四' } })).toBe(false);
  });

  it('is sealed once per review state, so the print shows the exported digest', async () => {
    fakeBrowser.reset();
    const first = await sealLoanRecord(tab, {
      operator: '张三',
      now: () => new Date('2026-11-25T02:00:00Z'),
    });
    const again = await sealLoanRecord(tab, {
      operator: '张三',
      now: () => new Date('2026-11-25T05:00:00Z'),
    });
    expect(again.digest.value).toBe(first.digest.value);
    expect(Date.parse(again.record.generatedAt)).toBe(Date.parse('2026-11-25T02:00:00Z'));
    const other = await sealLoanRecord(tab, {
      operator: '李四',
      now: () => new Date('2026-11-25T05:00:00Z'),
    });
    expect(other.digest.value).not.toBe(first.digest.value);
  });

  it('says pending until every borrower has a result', () => {
    const pending: LoanTabRecord = { ...tab, household: { state: 'pending', waiting: 1 } };
    const r = loanDecisionRecord(pending, { operator: '', generatedAt: '2026-11-25T02:00:00.000Z' });
    expect(r.household).toEqual({
      state: 'pending',
      verdict: null,
      label: '待完成：尚有 1 人未查询',
      decidedBy: [],
      findings: [],
    });
  });

  it('carries the 业务编号 and where it was read, inside the sealed digest', async () => {
    fakeBrowser.reset();
    const read: LoanTabRecord = { ...tab, businessNo: { value: 'GJJ-DK-2026-110301', readFrom: '业务编号' } };
    const r = loanDecisionRecord(read, { operator: '张三', generatedAt: '2026-11-25T02:00:00.000Z' });
    expect(r.businessNo).toEqual({ value: 'GJJ-DK-2026-110301', readFrom: '业务编号' });
    expect(loanDecisionRecord(tab, { operator: '张三', generatedAt: '' }).businessNo).toBeNull();
    const now = () => new Date('2026-11-25T02:00:00Z');
    const first = await sealLoanRecord(read, { operator: '张三', now });
    expect(first.record.businessNo?.value).toBe('GJJ-DK-2026-110301');
    expect(await digestMatches(first)).toBe(true);
    const edited = {
      ...first,
      record: { ...first.record, businessNo: { value: 'GJJ-DK-2026-999999', readFrom: null } },
    };
    expect(await digestMatches(edited)).toBe(false);
    // The officer's change is a new review state: a new seal, not the kept one.
    const changed = await sealLoanRecord(
      { ...read, businessNo: { value: 'GJJ-DK-2026-110302', readFrom: null } },
      { operator: '张三', now },
    );
    expect(changed.digest.value).not.toBe(first.digest.value);
    expect(changed.record.businessNo).toEqual({ value: 'GJJ-DK-2026-110302', readFrom: null });
  });
});

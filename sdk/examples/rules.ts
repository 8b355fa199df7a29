/**
 * Evaluate rule packs: a procurement screening of a supplier and a housing-fund loan review.
 * Run it against the mock server (`npm run mock` in the repository, or `npx xinjian-mock`):
 *   XINJIAN_BASE_URL=http://127.0.0.1:8787 XINJIAN_API_KEY=xj_demo_2b7e151628aed2a6abf71588 \
 *   node rules.ts
 */
import { createClient, evaluateHousingFundLoan, evaluateProcurement } from '@xinjian/sdk';

// XINJIAN_BASE_URL and XINJIAN_API_KEY from the environment (the mock: see the header).
const client = createClient();

// 财库〔2016〕125号: the 截止时点 comes from the procurement document.
const supplier = await client.ratings.get('91220100MA871Q8132');
if (supplier.status === 'found') {
  const result = evaluateProcurement(supplier.summary, { asOf: '2026-11-01', cutoff: '2026-11-20' });
  console.log(`procurement: ${result.verdict}`);
  for (const f of result.findings) console.log(`  ${f.code}: ${f.message.zh}`);
}

// 住房公积金贷款: a per-city, versioned rule pack.
const report = await client.reports.orderAndWait(
  {
    productId: 'personal_credit_report',
    subjectId: '330110199512317745',
    purpose: 'housing_fund_loan',
    authorization: { reference: 'AUTH-2026-0002', grantedAt: '2026-10-30' },
  },
  { pollIntervalMs: 200 },
);
if (report.content.subjectType === 'individual') {
  const loan = evaluateHousingFundLoan(report.content, { rulePack: 'wuhan', asOf: '2026-11-01' });
  console.log(`housing fund loan: ${loan.verdict}`);
}

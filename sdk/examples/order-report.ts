/**
 * Order a credit report and wait for it; the authorization rule for personal reports.
 * Run it against the mock server (`npm run mock` in the repository, or `npx xinjian-mock`):
 *   XINJIAN_BASE_URL=http://127.0.0.1:8787 XINJIAN_API_KEY=xj_demo_2b7e151628aed2a6abf71588 \
 *   node order-report.ts
 */
import { createClient, isAuthorizationRequiredError } from '@xinjian/sdk';

// XINJIAN_BASE_URL and XINJIAN_API_KEY from the environment (the mock: see the header).
const client = createClient();

// An enterprise report: order, then poll until it is ready (one Idempotency-Key covers retries).
const report = await client.reports.orderAndWait(
  {
    productId: 'creditchina_public_report',
    subjectId: '91110000561976492Q',
    purpose: 'government_procurement',
  },
  { pollIntervalMs: 200, timeoutMs: 30_000 },
);
if (report.content.subjectType === 'enterprise') {
  console.log(
    `report ${report.id} ready: ${report.content.subject.name}, ${report.content.records.length} records`,
  );
}

// A personal report without the subject's written authorization is refused before any request
// (征信业管理条例 第十八条: written consent and an agreed purpose).
try {
  await client.reports.order({
    productId: 'personal_credit_report',
    subjectId: '330110199512317745',
    purpose: 'housing_fund_loan',
  });
} catch (e) {
  if (!isAuthorizationRequiredError(e)) throw e;
  console.log(`refused: ${e.localized.zh}`);
}

// With the authorization reference and the purpose, the order goes through.
const personal = await client.reports.orderAndWait(
  {
    productId: 'personal_credit_report',
    subjectId: '330110199512317745',
    purpose: 'housing_fund_loan',
    authorization: { reference: 'AUTH-2026-0001', grantedAt: '2026-10-30' },
  },
  { pollIntervalMs: 200 },
);
if (personal.content.subjectType === 'individual') {
  console.log(`personal report ${personal.id} ready for ${personal.content.subject.idNumberMasked}`);
}

/**
 * Check one bidder for a government procurement (财库〔2016〕125号), as the README shows it.
 * Run it against the mock server (`npm run mock` in the repository, or `npx xinjian-mock`):
 *   XINJIAN_BASE_URL=http://127.0.0.1:8787 XINJIAN_API_KEY=xj_demo_2b7e151628aed2a6abf71588 \
 *   node procurement-check.ts
 */
import { createClient, evaluateProcurement } from '@xinjian/sdk';

const client = createClient(); // XINJIAN_BASE_URL and XINJIAN_API_KEY from the environment

const [item] = await client.ratings.lookup(['91110000561976492Q']);
if (item?.status === 'found') {
  const result = evaluateProcurement(item.summary, { asOf: '2026-11-01', cutoff: '2026-11-20' });
  console.log(`${item.summary.subject.name}: ${result.verdict}`);
  for (const finding of result.findings) console.log(`  ${finding.message.zh}`);
} else {
  console.log(`${item?.id}: ${item?.status}`);
}

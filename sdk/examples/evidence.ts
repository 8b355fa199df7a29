/**
 * Evidence a third party can check: look two bidders up, build and seal the record, verify it
 * against the service's published keys, then show that an edited verdict fails.
 * Run it against the mock server (`npm run mock` in the repository, or `npx xinjian-mock`):
 *   XINJIAN_BASE_URL=http://127.0.0.1:8787 XINJIAN_API_KEY=xj_demo_2b7e151628aed2a6abf71588 \
 *   node evidence.ts
 */
import { createClient } from '@xinjian/sdk';
import { buildScreeningRecord, canonicalDigest, sealEvidence, verifyEvidence } from '@xinjian/sdk/evidence';

// XINJIAN_BASE_URL and XINJIAN_API_KEY from the environment (the mock: see the header).
const client = createClient();

// Each found summary carries the service's Ed25519 signature; keep the JWKS with the file.
const items = await client.ratings.lookup(['91110000561976492Q', '91220100MA871Q8132']);
const jwks = await client.keys.list();
const record = buildScreeningRecord({
  mode: 'procurement',
  asOf: '2026-11-01',
  cutoff: { date: '2026-11-20', source: 'option', readFrom: null },
  language: 'zh-CN',
  generatedAt: new Date().toISOString(),
  tool: { name: 'example', version: '1.0.0' },
  operator: '张三',
  origin: { page: null, input: null, api: { baseUrl: client.options.baseUrl, demo: true } },
  subjects: items.map((item, i) => ({
    key: `s${i + 1}`,
    role: 'bidder',
    name: null,
    code: item.id,
    queriedAt: new Date().toISOString(),
    answer: item.status === 'found' ? { status: 'found', summary: item.summary } : { status: 'not_found' },
  })),
});
const file = await sealEvidence(record);
console.log(`sealed ${file.digest.value.slice(0, 12)}…, signed by ${record.subjects[0]?.signed[0]?.kid}`);
console.log(`verified: ${(await verifyEvidence(JSON.stringify(file), jwks)).ok}`);

// An officer turns the failing bidder into a pass and recomputes the digest: still caught.
const edited = structuredClone(file);
const failing = edited.record.subjects.find((s) => s.verdict === 'fail');
if (failing) failing.verdict = 'pass';
edited.digest.value = await canonicalDigest(edited.record);
const result = await verifyEvidence(edited, jwks);
console.log(`edited verified: ${result.ok}`);
for (const p of result.problems) console.log(`  ${p.code}: ${p.message.zh}`);

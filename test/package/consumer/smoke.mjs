// Run by the pack-and-install test on each Node version, from a project that installed the
// packed tarballs: plain JavaScript, as a Node user would write it.
import { createClient, isAPITimeoutError, isAuthenticationError } from '@xinjian/sdk';
import {
  buildScreeningRecord,
  canonicalDigest,
  sealEvidence,
  verifyEvidence,
  verifySignature,
} from '@xinjian/sdk/evidence';
import { normalizeIdentifier, parseUscc } from '@xinjian/sdk/identifiers';
import { gradeMeaning } from '@xinjian/sdk/labels';
import {
  evaluateCreditLending,
  evaluateProcurement,
  RULE_SETS,
  SCALE_EXPLANATIONS,
} from '@xinjian/sdk/rules';

const baseUrl = process.env.MOCK_URL;
const apiKey = process.env.MOCK_KEY;
const client = createClient({ baseUrl, apiKey, retryBaseDelayMs: 1, retryMaxDelayMs: 5 });

const [clean, blacklisted, wrong] = await client.ratings.lookup([
  '91110000561976492Q',
  '91220100MA871Q8132',
  '91110000600037341N',
]);
let products = 0;
for await (const _ of client.products.list({ limit: 2 })) products += 1;
const verdict =
  blacklisted.status === 'found'
    ? evaluateProcurement(blacklisted.summary, { asOf: '2026-11-01', cutoff: '2026-11-20' }).verdict
    : null;

// Ed25519 with this Node's own WebCrypto: a signed answer, a sealed record, an edited one.
const jwks = await client.keys.list();
const signatureVerified = clean.status === 'found' && (await verifySignature(clean.summary, jwks)).ok;
const file = await sealEvidence(
  buildScreeningRecord({
    mode: 'procurement',
    asOf: '2026-11-01',
    cutoff: { date: '2026-11-20', source: 'option', readFrom: null },
    language: 'zh-CN',
    generatedAt: new Date().toISOString(),
    tool: { name: 'smoke', version: '1' },
    operator: null,
    origin: { page: null, input: null, api: { baseUrl, demo: true } },
    subjects: [clean, blacklisted].map((item, i) => ({
      key: `s${i + 1}`,
      role: 'bidder',
      name: null,
      code: item.id,
      queriedAt: new Date().toISOString(),
      answer: item.status === 'found' ? { status: 'found', summary: item.summary } : { status: 'not_found' },
    })),
  }),
);
const recordVerified = (await verifyEvidence(JSON.stringify(file), jwks)).ok;
const edited = structuredClone(file);
edited.record.subjects[1].verdict = 'pass';
edited.digest.value = await canonicalDigest(edited.record);
const editedProblems = (await verifyEvidence(edited, jwks)).problems.map((p) => p.code);

// withResponse(), request ids, the POST search and the shared normaliser, as published.
const { data: account, response, requestId } = await client.account.retrieve().withResponse();
const search = await client.subjects.search({ q: '北京市东城区澜丰信息技术有限公司', limit: 1 });
const [fullWidth] = await client.ratings.lookup([
  normalizeIdentifier('９１１１００００５６１９７６４９２ｑ'),
]);

const bad = createClient({ baseUrl, apiKey: 'xj_not_a_key', maxRetries: 0 });
const lookupAuth = await bad.ratings.lookup(['91110000561976492Q']).catch((e) => e);
const auth = await bad.account.retrieve().catch((e) => e);
const slow = createClient({
  baseUrl,
  apiKey,
  timeout: 50,
  maxRetries: 0,
  defaultHeaders: { 'X-Mock-Fault': 'delay:2000' },
});
const timeout = await slow.domains.list().catch((e) => e);

console.log(
  JSON.stringify({
    node: process.versions.node,
    clean: clean.status,
    blacklisted: blacklisted.status,
    expectedCheckChar: wrong.expectedCheckChar ?? null,
    products,
    verdict,
    parsed: parseUscc('91110000561976492Q').ok,
    authenticationError: isAuthenticationError(auth),
    timeoutError: isAPITimeoutError(timeout),
    signatureVerified,
    recordVerified,
    editedProblems,
    withResponse: response.status === 200 && requestId === account._requestId && /^req_/.test(requestId),
    searchedBy: search.data[0]?.matchType ?? null,
    searchRequestId: typeof search._requestId === 'string',
    fullWidth: fullWidth?.status ?? null,
    lookupAuthenticationError: isAuthenticationError(lookupAuth),
    creditParties:
      clean.status === 'found' && blacklisted.status === 'found'
        ? evaluateCreditLending(clean.summary, {
            asOf: '2026-11-01',
            cutoff: '2026-11-20',
            guarantors: [blacklisted.summary],
          }).parties.map((p) => `${p.role}:${p.verdict}`)
        : null,
    modes: Object.keys(RULE_SETS),
    smeScale: SCALE_EXPLANATIONS.sme_credit.zh.startsWith('中小企业信用评价'),
    smeMeaning: gradeMeaning('sme_credit', 'BB+')?.zh ?? null,
  }),
);

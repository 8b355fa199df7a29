import { beforeAll, describe, expect, it } from 'vitest';
import type { Jwks } from '../resources/keys.ts';
import type { RatingLookupItem } from '../resources/ratings.ts';
import { useMockHarness } from '../test-utils/mock-api.ts';
import { buildScreeningRecord, type ScreeningAnswer, type ScreeningRecordInput } from './build.ts';
import { canonicalDigest } from './digest.ts';
import type { EvidenceFile } from './schema.ts';
import { sealEvidence } from './seal.ts';
import { signingKeyFromSeed, signResult } from './signature.ts';
import { formatVerification, verifyEvidence } from './verify.ts';

const mock = useMockHarness({}, { resetEach: false });
let jwks: Jwks;
let items: RatingLookupItem[];
// Found subjects in the seed data, one that passes and one that does not.
const CODES = ['91110000561976492Q', '91330100MA703R94XL', '91330100536267125T'];

beforeAll(async () => {
  const client = mock.client();
  jwks = await client.keys.list();
  items = await client.ratings.lookup([...CODES, '91110000600037341L']);
});

const answer = (item: RatingLookupItem | undefined): ScreeningAnswer =>
  item?.status === 'found' ? { status: 'found', summary: item.summary } : { status: 'not_found' };

// Records are made after the service answered: the verifier checks that order.
const now = new Date(Date.now() + 1000).toISOString();

function input(): ScreeningRecordInput {
  return {
    mode: 'procurement',
    asOf: '2026-11-01',
    cutoff: { date: '2026-11-20', source: 'option', readFrom: null },
    language: 'zh-CN',
    generatedAt: now,
    tool: { name: 'xinjian', version: '0.1.0' },
    operator: '张三',
    origin: { page: null, input: null, api: { baseUrl: mock.url, demo: true } },
    subjects: [
      ...CODES.map((code, i) => ({
        key: `s${i + 1}`,
        role: 'bidder',
        name: null,
        code,
        queriedAt: now,
        answer: answer(items[i]),
      })),
      {
        key: 's4',
        role: 'bidder',
        name: '某公司',
        code: '91110000600037341L',
        queriedAt: now,
        answer: answer(items[3]),
      },
    ],
    groups: [{ id: 'c1', name: '甲乙联合体', members: ['s1', 's2'] }],
  };
}

async function resealed(file: EvidenceFile): Promise<EvidenceFile> {
  return { ...file, digest: { ...file.digest, value: await canonicalDigest(file.record) } };
}

describe('buildScreeningRecord', () => {
  it('embeds each signed summary with its key id and derives the verdicts by the rule pack', async () => {
    const record = buildScreeningRecord(input());
    const [s1, , , s4] = record.subjects;
    expect(s1?.signed).toHaveLength(1);
    expect(s1?.signed[0]?.kid).toBe(jwks.keys[0]?.kid);
    expect(s1?.state).toBe('done');
    expect(s1?.verdict).not.toBeNull();
    expect(s4).toMatchObject({ state: 'not_found', verdict: null, label: '未找到', signed: [] });
    expect(record.verification.keys).toBe(`${mock.url}/.well-known/jwks.json`);
    expect(record.facts.asOf).toBe('2026-11-01');
    expect(record.groups[0]?.verdict).not.toBeNull();
  });
});

describe('verifyEvidence', () => {
  it('passes an untouched record, also after a JSON round trip', async () => {
    const file = await sealEvidence(buildScreeningRecord(input()));
    const result = await verifyEvidence(JSON.stringify(file, null, 2), jwks);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.checked).toMatchObject({ subjects: 4, signatures: 3, verdicts: 3 });
    expect(formatVerification(result)[0]).toMatch(/^✔ 核验通过/);
  });

  it('fails an edited verdict even with the digest recomputed, and names the subject and field', async () => {
    const file = await sealEvidence(buildScreeningRecord(input()));
    const edited = structuredClone(file);
    const target = edited.record.subjects.find((s) => s.verdict !== 'pass') ?? edited.record.subjects[0];
    if (!target) throw new Error('no subject');
    const original = target.verdict;
    target.verdict = original === 'pass' ? 'fail' : 'pass';
    target.label = target.verdict === 'pass' ? '通过' : '不通过';
    const result = await verifyEvidence(await resealed(edited), jwks);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, p.subject, p.field])).toContainEqual([
      'subject_mismatch',
      target.key,
      'verdict',
    ]);
    expect(result.problems.some((p) => p.code === 'digest_mismatch')).toBe(false);
    expect(formatVerification(result, 'en').join('\n')).toContain(`subject ${target.key}`);
  });

  it('fails an edited signed answer (listed → clear), an edit without resealing, and a forged key', async () => {
    const file = await sealEvidence(buildScreeningRecord(input()));

    const answerEdited = structuredClone(file);
    const payload = answerEdited.record.subjects[0]?.signed[0]?.payload as { lists: unknown[] };
    payload.lists = [];
    const r1 = await verifyEvidence(await resealed(answerEdited), jwks);
    expect(r1.problems.map((p) => [p.code, p.subject])).toContainEqual(['signature_invalid', 's1']);

    const notResealed = structuredClone(file);
    notResealed.record.operator = '李四';
    const r2 = await verifyEvidence(notResealed, jwks);
    expect(r2.problems.map((p) => p.code)).toEqual(['digest_mismatch']);
    expect(r2.problems[0]?.message.zh).toContain('摘要不符');

    // Re-signed with a key of the officer's own: not in the service's JWKS.
    const forger = await signingKeyFromSeed(new Uint8Array(32).fill(1), 'xj-mock-2026-1x');
    const forged = structuredClone(file);
    const s1 = forged.record.subjects[0];
    if (!s1?.signed[0]) throw new Error('no signed answer');
    s1.signed[0].payload = await signResult(s1.signed[0].payload, forger, {
      type: 'rating_summary',
      signedAt: '2026-11-01T02:00:00.000Z',
    });
    s1.signed[0].kid = forger.kid;
    const r3 = await verifyEvidence(await resealed(forged), jwks);
    expect(r3.problems.map((p) => [p.code, p.subject, p.kid])).toContainEqual([
      'unknown_kid',
      's1',
      'xj-mock-2026-1x',
    ]);
  });

  it('fails a verdict with its signed answer removed, and an edited consortium verdict', async () => {
    const file = await sealEvidence(buildScreeningRecord(input()));
    const stripped = structuredClone(file);
    const s2 = stripped.record.subjects[1];
    if (!s2) throw new Error('no subject');
    s2.signed = [];
    const r1 = await verifyEvidence(await resealed(stripped), jwks);
    expect(r1.problems.map((p) => [p.code, p.subject])).toContainEqual(['unsigned_verdict', 's2']);

    const group = structuredClone(file);
    const g = group.record.groups[0];
    if (!g) throw new Error('no group');
    g.verdict = g.verdict === 'pass' ? 'fail' : 'pass';
    const r2 = await verifyEvidence(await resealed(group), jwks);
    expect(r2.problems.map((p) => [p.code, p.subject, p.field])).toContainEqual([
      'group_mismatch',
      'c1',
      'verdict',
    ]);
  });

  it('reports when the service signed, and fails a record that claims a query before that', async () => {
    const file = await sealEvidence(buildScreeningRecord(input()));
    const ok = await verifyEvidence(file, jwks);
    expect(ok.checked.signedBetween?.earliest).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const backdated = structuredClone(file);
    const s1 = backdated.record.subjects[0];
    if (!s1) throw new Error('no subject');
    s1.queriedAt = '2020-01-01T00:00:00+08:00';
    const r = await verifyEvidence(await resealed(backdated), jwks);
    expect(r.problems.map((p) => [p.code, p.subject, p.field])).toEqual([
      ['time_mismatch', 's1', 'queriedAt'],
    ]);
  });

  it('says what is wrong with a file that is not a record', async () => {
    expect((await verifyEvidence('{', jwks)).problems[0]?.code).toBe('not_json');
    const r = await verifyEvidence({ record: { schema: 'xinjian-evidence/1' }, digest: {} }, jwks);
    expect(r.problems[0]?.code).toBe('schema_invalid');
    expect(r.problems[0]?.message.zh).toContain('不是有效的证据记录');
  });

  it('refuses a record whose rule-set version this verifier does not have', async () => {
    const file = await sealEvidence(buildScreeningRecord(input()));
    const other = structuredClone(file);
    if (other.record.ruleSet) other.record.ruleSet.version = '1999.01';
    const r = await verifyEvidence(await resealed(other), jwks);
    expect(r.problems.map((p) => p.code)).toContain('rule_set_unavailable');
  });
});

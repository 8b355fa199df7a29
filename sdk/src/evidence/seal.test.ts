import { describe, expect, it } from 'vitest';
import { sampleRecord } from '../test-utils/evidence.ts';
import { canonicalDigest } from './digest.ts';
import { EvidenceFile } from './schema.ts';
import { digestMatches, pageLocation, sealEvidence } from './seal.ts';

describe('sealEvidence', () => {
  it('seals the sanitised record with the digest of its canonical JSON, in the published file shape', async () => {
    const file = await sealEvidence(sampleRecord());
    expect(file.record.origin.page?.title).toBe('开标记录');
    expect(file.digest.value).toBe(await canonicalDigest(file.record));
    expect(EvidenceFile.parse(JSON.parse(JSON.stringify(file)))).toEqual(file);
    expect(await digestMatches(JSON.parse(JSON.stringify(file, null, 2)))).toBe(true);
  });

  it('leaves signed answers byte for byte as the service sent them, so they still verify', async () => {
    const record = sampleRecord();
    const payload = { subject: { name: '甲\u202e公司' }, signature: { kid: 'k' } };
    const subject = {
      key: 's1',
      name: '甲\u202e公司',
      signed: [{ kind: 'rating_summary', kid: 'k', payload }],
    };
    const file = await sealEvidence({ ...record, subjects: [subject as never] });
    expect(file.record.subjects[0]?.name).toBe('甲公司');
    expect(file.record.subjects[0]?.signed[0]?.payload).toEqual(payload);
  });

  it('no longer matches once a field is edited', async () => {
    const file = await sealEvidence(sampleRecord());
    const edited = structuredClone(file);
    edited.record.operator = '李四';
    expect(await digestMatches(edited)).toBe(false);
  });
});

describe('pageLocation', () => {
  it('keeps only the origin and the path', () => {
    expect(pageLocation('https://gjj.example.cn/loan/review?id=330110199209219966#x')).toEqual({
      origin: 'https://gjj.example.cn',
      path: '/loan/review',
    });
    expect(pageLocation('not a url')).toEqual({ origin: '', path: '' });
  });
});

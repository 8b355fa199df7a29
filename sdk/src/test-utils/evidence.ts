/** A small evidence record for tests of the evidence module and its readers. */
import { EVIDENCE_SCHEMA, type EvidenceRecord, HOW_TO_VERIFY } from '../evidence/schema.ts';

/** A screening record with page facts and no subjects. */
export function sampleRecord(): EvidenceRecord {
  return {
    schema: EVIDENCE_SCHEMA,
    kind: 'screening',
    language: 'zh-CN',
    generatedAt: '2026-11-25T01:00:00.000Z',
    tool: { name: 'xinjian', version: '0.1.0' },
    operator: '张三',
    basis: '财库〔2016〕125号',
    ruleSet: { id: 'procurement-125', version: '2016.1', title: null },
    origin: {
      page: { origin: 'https://ggzy.example.cn', path: '/bid-opening', title: '开标记录\u202e' },
      input: null,
      api: null,
    },
    facts: {
      projectNo: { value: 'ZFCG-2026-118', readFrom: '项目编号' },
      lot: null,
      purchaser: null,
      caseNo: null,
      cutoff: { date: '2026-11-20', source: 'page', readFrom: '投标截止时间' },
      asOf: null,
    },
    subjects: [],
    groups: [],
    verification: { canonicalization: 'RFC 8785', digest: 'SHA-256', keys: null, howTo: HOW_TO_VERIFY },
  };
}

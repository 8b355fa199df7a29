/**
 * The evidence file of a bidder-list check: what 财库〔2016〕125号 asks buyers to keep with the
 * procurement file (查询记录和证据留存). Per bidder: when it was queried, which channels and
 * lists were checked and when each was read, what they returned, the verdict and the findings
 * with their citations. The file is sealed with a SHA-256 of its canonical JSON.
 */
import type { SourceChannel } from '@xinjian/sdk';
import type { RowCheck } from './check.ts';
import { type Integrity, seal } from './integrity.ts';
import { CHANNEL_LABELS, LIST_LABELS, OUTCOME_LABELS } from './labels.ts';

/** Public portals of the channels, where domain knowledge names one. */
const CHANNEL_URLS: Partial<Record<SourceChannel, string>> = {
  creditchina: 'https://www.creditchina.gov.cn',
  gsxt: 'https://www.gsxt.gov.cn',
  zxgk: 'http://zxgk.court.gov.cn',
  ccgp: 'http://www.ccgp.gov.cn/cr/list',
  chinatax: 'http://hd.chinatax.gov.cn/xxk/',
  jzsc: 'https://jzsc.mohurd.gov.cn',
  pbccrc: 'https://www.pbccrc.org.cn',
};

/**
 * The run an evidence file describes.
 *
 * @example
 * ```ts
 * const ctx: EvidenceContext = {
 *   generatedAt: '2026-11-01T10:00:00+08:00', tool: { name: 'xinjian', version: '0.1.0' },
 *   api: { baseUrl: 'http://127.0.0.1:4010', demo: true }, mode: 'procurement',
 *   asOf: '2026-11-01', cutoff: '2026-11-20', operator: null,
 *   input: { file: 'bidders.csv', sha256: '…', encoding: 'utf-8', headers: ['投标人名称'], rows: 3 },
 * };
 * ```
 */
export interface EvidenceContext {
  generatedAt: string;
  tool: { name: string; version: string };
  api: { baseUrl: string; demo: boolean };
  mode: 'procurement' | 'tendering';
  asOf: string;
  cutoff: string;
  /** Who ran the check (`--operator`), for the signed record; null when not given. */
  operator: string | null;
  input: { file: string; sha256: string; encoding: string; headers: string[]; rows: number };
  /** Present only when the run was stopped: how far it got. Rows not reached are `interrupted`. */
  partial?: { reason: 'interrupted'; checkedRows: number; totalRows: number };
}

/**
 * Builds and seals the evidence document.
 *
 * @example
 * ```ts
 * const doc = buildEvidence(ctx, rows);
 * await writeFile('bidders.evidence.json', `${JSON.stringify(doc, null, 2)}\n`);
 * ```
 */
export function buildEvidence(ctx: EvidenceContext, rows: readonly RowCheck[]) {
  const doc = {
    format: 'xinjian-evidence/1',
    ...ctx,
    basis: {
      zh: '财库〔2016〕125号要求做好信用信息查询记录和证据留存，并与其他采购文件一并保存。',
      en: 'Caiku [2016] 125 requires buyers to keep records and evidence of credit queries with the other procurement documents.',
    },
    ruleSet: rows.find((r) => r.evaluation)?.evaluation?.ruleSet ?? null,
    bidders: rows.map((row, i) => ({
      row: i + 1,
      input: {
        name: row.target.name,
        code: row.target.code,
        members: row.target.members,
        label: row.target.label,
      },
      queriedAt: row.queriedAt,
      outcome: row.outcome,
      outcomeLabel: { zh: OUTCOME_LABELS[row.outcome].zh, en: OUTCOME_LABELS[row.outcome].en },
      verdict: row.evaluation?.verdict ?? null,
      subjects: row.subjects.map((s) => ({
        query: s.query,
        by: s.by,
        status: s.status,
        queriedAt: s.queriedAt,
        subject: s.subject,
        match: s.match,
        candidates: s.candidates.map((c) => ({
          name: c.subject.name,
          uscc: c.subject.uscc,
          region: c.subject.region.name,
          confidence: c.confidence,
          matchType: c.matchType,
        })),
        problem: s.problem,
        error: s.failure,
        channels: (s.summary?.sources ?? []).map((src) => ({
          channel: src.channel,
          name: CHANNEL_LABELS[src.channel],
          url: CHANNEL_URLS[src.channel] ?? null,
          status: src.status,
          fetchedAt: src.fetchedAt,
          reason: src.reason ?? null,
        })),
        lists: (s.summary?.lists ?? []).map((m) => ({ ...m, name: LIST_LABELS[m.list] })),
        results: s.summary,
      })),
      checked: row.evaluation?.checked ?? [],
      missing: row.evaluation?.missing ?? [],
      findings: row.evaluation?.findings ?? [],
      notes: row.notes,
    })),
  };
  return seal(doc) as typeof doc & { integrity: Integrity };
}

/**
 * The evidence file of a bidder-list check: the SDK's evidence record (`xinjian.evidence/2`),
 * built by the SDK's one builder from the service's signed answers and sealed with its digest,
 * so `xinjian verify` (or any verifier with the service's keys) can check it. This file only
 * maps the CLI's rows onto the builder's subjects.
 */
import {
  buildScreeningRecord,
  type EvidenceFile,
  type EvidenceRecord,
  type ScreeningAnswer,
  type ScreeningSubjectInput,
  sealEvidence,
} from '@xinjian/sdk/evidence';
import type { CheckMode, RowCheck, SubjectCheck } from './check.ts';

/**
 * The run an evidence file describes.
 *
 * @example
 * ```ts
 * const ctx: EvidenceContext = {
 *   generatedAt: '2026-11-01T10:00:00+08:00', tool: { name: 'xinjian', version: '0.1.0' },
 *   api: { baseUrl: 'http://127.0.0.1:4010', demo: true }, mode: 'procurement', language: 'zh-CN',
 *   asOf: '2026-11-01', cutoff: '2026-11-20', cutoffSource: 'option', operator: null,
 *   input: { file: 'bidders.csv', sha256: '…', encoding: 'utf-8', headers: ['投标人名称'], rows: 3 },
 * };
 * ```
 */
export interface EvidenceContext {
  generatedAt: string;
  tool: { name: string; version: string };
  api: { baseUrl: string; demo: boolean };
  mode: CheckMode;
  language: 'zh-CN' | 'en';
  asOf: string;
  cutoff: string;
  /** `option` (--cutoff), `demo` (the demo data's date) or `today`. */
  cutoffSource: string;
  /** Who ran the check (`--operator`); null when not given. */
  operator: string | null;
  input: { file: string; sha256: string; encoding: string; headers: string[]; rows: number };
  /** Present only when the run was stopped: how far it got. Rows not reached are `interrupted`. */
  partial?: { checkedRows: number; totalRows: number };
}

function answerOf(s: SubjectCheck, interrupted: boolean): ScreeningAnswer {
  if (interrupted) return { status: 'interrupted' };
  switch (s.status) {
    case 'found':
      return s.summary ? { status: 'found', summary: s.summary } : { status: 'not_found' };
    case 'invalid':
      return { status: 'invalid', reason: s.problem?.message ?? null };
    case 'unavailable':
      return { status: 'unavailable', reason: s.failure?.text ?? null };
    case 'ambiguous':
      return {
        status: 'ambiguous',
        reason: {
          zh: `名称对应 ${s.candidates.length} 个主体，请改用代码`,
          en: `the name matches ${s.candidates.length} subjects; use the code`,
        },
      };
    default:
      return { status: 'not_found' };
  }
}

const ROLE_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  bidder: { 'zh-CN': '投标人', en: 'bidder' },
  consortium_member: { 'zh-CN': '联合体成员', en: 'consortium member' },
  borrower: { 'zh-CN': '借款企业', en: 'borrower' },
  guarantor: { 'zh-CN': '担保人', en: 'guarantor' },
};

/** A group's members: a consortium's, or in credit lending the borrower then its guarantors. */
function memberRole(mode: EvidenceContext['mode'], index: number): string {
  if (mode !== 'credit') return 'consortium_member';
  return index === 0 ? 'borrower' : 'guarantor';
}

function subjectOf(
  s: SubjectCheck,
  key: string,
  role: string,
  interrupted: boolean,
  language: 'zh-CN' | 'en',
): ScreeningSubjectInput {
  return {
    key,
    role,
    roleLabel: ROLE_LABELS[role]?.[language] ?? role,
    name: s.by === 'name' ? s.query : null,
    code: s.by === 'code' ? s.query : null,
    lookup: {
      query: s.query,
      by: s.by,
      match: s.match,
      candidates: s.candidates.map((c) => ({
        name: c.subject.name,
        uscc: c.subject.uscc,
        confidence: c.confidence,
      })),
    },
    queriedAt: interrupted ? null : s.queriedAt,
    answer: answerOf(s, interrupted),
  };
}

/**
 * The evidence record of a check: one subject per bidder (`r1`, `r2`, …), one per consortium
 * member (`r3.1`, `r3.2`) with the consortium as a group, the input file's fingerprint.
 *
 * @example
 * ```ts
 * const record = evidenceRecord(ctx, rows);
 * record.subjects[0]?.signed[0]?.kid; // the key the service signed the summary with
 * ```
 */
export function evidenceRecord(ctx: EvidenceContext, rows: readonly RowCheck[]): EvidenceRecord {
  const subjects: ScreeningSubjectInput[] = [];
  const groups: { id: string; name: string | null; members: string[] }[] = [];
  rows.forEach((row, i) => {
    const id = `r${i + 1}`;
    const interrupted = row.outcome === 'interrupted';
    const notes = row.notes;
    if (row.target.members.length === 0) {
      const only = row.subjects[0];
      const role = ctx.mode === 'credit' ? 'borrower' : 'bidder';
      if (only) subjects.push({ ...subjectOf(only, id, role, interrupted, ctx.language), notes });
      return;
    }
    const members = row.subjects.map((s, j) => ({
      ...subjectOf(s, `${id}.${j + 1}`, memberRole(ctx.mode, j), interrupted, ctx.language),
      group: id,
      ...(j === 0 ? { notes } : {}),
    }));
    subjects.push(...members);
    groups.push({ id, name: row.target.name ?? row.target.label, members: members.map((m) => m.key) });
  });
  return buildScreeningRecord({
    mode: ctx.mode,
    asOf: ctx.asOf,
    cutoff: { date: ctx.cutoff, source: ctx.cutoffSource, readFrom: null },
    language: ctx.language,
    generatedAt: ctx.generatedAt,
    tool: ctx.tool,
    operator: ctx.operator,
    origin: { page: null, input: ctx.input, api: ctx.api },
    subjects,
    groups,
    ...(ctx.partial
      ? {
          partial: {
            reason: 'interrupted' as const,
            checked: ctx.partial.checkedRows,
            total: ctx.partial.totalRows,
          },
        }
      : {}),
  });
}

/**
 * The sealed evidence file of a check, ready to write.
 *
 * @example
 * ```ts
 * const file = await buildEvidence(ctx, rows);
 * await writeFile('bidders.evidence.json', `${JSON.stringify(file, null, 2)}\n`);
 * ```
 */
export function buildEvidence(ctx: EvidenceContext, rows: readonly RowCheck[]): Promise<EvidenceFile> {
  return sealEvidence(evidenceRecord(ctx, rows));
}

/**
 * Helpers shared by the procurement and tendering packs: whether a list entry is in force on a
 * given day, which channels were read, and how member results add up to one bid's verdict.
 */

import type { CreditRecord } from '../core/records.ts';
import type { ListId, SourceChannel, SourceStatus } from '../core/schemas.ts';
import { LIST_LABELS } from '../labels.ts';
import type { ListMembership, RatingSummary } from '../resources/ratings.ts';
import type { EnterpriseReportContent } from '../resources/reports.ts';
import type { Subject } from '../resources/subjects.ts';
import type { Citation } from './citations.ts';
import type { CheckedList, Finding, ScreeningResult, ScreeningVerdict } from './findings.ts';

/**
 * What a screening reads: a batch summary or a full enterprise report.
 *
 * @example
 * ```ts
 * const input: ScreeningSubject = item.status === 'found' ? item.summary : report.content;
 * ```
 */
export type ScreeningSubject = RatingSummary | EnterpriseReportContent;

/** The fields both input shapes share, with records widened to every category. */
export type ScreeningView = Pick<EnterpriseReportContent, 'subject' | 'lists' | 'sources'> & {
  records: readonly CreditRecord[];
};

export function view(input: ScreeningSubject): ScreeningView {
  return { subject: input.subject, lists: input.lists, records: input.records, sources: input.sources };
}

/**
 * A 失信被执行人 listing is in force on `day` when it was listed on or before that day, had not
 * been removed by then (a removal dated `day` counts as removed) and had not expired before it
 * (`expiresAt` is the last day of the listing period, so a listing expiring on `day` is in force).
 */
export function dishonestInForce(
  r: { listedAt: string; expiresAt: string | null; removedAt: string | null },
  day: string,
): boolean {
  return (
    r.listedAt <= day &&
    (r.removedAt === null || r.removedAt > day) &&
    (r.expiresAt === null || r.expiresAt >= day)
  );
}

/** A list entry with no fixed end is in force from `listedAt` until it is removed (same-day removal counts). */
export function listedInForce(r: { listedAt: string; removedAt: string | null }, day: string): boolean {
  return r.listedAt <= day && (r.removedAt === null || r.removedAt > day);
}

/** A 政府采购 ban covers `day` when `banFrom <= day <= banUntil` (both ends are days of the ban). */
export function banCovers(r: { banFrom: string; banUntil: string }, day: string): boolean {
  return r.banFrom <= day && day <= r.banUntil;
}

/**
 * A list membership (the summary, not the record) in force on `day`: `until` is the last day;
 * with no `until`, the `active` flag as of the data date decides.
 */
export function membershipInForce(m: ListMembership, day: string): boolean {
  if (m.kind !== 'black' || m.since > day) return false;
  return m.until === null ? m.active : m.until >= day;
}

/** A channel's state for one subject: `ok` if any entry for it was read. */
export function channelState(
  sources: readonly SourceStatus[],
  channel: SourceChannel,
): { status: 'ok' | 'unavailable' | 'missing'; fetchedAt: string | null; reason: string | null } {
  const entries = sources.filter((s) => s.channel === channel);
  const ok = entries.find((s) => s.status === 'ok');
  if (ok) return { status: 'ok', fetchedAt: ok.fetchedAt, reason: null };
  const first = entries[0];
  if (first) return { status: 'unavailable', fetchedAt: first.fetchedAt, reason: first.reason ?? null };
  return { status: 'missing', fetchedAt: null, reason: null };
}

/** The list's name in both languages. */
export function listName(list: ListId): { zh: string; en: string } {
  return LIST_LABELS[list];
}

/**
 * Checks the channels each list needs. A list is covered when ANY of its channels was read
 * (`ok`); otherwise every channel it names is reported missing.
 */
export function checkSources(
  subjectId: string,
  sources: readonly SourceStatus[],
  required: Partial<Record<ListId, readonly SourceChannel[]>>,
  citations: Citation[],
): { checked: CheckedList[]; findings: Finding[]; missing: string[] } {
  const checked: CheckedList[] = [];
  const findings: Finding[] = [];
  const missing: string[] = [];
  for (const [list, channels] of Object.entries(required) as [ListId, readonly SourceChannel[]][]) {
    const states = channels.map((channel) => ({ channel, ...channelState(sources, channel) }));
    for (const s of states) {
      checked.push({ subjectId, list, channel: s.channel, fetchedAt: s.fetchedAt, status: s.status });
    }
    if (states.some((s) => s.status === 'ok')) continue;
    const name = listName(list);
    for (const s of states) {
      const key = `${subjectId}:${s.channel}`;
      if (!missing.includes(key)) missing.push(key);
    }
    const names = states.map((s) => s.channel).join(' / ');
    const why = states.map((s) =>
      s.status === 'missing' ? `${s.channel}: not queried` : `${s.channel}: unavailable`,
    );
    const whyZh = states.map((s) => (s.status === 'missing' ? `${s.channel} 未查询` : `${s.channel} 不可用`));
    findings.push({
      code: 'source.unavailable',
      severity: 'missing',
      message: {
        zh: `无法核查${name.zh}：${whyZh.join('，')}（需通过 ${names} 查询）`,
        en: `Cannot check ${name.en}: ${why.join(', ')} (requires ${names})`,
      },
      citations,
      record: null,
      source: null,
      subjectId,
    });
  }
  return { checked, findings, missing };
}

/** Verdict from findings: any bar fails; else any missing source is incomplete; else any review. */
export function screeningVerdict(findings: readonly Finding[]): ScreeningVerdict {
  if (findings.some((f) => f.severity === 'bar')) return 'fail';
  if (findings.some((f) => f.severity === 'missing')) return 'incomplete';
  if (findings.some((f) => f.severity === 'review')) return 'review';
  return 'pass';
}

export interface MemberEvaluation {
  subject: Subject;
  findings: Finding[];
  checked: CheckedList[];
  missing: string[];
}

/**
 * One bid's result from its members' evaluations. With a consortium, each failing member adds
 * a `consortium.member_failed` bar naming it, so the bid fails as a whole.
 */
export function combine(
  members: readonly MemberEvaluation[],
  isConsortium: boolean,
  consortiumCitations: Citation[],
  meta: Pick<ScreeningResult, 'ruleSet' | 'asOf' | 'cutoff'>,
): ScreeningResult {
  const findings: Finding[] = [];
  const checked: CheckedList[] = [];
  const missing: string[] = [];
  for (const m of members) {
    findings.push(...m.findings);
    checked.push(...m.checked);
    for (const key of m.missing) if (!missing.includes(key)) missing.push(key);
  }
  if (isConsortium) {
    for (const m of members) {
      if (screeningVerdict(m.findings) !== 'fail') continue;
      const bars = m.findings.filter((f) => f.severity === 'bar').map((f) => f.code);
      findings.push({
        code: 'consortium.member_failed',
        severity: 'bar',
        message: {
          zh: `联合体成员 ${m.subject.name}（${m.subject.uscc}）存在不良信用记录，视同联合体存在不良信用记录`,
          en: `Consortium member ${m.subject.name} (${m.subject.uscc}) has a barring record (${bars.join(', ')}); the consortium is treated as having it`,
        },
        citations: consortiumCitations,
        record: null,
        source: null,
        subjectId: m.subject.id,
      });
    }
  }
  return { verdict: screeningVerdict(findings), ...meta, findings, checked, missing };
}

/** Yuan for messages: `200万元` / `CNY 2,000,000`. */
export function formatYuan(amount: number): { zh: string; en: string } {
  const zh = amount % 100 === 0 ? `${amount / 10000}万元` : `${amount}元`;
  return { zh, en: `CNY ${new Intl.NumberFormat('en-US').format(amount)}` };
}

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
import { applicableRule, type CategoryRuleSet, type ProjectKind, type Weight } from './categories.ts';
import type { Citation } from './citations.ts';
import { addDays, isIsoDate, subtractYears } from './dates.ts';
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
 * The last day a list entry is in force: `expiresAt` (the last day of the listing period),
 * or the day before `removedAt` (a removal takes effect on its own day), whichever comes
 * first; `null` while neither is set. The one rule for a listing's end, used by the packs and
 * by the seed data's list memberships (`ListMembership.until`).
 *
 * @example
 * ```ts
 * listingLastDay({ expiresAt: '2027-04-16', removedAt: null }); // '2027-04-16'
 * listingLastDay({ expiresAt: '2027-04-16', removedAt: '2026-02-12' }); // '2026-02-11'
 * listingLastDay({ removedAt: null }); // null: open-ended
 * ```
 */
export function listingLastDay(r: { expiresAt?: string | null; removedAt: string | null }): string | null {
  const removed = r.removedAt === null ? null : addDays(r.removedAt, -1);
  const expires = r.expiresAt ?? null;
  if (removed === null) return expires;
  if (expires === null) return removed;
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as strings, Math.min would make NaN
  return removed < expires ? removed : expires;
}

/**
 * The last day of a listing period of `years` years that starts on `listedAt`, the value an
 * `expiresAt` carries. 民法典 第二百零一条、第二百零二条: the first day is not counted, and the
 * corresponding day of the last year is the period's last day (the month's end where there is
 * no such day). 失信被执行人 are listed for 2 years (若干规定 第六条), extendable by 1–3.
 *
 * @example
 * ```ts
 * listingPeriodEnd('2025-04-16', 2); // '2027-04-16': in force that day, not the next
 * listingPeriodEnd('2024-02-29', 2); // '2026-02-28'
 * ```
 */
export function listingPeriodEnd(listedAt: string, years: number): string {
  return subtractYears(listedAt, -years);
}

/**
 * Whether a list entry is in force on `day`: listed on or before it and not past
 * {@link listingLastDay}. A listing expiring on `day` is in force; one removed on `day` is not.
 *
 * @example
 * ```ts
 * listingInForce({ listedAt: '2025-04-16', expiresAt: '2027-04-16', removedAt: null }, '2027-04-16'); // true
 * listingInForce({ listedAt: '2025-04-16', expiresAt: null, removedAt: '2026-02-12' }, '2026-02-12'); // false
 * ```
 */
export function listingInForce(
  r: { listedAt: string; expiresAt?: string | null; removedAt: string | null },
  day: string,
): boolean {
  const last = listingLastDay(r);
  return r.listedAt <= day && (last === null || last >= day);
}

/**
 * A 失信被执行人 listing in force on `day`: see {@link listingInForce}.
 *
 * @example
 * ```ts
 * dishonestInForce({ listedAt: '2025-04-16', expiresAt: '2027-04-16', removedAt: null }, '2026-11-20'); // true
 * ```
 */
export function dishonestInForce(
  r: { listedAt: string; expiresAt: string | null; removedAt: string | null },
  day: string,
): boolean {
  return listingInForce(r, day);
}

/** A list entry with no fixed end is in force from `listedAt` until it is removed (same-day removal counts). */
export function listedInForce(r: { listedAt: string; removedAt: string | null }, day: string): boolean {
  return listingInForce(r, day);
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

/**
 * A list membership's state on `day`, read from data dated `asOf`. With an `until`, the dates
 * decide. With none, the `active` flag speaks for `asOf` only: an active entry listed by `day`
 * is taken as in force; an inactive one read on or before `day` ended before it; but an
 * inactive one read AFTER `day` may have ended on either side of it, so its state is unknown.
 */
export function membershipState(
  m: ListMembership,
  day: string,
  asOf: string,
): 'in_force' | 'not_in_force' | 'unknown' {
  if (m.kind !== 'black' || m.since > day) return 'not_in_force';
  if (m.until !== null) return m.until >= day ? 'in_force' : 'not_in_force';
  if (m.active) return 'in_force';
  return asOf > day ? 'unknown' : 'not_in_force';
}

/** The finding for a membership whose state at the cutoff cannot be told from the data. */
export function stateUnknownFinding(
  m: ListMembership,
  cutoff: string,
  asOf: string,
  citations: Citation[],
): Omit<Finding, 'subjectId'> {
  const name = listName(m.list);
  return {
    code: `list.${m.list}.state_unknown`,
    severity: 'review',
    message: {
      zh: `名单摘要显示自 ${m.since} 起列入${name.zh}，${asOf} 时已不在名单中，但未载明移出或届满日期，也无明细记录：无法确定截止时点 ${cutoff} 是否在名单中，需在来源渠道核实`,
      en: `The list summary shows the subject on the ${name.en} from ${m.since} and no longer on it on ${asOf}, with no end date and no detailed record: cannot tell whether the listing was in force on ${cutoff}; verify at the source`,
    },
    citations,
    record: null,
    source: null,
  };
}

const DATE_FIELDS = [
  'date',
  'decidedAt',
  'listedAt',
  'expiresAt',
  'removedAt',
  'banFrom',
  'banUntil',
  'until',
  'filedAt',
  'validUntil',
] as const;
const NULLABLE_DATES: ReadonlySet<string> = new Set(['expiresAt', 'removedAt', 'until', 'validUntil']);

/**
 * Hand-built input is not schema-checked: every record and list date must be an ISO 8601
 * calendar day, or the record cannot be placed against the cutoff. Each bad date becomes a
 * `missing` finding naming the field (so the verdict is at best `incomplete`), and the record
 * is left out of the screening.
 */
export function checkDates(
  v: ScreeningView,
  citations: Citation[],
): { view: ScreeningView; findings: Omit<Finding, 'subjectId'>[] } {
  const findings: Omit<Finding, 'subjectId'>[] = [];
  const bad = (path: string, value: unknown, record: Finding['record']) =>
    findings.push({
      code: 'record.invalid_date',
      severity: 'missing',
      message: {
        zh: `${path} 的日期 ${JSON.stringify(value)} 不是 YYYY-MM-DD 格式的有效日期，无法与截止时点比较；请更正数据后重新核查`,
        en: `${path} is ${JSON.stringify(value)}, not a calendar date YYYY-MM-DD, so it cannot be compared with the cutoff; correct the data and check again`,
      },
      citations,
      record,
      source: null,
    });
  const records = v.records.filter((r, i) => {
    let ok = true;
    const fields = r as unknown as Record<string, unknown>;
    for (const f of DATE_FIELDS) {
      if (!(f in fields)) continue;
      const value = fields[f];
      if (value === null && NULLABLE_DATES.has(f)) continue;
      if (!isIsoDate(value)) {
        bad(`records[${i}].${f}`, value, { id: r.id, category: r.category });
        ok = false;
      }
    }
    return ok;
  });
  const lists = v.lists.filter((m, i) => {
    let ok = true;
    if (!isIsoDate(m.since)) {
      bad(`lists[${i}].since`, m.since, null);
      ok = false;
    }
    if (m.until !== null && !isIsoDate(m.until)) {
      bad(`lists[${i}].until`, m.until, null);
      ok = false;
    }
    return ok;
  });
  return { view: { ...v, records, lists }, findings };
}

/**
 * Data read more than `days` before a future cutoff: the lists may change by then, so the
 * check must be repeated at the 截止时点.
 */
export function recheckFinding(
  asOf: string,
  cutoff: string,
  days: number,
  severity: 'info' | 'review' | 'bar',
  citations: Citation[],
): Omit<Finding, 'subjectId'> | null {
  if (addDays(asOf, days) >= cutoff) return null;
  return {
    code: 'data.recheck_at_cutoff',
    severity,
    message: {
      zh: `数据截至 ${asOf}，早于截止时点 ${cutoff} 超过 ${days} 天：名单状态可能变化，须在截止时点（${cutoff}）重新查询并留存记录`,
      en: `The data is from ${asOf}, more than ${days} days before the cutoff ${cutoff}: list states may change, so the check must be repeated at the cutoff (${cutoff}) and recorded`,
    },
    citations,
    record: null,
    source: null,
  };
}

/** Findings with the caller's weights applied by code; a missing source stays missing. */
export function applySeverities(
  findings: Finding[],
  severities: Readonly<Record<string, Weight>>,
): Finding[] {
  return findings.map((f) => {
    const w = severities[f.code];
    return w === undefined || f.severity === 'missing' ? f : { ...f, severity: w };
  });
}

/**
 * The 建筑市场 blacklist from the list summary when no construction record already found it:
 * weighed by the pack's `construction.blacklist` rule, where the rule applies.
 */
export function summaryBlacklistFindings(
  v: ScreeningView,
  found: readonly Finding[],
  set: CategoryRuleSet,
  ctx: { cutoff: string; asOf: string; projectKind: ProjectKind | null },
): Omit<Finding, 'subjectId'>[] {
  const rule = applicableRule(set, 'construction.blacklist', ctx.projectKind);
  if (rule === null || found.some((f) => f.code === 'construction.blacklist')) return [];
  const entries = v.lists.filter((l) => l.list === 'construction_blacklist');
  const m = entries.find((l) => membershipState(l, ctx.cutoff, ctx.asOf) === 'in_force');
  const name = listName('construction_blacklist');
  if (m) {
    return [
      {
        code: 'construction.blacklist',
        severity: rule.severity,
        message: {
          zh: `名单摘要显示自 ${m.since} 起列入${name.zh}${m.until ? `，至 ${m.until}` : ''}，截止时点 ${ctx.cutoff} 在册`,
          en: `The list summary shows the subject on the ${name.en} since ${m.since}${m.until ? ` until ${m.until}` : ''}, in force at the cutoff ${ctx.cutoff}`,
        },
        citations: rule.citations,
        record: null,
        source: null,
      },
    ];
  }
  const unknown = entries.find((l) => membershipState(l, ctx.cutoff, ctx.asOf) === 'unknown');
  return unknown ? [stateUnknownFinding(unknown, ctx.cutoff, ctx.asOf, rule.citations)] : [];
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

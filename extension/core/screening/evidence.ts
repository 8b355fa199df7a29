/**
 * The evidence record 财库〔2016〕125号 asks buyers to keep (查询记录和证据留存), replacing the
 * screenshots officers print today: what was queried, where, when, by whom, against which
 * cut-off, with what result, and a SHA-256 of the canonical JSON so a saved file can be
 * verified later. Also the CSV of the page table.
 */
import type { SourceChannel } from '@xinjian/sdk';
import { type Language, localized, t } from '../i18n.ts';
import { channelLabel, headlineGrade, listLabel, stateLabel, unavailableReason } from './format.ts';
import { displayState, type TabRecord, type TabSubject } from './model.ts';

/** Public pages of each channel, as 125号 and local practice name them (domain brief §6). */
export const CHANNEL_URLS: Record<SourceChannel, string> = {
  creditchina: 'https://www.creditchina.gov.cn',
  gsxt: 'https://www.gsxt.gov.cn',
  zxgk: 'http://zxgk.court.gov.cn',
  ccgp: 'http://www.ccgp.gov.cn/cr/list',
  chinatax: 'http://hd.chinatax.gov.cn/xxk/',
  jzsc: 'https://jzsc.mohurd.gov.cn',
  customs: 'http://credit.customs.gov.cn',
  pbccrc: 'https://www.pbccrc.org.cn',
  housing_fund_center: '',
  agency: '',
};

/** The schema id written into every record, for readers of old files. */
export const EVIDENCE_SCHEMA = 'xinjian.evidence/v1';

/**
 * The evidence record of one subject.
 *
 * @example
 * ```ts
 * const record = bidderEvidence(tab, tab.subjects[0]!, { operator: '张三', reportIds: {} });
 * record.result.verdict; // 'pass'
 * ```
 */
export interface BidderEvidence {
  schema: typeof EVIDENCE_SCHEMA;
  kind: 'bidder';
  basis: string;
  queriedAt: string | null;
  operator: string;
  page: { url: string; title: string };
  cutoff: TabRecord['cutoff'];
  subject: {
    key: string;
    name: string | null;
    uscc: string | null;
    code: string | null;
    role: string;
    consortium: { id: string; name: string | null } | null;
  };
  channels: Array<{
    channel: SourceChannel;
    name: string;
    url: string;
    status: 'ok' | 'unavailable';
    fetchedAt: string | null;
    reason: string | null;
  }>;
  lists: Array<{
    list: string;
    name: string;
    channel: string;
    status: string;
    fetchedAt: string | null;
    hit: boolean;
  }>;
  result: {
    state: string;
    verdict: string | null;
    label: string;
    grade: string | null;
    reason: string | null;
    ruleSet: { id: string; version: string } | null;
    findings: Array<{ code: string; severity: string; message: string; citations: string[] }>;
  };
  dataLastUpdated: string | null;
  reportIds: string[];
}

/**
 * The evidence record of a whole page: every subject, and the consortia with their combined
 * verdicts.
 *
 * @example
 * ```ts
 * const page = pageEvidence(tab, { operator: '张三', reportIds: {}, generatedAt: new Date().toISOString() });
 * page.bidders.length;
 * ```
 */
export interface PageEvidence {
  schema: typeof EVIDENCE_SCHEMA;
  kind: 'page';
  basis: string;
  generatedAt: string;
  operator: string;
  page: { url: string; title: string };
  cutoff: TabRecord['cutoff'];
  bidders: BidderEvidence[];
  consortia: Array<{ id: string; name: string | null; members: string[]; verdict: string | null }>;
}

/** Options of the evidence builders. */
export interface EvidenceOptions {
  operator: string;
  /** Report ids ordered per USCC (from the side panel). */
  reportIds: Record<string, string[]>;
  language?: Language;
}

/**
 * Builds the evidence record of one subject on a tab.
 *
 * @example
 * ```ts
 * const e = bidderEvidence(tab, entry, { operator: '张三', reportIds: {} });
 * ```
 */
export function bidderEvidence(tab: TabRecord, entry: TabSubject, options: EvidenceOptions): BidderEvidence {
  const language = options.language ?? 'zh-CN';
  const { subject, result } = entry;
  const state = displayState(result);
  const summary = result.state === 'done' ? result.summary : null;
  const screening = result.state === 'done' ? result.screening : null;
  const uscc = summary?.subject.uscc ?? (subject.code?.kind === 'uscc' ? subject.code.value : null);
  const activeLists = new Set(summary?.lists.filter((l) => l.active).map((l) => l.list) ?? []);
  return {
    schema: EVIDENCE_SCHEMA,
    kind: 'bidder',
    basis: t('evidence.basis', undefined, language),
    queriedAt: result.state === 'done' ? result.checkedAt : null,
    operator: options.operator,
    page: { url: tab.url, title: tab.title },
    cutoff: tab.cutoff,
    subject: {
      key: subject.key,
      name: summary?.subject.name ?? subject.name,
      uscc,
      code: subject.code?.value ?? subject.invalid?.raw ?? null,
      role: subject.role,
      consortium: subject.consortium,
    },
    channels: (summary?.sources ?? []).map((s) => ({
      channel: s.channel,
      name: channelLabel(s.channel, language),
      url: CHANNEL_URLS[s.channel],
      status: s.status,
      fetchedAt: s.fetchedAt,
      reason: s.reason ?? null,
    })),
    lists: (screening?.checked ?? []).map((c) => ({
      list: c.list,
      name: listLabel(c.list, language),
      channel: c.channel,
      status: c.status,
      fetchedAt: c.fetchedAt,
      hit: activeLists.has(c.list),
    })),
    result: {
      state,
      verdict: screening?.verdict ?? null,
      label: stateLabel(state, result, language),
      grade: summary ? headlineGrade(summary, language) : null,
      reason: unavailableReason(result, language),
      ruleSet: screening ? { id: screening.ruleSet.id, version: screening.ruleSet.version } : null,
      findings: (screening?.findings ?? []).map((f) => ({
        code: f.code,
        severity: f.severity,
        message: localized(f.message, language),
        citations: f.citations.map((c) => `${c.documentNo}${c.article ? ` ${c.article}` : ''}`),
      })),
    },
    dataLastUpdated: summary?.lastUpdated ?? null,
    reportIds: uscc ? (options.reportIds[uscc] ?? []) : [],
  };
}

/**
 * Builds the evidence record of a page.
 *
 * @example
 * ```ts
 * const e = pageEvidence(tab, { operator: '张三', reportIds: {}, generatedAt: '2026-11-25T01:00:00Z' });
 * ```
 */
export function pageEvidence(
  tab: TabRecord,
  options: EvidenceOptions & { generatedAt: string },
): PageEvidence {
  return {
    schema: EVIDENCE_SCHEMA,
    kind: 'page',
    basis: t('evidence.basis', undefined, options.language ?? 'zh-CN'),
    generatedAt: options.generatedAt,
    operator: options.operator,
    page: { url: tab.url, title: tab.title },
    cutoff: tab.cutoff,
    bidders: tab.subjects.map((s) => bidderEvidence(tab, s, options)),
    consortia: tab.consortia.map((c) => ({
      id: c.id,
      name: c.name,
      members: c.memberKeys,
      verdict: c.screening?.verdict ?? null,
    })),
  };
}

/**
 * JSON with object keys sorted (by UTF-16 code units, as RFC 8785) and no whitespace, so the
 * same record always gives the same bytes and the same hash. `undefined` members are dropped.
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const json = JSON.stringify(value);
    return json === undefined ? 'null' : json;
  }
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * SHA-256 of a string's UTF-8 bytes, as lower-case hex (`crypto.subtle`).
 *
 * @example
 * ```ts
 * await sha256Hex('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 * ```
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * An exported file: the record and the SHA-256 of its canonical JSON.
 *
 * @example
 * ```ts
 * const file = await sealEvidence(pageEvidence(tab, options));
 * await verifyEvidence(file); // true
 * ```
 */
export interface SealedEvidence<T> {
  record: T;
  sha256: string;
}

/**
 * Seals a record with its hash.
 *
 * @example
 * ```ts
 * const { sha256 } = await sealEvidence(record);
 * ```
 */
export async function sealEvidence<T>(record: T): Promise<SealedEvidence<T>> {
  return { record, sha256: await sha256Hex(canonicalJson(record)) };
}

/**
 * Whether an exported file's hash matches its record.
 *
 * @example
 * ```ts
 * await verifyEvidence(JSON.parse(fileText)); // false once anyone edits the record
 * ```
 */
export async function verifyEvidence(file: { record: unknown; sha256: string }): Promise<boolean> {
  return (await sha256Hex(canonicalJson(file.record))) === file.sha256;
}

/**
 * The page table as CSV: UTF-8 with a byte-order mark and CRLF line ends, so Excel opens the
 * Chinese text correctly. Cells that a spreadsheet would run as a formula are prefixed with `'`.
 *
 * @example
 * ```ts
 * const csv = tableCsv(pageEvidence(tab, options), 'zh-CN');
 * csv.charCodeAt(0); // 0xfeff
 * ```
 */
export function tableCsv(page: PageEvidence, language: Language = 'zh-CN'): string {
  const header = [
    '#',
    t('panel.col_name', undefined, language),
    t('panel.col_code', undefined, language),
    t('panel.col_role', undefined, language),
    t('panel.consortium', { name: '' }, language).replace(/[：:]\s*$/, ''),
    t('panel.col_grade', undefined, language),
    t('panel.col_verdict', undefined, language),
    t('card.reasons', undefined, language),
    t('panel.queried_at', undefined, language),
    t('panel.cutoff', undefined, language),
  ];
  const rows = page.bidders.map((b, i) => [
    String(i + 1),
    b.subject.name ?? '',
    b.subject.uscc ?? b.subject.code ?? '',
    t(`role.${b.subject.role}` as 'role.bidder', undefined, language),
    b.subject.consortium ? (b.subject.consortium.name ?? b.subject.consortium.id) : '',
    b.result.grade ?? '',
    b.result.label,
    [b.result.reason, ...b.result.findings.filter((f) => f.severity !== 'info').map((f) => f.message)]
      .filter(Boolean)
      .join('；'),
    b.queriedAt ?? '',
    b.cutoff.date,
  ]);
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * One CSV cell: quoted when needed, and prefixed with `'` when a spreadsheet would run it as a
 * formula (page text is not trusted).
 *
 * @example
 * ```ts
 * csvCell('=1+1'); // "'=1+1"
 * csvCell('a,b'); // '"a,b"'
 * ```
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The audit log of personal lookups (who queried, when, whom and why; 征信业管理条例 第18条 asks
 * for the written authorization and purpose that each entry records). An entry keeps the masked
 * ID number only, never the number or anything it could be recovered from (docs/decisions/0051).
 * One log for every mode that looks people up; each entry names its mode and purpose.
 * Entries form a hash chain: each carries the SHA-256 of the one before it and of itself, so an
 * edited, inserted or deleted entry shows (docs/decisions/0050). Pure functions; the background
 * owns the storage (audit-store.ts).
 */
import { formatCsv } from '@xinjian/sdk/evidence';
import { dictionary, type Language, type MessageKey, t } from '../i18n.ts';
import { maskedId, redactIds, stripControls } from '../personal.ts';
import type { PersonalConsent } from './consent.ts';
import type { PersonalMessageKey } from './strings.ts';
import './strings.ts';

/** The schema id of an audit entry. */
export const AUDIT_SCHEMA = 'xinjian.audit/v2';

/** The `prev` of the first entry ever written. */
export const AUDIT_GENESIS = '0'.repeat(64);

/**
 * One line of the log: a lookup about to order reports (`requested`, written before anything
 * is ordered) or what came of it (`verdict` or `error`, with `lookupId` naming the request).
 */
export interface AuditEntry {
  schema: typeof AUDIT_SCHEMA;
  /** 1, 2, 3, … in the order written; never reused. */
  seq: number;
  id: string;
  time: string;
  operator: string;
  /** The mode the lookup was made in (`loan`, `credit`); absent in entries written before. */
  mode?: string;
  purpose: string;
  authorization: { reference: string; grantedAt: string; confirmedAt: string };
  /** The person's role on the page (`applicant`, `legal_representative`, …). */
  subject: { role: string; idMasked: string };
  /** The origin of the page the lookup was made from. */
  site: string;
  rulePack: { id: string; version: string };
  /** The `id` of the `requested` entry this outcome belongs to; `null` on a request. */
  lookupId: string | null;
  reportIds: string[];
  outcome:
    | { kind: 'requested' }
    | { kind: 'verdict'; verdict: string; cached: boolean }
    | { kind: 'error'; code: string };
  /** The `hash` of the entry before this one ({@link AUDIT_GENESIS} for the first). */
  prev: string;
  /** SHA-256 (hex) of the entry's canonical JSON without this field. */
  hash: string;
}

/** An entry before it is chained. */
export type AuditDraft = Omit<AuditEntry, 'seq' | 'prev' | 'hash'>;

/** What {@link buildAuditEntry} needs. The ID number is used for the mask only. */
export interface AuditInput {
  idNumber: string;
  time: string;
  operator: string;
  mode: string;
  consent: PersonalConsent;
  role: string;
  site: string;
  rulePack: { id: string; version: string };
  lookupId?: string | null;
  reportIds: readonly string[];
  outcome: AuditEntry['outcome'];
}

/**
 * Builds the draft of one entry. It carries the masked number, never the number; free text
 * (operator, reference, site) is redacted and stripped of invisible controls too.
 */
export function buildAuditEntry(input: AuditInput): AuditDraft {
  const clean = (text: string) => redactIds(stripControls(text));
  return {
    schema: AUDIT_SCHEMA,
    id: crypto.randomUUID(),
    time: input.time,
    operator: clean(input.operator),
    mode: clean(input.mode),
    purpose: input.consent.purpose,
    authorization: {
      reference: clean(input.consent.reference),
      grantedAt: input.consent.grantedAt,
      confirmedAt: input.consent.confirmedAt,
    },
    subject: { role: input.role, idMasked: maskedId(input.idNumber) },
    site: clean(input.site),
    rulePack: { ...input.rulePack },
    lookupId: input.lookupId ?? null,
    reportIds: [...input.reportIds],
    outcome:
      input.outcome.kind === 'error' ? { kind: 'error', code: clean(input.outcome.code) } : input.outcome,
  };
}

/**
 * Chains a draft after the entry whose hash is `prev`.
 */
export async function chainAuditEntry(draft: AuditDraft, seq: number, prev: string): Promise<AuditEntry> {
  const body = { ...draft, seq, prev };
  return { ...body, hash: await entryHash(body) };
}

/**
 * The SHA-256 (hex) of an entry's canonical JSON (keys sorted, no `hash` field).
 */
export async function entryHash(entry: Omit<AuditEntry, 'hash'> | AuditEntry): Promise<string> {
  const { hash: _, ...body } = entry as AuditEntry;
  const bytes = new TextEncoder().encode(canonicalJson(body));
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

/** Where the kept part of the chain starts: after the entries deleted for retention. */
export interface AuditAnchor {
  /** The `seq` of the last entry deleted for retention (0 when none was). */
  seq: number;
  /** Its `hash` ({@link AUDIT_GENESIS} when none was). */
  hash: string;
}

/**
 * What {@link verifyAuditChain} found. `brokenAt` is the 1-based position, in the kept log, of
 * the first entry that is not what was written (edited, inserted, or after a deletion).
 */
export type AuditChainStatus =
  | { intact: true; entries: number }
  | { intact: false; entries: number; brokenAt: number; seq: number | null };

/**
 * Checks the chain of the kept log, oldest first: every entry hashes to its `hash`, points at
 * the one before, and numbers follow on from the anchor without a gap. `head` is what the store
 * says the last entry is (a deletion at the end shows there).
 */
export async function verifyAuditChain(
  entries: readonly AuditEntry[],
  anchor: AuditAnchor,
  head: AuditAnchor,
): Promise<AuditChainStatus> {
  let prev = anchor.hash;
  let seq = anchor.seq;
  for (const [i, e] of entries.entries()) {
    const ok = isAuditEntry(e) && e.seq === seq + 1 && e.prev === prev && (await entryHash(e)) === e.hash;
    if (!ok)
      return { intact: false, entries: entries.length, brokenAt: i + 1, seq: isAuditEntry(e) ? e.seq : null };
    prev = e.hash;
    seq = e.seq;
  }
  if (head.seq !== seq || head.hash !== prev) {
    return { intact: false, entries: entries.length, brokenAt: entries.length + 1, seq: seq + 1 };
  }
  return { intact: true, entries: entries.length };
}

/**
 * JSON with object keys sorted at every level: the bytes an entry's hash is taken over.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The entries still within the retention period: newer than `retentionDays` days before `now`.
 * Entries with an unreadable time are dropped too (they cannot be shown to be recent).
 */
export function pruneAuditEntries(
  entries: readonly AuditEntry[],
  now: Date,
  retentionDays: number,
): AuditEntry[] {
  const oldest = now.getTime() - retentionDays * 86_400_000;
  return entries.filter((e) => {
    const t = Date.parse(e.time);
    return !Number.isNaN(t) && t >= oldest;
  });
}

/**
 * The log as CSV, oldest first, by the SDK's writer: UTF-8 with a byte-order mark and CRLF
 * (Excel opens Chinese text correctly), formula-like cells neutralised.
 */
export function auditCsv(entries: readonly AuditEntry[], language: Language = 'zh-CN'): string {
  const l = (key: PersonalMessageKey) => t(`personal.${key}`, undefined, language);
  const header = [
    l('audit.time'),
    l('audit.operator'),
    l('audit.purpose'),
    l('audit.reference'),
    l('audit.granted_at'),
    l('audit.role'),
    l('audit.id'),
    l('audit.hash'),
    l('audit.site'),
    l('audit.pack'),
    l('audit.reports'),
    l('audit.outcome'),
  ];
  const rows = [...entries]
    .sort((a, b) => a.time.localeCompare(b.time))
    .map((e) => [
      e.time,
      e.operator,
      auditLabel('purpose', e.purpose, language),
      e.authorization.reference,
      e.authorization.grantedAt,
      auditLabel('role', e.subject.role, language),
      e.subject.idMasked,
      e.hash,
      e.site,
      `${e.rulePack.id}@${e.rulePack.version}`,
      e.reportIds.join(' '),
      auditOutcome(e, language, { code: true }),
    ]);
  return formatCsv(
    [header, ...rows].map((r) => r.map((c) => redactIds(c))),
    { bom: true },
  );
}

/**
 * An entry's outcome in words.
 */
export function auditOutcome(
  e: AuditEntry,
  language: Language = 'zh-CN',
  options: { code?: boolean } = {},
): string {
  if (e.outcome.kind === 'requested') return t('personal.audit.requested', undefined, language);
  if (e.outcome.kind !== 'error') return auditLabel('verdict', e.outcome.verdict, language);
  const { code } = e.outcome;
  const words = t(
    'personal.audit.error',
    { reason: t(`personal.audit.failure.${failureOf(code)}`, undefined, language) },
    language,
  );
  return options.code ? `${words} [${code}]` : words;
}

// What an error code (the API's problem code, or the SDK error's name) means to an officer.
// The code itself stays in the entry and in the CSV export.
const FAILURES: ReadonlyArray<[RegExp, string]> = [
  [/^(?:not_found|NotFoundError)$/, 'not_found'],
  [/unauthori[sz]ed|forbidden|not_entitled|invalid_api_key|Authentication|PermissionDenied/i, 'key'],
  [/credits|PaymentRequired/i, 'credits'],
  [/rate_limit|RateLimit/i, 'rate'],
  [/^audit_/, 'audit'],
  [/report_failed|ReportFailed/i, 'report'],
  [
    /server|unavailable|timeout|Connection|Timeout|InternalServer|ResponseValidation|ResponseParse|^http_5/i,
    'service',
  ],
];

function failureOf(
  code: string,
): 'not_found' | 'key' | 'credits' | 'rate' | 'audit' | 'report' | 'service' | 'other' {
  return (FAILURES.find(([re]) => re.test(code))?.[1] ?? 'other') as ReturnType<typeof failureOf>;
}

/**
 * A purpose, role or verdict of an entry in words; a value no string names (from a newer
 * version, say) is shown as stored.
 */
export function auditLabel(
  kind: 'purpose' | 'role' | 'verdict',
  value: string,
  language: Language = 'zh-CN',
): string {
  const key = `personal.${kind}.${value}`;
  return key in dictionary(language) ? t(key as MessageKey, undefined, language) : value;
}

/**
 * Whether a stored value looks like an audit entry (older or foreign data is skipped).
 */
export function isAuditEntry(v: unknown): v is AuditEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Partial<AuditEntry>;
  return (
    typeof e.time === 'string' &&
    typeof e.id === 'string' &&
    typeof e.seq === 'number' &&
    typeof e.hash === 'string' &&
    typeof e.prev === 'string' &&
    typeof e.subject === 'object'
  );
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

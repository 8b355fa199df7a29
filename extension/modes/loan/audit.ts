/**
 * The audit log of personal lookups (征信业管理条例 第22条: who queried, when, what and why).
 * Each entry keeps the masked ID number and an HMAC-SHA-256 of the full number under a
 * per-install secret, so repeated lookups of one person can be matched without storing the
 * number. Pure functions; the background owns the storage (background/audit-store.ts).
 */
import { formatCsv } from '@xinjian/sdk/evidence';
import type { BorrowerRole, HousingFundVerdict } from '@xinjian/sdk/rules';
import { type Language, t } from '../../core/i18n.ts';
import { maskedId, redactIds } from '../../core/personal.ts';
import type { LoanConsent } from './model.ts';
import type { LoanMessageKey } from './strings.ts';
import './strings.ts';

/** The schema id of an audit entry. */
export const AUDIT_SCHEMA = 'xinjian.audit/v1';

/**
 * One personal lookup.
 *
 * @example
 * ```ts
 * const e: AuditEntry = await buildAuditEntry({ secret, idNumber, ... });
 * e.subject.idMasked; // '330***********9966'
 * ```
 */
export interface AuditEntry {
  schema: typeof AUDIT_SCHEMA;
  id: string;
  time: string;
  operator: string;
  purpose: LoanConsent['purpose'];
  authorization: { reference: string; grantedAt: string; confirmedAt: string };
  subject: { role: BorrowerRole; idMasked: string; idHmac: string };
  /** The origin of the page the lookup was made from. */
  site: string;
  rulePack: { id: string; version: string };
  reportIds: string[];
  outcome:
    | { kind: 'verdict'; verdict: HousingFundVerdict; cached: boolean }
    | { kind: 'error'; code: string };
}

/** What {@link buildAuditEntry} needs. The ID number is used for the HMAC and the mask only. */
export interface AuditInput {
  secretHex: string;
  idNumber: string;
  time: string;
  operator: string;
  consent: LoanConsent;
  role: BorrowerRole;
  site: string;
  rulePack: { id: string; version: string };
  reportIds: readonly string[];
  outcome: AuditEntry['outcome'];
}

/**
 * A new per-install secret: 32 random bytes as hex (`crypto.getRandomValues`).
 *
 * @example
 * ```ts
 * generateSecret().length; // 64
 * ```
 */
export function generateSecret(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(32)));
}

/**
 * HMAC-SHA-256 of an ID number (trimmed, upper-case `X`) under a hex secret, as hex.
 *
 * @example
 * ```ts
 * await idHmac(secret, '11010519491231002x') === (await idHmac(secret, '11010519491231002X')); // true
 * ```
 */
export async function idHmac(secretHex: string, idNumber: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    fromHex(secretHex),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(idNumber.trim().toUpperCase()));
  return toHex(new Uint8Array(mac));
}

/**
 * Builds the entry of one lookup. The result carries the masked number and its HMAC, never the
 * number; free text (operator, reference, site) is redacted too.
 *
 * @example
 * ```ts
 * const entry = await buildAuditEntry({
 *   secretHex, idNumber: '330110199209219966', time: new Date().toISOString(), operator: '张三',
 *   consent, role: 'applicant', site: 'https://gjj.example.cn',
 *   rulePack: { id: 'hangzhou', version: '2026.1' }, reportIds: ['rpt_000001'],
 *   outcome: { kind: 'verdict', verdict: 'eligible', cached: false },
 * });
 * ```
 */
export async function buildAuditEntry(input: AuditInput): Promise<AuditEntry> {
  return {
    schema: AUDIT_SCHEMA,
    id: crypto.randomUUID(),
    time: input.time,
    operator: redactIds(input.operator),
    purpose: input.consent.purpose,
    authorization: {
      reference: redactIds(input.consent.reference),
      grantedAt: input.consent.grantedAt,
      confirmedAt: input.consent.confirmedAt,
    },
    subject: {
      role: input.role,
      idMasked: maskedId(input.idNumber),
      idHmac: await idHmac(input.secretHex, input.idNumber),
    },
    site: redactIds(input.site),
    rulePack: { ...input.rulePack },
    reportIds: [...input.reportIds],
    outcome:
      input.outcome.kind === 'error' ? { kind: 'error', code: redactIds(input.outcome.code) } : input.outcome,
  };
}

/**
 * The entries still within the retention period: newer than `retentionDays` days before `now`.
 * Entries with an unreadable time are dropped too (they cannot be shown to be recent).
 *
 * @example
 * ```ts
 * pruneAuditEntries(entries, new Date('2026-11-25T00:00:00Z'), 180);
 * ```
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
 *
 * @example
 * ```ts
 * auditCsv(entries).charCodeAt(0); // 0xfeff
 * ```
 */
export function auditCsv(entries: readonly AuditEntry[], language: Language = 'zh-CN'): string {
  const l = (key: LoanMessageKey) => t(`loan.${key}`, undefined, language);
  const header = [
    l('audit.time'),
    l('audit.operator'),
    l('audit.purpose'),
    l('audit.reference'),
    l('audit.granted_at'),
    l('audit.role'),
    l('audit.id'),
    l('audit.hmac'),
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
      t(`loan.purpose.${e.purpose}`, undefined, language),
      e.authorization.reference,
      e.authorization.grantedAt,
      t(`loan.role.${e.subject.role}`, undefined, language),
      e.subject.idMasked,
      e.subject.idHmac,
      e.site,
      `${e.rulePack.id}@${e.rulePack.version}`,
      e.reportIds.join(' '),
      auditOutcome(e, language),
    ]);
  return formatCsv(
    [header, ...rows].map((r) => r.map((c) => redactIds(c))),
    { bom: true },
  );
}

/**
 * An entry's outcome in words.
 *
 * @example
 * ```ts
 * auditOutcome(entry); // '不符合' or '错误 not_found'
 * ```
 */
export function auditOutcome(e: AuditEntry, language: Language = 'zh-CN'): string {
  return e.outcome.kind === 'error'
    ? t('loan.audit.error', { code: e.outcome.code }, language)
    : t(`loan.verdict.${e.outcome.verdict}`, undefined, language);
}

/**
 * Whether a stored value looks like an audit entry (older or foreign data is skipped).
 *
 * @example
 * ```ts
 * const entries = (stored as unknown[]).filter(isAuditEntry);
 * ```
 */
export function isAuditEntry(v: unknown): v is AuditEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Partial<AuditEntry>;
  return typeof e.time === 'string' && typeof e.id === 'string' && typeof e.subject === 'object';
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const clean = hex.trim();
  if (!/^(?:[0-9a-f]{2})+$/i.test(clean)) throw new Error('[xinjian] audit: the secret is not hex');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

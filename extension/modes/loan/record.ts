/**
 * The loan decision record: what was reviewed for one household (its 业务编号), under which
 * rule pack, with whose authorization, by whom and when, and the SHA-256 of its RFC 8785 canonical JSON (the
 * SDK's, as the screening evidence; docs/decisions/0012, 0047). ID numbers appear masked only;
 * the whole record is redacted once more before sealing, so a number in a page URL cannot slip
 * in. The file is sealed once per review state and kept, so the print and the JSON match.
 */
import { CANONICALIZATION, canonicalDigest, pageLocation, sanitizeDeep } from '@xinjian/sdk/evidence';
import { formatCitation } from '@xinjian/sdk/labels';
import type { BorrowerRole, Finding, HousingFundVerdict } from '@xinjian/sdk/rules';
import { type Language, localized, t } from '../../core/i18n.ts';
import { redactDeep } from '../../core/personal.ts';
import { keepSealed } from '../../core/screening/evidence.ts';
import { zonedIso } from '../../core/screening/format.ts';
import { householdLabel, loanStateLabel, roleLabel } from './format.ts';
import { type LoanFacts, type LoanTabRecord, loanDisplayState } from './model.ts';
import './strings.ts';
import '../../core/ui/page-strings.ts';

/** The schema id of a decision record. */
export const LOAN_RECORD_SCHEMA = 'xinjian.loan-decision/v1';

/** One finding as the record keeps it. */
export interface RecordFinding {
  code: string;
  severity: Finding['severity'];
  message: string;
  months: string[];
  citations: string[];
}

/**
 * The decision record of one page (one household).
 */
export interface LoanDecisionRecord {
  schema: typeof LOAN_RECORD_SCHEMA;
  kind: 'loan_decision';
  basis: string;
  purpose: 'housing_fund_loan';
  purposeLabel: string;
  generatedAt: string;
  /** The latest lookup of the page; null before any. */
  queriedAt: string | null;
  operator: string;
  page: { url: string; title: string };
  /** The application's 业务编号; `readFrom` is the page's label, null when the officer entered it. */
  businessNo: { value: string; readFrom: string | null } | null;
  asOf: string;
  rulePack: {
    id: string;
    version: string;
    title: string;
    city: string | null;
    source: {
      documentNo: string;
      /** `documentNo` is a name the project gave the source, not its 文号; `url` is where to read it. */
      label: boolean;
      url: string | null;
      title: string;
      article: string | null;
      date: string | null;
    };
    confidence: string;
    effectiveFrom: string | null;
    effectiveTo: string | null;
  };
  borrowers: Array<{
    key: string;
    role: BorrowerRole;
    roleLabel: string;
    nameMasked: string | null;
    idMasked: string;
    authorization: { reference: string; grantedAt: string; confirmedAt: string } | null;
    state: string;
    verdict: HousingFundVerdict | null;
    verdictLabel: string;
    checkedAt: string | null;
    reportIds: string[];
    cached: boolean;
    failedProducts: Array<{ productId: string; code: string }>;
    findings: RecordFinding[];
    facts: LoanFacts | null;
  }>;
  household: {
    state: 'pending' | 'done';
    verdict: HousingFundVerdict | null;
    label: string;
    /** The borrowers whose ineligibility made the household ineligible. */
    decidedBy: Array<{ key: string; role: BorrowerRole; idMasked: string; nameMasked: string | null }>;
    findings: RecordFinding[];
  };
}

function pageUrl(url: string): string {
  const { origin, path } = pageLocation(url);
  return `${origin}${path}`;
}

/**
 * Builds the decision record of a tab.
 */
export function loanDecisionRecord(
  tab: LoanTabRecord,
  options: { operator: string; generatedAt: string; language?: Language; offsetMinutes?: number },
): LoanDecisionRecord {
  const language = options.language ?? 'zh-CN';
  // Lookup times as the officer's clock read them, with the offset (decision 0046).
  const zoned = (iso: string) => zonedIso(iso, options.offsetMinutes);
  const finding = (f: Finding): RecordFinding => ({
    code: f.code,
    severity: f.severity,
    message: localized(f.message, language),
    months: f.months ?? [],
    citations: f.citations.map((c) => formatCitation(c, language === 'en' ? 'en' : 'zh')),
  });
  const checked = tab.borrowers
    .flatMap((b) => (b.result.state === 'done' ? [b.result.checkedAt] : []))
    .sort();
  const household = tab.household;
  const decidedBy =
    household.state === 'done' && household.result.verdict === 'ineligible'
      ? household.result.borrowers.flatMap((r, i) => {
          const b = tab.borrowers.find((x) => x.key === household.keys[i]);
          return r.verdict === 'ineligible' && b
            ? [{ key: b.key, role: b.role, idMasked: b.idMasked, nameMasked: b.nameMasked }]
            : [];
        })
      : [];
  const pack = tab.rulePack;
  const record: LoanDecisionRecord = {
    schema: LOAN_RECORD_SCHEMA,
    kind: 'loan_decision',
    basis: t('loan.record.basis', undefined, language),
    purpose: 'housing_fund_loan',
    purposeLabel: t('loan.purpose.housing_fund_loan', undefined, language),
    generatedAt: options.generatedAt,
    queriedAt: checked.length > 0 ? zoned(checked.at(-1) ?? '') : null,
    operator: options.operator,
    // Origin and path only: a query or fragment can carry tokens and ID numbers.
    page: { url: pageUrl(tab.url), title: tab.title },
    businessNo: tab.businessNo ? { value: tab.businessNo.value, readFrom: tab.businessNo.readFrom } : null,
    asOf: tab.asOf,
    rulePack: {
      id: pack.id,
      version: pack.version,
      title: localized(pack.title, language),
      city: pack.city ? localized(pack.city.name, language) : null,
      source: {
        documentNo: pack.source.citation.documentNo,
        label: pack.source.citation.label === true,
        url: pack.source.citation.url ?? null,
        title: pack.source.citation.title,
        article: pack.source.citation.article,
        date: pack.source.date,
      },
      confidence: pack.confidence,
      effectiveFrom: pack.effectiveFrom,
      effectiveTo: pack.effectiveTo,
    },
    borrowers: tab.borrowers.map((b) => {
      const done = b.result.state === 'done' ? b.result : null;
      return {
        key: b.key,
        role: b.role,
        roleLabel: roleLabel(b.role, language),
        nameMasked: b.nameMasked,
        idMasked: b.idMasked,
        authorization: b.consent
          ? {
              reference: b.consent.reference,
              grantedAt: b.consent.grantedAt,
              confirmedAt: b.consent.confirmedAt,
            }
          : null,
        state: b.result.state,
        verdict: done?.verdict ?? null,
        verdictLabel: loanStateLabel(loanDisplayState(b.result), language),
        checkedAt: done ? zoned(done.checkedAt) : null,
        reportIds: done?.reportIds ?? [],
        cached: done?.cached ?? false,
        failedProducts: done?.failedProducts ?? [],
        findings: (done?.review.findings ?? []).map(finding),
        facts: done?.facts ?? null,
      };
    }),
    household: {
      state: household.state,
      verdict: household.state === 'done' ? household.result.verdict : null,
      label: householdLabel(household, language),
      decidedBy,
      findings:
        household.state === 'done'
          ? household.result.findings.filter((f) => f.subjectId === 'household').map(finding)
          : [],
    },
  };
  return redactDeep(record);
}

/**
 * An exported decision file: the record and the SHA-256 of its RFC 8785 canonical JSON, in
 * the same digest block as the screening evidence file.
 */
export interface LoanDecisionFile {
  record: LoanDecisionRecord;
  digest: { algorithm: 'SHA-256'; canonicalization: typeof CANONICALIZATION; value: string };
}

/**
 * Seals a record: invisible controls removed from every string, then digested.
 */
export async function sealDecision(record: LoanDecisionRecord): Promise<LoanDecisionFile> {
  const clean = sanitizeDeep(record);
  return {
    record: clean,
    digest: { algorithm: 'SHA-256', canonicalization: CANONICALIZATION, value: await canonicalDigest(clean) },
  };
}

/**
 * The tab's sealed decision file: the one kept for the same review state, or a new one made
 * now and kept. The side panel's export and the printed record both call this.
 */
export async function sealLoanRecord(
  tab: LoanTabRecord,
  options: { operator: string; language?: Language; now?: () => Date; offsetMinutes?: number },
): Promise<LoanDecisionFile> {
  const base = {
    operator: options.operator,
    ...(options.language ? { language: options.language } : {}),
    ...(options.offsetMinutes !== undefined ? { offsetMinutes: options.offsetMinutes } : {}),
  };
  const fingerprint = await canonicalDigest({
    tab: tab.tabId,
    record: loanDecisionRecord(tab, { ...base, generatedAt: '' }),
  });
  return keepSealed(
    `evidence:${tab.tabId}:loan`,
    fingerprint,
    (generatedAt) => sealDecision(loanDecisionRecord(tab, { ...base, generatedAt })),
    {
      ...(options.now ? { now: options.now } : {}),
      ...(options.offsetMinutes !== undefined ? { offsetMinutes: options.offsetMinutes } : {}),
    },
  );
}

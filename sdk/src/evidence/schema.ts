/**
 * The evidence record: what 财库〔2016〕125号 asks buyers to keep (查询记录和证据留存), what a
 * housing-fund loan file keeps of a review, and what an auditor re-checks later without
 * trusting the officer's machine. One schema for the extension (page exports, print, loan
 * decision record) and the CLI (bidder lists).
 *
 * A saved file is `{ record, digest }`: the digest is the SHA-256 of the record's RFC 8785
 * canonical JSON; each subject embeds the results the credit service signed (Ed25519, key id),
 * so an edited verdict no longer matches what the service said.
 */
import { z } from 'zod';
import { LocalizedText } from '../core/schemas.ts';
import { ResultSignature } from '../resources/keys.ts';

export { ResultSignature };

/**
 * The schema id of every record; readers refuse other ids instead of guessing.
 *
 * @example
 * ```ts
 * record.schema === EVIDENCE_SCHEMA; // 'xinjian.evidence/2'
 * ```
 */
export const EVIDENCE_SCHEMA = 'xinjian.evidence/2';

/**
 * How the digest is computed, written into every file for whoever re-checks it.
 *
 * @example
 * ```ts
 * file.digest.canonicalization === CANONICALIZATION; // 'RFC 8785'
 * ```
 */
export const CANONICALIZATION = 'RFC 8785';

/**
 * A fact read from the page (or the input file), and where it was read: a heading, a table
 * cell, an option. Null when the page does not state it.
 *
 * @example
 * ```ts
 * const f: EvidenceFact = { value: 'ZFCG-2026-118', readFrom: '页面标题下“项目编号”' };
 * ```
 */
export const EvidenceFact = z.object({ value: z.string(), readFrom: z.string() });
export type EvidenceFact = z.infer<typeof EvidenceFact>;

/**
 * One signed answer as the record keeps it: what kind of answer, the id of the key that signed
 * it, and the answer exactly as the service sent it (its `signature` member included; never
 * sanitised or re-formatted, or it would no longer verify).
 *
 * @example
 * ```ts
 * const s: SignedResult = { kind: 'rating_summary', kid: 'xj-mock-2026-1', payload: summary };
 * ```
 */
export const SignedResult = z.object({
  kind: ResultSignature.shape.type,
  kid: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export type SignedResult = z.infer<typeof SignedResult>;

/**
 * One channel of a subject: whether it could be read, when, and why not.
 *
 * @example
 * ```ts
 * const c: EvidenceSource = { channel: 'ccgp', name: '中国政府采购网', url: 'http://www.ccgp.gov.cn/cr/list', status: 'ok', fetchedAt: '2026-11-01T09:00:00+08:00', reason: null };
 * ```
 */
export const EvidenceSource = z.object({
  channel: z.string(),
  name: z.string(),
  url: z.string().nullable(),
  status: z.enum(['ok', 'unavailable']),
  fetchedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type EvidenceSource = z.infer<typeof EvidenceSource>;

/**
 * One list a rule pack required, per subject: on it, not on it, or could not be checked
 * (with the reason), and when its channel was read.
 *
 * @example
 * ```ts
 * const l: EvidenceList = { list: 'dishonest_judgment_debtor', name: '失信被执行人', channel: 'creditchina', status: 'unchecked', fetchedAt: null, reason: '信用中国 暂不可用' };
 * ```
 */
export const EvidenceList = z.object({
  list: z.string(),
  name: z.string(),
  channel: z.string(),
  status: z.enum(['clear', 'listed', 'unchecked']),
  fetchedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type EvidenceList = z.infer<typeof EvidenceList>;

/**
 * A finding of the rule pack, in the record's language, with its citations.
 *
 * @example
 * ```ts
 * const f: EvidenceFinding = { code: 'listed', severity: 'bar', message: '列入失信被执行人名单', months: [], citations: ['财库〔2016〕125号 二(三)'] };
 * ```
 */
export const EvidenceFinding = z.object({
  code: z.string(),
  severity: z.string(),
  message: z.string(),
  months: z.array(z.string()),
  citations: z.array(z.string()),
});
export type EvidenceFinding = z.infer<typeof EvidenceFinding>;

/**
 * One checked subject: a bidder, a consortium member, a borrower. Personal subjects carry
 * masked names and ID numbers only.
 *
 * @example
 * ```ts
 * record.subjects.filter((s) => s.verdict === 'fail').map((s) => s.name);
 * ```
 */
export const EvidenceSubject = z.object({
  key: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  name: z.string().nullable(),
  /** The code as checked (USCC, org code, 注册号) or a masked ID number. */
  code: z.string().nullable(),
  /** The consortium (联合体) or household the subject belongs to; its id in `groups`. */
  group: z.string().nullable(),
  /**
   * The number the page prints for the subject's row (序号), `3-1` for the first member of the
   * 联合体 in row 3; absent where the page numbers no rows (a file, a CLI lookup).
   */
  rowNo: z.string().max(16).optional(),
  /** What was asked and how the subject was found (CLI name searches); null for a code on a page. */
  lookup: z
    .object({
      query: z.string(),
      by: z.enum(['code', 'name']),
      match: z.object({ confidence: z.number(), matchType: z.string() }).nullable(),
      candidates: z.array(z.object({ name: z.string(), uscc: z.string(), confidence: z.number() })),
    })
    .nullable(),
  queriedAt: z.string().nullable(),
  state: z.string(),
  verdict: z.string().nullable(),
  label: z.string(),
  grade: z.string().nullable(),
  /** Why there is no verdict (unavailable, invalid code with the expected check character). */
  reason: z.string().nullable(),
  sources: z.array(EvidenceSource),
  lists: z.array(EvidenceList),
  findings: z.array(EvidenceFinding),
  reportIds: z.array(z.string()),
  /** The recorded purpose and written authorization of a personal lookup. */
  authorization: z
    .object({ purpose: z.string(), reference: z.string(), grantedAt: z.string(), confirmedAt: z.string() })
    .nullable(),
  /** Facts a loan rule pack decided on (overdue periods, deposit months, …). */
  facts: z.record(z.string(), z.unknown()).nullable(),
  dataLastUpdated: z.string().nullable(),
  notes: z.array(z.string()),
  signed: z.array(SignedResult),
});
export type EvidenceSubject = z.infer<typeof EvidenceSubject>;

/**
 * A person a screening page showed beside its companies (a borrower's 法定代表人), looked up after
 * the officer's consent: masked throughout, with the person's own verdict and findings as the
 * rule set gave them, the recorded purpose and authorization and the reports ordered. The
 * verifier does not derive it again (the personal reports are not part of the signed answers),
 * and the groups' verdicts are the companies' alone (decision 0064).
 *
 * @example
 * ```ts
 * record.people?.map((p) => `${p.roleLabel} ${p.idMasked} ${p.label}`);
 * ```
 */
export const EvidencePerson = z.object({
  key: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  /** Masked name (`吴*`). */
  name: z.string().nullable(),
  /** Masked ID number (`500***********9232`). */
  idMasked: z.string(),
  /** The group (a credit application) in `groups` the person belongs to. */
  group: z.string().nullable(),
  /** `consent` (not looked up), `checking`, `error` or `done`. */
  state: z.string(),
  verdict: z.string().nullable(),
  label: z.string(),
  findings: z.array(EvidenceFinding),
  reportIds: z.array(z.string()),
  authorization: z
    .object({ purpose: z.string(), reference: z.string(), grantedAt: z.string(), confirmedAt: z.string() })
    .nullable(),
  checkedAt: z.string().nullable(),
  /** Why the lookup failed (`state: 'error'`), in the record's language; absent in older records. */
  reason: z.string().nullable().optional(),
});
export type EvidencePerson = z.infer<typeof EvidencePerson>;

/**
 * A consortium (联合体: a bad record of one member counts for all) or a household (the
 * applicant and co-borrowers), with its combined verdict.
 *
 * @example
 * ```ts
 * const g: EvidenceGroup = { kind: 'consortium', id: 'c1', name: '甲乙联合体', members: ['s1', 's2'], verdict: 'fail', label: '不通过', findings: [] };
 * ```
 */
export const EvidenceGroup = z.object({
  kind: z.enum(['consortium', 'household']),
  id: z.string(),
  name: z.string().nullable(),
  members: z.array(z.string()),
  verdict: z.string().nullable(),
  label: z.string(),
  findings: z.array(EvidenceFinding),
  /**
   * The verdict with the group's people counted (a credit application with its 法定代表人 looked
   * up after consent), as the tool screened it. Their results come from unsigned personal
   * reports: the verifier checks `verdict` against the signed answers and leaves this as
   * recorded. Absent when no one of the group was looked up.
   */
  withPeople: z.object({ verdict: z.string(), label: z.string() }).optional(),
});
export type EvidenceGroup = z.infer<typeof EvidenceGroup>;

/**
 * The evidence record.
 *
 * @example
 * ```ts
 * const record = EvidenceRecord.parse(JSON.parse(text).record);
 * record.subjects.length;
 * ```
 */
export const EvidenceRecord = z.object({
  schema: z.literal(EVIDENCE_SCHEMA),
  /** `screening`: procurement or tendering bidders; `loan_decision`: one household's review. */
  kind: z.enum(['screening', 'loan_decision']),
  language: z.enum(['zh-CN', 'en']),
  generatedAt: z.string(),
  tool: z.object({ name: z.string(), version: z.string() }),
  operator: z.string().nullable(),
  basis: z.string(),
  ruleSet: z
    .object({
      id: z.string(),
      version: z.string(),
      title: z.string().nullable(),
      /** 货物/服务/工程 as the rule pack weighed it (`goods`, `services`, `works`), when known. */
      projectKind: z.enum(['goods', 'services', 'works']).nullable().optional(),
      /** A non-default rule-pack configuration the verdicts were computed with. */
      config: z.record(z.string(), z.unknown()).nullable().optional(),
    })
    .nullable(),
  /** Where the subjects were read: a page (origin and path only, never its query) or a file. */
  origin: z.object({
    page: z.object({ origin: z.string(), path: z.string(), title: z.string() }).nullable(),
    input: z
      .object({
        file: z.string(),
        sha256: z.string(),
        encoding: z.string(),
        headers: z.array(z.string()),
        rows: z.number(),
      })
      .nullable(),
    api: z.object({ baseUrl: z.string(), demo: z.boolean() }).nullable(),
  }),
  facts: z.object({
    /** 项目编号. */
    projectNo: EvidenceFact.nullable(),
    /** 包号 / 标段. */
    lot: EvidenceFact.nullable(),
    /** 采购人 / 招标人. */
    purchaser: EvidenceFact.nullable(),
    /** 业务编号 of a loan application. */
    caseNo: EvidenceFact.nullable(),
    /** 截止时点: the date the lists were judged at, and where it came from. */
    cutoff: z.object({ date: z.string(), source: z.string(), readFrom: z.string().nullable() }).nullable(),
    /** The date the rule pack judged at (the data date of a screening, the review date of a loan). */
    asOf: z.string().nullable(),
  }),
  subjects: z.array(EvidenceSubject),
  groups: z.array(EvidenceGroup),
  /** People looked up after consent beside the subjects (a screening page's 法定代表人); masked. */
  people: z.array(EvidencePerson).optional(),
  /** Present when the run was stopped: how far it got; subjects not reached are `interrupted`. */
  partial: z
    .object({ reason: z.literal('interrupted'), checked: z.number(), total: z.number() })
    .nullable()
    .optional(),
  /** How a third party checks the file, in words and by reference. */
  verification: z.object({
    canonicalization: z.literal(CANONICALIZATION),
    digest: z.literal('SHA-256'),
    /** Where the service's public keys are published (JWKS), when known. */
    keys: z.string().nullable(),
    howTo: LocalizedText,
  }),
});
export type EvidenceRecord = z.infer<typeof EvidenceRecord>;

/**
 * A saved evidence file: the record and the SHA-256 of its canonical JSON.
 *
 * @example
 * ```ts
 * const file = EvidenceFile.parse(JSON.parse(await readFile('evidence.json', 'utf8')));
 * ```
 */
export const EvidenceFile = z.object({
  record: EvidenceRecord,
  digest: z.object({
    algorithm: z.literal('SHA-256'),
    canonicalization: z.literal(CANONICALIZATION),
    value: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits'),
  }),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

/**
 * What every record says about checking it, in both languages.
 *
 * @example
 * ```ts
 * HOW_TO_VERIFY.zh.startsWith('用'); // true
 * ```
 */
export const HOW_TO_VERIFY: LocalizedText = {
  zh: '用 `npx xinjian verify 文件` 核验：按 RFC 8785 规范化 record 后计算 SHA-256，与 digest 比对；再用信用服务公布的公钥（JWKS）核验每条签名结果的 Ed25519 签名，并以签名结果重算结论。任何一处不符即说明记录被改动。',
  en: 'Check with `npx xinjian verify FILE`: the SHA-256 of the RFC 8785 canonical JSON of `record` must equal `digest`; each signed result must verify (Ed25519) against the credit service’s published keys (JWKS), and the verdicts recomputed from the signed results must match. Any mismatch means the record was changed.',
};

/**
 * Verifying a saved evidence file offline: its schema, its digest, every signed answer against
 * the service's published keys, and every verdict derived again from the signed answers. The
 * report says exactly which part fails, in Chinese and English.
 */
import type { LocalizedText } from '../core/schemas.ts';
import type { Jwks } from '../resources/keys.ts';
import { RatingSummary } from '../resources/ratings.ts';
import { deriveFound, deriveGroup, type JudgeOptions, modeOfRuleSet, screeningPack } from './build.ts';
import { canonicalDigest } from './digest.ts';
import { canonicalJson } from './jcs.ts';
import { sanitizeDeep } from './sanitize.ts';
import { EvidenceFile, type EvidenceRecord, type EvidenceSubject } from './schema.ts';
import { type SignatureProblem, verifySignature } from './signature.ts';

/**
 * What can be wrong with an evidence file.
 *
 * - `not_json`, `schema_invalid`: the file is not an evidence file of this schema;
 * - `digest_mismatch`: the record was changed after it was sealed (or the digest was);
 * - `signature_invalid`, `signature_malformed`, `unknown_kid`, `kid_mismatch`: a signed answer
 *   does not verify against the published keys;
 * - `unsigned_verdict`: a subject has a verdict but no signed answer it could rest on;
 * - `subject_mismatch`: the record's subject (its derived fields) differs from what its signed
 *   answer says (`field` names the first that differs);
 * - `group_mismatch`: a consortium's verdict differs from what its members' answers give;
 * - `rule_set_unavailable`: this verifier does not have the rule pack (or version) the record names;
 * - `time_mismatch`: the record says it was queried or made before the service signed the answer;
 * - `unsupported_runtime`: this runtime cannot verify Ed25519.
 *
 * @example
 * ```ts
 * const code: EvidenceProblemCode = 'digest_mismatch';
 * ```
 */
export type EvidenceProblemCode =
  | 'not_json'
  | 'schema_invalid'
  | 'digest_mismatch'
  | 'signature_invalid'
  | 'signature_malformed'
  | 'unknown_kid'
  | 'kid_mismatch'
  | 'unsigned_verdict'
  | 'subject_mismatch'
  | 'group_mismatch'
  | 'rule_set_unavailable'
  | 'time_mismatch'
  | 'unsupported_runtime';

/**
 * One failed check.
 *
 * @example
 * ```ts
 * const p: EvidenceProblem = { code: 'subject_mismatch', subject: 'r2', field: 'verdict', message: { zh: '…', en: '…' } };
 * ```
 */
export interface EvidenceProblem {
  code: EvidenceProblemCode;
  /** The subject key (or group id) it concerns, when it concerns one. */
  subject?: string;
  /** The field that differs, or the schema path. */
  field?: string;
  kid?: string;
  message: LocalizedText;
}

/**
 * The outcome of {@link verifyEvidence}.
 *
 * @example
 * ```ts
 * const r: EvidenceVerification = await verifyEvidence(file, jwks);
 * if (!r.ok) for (const p of r.problems) console.log(p.message.zh);
 * ```
 */
export interface EvidenceVerification {
  ok: boolean;
  /** The digest as recomputed (null when the file could not be read as a record). */
  digest: string | null;
  problems: EvidenceProblem[];
  /**
   * What was checked: subjects, verified signatures, the key ids they used, verdicts derived
   * again, and when the service signed the earliest and the latest answer (its clock, not the
   * officer's: compare it with the procurement's timeline).
   */
  checked: {
    subjects: number;
    signatures: number;
    kids: string[];
    verdicts: number;
    signedBetween: { earliest: string; latest: string } | null;
  };
}

// Clocks of the officer's machine and the service differ a little.
const CLOCK_SKEW_MS = 5 * 60_000;

const SIGNATURE_CODE: Record<SignatureProblem, EvidenceProblemCode> = {
  missing: 'unsigned_verdict',
  malformed: 'signature_malformed',
  wrong_type: 'signature_malformed',
  unknown_kid: 'unknown_kid',
  invalid: 'signature_invalid',
  unsupported_runtime: 'unsupported_runtime',
};

function who(s: EvidenceSubject): string {
  return `${s.key}${s.name ? `（${s.name}）` : ''}`;
}

const DERIVED_FIELDS = [
  'name',
  'code',
  'state',
  'verdict',
  'label',
  'grade',
  'sources',
  'lists',
  'findings',
  'dataLastUpdated',
] as const;

/**
 * Verifies an evidence file (the parsed JSON, or its text) against the service's public keys,
 * offline. Checks, in order: the schema; the SHA-256 of the record's RFC 8785 canonical JSON;
 * the Ed25519 signature of every embedded answer (key id in `jwks`); that every subject with a
 * verdict rests on a signed answer; that what the record says about each subject and consortium
 * is what the rule pack derives from the signed answers. `ok` only when every check passes.
 *
 * @example
 * ```ts
 * import { verifyEvidence } from '@xinjian/sdk/evidence';
 * const result = await verifyEvidence(await readFile('bidders.evidence.json', 'utf8'), jwks);
 * result.ok; // false for a record whose verdict was edited, even with a recomputed digest
 * result.problems.map((p) => p.message.zh);
 * ```
 */
export async function verifyEvidence(file: unknown, jwks: Jwks): Promise<EvidenceVerification> {
  const checked = { subjects: 0, signatures: 0, kids: [] as string[], verdicts: 0 };
  const times: number[] = [];
  const problems: EvidenceProblem[] = [];
  const done = (digest: string | null): EvidenceVerification => ({
    ok: problems.length === 0,
    digest,
    problems,
    checked: {
      ...checked,
      kids: [...new Set(checked.kids)],
      signedBetween:
        times.length === 0
          ? null
          : {
              earliest: new Date(Math.min(...times)).toISOString(),
              latest: new Date(Math.max(...times)).toISOString(),
            },
    },
  });

  let value = file;
  if (typeof file === 'string') {
    try {
      value = JSON.parse(file);
    } catch (e) {
      problems.push({
        code: 'not_json',
        message: {
          zh: `文件不是有效的 JSON：${(e as Error).message}`,
          en: `the file is not valid JSON: ${(e as Error).message}`,
        },
      });
      return done(null);
    }
  }
  const parsed = EvidenceFile.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 5)) {
      const path = issue.path.map(String).join('.') || '(root)';
      problems.push({
        code: 'schema_invalid',
        field: path,
        message: {
          zh: `不是有效的证据记录（xinjian.evidence/2）：${path}：${issue.message}`,
          en: `not a valid evidence record (xinjian.evidence/2): ${path}: ${issue.message}`,
        },
      });
    }
    return done(null);
  }
  // The digest is over the record as saved, not as zod re-shaped it.
  const savedRecord = (value as { record: unknown }).record;
  const { record, digest } = parsed.data;
  const recomputed = await canonicalDigest(savedRecord);
  if (recomputed !== digest.value) {
    problems.push({
      code: 'digest_mismatch',
      field: 'digest.value',
      message: {
        zh: `摘要不符：记录的 SHA-256 为 ${recomputed}，文件中写的是 ${digest.value}，记录在封存后被改动`,
        en: `digest mismatch: the record hashes to ${recomputed} but the file says ${digest.value}; the record was changed after it was sealed`,
      },
    });
  }

  const summaries = new Map<string, RatingSummary>();
  for (const s of record.subjects) {
    checked.subjects++;
    for (const signed of s.signed) {
      const check = await verifySignature(signed.payload, jwks, { type: signed.kind });
      if (!check.ok) {
        problems.push({
          code: SIGNATURE_CODE[check.problem],
          subject: s.key,
          ...(check.kid ? { kid: check.kid } : {}),
          message: {
            zh: `主体 ${who(s)} 的签名结果未通过核验：${check.message.zh}`,
            en: `the signed answer of subject ${who(s)} does not verify: ${check.message.en}`,
          },
        });
        continue;
      }
      if (check.kid !== signed.kid) {
        problems.push({
          code: 'kid_mismatch',
          subject: s.key,
          kid: check.kid,
          message: {
            zh: `主体 ${who(s)}：记录写密钥 ${signed.kid}，签名用的是 ${check.kid}`,
            en: `subject ${who(s)}: the record names key ${signed.kid} but the answer was signed with ${check.kid}`,
          },
        });
        continue;
      }
      checked.signatures++;
      checked.kids.push(check.kid);
      const signedAt = Date.parse(check.signedAt);
      times.push(signedAt);
      for (const [field, claimed] of [
        ['queriedAt', s.queriedAt],
        ['generatedAt', record.generatedAt],
      ] as const) {
        const at = claimed === null ? Number.NaN : Date.parse(claimed);
        if (at < signedAt - CLOCK_SKEW_MS) {
          problems.push({
            code: 'time_mismatch',
            subject: s.key,
            field,
            message: {
              zh: `主体 ${who(s)}：记录的 ${field} 为 ${claimed}，早于信用服务签名的时间 ${check.signedAt}`,
              en: `subject ${who(s)}: the record's ${field} is ${claimed}, before the service signed the answer at ${check.signedAt}`,
            },
          });
        }
      }
      if (signed.kind === 'rating_summary') {
        const summary = RatingSummary.safeParse(signed.payload);
        if (summary.success) summaries.set(s.key, summary.data);
      }
    }
  }

  if (record.kind === 'screening') {
    verifyScreening(record, summaries, problems, checked);
  } else {
    // Loan verdicts rest on signed reports; the signatures are checked above, the verdict is not
    // derived again here: say so rather than pass it silently.
    for (const s of record.subjects) {
      if (s.verdict !== null && !s.signed.some((x) => x.kind === 'report')) {
        problems.push(unsigned(s));
      }
    }
  }
  return done(recomputed);
}

function unsigned(s: EvidenceSubject): EvidenceProblem {
  return {
    code: 'unsigned_verdict',
    subject: s.key,
    message: {
      zh: `主体 ${who(s)} 有结论（${s.label}），但没有可核验的签名结果`,
      en: `subject ${who(s)} has a verdict (${s.label}) but no signed answer that verifies`,
    },
  };
}

function verifyScreening(
  record: EvidenceRecord,
  summaries: Map<string, RatingSummary>,
  problems: EvidenceProblem[],
  checked: { verdicts: number },
): void {
  const rs = record.ruleSet;
  const mode = rs ? modeOfRuleSet(rs.id) : null;
  const pack = mode ? screeningPack(mode) : null;
  if (
    !rs ||
    !mode ||
    !pack ||
    pack.ref.version !== rs.version ||
    !record.facts.asOf ||
    !record.facts.cutoff
  ) {
    problems.push({
      code: 'rule_set_unavailable',
      field: 'ruleSet',
      message: {
        zh: `无法重算结论：本核验程序没有规则集 ${rs ? `${rs.id}@${rs.version}` : '（未注明）'}${pack ? `（现有 ${pack.ref.version}）` : ''}，或记录缺少判断日期/截止时点`,
        en: `cannot derive the verdicts again: this verifier lacks rule set ${rs ? `${rs.id}@${rs.version}` : '(none named)'}${pack ? ` (it has ${pack.ref.version})` : ''}, or the record has no judging date or cut-off`,
      },
    });
    for (const s of record.subjects)
      if (s.verdict !== null && !summaries.has(s.key)) problems.push(unsigned(s));
    return;
  }
  const o: JudgeOptions = {
    mode,
    asOf: record.facts.asOf,
    cutoff: record.facts.cutoff.date,
    projectKind: rs.projectKind ?? null,
    config: (rs.config ?? null) as JudgeOptions['config'],
    language: record.language,
  };
  for (const s of record.subjects) {
    const summary = summaries.get(s.key);
    if (summary === undefined) {
      if (s.verdict !== null || s.state === 'done') problems.push(unsigned(s));
      continue;
    }
    const derived = sanitizeDeep(deriveFound(summary, o)) as Record<string, unknown>;
    const field = DERIVED_FIELDS.find(
      (f) => canonicalJson(derived[f] ?? null) !== canonicalJson((s as Record<string, unknown>)[f] ?? null),
    );
    if (field !== undefined) {
      const said = JSON.stringify((s as Record<string, unknown>)[field] ?? null).slice(0, 80);
      const is = JSON.stringify(derived[field] ?? null).slice(0, 80);
      problems.push({
        code: 'subject_mismatch',
        subject: s.key,
        field,
        message: {
          zh: `主体 ${who(s)} 的 ${field} 与签名结果不符：记录写 ${said}，按签名结果应为 ${is}`,
          en: `subject ${who(s)}: ${field} differs from the signed answer: the record says ${said}, the signed answer gives ${is}`,
        },
      });
    } else {
      checked.verdicts++;
    }
  }
  const verdictOf = new Map(record.subjects.map((s) => [s.key, s.verdict]));
  for (const g of record.groups) {
    if (g.kind !== 'consortium') continue;
    const derived = sanitizeDeep(
      deriveGroup(
        g.members.map((k) => summaries.get(k) ?? null),
        g.members.map((k) => (summaries.has(k) ? (verdictOf.get(k) ?? null) : null)),
        o,
      ),
    );
    const field = (['verdict', 'label', 'findings'] as const).find(
      (f) => canonicalJson(derived[f]) !== canonicalJson(g[f]),
    );
    if (field !== undefined) {
      problems.push({
        code: 'group_mismatch',
        subject: g.id,
        field,
        message: {
          zh: `联合体 ${g.id}${g.name ? `（${g.name}）` : ''} 的 ${field} 与成员的签名结果不符：记录写 ${JSON.stringify(g[field]).slice(0, 80)}，应为 ${JSON.stringify(derived[field]).slice(0, 80)}`,
          en: `consortium ${g.id}${g.name ? ` (${g.name})` : ''}: ${field} differs from its members' signed answers: the record says ${JSON.stringify(g[field]).slice(0, 80)}, they give ${JSON.stringify(derived[field]).slice(0, 80)}`,
        },
      });
    }
  }
}

/**
 * A verification as lines for people, in one language: a heading, then one line per problem.
 *
 * @example
 * ```ts
 * console.log(formatVerification(await verifyEvidence(file, jwks), 'zh').join('\n'));
 * ```
 */
export function formatVerification(result: EvidenceVerification, lang: 'zh' | 'en' = 'zh'): string[] {
  const { subjects, signatures, kids, verdicts, signedBetween } = result.checked;
  if (result.ok) {
    const when = signedBetween
      ? lang === 'zh'
        ? `签名时间 ${signedBetween.earliest} 至 ${signedBetween.latest}`
        : `signed between ${signedBetween.earliest} and ${signedBetween.latest}`
      : '';
    return [
      lang === 'zh'
        ? `✔ 核验通过：摘要一致，${signatures} 个签名有效（密钥 ${kids.join('、') || '无'}），${verdicts}/${subjects} 个主体的结论可由签名结果重算`
        : `✔ verified: the digest matches, ${signatures} signature(s) are valid (key ${kids.join(', ') || 'none'}), ${verdicts}/${subjects} subjects' verdicts re-derived from the signed answers`,
      ...(when ? [`  ${when}`] : []),
    ];
  }
  return [
    lang === 'zh'
      ? `✖ 核验未通过：${result.problems.length} 处不符`
      : `✖ verification failed: ${result.problems.length} problem(s)`,
    ...result.problems.map((p) => `  - [${p.code}] ${lang === 'zh' ? p.message.zh : p.message.en}`),
  ];
}

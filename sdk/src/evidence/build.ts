/**
 * Building a screening record from lookup results: the one builder the extension and the CLI
 * both call. Everything the record says about a found subject (registered name, code, grade,
 * channels, lists, findings, verdict) is derived from the service's signed rating summary by the
 * rule pack, so `verifyEvidence` can derive it again and compare.
 */
import { headlineGrade } from '../core/headline.ts';
import type { LocalizedText, SourceChannel } from '../core/schemas.ts';
import { CHANNEL_LABELS, formatCitation, LIST_LABELS, SCALE_LABELS } from '../labels.ts';
import { JWKS_PATH } from '../resources/keys.ts';
import type { RatingSummary } from '../resources/ratings.ts';
import type { CreditLendingConfig } from '../rules/credit-lending.ts';
import type { ScreeningResult } from '../rules/findings.ts';
import type { ProcurementConfig } from '../rules/procurement.ts';
import {
  ENTERPRISE_RULE_SETS,
  type EnterpriseRuleSetId,
  evaluateEnterprise,
  RULE_SETS,
} from '../rules/registry.ts';
import type { TenderingConfig } from '../rules/tendering.ts';
import {
  EVIDENCE_SCHEMA,
  type EvidenceFact,
  type EvidenceGroup,
  type EvidencePerson,
  type EvidenceRecord,
  type EvidenceSubject,
  HOW_TO_VERIFY,
} from './schema.ts';

/**
 * Public portals of the channels, where the policy names one (125号 二(二), domain notes).
 *
 * @example
 * ```ts
 * CHANNEL_PORTALS.ccgp; // 'http://www.ccgp.gov.cn/cr/list'
 * ```
 */
export const CHANNEL_PORTALS: Readonly<Partial<Record<SourceChannel, string>>> = {
  creditchina: 'https://www.creditchina.gov.cn',
  gsxt: 'https://www.gsxt.gov.cn',
  zxgk: 'http://zxgk.court.gov.cn',
  ccgp: 'http://www.ccgp.gov.cn/cr/list',
  chinatax: 'http://hd.chinatax.gov.cn/xxk/',
  jzsc: 'https://jzsc.mohurd.gov.cn',
  customs: 'http://credit.customs.gov.cn',
  pbccrc: 'https://www.pbccrc.org.cn',
};

/**
 * The screening rule packs a record can name, by the mode the officer chose.
 *
 * @example
 * ```ts
 * const mode: ScreeningMode = 'tendering';
 * ```
 */
export type ScreeningMode = EnterpriseRuleSetId;

/**
 * What the service answered for one subject, as the builder takes it: the signed summary of a
 * found subject, or why there is none.
 *
 * @example
 * ```ts
 * const a: ScreeningAnswer = item.status === 'found' ? { status: 'found', summary: item.summary } : { status: 'not_found' };
 * ```
 */
export type ScreeningAnswer =
  | { status: 'found'; summary: RatingSummary }
  | {
      status: 'not_found' | 'invalid' | 'unavailable' | 'ambiguous' | 'interrupted';
      /** Why, for people (an unavailable channel, the expected check character …). */
      reason?: LocalizedText | null;
    };

/**
 * One subject of {@link buildScreeningRecord}.
 *
 * @example
 * ```ts
 * const s: ScreeningSubjectInput = { key: 'r1', role: 'bidder', name: '甲公司', code: '91110000561976492Q', queriedAt: '2026-11-01T09:00:00+08:00', answer };
 * ```
 */
export interface ScreeningSubjectInput {
  /** Unique within the record (`r1`, a page's subject key). */
  key: string;
  /** `bidder`, `consortium_member`, `winner` …; `roleLabel` is what people read. */
  role: string;
  roleLabel?: string;
  /** The name as read from the page or the file. */
  name: string | null;
  /** The code as read (or the name searched for). */
  code: string | null;
  /** The consortium (联合体) id in `groups`. */
  group?: string | null;
  /** The page's number for the subject's row (序号, `3-1` for a 联合体's member). */
  rowNo?: string | null;
  /** How a name search found the subject (CLI). */
  lookup?: EvidenceSubject['lookup'];
  queriedAt: string | null;
  answer: ScreeningAnswer;
  notes?: readonly (LocalizedText | string)[];
  reportIds?: readonly string[];
}

/**
 * Everything {@link buildScreeningRecord} needs.
 *
 * @example
 * ```ts
 * const input: ScreeningRecordInput = {
 *   mode: 'procurement', asOf: '2026-11-01', cutoff: { date: '2026-11-20', source: 'page', readFrom: '投标截止时间' },
 *   language: 'zh-CN', generatedAt: new Date().toISOString(), tool: { name: 'xinjian', version: '0.1.0' },
 *   operator: null, origin: { page: null, input: null, api: null }, subjects: [],
 * };
 * ```
 */
export interface ScreeningRecordInput {
  mode: ScreeningMode;
  /** The data date the rule pack judged at (`YYYY-MM-DD`). */
  asOf: string;
  /** The 截止时点 and where it came from. */
  cutoff: { date: string; source: string; readFrom: string | null };
  /** 货物 / 服务 / 工程, when the page says. */
  projectKind?: 'goods' | 'services' | 'works' | null;
  /** A non-default rule-pack configuration (kept in the record, so a verifier uses the same). */
  config?: ProcurementConfig | TenderingConfig | CreditLendingConfig | null;
  language: 'zh-CN' | 'en';
  generatedAt: string;
  tool: { name: string; version: string };
  operator: string | null;
  origin: EvidenceRecord['origin'];
  facts?: Partial<Pick<EvidenceRecord['facts'], 'projectNo' | 'lot' | 'purchaser'>>;
  subjects: readonly ScreeningSubjectInput[];
  /**
   * Consortia: members are subject keys; the first member is the lead. `withPeople`: the group's
   * verdict with its people's results counted (a credit application with its 法定代表人), as the
   * tool screened it; recorded beside the companies' verdict, not derived again by the verifier.
   */
  groups?: readonly {
    id: string;
    name: string | null;
    members: readonly string[];
    withPeople?: { verdict: string } | null;
  }[];
  /** The JWKS address; default `<api baseUrl>/.well-known/jwks.json` when the origin names an API. */
  keys?: string | null;
  /** How far a stopped run got. */
  partial?: EvidenceRecord['partial'];
  /** People shown beside the subjects (masked), with their own result once looked up. */
  people?: readonly ScreeningPersonInput[];
}

/**
 * A person beside the subjects of a screening record (a borrower's 法定代表人), masked; `result`
 * once looked up after consent.
 *
 * @example
 * ```ts
 * const p: ScreeningPersonInput = { key: 'person:1', role: 'legal_representative', roleLabel: '法定代表人', name: '吴*', idMasked: '500***********9232', group: 'credit-application', state: 'consent', result: null, reportIds: [], authorization: null, checkedAt: null };
 * ```
 */
export interface ScreeningPersonInput {
  key: string;
  role: string;
  roleLabel?: string;
  name: string | null;
  idMasked: string;
  group: string | null;
  state: string;
  result: ScreeningResult | null;
  reportIds?: readonly string[];
  authorization: EvidencePerson['authorization'];
  checkedAt: string | null;
  /** Why the lookup failed (`state: 'error'`): the service's reason, in both languages. */
  reason?: LocalizedText | string | null;
}

const BASIS: LocalizedText = {
  zh: '财库〔2016〕125号要求做好信用信息查询记录和证据留存，并与其他采购文件一并保存。',
  en: 'Caiku [2016] 125 requires buyers to keep records and evidence of credit queries with the other procurement documents.',
};
const BASIS_TENDERING: LocalizedText = {
  zh: '法〔2016〕285号要求招标人查询失信被执行人信息并留存查询记录。',
  en: 'Fa [2016] 285 requires tenderers to check the dishonest-judgment-debtor list and keep the query record.',
};
const BASIS_CREDIT: LocalizedText = {
  zh: '授信审查留存借款企业及担保人的信用核查记录（失信被执行人融资限制：发改财金〔2016〕141号），供贷后检查与审计。',
  en: 'The credit review keeps the check of the borrower and its guarantors (financing restriction on dishonest judgment debtors: Fagai Caijin [2016] 141) for post-loan review and audit.',
};
const BASES: Readonly<Record<ScreeningMode, LocalizedText>> = {
  procurement: BASIS,
  tendering: BASIS_TENDERING,
  credit: BASIS_CREDIT,
};

const VERDICT_LABELS: Readonly<Record<string, LocalizedText>> = {
  pass: { zh: '通过', en: 'pass' },
  fail: { zh: '不通过', en: 'fail' },
  review: { zh: '需复核', en: 'review' },
  incomplete: { zh: '信息不全', en: 'incomplete' },
  not_found: { zh: '未找到', en: 'not found' },
  ambiguous: { zh: '需人工确认', en: 'ambiguous' },
  unavailable: { zh: '暂不可用', en: 'unavailable' },
  invalid: { zh: '代码无效', en: 'invalid code' },
  interrupted: { zh: '未核查（已中断）', en: 'not checked (interrupted)' },
};

// Where a person's consent-gated lookup stands, before there is a verdict.
const PERSON_STATE_LABELS: Readonly<Record<string, LocalizedText>> = {
  consent: { zh: '需授权确认', en: 'needs authorization' },
  checking: { zh: '查询中', en: 'checking' },
  error: { zh: '查询失败', en: 'lookup failed' },
};

function personStateLabel(state: string, language: 'zh-CN' | 'en'): string {
  const l = PERSON_STATE_LABELS[state];
  return l ? pick(l, language) : state;
}

/**
 * The word for a verdict or a state without one, in the record's language.
 *
 * @example
 * ```ts
 * verdictLabel('fail', 'zh-CN'); // '不通过'
 * ```
 */
export function verdictLabel(verdictOrState: string, language: 'zh-CN' | 'en'): string {
  const l = VERDICT_LABELS[verdictOrState];
  return l ? (language === 'en' ? l.en : l.zh) : verdictOrState;
}

const pick = (t: LocalizedText | string, language: 'zh-CN' | 'en'): string =>
  typeof t === 'string' ? t : language === 'en' ? t.en : t.zh;

// The record heads a subject with the grade its badge shows (one rule, in the SDK).
function headline(summary: RatingSummary, language: 'zh-CN' | 'en'): string | null {
  const grade = headlineGrade(summary);
  return grade ? `${SCALE_LABELS[grade.scale][language === 'en' ? 'en' : 'zh']} ${grade.value}` : null;
}

/** @internal The rule pack a mode stands for, and why its record is kept. */
export function screeningPack(mode: ScreeningMode) {
  return { ref: RULE_SETS[mode].ruleSet, basis: BASES[mode] };
}

/** @internal The mode of a rule-set id, if this SDK has it. */
export function modeOfRuleSet(id: string): ScreeningMode | null {
  return ENTERPRISE_RULE_SETS.find((mode) => RULE_SETS[mode].ruleSet.id === id) ?? null;
}

/** @internal What the rule pack says, given the record's options. */
export interface JudgeOptions {
  mode: ScreeningMode;
  asOf: string;
  cutoff: string;
  projectKind: 'goods' | 'services' | 'works' | null;
  config: ProcurementConfig | TenderingConfig | CreditLendingConfig | null;
  language: 'zh-CN' | 'en';
}

function evaluate(lead: RatingSummary, others: RatingSummary[], o: JudgeOptions): ScreeningResult {
  return evaluateEnterprise(o.mode, lead, {
    asOf: o.asOf,
    cutoff: o.cutoff,
    others,
    ...(o.projectKind ? { projectKind: o.projectKind } : {}),
    ...(o.config ? { config: o.config } : {}),
  });
}

function findingsOf(result: ScreeningResult, language: 'zh-CN' | 'en') {
  const lang = language === 'en' ? 'en' : 'zh';
  return result.findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    message: pick(f.message, language),
    months: f.months ?? [],
    citations: f.citations.map((c) => formatCitation(c, lang)),
  }));
}

/**
 * @internal The part of a found subject that is derived from its signed summary: what the
 * builder writes and what the verifier derives again.
 */
export function deriveFound(summary: RatingSummary, o: JudgeOptions) {
  const lang = o.language === 'en' ? 'en' : 'zh';
  const { signature: _signature, ...unsigned } = summary;
  const result = evaluate(unsigned, [], o);
  const active = new Set(summary.lists.filter((m) => m.active).map((m) => m.list));
  const reasonOf = (channel: SourceChannel) =>
    summary.sources.find((s) => s.channel === channel && s.status === 'unavailable')?.reason ?? null;
  return {
    name: summary.subject.name,
    code: summary.subject.uscc,
    state: 'done',
    verdict: result.verdict as string | null,
    label: verdictLabel(result.verdict, o.language),
    grade: headline(summary, o.language),
    sources: summary.sources.map((s) => ({
      channel: s.channel,
      name: CHANNEL_LABELS[s.channel][lang],
      url: CHANNEL_PORTALS[s.channel] ?? null,
      status: s.status,
      fetchedAt: s.fetchedAt,
      reason: s.reason ?? null,
    })),
    lists: result.checked.map((c) => ({
      list: c.list,
      name: LIST_LABELS[c.list][lang],
      channel: c.channel,
      status: (c.status !== 'ok' ? 'unchecked' : active.has(c.list) ? 'listed' : 'clear') as
        | 'clear'
        | 'listed'
        | 'unchecked',
      fetchedAt: c.fetchedAt,
      reason:
        c.status === 'ok'
          ? null
          : (reasonOf(c.channel) ??
            (c.status === 'missing'
              ? pick({ zh: '该渠道未查询', en: 'the channel was not queried' }, o.language)
              : pick({ zh: '该渠道暂不可用', en: 'the channel was unavailable' }, o.language))),
    })),
    findings: findingsOf(result, o.language),
    dataLastUpdated: summary.lastUpdated,
  };
}

/** @internal The verdict, label and findings of a consortium, from its members' summaries. */
export function deriveGroup(
  members: readonly (RatingSummary | null)[],
  memberVerdicts: readonly (string | null)[],
  o: JudgeOptions,
): Pick<EvidenceGroup, 'verdict' | 'label' | 'findings'> {
  const found = members.filter((m): m is RatingSummary => m !== null).map(({ signature: _s, ...m }) => m);
  const [lead, ...others] = found;
  if (lead !== undefined && found.length === members.length) {
    const result = evaluate(lead, others, o);
    return {
      verdict: result.verdict,
      label: verdictLabel(result.verdict, o.language),
      findings: findingsOf(result, o.language),
    };
  }
  // A bar of one member counts for all, even when another could not be checked.
  if (memberVerdicts.includes('fail')) {
    return { verdict: 'fail', label: verdictLabel('fail', o.language), findings: [] };
  }
  return { verdict: null, label: verdictLabel('incomplete', o.language), findings: [] };
}

function defaultKeys(input: ScreeningRecordInput): string | null {
  if (input.keys !== undefined) return input.keys;
  const base = input.origin.api?.baseUrl;
  if (!base) return null;
  try {
    return new URL(JWKS_PATH, base).href;
  } catch {
    return null;
  }
}

/**
 * Builds the evidence record of a screening (a bid list, a page of bidders) from the service's
 * answers. Each found subject embeds its signed rating summary with the key id; name, code,
 * grade, channels, lists, findings and verdict are derived from that summary by the rule pack
 * of `mode`, so that `verifyEvidence` can derive them again. Seal the result with
 * `sealEvidence` before saving or printing it.
 *
 * @example
 * ```ts
 * const [item] = await client.ratings.lookup(['91110000561976492Q']);
 * const record = buildScreeningRecord({
 *   mode: 'procurement', asOf: '2026-11-01', cutoff: { date: '2026-11-20', source: 'option', readFrom: null },
 *   language: 'zh-CN', generatedAt: new Date().toISOString(), tool: { name: 'my-app', version: '1.0.0' },
 *   operator: '张三', origin: { page: null, input: null, api: { baseUrl: 'https://api.xinjian.example', demo: false } },
 *   subjects: [{ key: 's1', role: 'bidder', name: null, code: '91110000561976492Q', queriedAt: new Date().toISOString(),
 *     answer: item?.status === 'found' ? { status: 'found', summary: item.summary } : { status: 'not_found' } }],
 * });
 * const file = await sealEvidence(record);
 * ```
 */
export function buildScreeningRecord(input: ScreeningRecordInput): EvidenceRecord {
  const pack = screeningPack(input.mode);
  const o: JudgeOptions = {
    mode: input.mode,
    asOf: input.asOf,
    cutoff: input.cutoff.date,
    projectKind: input.projectKind ?? null,
    config: input.config ?? null,
    language: input.language,
  };
  const subjects: EvidenceSubject[] = input.subjects.map((s) => {
    const common = {
      key: s.key,
      role: s.role,
      roleLabel: s.roleLabel ?? s.role,
      group: s.group ?? null,
      ...(s.rowNo ? { rowNo: s.rowNo } : {}),
      lookup: s.lookup ?? null,
      queriedAt: s.queriedAt,
      reportIds: [...(s.reportIds ?? [])],
      authorization: null,
      facts: null,
      notes: (s.notes ?? []).map((n) => pick(n, input.language)),
    };
    if (s.answer.status === 'found') {
      const { summary } = s.answer;
      return {
        ...common,
        ...deriveFound(summary, o),
        reason: null,
        signed: summary.signature
          ? [{ kind: 'rating_summary' as const, kid: summary.signature.kid, payload: summary }]
          : [],
      };
    }
    return {
      ...common,
      name: s.name,
      code: s.code,
      state: s.answer.status,
      verdict: null,
      label: verdictLabel(s.answer.status, input.language),
      grade: null,
      reason: s.answer.reason ? pick(s.answer.reason, input.language) : null,
      sources: [],
      lists: [],
      findings: [],
      dataLastUpdated: null,
      signed: [],
    };
  });
  const byKey = new Map(input.subjects.map((s) => [s.key, s]));
  const verdictOf = new Map(subjects.map((s) => [s.key, s.verdict]));
  const groups: EvidenceGroup[] = (input.groups ?? []).map((g) => {
    const summaries = g.members.map((k) => {
      const a = byKey.get(k)?.answer;
      return a?.status === 'found' ? a.summary : null;
    });
    return {
      kind: 'consortium',
      id: g.id,
      name: g.name,
      members: [...g.members],
      ...deriveGroup(
        summaries,
        g.members.map((k) => verdictOf.get(k) ?? null),
        o,
      ),
      ...(g.withPeople
        ? {
            withPeople: {
              verdict: g.withPeople.verdict,
              label: verdictLabel(g.withPeople.verdict, input.language),
            },
          }
        : {}),
    };
  });
  const fact = (f: EvidenceFact | null | undefined) => f ?? null;
  return {
    schema: EVIDENCE_SCHEMA,
    kind: 'screening',
    language: input.language,
    generatedAt: input.generatedAt,
    tool: input.tool,
    operator: input.operator,
    basis: pick(pack.basis, input.language),
    ruleSet: {
      id: pack.ref.id,
      version: pack.ref.version,
      title: pick(pack.ref.title, input.language),
      projectKind: input.projectKind ?? null,
      config: (input.config as Record<string, unknown> | null | undefined) ?? null,
    },
    origin: input.origin,
    facts: {
      projectNo: fact(input.facts?.projectNo),
      lot: fact(input.facts?.lot),
      purchaser: fact(input.facts?.purchaser),
      caseNo: null,
      cutoff: input.cutoff,
      asOf: input.asOf,
    },
    subjects,
    groups,
    ...(input.people && input.people.length > 0
      ? {
          people: input.people.map((p) => ({
            key: p.key,
            role: p.role,
            roleLabel: p.roleLabel ?? p.role,
            name: p.name,
            idMasked: p.idMasked,
            group: p.group,
            state: p.state,
            verdict: p.result?.verdict ?? null,
            label: p.result
              ? verdictLabel(p.result.verdict, input.language)
              : personStateLabel(p.state, input.language),
            reason: p.state === 'error' && p.reason ? pick(p.reason, input.language) : null,
            findings: p.result ? findingsOf(p.result, input.language) : [],
            reportIds: [...(p.reportIds ?? [])],
            authorization: p.authorization,
            checkedAt: p.checkedAt,
          })),
        }
      : {}),
    ...(input.partial ? { partial: input.partial } : {}),
    verification: {
      canonicalization: 'RFC 8785',
      digest: 'SHA-256',
      keys: defaultKeys(input),
      howTo: HOW_TO_VERIFY,
    },
  };
}

/**
 * The evidence record 财库〔2016〕125号 asks buyers to keep (查询记录和证据留存), built by the SDK
 * (`buildScreeningRecord`, one schema with the CLI) from what the background recorded: each
 * found subject's rating summary exactly as the service signed it, and when it was looked up.
 * A tab's record is sealed once and kept in `storage.session`, so the JSON export and the
 * printed page carry one digest (docs/decisions/0045). Also the CSV of the page table.
 */
import {
  buildScreeningRecord,
  canonicalDigest,
  type EvidenceFact,
  type EvidenceFile,
  type EvidencePerson,
  type EvidenceRecord,
  formatCsv,
  pageLocation,
  type ScreeningAnswer,
  type ScreeningPersonInput,
  type ScreeningRecordInput,
  type ScreeningSubjectInput,
  sealEvidence,
} from '@xinjian/sdk/evidence';
import { ENTERPRISE_RULE_SETS, type EnterpriseRuleSetId } from '@xinjian/sdk/rules';
import { browser } from 'wxt/browser';
import { dictionary, type Language, type MessageKey, t } from '../i18n.ts';
import { auditLabel } from '../personal/audit.ts';
import { redactIds } from '../personal.ts';
import { loadReportIds } from '../ui/common.tsx';
import { formatZoned, isoOffset, zonedIso } from './format.ts';
import { rowNumbers, type TabFact, type TabPerson, type TabRecord, type TabSubject } from './model.ts';
import '../ui/page-strings.ts';

/**
 * What a record needs besides the tab: who made it, in which language, with which tool and
 * service, and the report ids ordered per USCC.
 */
export interface EvidenceContext {
  operator: string | null;
  language: Language;
  reportIds: Record<string, string[]>;
  tool: { name: string; version: string };
  api: { baseUrl: string; demo: boolean } | null;
  /** Minutes east of UTC the times are written in; the officer's own zone by default. */
  offsetMinutes?: number;
}

/**
 * The evidence context of an extension page: the settings' operator and API, this build's
 * version, the report ids ordered so far.
 */
export async function pageEvidenceContext(
  settings: { operator: string; api: { baseUrl: string; key: string } },
  language: Language,
): Promise<EvidenceContext> {
  const baseUrl = settings.api.baseUrl;
  return {
    operator: settings.operator.trim() || null,
    language,
    reportIds: await loadReportIds(),
    tool: { name: 'xinjian-extension', version: browser.runtime.getManifest().version },
    // Demo keys (`xj_demo_…`) are the mock server's: a record made with one proves nothing.
    api: baseUrl ? { baseUrl, demo: settings.api.key.startsWith('xj_demo_') } : null,
  };
}

const NOT_FINISHED = {
  zh: '导出时该主体尚未查完',
  en: 'this subject was still being checked when the record was made',
};

const ANSWER_LOST = {
  zh: '扩展重启后该主体的签名结果已不在缓存中，请重新查询后再生成记录',
  en: "the service's signed answer for this subject was lost when the extension restarted; check it again before making the record",
};

function answerOf(entry: TabSubject): ScreeningAnswer {
  const r = entry.result;
  // A stored copy whose full answer the rating cache no longer held (background/tabs.ts): its
  // verdict cannot be shown to rest on what the service signed, so it is not claimed.
  if ((entry as TabSubject & { slim?: true }).slim) return { status: 'unavailable', reason: ANSWER_LOST };
  switch (r.state) {
    case 'done':
      // As received: the signature covers these bytes, so nothing may touch them.
      return { status: 'found', summary: r.summary };
    case 'not_found':
      return { status: 'not_found' };
    case 'invalid':
      return { status: 'invalid', reason: r.message };
    case 'unavailable':
      return { status: 'unavailable', reason: r.reason };
    case 'ambiguous':
      return {
        status: 'ambiguous',
        reason: {
          zh: `按名称查到 ${r.candidates.length} 个候选主体，未选定`,
          en: `${r.candidates.length} candidates match the name; none was picked`,
        },
      };
    default:
      return { status: 'interrupted', reason: NOT_FINISHED };
  }
}

function subjectInput(entry: TabSubject, ctx: EvidenceContext, rowNo: string | null): ScreeningSubjectInput {
  const { subject, result } = entry;
  const uscc = result.state === 'done' ? result.summary.subject.uscc : null;
  const byName = subject.code === null && subject.invalid === null && subject.name !== null;
  const lookup: ScreeningSubjectInput['lookup'] = byName
    ? {
        query: subject.name ?? '',
        by: 'name',
        match:
          result.state === 'done' && result.match
            ? { confidence: result.match.confidence, matchType: result.match.matchType }
            : null,
        candidates:
          result.state === 'ambiguous'
            ? result.candidates.map((c) => ({
                name: c.subject.name,
                uscc: c.subject.uscc,
                confidence: c.confidence,
              }))
            : [],
      }
    : null;
  return {
    key: subject.key,
    role: subject.role,
    roleLabel: t(`role.${subject.role}` as MessageKey, undefined, ctx.language),
    name: subject.name,
    code: subject.code?.value ?? subject.invalid?.raw ?? null,
    group: subject.consortium?.id ?? null,
    rowNo,
    lookup,
    queriedAt:
      (result.state === 'done' || result.state === 'not_found') && result.checkedAt
        ? zonedIso(result.checkedAt, ctx.offsetMinutes)
        : null,
    answer: answerOf(entry),
    reportIds: uscc ? (ctx.reportIds[uscc] ?? []) : [],
  };
}

// A page fact as the record keeps it: the value and where the page prints it.
const fact = (f: TabFact | null | undefined, language: Language): EvidenceFact | null =>
  f ? { value: f.value, readFrom: sourceIn(f.source, language) } : null;

// The reader says where a fact is printed in Chinese (`表格“项目编号”：…`, core/reader/facts.ts);
// an English record says it in English. The label and the value stay as the page prints them.
const WHERE_KEYS: Record<string, MessageKey> = {
  表格: 'evidence.where.table',
  列表: 'evidence.where.list',
  表单: 'evidence.where.field',
  正文: 'evidence.where.text',
};
function sourceIn(source: string, language: Language): string {
  if (language !== 'en') return source;
  return source
    .replace(/^(表格|列表|表单|正文)(?=“)/, (w) => `${t(WHERE_KEYS[w] as MessageKey, undefined, language)} `)
    .replace(/”：/, '”: ');
}

function enterpriseRuleSet(id: TabRecord['ruleSet']): EnterpriseRuleSetId {
  const found = ENTERPRISE_RULE_SETS.find((r) => r === id);
  if (!found) throw new Error(`[xinjian] rule set ${id} does not screen enterprises`);
  return found;
}

/**
 * The builder's input for a tab (everything but `generatedAt`), optionally for one subject.
 */
export function screeningInput(
  tab: TabRecord,
  ctx: EvidenceContext,
  only: string | null = null,
): Omit<ScreeningRecordInput, 'generatedAt'> {
  const facts = tab.facts;
  const entries = only ? tab.subjects.filter((s) => s.subject.key === only) : tab.subjects;
  const keys = new Set(entries.map((e) => e.subject.key));
  // The groups one of whose people was looked up (their result counts in the group's verdict).
  const lookedUp = new Set(
    (tab.people ?? []).flatMap((p) => (p.result.state === 'done' && p.person.group ? [p.person.group] : [])),
  );
  const numbers = rowNumbers(tab.subjects);
  const asOfs = tab.subjects.flatMap((s) => (s.result.state === 'done' ? [s.result.screening.asOf] : []));
  const open = entries.filter((e) => e.result.state === 'checking' || e.result.state === 'idle').length;
  return {
    mode: enterpriseRuleSet(tab.ruleSet),
    // The latest date the subjects were judged at; the verifier judges them all at it again.
    asOf: asOfs.sort().at(-1) ?? tab.cutoff.date,
    cutoff: {
      date: tab.cutoff.date,
      source: tab.cutoff.source,
      readFrom:
        tab.cutoff.source === 'page' && facts?.cutoff ? sourceIn(facts.cutoff.source, ctx.language) : null,
    },
    language: ctx.language,
    tool: ctx.tool,
    operator: ctx.operator,
    origin: {
      page: { ...pageLocation(tab.url), title: tab.title },
      input: null,
      api: ctx.api,
    },
    facts: {
      projectNo: fact(facts?.projectNo, ctx.language),
      lot: fact(facts?.lot, ctx.language),
      purchaser: fact(facts?.purchaser, ctx.language),
    },
    // The page's 序号 as the side panel shows it (`3-1` for a member); none where the page
    // prints no number, rather than one the record made up.
    subjects: entries.map((e) =>
      subjectInput(e, ctx, e.subject.rowNo ? (numbers.get(e.subject.key) ?? null) : null),
    ),
    groups: tab.consortia
      .filter((c) => c.memberKeys.some((k) => keys.has(k)))
      .map((c) => ({
        id: c.id,
        name: c.name,
        members: c.memberKeys.filter((k) => keys.has(k)),
        // The verdict the card and the side panel show, the people's results counted; with the
        // whole page only, as the people are.
        ...(!only && c.screening && lookedUp.has(c.id)
          ? { withPeople: { verdict: c.screening.verdict } }
          : {}),
      })),
    partial:
      open > 0 ? { reason: 'interrupted', checked: entries.length - open, total: entries.length } : null,
    // The page's people (a borrower's 法定代表人), masked, with their own result once looked up
    // after consent; with the whole page only, not with one subject's record.
    people: only ? [] : (tab.people ?? []).map((p) => personInput(p, ctx)),
  };
}

/**
 * A person's verdict in words, or where the lookup stood (需授权确认, 查询中, 查询失败) when the
 * record was made, in the words the card and the side panel use for it; a record's own label
 * for a state it does not know.
 */
export function personLabel(p: EvidencePerson, language: Language): string {
  if (p.verdict) return p.label;
  const key = `personal.person.state.${p.state}`;
  return key in dictionary(language) ? t(key as MessageKey, undefined, language) : p.label;
}

function personInput(p: TabPerson, ctx: EvidenceContext): ScreeningPersonInput {
  const r = p.result;
  const consent = p.consent ?? null;
  return {
    key: p.person.key,
    role: p.person.role,
    roleLabel: auditLabel('role', p.person.role, ctx.language),
    name: p.person.nameMasked,
    idMasked: p.person.idMasked,
    group: p.person.group,
    state: r.state,
    result: r.state === 'done' ? r.result : null,
    reportIds: r.state === 'done' ? r.reportIds : [],
    authorization: consent,
    checkedAt: r.state === 'done' ? r.checkedAt : null,
    // A service's reason may quote what it was sent: redacted like every text beside a person.
    reason: r.state === 'error' ? { zh: redactIds(r.reason.zh), en: redactIds(r.reason.en) } : null,
  };
}

/**
 * The evidence record of a tab (or one subject of it), made at `generatedAt`.
 */
export function screeningRecord(
  tab: TabRecord,
  ctx: EvidenceContext,
  generatedAt: string,
  only: string | null = null,
): EvidenceRecord {
  return buildScreeningRecord({ ...screeningInput(tab, ctx, only), generatedAt });
}

/**
 * Where a tab's sealed record is kept in `storage.session`.
 */
export function evidenceStorageKey(tabId: number, only: string | null): string {
  return `evidence:${tabId}${only ? `:${only}` : ''}`;
}

// A sealed file is kept whole up to this size; a larger one keeps its stamp (time and digest)
// and is built again from the same input, which gives the same bytes: storage.session's 10 MiB
// belong to the tab records and the rating cache first.
const KEEP_WHOLE_BYTES = 256 * 1024;

interface SavedSeal<F> {
  fingerprint: string;
  generatedAt: string;
  digest: string;
  file?: F;
}

/**
 * A sealed file kept in `storage.session` under `key` for as long as what it was made from
 * (`fingerprint`) stays the same: the saved one is returned, or rebuilt with its saved time
 * when only its stamp was kept; otherwise `seal` makes a new one at `now`, which is saved.
 * Both the screening evidence and a mode's own record (the loan decision) keep theirs so.
 */
export async function keepSealed<F extends { digest: { value: string } }>(
  key: string,
  fingerprint: string,
  seal: (generatedAt: string) => Promise<F>,
  options: { now?: () => Date; offsetMinutes?: number } = {},
): Promise<F> {
  const run = async (): Promise<F> => {
    const saved = (await browser.storage.session.get(key))[key] as SavedSeal<F> | undefined;
    if (saved?.fingerprint === fingerprint) {
      if (saved.file) return saved.file;
      const again = await seal(saved.generatedAt);
      if (again.digest.value === saved.digest) return again;
    }
    const generatedAt = zonedIso((options.now?.() ?? new Date()).toISOString(), options.offsetMinutes);
    const file = await seal(generatedAt);
    const stamp: SavedSeal<F> = { fingerprint, generatedAt, digest: file.digest.value };
    const whole = JSON.stringify(file).length <= KEEP_WHOLE_BYTES;
    await browser.storage.session.set({ [key]: whole ? { ...stamp, file } : stamp });
    await dropClosedTabSeals(key);
    return file;
  };
  // Two pages asking at once (export and print) must not seal twice.
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? locks.request(`xinjian:${key}`, run) : run();
}

// Seals of tabs that are gone would otherwise sit in storage.session until the browser quits.
async function dropClosedTabSeals(justMade: string): Promise<void> {
  const tabOf = (k: string) => /^evidence:(\d+)/.exec(k)?.[1];
  const open = new Set((await browser.tabs.query({})).map((tab) => String(tab.id)));
  open.add(tabOf(justMade) ?? '');
  const stale = Object.keys(await browser.storage.session.get(null)).filter((k) => {
    const tabId = tabOf(k);
    return tabId !== undefined && !open.has(tabId);
  });
  if (stale.length > 0) await browser.storage.session.remove(stale);
}

/**
 * Options of {@link savedEvidence}.
 */
export interface SavedEvidenceOptions {
  /** One subject's record instead of the page's. */
  only?: string | null;
  /** When a new seal is made; now by default. */
  now?: () => Date;
}

/**
 * The tab's sealed evidence file: the one saved for the same results, or, when the results
 * changed (or none is saved), a new one sealed now and saved. The side panel's export and the
 * printed page both call this, so they carry the same record and digest.
 */
export async function savedEvidence(
  tab: TabRecord,
  ctx: EvidenceContext,
  options: SavedEvidenceOptions = {},
): Promise<EvidenceFile> {
  const only = options.only ?? null;
  const input = screeningInput(tab, ctx, only);
  const fingerprint = await canonicalDigest({ tab: tab.tabId, startedAt: tab.startedAt, input });
  return keepSealed(
    evidenceStorageKey(tab.tabId, only),
    fingerprint,
    (generatedAt) => sealEvidence(buildScreeningRecord({ ...input, generatedAt })),
    {
      ...(options.now ? { now: options.now } : {}),
      ...(ctx.offsetMinutes !== undefined ? { offsetMinutes: ctx.offsetMinutes } : {}),
    },
  );
}

/**
 * The page table as CSV, from the sealed record: UTF-8 with a byte-order mark and CRLF line
 * ends (the SDK's writer, with its formula guard), 查询时间 in the record's time zone with the
 * offset shown. `groupLabel` names the group column when the mode names its groups (a credit
 * application); 联合体 otherwise.
 */
export function tableCsv(record: EvidenceRecord, options: { groupLabel?: string } = {}): string {
  const language = record.language;
  const header = [
    '#',
    t('panel.col_name', undefined, language),
    t('panel.col_code', undefined, language),
    t('panel.col_role', undefined, language),
    options.groupLabel ?? t('panel.consortium', { name: '' }, language).replace(/[：:]\s*$/, ''),
    t('panel.col_grade', undefined, language),
    t('panel.col_verdict', undefined, language),
    t('card.reasons', undefined, language),
    t('panel.queried_at', undefined, language),
    t('panel.cutoff', undefined, language),
  ];
  const groupName = new Map(record.groups.map((g) => [g.id, g.name ?? g.id]));
  const rows = record.subjects.map((s, i) => [
    s.rowNo ?? i + 1,
    s.name,
    s.code ? { excelText: s.code } : null,
    s.roleLabel,
    s.group ? (groupName.get(s.group) ?? s.group) : null,
    s.grade,
    s.label,
    [s.reason, ...s.findings.filter((f) => f.severity !== 'info').map((f) => f.message)]
      .filter(Boolean)
      .join('；'),
    s.queriedAt ? formatZoned(s.queriedAt) : null,
    record.facts.cutoff?.date ?? null,
  ]);
  // The people after the subjects, in the same columns so the header stays the same: the masked
  // ID in the code column (as a loan record's borrowers have it), no 序号 and no grade. The record
  // holds masked values only; the cells are redacted again so a row never carries a full number.
  const people = (record.people ?? []).map((p) =>
    [
      null,
      p.name,
      p.idMasked,
      p.roleLabel,
      p.group ? (groupName.get(p.group) ?? p.group) : null,
      null,
      personLabel(p, language),
      p.findings
        .filter((f) => f.severity !== 'info')
        .map((f) => f.message)
        .join('；'),
      p.checkedAt ? formatZoned(p.checkedAt, isoOffset(record.generatedAt)) : null,
      record.facts.cutoff?.date ?? null,
    ].map((c) => (typeof c === 'string' ? redactIds(c) : c)),
  );
  return formatCsv([header, ...rows, ...people], { bom: true });
}

/**
 * The printable evidence page: what an officer files with the procurement documents instead
 * of screenshots. It renders the tab's saved, sealed record (the one the side panel exports),
 * never a new one: every subject with its lookup time, channels and lists, the consortia, the
 * digest and how to verify it, with room to sign. The people looked up after consent (a
 * borrower's 法定代表人) follow, masked, with a note that their results are not signed.
 */
import type {
  EvidenceFile,
  EvidenceList,
  EvidencePerson,
  EvidenceRecord,
  EvidenceSubject,
} from '@xinjian/sdk/evidence';
import { policyDocuments } from '@xinjian/sdk/rules';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getLanguage, localized, type MessageKey, t } from '../i18n.ts';
import { modeById } from '../modes.ts';
import { auditLabel } from '../personal/audit.ts';
import { personStateIcon } from '../personal/person.ts';
import { useSettings, useTabRecord, useTargetTab } from '../ui/common.tsx';
import { pageEvidenceContext, personLabel, savedEvidence } from './evidence.ts';
import { formatZoned, isoOffset } from './format.ts';
import '../ui/page-strings.ts';

/**
 * The evidence page.
 */
export function EvidencePage(): JSX.Element {
  const settings = useSettings();
  const tab = useTargetTab();
  const record = useTabRecord(tab?.id ?? null);
  const [file, setFile] = useState<EvidenceFile | null>(null);
  const only = new URLSearchParams(location.search).get('subject');

  useEffect(() => {
    if (!record || !settings) return;
    let alive = true;
    void (async () => {
      const saved = await savedEvidence(record, await pageEvidenceContext(settings, getLanguage()), { only });
      if (alive) setFile(saved);
    })();
    return () => {
      alive = false;
    };
  }, [record, settings]);

  if (!file || !record) return <main class="evidence muted">…</main>;
  // A mode may name its groups (a credit application's parties); a 联合体 otherwise.
  const group = modeById(record.mode)?.group;
  return (
    <EvidenceView
      file={file}
      {...(group ? { groupLabel: localized(group.label, file.record.language) } : {})}
    />
  );
}

/**
 * One sealed record as a printable page, in the record's language and time zone.
 */
export function EvidenceView({ file, groupLabel }: { file: EvidenceFile; groupLabel?: string }): JSX.Element {
  const e = file.record;
  const lang = e.language;
  const tr = (key: MessageKey, params?: Record<string, string | number>) => t(key, params, lang);
  // Every time prints in the zone the record was made in, with its offset.
  const zone = isoOffset(e.generatedAt);
  const when = (iso: string | null) => formatZoned(iso, zone);
  // A group the page names by no leader is called by its first member, never by its internal id.
  const groupName = new Map(
    e.groups.map((g) => [g.id, g.name ?? e.subjects.find((s) => s.key === g.members[0])?.name ?? g.id]),
  );
  const groupTitle = (name: string) =>
    groupLabel ? `${groupLabel}${lang === 'en' ? ': ' : '：'}${name}` : tr('panel.consortium', { name });
  const signed = e.subjects.flatMap((s) => s.signed);
  const kids = [...new Set(signed.map((s) => s.kid))];
  const fact = (value: { value: string; readFrom: string } | null) =>
    value ? (
      <>
        {value.value}
        <div class="muted">{tr('evidence.read_from', { where: value.readFrom })}</div>
      </>
    ) : (
      <span class="muted">{tr('evidence.not_stated')}</span>
    );
  const page = e.origin.page;
  return (
    <main class="evidence" lang={lang}>
      <div class="no-print row">
        <button type="button" class="primary" onClick={() => window.print()}>
          {tr('panel.print')}
        </button>
      </div>
      <h1>{tr('evidence.title')}</h1>
      <p>{e.basis}</p>
      {e.origin.api?.demo ? <p class="error">{tr('evidence.demo')}</p> : null}
      {e.partial ? (
        <p class="error" data-testid="partial">
          {tr('evidence.partial', { checked: e.partial.checked, total: e.partial.total })}
        </p>
      ) : null}
      <table class="data meta">
        <tbody>
          <tr>
            <th>{tr('panel.url')}</th>
            <td>
              {page?.title ?? '—'}
              {page ? <div class="code">{`${page.origin}${page.path}`}</div> : null}
            </td>
          </tr>
          <tr>
            <th>{tr('evidence.project_no')}</th>
            <td data-testid="project-no">{fact(e.facts.projectNo)}</td>
          </tr>
          <tr>
            <th>{tr('evidence.lot')}</th>
            <td>{fact(e.facts.lot)}</td>
          </tr>
          <tr>
            <th>{tr('evidence.purchaser')}</th>
            <td>{fact(e.facts.purchaser)}</td>
          </tr>
          <tr>
            <th>{tr('panel.cutoff')}</th>
            <td>
              {e.facts.cutoff ? (
                <>
                  {e.facts.cutoff.date}
                  {paren(lang, tr(`cutoff.${e.facts.cutoff.source}` as MessageKey))}
                  {e.facts.cutoff.readFrom ? (
                    <div class="muted">{tr('evidence.read_from', { where: e.facts.cutoff.readFrom })}</div>
                  ) : null}
                </>
              ) : (
                '—'
              )}
            </td>
          </tr>
          <tr>
            <th>{tr('evidence.as_of')}</th>
            <td>{e.facts.asOf ?? '—'}</td>
          </tr>
          <tr>
            <th>{tr('evidence.rule_set')}</th>
            <td>
              {e.ruleSet
                ? `${e.ruleSet.title ?? e.ruleSet.id}${paren(lang, `${e.ruleSet.id}@${e.ruleSet.version}`)}`
                : '—'}
            </td>
          </tr>
          <tr>
            <th>{tr('evidence.generated_at')}</th>
            <td data-testid="generated-at">{when(e.generatedAt)}</td>
          </tr>
          <tr>
            <th>{tr('panel.operator')}</th>
            <td>{e.operator ?? <span class="muted">{tr('evidence.no_operator')}</span>}</td>
          </tr>
          <tr>
            <th>{tr('evidence.api')}</th>
            <td class="code">{e.origin.api?.baseUrl ?? '—'}</td>
          </tr>
          <tr>
            <th>{tr('evidence.tool')}</th>
            <td>
              {e.tool.name} {e.tool.version}
            </td>
          </tr>
        </tbody>
      </table>
      <h2>{tr('evidence.result')}</h2>
      <table class="data" data-testid="subjects">
        <thead>
          <tr>
            <th>#</th>
            <th>{tr('panel.col_name')}</th>
            <th>{tr('panel.col_code')}</th>
            <th>{tr('panel.col_verdict')}</th>
            <th>{tr('panel.queried_at')}</th>
            <th>{tr('evidence.channels')}</th>
            <th>{tr('evidence.lists')}</th>
          </tr>
        </thead>
        <tbody>
          {e.subjects.map((s, i) => (
            <SubjectRow
              key={s.key}
              lang={lang}
              n={s.rowNo ?? i + 1}
              s={s}
              group={s.group ? groupTitle(groupName.get(s.group) ?? s.group) : null}
              when={when}
              tr={tr}
            />
          ))}
        </tbody>
      </table>
      {e.groups.length > 0 ? (
        <Consortia record={e} tr={tr} heading={groupLabel ?? tr('evidence.consortia')} />
      ) : null}
      {e.people && e.people.length > 0 ? (
        <People
          people={e.people}
          lang={lang}
          tr={tr}
          group={(id) => groupTitle(groupName.get(id) ?? id)}
          when={when}
        />
      ) : null}
      <h2>{tr('panel.sha256')}</h2>
      <p class="code hash" data-testid="sha256">
        {file.digest.value}
      </p>
      <p class="muted">{tr('evidence.hash_note')}</p>
      <h2>{tr('evidence.verify')}</h2>
      <p data-testid="how-to-verify">{lang === 'en' ? e.verification.howTo.en : e.verification.howTo.zh}</p>
      {signed.length > 0 ? (
        <p class="muted">{tr('evidence.signed', { n: signed.length, kids: kids.join('、') })}</p>
      ) : null}
      {e.verification.keys ? (
        <p class="muted code">{tr('evidence.keys', { url: e.verification.keys })}</p>
      ) : null}
      <p class="signature">{tr('evidence.signature')}</p>
    </main>
  );
}

// A parenthesised aside in the record's language: full-width in Chinese, spaced in English.
function paren(lang: 'zh-CN' | 'en', text: string): string {
  return lang === 'en' ? ` (${text})` : `（${text}）`;
}

// The cited documents known by a name, not a 文号: the record says so in words, the print links
// the source as well.
const LABELLED = Object.values(policyDocuments).filter((d) => d.isLabel && d.url);

/** A finding's citations in brackets, a labelled document's name linked to its source. */
function CitedList(props: { lang: 'zh-CN' | 'en'; citations: readonly string[] }): JSX.Element | null {
  if (props.citations.length === 0) return null;
  const open = props.lang === 'en' ? ' (' : '（';
  const close = props.lang === 'en' ? ')' : '）';
  return (
    <>
      {open}
      {props.citations.map((c, i) => {
        const doc = LABELLED.find((d) => c.startsWith(d.documentNo));
        return (
          <span key={i}>
            {i > 0 ? (props.lang === 'en' ? '; ' : '；') : null}
            {doc?.url ? (
              <>
                <a href={doc.url} target="_blank" rel="noopener noreferrer">
                  {doc.documentNo}
                </a>
                {c.slice(doc.documentNo.length)}
              </>
            ) : (
              c
            )}
          </span>
        );
      })}
      {close}
    </>
  );
}

type Tr = (key: MessageKey, params?: Record<string, string | number>) => string;

function SubjectRow(props: {
  lang: 'zh-CN' | 'en';
  n: number | string;
  s: EvidenceSubject;
  group: string | null;
  when: (iso: string | null) => string;
  tr: Tr;
}): JSX.Element {
  const { s, tr, when } = props;
  // A subject with no answer checked no list: say so and why, never leave the cell empty.
  const unchecked = s.reason
    ? tr('evidence.unchecked_reason', { reason: s.reason })
    : `${tr('evidence.unchecked')}${paren(props.lang, s.label)}`;
  return (
    <tr data-key={s.key} data-state={s.state}>
      <td>{props.n}</td>
      <td>
        {s.name ?? '—'}
        <div class="muted">
          {s.roleLabel}
          {props.group ? ` · ${props.group}` : ''}
        </div>
      </td>
      <td class="code">{s.code ?? '—'}</td>
      <td>
        <strong>{s.label}</strong>
        {s.grade ? <div class="muted">{s.grade}</div> : null}
        {s.reason ? <div class="muted">{s.reason}</div> : null}
        {s.findings
          .filter((f) => f.severity !== 'info')
          .map((f) => (
            <div key={f.code} class="muted">
              {f.message}
              <CitedList lang={props.lang} citations={f.citations} />
            </div>
          ))}
        {s.notes.map((note) => (
          <div key={note} class="muted">
            {note}
          </div>
        ))}
        {s.reportIds.length > 0 ? <div class="muted code">{s.reportIds.join(', ')}</div> : null}
      </td>
      <td class="nowrap" data-testid="queried-at">
        {s.queriedAt ? when(s.queriedAt) : '—'}
      </td>
      <td>
        {s.sources.length === 0 ? <span class="muted">{unchecked}</span> : null}
        {s.sources.map((c) => (
          <div key={c.channel}>
            {c.name}{' '}
            {c.status === 'ok'
              ? when(c.fetchedAt)
              : c.reason
                ? tr('evidence.unchecked_reason', { reason: c.reason })
                : tr('evidence.unchecked')}
            {c.url ? <div class="muted code">{c.url}</div> : null}
          </div>
        ))}
      </td>
      <td>
        {s.lists.length === 0 ? <span class="muted">{unchecked}</span> : null}
        {s.lists.map((l) => (
          <div key={`${l.list}-${l.channel}`} data-list={l.list} data-status={l.status}>
            {l.name}：{listMark(l, tr)}
          </div>
        ))}
      </td>
    </tr>
  );
}

function listMark(l: EvidenceList, tr: Tr): string {
  if (l.status === 'listed') return tr('evidence.listed');
  if (l.status === 'clear') return tr('evidence.clear');
  return l.reason ? tr('evidence.unchecked_reason', { reason: l.reason }) : tr('evidence.unchecked');
}

function Consortia(props: { record: EvidenceRecord; tr: Tr; heading: string }): JSX.Element {
  const { record, tr } = props;
  const nameOf = new Map(record.subjects.map((s) => [s.key, s.name ?? s.code ?? s.key]));
  return (
    <>
      <h2>{props.heading}</h2>
      <table class="data" data-testid="consortia">
        <thead>
          <tr>
            <th>{tr('panel.col_name')}</th>
            <th>{tr('evidence.members')}</th>
            <th>{tr('panel.col_verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {record.groups.map((g) => (
            <tr key={g.id} data-key={g.id}>
              <td>{g.name ?? nameOf.get(g.members[0] ?? '') ?? g.id}</td>
              <td>{g.members.map((m) => nameOf.get(m) ?? m).join(record.language === 'en' ? ', ' : '、')}</td>
              <td>
                <strong>{g.label}</strong>
                {g.withPeople ? (
                  <div data-testid="group-with-people">
                    {tr('evidence.group_with_people', { verdict: g.withPeople.label })}
                  </div>
                ) : null}
                {g.findings
                  .filter((f) => f.severity !== 'info')
                  .map((f) => (
                    <div key={f.code} class="muted">
                      {f.message}
                    </div>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

// The people on the page (a borrower's 法定代表人), masked as the record keeps them. Their results
// come from unsigned personal reports, so the section says what a third party can and cannot
// check, next to the results themselves.
function People(props: {
  people: readonly EvidencePerson[];
  lang: 'zh-CN' | 'en';
  tr: Tr;
  group: (id: string) => string;
  when: (iso: string | null) => string;
}): JSX.Element {
  const { tr, lang, when } = props;
  return (
    <>
      <h2>{tr('evidence.people')}</h2>
      <p class="error" data-testid="people-unsigned">
        {tr('evidence.people_unsigned')}
      </p>
      <table class="data" data-testid="people">
        <thead>
          <tr>
            <th>{tr('personal.audit.role')}</th>
            <th>{tr('personal.audit.id')}</th>
            <th>{tr('panel.col_verdict')}</th>
            <th>{tr('panel.queried_at')}</th>
            <th>{tr('evidence.people_authorization')}</th>
          </tr>
        </thead>
        <tbody>
          {props.people.map((p) => {
            const a = p.authorization;
            return (
              <tr key={p.key} data-key={p.key} data-state={p.verdict ?? p.state}>
                <td>
                  {p.roleLabel}
                  {p.group ? <div class="muted">{props.group(p.group)}</div> : null}
                </td>
                <td>
                  {p.name ?? '—'}
                  <div class="code">{p.idMasked}</div>
                </td>
                <td>
                  <strong class="verdict">
                    <span aria-hidden="true">{personStateIcon(p.verdict ?? p.state)}</span>{' '}
                    {personLabel(p, lang)}
                  </strong>
                  {p.state === 'error' && p.reason ? <div class="muted">{p.reason}</div> : null}
                  {p.findings
                    .filter((f) => f.severity !== 'info')
                    .map((f) => (
                      <div key={f.code} class="muted">
                        {f.message}
                        <CitedList lang={lang} citations={f.citations} />
                      </div>
                    ))}
                  {p.state === 'done' && p.findings.every((f) => f.severity === 'info') ? (
                    <div class="muted">{tr('personal.person.no_findings')}</div>
                  ) : null}
                  {p.reportIds.length > 0 ? <div class="muted code">{p.reportIds.join(', ')}</div> : null}
                </td>
                <td class="nowrap">{p.checkedAt ? when(p.checkedAt) : '—'}</td>
                <td>
                  {a ? (
                    <>
                      {tr('personal.audit.reference')}
                      {lang === 'en' ? ': ' : '：'}
                      <span class="code">{a.reference}</span>
                      <div>
                        {tr('personal.audit.purpose')}
                        {lang === 'en' ? ': ' : '：'}
                        {auditLabel('purpose', a.purpose, lang)}
                      </div>
                      <div class="muted">
                        {tr('evidence.people_granted', { date: a.grantedAt, time: when(a.confirmedAt) })}
                      </div>
                    </>
                  ) : (
                    <span class="muted">{tr('evidence.people_no_authorization')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/**
 * The side panel: every bidder on the page (sortable, consortia grouped, filter by verdict),
 * the evidence exports (JSON with its SHA-256, CSV, printable page), and one subject's full
 * report, ordered through the background. On a tab that holds a mode's own record (loan
 * review) it shows that mode's panel (`modes/<id>/panel.tsx`) instead.
 */

import type { CreditRecord, Grade, ReadyReport } from '@xinjian/sdk';
import { compareGrades, describeError, describeRecord, headlineGrade } from '@xinjian/sdk';
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getLanguage, localized, type MessageKey, t } from '../i18n.ts';
import { send } from '../messages.ts';
import { byMode, modeById } from '../modes.ts';
import { auditLabel } from '../personal/audit.ts';
import { personLine, personStateLabel } from '../personal/card.tsx';
import { personDisplayState } from '../personal/person.ts';
import { redactIds } from '../personal.ts';
import { Citations } from '../screening/citations.tsx';
import { pageEvidenceContext, savedEvidence, tableCsv } from '../screening/evidence.ts';
import {
  channelLabel,
  formatDateTime,
  gradeLabel,
  headlineGradeText,
  listLabel,
  recordCategoryLabel,
  scaleExplanation,
  truncate,
} from '../screening/format.ts';
import {
  countStates,
  type DisplayState,
  displayState,
  rowNumbers,
  type TabRecord,
  type TabSubject,
} from '../screening/model.ts';
import type { Settings } from '../settings.ts';
import {
  download,
  Progress,
  rememberReportId,
  ServiceBanner,
  stamp,
  useModeRecord,
  useSettings,
  useTabRecord,
  useTargetTab,
  VerdictChip,
} from './common.tsx';
import type { ModePanel } from './mode-views.ts';
import './page-strings.ts';

type SortKey = 'order' | 'name' | 'grade' | 'verdict';
const VERDICT_ORDER: DisplayState[] = [
  'fail',
  'review',
  'unavailable',
  'invalid',
  'ambiguous',
  'not_found',
  'checking',
  'idle',
  'pass',
];
const FILTERS: Array<DisplayState | 'all'> = [
  'all',
  'pass',
  'review',
  'fail',
  'unavailable',
  'not_found',
  'invalid',
  'ambiguous',
  'checking',
];

const PANELS = [
  ...byMode(
    import.meta.glob<ModePanel>('../../modes/*/panel.tsx', { eager: true, import: 'panel' }),
  ).values(),
];

/**
 * The side panel.
 */
export function SidePanel(): JSX.Element {
  const settings = useSettings();
  const tab = useTargetTab();
  const record = useTabRecord(tab?.id ?? null);
  const own = useModeRecord(PANELS, tab?.id ?? null);
  const [subjectKey, setSubjectKey] = useState<string | null>(() =>
    new URLSearchParams(location.search).get('subject'),
  );

  if (!settings || record === undefined || own === undefined) return <main class="panel muted">…</main>;
  // A page of a mode with its own record (loan review) has that instead of a screening one.
  if (own) return <own.panel.View record={own.record} operator={settings.operator} initialKey={subjectKey} />;
  if (!record) {
    return (
      <main class="panel">
        <h1>{t('panel.title')}</h1>
        <p class="muted">{t('panel.no_page')}</p>
      </main>
    );
  }
  const entry = subjectKey ? record.subjects.find((s) => s.subject.key === subjectKey) : undefined;
  return (
    <main class="panel">
      <h1>{t('panel.title')}</h1>
      <PageHeader record={record} />
      {entry ? (
        <SubjectReport record={record} entry={entry} settings={settings} onBack={() => setSubjectKey(null)} />
      ) : (
        <BidderTable record={record} settings={settings} onOpen={setSubjectKey} />
      )}
    </main>
  );
}

function PageHeader({ record }: { record: TabRecord }): JSX.Element {
  return (
    <dl class="muted page-facts">
      <div>
        <dt>{t('panel.url')}</dt>
        <dd title={record.url}>{truncate(record.title || record.url, 60)}</dd>
      </div>
      <div>
        <dt>{t('panel.cutoff')}</dt>
        <dd>
          {record.cutoff.date}（{t(`cutoff.${record.cutoff.source}`)}）
        </dd>
      </div>
    </dl>
  );
}

// The headline grade as scale and symbol, for sorting by each scale's own order.
function headlineGradeOfEntry(entry: TabSubject): { scale: Grade['scale']; value: string } | null {
  return entry.result.state === 'done' ? headlineGrade(entry.result.summary) : null;
}

/**
 * Orders subjects by headline grade: each scale in its own order (AAA above AA+, tax M above
 * D), never by the symbols' text; subjects without a grade last.
 */
export function byGrade(a: TabSubject, b: TabSubject): number {
  const ga = headlineGradeOfEntry(a);
  const gb = headlineGradeOfEntry(b);
  if (ga && gb) return compareGrades(ga, gb);
  return ga ? -1 : gb ? 1 : 0;
}

function gradeOf(entry: TabSubject): string {
  return entry.result.state === 'done' ? (headlineGradeText(entry.result.summary) ?? '') : '';
}
function nameOf(entry: TabSubject): string {
  return entry.result.state === 'done' ? entry.result.summary.subject.name : (entry.subject.name ?? '');
}
function codeOf(entry: TabSubject): string {
  return entry.result.state === 'done'
    ? entry.result.summary.subject.uscc
    : (entry.subject.code?.value ?? entry.subject.invalid?.raw ?? '');
}

function BidderTable(props: {
  record: TabRecord;
  settings: Settings;
  onOpen: (key: string) => void;
}): JSX.Element {
  const { record } = props;
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'order', dir: 1 });
  const [filter, setFilter] = useState<DisplayState | 'all'>('all');
  const [hash, setHash] = useState<string | null>(null);
  // A mode may name its groups (a credit application's parties); a 联合体 otherwise.
  const named = modeById(record.mode)?.group;
  const groupTitle = (group: { id: string; name: string | null }) =>
    named
      ? `${localized(named.label)}${group.name ? `：${group.name}` : ''}`
      : t('panel.consortium', { name: group.name ?? group.id });
  const groupVerdict = (verdict: string) =>
    named ? `${localized(named.verdict)}：${verdict}` : t('panel.consortium_verdict', { verdict });

  const rows = useMemo(() => {
    const indexed = record.subjects.map((entry, order) => ({ entry, order }));
    const visible = indexed.filter(({ entry }) => filter === 'all' || displayState(entry.result) === filter);
    const value = ({ entry, order }: { entry: TabSubject; order: number }): string | number => {
      switch (sort.key) {
        case 'name':
          return nameOf(entry);
        case 'grade':
          return 0;
        case 'verdict':
          return VERDICT_ORDER.indexOf(displayState(entry.result));
        default:
          return order;
      }
    };
    return visible.sort((a, b) => {
      if (sort.key === 'grade') {
        const c = byGrade(a.entry, b.entry);
        return c === 0 ? a.order - b.order : c * sort.dir;
      }
      const va = value(a);
      const vb = value(b);
      const c =
        typeof va === 'number' && typeof vb === 'number'
          ? va - vb
          : String(va).localeCompare(String(vb), 'zh-CN');
      return c === 0 ? a.order - b.order : c * sort.dir;
    });
  }, [record, sort, filter]);

  // Consortium members stay together under their consortium's row, wherever the sort puts the first.
  const groups = useMemo(() => {
    const out: Array<{ consortium: TabRecord['consortia'][number] | null; rows: typeof rows }> = [];
    const seen = new Map<string, (typeof out)[number]>();
    for (const row of rows) {
      const id = row.entry.subject.consortium?.id;
      if (!id) {
        out.push({ consortium: null, rows: [row] });
        continue;
      }
      let group = seen.get(id);
      if (!group) {
        group = { consortium: record.consortia.find((c) => c.id === id) ?? null, rows: [] };
        seen.set(id, group);
        out.push(group);
      }
      group.rows.push(row);
    }
    return out;
  }, [rows, record.consortia]);

  const numbers = useMemo(() => rowNumbers(record.subjects), [record.subjects]);
  const counts = countStates(record.subjects);
  // A group whose members are all answered but has no verdict was never screened: say why.
  const groupState = (group: TabRecord['consortia'][number]): string => {
    if (group.screening) {
      const v = group.screening.verdict;
      return groupVerdict(t(`state.${v === 'incomplete' ? 'unavailable' : v}`));
    }
    const members = record.subjects.filter((s) => group.memberKeys.includes(s.subject.key));
    if (members.some((m) => m.result.state === 'checking' || m.result.state === 'idle'))
      return t('state.checking');
    const down = members.find((m) => m.result.state === 'unavailable')?.result;
    return down?.state === 'unavailable'
      ? t('panel.group_unavailable', { reason: localized(down.reason) })
      : groupVerdict(t('state.unavailable'));
  };

  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        onClick={() => setSort(sort.key === key ? { key, dir: sort.dir === 1 ? -1 : 1 } : { key, dir: 1 })}
      >
        {label}
        {sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );

  // Nothing checked on the page: no record to file.
  const empty = record.subjects.length === 0;
  // The record sealed for these results (the same one the printed page shows).
  const sealed = async () => savedEvidence(record, await pageEvidenceContext(props.settings, getLanguage()));
  const exportPage = async () => {
    const file = await sealed();
    setHash(file.digest.value);
    download(`xinjian-evidence-${stamp()}.json`, JSON.stringify(file, null, 2), 'application/json');
  };
  const exportCsv = async () => {
    const file = await sealed();
    const csv = tableCsv(file.record, named ? { groupLabel: localized(named.label) } : {});
    download(`xinjian-bidders-${stamp()}.csv`, csv, 'text/csv;charset=utf-8');
  };
  const print = () => {
    void browser.tabs.create({ url: browser.runtime.getURL(`/evidence.html?tab=${record.tabId}`) });
  };

  return (
    <section aria-label={t('panel.page')}>
      <h2>{t('panel.page')}</h2>
      <div class="toolbar">
        <label class="row">
          {t('panel.filter')}
          <select
            value={filter}
            data-testid="filter"
            onChange={(e) => setFilter((e.currentTarget as HTMLSelectElement).value as DisplayState | 'all')}
          >
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {f === 'all'
                  ? t('panel.filter_all')
                  : t(`state.${f === 'invalid' ? 'invalid_nochar' : f}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="primary" onClick={exportPage} disabled={empty}>
          {t('panel.export_json')}
        </button>
        <button type="button" onClick={exportCsv} disabled={empty}>
          {t('panel.export_csv')}
        </button>
        <button type="button" onClick={print} disabled={empty}>
          {t('panel.print')}
        </button>
      </div>
      <ServiceBanner subjects={record.subjects} />
      <Progress done={counts.total - counts.checking - counts.idle} total={counts.total - counts.idle} />
      {empty ? (
        <p class="muted" data-testid="empty">
          {t('panel.empty')}
        </p>
      ) : null}
      {hash ? (
        <p class="hash" data-testid="sha256">
          {t('panel.sha256')}: <span class="code">{hash}</span>
        </p>
      ) : null}
      <table class="data" data-testid="bidders">
        <thead>
          <tr>
            {header('order', '#')}
            {header('name', t('panel.col_name'))}
            {header('grade', t('panel.col_grade'))}
            {header('verdict', t('panel.col_verdict'))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <>
              {group.consortium ? (
                <tr class="group" key={`g-${group.consortium.id}`}>
                  <td colSpan={4}>
                    {groupTitle(group.consortium)}
                    {' · '}
                    {groupState(group.consortium)}
                  </td>
                </tr>
              ) : null}
              {group.rows.map(({ entry }) => (
                <tr
                  key={entry.subject.key}
                  data-key={entry.subject.key}
                  data-state={displayState(entry.result)}
                  data-group={entry.subject.consortium?.id}
                >
                  <td class="nowrap" data-testid="row-no">
                    {numbers.get(entry.subject.key) ?? '—'}
                  </td>
                  <td>
                    <button
                      type="button"
                      class="link"
                      onClick={() => props.onOpen(entry.subject.key)}
                      title={nameOf(entry)}
                    >
                      {truncate(nameOf(entry) || codeOf(entry), 60)}
                    </button>
                    <div class="code muted small">{codeOf(entry)}</div>
                    <div class="muted small">{t(`role.${entry.subject.role}`)}</div>
                  </td>
                  <td class="nowrap">{gradeOf(entry)}</td>
                  <td>
                    <VerdictChip result={entry.result} />
                  </td>
                </tr>
              ))}
              {group.consortium ? <PeopleRows record={record} group={group.consortium.id} /> : null}
            </>
          ))}
        </tbody>
      </table>
    </section>
  );
}

// The group's people (a borrower's 法定代表人), masked, with where their consent-gated lookup
// stands or the person's own verdict; their result counts in the group's verdict above.
function PeopleRows(props: { record: TabRecord; group: string }): JSX.Element {
  const people = (props.record.people ?? []).filter((p) => p.person.group === props.group);
  return (
    <>
      {people.map((p) => {
        const state = personDisplayState(p.result);
        return (
          <tr key={p.person.key} data-key={p.person.key} data-state={state} class="person">
            <td class="nowrap">—</td>
            <td>
              {personLine(p.person)}
              <div class="muted small">{auditLabel('role', p.person.role, getLanguage())}</div>
            </td>
            <td class="nowrap">—</td>
            <td>
              <span class={`chip s-${state}`}>{personStateLabel(state)}</span>
              {p.result.state === 'error' ? (
                <div class="muted small">{redactIds(localized(p.result.reason))}</div>
              ) : null}
            </td>
          </tr>
        );
      })}
    </>
  );
}

function SubjectReport(props: {
  record: TabRecord;
  entry: TabSubject;
  settings: Settings;
  onBack: () => void;
}): JSX.Element {
  const { record, entry } = props;
  const uscc = entry.result.state === 'done' ? entry.result.summary.subject.uscc : null;
  const [report, setReport] = useState<ReadyReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [hash, setHash] = useState<string | null>(null);

  useEffect(() => {
    if (!uscc) return;
    let alive = true;
    setReport(null);
    setError(null);
    send({ type: 'page:order-report', subjectId: uscc, tabId: record.tabId }).then(
      async (r) => {
        await rememberReportId(uscc, r.id);
        if (alive) setReport(r);
      },
      (e: unknown) => alive && setError(localized(describeError(e))),
    );
    return () => {
      alive = false;
    };
  }, [uscc]);

  const exportOne = async () => {
    const file = await savedEvidence(record, await pageEvidenceContext(props.settings, getLanguage()), {
      only: entry.subject.key,
    });
    setHash(file.digest.value);
    download(
      `xinjian-evidence-${fileSafe(file.record.subjects[0]?.code ?? entry.subject.key)}-${stamp()}.json`,
      JSON.stringify(file, null, 2),
      'application/json',
    );
  };

  const result = entry.result;
  const content = report?.content.subjectType === 'enterprise' ? report.content : null;
  return (
    <section class="report" aria-label={t('panel.report')}>
      <button type="button" onClick={props.onBack}>
        ← {t('panel.back')}
      </button>
      <h2>{nameOf(entry) || codeOf(entry)}</h2>
      <div class="code muted">{codeOf(entry)}</div>
      <div class="row">
        {gradeOf(entry) ? <strong>{gradeOf(entry)}</strong> : null}
        <VerdictChip result={result} />
      </div>
      {result.state === 'done' ? (
        <>
          <h3>{t('card.reasons')}</h3>
          <ul>
            {result.screening.findings.map((f) => (
              <li key={`${f.code}-${f.record?.id ?? ''}`}>
                [{t(`severity.${f.severity === 'missing' ? 'review' : f.severity}` as MessageKey)}]{' '}
                {localized(f.message)}
                <div class="muted">
                  <Citations citations={f.citations} />
                </div>
              </li>
            ))}
            {result.screening.findings.length === 0 ? <li class="muted">{t('panel.no_records')}</li> : null}
          </ul>
        </>
      ) : null}
      <div class="toolbar">
        <button type="button" class="primary" onClick={exportOne}>
          {t('panel.export_one')}
        </button>
        <button
          type="button"
          onClick={() =>
            void browser.tabs.create({
              url: browser.runtime.getURL(
                `/evidence.html?tab=${record.tabId}&subject=${encodeURIComponent(entry.subject.key)}`,
              ),
            })
          }
        >
          {t('panel.print')}
        </button>
      </div>
      {hash ? (
        <p class="hash" data-testid="sha256">
          {t('panel.sha256')}: <span class="code">{hash}</span>
        </p>
      ) : null}
      <h2>{t('panel.report')}</h2>
      {!uscc ? <p class="muted">{t('card.not_found_detail')}</p> : null}
      {uscc && !report && !error ? <p class="muted">{t('panel.report_loading')}</p> : null}
      {error ? <p class="error">{t('panel.report_failed', { reason: error })}</p> : null}
      {report && content ? (
        <div data-testid="report">
          <p class="muted">
            {t('panel.report_id', { id: report.id })} · {formatDateTime(report.readyAt)}
          </p>
          <h3>{t('panel.section_subject')}</h3>
          <dl>
            <dt>{t('panel.col_name')}</dt>
            <dd>{content.subject.name}</dd>
            <dt>{t('card.uscc')}</dt>
            <dd class="code">{content.subject.uscc}</dd>
            <dt>{t('panel.org_code')}</dt>
            <dd class="code">{content.subject.orgCode}</dd>
            <dt>{t('panel.region')}</dt>
            <dd>{content.subject.region.name}</dd>
            <dt>{t('panel.established')}</dt>
            <dd>{content.subject.establishedAt}</dd>
            <dt>{t('panel.status')}</dt>
            <dd>{t(`subject_status.${content.subject.status}`)}</dd>
          </dl>
          <h3>{t('panel.section_grades')}</h3>
          <ul>
            {content.grades.map((g) => (
              <li key={`${g.scale}-${g.ratedAt}-${g.value}`}>
                {gradeLabel(g)}{' '}
                <span class="muted">
                  {localized(g.issuer.name)} · {g.ratedAt}
                  {g.issuer.filingNo ? ` · ${t('card.filing', { no: g.issuer.filingNo })}` : null}
                </span>
                <div class="muted small">{scaleExplanation(g.scale)}</div>
              </li>
            ))}
            {content.grades.length === 0 ? <li class="muted">{t('panel.no_records')}</li> : null}
          </ul>
          <h3>{t('panel.section_lists')}</h3>
          <ul>
            {content.lists.map((l) => (
              <li key={`${l.list}-${l.since}`}>
                {l.kind === 'black' ? '■' : '□'} {listLabel(l.list)} {l.since}
                {l.until ? ` – ${l.until}` : ''}
                {l.active ? '' : ` ${t('card.list_inactive')}`}
              </li>
            ))}
            {content.lists.length === 0 ? <li class="muted">{t('panel.no_records')}</li> : null}
          </ul>
          <h3>{t('panel.section_records')}</h3>
          <RecordList records={content.records} />
          <h3>{t('panel.section_sources')}</h3>
          <ul>
            {content.sources.map((s) => (
              <li key={s.channel}>
                {channelLabel(s.channel)} ·{' '}
                {s.status === 'ok'
                  ? formatDateTime(s.fetchedAt)
                  : t('card.channel_unavailable', { channel: channelLabel(s.channel) })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function RecordList({ records }: { records: readonly CreditRecord[] }): JSX.Element {
  if (records.length === 0) return <p class="muted">{t('panel.no_records')}</p>;
  const byCategory = new Map<string, CreditRecord[]>();
  for (const r of records) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  return (
    <>
      {[...byCategory].map(([category, list]) => (
        <details key={category} open={list.length <= 3}>
          <summary>
            {recordCategoryLabel(category)}
            {t('panel.paren', { text: String(list.length) })}
          </summary>
          <ul>
            {list.map((r) => (
              <li key={r.id}>{truncate(recordLine(r), 160)}</li>
            ))}
          </ul>
        </details>
      ))}
    </>
  );
}

// The SDK's one line for a record (date, category, kind and outcome, authority, what happened),
// so a blacklist entry never reads like an award; a penalty adds its amount.
function recordLine(r: CreditRecord): string {
  const line = describeRecord(r, getLanguage() === 'en' ? 'en' : 'zh');
  return r.category === 'administrative_penalty' && r.amountYuan
    ? `${line}${t('panel.amount', { amount: r.amountYuan.toLocaleString('zh-CN') })}`
    : line;
}

function fileSafe(text: string): string {
  return text.replace(/[^0-9A-Za-z]+/g, '_').slice(0, 40) || 'subject';
}

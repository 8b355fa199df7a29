/**
 * Procurement's preview and card, drawn in the card frame (docs/decisions/0024), never in the
 * page. Verdict first: the verdict (icon, word and colour) is the strongest element, the
 * headline grade follows with its scale, and the card explains each grade's scale and issuer.
 * Every string from the API is rendered as a text node, never as HTML.
 */
import type { RatingSummary } from '@xinjian/sdk';
import { describeRecord, recordOutcome } from '@xinjian/sdk/labels';
import type { JSX } from 'preact';
import { getLanguage, localized, t } from '../i18n.ts';
import type { FrameBodyProps } from '../overlay/frame-app.tsx';
import { Citations } from './citations.tsx';
import {
  badgeText,
  channelLabel,
  formatDateTime,
  gradeLabel,
  listLabel,
  scaleExplanation,
  stateIcon,
  truncate,
  unavailableReason,
} from './format.ts';
import { type DisplayState, displayState, type PageSubject, type SubjectResult } from './model.ts';

/** What the content script sends the frame about one procurement subject. */
export interface ScreeningCardProps {
  subject: PageSubject;
  result: SubjectResult;
  cutoff: { date: string; source: 'page' | 'fixed' | 'today' } | null;
}

/** What the officer can do in a procurement card. */
export type ScreeningAction = { name: 'lookup' } | { name: 'pick'; uscc: string } | { name: 'openReport' };

/** The card's props with its actions bound. */
export interface BadgeProps extends ScreeningCardProps {
  /** Look the subject up now (lookup-on-click mode). */
  onLookup: () => void;
  /** Resolve an ambiguous name to this candidate. */
  onPick: (uscc: string) => void;
  /** Open the side panel on this subject. */
  onOpenReport: () => void;
}

/**
 * The accessible name of a preview and a card: subject, verdict and grade in one sentence.
 */
export function badgeLabel(subject: PageSubject, result: SubjectResult): string {
  const state = displayState(result);
  const { grade, verdict } = badgeText(result, state);
  return t('badge.label', {
    name: truncate(subjectName(subject, result), 40),
    grade: grade ?? t('badge.no_grade'),
    verdict,
  });
}

/**
 * The preview's text as the officer reads it: icon, verdict, then the headline grade.
 */
export function previewText(subject: PageSubject, result: SubjectResult): string {
  void subject;
  const state = displayState(result);
  const { grade, verdict } = badgeText(result, state);
  return `${stateIcon(state)}${verdict}${grade ? `·${grade}` : ''}`;
}

function subjectName(subject: PageSubject, result: SubjectResult): string {
  return (
    (result.state === 'done' ? result.summary.subject.name : null) ??
    subject.name ??
    subject.code?.value ??
    subject.invalid?.raw ??
    ''
  );
}

/**
 * The frame body of procurement mode: the preview on focus, the card on Enter.
 */
export function ScreeningFrameBody({ view, props, act }: FrameBodyProps): JSX.Element {
  const p = props as ScreeningCardProps;
  const state = displayState(p.result);
  if (view === 'preview') return <Preview {...p} state={state} />;
  return (
    <div class="card" role="dialog" aria-label={badgeLabel(p.subject, p.result)} tabIndex={-1}>
      <Card
        {...p}
        state={state}
        onLookup={() => act({ name: 'lookup' } satisfies ScreeningAction)}
        onPick={(uscc) => act({ name: 'pick', uscc } satisfies ScreeningAction)}
        onOpenReport={() => act({ name: 'openReport' } satisfies ScreeningAction)}
      />
    </div>
  );
}

// One line: the verdict strongest, then the grade, then whose it is. A status region, so a
// screen reader announces it when the officer tabs onto a marker.
function Preview(props: ScreeningCardProps & { state: DisplayState }): JSX.Element {
  const { grade, verdict } = badgeText(props.result, props.state);
  return (
    <div
      class={`preview s-${props.state}`}
      role="status"
      aria-live="polite"
      aria-label={badgeLabel(props.subject, props.result)}
    >
      <span class="chip">
        <span class="icon" aria-hidden="true">
          {stateIcon(props.state)}
        </span>
        <strong class="verdict">{verdict}</strong>
        {grade ? (
          <>
            <span class="sep" aria-hidden="true">
              ·
            </span>
            <span class="grade">{grade}</span>
          </>
        ) : null}
      </span>
      <span class="name">{truncate(subjectName(props.subject, props.result), 40)}</span>
    </div>
  );
}

function Card(props: BadgeProps & { state: DisplayState }): JSX.Element {
  const { subject, result, state } = props;
  const summary = result.state === 'done' ? result.summary : null;
  const name = summary?.subject.name ?? subject.name ?? subject.code?.value ?? subject.invalid?.raw ?? '';
  const uscc = summary?.subject.uscc ?? (subject.code?.kind === 'uscc' ? subject.code.value : null);
  const { verdict } = badgeText(result, state);
  return (
    <>
      <div class="verdict-block">
        <div class="eyebrow">{t('card.verdict')}</div>
        <div class={`verdict-line big s-${state}`}>
          <span aria-hidden="true">{stateIcon(state)}</span>
          <span>{verdict}</span>
        </div>
      </div>
      <h2 title={truncate(name, 200)}>{truncate(name, 60)}</h2>
      {uscc ? (
        <div class="code">
          {t('card.uscc')} {uscc}
        </div>
      ) : subject.code ? (
        <div class="code">{subject.code.value}</div>
      ) : null}
      {subject.consortium ? (
        <div class="muted">
          {t('panel.consortium', { name: subject.consortium.name ?? subject.consortium.id })}
        </div>
      ) : null}
      <Details {...props} />
    </>
  );
}

function Details(props: BadgeProps & { state: DisplayState }): JSX.Element | null {
  const { result, cutoff } = props;
  switch (result.state) {
    case 'idle':
      return (
        <div class="actions">
          <button type="button" class="primary" onClick={props.onLookup}>
            {t('card.lookup_now')}
          </button>
        </div>
      );
    case 'checking':
      return null;
    case 'invalid':
      return <p class="muted">{t('card.invalid_detail')}</p>;
    case 'not_found':
      return <p class="muted">{t('card.not_found_detail')}</p>;
    case 'unavailable':
      return (
        <p class="muted">
          {t('card.unavailable_detail', { reason: localized(result.reason) })}
          {result.retryAt ? ` ${t('card.retry_scheduled')}` : ''}
        </p>
      );
    case 'ambiguous':
      return (
        <div class="candidates">
          <p class="muted">{t('card.pick')}</p>
          {result.candidates.map((c) => (
            <button key={c.subject.id} type="button" onClick={() => props.onPick(c.subject.uscc)}>
              {t('card.pick_item', {
                name: truncate(c.subject.name, 40),
                region: truncate(c.subject.region.name, 20),
                uscc: c.subject.uscc,
              })}
            </button>
          ))}
        </div>
      );
    case 'done': {
      const { summary, screening, match } = result;
      const findings = screening.findings.filter((f) => f.severity !== 'info');
      const unavailableText = unavailableReason(result);
      return (
        <>
          <div class="actions">
            <button type="button" class="primary" onClick={props.onOpenReport}>
              {t('card.open_report')}
            </button>
          </div>
          {findings.length > 0 || unavailableText ? (
            <>
              <h3>{t('card.reasons')}</h3>
              <ul>
                {unavailableText ? <li class="sev-missing">{unavailableText}</li> : null}
                {findings.map((f) => (
                  <li key={`${f.code}-${f.record?.id ?? ''}`} class={`sev-${f.severity}`}>
                    {truncate(localized(f.message), 200)}
                    {f.citations.length > 0 ? (
                      <div class="cite">
                        <Citations citations={f.citations} />
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {cutoff ? (
            <div class="muted">
              {t('card.cutoff', { date: cutoff.date, source: t(`cutoff.${cutoff.source}`) })}
            </div>
          ) : null}
          {match ? (
            <div class="muted">
              {t('card.match', {
                type: t(`match.${match.matchType}`),
                pct: Math.round(match.confidence * 100),
              })}
            </div>
          ) : null}
          <h3>{t('card.grades')}</h3>
          {summary.grades.length === 0 ? (
            <div class="muted">{t('badge.no_grade')}</div>
          ) : (
            <ul>
              {summary.grades.map((g) => (
                <li key={`${g.scale}-${g.ratedAt}-${g.value}`}>
                  <span class="grade">{gradeLabel(g)}</span>{' '}
                  <span class="muted">
                    {t('card.issuer_year', {
                      issuer: truncate(localized(g.issuer.name), 30),
                      date: 'year' in g ? String(g.year) : g.ratedAt,
                    })}
                    {g.issuer.filingNo ? ` · ${t('card.filing', { no: g.issuer.filingNo })}` : null}
                  </span>
                  <div class="scale">{scaleExplanation(g.scale)}</div>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('card.lists')}</h3>
          {summary.lists.length === 0 ? (
            <div class="muted">{t('card.no_lists')}</div>
          ) : (
            <ul>
              {summary.lists.map((l) => (
                <li key={`${l.list}-${l.since}`} class={l.active && l.kind === 'black' ? 'sev-bar' : ''}>
                  {l.kind === 'black' ? '■ ' : '□ '}
                  {listLabel(l.list)} {t('card.list_since', { since: l.since })}
                  {l.until ? ` ${t('card.list_until', { until: l.until })}` : ''}
                  {l.active ? '' : ` ${t('card.list_inactive')}`}
                </li>
              ))}
            </ul>
          )}
          <RecordLines records={summary.records} />
          <h3>{t('card.freshness')}</h3>
          <div class="muted">{t('card.last_updated', { time: formatDateTime(summary.lastUpdated) })}</div>
          <ul class="muted">
            {summary.sources.map((s) => (
              <li key={s.channel}>
                {s.status === 'ok'
                  ? t('card.fetched_at', {
                      channel: channelLabel(s.channel),
                      time: formatDateTime(s.fetchedAt),
                    })
                  : `${t('card.channel_unavailable', { channel: channelLabel(s.channel) })}${s.reason ? `（${truncate(s.reason, 60)}）` : ''}`}
              </li>
            ))}
          </ul>
        </>
      );
    }
  }
}

/** Records a card lists before it sends the officer to the full report. */
const CARD_RECORDS = 5;

/**
 * What is on record, each with its category, kind and outcome (the SDK's line), adverse first:
 * an award reads as an award, and a record the pack only notes is still seen. (A summary
 * carries the screening categories only: tax grades are the grades above.)
 */
function RecordLines(props: { records: RatingSummary['records'] }): JSX.Element | null {
  const lang = getLanguage() === 'en' ? 'en' : 'zh';
  const shown = props.records
    .map((r, i) => ({ r, i, adverse: recordOutcome(r).tone === 'negative' }))
    .sort((a, b) => Number(b.adverse) - Number(a.adverse) || a.i - b.i);
  if (shown.length === 0) return null;
  return (
    <>
      <h3>{t('card.records')}</h3>
      <ul data-testid="records">
        {shown.slice(0, CARD_RECORDS).map(({ r, adverse }) => (
          <li key={r.id} class={adverse ? 'sev-review' : ''}>
            {truncate(describeRecord(r, lang), 120)}
          </li>
        ))}
      </ul>
      {shown.length > CARD_RECORDS ? (
        <div class="muted" data-testid="records-more">
          {t('card.records_more', { n: shown.length - CARD_RECORDS })}
        </div>
      ) : null}
    </>
  );
}

/**
 * The badge next to a subject and the card it opens: grade with its scale, and the verdict as
 * icon, word and colour. Keyboard: Tab reaches the badge, Enter or Space opens the card,
 * Escape closes it. Every string from the API is rendered as a text node, never as HTML.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  badgeText,
  channelLabel,
  formatDateTime,
  gradeLabel,
  listLabel,
  stateIcon,
  truncate,
  unavailableReason,
} from '../lib/format.ts';
import { localized, t } from '../lib/i18n.ts';
import { type DisplayState, displayState, type PageSubject, type SubjectResult } from '../lib/model.ts';

/**
 * What a badge shows and what it can ask for.
 *
 * @example
 * ```ts
 * render(<Badge {...props} />, container);
 * ```
 */
export interface BadgeProps {
  subject: PageSubject;
  result: SubjectResult;
  cutoff: { date: string; source: 'page' | 'fixed' | 'today' } | null;
  /** Look the subject up now (lookup-on-click mode). */
  onLookup: () => void;
  /** Resolve an ambiguous name to this candidate. */
  onPick: (uscc: string) => void;
  /** Open the side panel on this subject. */
  onOpenReport: () => void;
  /** Reports open/closed so the registry can tell tests and close other cards. */
  onCardChange?: (open: boolean) => void;
}

const HOVER_OPEN_MS = 200;
const HOVER_CLOSE_MS = 250;

/**
 * The accessible name of a badge: subject, grade and verdict in one sentence.
 *
 * @example
 * ```ts
 * badgeLabel(subject, result); // '北京示例科技有限公司：AA+ 主体评级，通过'
 * ```
 */
export function badgeLabel(subject: PageSubject, result: SubjectResult): string {
  const state = displayState(result);
  const { grade, verdict } = badgeText(result, state);
  const name =
    (result.state === 'done' ? result.summary.subject.name : null) ??
    subject.name ??
    subject.code?.value ??
    subject.invalid?.raw ??
    '';
  return t('badge.label', { name: truncate(name, 40), grade: grade ?? t('badge.no_grade'), verdict });
}

/**
 * One badge and its card.
 *
 * @example
 * ```ts
 * <Badge subject={s} result={{ state: 'checking', attempt: 0 }} cutoff={null} onLookup={…} onPick={…} onOpenReport={…} />
 * ```
 */
export function Badge(props: BadgeProps): JSX.Element {
  const { subject, result } = props;
  const state = displayState(result);
  const { grade, verdict } = badgeText(result, state);
  const [open, setOpen] = useState(false);
  const badgeRef = useRef<HTMLSpanElement>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  const hoverTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const cardId = useRef(`xj-card-${Math.random().toString(36).slice(2)}`).current;

  const setCard = (next: boolean) => {
    clearTimeout(hoverTimer.current);
    setOpen(next);
  };
  const hoverTo = (next: boolean) => {
    clearTimeout(hoverTimer.current);
    hoverTimer.current = setTimeout(() => setOpen(next), next ? HOVER_OPEN_MS : HOVER_CLOSE_MS);
  };

  useEffect(() => props.onCardChange?.(open), [open]);
  useEffect(() => () => clearTimeout(hoverTimer.current), []);
  useCardPlacement(open, badgeRef, cardRef);

  const activate = () => {
    if (result.state === 'idle') props.onLookup();
    setCard(true);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate();
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setCard(false);
    }
  };
  const onCardKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      setCard(false);
      badgeRef.current?.focus();
    }
  };
  // Close when focus leaves both the badge and the card.
  const onBlur = (e: FocusEvent) => {
    const next = e.relatedTarget as Node | null;
    if (next && (badgeRef.current?.contains(next) || cardRef.current?.contains(next))) return;
    hoverTo(false);
  };

  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: the badge sits inside the page's running text; a span with role="button" keeps its inline box while the keyboard contract (Enter/Space open, Escape closes) is ours */}
      <span
        ref={badgeRef}
        class={`badge s-${state}`}
        role="button"
        tabIndex={0}
        aria-label={badgeLabel(subject, result)}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={cardId}
        data-state={state}
        onClick={activate}
        onKeyDown={onKeyDown}
        onFocus={() => setCard(true)}
        onBlur={onBlur}
        onMouseEnter={() => hoverTo(true)}
        onMouseLeave={() => hoverTo(false)}
      >
        <span class="icon" aria-hidden="true">
          {stateIcon(state)}
        </span>
        {grade ? <span class="grade">{grade}</span> : null}
        {grade ? (
          <span class="sep" aria-hidden="true">
            ·
          </span>
        ) : null}
        <span class="verdict">{verdict}</span>
      </span>
      <div
        ref={cardRef}
        id={cardId}
        class="card"
        role="dialog"
        aria-label={badgeLabel(subject, result)}
        hidden={!open}
        onKeyDown={onCardKeyDown}
        onFocusOut={onBlur}
        onMouseEnter={() => hoverTo(true)}
        onMouseLeave={() => hoverTo(false)}
      >
        {open ? <Card {...props} state={state} /> : null}
      </div>
    </>
  );
}

// The card lives in the top layer (popover) when the browser has it, so page overflow and
// z-index cannot clip it; it is placed under the badge and kept in the viewport.
function useCardPlacement(
  open: boolean,
  badgeRef: { current: HTMLElement | null },
  cardRef: { current: HTMLElement | null },
): void {
  useEffect(() => {
    const card = cardRef.current;
    const badge = badgeRef.current;
    if (!open || !card || !badge) return;
    const popover = typeof card.showPopover === 'function';
    if (popover) {
      card.setAttribute('popover', 'manual');
      card.showPopover();
    }
    const place = () => {
      const r = badge.getBoundingClientRect();
      const width = card.offsetWidth || 360;
      const height = card.offsetHeight || 0;
      const left = Math.max(8, Math.min(r.left, window.innerWidth - width - 8));
      const below = r.bottom + 6;
      const top = below + height > window.innerHeight && r.top - height - 6 > 8 ? r.top - height - 6 : below;
      card.style.left = `${left}px`;
      card.style.top = `${top}px`;
    };
    place();
    window.addEventListener('scroll', place, { passive: true, capture: true });
    window.addEventListener('resize', place, { passive: true });
    return () => {
      window.removeEventListener('scroll', place, { capture: true });
      window.removeEventListener('resize', place);
      if (popover && card.matches(':popover-open')) card.hidePopover();
    };
  }, [open]);
}

function Card(props: BadgeProps & { state: DisplayState }): JSX.Element {
  const { subject, result, state } = props;
  const summary = result.state === 'done' ? result.summary : null;
  const name = summary?.subject.name ?? subject.name ?? subject.code?.value ?? subject.invalid?.raw ?? '';
  const uscc = summary?.subject.uscc ?? (subject.code?.kind === 'uscc' ? subject.code.value : null);
  const { verdict } = badgeText(result, state);
  return (
    <>
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
      <h3>{t('card.verdict')}</h3>
      <div class={`verdict-line s-${state}`}>
        <span aria-hidden="true">{stateIcon(state)}</span>
        <span>{verdict}</span>
      </div>
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
                        {f.citations
                          .map((c) => `${c.documentNo}${c.article ? ` ${c.article}` : ''}`)
                          .join('；')}
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
                  </span>
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

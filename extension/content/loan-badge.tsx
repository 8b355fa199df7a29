/**
 * One loan badge and its card. The badge shows the borrower's state (需授权确认, 查询中, or the
 * verdict: icon, word and colour). The card holds the consent dialog until the officer has
 * confirmed the authorization, then the verdict under its rule pack with the findings and the
 * months that triggered them, and the report's key facts. Keyboard: Tab reaches the badge,
 * Enter or Space opens the card (focus moves into the dialog), Escape closes it. Every string
 * is rendered as text, never as HTML; people appear masked only.
 */
import { Fragment, type JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ConsentError, ConsentEvent, ConsentState } from '../lib/consent.ts';
import { formatDateTime } from '../lib/format.ts';
import { localized } from '../lib/i18n.ts';
import {
  borrowerLine,
  cardFindings,
  factLines,
  loanBadgeLabel,
  loanStateIcon,
  loanStateLabel,
  packLine,
  packSource,
} from '../lib/loan-format.ts';
import { lt } from '../lib/loan-i18n.ts';
import {
  type LoanBorrowerRef,
  type LoanPageInfo,
  type LoanResult,
  loanDisplayState,
} from '../lib/loan-model.ts';
import { redactIds } from '../lib/personal.ts';

/** Styles added to the badge sheet for the loan states and the consent form. */
export const LOAN_BADGE_CSS = `
.s-consent { color: #0a4fa3; background: #ddf4ff; }
.s-eligible { color: #116329; background: #dafbe1; }
.s-ineligible { color: #a40e26; background: #ffebe9; }
.s-incomplete, .s-error { color: #424a53; background: #eef1f4; border-style: dashed; }
.card .close { float: right; margin: -4px -6px 0 6px; padding: 0 6px; }
.card form { margin: 6px 0 0; display: grid; gap: 8px; }
.card label.check { display: flex; gap: 6px; align-items: flex-start; }
.card label.field { display: grid; gap: 2px; }
.card input[type="text"], .card input[type="date"] {
  font: inherit; padding: 3px 6px; border: 1px solid #8c959f; border-radius: 6px; color: #1f2328; background: #fff;
}
.card input:focus-visible { outline: 2px solid #0b57d0; outline-offset: 1px; }
.card input[aria-invalid="true"] { border-color: #a40e26; }
.card .errors { color: #a40e26; margin: 0; }
.card dl.facts { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0; }
.card dl.facts dt { color: #59636e; }
.card dl.facts dd { margin: 0; }
`;

/**
 * What a loan badge shows and what it can ask for.
 *
 * @example
 * ```ts
 * render(<LoanBadge {...props} />, container);
 * ```
 */
export interface LoanBadgeProps {
  borrower: LoanBorrowerRef;
  result: LoanResult;
  consent: ConsentState;
  page: LoanPageInfo | null;
  onConsent: (event: ConsentEvent) => void;
  onRetry: () => void;
  onOpenPanel: () => void;
  onCardChange?: (open: boolean) => void;
}

/**
 * The badge and its card.
 *
 * @example
 * ```ts
 * <LoanBadge borrower={ref} result={{ state: 'consent' }} consent={{ step: 'required' }} page={null} onConsent={…} onRetry={…} onOpenPanel={…} />
 * ```
 */
export function LoanBadge(props: LoanBadgeProps): JSX.Element {
  const { borrower, result } = props;
  const state = loanDisplayState(result);
  const [open, setOpen] = useState(false);
  const badgeRef = useRef<HTMLSpanElement>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  const cardId = useRef(`xj-loan-${Math.random().toString(36).slice(2)}`).current;

  useEffect(() => props.onCardChange?.(open), [open]);
  useCardPlacement(open, badgeRef, cardRef);

  const today = props.page?.today ?? new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const openCard = () => {
    if (props.consent.step === 'required' && result.state === 'consent')
      props.onConsent({ type: 'open', today });
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    if (props.consent.step === 'editing') props.onConsent({ type: 'cancel' });
    setOpen(false);
    if (refocus) badgeRef.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (open) close(false);
      else openCard();
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close(false);
    }
  };
  const onCardKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    }
  };

  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: the badge sits in the page's running text; a span with role="button" keeps its inline box while the keyboard contract (Enter/Space open, Escape closes) is ours */}
      <span
        ref={badgeRef}
        class={`badge s-${state}`}
        role="button"
        tabIndex={0}
        aria-label={loanBadgeLabel(borrower, result)}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={cardId}
        data-state={state}
        onClick={() => (open ? close(false) : openCard())}
        onKeyDown={onKeyDown}
      >
        <span class="icon" aria-hidden="true">
          {loanStateIcon(state)}
        </span>
        <span class="verdict">{loanStateLabel(state)}</span>
      </span>
      <div
        ref={cardRef}
        id={cardId}
        class="card"
        role="dialog"
        aria-label={loanBadgeLabel(borrower, result)}
        hidden={!open}
        onKeyDown={onCardKeyDown}
      >
        {open ? (
          <Card
            {...props}
            today={today}
            onClose={() => close(true)}
            focusBadge={() => badgeRef.current?.focus()}
          />
        ) : null}
      </div>
    </>
  );
}

// The card sits in the top layer (popover) so page overflow and z-index cannot clip it. A layout
// effect: the card must be showing before the dialog's own effect moves the focus into it.
function useCardPlacement(
  open: boolean,
  badgeRef: { current: HTMLElement | null },
  cardRef: { current: HTMLElement | null },
): void {
  useLayoutEffect(() => {
    const card = cardRef.current;
    const badge = badgeRef.current;
    if (!open || !card || !badge) return;
    const popover = typeof card.showPopover === 'function';
    if (popover) {
      card.setAttribute('popover', 'manual');
      card.showPopover();
    }
    // Below the badge when it fits, else above; when neither fits, on the roomier side with the
    // card's own scrolling taking the rest (the card scrolls, the page does not have to).
    const place = () => {
      const r = badge.getBoundingClientRect();
      const width = card.offsetWidth || 360;
      const cap = Math.min(window.innerHeight * 0.7, 520);
      const wanted = Math.min(card.scrollHeight, cap);
      const below = window.innerHeight - r.bottom - 14;
      const above = r.top - 14;
      const onTop = wanted > below && (wanted <= above || above > below);
      const room = Math.max(120, Math.floor(Math.min(cap, onTop ? above : below)));
      // The limit is the room on that side, not the current content: the card can still grow.
      if (card.style.maxHeight !== `${room}px`) card.style.maxHeight = `${room}px`;
      card.style.left = `${Math.max(8, Math.min(r.left, window.innerWidth - width - 8))}px`;
      card.style.top = `${onTop ? Math.max(8, r.top - 6 - Math.min(wanted, room)) : r.bottom + 6}px`;
    };
    place();
    window.addEventListener('scroll', place, { passive: true, capture: true });
    window.addEventListener('resize', place, { passive: true });
    // The card changes height (dialog, then checking, then the verdict): place it again.
    const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(place) : null;
    resized?.observe(card);
    return () => {
      resized?.disconnect();
      window.removeEventListener('scroll', place, { capture: true });
      window.removeEventListener('resize', place);
      if (popover && card.matches(':popover-open')) card.hidePopover();
    };
  }, [open]);
}

function Card(
  props: LoanBadgeProps & { today: string; onClose: () => void; focusBadge: () => void },
): JSX.Element {
  const { borrower, result, consent } = props;
  const state = loanDisplayState(result);
  return (
    <>
      <button type="button" class="close" aria-label="×" onClick={props.onClose}>
        ×
      </button>
      <h2>{borrowerLine(borrower)}</h2>
      {consent.step === 'editing' ? (
        <ConsentForm {...props} draftState={consent} />
      ) : (
        <>
          <h3>{lt('card.verdict')}</h3>
          <div class={`verdict-line s-${state}`}>
            <span aria-hidden="true">{loanStateIcon(state)}</span>
            <span>{loanStateLabel(state)}</span>
          </div>
          <Details {...props} />
        </>
      )}
    </>
  );
}

function ConsentForm(
  props: LoanBadgeProps & {
    today: string;
    focusBadge: () => void;
    draftState: Extract<ConsentState, { step: 'editing' }>;
  },
): JSX.Element {
  const { draft, errors } = props.draftState;
  const first = useRef<HTMLInputElement>(null);
  const titleId = useRef(`xj-consent-${Math.random().toString(36).slice(2)}`).current;
  useEffect(() => first.current?.focus(), []);
  const has = (...e: ConsentError[]) => errors.some((x) => e.includes(x));
  const submit = (e: Event) => {
    e.preventDefault();
    props.onConsent({ type: 'submit', today: props.today, now: new Date().toISOString() });
  };
  // Once granted the form is gone: keep the focus on the badge rather than losing it.
  useEffect(() => () => props.focusBadge(), []);
  return (
    <form onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h3 id={titleId}>{lt('consent.title')}</h3>
      <p class="muted">{lt('consent.intro')}</p>
      <div>
        {lt('consent.purpose')}：<strong>{lt('purpose.housing_fund_loan')}</strong>
      </div>
      <label class="check">
        <input
          ref={first}
          type="checkbox"
          name="purposeConfirmed"
          checked={draft.purposeConfirmed}
          aria-invalid={has('purpose')}
          onChange={(e) =>
            props.onConsent({
              type: 'edit',
              patch: { purposeConfirmed: (e.currentTarget as HTMLInputElement).checked },
            })
          }
        />
        <span>{lt('consent.confirm')}</span>
      </label>
      <label class="field">
        <span>{lt('consent.reference')}</span>
        <input
          type="text"
          name="reference"
          autocomplete="off"
          maxLength={100}
          value={draft.reference}
          aria-invalid={has('reference', 'reference_long', 'reference_id')}
          onInput={(e) =>
            props.onConsent({
              type: 'edit',
              patch: { reference: (e.currentTarget as HTMLInputElement).value },
            })
          }
        />
      </label>
      <label class="field">
        <span>{lt('consent.granted_at')}</span>
        <input
          type="date"
          name="grantedAt"
          max={props.today}
          value={draft.grantedAt}
          aria-invalid={has('date', 'date_future')}
          onInput={(e) =>
            props.onConsent({
              type: 'edit',
              patch: { grantedAt: (e.currentTarget as HTMLInputElement).value },
            })
          }
        />
      </label>
      {errors.length > 0 ? (
        <ul class="errors" role="alert">
          {errors.map((e) => (
            <li key={e}>{lt(`consent.error.${e}`)}</li>
          ))}
        </ul>
      ) : null}
      <div class="actions">
        <button type="submit" class="primary">
          {lt('consent.submit')}
        </button>
        <button type="button" onClick={() => props.onConsent({ type: 'cancel' })}>
          {lt('consent.cancel')}
        </button>
      </div>
    </form>
  );
}

function Details(props: LoanBadgeProps & { today: string }): JSX.Element | null {
  const { result, consent } = props;
  const grant = consent.step === 'granted' ? consent.consent : null;
  const authorization = grant ? (
    <div class="muted">
      {lt('card.authorization', { reference: redactIds(grant.reference), date: grant.grantedAt })}
    </div>
  ) : null;
  switch (result.state) {
    case 'consent':
      return (
        <>
          <p class="muted">{lt('card.consent_needed')}</p>
          <div class="actions">
            <button
              type="button"
              class="primary"
              onClick={() => props.onConsent({ type: 'open', today: props.today })}
            >
              {lt('card.start_consent')}
            </button>
          </div>
        </>
      );
    case 'checking':
      return authorization;
    case 'error':
      return (
        <>
          <p class="muted">{lt('card.error_detail', { reason: redactIds(localized(result.reason)) })}</p>
          {authorization}
          {grant ? (
            <div class="actions">
              <button type="button" class="primary" onClick={props.onRetry}>
                {lt('card.retry')}
              </button>
            </div>
          ) : null}
        </>
      );
    case 'done': {
      const findings = cardFindings(result.review.findings);
      return (
        <>
          <div class="actions">
            <button type="button" class="primary" onClick={props.onOpenPanel}>
              {lt('card.open_panel')}
            </button>
          </div>
          <h3>{lt('card.findings')}</h3>
          {findings.length === 0 ? (
            <div class="muted">{lt('card.no_findings')}</div>
          ) : (
            <ul>
              {findings.map((f) => (
                <li key={f.key} class={`sev-${f.severity}`}>
                  {f.text}
                  {f.months ? <div class="cite">{f.months}</div> : null}
                </li>
              ))}
            </ul>
          )}
          <h3>{lt('card.facts')}</h3>
          <dl class="facts">
            {factLines(result.facts).map((l) => (
              <Fragment key={l.label}>
                <dt>{l.label}</dt>
                <dd>{l.value}</dd>
              </Fragment>
            ))}
          </dl>
          <h3>{lt('card.pack')}</h3>
          <div>{packLine(result.rulePack)}</div>
          <div class="muted">{packSource(result.rulePack)}</div>
          <div class="muted">
            {lt('card.as_of', { date: result.asOf })} ·{' '}
            {lt('card.checked_at', { time: formatDateTime(result.checkedAt) })}
            {result.cached ? ` ${lt('card.cached')}` : ''}
          </div>
          {result.failedProducts.length > 0 ? (
            <div class="muted sev-missing">
              {lt('card.failed_products', {
                products: result.failedProducts.map((p) => `${p.productId} (${p.code})`).join('、'),
              })}
            </div>
          ) : null}
          {authorization}
        </>
      );
    }
  }
}

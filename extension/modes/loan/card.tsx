/**
 * Loan review's preview and card, drawn in the card frame (docs/decisions/0024), never in the
 * page. The preview shows the borrower's state (需授权确认, 查询中, or the verdict: icon, word and
 * colour). The card holds the consent dialog until the officer has confirmed the
 * authorization (typed here, in the frame: page key listeners never see it), then the verdict
 * under its rule pack with the findings and the months that triggered them, and the report's
 * key facts. Every string is rendered as text, never as HTML; people appear masked only.
 */
import { Fragment, type JSX } from 'preact';
import { useRef } from 'preact/hooks';
import { localized, type MessageKey, t } from '../../core/i18n.ts';
import { send } from '../../core/messages.ts';
import type { FrameBodyProps, FrameCard } from '../../core/overlay/frame-app.tsx';
import { failedProductList, PersonPreview } from '../../core/personal/card-parts.tsx';
import type { ConsentEvent } from '../../core/personal/consent.ts';
import { CONSENT_CSS, ConsentForm } from '../../core/personal/consent-form.tsx';
import { redactIds } from '../../core/personal.ts';
import { formatDateTime } from '../../core/screening/format.ts';
import {
  borrowerLine,
  cardFindings,
  factLines,
  loanBadgeLabel,
  loanStateIcon,
  loanStateLabel,
  packLine,
} from './format.ts';
import {
  LOAN_PURPOSE,
  type LoanBorrowerRef,
  type LoanConsent,
  type LoanConsentEvent,
  type LoanConsentState,
  type LoanPageInfo,
  type LoanResult,
  loanDisplayState,
} from './model.ts';
import { PackSource } from './pack-source.tsx';
import { reviewToday } from './preview.ts';
import '../../core/personal/strings.ts';
import './strings.ts';

/** Styles added to the frame's sheet for the loan states and the consent form. */
export const LOAN_BADGE_CSS = `
.s-consent { color: var(--info-fg); background: var(--info-bg); }
.s-eligible { color: var(--pass-fg); background: var(--pass-bg); }
.s-ineligible { color: var(--fail-fg); background: var(--fail-bg); }
.s-incomplete, .s-error { color: var(--grey-fg); background: var(--grey-bg); }
.preview.s-consent .chip { color: var(--info-fg); background: var(--info-bg); }
.preview.s-eligible .chip { color: var(--pass-fg); background: var(--pass-bg); }
.preview.s-ineligible .chip { color: var(--fail-fg); background: var(--fail-bg); }
.preview.s-incomplete .chip, .preview.s-error .chip { color: var(--grey-fg); background: var(--grey-bg); border-style: dashed; }
${CONSENT_CSS}.card dl.facts { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0; }
.card dl.facts dt { color: var(--muted); }
.card dl.facts dd { margin: 0; }
`;

const LOAN_WORDS = new Set(['consent.intro', 'consent.confirm', 'consent.purpose']);

/** What the content script sends the frame about one borrower. */
export interface LoanCardProps {
  borrower: LoanBorrowerRef;
  result: LoanResult;
  consent: LoanConsentState;
  page: LoanPageInfo | null;
}

/** What the officer can do in a loan card. */
export type LoanAction =
  | { name: 'consent'; event: LoanConsentEvent }
  | { name: 'retry' }
  | { name: 'openPanel' };

/** The card's props with its actions bound. */
export interface LoanBadgeProps extends LoanCardProps {
  onConsent: (event: LoanConsentEvent) => void;
  onRetry: () => void;
  onOpenPanel: () => void;
}

/**
 * The frame body of loan mode: the preview on focus, the card (consent dialog first) on Enter.
 */
export function LoanFrameBody({ view, props, act, close }: FrameBodyProps): JSX.Element {
  const p = props as LoanCardProps | null;
  const dialog = useRef<HTMLDivElement>(null);
  if (!p) return <div />;
  const state = loanDisplayState(p.result);
  if (view === 'preview') {
    return (
      <PersonPreview
        state={state}
        icon={loanStateIcon(state)}
        label={loanStateLabel(state)}
        line={borrowerLine(p.borrower)}
        ariaLabel={loanBadgeLabel(p.borrower, p.result)}
      />
    );
  }
  return (
    <div
      ref={dialog}
      class="card"
      role="dialog"
      aria-label={loanBadgeLabel(p.borrower, p.result)}
      tabIndex={-1}
    >
      <Card
        {...p}
        today={reviewToday(p.page)}
        onConsent={(event) => act({ name: 'consent', event } satisfies LoanAction)}
        onRetry={() => act({ name: 'retry' } satisfies LoanAction)}
        onOpenPanel={() => act({ name: 'openPanel' } satisfies LoanAction)}
        onClose={() => close(true)}
        focusBadge={() => dialog.current?.focus()}
      />
    </div>
  );
}

function Card(
  props: LoanBadgeProps & { today: string; onClose: () => void; focusBadge: () => void },
): JSX.Element {
  const { borrower, result, consent } = props;
  const state = loanDisplayState(result);
  return (
    <>
      <button type="button" class="close" aria-label={t('card.close')} onClick={props.onClose}>
        ×
      </button>
      <h2>{borrowerLine(borrower)}</h2>
      {consent.step === 'editing' ? (
        <ConsentForm
          draftState={consent}
          today={props.today}
          purposeLabel={t('loan.purpose.housing_fund_loan')}
          // The dialog's words are the shared ones, but for what names this mode's purpose.
          label={(key) => t(`${LOAN_WORDS.has(key) ? 'loan' : 'personal'}.${key}` as MessageKey)}
          onConsent={props.onConsent as (event: ConsentEvent) => void}
          // The background records a complete consent from this extension frame first, as typed
          // here, and refuses a lookup whose consent it did not record (docs/decisions/0052).
          record={(c) => send({ type: 'page:loan-consent', key: borrower.key, consent: c as LoanConsent })}
          focusBadge={props.focusBadge}
        />
      ) : (
        <>
          <h3>{t('loan.card.verdict')}</h3>
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

function Details(props: LoanBadgeProps & { today: string }): JSX.Element | null {
  const { result, consent } = props;
  const grant = consent.step === 'granted' ? consent.consent : null;
  const authorization = grant ? (
    <div class="muted">
      {t('loan.card.authorization', { reference: redactIds(grant.reference), date: grant.grantedAt })}
    </div>
  ) : null;
  switch (result.state) {
    case 'consent':
      return (
        <>
          <p class="muted">{t('loan.card.consent_needed')}</p>
          <div class="actions">
            <button
              type="button"
              class="primary"
              onClick={() => props.onConsent({ type: 'open', today: props.today, purpose: LOAN_PURPOSE })}
            >
              {t('loan.card.start_consent')}
            </button>
          </div>
        </>
      );
    case 'checking':
      return authorization;
    case 'error':
      return (
        <>
          <p class="muted">{t('loan.card.error_detail', { reason: redactIds(localized(result.reason)) })}</p>
          {authorization}
          {grant ? (
            <div class="actions">
              <button type="button" class="primary" onClick={props.onRetry}>
                {t('loan.card.retry')}
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
              {t('loan.card.open_panel')}
            </button>
          </div>
          <h3>{t('loan.card.findings')}</h3>
          {findings.length === 0 ? (
            <div class="muted">{t('loan.card.no_findings')}</div>
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
          <h3>{t('loan.card.facts')}</h3>
          <FactList facts={result.facts} class="facts" />
          <h3>{t('loan.card.pack')}</h3>
          <div>{packLine(result.rulePack)}</div>
          <div class="muted">
            <PackSource pack={result.rulePack} />
          </div>
          <div class="muted">
            {t(result.asOfSource === 'data' ? 'loan.card.as_of_data' : 'loan.card.as_of', {
              date: result.asOf,
            })}{' '}
            · {t('loan.card.checked_at', { time: formatDateTime(result.checkedAt) })}
            {result.cached ? ` ${t('loan.card.cached')}` : ''}
          </div>
          {result.failedProducts.length > 0 ? (
            <div class="muted sev-missing">
              {t('loan.card.failed_products', {
                products: failedProductList(result.failedProducts),
              })}
            </div>
          ) : null}
          {authorization}
        </>
      );
    }
  }
}

/** The loan mode's card in the frame (core/overlay/frame-app.tsx). */
export const card: FrameCard = { body: LoanFrameBody, css: LOAN_BADGE_CSS };

/** A borrower's facts (months paid, overdue counts, statuses) as a definition list, for the card and the panel. */
export function FactList(props: { facts: Parameters<typeof factLines>[0]; class?: string }): JSX.Element {
  return (
    <dl class={props.class}>
      {factLines(props.facts).map((l) => (
        <Fragment key={l.label}>
          <dt>{l.label}</dt>
          <dd>{l.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/**
 * A person's preview and card in the card frame (docs/decisions/0024), never in the page: the
 * masked reference and the state (需授权确认, 查询中, or the verdict: icon, word and colour); the
 * card holds the consent dialog until the officer has confirmed the authorization, then the
 * person's verdict under the page's rule set with its findings. People appear masked only;
 * every string is rendered as text.
 */
import { todayInChina } from '@xinjian/sdk';
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { localized, type MessageKey, t } from '../i18n.ts';
import { send } from '../messages.ts';
import type { FrameBodyProps, FrameCard } from '../overlay/frame-app.tsx';
import { redactIds } from '../personal.ts';
import { formatDateTime } from '../screening/format.ts';
import { failedProductList, PersonPreview } from './card-parts.tsx';
import { type ConsentEvent, type ConsentState, consentReducer, initialConsent } from './consent.ts';
import { CONSENT_CSS, ConsentForm } from './consent-form.tsx';
import {
  type PersonAction,
  type PersonCardProps,
  type PersonDisplayState,
  type PersonRef,
  personDisplayState,
  personStateIcon,
} from './person.ts';
import './strings.ts';

const p = (key: string, params?: Record<string, string | number>) =>
  t(`personal.${key}` as MessageKey, params);

/** The word of a person's state. */
export function personStateLabel(state: PersonDisplayState): string {
  return state === 'consent' || state === 'checking' || state === 'error'
    ? p(`person.state.${state}`)
    : p(`verdict.${state}`);
}

/** A person as the card names them: role, masked name and masked ID number. */
export function personLine(person: PersonRef): string {
  return p('person.line', {
    role: p(`role.${person.role}`),
    name: person.nameMasked ?? '',
    id: person.idMasked,
  }).replace(/\s+/g, ' ');
}

/** What a screen reader hears for a person's marker. */
export function personBadgeLabel(props: PersonCardProps): string {
  return p('person.badge', {
    role: p(`role.${props.person.role}`),
    id: props.person.idMasked,
    state: personStateLabel(personDisplayState(props.result)),
  });
}

const PERSON_CSS = `
.preview.s-consent .chip { color: var(--info-fg); background: var(--info-bg); }
.preview.s-incomplete .chip, .preview.s-error .chip { color: var(--grey-fg); background: var(--grey-bg); border-style: dashed; }
${CONSENT_CSS}`;

/**
 * The frame body for people: the preview on focus, the card (consent dialog first) on Enter.
 */
export function PersonFrameBody({ view, props, act, close }: FrameBodyProps): JSX.Element {
  const c = props as PersonCardProps | null;
  const dialog = useRef<HTMLDivElement>(null);
  if (!c) return <div />;
  const state = personDisplayState(c.result);
  if (view === 'preview') {
    return (
      <PersonPreview
        state={state}
        icon={personStateIcon(state)}
        label={personStateLabel(state)}
        line={personLine(c.person)}
        ariaLabel={personBadgeLabel(c)}
      />
    );
  }
  return (
    <div ref={dialog} class="card" role="dialog" aria-label={personBadgeLabel(c)} tabIndex={-1}>
      <button type="button" class="close" aria-label={t('card.close')} onClick={() => close(true)}>
        ×
      </button>
      <h2>{personLine(c.person)}</h2>
      <PersonCard
        key={c.person.key}
        {...c}
        act={act}
        close={close}
        focusCard={() => dialog.current?.focus()}
      />
    </div>
  );
}

// The card's body. The consent dialog's draft is kept here, in the frame, and opens at once for
// a person still waiting for consent; cancelling it closes the card.
function PersonCard(
  props: PersonCardProps & {
    act: (action: PersonAction) => void;
    close: (refocus: boolean) => void;
    focusCard: () => void;
  },
): JSX.Element {
  const waiting = props.result.state === 'consent' && props.granted === null;
  const opened = (): ConsentState =>
    consentReducer(initialConsent(), { type: 'open', today: todayInChina(), purpose: props.purpose });
  const [consent, setConsent] = useState<ConsentState>(() => (waiting ? opened() : initialConsent()));
  const onConsent = (event: ConsentEvent) => {
    const next = consentReducer(consent, event);
    setConsent(next);
    if (event.type === 'cancel') props.close(true);
    else if (next.step === 'granted') props.act({ name: 'granted', consent: next.consent });
  };
  const state = personDisplayState(props.result);
  if (waiting && consent.step === 'editing') {
    return (
      <ConsentForm
        draftState={consent}
        // Today in China: the latest date an authorization may bear (the background checks it again).
        today={todayInChina()}
        purposeLabel={p(`purpose.${props.purpose}`)}
        label={(key) => p(key)}
        onConsent={onConsent}
        // Recorded from this extension frame first; the background refuses a lookup whose
        // consent it did not record (docs/decisions/0052).
        record={(given) => send({ type: 'page:person-consent', key: props.person.key, consent: given })}
        focusBadge={props.focusCard}
      />
    );
  }
  return (
    <>
      <h3>{p('person.verdict')}</h3>
      <div class={`verdict-line s-${state}`}>
        <span aria-hidden="true">{personStateIcon(state)}</span>
        <span>{personStateLabel(state)}</span>
      </div>
      <Details {...props} onStart={() => setConsent(opened())} />
    </>
  );
}

function Details(
  props: PersonCardProps & { act: (action: PersonAction) => void; onStart: () => void },
): JSX.Element | null {
  const { result } = props;
  const grant = props.granted;
  const authorization = grant ? (
    <div class="muted">
      {p('person.authorization', { reference: redactIds(grant.reference), date: grant.grantedAt })}
    </div>
  ) : null;
  switch (result.state) {
    case 'consent':
      return (
        <>
          <p class="muted">{p('person.consent_needed')}</p>
          <div class="actions">
            <button type="button" class="primary" onClick={props.onStart}>
              {p('person.start_consent')}
            </button>
          </div>
        </>
      );
    case 'checking':
      return authorization;
    case 'error':
      return (
        <>
          <p class="muted">{p('person.error_detail', { reason: redactIds(localized(result.reason)) })}</p>
          {authorization}
          {grant && result.retryable ? (
            <div class="actions">
              <button type="button" class="primary" onClick={() => props.act({ name: 'retry' })}>
                {p('person.retry')}
              </button>
            </div>
          ) : null}
        </>
      );
    case 'done': {
      const findings = result.result.findings;
      return (
        <>
          <h3>{p('person.findings')}</h3>
          {findings.length === 0 ? (
            <div class="muted">{p('person.no_findings')}</div>
          ) : (
            <ul>
              {findings.map((f, i) => (
                <li key={`${f.code}-${i}`} class={`sev-${f.severity}`}>
                  {redactIds(localized(f.message))}
                  <div class="cite">{f.citations.map((x) => `${x.documentNo} ${x.article}`).join('；')}</div>
                </li>
              ))}
            </ul>
          )}
          <div class="muted">{p('person.joins_group')}</div>
          <div class="muted">{p('person.checked_at', { time: formatDateTime(result.checkedAt) })}</div>
          {result.failedProducts.length > 0 ? (
            <div class="muted sev-missing">
              {p('person.failed_products', {
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

/** The people's card in the frame (core/overlay/frame-app.tsx). */
export const personCard: FrameCard = { body: PersonFrameBody, css: PERSON_CSS };

/**
 * The consent dialog of a personal lookup, drawn in the card frame (docs/decisions/0024), never
 * in the page: the officer confirms the purpose, types the authorization's reference and date
 * here, where page key listeners never see them. On submit the frame records the consent with
 * the background first (`record`), then tells the content script, which asks for the lookup;
 * the background refuses a lookup whose consent it did not record (docs/decisions/0052).
 * Shared by every mode that looks people up; each gives its own words and its record message.
 */
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import {
  type ConsentError,
  type ConsentEvent,
  type ConsentState,
  consentReducer,
  type PersonalConsent,
} from './consent.ts';

/** The styles of the card's close button and of the dialog, for a mode's frame sheet. */
export const CONSENT_CSS = `
.card .close { float: right; margin: -4px -6px 0 6px; padding: 0 6px; }
.card form { margin: 6px 0 0; display: grid; gap: 8px; }
.card label.check { display: flex; gap: 6px; align-items: flex-start; }
.card label.field { display: grid; gap: 2px; }
.card input[type="text"], .card input[type="date"] {
  font: inherit; padding: 3px 6px; border: 1px solid var(--muted); border-radius: 6px; color: var(--fg); background: var(--bg);
}
.card input[aria-invalid="true"] { border-color: var(--fail-fg); }
.card .errors { color: var(--fail-fg); margin: 0; }
`;

/** The texts of the dialog, by the suffix of their key (`consent.title`, `consent.error.date`, …). */
export type ConsentLabel = (key: string) => string;

/** What the dialog needs. */
export interface ConsentFormProps {
  draftState: Extract<ConsentState, { step: 'editing' }>;
  /** Today in China (`YYYY-MM-DD`): the latest date an authorization may bear. */
  today: string;
  /** The agreed purpose in words. */
  purposeLabel: string;
  label: ConsentLabel;
  onConsent: (event: ConsentEvent) => void;
  /** Records a complete consent with the background (from this extension frame). */
  record: (consent: PersonalConsent) => Promise<unknown>;
  /** Gives the focus back to the card once the form is gone. */
  focusBadge: () => void;
}

/**
 * The dialog's form.
 */
export function ConsentForm(props: ConsentFormProps): JSX.Element {
  const { draft, errors } = props.draftState;
  const { label } = props;
  const first = useRef<HTMLInputElement>(null);
  const titleId = useRef(`xj-consent-${Math.random().toString(36).slice(2)}`).current;
  useEffect(() => first.current?.focus(), []);
  const has = (...e: ConsentError[]) => errors.some((x) => e.includes(x));
  const submit = (e: Event) => {
    e.preventDefault();
    const event = { type: 'submit', today: props.today, now: new Date().toISOString() } as const;
    const forward = () => props.onConsent(event);
    const form = e.currentTarget as HTMLFormElement;
    const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
    const typed = {
      purposeConfirmed: input('purposeConfirmed')?.checked ?? draft.purposeConfirmed,
      reference: input('reference')?.value ?? draft.reference,
      grantedAt: input('grantedAt')?.value ?? draft.grantedAt,
    };
    const after = consentReducer({ ...props.draftState, draft: typed, errors: [] }, event);
    if (after.step !== 'granted') return forward();
    void props.record(after.consent).then(forward, forward);
  };
  // Once granted the form is gone: keep the focus on the badge rather than losing it.
  useEffect(() => () => props.focusBadge(), []);
  const edit = (patch: Partial<typeof draft>) => props.onConsent({ type: 'edit', patch });
  return (
    <form onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h3 id={titleId}>{label('consent.title')}</h3>
      <p class="muted">{label('consent.intro')}</p>
      <div>
        {label('consent.purpose')}：<strong>{props.purposeLabel}</strong>
      </div>
      <label class="check">
        <input
          ref={first}
          type="checkbox"
          name="purposeConfirmed"
          checked={draft.purposeConfirmed}
          aria-invalid={has('purpose')}
          onChange={(e) => edit({ purposeConfirmed: (e.currentTarget as HTMLInputElement).checked })}
        />
        <span>{label('consent.confirm')}</span>
      </label>
      <label class="field">
        <span>{label('consent.reference')}</span>
        <input
          type="text"
          name="reference"
          autocomplete="off"
          maxLength={100}
          value={draft.reference}
          aria-invalid={has('reference', 'reference_long', 'reference_id')}
          onInput={(e) => edit({ reference: (e.currentTarget as HTMLInputElement).value })}
        />
      </label>
      <label class="field">
        <span>{label('consent.granted_at')}</span>
        <input
          type="date"
          name="grantedAt"
          max={props.today}
          value={draft.grantedAt}
          aria-invalid={has('date', 'date_future')}
          onInput={(e) => edit({ grantedAt: (e.currentTarget as HTMLInputElement).value })}
        />
      </label>
      {errors.length > 0 ? (
        <ul class="errors" role="alert">
          {errors.map((e) => (
            <li key={e}>{label(`consent.error.${e}`)}</li>
          ))}
        </ul>
      ) : null}
      <div class="actions">
        <button type="submit" class="primary">
          {label('consent.submit')}
        </button>
        <button type="button" onClick={() => props.onConsent({ type: 'cancel' })}>
          {label('consent.cancel')}
        </button>
      </div>
    </form>
  );
}

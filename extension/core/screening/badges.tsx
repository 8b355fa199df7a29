/**
 * The screening markers of a page (procurement, tendering): the core's badge host with each
 * subject's result and the page's cut-off, drawn only in the card frame (docs/decisions/0024).
 */
import { type BadgeHandle, BadgeHost, isOwnUi, type MarkerPlace } from '../badges/host.ts';
import type { CardFrame } from '../overlay/card-frame.ts';
import type { ScreeningAction, ScreeningCardProps } from './card.tsx';
import type { PageSubject, SubjectResult } from './model.ts';

export type { BadgeHandle };
export { isOwnUi };

/** What the markers can ask the feature to do. */
export interface BadgeActions {
  lookup(key: string): void;
  pick(key: string, uscc: string): void;
  openReport(key: string): void;
}

type Cutoff = ScreeningCardProps['cutoff'];

/**
 * The registry of one page's screening markers.
 */
export class ScreeningBadges extends BadgeHost<PageSubject, SubjectResult> {
  // The page's cut-off, shared with the view the host draws cards with.
  readonly #page: { cutoff: Cutoff };

  constructor(actions: BadgeActions, frame: CardFrame) {
    const page: { cutoff: Cutoff } = { cutoff: null };
    const resultOf: { get: (key: string) => SubjectResult | undefined } = { get: () => undefined };
    super(
      {
        mode: 'screening',
        props: (_key, subject, result): ScreeningCardProps => ({ subject, result, cutoff: page.cutoff }),
        act: (key, action) => {
          const a = action as ScreeningAction;
          if (a.name === 'lookup') actions.lookup(key);
          else if (a.name === 'pick') actions.pick(key, a.uscc);
          else if (a.name === 'openReport') actions.openReport(key);
        },
        activate: (key, handle) => {
          if (resultOf.get(key)?.state === 'idle') actions.lookup(key);
          frame.show(handle, 'card');
        },
        same: sameResult,
      },
      frame,
    );
    resultOf.get = (key) => this.result(key);
    this.#page = page;
  }

  /** Tracks the subject and puts a marker after its occurrence. */
  show(
    at: MarkerPlace,
    subject: PageSubject,
    initial: SubjectResult,
  ): { handle: BadgeHandle; split: Text | null } {
    this.track(subject.key, subject, initial);
    return this.mount(at, subject.key);
  }

  setCutoff(cutoff: NonNullable<Cutoff>): void {
    this.#page.cutoff = cutoff;
    this.rerenderAll();
  }
}

// The same result delivered twice (pushed, then in the lookup's reply) renders once.
function sameResult(a: SubjectResult, b: SubjectResult): boolean {
  if (a.state !== b.state) return false;
  if (a.state === 'done' && b.state === 'done')
    return a.checkedAt === b.checkedAt && JSON.stringify(a.match) === JSON.stringify(b.match);
  return JSON.stringify(a) === JSON.stringify(b);
}

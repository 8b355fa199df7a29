import { byMode } from '../../core/modes.ts';
import type { FrameCard } from '../../core/overlay/frame-app.tsx';
import { startFrame } from '../../core/overlay/frame-app.tsx';
import { BADGE_CSS } from '../../core/overlay/styles.ts';
import { personCard } from '../../core/personal/card.tsx';
import { PERSON_CARD } from '../../core/personal/person.ts';
import { ScreeningFrameBody } from '../../core/screening/card.tsx';

// The card frame (docs/decisions/0024): the screening card, and each mode's own card body.
const cards = byMode(import.meta.glob<FrameCard>('../../modes/*/card.tsx', { eager: true, import: 'card' }));
const style = document.createElement('style');
style.textContent = BADGE_CSS + personCard.css + [...cards.values()].map((c) => c.css).join('');
document.head.append(style);
startFrame(document.getElementById('app') as HTMLElement, {
  screening: ScreeningFrameBody,
  [PERSON_CARD]: personCard.body,
  ...Object.fromEntries([...cards].map(([id, c]) => [id, c.body])),
});

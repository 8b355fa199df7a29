import { startFrame } from '../../core/overlay/frame-app.tsx';
import { BADGE_CSS } from '../../core/overlay/styles.ts';
import { ProcurementFrameBody } from '../../core/screening/card.tsx';
import { LOAN_BADGE_CSS, LoanFrameBody } from '../../modes/loan/card.tsx';

// The card frame (docs/decisions/0024): each mode contributes its card body and styles.
const style = document.createElement('style');
style.textContent = BADGE_CSS + LOAN_BADGE_CSS;
document.head.append(style);
startFrame(document.getElementById('app') as HTMLElement, {
  procurement: ProcurementFrameBody,
  loan: LoanFrameBody,
});

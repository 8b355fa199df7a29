import { ProcurementFrameBody } from '../../content/badge.tsx';
import { BADGE_CSS } from '../../content/badge-styles.ts';
import { LOAN_BADGE_CSS, LoanFrameBody } from '../../content/loan-badge.tsx';
import { startFrame } from '../../core/overlay/frame-app.tsx';

// The card frame (docs/decisions/0024): each mode contributes its card body and styles.
const style = document.createElement('style');
style.textContent = BADGE_CSS + LOAN_BADGE_CSS;
document.head.append(style);
startFrame(document.getElementById('app') as HTMLElement, {
  procurement: ProcurementFrameBody,
  loan: LoanFrameBody,
});

/**
 * The browser tests' window into the loan markers and the card frame, as for procurement
 * (docs/decisions/0008, 0024): compiled only into the `e2e` build. The page posts
 * `{ xinjianTest: 'snapshot', id }` and gets `{ xinjianTestReply: id, badges }`, one snapshot
 * per badge in page order. Only one mode runs on a page, so only one hook answers.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type BadgeSnapshot, frameSnapshot, inPageOrder } from '../../core/badges/test-hook.ts';
import type { LoanBadges } from './badges.tsx';
import { loanBadgeLabel } from './format.ts';
import { loanDisplayState } from './model.ts';
import { loanPreviewText } from './preview.ts';

/**
 * Answers snapshot requests from the page until the context ends.
 *
 * @example
 * ```ts
 * if (import.meta.env.MODE === 'e2e') installLoanTestHook(ctx, () => badges);
 * ```
 */
export function installLoanTestHook(ctx: ContentScriptContext, registry: () => LoanBadges): void {
  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    const data = event.data as { xinjianTest?: string; id?: string } | null;
    if (event.source !== window || data?.xinjianTest !== 'snapshot') return;
    const frame = registry().frame;
    void frame.settled(300).then(() => reply(data.id));
  });
  function reply(id: string | undefined): void {
    const frame = registry().frame;
    const badges: BadgeSnapshot[] = inPageOrder(registry().handles()).map((handle) => {
      const result = registry().result(handle.key);
      const borrower = registry().borrowers.get(handle.key);
      return {
        key: handle.key,
        name: borrower?.nameMasked ?? null,
        state: result ? loanDisplayState(result) : 'unknown',
        text: result ? loanPreviewText(result) : '',
        label: borrower && result ? loanBadgeLabel(borrower, result) : '',
        ...frameSnapshot(frame, handle),
      };
    });
    window.postMessage({ xinjianTestReply: id, badges }, '*');
  }
}

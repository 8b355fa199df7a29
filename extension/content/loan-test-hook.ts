/**
 * The browser tests' window into the loan badges' closed shadow roots, as for procurement
 * (docs/decisions/0008): compiled only into the `e2e` build. The page posts
 * `{ xinjianTest: 'snapshot', id }` and gets `{ xinjianTestReply: id, badges }`, one snapshot
 * per badge in page order. Only one mode runs on a page, so only one hook answers.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loanDisplayState } from '../lib/loan-model.ts';
import type { LoanBadges } from './loan-badges.tsx';
import type { BadgeSnapshot } from './test-hook.ts';

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
    const handles = [...registry().handles()].sort((a, b) =>
      a.host.compareDocumentPosition(b.host) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    const badges: BadgeSnapshot[] = handles.map((handle) => {
      const badge = handle.root.querySelector('.badge');
      const card = handle.root.querySelector('.card');
      const result = registry().result(handle.key);
      const tags: Record<string, number> = {};
      for (const el of handle.root.querySelectorAll('*')) tags[el.localName] = (tags[el.localName] ?? 0) + 1;
      return {
        key: handle.key,
        name: registry().borrowers.get(handle.key)?.nameMasked ?? null,
        state: result ? loanDisplayState(result) : 'unknown',
        text: badge?.textContent ?? '',
        label: badge?.getAttribute('aria-label') ?? '',
        cardOpen: card !== null && !card.hasAttribute('hidden'),
        cardText: card?.textContent ?? '',
        focused: document.activeElement === handle.host && handle.root.activeElement === badge,
        tags,
      };
    });
    window.postMessage({ xinjianTestReply: data.id, badges }, '*');
  });
}

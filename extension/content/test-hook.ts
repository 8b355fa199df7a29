/**
 * The browser tests' window into the closed shadow roots. Compiled only into the `e2e` build
 * (the call site is behind `import.meta.env.MODE === 'e2e'`, which the production build folds
 * to `false` and drops); see docs/decisions/0008. The page asks with
 * `postMessage({ xinjianTest: 'snapshot', id })` and gets `{ xinjianTestReply: id, badges }`.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { displayState } from '../lib/model.ts';
import type { BadgeRegistry } from './badges.tsx';

/**
 * What the tests can see of one badge.
 *
 * @example
 * ```ts
 * const s: BadgeSnapshot = { key: 'code:…', name: null, state: 'pass', text: '✓AAA 主体评级·通过', label: '…', cardOpen: false, cardText: '', focused: false, tags: { span: 6, div: 1 } };
 * ```
 */
export interface BadgeSnapshot {
  key: string;
  name: string | null;
  state: string;
  text: string;
  label: string;
  cardOpen: boolean;
  cardText: string;
  focused: boolean;
  /** Elements in the badge's shadow root by lower-case tag name (`{ span: 6, div: 1 }`). */
  tags: Record<string, number>;
}

/**
 * Answers snapshot requests from the page until the context ends.
 *
 * @example
 * ```ts
 * if (import.meta.env.MODE === 'e2e') installTestHook(ctx, () => registry);
 * ```
 */
export function installTestHook(ctx: ContentScriptContext, registry: () => BadgeRegistry): void {
  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    const data = event.data as { xinjianTest?: string; id?: string } | null;
    if (event.source !== window || data?.xinjianTest !== 'snapshot') return;
    const badges: BadgeSnapshot[] = [];
    // In page order, whatever order the badges were mounted in.
    const handles = [...registry().handles()].sort((a, b) =>
      a.host.compareDocumentPosition(b.host) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    for (const handle of handles) {
      const badge = handle.root.querySelector('.badge');
      const card = handle.root.querySelector('.card');
      const result = registry().result(handle.key);
      const tags: Record<string, number> = {};
      for (const el of handle.root.querySelectorAll('*')) {
        const tag = el.localName;
        tags[tag] = (tags[tag] ?? 0) + 1;
      }
      badges.push({
        key: handle.key,
        name: registry().subjects.get(handle.key)?.name ?? null,
        state: result ? displayState(result) : 'unknown',
        text: badge?.textContent ?? '',
        label: badge?.getAttribute('aria-label') ?? '',
        cardOpen: card !== null && !card.hasAttribute('hidden'),
        cardText: card?.textContent ?? '',
        focused: document.activeElement === handle.host && handle.root.activeElement === badge,
        tags,
      });
    }
    window.postMessage({ xinjianTestReply: data.id, badges }, '*');
  });
}

/**
 * The content script's start: ask the background whether and how to run here, then start the
 * feature of the site's mode. Adding a mode is adding its feature file and one line below.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { setLanguage } from '../i18n.ts';
import { createLogger } from '../log.ts';
import { type ContentSession, send } from '../messages.ts';
import { startProcurement } from '../screening/content.ts';

const log = createLogger('content');

const FEATURES: Partial<
  Record<ContentSession['mode'], (ctx: ContentScriptContext, session: ContentSession) => void>
> = {
  procurement: startProcurement,
  // Loan review is its own script (content-scripts/loan.js), started only on loan pages.
  loan: () =>
    void send({ type: 'cs:start-loan' }).catch((e: unknown) => log.warn('loan mode did not start', e)),
};

/**
 * Runs the content script for this page.
 *
 * @example
 * ```ts
 * export default defineContentScript({ registration: 'runtime', main: (ctx) => startContent(ctx) });
 * ```
 */
export async function startContent(ctx: ContentScriptContext): Promise<void> {
  let session: ContentSession | null;
  try {
    session = await send({ type: 'cs:hello', url: location.href, title: document.title });
  } catch (e) {
    log.warn('background unreachable', e);
    return;
  }
  if (!session || ctx.isInvalid) return;
  setLanguage(session.language);
  FEATURES[session.mode]?.(ctx, session);
}
